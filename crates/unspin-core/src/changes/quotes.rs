//! Quotes: paired inside aligned passages, then anywhere by speaker or wording, and each
//! pair compared (altered), each leftover reported (added / removed).

use std::ops::Range;

use compact_str::CompactString;

use rustc_hash::{FxHashMap, FxHashSet};

use super::{Change, ChangeKind, Elsewhere, OrientedGroup};
use crate::config::{ChangeRules, Config};
use crate::doc::Doc;
use crate::features::{Quote, Speaker};
use crate::text::words::{Token, tokenize};

fn quote_words(doc: &Doc<'_>, q: &Quote) -> Vec<CompactString> {
    tokenize(doc.ntext(q.inner.clone()), 0)
        .into_iter()
        .map(|t| t.lower)
        .collect()
}

/// Whether the copy quotes a run of the source quote's words: the same words, or an
/// excerpt ("feminine side" of "It might bring out my feminine side"), which changes no
/// word. A copy quote longer than its source puts words inside the quote marks that the
/// source did not quote (altered, unless they are the source's own: [`extended`]), and
/// an excerpt that leaves out a negation just before it ("a disaster" of "not a
/// disaster") reverses the statement (altered).
fn excerpt(src: &[CompactString], copy: &[CompactString]) -> bool {
    if copy.is_empty() || copy.len() > src.len() {
        return false;
    }
    src.windows(copy.len()).enumerate().any(|(at, w)| {
        w == copy
            && !src[at.saturating_sub(2)..at]
                .iter()
                .any(|t| crate::features::cues::is_negation(t))
    })
}

/// Whether the copy quote is the source quote with more of the source's own words around
/// it, in the source's order: the next paragraph of a long quote, or a word the quote
/// marks moved over ("she could have gone six rounds" of `said she "could have gone six
/// rounds"`). Every run of [`KEPT_RUN`] copy words (all of them, when fewer) must stand in
/// the source text, so the join of two pieces must too, and no word is changed.
fn extended(src: &[CompactString], copy: &[CompactString], src_text: &mut SourceRuns<'_>) -> bool {
    copy.len() > src.len()
        && copy.windows(src.len().max(1)).any(|w| w == src)
        && copy
            .windows(KEPT_RUN.min(copy.len()))
            .all(|w| src_text.holds(w))
}

/// How many words in a row of an extended quote the source text must hold.
const KEPT_RUN: usize = 3;

/// The source's runs of up to [`KEPT_RUN`] words, lowercased, as hashes: gathered on
/// the first question, since most comparisons never ask.
struct SourceRuns<'d> {
    doc: &'d Doc<'d>,
    runs: Option<FxHashSet<u64>>,
}

impl<'d> SourceRuns<'d> {
    fn new(doc: &'d Doc<'d>) -> Self {
        SourceRuns { doc, runs: None }
    }

    fn key<'w>(words: impl Iterator<Item = &'w str>) -> u64 {
        words.fold(0, |h, w| h.rotate_left(17) ^ crate::doc::term_hash(w))
    }

    fn holds(&mut self, words: &[CompactString]) -> bool {
        let doc = self.doc;
        let runs = self.runs.get_or_insert_with(|| {
            let lower: Vec<&str> = doc.tokens.iter().map(|t| t.lower.as_str()).collect();
            (1..=KEPT_RUN)
                .flat_map(|n| lower.windows(n).map(|w| Self::key(w.iter().copied())))
                .collect()
        });
        words.len() <= KEPT_RUN && runs.contains(&Self::key(words.iter().map(|w| w.as_str())))
    }
}

/// The distinct content stems of a quote, as sorted hashes: every quote of one article
/// is scored against every quote of the other, so the sets must be cheap to intersect.
fn quote_stems(doc: &Doc<'_>, q: &Quote) -> Vec<u64> {
    let mut stems: Vec<u64> = tokenize(doc.ntext(q.inner.clone()), 0)
        .into_iter()
        .filter(|t| !t.stop)
        .map(|t| crate::doc::term_hash(&t.stem))
        .collect();
    stems.sort_unstable();
    stems.dedup();
    stems
}

/// Dice coefficient of two sorted, distinct sets.
fn set_dice(x: &[u64], y: &[u64]) -> f64 {
    if x.is_empty() && y.is_empty() {
        return 0.0;
    }
    2.0 * crate::align::shared_count(x, y) as f64 / (x.len() + y.len()) as f64
}

fn group_quotes(doc: &Doc<'_>, sentences: &[usize]) -> Vec<usize> {
    let mut q: Vec<usize> = sentences
        .iter()
        .filter_map(|&i| doc.sentences.get(i))
        .flat_map(|s| s.quotes.iter().copied())
        .collect();
    q.sort_unstable();
    q.dedup();
    q
}

/// Quote pairs tried exhaustively inside one aligned passage (a passage of real news
/// holds a handful of quotes a side).
const MAX_PASSAGE_QUOTE_PAIRS: usize = 4096;

/// Source quotes a copy quote holds as candidates at a time outside its passage.
const MAX_QUOTE_PARTNERS: usize = 64;

/// Times a copy quote looks for partners: after 8 × 64 of its best have gone to other
/// quotes (only in texts of thousands of identical quotes, where each look costs a pass
/// over all of them) it stays unpaired, rather than costing n³.
const MAX_QUOTE_LOOKS: u32 = 8;

/// A possible quote pair: similarity (with the speaker bonus), source quote, copy quote.
type QuotePair = (f64, usize, usize);

/// Most similar first, then in document order: the order quote pairs are taken in.
fn by_similarity(x: &QuotePair, y: &QuotePair) -> std::cmp::Ordering {
    y.0.total_cmp(&x.0).then((x.1, x.2).cmp(&(y.1, y.2)))
}

/// A [`QuotePair`] ordered for a max-heap: the pair to take first is the greatest.
struct Best(QuotePair);

impl Ord for Best {
    fn cmp(&self, other: &Best) -> std::cmp::Ordering {
        by_similarity(&other.0, &self.0)
    }
}
impl PartialOrd for Best {
    fn partial_cmp(&self, other: &Best) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}
impl PartialEq for Best {
    fn eq(&self, other: &Best) -> bool {
        self.cmp(other).is_eq()
    }
}
impl Eq for Best {}

/// Whether one known speaker says both quotes.
fn same_speaker(a: &Quote, b: &Quote) -> bool {
    speaker_key(a).is_some() && speaker_key(a) == speaker_key(b)
}

/// What one speaker saying both quotes adds to their similarity.
fn speaker_bonus(same_speaker: bool, rules: &ChangeRules) -> f64 {
    if same_speaker {
        rules.same_speaker_bonus
    } else {
        0.0
    }
}

/// Pairing of the quotes left after the passages, anywhere in the articles: a Dice of at
/// least `quote_anywhere`, less `same_speaker_bonus` when one speaker says both.
///
/// Only quotes sharing a stem can qualify (the rule needs a positive Dice), so source
/// quotes are looked up by stem. Pairs are taken greedily, best first, each quote once.
/// Sorting every candidate pair did that in n² memory (a text of thousands of one
/// speaker's quotes); instead each copy quote holds its best [`MAX_QUOTE_PARTNERS`] and
/// offers one at a time through a heap, and looks again among the source quotes still
/// free if all of those are taken. The pairs and their order are the same, unless a
/// quote's best [`MAX_QUOTE_LOOKS`] × 64 partners all go to others first.
struct Anywhere<'q> {
    src: &'q Doc<'q>,
    copy: &'q Doc<'q>,
    src_stems: &'q [Vec<u64>],
    copy_stems: &'q [Vec<u64>],
    rules: &'q ChangeRules,
    by_stem: FxHashMap<u64, Vec<usize>>,
    /// Scratch: stems shared with each source quote, the quotes touched, and the
    /// candidates found.
    shared: Vec<usize>,
    touched: Vec<usize>,
    found: Vec<QuotePair>,
}

impl<'q> Anywhere<'q> {
    fn new(
        src: &'q Doc<'q>,
        copy: &'q Doc<'q>,
        src_stems: &'q [Vec<u64>],
        copy_stems: &'q [Vec<u64>],
        src_paired: &[bool],
        rules: &'q ChangeRules,
    ) -> Anywhere<'q> {
        let mut by_stem: FxHashMap<u64, Vec<usize>> = FxHashMap::default();
        for (i, stems) in src_stems
            .iter()
            .enumerate()
            .filter(|(i, _)| !src_paired[*i])
        {
            for &h in stems {
                by_stem.entry(h).or_default().push(i);
            }
        }
        Anywhere {
            src,
            copy,
            src_stems,
            copy_stems,
            rules,
            by_stem,
            shared: vec![0; src.quotes.len()],
            touched: Vec::new(),
            found: Vec::new(),
        }
    }

    /// Copy quote `j`'s best candidates among the free source quotes, best first, and
    /// whether some were left out.
    fn candidates(&mut self, j: usize, src_paired: &[bool]) -> (Vec<QuotePair>, bool) {
        let qc = &self.copy.quotes[j];
        for h in &self.copy_stems[j] {
            for &i in self.by_stem.get(h).map_or(&[][..], Vec::as_slice) {
                if self.shared[i] == 0 {
                    self.touched.push(i);
                }
                self.shared[i] += 1;
            }
        }
        let found = &mut self.found;
        found.clear();
        for i in self.touched.drain(..) {
            let shared = std::mem::take(&mut self.shared[i]);
            if src_paired[i] {
                continue;
            }
            let qs = &self.src.quotes[i];
            let sim =
                2.0 * shared as f64 / (self.src_stems[i].len() + self.copy_stems[j].len()) as f64;
            let bonus = speaker_bonus(same_speaker(qs, qc), self.rules);
            if sim + bonus >= self.rules.quote_anywhere {
                found.push((sim + bonus, i, j));
            }
        }
        let cut = found.len() > MAX_QUOTE_PARTNERS;
        if cut {
            found.select_nth_unstable_by(MAX_QUOTE_PARTNERS, by_similarity);
            found.truncate(MAX_QUOTE_PARTNERS);
        }
        // Held until the quote is paired: a copy of just the kept pairs.
        let mut out = found.clone();
        out.sort_by(by_similarity);
        (out, cut)
    }

    fn pair(
        &mut self,
        src_paired: &mut [bool],
        copy_paired: &mut [bool],
        pairs: &mut Vec<(usize, usize)>,
    ) {
        let mut offers: Vec<Offer> = Vec::new();
        let mut slot = vec![usize::MAX; self.copy.quotes.len()];
        let mut heap = std::collections::BinaryHeap::new();
        for j in (0..self.copy.quotes.len()).filter(|&j| !copy_paired[j]) {
            let (cands, cut) = self.candidates(j, src_paired);
            if let Some(&first) = cands.first() {
                heap.push(Best(first));
                slot[j] = offers.len();
                offers.push(Offer {
                    cands,
                    next: 0,
                    cut,
                    looks: 1,
                });
            }
        }
        while let Some(Best((_, i, j))) = heap.pop() {
            if !src_paired[i] {
                src_paired[i] = true;
                copy_paired[j] = true;
                pairs.push((i, j));
                continue;
            }
            let offer = &mut offers[slot[j]];
            offer.next += 1;
            if offer.next == offer.cands.len() && offer.cut && offer.looks < MAX_QUOTE_LOOKS {
                let (cands, cut) = self.candidates(j, src_paired);
                let offer = &mut offers[slot[j]];
                (offer.cands, offer.next, offer.cut) = (cands, 0, cut);
                offer.looks += 1;
            }
            let offer = &offers[slot[j]];
            if let Some(&next) = offer.cands.get(offer.next) {
                heap.push(Best(next));
            }
        }
    }
}

/// One copy quote's candidates in [`Anywhere::pair`]: best first, the next to offer,
/// whether some were cut, and how many times it has looked.
struct Offer {
    cands: Vec<QuotePair>,
    next: usize,
    cut: bool,
    looks: u32,
}

/// The source's and the copy's speakers of a quote pair when the copy gives it to
/// someone else: each names a person in full ("council leader Mary Hughes",
/// "opposition leader Tom Baker") in the quote's own sentences, where the other is not
/// named (a court report's "Sloan told the court McKay was heard to say" passes words
/// on), with no word in common and not one name respelled. A pronoun or a role may
/// stand for either person, so says nothing.
fn misattributed<'q>(
    src: &Doc<'_>,
    qs: &'q Quote,
    copy: &Doc<'_>,
    qc: &'q Quote,
    rules: &ChangeRules,
) -> Option<(&'q Speaker, &'q Speaker)> {
    let (said, now) = (qs.speaker.as_ref()?, qc.speaker.as_ref()?);
    let words = |sp: &Speaker| -> Option<Vec<String>> {
        Some(
            sp.person_name()?
                .split(' ')
                .map(str::to_lowercase)
                .collect(),
        )
    };
    let (a, b) = (words(said)?, words(now)?);
    if said.key == now.key || super::facts::respelled(&a, &b, rules.name_respelled) {
        return None;
    }
    let (src_frame, copy_frame) = (frame(src, qs), frame(copy, qc));
    let names = |words: &[&Token], key: &str| words.iter().any(|t| t.lower == key);
    // Said in so many words: one reporting verb between the name and the quote, not a
    // second frame passing on another's words ("Sloan told the court that the
    // 61-year-old was heard singing").
    let direct = |words: &[&Token], q: &Quote, key: &str| {
        let Some(at) = words
            .iter()
            .find(|t| t.lower == key)
            .map(|t| t.range.clone())
        else {
            return false;
        };
        let between = |t: &&&Token| {
            if at.end <= q.outer.start {
                at.end <= t.range.start && t.range.end <= q.outer.start
            } else {
                q.outer.end <= t.range.start && t.range.end <= at.start
            }
        };
        words
            .iter()
            .filter(between)
            .filter(|t| t.attribution || t.lower == "heard")
            .count()
            <= 1
    };
    let named_here = direct(&src_frame, qs, &said.key) && direct(&copy_frame, qc, &now.key);
    let other_absent = !names(&src_frame, &now.key) && !names(&copy_frame, &said.key);
    (named_here && other_absent).then_some((said, now))
}

/// The words of the sentences a quote stands in, outside the quote.
fn frame<'d>(doc: &'d Doc<'_>, q: &Quote) -> Vec<&'d Token> {
    doc.sentences_overlapping(&q.outer)
        .flat_map(|i| doc.sentence_tokens(i))
        .filter(|t| !(q.inner.start <= t.range.start && t.range.end <= q.inner.end))
        .collect()
}

/// The sentences a quote stands in, as one range: where its speaker is named.
fn quote_sentences(doc: &Doc<'_>, q: &Quote) -> Range<usize> {
    let s = doc.sentences_overlapping(&q.outer);
    match (
        doc.sentences.get(s.start),
        doc.sentences.get(s.end.saturating_sub(1)),
    ) {
        (Some(first), Some(last)) => first.sentence.range.start..last.sentence.range.end,
        _ => q.outer.clone(),
    }
}

fn speaker_key(q: &Quote) -> Option<&str> {
    q.speaker.as_ref().map(|s| s.key.as_str())
}

/// How close the copy's quote at `copy_quote` keeps the source's quote at `src_quote`
/// (Dice of their content stems; 0 when either range is no quote): a trace shows a
/// reworded quote against the source whose version is closest.
pub(crate) fn closeness(
    src: &Doc<'_>,
    src_quote: &Range<usize>,
    copy: &Doc<'_>,
    copy_quote: &Range<usize>,
) -> f64 {
    let stems = |doc: &Doc<'_>, r: &Range<usize>| {
        doc.quotes
            .iter()
            .find(|q| q.inner == *r)
            .map(|q| quote_stems(doc, q))
    };
    match (stems(src, src_quote), stems(copy, copy_quote)) {
        (Some(x), Some(y)) => set_dice(&x, &y),
        _ => 0.0,
    }
}

/// Whether another candidate source quotes the copy's quote `q` word for word, whole or
/// in part (see [`excerpt`]). A quote another source words differently stays listed:
/// that rewording is news, even if shown against this source.
fn quoted_elsewhere(copy: &Doc<'_>, q: &Quote, elsewhere: &Elsewhere<'_, '_>) -> bool {
    let words = quote_words(copy, q);
    elsewhere.docs().any(|doc| {
        doc.quotes
            .iter()
            .any(|o| excerpt(&quote_words(doc, o), &words))
    })
}

/// Quote changes between `src` and `copy`, appended to `out`.
pub(super) fn detect(
    src: &Doc<'_>,
    copy: &Doc<'_>,
    groups: &[OrientedGroup<'_>],
    elsewhere: &Elsewhere<'_, '_>,
    cfg: &Config,
    out: &mut Vec<Change>,
) {
    let rules = &cfg.changes;
    let mut src_paired = vec![false; src.quotes.len()];
    let mut copy_paired = vec![false; copy.quotes.len()];
    let src_stems: Vec<Vec<u64>> = src.quotes.iter().map(|q| quote_stems(src, q)).collect();
    let copy_stems: Vec<Vec<u64>> = copy.quotes.iter().map(|q| quote_stems(copy, q)).collect();
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    // 1. Inside aligned groups: quotes of the same passage, most similar first.
    for g in groups {
        let (qs, qc) = (group_quotes(src, g.src), group_quotes(copy, g.copy));
        // Every pair is tried here; a passage with more quotes than any real one (a
        // document that never ends a sentence) leaves them to the stem lookup below.
        if qs.len() * qc.len() > MAX_PASSAGE_QUOTE_PAIRS {
            continue;
        }
        let mut cands: Vec<(f64, usize, usize)> = Vec::new();
        let only_ones = qs.len() == 1 && qc.len() == 1 && g.score >= rules.close_passage;
        for &i in &qs {
            for &j in &qc {
                let dice = set_dice(&src_stems[i], &copy_stems[j]);
                let one_speaker = same_speaker(&src.quotes[i], &copy.quotes[j]);
                let short = src_stems[i].len() <= rules.short_quote
                    && copy_stems[j].len() <= rules.short_quote;
                if dice >= rules.quote_in_passage || short && (one_speaker || only_ones) {
                    cands.push((dice + speaker_bonus(one_speaker, rules), i, j));
                }
            }
        }
        cands.sort_by(by_similarity);
        for (_, i, j) in cands {
            if !src_paired[i] && !copy_paired[j] {
                src_paired[i] = true;
                copy_paired[j] = true;
                pairs.push((i, j));
            }
        }
    }
    // 2. Anywhere: the same words, or much the same said by the same speaker.
    let mut anywhere = Anywhere::new(src, copy, &src_stems, &copy_stems, &src_paired, rules);
    anywhere.pair(&mut src_paired, &mut copy_paired, &mut pairs);
    let mut src_runs = SourceRuns::new(src);
    for (i, j) in pairs {
        let (qs, qc) = (&src.quotes[i], &copy.quotes[j]);
        let same_words = set_dice(&src_stems[i], &copy_stems[j]) >= rules.quote_kept_for_speaker;
        if same_words && let Some((said, now)) = misattributed(src, qs, copy, qc, rules) {
            out.push(Change {
                kind: ChangeKind::AttributionDropped,
                src: Some(quote_sentences(src, qs)),
                copy: Some(quote_sentences(copy, qc)),
                speaker: Some(said.display.clone()),
                detail: format!(
                    "the copy has {} say this, not {}",
                    now.display, said.display
                ),
                weight: cfg.change_weights.attribution_dropped,
            });
        }
        let (src_words, copy_words) = (quote_words(src, qs), quote_words(copy, qc));
        if excerpt(&src_words, &copy_words) || extended(&src_words, &copy_words, &mut src_runs) {
            continue;
        }
        // Quoted word for word from another source: not this source's quote reworded.
        if quoted_elsewhere(copy, qc, elsewhere) {
            continue;
        }
        let speaker = qs
            .speaker
            .as_ref()
            .or(qc.speaker.as_ref())
            .map(|s| s.display.clone());
        // The speaker is the change's own field, which every report shows beside this.
        let detail = format!(
            "now quoted as \"{}\" (source: \"{}\")",
            copy.flat_text(qc.inner.clone()),
            src.flat_text(qs.inner.clone())
        );
        out.push(Change {
            kind: ChangeKind::QuoteAltered,
            src: Some(qs.inner.clone()),
            copy: Some(qc.inner.clone()),
            speaker,
            detail,
            weight: cfg.change_weights.quote_altered,
        });
    }
    // 3. Leftovers: quotes one side has and the other lacks.
    // A quote is dropped or added "in the same passage" only when the passage is closely
    // kept; a loosely aligned sentence says too little.
    let close = |g: &&OrientedGroup<'_>| g.score >= rules.close_passage;
    let src_aligned: FxHashSet<usize> = groups
        .iter()
        .filter(close)
        .flat_map(|g| g.src.iter().copied())
        .collect();
    let copy_aligned: FxHashSet<usize> = groups
        .iter()
        .filter(close)
        .flat_map(|g| g.copy.iter().copied())
        .collect();
    let in_aligned = |doc: &Doc<'_>, q: &Quote, aligned: &FxHashSet<usize>| {
        doc.sentences_overlapping(&q.inner)
            .any(|k| aligned.contains(&k))
    };
    // A quote inside another ("You described him as 'not an angel'") is reported with
    // the one around it, or is unchanged with it.
    for (i, q) in src.quotes.iter().enumerate() {
        if !src_paired[i] && q.within.is_none() && in_aligned(src, q, &src_aligned) {
            let speaker = q.speaker.as_ref().map(|s| s.display.clone());
            let detail = format!(
                "the copy keeps the passage but drops the quote \"{}\"",
                src.flat_text(q.inner.clone())
            );
            out.push(Change {
                kind: ChangeKind::QuoteRemoved,
                src: Some(q.inner.clone()),
                copy: None,
                speaker,
                detail,
                weight: cfg.change_weights.quote_removed,
            });
        }
    }
    for (j, q) in copy.quotes.iter().enumerate() {
        if copy_paired[j]
            || q.within.is_some()
            || (!in_aligned(copy, q, &copy_aligned) && q.speaker.is_none())
        {
            continue;
        }
        if quoted_elsewhere(copy, q, elsewhere) {
            continue;
        }
        let speaker = q.speaker.as_ref().map(|s| s.display.clone());
        let detail = format!(
            "quote the source does not have: \"{}\"",
            copy.flat_text(q.inner.clone())
        );
        out.push(Change {
            kind: ChangeKind::QuoteAdded,
            src: None,
            copy: Some(q.inner.clone()),
            speaker,
            detail,
            weight: cfg.change_weights.quote_added,
        });
    }
}
