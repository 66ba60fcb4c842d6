//! `scan`: every copy family in a set of articles.
//!
//! 1. Sentences that recur verbatim across articles and are short (bylines, "Related
//!    article" teasers, newsletter footers, agency credits) are boilerplate: removed
//!    before fingerprinting and verification, so they never glue articles together.
//! 2. Candidates: articles sharing an LSH band (copies) or at least `min_shared_keys`
//!    sentence keys (rewrites). Keys held by more than `max_posting` articles say
//!    nothing about copying and are dropped.
//! 3. Every candidate pair is verified by the full comparison.
//! 4. Derived pairs form families; each family's original is the article the others
//!    derive from (by direction evidence, then date); every member gets its most likely
//!    source. Same-story pairs are kept as links, never as copies.

use rustc_hash::{FxHashMap, FxHashSet};
use unspin_core::compare::Comparison;
use unspin_core::doc::Doc;
use unspin_core::text::UnitKind;
use unspin_core::verdict::{Relation, Side};
use unspin_core::{Config, compare_docs};

use crate::corpus::Item;
use crate::fingerprint::{Fingerprint, fingerprint, sentence_hash};

#[derive(Clone, Debug, PartialEq)]
pub struct ScanConfig {
    /// A sentence in at least this many articles, of at most `boilerplate_words` words,
    /// is boilerplate.
    pub boilerplate_min_articles: usize,
    pub boilerplate_words: usize,
    /// Keys held by more articles than this are dropped as uninformative.
    pub max_posting: usize,
    /// Sentence keys two articles must share to be verified…
    pub min_shared_keys: usize,
    /// …and at least this share of the smaller article's keys.
    pub min_shared_key_share: f64,
    /// Threads verifying candidates (output does not depend on it).
    pub threads: usize,
}

impl Default for ScanConfig {
    fn default() -> ScanConfig {
        ScanConfig {
            boilerplate_min_articles: 3,
            boilerplate_words: 20,
            max_posting: 200,
            min_shared_keys: 3,
            min_shared_key_share: 0.1,
            threads: 1,
        }
    }
}

/// A verified pair (indices into the scanned items).
#[derive(Clone, Debug, PartialEq)]
pub struct Pair {
    pub a: usize,
    pub b: usize,
    pub relation: Relation,
    pub source: Option<Side>,
    pub confidence: f64,
    pub coverage_a: f64,
    pub coverage_b: f64,
    /// The most important changes, as (kind, detail).
    pub top_changes: Vec<(&'static str, String)>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Member {
    pub item: usize,
    /// The member it most likely copies (null for the original).
    pub source: Option<usize>,
    pub relation: Option<Relation>,
    pub confidence: f64,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Family {
    pub original: usize,
    /// The original first, then by item index.
    pub members: Vec<Member>,
    /// Articles on the same story, written independently, linked to a member.
    pub same_story: Vec<usize>,
    /// Articles that reuse part of a member (or of which a member reuses part), as
    /// (article, member): linked to the family without merging families.
    pub partial_reuse: Vec<(usize, usize)>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct ScanStats {
    pub articles: usize,
    pub boilerplate_sentences: usize,
    pub dropped_keys: usize,
    pub candidates: usize,
    pub verified_related: usize,
}

pub struct ScanResult {
    pub pairs: Vec<Pair>,
    pub families: Vec<Family>,
    pub stats: ScanStats,
}

/// What a scan is doing, for progress displays.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stage {
    /// Analysing articles: (analysed so far, total).
    Analysing(usize, usize),
    /// Verifying candidate pairs: (verified so far, total).
    Verifying(usize, usize),
}

pub fn scan(items: &[Item], cfg: &Config, scan_cfg: &ScanConfig) -> ScanResult {
    scan_with_progress(items, cfg, scan_cfg, &|_| {})
}

/// [`scan`], reporting progress to `progress` (called from worker threads).
pub fn scan_with_progress(
    items: &[Item],
    cfg: &Config,
    scan_cfg: &ScanConfig,
    progress: &(dyn Fn(Stage) + Sync),
) -> ScanResult {
    let threads = scan_cfg.threads.max(1);
    let analysed = std::sync::atomic::AtomicUsize::new(0);
    let mut docs: Vec<Doc<'_>> = parallel_map(items, threads, |i| {
        let n = analysed.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1;
        if n.is_multiple_of(64) || n == items.len() {
            progress(Stage::Analysing(n, items.len()));
        }
        Doc::new(&i.article)
    });
    let mut stats = ScanStats {
        articles: items.len(),
        ..ScanStats::default()
    };

    // 1. Boilerplate: short sentences repeated verbatim across articles that otherwise
    // share nothing. A sentence repeated within a copy family (a syndicated story's
    // short lines) is not boilerplate: removing it would hide the copying.
    let mut seen_in: FxHashMap<u64, (usize, Vec<u32>)> = FxHashMap::default();
    let mut short: Vec<Vec<u64>> = Vec::with_capacity(docs.len());
    for (k, d) in docs.iter().enumerate() {
        let mut own: Vec<u64> = (0..d.sentences.len())
            .filter(|&i| {
                let s = &d.sentences[i];
                s.kind() == UnitKind::Body && s.n_words <= scan_cfg.boilerplate_words
            })
            .map(|i| sentence_hash(d, i))
            .collect();
        own.sort_unstable();
        own.dedup();
        for &h in &own {
            let (n, sample) = seen_in.entry(h).or_default();
            *n += 1;
            if sample.len() < BOILERPLATE_SAMPLE {
                sample.push(k as u32);
            }
        }
        short.push(own);
    }
    let repeated: FxHashSet<u64> = seen_in
        .iter()
        .filter(|(_, (n, _))| *n >= scan_cfg.boilerplate_min_articles)
        .map(|(&h, _)| h)
        .collect();
    // Sentence keys with every repeated sentence left out say whether the articles
    // sharing one are related otherwise.
    let mut prints: Vec<Fingerprint> = parallel_map(&docs, threads, |d| fingerprint(d, &repeated));
    let boilerplate: FxHashSet<u64> = repeated
        .iter()
        .copied()
        .filter(|h| !within_family(&seen_in[h].1, &prints))
        .collect();
    stats.boilerplate_sentences = boilerplate.len();
    for (k, d) in docs.iter().enumerate() {
        if short[k]
            .iter()
            .any(|h| repeated.contains(h) && !boilerplate.contains(h))
        {
            prints[k] = fingerprint(d, &boilerplate);
        }
    }
    drop(short);

    // 2. Candidates.
    let mut postings: FxHashMap<(u8, u64), Vec<u32>> = FxHashMap::default();
    for (k, p) in prints.iter().enumerate() {
        for (band, &key) in p.bands.iter().enumerate() {
            postings
                .entry((band as u8, key))
                .or_default()
                .push(k as u32);
        }
        for &key in &p.sentence_keys {
            postings.entry((u8::MAX, key)).or_default().push(k as u32);
        }
    }
    let mut band_pairs: FxHashSet<(u32, u32)> = FxHashSet::default();
    let mut key_counts: FxHashMap<(u32, u32), u32> = FxHashMap::default();
    for ((kind, _), list) in &postings {
        if list.len() > scan_cfg.max_posting {
            stats.dropped_keys += 1;
            continue;
        }
        for (x, &i) in list.iter().enumerate() {
            for &j in &list[x + 1..] {
                let pair = (i.min(j), i.max(j));
                if *kind == u8::MAX {
                    *key_counts.entry(pair).or_default() += 1;
                } else {
                    band_pairs.insert(pair);
                }
            }
        }
    }
    // Exact duplicates share an id whatever their fingerprints.
    let mut by_id: FxHashMap<u128, Vec<u32>> = FxHashMap::default();
    for (k, item) in items.iter().enumerate() {
        by_id.entry(item.id.0).or_default().push(k as u32);
    }
    for list in by_id.values() {
        for (x, &i) in list.iter().enumerate() {
            for &j in &list[x + 1..] {
                band_pairs.insert((i, j));
            }
        }
    }
    // Enough shared sentence keys, absolutely and relative to the smaller article.
    let enough = |&((i, j), n): &((u32, u32), u32)| {
        let smaller = prints[i as usize]
            .sentence_keys
            .len()
            .min(prints[j as usize].sentence_keys.len())
            .max(1);
        n as usize >= scan_cfg.min_shared_keys
            && f64::from(n) >= scan_cfg.min_shared_key_share * smaller as f64
    };
    let mut candidates: Vec<(u32, u32)> = band_pairs
        .into_iter()
        .chain(key_counts.into_iter().filter(enough).map(|(p, _)| p))
        .collect();
    candidates.sort_unstable();
    candidates.dedup();
    stats.candidates = candidates.len();

    // 3. Verification on the articles with boilerplate removed.
    for d in &mut docs {
        d.mark_boilerplate(|d, i| boilerplate.contains(&sentence_hash(d, i)));
    }
    let doc_of = |k: usize| &docs[k];
    // Candidates are dealt to threads in turn; results are put back in candidate order.
    let done = std::sync::atomic::AtomicUsize::new(0);
    let total = candidates.len();
    let verify = |worker: usize| -> Vec<(usize, Pair)> {
        candidates
            .iter()
            .enumerate()
            .filter(|(k, _)| k % threads == worker)
            .filter_map(|(k, &(i, j))| {
                let n = done.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1;
                if n.is_multiple_of(64) || n == total {
                    progress(Stage::Verifying(n, total));
                }
                let (i, j) = (i as usize, j as usize);
                let c = compare_docs(doc_of(i), doc_of(j), cfg);
                (c.verdict.relation != Relation::Unrelated).then(|| (k, pair(i, j, &c)))
            })
            .collect()
    };
    let mut found: Vec<(usize, Pair)> = if threads == 1 {
        verify(0)
    } else {
        std::thread::scope(|scope| {
            let handles: Vec<_> = (0..threads)
                .map(|w| scope.spawn(move || verify(w)))
                .collect();
            handles
                .into_iter()
                .flat_map(|h| h.join().unwrap_or_default())
                .collect()
        })
    };
    found.sort_by_key(|(k, _)| *k);
    let pairs: Vec<Pair> = found.into_iter().map(|(_, p)| p).collect();
    stats.verified_related = pairs.len();

    // 4. Families.
    let families = families(items, &pairs);
    ScanResult {
        pairs,
        families,
        stats,
    }
}

/// Articles sampled per repeated sentence to tell boilerplate from a family's own lines.
const BOILERPLATE_SAMPLE: usize = 8;

/// Whether most pairs of the sampled articles share at least two sentence keys: the
/// sentence they repeat belongs to one story, copied, rather than to a site's template.
fn within_family(sample: &[u32], prints: &[Fingerprint]) -> bool {
    let (mut pairs, mut related) = (0usize, 0usize);
    for (x, &i) in sample.iter().enumerate() {
        for &j in &sample[x + 1..] {
            pairs += 1;
            let (a, b) = (
                &prints[i as usize].sentence_keys,
                &prints[j as usize].sentence_keys,
            );
            related += usize::from(shared_sorted(a, b) >= 2);
        }
    }
    pairs > 0 && 2 * related > pairs
}

/// How many values two sorted, deduplicated lists share.
fn shared_sorted(a: &[u64], b: &[u64]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

fn pair(a: usize, b: usize, c: &Comparison<'_>) -> Pair {
    Pair {
        a,
        b,
        relation: c.verdict.relation,
        source: c.verdict.source,
        confidence: c.verdict.confidence,
        coverage_a: c.verdict.coverage_a,
        coverage_b: c.verdict.coverage_b,
        top_changes: c
            .changes
            .iter()
            .filter(|ch| ch.kind != unspin_core::changes::ChangeKind::ClaimOmitted)
            .take(5)
            .map(|ch| (ch.kind.as_str(), ch.detail.clone()))
            .collect(),
    }
}

fn families(items: &[Item], pairs: &[Pair]) -> Vec<Family> {
    let n = items.len();
    let mut parent: Vec<usize> = (0..n).collect();
    fn find(p: &mut [usize], mut x: usize) -> usize {
        while p[x] != x {
            p[x] = p[p[x]];
            x = p[x];
        }
        x
    }
    // Partial reuse links families without merging them: one shared paragraph must not
    // chain whole families together.
    let derived: Vec<&Pair> = pairs.iter().filter(|p| p.relation.is_copy()).collect();
    for p in &derived {
        let (ra, rb) = (find(&mut parent, p.a), find(&mut parent, p.b));
        if ra != rb {
            parent[ra.max(rb)] = ra.min(rb);
        }
    }
    let mut groups: FxHashMap<usize, Vec<usize>> = FxHashMap::default();
    for k in 0..n {
        let root = find(&mut parent, k);
        groups.entry(root).or_default().push(k);
    }
    let mut out: Vec<Family> = Vec::new();
    let mut roots: Vec<usize> = groups
        .keys()
        .copied()
        .filter(|r| groups[r].len() > 1)
        .collect();
    roots.sort_unstable();
    for root in roots {
        let members = &groups[&root];
        let in_family: FxHashSet<usize> = members.iter().copied().collect();
        let edges: Vec<&&Pair> = derived
            .iter()
            .filter(|p| in_family.contains(&p.a))
            .collect();
        // Evidence for being the original: directed edges out minus in, then the date.
        let score = |k: usize| -> f64 {
            edges
                .iter()
                .map(|p| match (p.source, p.a == k, p.b == k) {
                    (Some(Side::A), true, _) | (Some(Side::B), _, true) => p.confidence,
                    (Some(Side::A), _, true) | (Some(Side::B), true, _) => -p.confidence,
                    _ => 0.0,
                })
                .sum()
        };
        let original = members
            .iter()
            .copied()
            .max_by(|&x, &y| {
                score(x)
                    .total_cmp(&score(y))
                    .then_with(|| items[y].article.meta.date.cmp(&items[x].article.meta.date))
                    .then_with(|| y.cmp(&x))
            })
            .unwrap_or(root);
        // Each member's source: its parent on the tree grown from the original, taking
        // the strongest edge first.
        let mut source: FxHashMap<usize, (usize, &Pair)> = FxHashMap::default();
        let mut reached: FxHashSet<usize> = [original].into_iter().collect();
        let mut frontier = vec![original];
        while !frontier.is_empty() {
            let mut next = Vec::new();
            for &from in &frontier {
                let mut out_edges: Vec<&&&Pair> = edges
                    .iter()
                    .filter(|p| p.a == from || p.b == from)
                    .collect();
                out_edges.sort_by(|x, y| {
                    y.confidence
                        .total_cmp(&x.confidence)
                        .then((x.a, x.b).cmp(&(y.a, y.b)))
                });
                for p in out_edges {
                    let to = if p.a == from { p.b } else { p.a };
                    if reached.insert(to) {
                        source.insert(to, (from, p));
                        next.push(to);
                    }
                }
            }
            next.sort_unstable();
            frontier = next;
        }
        let mut list: Vec<Member> = vec![Member {
            item: original,
            source: None,
            relation: None,
            confidence: 0.0,
        }];
        let mut rest: Vec<usize> = members.iter().copied().filter(|&k| k != original).collect();
        rest.sort_unstable();
        for k in rest {
            let (src, p) = source[&k];
            let agrees = matches!(
                (p.source, p.a == src),
                (Some(Side::A), true) | (Some(Side::B), false)
            );
            list.push(Member {
                item: k,
                source: Some(src),
                relation: Some(p.relation),
                confidence: if agrees { p.confidence } else { 0.0 },
            });
        }
        let mut same: Vec<usize> = pairs
            .iter()
            .filter(|p| p.relation == Relation::SameStory)
            .filter_map(
                |p| match (in_family.contains(&p.a), in_family.contains(&p.b)) {
                    (true, false) => Some(p.b),
                    (false, true) => Some(p.a),
                    _ => None,
                },
            )
            .collect();
        same.sort_unstable();
        same.dedup();
        let mut partial: Vec<(usize, usize)> = pairs
            .iter()
            .filter(|p| p.relation == Relation::PartialReuse)
            .filter_map(
                |p| match (in_family.contains(&p.a), in_family.contains(&p.b)) {
                    (true, false) => Some((p.b, p.a)),
                    (false, true) => Some((p.a, p.b)),
                    _ => None,
                },
            )
            .collect();
        partial.sort_unstable();
        partial.dedup();
        out.push(Family {
            original,
            members: list,
            same_story: same,
            partial_reuse: partial,
        });
    }
    out
}

/// `f` over `items` on `threads` threads, results in input order.
fn parallel_map<'t, T: Sync, U: Send>(
    items: &'t [T],
    threads: usize,
    f: impl Fn(&'t T) -> U + Sync,
) -> Vec<U> {
    if threads <= 1 || items.len() < 2 {
        return items.iter().map(f).collect();
    }
    let chunk = items.len().div_ceil(threads);
    std::thread::scope(|scope| {
        let f = &f;
        let handles: Vec<_> = items
            .chunks(chunk)
            .map(|part| scope.spawn(move || part.iter().map(f).collect::<Vec<U>>()))
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_default())
            .collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::item;
    use unspin_core::Article;

    const FOOTER: &str = "Follow us for more news every day.";

    fn story(topic: &str, people: &[&str], extra: &str) -> String {
        format!(
            "{topic} news\n\n{p0} said the {topic} council would meet on Tuesday to discuss the plan for 2026. \
             {p1} told reporters that {topic} spending would rise by 14 percent next year. \
             The {topic} plan was approved. \
             Residents of {p2}ville asked the council to publish the full {topic} report before the vote. {extra}",
            p0 = people[0],
            p1 = people[1],
            p2 = people[2],
        )
    }

    #[test]
    fn boilerplate_is_what_unrelated_articles_repeat() {
        let topics = [
            ("harbour", ["Ada Fenwick", "Bo Marsh", "Kell"]),
            ("railway", ["Cy Dorran", "Di Quill", "Moss"]),
            ("museum", ["Eve Talbot", "Fen Rook", "Lark"]),
            ("orchard", ["Gus Hale", "Hal Brent", "Wren"]),
        ];
        let mut items: Vec<Item> = topics
            .iter()
            .enumerate()
            .map(|(k, (t, p))| item(Article::new(format!("site{k}"), story(t, p, FOOTER))))
            .collect();
        // One story syndicated twice: its short line "The harbour plan was approved." recurs in three
        // articles, as the footer does, but they are copies of one story.
        for k in 0..2 {
            let copy = story("harbour", &["Ada Fenwick", "Bo Marsh", "Kell"], "")
                .replace("on Tuesday", &format!("on Tuesday ({k})"));
            items.push(item(Article::new(format!("copy{k}"), copy)));
        }
        let result = scan(&items, &Config::default(), &ScanConfig::default());
        // The footer (4 unrelated articles) is boilerplate; the syndicated line is not.
        assert_eq!(result.stats.boilerplate_sentences, 1);
        let family: Vec<Vec<usize>> = result
            .families
            .iter()
            .map(|f| f.members.iter().map(|m| m.item).collect())
            .collect();
        assert_eq!(family, [vec![0, 4, 5]]);
    }
}
