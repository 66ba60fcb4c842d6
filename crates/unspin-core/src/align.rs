//! Sentence alignment that survives paraphrase and reordering.
//!
//! Similarity is the Dice coefficient of two sentences' content stems, each weighted by
//! its rarity (IDF over the sentences of both articles). Rarity matters twice: a
//! paraphrase keeps the rare words (names, numbers, key nouns), and words the whole
//! story repeats ("Kremlin", "summit") say little about which sentence copies which.
//!
//! Every sentence links to its best counterpart above a threshold; groups are the
//! connected components of those links, which gives 1–1, 1–many and many–1 groups in
//! any order.

use rustc_hash::FxHashMap;

use crate::config::Config;
use crate::doc::Doc;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum MatchKind {
    Identical,
    Edited,
    Paraphrase,
}

impl MatchKind {
    pub fn as_str(self) -> &'static str {
        match self {
            MatchKind::Identical => "identical",
            MatchKind::Edited => "edited",
            MatchKind::Paraphrase => "paraphrase",
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Group {
    /// Sentence indices in the first document, ascending.
    pub a: Vec<usize>,
    /// Sentence indices in the second document, ascending.
    pub b: Vec<usize>,
    /// Weighted Dice of the two sides' content terms.
    pub score: f64,
    pub kind: MatchKind,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Alignment {
    /// Ordered by first `b` sentence, then first `a` sentence.
    pub groups: Vec<Group>,
}

impl Alignment {
    /// The same alignment seen from the other article: each group's sides swapped, in
    /// the order [`Alignment::groups`] keeps.
    pub fn mirrored(mut self) -> Alignment {
        for g in &mut self.groups {
            std::mem::swap(&mut g.a, &mut g.b);
        }
        self.groups.sort_by_key(|g| (g.b[0], g.a[0]));
        self
    }

    /// For each sentence of `a`, the group it belongs to.
    pub fn group_of_a(&self, n: usize) -> Vec<Option<usize>> {
        let mut out = vec![None; n];
        for (gi, g) in self.groups.iter().enumerate() {
            for &i in &g.a {
                if let Some(slot) = out.get_mut(i) {
                    *slot = Some(gi);
                }
            }
        }
        out
    }

    pub fn group_of_b(&self, n: usize) -> Vec<Option<usize>> {
        let mut out = vec![None; n];
        for (gi, g) in self.groups.iter().enumerate() {
            for &j in &g.b {
                if let Some(slot) = out.get_mut(j) {
                    *slot = Some(gi);
                }
            }
        }
        out
    }
}

/// Term weights (IDF over the content sentences of both documents).
pub struct Weights {
    idf: FxHashMap<u64, f64>,
}

impl Weights {
    pub fn new(a: &Doc<'_>, b: &Doc<'_>) -> Weights {
        Weights::from_docs(&[a, b])
    }

    /// IDF over a corpus of term sets (one per sentence).
    pub fn from_term_sets<'t>(sets: impl IntoIterator<Item = &'t [u64]>) -> Weights {
        let mut df: FxHashMap<u64, u32> = FxHashMap::default();
        let mut n = 0u32;
        for set in sets {
            n += 1;
            for &t in set {
                *df.entry(t).or_default() += 1;
            }
        }
        Weights::from_frequencies(df, n)
    }

    /// IDF over the content sentences of all `docs`.
    pub fn from_docs(docs: &[&Doc<'_>]) -> Weights {
        let mut df: FxHashMap<u64, u32> = FxHashMap::default();
        let mut n = 0usize;
        for d in docs {
            let content = d.content();
            n += content.sentences;
            df.reserve(content.terms.len());
            for (t, k) in content.frequencies() {
                *df.entry(t).or_default() += k;
            }
        }
        Weights::from_frequencies(df, u32::try_from(n).unwrap_or(u32::MAX))
    }

    /// IDF from each term's sentence count `df` among `n` sentences.
    fn from_frequencies(df: FxHashMap<u64, u32>, n: u32) -> Weights {
        let n = f64::from(n.max(1));
        let idf = df
            .into_iter()
            .map(|(t, d)| (t, (1.0 + n / f64::from(d)).ln()))
            .collect();
        Weights { idf }
    }

    pub fn of(&self, term: u64) -> f64 {
        self.idf.get(&term).copied().unwrap_or(0.0)
    }

    pub fn total(&self, terms: &[u64]) -> f64 {
        terms.iter().map(|&t| self.of(t)).sum()
    }

    /// The total weight of each sentence of `d`.
    fn sentence_totals(&self, d: &Doc<'_>) -> Vec<f64> {
        d.sentences.iter().map(|s| self.total(&s.terms)).collect()
    }

    /// Weighted Dice of two sorted term sets.
    pub fn dice(&self, x: &[u64], y: &[u64]) -> f64 {
        let denom = self.total(x) + self.total(y);
        if denom <= 0.0 {
            return 0.0;
        }
        2.0 * self.shared(x, y) / denom
    }

    /// Weight of the terms two sorted sets share.
    pub fn shared(&self, x: &[u64], y: &[u64]) -> f64 {
        let (mut i, mut j, mut s) = (0, 0, 0.0);
        while i < x.len() && j < y.len() {
            match x[i].cmp(&y[j]) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    s += self.of(x[i]);
                    i += 1;
                    j += 1;
                }
            }
        }
        s
    }
}

/// The sorted content terms of one sentence of plain text, as the aligner sees it.
pub fn sentence_terms(text: &str) -> Vec<u64> {
    let mut terms: Vec<u64> = crate::text::words::tokenize(text, 0)
        .iter()
        .filter(|t| !t.stop)
        .map(|t| crate::doc::term_hash(&t.stem))
        .collect();
    terms.sort_unstable();
    terms.dedup();
    terms
}

/// Union of sorted term sets of several sentences.
pub fn union_terms(doc: &Doc<'_>, idx: &[usize]) -> Vec<u64> {
    let mut out: Vec<u64> = idx
        .iter()
        .filter_map(|&i| doc.sentences.get(i))
        .flat_map(|s| s.terms.iter().copied())
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

pub fn align(a: &Doc<'_>, b: &Doc<'_>, weights: &Weights, cfg: &Config) -> Alignment {
    let Links { best_a, best_b } = if exhaustive_visits(a, b) <= EXHAUSTIVE_VISITS {
        links_exhaustive(a, b, weights, cfg)
    } else {
        links_bounded(a, b, weights, cfg)
    };
    // A best link that is not mutual makes a 1–many or many–1 group; it must then be
    // mostly contained in its counterpart, or a loosely related sentence would join.
    let contained =
        |x: &[u64], y: &[u64]| weights.shared(x, y) / weights.total(x).max(f64::MIN_POSITIVE);
    let mut edges: Vec<(usize, usize)> = Vec::new();
    // The a sentence each b sentence's edge goes to, if it has one.
    let mut b_edge: Vec<Option<usize>> = vec![None; b.sentences.len()];
    for &(j, i) in &best_b {
        let mutual = best_a[i].1 == j;
        if mutual
            || contained(&b.sentences[j].terms, &a.sentences[i].terms) >= cfg.split_containment
        {
            edges.push((i, j));
            b_edge[j] = Some(i);
        }
    }
    for (i, &(sim, j)) in best_a.iter().enumerate() {
        // No counterpart at all (j is usize::MAX) whatever the threshold says.
        let Some(&edge) = b_edge.get(j) else {
            continue;
        };
        if sim < cfg.link_threshold || edge == Some(i) {
            continue;
        }
        if contained(&a.sentences[i].terms, &b.sentences[j].terms) >= cfg.split_containment {
            edges.push((i, j));
        }
    }
    groups_from_edges(a, b, &edges, weights, cfg)
}

/// Postings the exhaustive search may visit (about a tenth of a second): articles need
/// thousands at most, so they are always aligned exactly. Beyond it (tens of thousands
/// of near-identical sentences, where exhaustive search grows with the square of the
/// length) each sentence looks at few candidates: [`links_bounded`].
const EXHAUSTIVE_VISITS: u64 = 50_000_000;
/// In the bounded search, postings each sentence visits, rarest terms first…
const BOUNDED_VISITS: usize = 2048;
/// …and the candidates it then scores in full.
const BOUNDED_CANDIDATES: usize = 32;

/// Each sentence's best link: for each sentence of `a`, (similarity, sentence of `b`);
/// the sentences of `b` whose best link clears the threshold, with that sentence of `a`.
struct Links {
    best_a: Vec<(f64, usize)>,
    best_b: Vec<(usize, usize)>,
}

/// Postings [`links_exhaustive`] visits: each term's content sentences in `b` times its
/// content sentences in `a`.
fn exhaustive_visits(a: &Doc<'_>, b: &Doc<'_>) -> u64 {
    let postings = a.content();
    b.content()
        .frequencies()
        .map(|(t, k)| u64::from(k) * postings.holders(t).len() as u64)
        .sum()
}

fn is_content(d: &Doc<'_>, i: usize) -> bool {
    d.sentences[i].kind().is_content() && !d.sentences[i].terms.is_empty()
}

/// Every pair of sentences sharing a term, scored through an inverted index over `a`.
fn links_exhaustive(a: &Doc<'_>, b: &Doc<'_>, weights: &Weights, cfg: &Config) -> Links {
    let postings = a.content();
    let a_total = weights.sentence_totals(a);
    let mut best_a: Vec<(f64, usize)> = vec![(0.0, usize::MAX); a.sentences.len()];
    let mut best_b: Vec<(usize, usize)> = Vec::new();
    let mut acc: Vec<f64> = vec![0.0; a.sentences.len()];
    for (j, s) in b.sentences.iter().enumerate() {
        if !is_content(b, j) {
            continue;
        }
        // The a sentences sharing a term lie in `lo..=hi` (weights are positive, so a
        // shared term leaves a non-zero sum): visited in order without sorting them.
        let (mut lo, mut hi) = (usize::MAX, 0);
        for &t in &s.terms {
            let holders = postings.holders(t);
            let (Some(&first), Some(&last)) = (holders.first(), holders.last()) else {
                continue;
            };
            lo = lo.min(first as usize);
            hi = hi.max(last as usize);
            let w = weights.of(t);
            for &i in holders {
                acc[i as usize] += w;
            }
        }
        let b_total = weights.total(&s.terms);
        let mut best: (f64, usize) = (0.0, usize::MAX);
        for i in lo..=hi.min(acc.len().saturating_sub(1)) {
            if acc[i] == 0.0 {
                continue;
            }
            let sim = 2.0 * acc[i] / (a_total[i] + b_total).max(f64::MIN_POSITIVE);
            acc[i] = 0.0;
            if sim > best.0 {
                best = (sim, i);
            }
            if sim > best_a[i].0 {
                best_a[i] = (sim, j);
            }
        }
        if best.1 != usize::MAX && best.0 >= cfg.link_threshold {
            best_b.push((j, best.1));
        }
    }
    Links { best_a, best_b }
}

/// Links for documents too repetitive to search exhaustively: each side's sentences
/// search the other side ([`best_bounded`]), so that every sentence of either side has
/// candidates of its own. Linear in the documents' length.
fn links_bounded(a: &Doc<'_>, b: &Doc<'_>, weights: &Weights, cfg: &Config) -> Links {
    let best_a = best_bounded(a, b, weights);
    let best_b = best_bounded(b, a, weights)
        .into_iter()
        .enumerate()
        .filter(|&(_, (sim, i))| i != usize::MAX && sim >= cfg.link_threshold)
        .map(|(j, (_, i))| (j, i))
        .collect();
    Links { best_a, best_b }
}

/// For each sentence of `query`, its most similar sentence of `target` as (similarity,
/// index), the first on ties; (0, `usize::MAX`) if none shares a term. Each sentence
/// visits the postings of its terms rarest first, up to [`BOUNDED_VISITS`]; if that
/// covered all its terms, the scores are exact. Otherwise the [`BOUNDED_CANDIDATES`]
/// sentences that scored most on the rare terms are scored in full, or, when even its
/// rarest term is too common, that many holders of the rarest term around the
/// sentence's own relative position.
fn best_bounded(query: &Doc<'_>, target: &Doc<'_>, weights: &Weights) -> Vec<(f64, usize)> {
    let postings = target.content();
    let target_total = weights.sentence_totals(target);
    let (nt, nq) = (target.sentences.len(), query.sentences.len().max(1));
    let mut best: Vec<(f64, usize)> = vec![(0.0, usize::MAX); query.sentences.len()];
    let mut acc: Vec<f64> = vec![0.0; nt];
    let mut touched: Vec<u32> = Vec::new();
    let mut candidates: Vec<u32> = Vec::new();
    for (j, s) in query.sentences.iter().enumerate() {
        if !is_content(query, j) {
            continue;
        }
        let mut terms: Vec<(usize, u64)> = s
            .terms
            .iter()
            .map(|&t| (postings.holders(t).len(), t))
            .filter(|&(df, _)| df > 0)
            .collect();
        terms.sort_unstable();
        let (mut visited, mut complete) = (0, true);
        for &(df, t) in &terms {
            if visited + df > BOUNDED_VISITS {
                complete = false;
                break;
            }
            visited += df;
            let w = weights.of(t);
            for &i in postings.holders(t) {
                if acc[i as usize] == 0.0 {
                    touched.push(i);
                }
                acc[i as usize] += w;
            }
        }
        let q_total = weights.total(&s.terms);
        let dice = |i: usize, shared: f64| {
            2.0 * shared / (target_total[i] + q_total).max(f64::MIN_POSITIVE)
        };
        candidates.clear();
        if complete || touched.is_empty() {
            let holders = terms.first().map_or(&[][..], |&(_, t)| postings.holders(t));
            if complete {
                candidates.extend_from_slice(&touched);
            } else {
                let at = holders.partition_point(|&i| (i as usize) < j * nt / nq);
                let to = (at + BOUNDED_CANDIDATES / 2)
                    .max(BOUNDED_CANDIDATES)
                    .min(holders.len());
                candidates.extend_from_slice(&holders[to.saturating_sub(BOUNDED_CANDIDATES)..to]);
            }
        } else {
            candidates.extend_from_slice(&touched);
            if candidates.len() > BOUNDED_CANDIDATES {
                // Most scored first, then the earliest: a total order, so the cut is
                // deterministic.
                let order =
                    |x: &u32, y: &u32| acc[*y as usize].total_cmp(&acc[*x as usize]).then(x.cmp(y));
                candidates.select_nth_unstable_by(BOUNDED_CANDIDATES - 1, order);
                candidates.truncate(BOUNDED_CANDIDATES);
            }
        }
        // In sentence order, as the exhaustive search visits them: ties go to the first.
        candidates.sort_unstable();
        for &i in &candidates {
            let i = i as usize;
            let sim = if complete {
                dice(i, acc[i])
            } else {
                dice(i, weights.shared(&target.sentences[i].terms, &s.terms))
            };
            if sim > best[j].0 {
                best[j] = (sim, i);
            }
        }
        for &i in &touched {
            acc[i as usize] = 0.0;
        }
        touched.clear();
    }
    best
}

/// The sentences of one passage of `src` that together hold sentence `j` of `copy`, if
/// any do: a copy sentence may condense a passage (four of a wire's sentences into
/// one), and then matches none of them alone. The source sentence sharing most of `j`'s
/// content weight comes first; then, greedily, the sentences at most `trace_fuse_span`
/// from it adding most of what is still missing, each adding at least
/// `trace_fuse_gain` of the weight, at most `trace_fuse_parts` in all. Together they
/// must hold `trace_fuse_cover` of it: the span keeps a long source from covering a
/// sentence by chance, with words from all over. Returns their share of `j`'s weight
/// and the sentences, ascending.
pub fn fuse(
    src: &Doc<'_>,
    copy: &Doc<'_>,
    j: usize,
    weights: &Weights,
    cfg: &Config,
) -> Option<(f64, Vec<usize>)> {
    let terms = &copy.sentences.get(j)?.terms;
    let total = weights.total(terms);
    if terms.len() < cfg.trace_fuse_min_terms.max(1) || total.is_nan() || total <= 0.0 {
        return None;
    }
    // The first part: the content sentence sharing most weight, the earliest on ties
    // (accumulated through the postings, as the aligner scores sentences).
    let postings = src.content();
    let mut shared: FxHashMap<u32, f64> = FxHashMap::default();
    for &t in terms {
        let w = weights.of(t);
        for &i in postings.holders(t) {
            *shared.entry(i).or_default() += w;
        }
    }
    let (first, _) = shared
        .iter()
        .max_by(|x, y| x.1.total_cmp(y.1).then(y.0.cmp(x.0)))
        .map(|(&i, &w)| (i as usize, w))?;
    let window = first.saturating_sub(cfg.trace_fuse_span)
        ..first
            .saturating_add(cfg.trace_fuse_span)
            .saturating_add(1)
            .min(src.sentences.len());
    let mut left: Vec<u64> = terms.clone();
    let mut parts: Vec<usize> = Vec::new();
    let mut covered = 0.0;
    while parts.len() < cfg.trace_fuse_parts {
        // The first part, then the most weight added, then the earliest sentence.
        let pick = if parts.is_empty() {
            Some(first)
        } else {
            window
                .clone()
                .filter(|i| !parts.contains(i) && shared.contains_key(&(*i as u32)))
                .map(|i| (weights.shared(&left, &src.sentences[i].terms), i))
                .max_by(|x, y| x.0.total_cmp(&y.0).then(y.1.cmp(&x.1)))
                .map(|(_, i)| i)
        };
        let Some(i) = pick else { break };
        let held = &src.sentences[i].terms;
        let gain = weights.shared(&left, held);
        if !(gain >= cfg.trace_fuse_gain * total && gain > 0.0) {
            break;
        }
        covered += gain;
        parts.push(i);
        left.retain(|t| held.binary_search(t).is_err());
    }
    let cover = covered / total;
    parts.sort_unstable();
    (cover >= cfg.trace_fuse_cover && !parts.is_empty()).then_some((cover, parts))
}

fn groups_from_edges(
    a: &Doc<'_>,
    b: &Doc<'_>,
    edges: &[(usize, usize)],
    weights: &Weights,
    cfg: &Config,
) -> Alignment {
    let na = a.sentences.len();
    let mut parent: Vec<usize> = (0..na + b.sentences.len()).collect();
    fn find(parent: &mut [usize], mut x: usize) -> usize {
        while parent[x] != x {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        x
    }
    for &(i, j) in edges {
        let (ra, rb) = (find(&mut parent, i), find(&mut parent, na + j));
        if ra != rb {
            parent[ra.max(rb)] = ra.min(rb);
        }
    }
    let mut by_root: FxHashMap<usize, (Vec<usize>, Vec<usize>)> = FxHashMap::default();
    for &(i, j) in edges {
        let root = find(&mut parent, i);
        let entry = by_root.entry(root).or_default();
        entry.0.push(i);
        entry.1.push(j);
    }
    let mut groups: Vec<Group> = by_root
        .into_values()
        .map(|(mut ai, mut bi)| {
            ai.sort_unstable();
            ai.dedup();
            bi.sort_unstable();
            bi.dedup();
            let score = weights.dice(&union_terms(a, &ai), &union_terms(b, &bi));
            let kind = match_kind(a, &ai, b, &bi, cfg);
            Group {
                a: ai,
                b: bi,
                score,
                kind,
            }
        })
        .collect();
    groups.sort_by_key(|g| (g.b[0], g.a[0]));
    Alignment { groups }
}

fn match_kind(a: &Doc<'_>, ai: &[usize], b: &Doc<'_>, bi: &[usize], cfg: &Config) -> MatchKind {
    fn words<'d>(d: &'d Doc<'_>, idx: &[usize]) -> Vec<&'d str> {
        idx.iter()
            .flat_map(|&i| d.sentence_tokens(i).iter().map(|t| t.lower.as_str()))
            .collect()
    }
    let (wa, wb) = (words(a, ai), words(b, bi));
    if wa == wb {
        return MatchKind::Identical;
    }
    let mut sa = wa.clone();
    let mut sb = wb.clone();
    sa.sort_unstable();
    sb.sort_unstable();
    let shared = shared_count(&sa, &sb);
    let dice = 2.0 * shared as f64 / (sa.len() + sb.len()).max(1) as f64;
    if dice >= cfg.edited_threshold {
        MatchKind::Edited
    } else {
        MatchKind::Paraphrase
    }
}

/// How many elements two sorted sequences have in common (as multisets).
pub fn shared_count<T: Ord>(a: &[T], b: &[T]) -> usize {
    let (mut i, mut j, mut shared) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    shared
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Article;

    /// Sentence `k` of a ledger: `items` distinct item words, each on one of `days` days.
    fn ledger(order: impl Iterator<Item = usize>, days: usize) -> String {
        order
            .map(|k| format!("The depot logged item{k} on day{} of the audit.", k % days))
            .collect::<Vec<_>>()
            .chunks(4)
            .map(|p| p.join(" "))
            .collect::<Vec<_>>()
            .join("\n\n")
    }

    fn docs(a: &str, b: &str) -> (Article, Article) {
        (
            Article::new("a", a.to_string()),
            Article::new("b", b.to_string()),
        )
    }

    #[test]
    fn a_sentence_fuses_with_one_passage_not_words_from_all_over() {
        // The copy's sentence takes a clause from each of three source sentences. Next
        // to each other they are a passage it condenses; twelve sentences apart, words
        // a long source happens to hold.
        let parts = [
            "Harbour pilot Ada Krell guided the tanker Osprey past the breakwater at dawn.",
            "The vessel carried eleven thousand tonnes of diesel for the northern depots.",
            "Port officials praised the crew after the storm delayed every other arrival.",
        ];
        let filler = |k: usize| format!("Councillors debated parking charges for meeting {k}.");
        let source = |gap: usize| -> String {
            let mut out: Vec<String> = Vec::new();
            for p in parts {
                out.push(p.to_string());
                let at = out.len();
                out.extend((0..gap).map(|k| filler(at + k)));
            }
            out.join(" ")
        };
        let copy = "Krell steered the Osprey, loaded with diesel, into port, and officials praised the crew.";
        let cfg = Config::default();
        let fused = |gap: usize| {
            let (a, b) = docs(&source(gap), copy);
            let (da, db) = (Doc::new(&a), Doc::new(&b));
            let weights = Weights::new(&da, &db);
            fuse(&da, &db, 0, &weights, &cfg).map(|(_, parts)| parts)
        };
        assert_eq!(fused(0), Some(vec![0, 1, 2]));
        assert_eq!(fused(12), None);
    }

    #[test]
    fn bounded_search_is_exact_when_every_sentence_fits_its_budget() {
        // Few enough sentences that each visits all its postings within the budget:
        // the bounded search must find the very links the exhaustive one finds.
        let cfg = Config::default();
        for (n, days) in [(40, 3), (200, 7), (120, 120)] {
            let shuffled = (0..n).map(|k| (k * 37 + 11) % n).filter(|k| k % 5 != 0);
            let (a, b) = docs(&ledger(0..n, days), &ledger(shuffled, days));
            let (da, db) = (Doc::new(&a), Doc::new(&b));
            let weights = Weights::new(&da, &db);
            let exact = links_exhaustive(&da, &db, &weights, &cfg);
            let bounded = links_bounded(&da, &db, &weights, &cfg);
            assert_eq!(bounded.best_b, exact.best_b, "{n} sentences");
            let pick = |l: &Links| l.best_a.iter().map(|&(_, j)| j).collect::<Vec<_>>();
            assert_eq!(pick(&bounded), pick(&exact), "{n} sentences");
            for (x, y) in bounded.best_a.iter().zip(&exact.best_a) {
                assert!((x.0 - y.0).abs() < 1e-9, "{x:?} vs {y:?}");
            }
        }
    }

    #[test]
    fn long_repetitive_documents_align_each_sentence_with_its_counterpart() {
        // 6,000 sentences sharing most words: exhaustive search would visit more
        // postings than it may, so the bounded search runs, and still pairs each
        // sentence with the one logging the same item, in any order.
        let n = 6000;
        let order: Vec<usize> = (0..n).map(|k| (k * 7919) % n).collect();
        let (a, b) = docs(&ledger(0..n, 30), &ledger(order.iter().copied(), 30));
        let (da, db) = (Doc::new(&a), Doc::new(&b));
        assert!(exhaustive_visits(&da, &db) > EXHAUSTIVE_VISITS);
        let cfg = Config::default();
        let alignment = align(&da, &db, &Weights::new(&da, &db), &cfg);
        assert_eq!(alignment.groups.len(), n);
        for g in &alignment.groups {
            assert_eq!((g.a.len(), g.b.len()), (1, 1), "{g:?}");
            assert_eq!(g.a[0], order[g.b[0]], "{g:?}");
            assert_eq!(g.kind, MatchKind::Identical);
        }
    }
}
