//! `trace`: where did this article come from? The article is aligned against every
//! candidate source (under one shared IDF), each of its sentences is attributed to the
//! best-matching source group or to none, and the article as a whole is judged wholly,
//! partially or not derived — the categories METER annotates. Each word is labelled
//! too (verbatim, rewrite, new), as METER's annotators did: a sentence may copy a phrase
//! from another source than the passage it aligns with, or add a clause to it.

use crate::align::{self, MatchKind, Weights};
use crate::article::{Article, Span};
use crate::changes::{self, ChangeKind, OrientedGroup};
use crate::compare::{ChangeOut, Unit};
use crate::config::Config;
use crate::diff::{WordDiff, word_diff};
use crate::doc::Doc;
use crate::text::UnitKind;
use crate::text::words::Token;
use rustc_hash::FxHashSet;
use std::ops::Range;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum TraceKind {
    /// Taken over (nearly) word for word.
    Verbatim,
    /// Derived from a source but reworded.
    Rewrite,
    /// Not found in any source.
    New,
}

impl TraceKind {
    pub fn as_str(self) -> &'static str {
        match self {
            TraceKind::Verbatim => "verbatim",
            TraceKind::Rewrite => "rewrite",
            TraceKind::New => "new",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Derivation {
    Wholly,
    Partially,
    None,
}

impl Derivation {
    pub fn as_str(self) -> &'static str {
        match self {
            Derivation::Wholly => "wholly",
            Derivation::Partially => "partially",
            Derivation::None => "none",
        }
    }
}

/// One body sentence of the traced article.
#[derive(Clone, Debug, PartialEq)]
pub struct TracedSentence {
    /// Index into [`Trace::units`].
    pub unit: usize,
    pub kind: TraceKind,
    /// Index into the sources, when derived.
    pub source: Option<usize>,
    /// The source's units the sentence aligns with (indices into that source's units).
    pub source_units: Vec<usize>,
    pub score: f64,
    /// The longest run of words shared in order with the source passage.
    pub longest_run: usize,
    /// Its words: indices into [`Trace::words`].
    pub words: Range<usize>,
}

/// A word of the article and where it came from: verbatim when it lies in a run of
/// `trace_verbatim_ngram` words some source holds or the aligned passage keeps it; new
/// when no source supports its sentence or it belongs to a clause the passage lacks;
/// rewritten otherwise.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TracedWord {
    pub span: Span,
    pub kind: TraceKind,
}

#[derive(Clone, Debug)]
pub struct SourceTrace<'x> {
    pub article: &'x Article,
    pub units: Vec<Unit>,
    /// Share of the traced article's body words attributed to this source.
    pub share: f64,
    /// Changes the article made to this source (`a` = source, `b` = traced article).
    pub changes: Vec<ChangeOut>,
}

#[derive(Clone, Debug)]
pub struct Trace<'x> {
    pub article: &'x Article,
    pub units: Vec<Unit>,
    pub sentences: Vec<TracedSentence>,
    pub words: Vec<TracedWord>,
    pub sources: Vec<SourceTrace<'x>>,
    /// Share of the article's body words that derive from some source.
    pub derived_share: f64,
    /// Share of the article's body words taken over verbatim (see [`TracedWord`]).
    pub verbatim_share: f64,
    /// Share of the article's word trigrams (body) found anywhere in the sources.
    pub trigram_containment: f64,
    /// Share of the article's body words inside runs of at least `trace_min_tile` words
    /// shared with the sources, each source word used once (greedy string tiling).
    pub tiled_share: f64,
    /// Words of the article's longest sentence of its own, one that keeps no word of a
    /// source verbatim (0: it has none).
    pub longest_own: usize,
    pub derivation: Derivation,
    /// Sentences no source supports, as `claim_added` changes (`a` is null).
    pub new_claims: Vec<ChangeOut>,
}

pub fn trace<'x>(article: &'x Article, sources: &'x [Article], cfg: &Config) -> Trace<'x> {
    let doc = Doc::new(article);
    let sdocs: Vec<Doc<'_>> = sources.iter().map(Doc::new).collect();
    let mut all: Vec<&Doc<'_>> = vec![&doc];
    all.extend(sdocs.iter());
    let weights = Weights::from_docs(&all);
    let mut alignments: Vec<align::Alignment> = sdocs
        .iter()
        .map(|s| align::align(s, &doc, &weights, cfg))
        .collect();
    fuse_unaligned(&doc, &sdocs, &mut alignments, &weights, cfg);

    // Best group for every sentence of the article, over all sources.
    let mut best: Vec<Option<(usize, usize)>> = vec![None; doc.sentences.len()];
    let score_of = |k: usize, gi: usize| alignments[k].groups[gi].score;
    for (k, al) in alignments.iter().enumerate() {
        for (gi, g) in al.groups.iter().enumerate() {
            for &j in &g.b {
                if best[j].is_none_or(|(bk, bg)| g.score > score_of(bk, bg)) {
                    best[j] = Some((k, gi));
                }
            }
        }
    }

    let grams: FxHashSet<u64> = sdocs
        .iter()
        .flat_map(|d| body_grams(d, cfg.trace_verbatim_ngram))
        .collect();
    let mut sentences = Vec::new();
    let mut words = Vec::new();
    let mut push_words = |own: &[Token], kinds: Vec<TraceKind>| {
        let start = words.len();
        words.extend(own.iter().zip(kinds).map(|(t, kind)| TracedWord {
            span: doc.span(t.range.clone()),
            kind,
        }));
        start..words.len()
    };
    let (mut total, mut derived) = (0usize, 0usize);
    let mut per_source = vec![0usize; sources.len()];
    for (j, s) in doc.sentences.iter().enumerate() {
        if s.kind() != UnitKind::Body {
            continue;
        }
        total += s.n_words;
        let own = doc.sentence_tokens(j);
        let Some((k, gi)) = best[j] else {
            sentences.push(TracedSentence {
                unit: j,
                kind: TraceKind::New,
                source: None,
                source_units: Vec::new(),
                score: 0.0,
                longest_run: 0,
                words: push_words(own, word_kinds(own, None, &grams, cfg)),
            });
            continue;
        };
        let g = &alignments[k].groups[gi];
        let kind = if g.kind == MatchKind::Paraphrase {
            TraceKind::Rewrite
        } else {
            TraceKind::Verbatim
        };
        derived += s.n_words;
        per_source[k] += s.n_words;
        let passage: Vec<&Token> =
            g.a.iter()
                .flat_map(|&i| sdocs[k].sentence_tokens(i))
                .collect();
        let diff = word_diff(&passage, &own.iter().collect::<Vec<_>>());
        let words = push_words(own, word_kinds(own, Some((&passage, &diff)), &grams, cfg));
        sentences.push(TracedSentence {
            unit: j,
            kind,
            source: Some(k),
            source_units: g.a.clone(),
            score: g.score,
            longest_run: diff.longest_run,
            words,
        });
    }
    let share = |n: usize| {
        if total == 0 {
            0.0
        } else {
            n as f64 / total as f64
        }
    };
    let derived_share = share(derived);
    let verbatim = words
        .iter()
        .filter(|w| w.kind == TraceKind::Verbatim)
        .count();
    let trigram_containment = containment(&doc, &sdocs);
    let tiled_share = tiled_share(&doc, &sdocs, cfg.trace_min_tile);
    // Calibrated on METER dev: nearly every sentence aligned, or most of them with no
    // longer sentence of the article's own, means wholly derived; too few words in runs
    // shared with the sources means written independently, however close the story
    // (independent reports share names, quotes and stock phrases).
    let longest_own = sentences
        .iter()
        .map(|s| &words[s.words.clone()])
        .filter(|w| w.iter().all(|w| w.kind != TraceKind::Verbatim))
        .map(<[TracedWord]>::len)
        .max()
        .unwrap_or(0);
    let derivation = if derived_share >= cfg.trace_wholly
        || (derived_share >= cfg.trace_wholly_mostly && longest_own <= cfg.trace_own_words)
    {
        Derivation::Wholly
    } else if tiled_share >= cfg.trace_min_tiled && derived_share > 0.0 {
        Derivation::Partially
    } else {
        Derivation::None
    };

    let all = changes::Sources::new(&sdocs.iter().collect::<Vec<_>>());
    // A fact another candidate source states is taken from there, not added.
    let found: Vec<Vec<changes::Change>> = sdocs
        .iter()
        .enumerate()
        .map(|(k, sdoc)| {
            let groups: Vec<OrientedGroup<'_>> = alignments[k]
                .groups
                .iter()
                .map(|g| OrientedGroup {
                    src: &g.a,
                    copy: &g.b,
                    kind: g.kind,
                    score: g.score,
                })
                .collect();
            changes::detect_among(sdoc, &all.except(k), &doc, &groups, cfg).changes
        })
        .collect();
    let shown = shown_changes(&doc, &sdocs, &best, &found, cfg);
    let source_traces = found
        .into_iter()
        .zip(shown)
        .enumerate()
        .map(|(k, (changes, shown))| {
            let sdoc = &sdocs[k];
            let changes = changes
                .into_iter()
                .zip(shown)
                .filter(|&(_, shown)| shown)
                .map(|(c, _)| ChangeOut {
                    kind: c.kind,
                    a: c.src.map(|r| sdoc.span(r)),
                    b: c.copy.map(|r| doc.span(r)),
                    speaker: c.speaker,
                    detail: c.detail,
                    weight: c.weight,
                })
                .collect();
            SourceTrace {
                article: &sources[k],
                units: crate::compare::units(sdoc),
                share: share(per_source[k]),
                changes,
            }
        })
        .collect();
    let new_claims = sentences
        .iter()
        .filter(|s| s.kind == TraceKind::New && !doc.sentences[s.unit].terms.is_empty())
        .map(|s| ChangeOut {
            kind: ChangeKind::ClaimAdded,
            a: None,
            b: Some(doc.sentences[s.unit].sentence.span),
            speaker: None,
            detail: "no candidate source supports this sentence".to_string(),
            weight: cfg.change_weights.claim_added,
        })
        .collect();
    Trace {
        article,
        units: crate::compare::units(&doc),
        sentences,
        words,
        sources: source_traces,
        derived_share,
        verbatim_share: share(verbatim),
        trigram_containment,
        tiled_share,
        longest_own,
        derivation,
        new_claims,
    }
}

/// Body sentences of the article that no source sentence matches alone but several
/// sentences of one source hold together ([`align::fuse`]) join the alignment with that
/// source as a group of their own, as rewrites: the source holding most of the
/// sentence's weight, the first on ties.
fn fuse_unaligned(
    doc: &Doc<'_>,
    sdocs: &[Doc<'_>],
    alignments: &mut [align::Alignment],
    weights: &Weights,
    cfg: &Config,
) {
    let mut aligned = vec![false; doc.sentences.len()];
    for g in alignments.iter().flat_map(|al| &al.groups) {
        for &j in &g.b {
            aligned[j] = true;
        }
    }
    for (j, s) in doc.sentences.iter().enumerate() {
        if aligned[j] || s.kind() != UnitKind::Body {
            continue;
        }
        let mut best: Option<(f64, usize, Vec<usize>)> = None;
        for (k, sdoc) in sdocs.iter().enumerate() {
            if let Some((cover, parts)) = align::fuse(sdoc, doc, j, weights, cfg)
                && best.as_ref().is_none_or(|b| cover > b.0)
            {
                best = Some((cover, k, parts));
            }
        }
        if let Some((_, k, parts)) = best {
            let score = weights.dice(&align::union_terms(&sdocs[k], &parts), &s.terms);
            alignments[k].groups.push(align::Group {
                a: parts,
                b: vec![j],
                score,
                kind: MatchKind::Paraphrase,
            });
        }
    }
    // Back in the order `Alignment` keeps: by first article sentence, then source
    // sentence (sorted once, not after each fused sentence).
    for al in alignments.iter_mut() {
        al.groups.sort_by_key(|g| (g.b[0], g.a[0]));
    }
}

/// Which of each source's changes (`found[k]`) a trace shows. Sources overlap: what
/// one lacks another may hold, so a change is shown under the source of the sentence
/// it concerns, and changes to what a source omits are not shown at all. Quotes are
/// the exception: an article may take a sentence from one source and its quote from
/// another, so a reworded quote is shown once, against the source whose version it
/// keeps closest, and is no added quote where some source has it reworded, even in a
/// sentence no source supports. Against a source other than its sentence's, a quote is
/// reworded only if the two share as much as one speaker's two quotes must to pair
/// anywhere in two articles (`quote_anywhere` less `same_speaker_bonus`): a short quote
/// is paired with another by speaker alone only inside a passage the source is the best
/// match for.
fn shown_changes(
    doc: &Doc<'_>,
    sdocs: &[Doc<'_>],
    best: &[Option<(usize, usize)>],
    found: &[Vec<changes::Change>],
    cfg: &Config,
) -> Vec<Vec<bool>> {
    // The source of the article sentence holding `r`, if one holds it and is derived
    // (sentences are in text order and do not overlap).
    let source_of = |r: &Range<usize>| {
        let j = doc
            .sentences
            .partition_point(|s| s.sentence.range.end <= r.start);
        let s = doc.sentences.get(j)?;
        let holds = s.sentence.range.start <= r.start && r.end <= s.sentence.range.end;
        holds.then_some(best[j]?.0)
    };
    // The least a pair of quotes shares when paired anywhere in two articles.
    let elsewhere_min = cfg.changes.quote_anywhere - cfg.changes.same_speaker_bonus;
    // For each reworded quote of the article: its closest source version, as
    // (-closeness, not the sentence's own source, source), least is best. A quote in a
    // sentence no source supports may still reword one a source has.
    let mut closest: std::collections::BTreeMap<(usize, usize), (f64, bool, usize)> =
        std::collections::BTreeMap::new();
    for (k, changes) in found.iter().enumerate() {
        for c in changes {
            let (ChangeKind::QuoteAltered, Some(a), Some(b)) = (c.kind, &c.src, &c.copy) else {
                continue;
            };
            let own = source_of(b) == Some(k);
            let closeness = changes::quote_closeness(&sdocs[k], a, doc, b);
            if !own && closeness < elsewhere_min {
                continue;
            }
            let key = (-closeness, !own, k);
            let slot = closest.entry((b.start, b.end)).or_insert(key);
            if key.0 < slot.0 || key.0 == slot.0 && (key.1, key.2) < (slot.1, slot.2) {
                *slot = key;
            }
        }
    }
    found
        .iter()
        .enumerate()
        .map(|(k, changes)| {
            changes
                .iter()
                .map(|c| {
                    let Some(b) = &c.copy else { return false };
                    let reworded = closest.get(&(b.start, b.end));
                    match c.kind {
                        ChangeKind::ClaimOmitted => false,
                        ChangeKind::QuoteAltered => reworded.is_some_and(|&(_, _, at)| at == k),
                        ChangeKind::QuoteAdded => reworded.is_none() && source_of(b) == Some(k),
                        _ => source_of(b) == Some(k),
                    }
                })
                .collect()
        })
        .collect()
}

impl Trace<'_> {
    /// The words of sentence `s` as runs of one kind, in text order: each span runs from
    /// the run's first word to its last.
    pub fn runs(&self, s: &TracedSentence) -> Vec<(TraceKind, Span)> {
        let mut out: Vec<(TraceKind, Span)> = Vec::new();
        for w in self.words.get(s.words.clone()).unwrap_or_default() {
            match out.last_mut() {
                Some((kind, span)) if *kind == w.kind => span.end = w.span.end,
                _ => out.push((w.kind, w.span)),
            }
        }
        out
    }
}

/// Share of `doc`'s body words covered by tiles of at least `min_tile` words against all
/// `sources` (body text, lowercased words, joined by a separator no word equals).
fn tiled_share(doc: &Doc<'_>, sources: &[Doc<'_>], min_tile: usize) -> f64 {
    const SEPARATOR: u32 = u32::MAX;
    fn body<'d>(d: &'d Doc<'_>, ids: &mut rustc_hash::FxHashMap<&'d str, u32>, out: &mut Vec<u32>) {
        for (i, s) in d.sentences.iter().enumerate() {
            if s.kind() != UnitKind::Body {
                continue;
            }
            for t in d.sentence_tokens(i) {
                let next = u32::try_from(ids.len()).unwrap_or(SEPARATOR - 1);
                out.push(*ids.entry(t.lower.as_str()).or_insert(next));
            }
        }
    }
    let mut ids = rustc_hash::FxHashMap::default();
    let mut copy = Vec::new();
    body(doc, &mut ids, &mut copy);
    let mut source = Vec::new();
    for d in sources {
        body(d, &mut ids, &mut source);
        source.push(SEPARATOR);
    }
    if copy.is_empty() {
        return 0.0;
    }
    let covered: usize = crate::tiling::tiles(&copy, &source, min_tile, SEPARATOR)
        .iter()
        .map(|t| t.len)
        .sum();
    covered as f64 / copy.len() as f64
}

/// Share of `doc`'s body word trigrams that occur in any of `sources`.
fn containment(doc: &Doc<'_>, sources: &[Doc<'_>]) -> f64 {
    let own: FxHashSet<u64> = body_grams(doc, 3).collect();
    if own.is_empty() {
        return 0.0;
    }
    let theirs: FxHashSet<u64> = sources.iter().flat_map(|d| body_grams(d, 3)).collect();
    own.iter().filter(|g| theirs.contains(g)).count() as f64 / own.len() as f64
}

/// Hashes of the runs of `n` words (lowercased) inside each body sentence of `d`; none
/// when `n` is 0.
fn body_grams<'d>(d: &'d Doc<'_>, n: usize) -> impl Iterator<Item = u64> + 'd {
    d.sentences
        .iter()
        .enumerate()
        .filter(move |(_, s)| n > 0 && s.kind() == UnitKind::Body)
        .flat_map(move |(i, _)| d.sentence_tokens(i).windows(n).map(gram_hash))
}

fn gram_hash(words: &[Token]) -> u64 {
    let joined: Vec<&str> = words.iter().map(|t| t.lower.as_str()).collect();
    crate::doc::term_hash(&joined.join(" "))
}

/// Where each word of one article sentence came from. A word inside a run of
/// `trace_verbatim_ngram` words that some source sentence holds is verbatim, wherever
/// the article took it from. In a sentence derived from `passage`, so is a word the
/// passage keeps (the word diff's common words); of the others, a run that brings in at
/// least `trace_new_run` content words, `trace_new_novel_share` or more of its content
/// words with stems the passage lacks, is new (a clause the article added); the rest is
/// rewritten. A sentence no source supports has only verbatim and new words.
fn word_kinds(
    own: &[Token],
    derived_from: Option<(&[&Token], &WordDiff)>,
    grams: &FxHashSet<u64>,
    cfg: &Config,
) -> Vec<TraceKind> {
    let mut kinds = vec![TraceKind::New; own.len()];
    if let Some((_, diff)) = derived_from {
        for (t, k) in own.iter().zip(kinds.iter_mut()) {
            *k = if diff.b_changed.contains(&t.range) {
                TraceKind::Rewrite
            } else {
                TraceKind::Verbatim
            };
        }
    }
    let n = cfg.trace_verbatim_ngram;
    if n > 0 {
        for (i, w) in own.windows(n).enumerate() {
            if grams.contains(&gram_hash(w)) {
                kinds[i..i + n].fill(TraceKind::Verbatim);
            }
        }
    }
    let Some((passage, _)) = derived_from else {
        return kinds;
    };
    let stems: FxHashSet<&str> = passage.iter().map(|t| t.stem.as_str()).collect();
    let mut start = 0;
    while start < own.len() {
        let end = start
            + kinds[start..]
                .iter()
                .take_while(|&&k| k == TraceKind::Rewrite)
                .count();
        if end == start {
            start += 1;
            continue;
        }
        let content = own[start..end].iter().filter(|t| !t.stop);
        let (all, novel) = content.fold((0, 0), |(a, n), t| {
            (a + 1, n + usize::from(!stems.contains(t.stem.as_str())))
        });
        if novel >= cfg.trace_new_run.max(1)
            && novel as f64 >= cfg.trace_new_novel_share * all as f64
        {
            kinds[start..end].fill(TraceKind::New);
        }
        start = end;
    }
    kinds
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The article's words grouped into runs of one kind: `V[...]`, `R[...]`, `N[...]`.
    fn check(sources: &[&str], article: &str, expect: &str) {
        let sources: Vec<Article> = sources
            .iter()
            .enumerate()
            .map(|(k, s)| Article::new(format!("s{k}"), *s))
            .collect();
        let article = Article::new("article", article);
        let t = trace(&article, &sources, &Config::default());
        let runs: Vec<String> = t
            .sentences
            .iter()
            .flat_map(|s| t.runs(s))
            .map(|(kind, span)| {
                let tag = match kind {
                    TraceKind::Verbatim => 'V',
                    TraceKind::Rewrite => 'R',
                    TraceKind::New => 'N',
                };
                let words: Vec<&str> = span.slice(&article.text).split_whitespace().collect();
                format!("{tag}[{}]", words.join(" "))
            })
            .collect();
        let out = runs.join(" ");
        assert_eq!(out, expect);
    }

    #[test]
    fn words_taken_from_another_source_are_verbatim() {
        check(
            &[
                "The city council approved the new budget on Tuesday after a long debate.",
                "Residents packed the town hall to watch the vote.",
            ],
            "The council approved its new budget on Tuesday, as residents packed the town hall to watch the vote.",
            "R[The council approved its] V[new budget on Tuesday] R[as] V[residents packed the town hall to watch the vote]",
        );
    }

    #[test]
    fn a_clause_the_source_lacks_is_new_inside_a_derived_sentence() {
        check(
            &["The city council approved the new budget on Tuesday after a long debate."],
            "The city council passed the new budget on Tuesday, ignoring warnings from harbour engineers about crumbling sea walls.",
            "V[The city council] R[passed] V[the new budget on Tuesday] N[ignoring warnings from harbour engineers about crumbling sea walls]",
        );
    }

    #[test]
    fn a_new_sentence_keeps_the_phrases_it_shares_with_a_source() {
        check(
            &[
                "The city council approved the new budget on Tuesday after a long debate. \
               Mayor Jane Holt said the plan would fund forty teachers.",
            ],
            "The city council approved the new budget on Tuesday after a long debate. \
             Fishermen doubt the plan would fund anything useful for the harbour.",
            "V[The city council approved the new budget on Tuesday after a long debate] N[Fishermen doubt] V[the plan would fund] N[anything useful for the harbour]",
        );
    }

    #[test]
    fn a_short_line_of_its_own_leaves_an_article_wholly_derived_a_long_one_does_not() {
        let source = Article::new(
            "wire",
            "Firefighters rescued two hikers from the cliffs above Porthcurno beach on Sunday evening. \
             The pair had been stranded on a narrow ledge for three hours after the tide came in. \
             A coastguard helicopter lit the cliff face while crews lowered ropes to the hikers. \
             Both were taken to hospital in Truro with minor injuries.",
        );
        let derivation = |own: &str| {
            let article = Article::new(
                "paper",
                format!(
                    "Firefighters saved two hikers from the cliffs above Porthcurno beach on Sunday evening. \
                     The pair were stuck on a narrow ledge for three hours once the tide came in. \
                     A coastguard helicopter lit up the cliff face as crews lowered ropes to them. \
                     Both went to hospital in Truro with minor injuries. {own}"
                ),
            );
            let t = trace(&article, std::slice::from_ref(&source), &Config::default());
            (
                t.derivation,
                t.derived_share < Config::default().trace_wholly,
            )
        };
        // Neither line is in the source: both articles fall short of `trace_wholly`.
        assert_eq!(
            derivation("Nobody else was hurt."),
            (Derivation::Wholly, true)
        );
        assert_eq!(
            derivation(
                "Local councillors have demanded warning signs along the whole coastal path since spring."
            ),
            (Derivation::Partially, true)
        );
    }

    #[test]
    fn a_sentence_condensing_a_passage_is_a_rewrite_of_it() {
        // No source sentence matches the article's one sentence alone (without fusing,
        // every word is new); the three together hold most of it.
        check(
            &[
                "Radio presenter Tom Hale, 47, who lives in north Leeds with his wife and three children, has hosted the breakfast programme on Dales FM for nineteen years and won several regional broadcasting awards. \
                 Prosecutors say he offered a stolen Turner sketch, taken from a private collection in Harrogate last spring, to an undercover officer posing as a wealthy buyer from London. \
                 The case was adjourned until September 14 and he was granted unconditional bail, on condition that he surrender his passport.",
            ],
            "Hale, 47, of north Leeds, was bailed until September 14 by magistrates, accused of selling a Turner sketch.",
            "V[Hale, 47] R[of] V[north Leeds, was] R[bailed] V[until September 14] R[by magistrates, accused of selling a Turner sketch]",
        );
    }

    /// A fact or a quote of a derived sentence that another candidate source states is
    /// taken from there: no change to the source the sentence rewrites. One no source
    /// states is an added claim.
    #[test]
    fn a_fact_another_source_states_is_no_added_claim() {
        let sources = [
            Article::new(
                "s0",
                "Constable Andrew Bateson, 28, was cleared at Minshull Street Crown Court. \
                 He said: \"I was only doing my job.\"",
            ),
            Article::new(
                "s1",
                "The officer had been called to a disturbance outside a nightclub in the \
                 town centre late on a Saturday night, the court heard.",
            ),
        ];
        let claims = |text: &str| {
            let article = Article::new("article", text);
            let t = trace(&article, &sources, &Config::default());
            let details: Vec<String> = t.sources[1]
                .changes
                .iter()
                .map(|c| c.detail.clone())
                .collect();
            details
        };
        assert_eq!(
            claims(
                "Constable Andrew Bateson, 28, had been called to a disturbance outside a \
                 nightclub in the town centre late on a Saturday night, the court heard."
            ),
            Vec::<String>::new()
        );
        assert_eq!(
            claims(
                "Constable Andrew Bateson, 31, had been called to a disturbance outside a \
                 nightclub in the town centre late on a Saturday night, the court heard."
            ),
            ["adds what the source never states: number 31"]
        );
        // Nor is a quote another source has one the article added.
        assert_eq!(
            claims(
                "The officer had been called to a disturbance outside a nightclub in the \
                 town centre late on a Saturday night and was \"only doing my job\", the \
                 court heard."
            ),
            Vec::<String>::new()
        );
    }

    /// A sentence may come from one source and its quote from another: a reworded quote
    /// is shown once, against the source whose version it keeps closest, and one quoted
    /// word for word from another source is no change at all.
    #[test]
    fn a_quote_is_shown_against_the_source_it_keeps_closest() {
        let sources = [
            Article::new(
                "s0",
                "Judge Ann Marsh told Kevin Lowe: \"You are a cold and calculating man who \
                 has shown no remorse for what you did.\"",
            ),
            Article::new(
                "s1",
                "Sentencing him to life at Leeds Crown Court, Judge Ann Marsh said Lowe \
                 was \"a dangerous man\" who must serve at least 18 years.",
            ),
        ];
        let quote_changes = |text: &str| {
            let article = Article::new("article", text);
            let t = trace(&article, &sources, &Config::default());
            let mut out = Vec::new();
            for (k, s) in t.sources.iter().enumerate() {
                for c in s
                    .changes
                    .iter()
                    .filter(|c| c.kind != ChangeKind::ClaimAdded)
                {
                    out.push(format!("s{k} {}: {}", c.kind.as_str(), c.detail));
                }
            }
            out
        };
        assert_eq!(
            quote_changes(
                "Sentencing him to life at Leeds Crown Court, Judge Ann Marsh said Lowe \
                 was \"a cold and calculating man who has shown little remorse\" who must \
                 serve at least 18 years."
            ),
            [
                "s0 quote_altered: now quoted as \"a cold and calculating man who has shown \
                 little remorse\" (source: \"You are a cold and calculating man who has \
                 shown no remorse for what you did.\")"
            ]
        );
        assert_eq!(
            quote_changes(
                "Sentencing him to life at Leeds Crown Court, Judge Ann Marsh said Lowe \
                 was \"a cold and calculating man\" who must serve at least 18 years."
            ),
            Vec::<String>::new()
        );
        // A sentence no source supports may still reword a source's quote.
        assert_eq!(
            quote_changes(
                "Neighbours on the Harehills estate, where Lowe ran a scrapyard for twenty \
                 years and kept three Alsatian dogs behind a barbed wire fence, said he had \
                 always seemed \"a cold and calculating man who has shown little remorse\"."
            ),
            [
                "s0 quote_altered: now quoted as \"a cold and calculating man who has shown \
                 little remorse\" (source: \"You are a cold and calculating man who has \
                 shown no remorse for what you did.\")"
            ]
        );
    }
}
