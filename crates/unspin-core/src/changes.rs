//! Typed changes a copy made to its source, found inside and around aligned groups.
//!
//! Inside a group: quotes are paired and compared (altered / added / removed), numbers,
//! dates and names are matched by value and the leftovers paired into "changed" facts,
//! negation parity and attribution are compared. Around groups: copy sentences nothing
//! in the source supports are added claims, source sentences the copy lacks are omitted.
//! A fact the copy adds that the source states nowhere makes its sentence an added claim.

use compact_str::CompactString;
use std::ops::Range;

use rustc_hash::{FxHashMap, FxHashSet};

use crate::align::MatchKind;
use crate::config::{ChangeRules, ChangeWeights, Config};
use crate::doc::Doc;
use crate::features::{DateValue, NumberMention, Quote};
use crate::text::words::tokenize;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ChangeKind {
    QuoteAltered,
    QuoteAdded,
    QuoteRemoved,
    NumberChanged,
    DateChanged,
    NameChanged,
    ClaimAdded,
    ClaimOmitted,
    AttributionDropped,
    NegationFlipped,
}

impl ChangeKind {
    pub const ALL: [ChangeKind; 10] = [
        ChangeKind::QuoteAltered,
        ChangeKind::QuoteAdded,
        ChangeKind::QuoteRemoved,
        ChangeKind::NumberChanged,
        ChangeKind::DateChanged,
        ChangeKind::NameChanged,
        ChangeKind::ClaimAdded,
        ChangeKind::ClaimOmitted,
        ChangeKind::AttributionDropped,
        ChangeKind::NegationFlipped,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ChangeKind::QuoteAltered => "quote_altered",
            ChangeKind::QuoteAdded => "quote_added",
            ChangeKind::QuoteRemoved => "quote_removed",
            ChangeKind::NumberChanged => "number_changed",
            ChangeKind::DateChanged => "date_changed",
            ChangeKind::NameChanged => "name_changed",
            ChangeKind::ClaimAdded => "claim_added",
            ChangeKind::ClaimOmitted => "claim_omitted",
            ChangeKind::AttributionDropped => "attribution_dropped",
            ChangeKind::NegationFlipped => "negation_flipped",
        }
    }
}

/// One change, with normalized ranges in the source and the copy document.
#[derive(Clone, Debug, PartialEq)]
pub struct Change {
    pub kind: ChangeKind,
    pub src: Option<Range<usize>>,
    pub copy: Option<Range<usize>>,
    pub speaker: Option<String>,
    pub detail: String,
    /// How much a reader should care: higher for facts and quotes.
    pub weight: f64,
}

/// An aligned group seen from source to copy.
pub struct OrientedGroup<'g> {
    pub src: &'g [usize],
    pub copy: &'g [usize],
    pub kind: MatchKind,
    pub score: f64,
}

pub fn detect(
    src: &Doc<'_>,
    copy: &Doc<'_>,
    groups: &[OrientedGroup<'_>],
    cfg: &Config,
) -> Vec<Change> {
    let mut out = Vec::new();
    quotes(src, copy, groups, cfg, &mut out);
    let stated = SourceFacts::new(src);
    for g in groups {
        facts(src, copy, &stated, g, &cfg.change_weights, &mut out);
        negation(src, copy, g, cfg, &mut out);
        attribution(src, copy, g, cfg, &mut out);
    }
    unaligned(src, copy, &stated, groups, &cfg.change_weights, &mut out);
    out.sort_by(|x, y| {
        y.weight
            .total_cmp(&x.weight)
            .then_with(|| position(x).cmp(&position(y)))
            .then_with(|| x.kind.cmp(&y.kind))
    });
    out
}

fn position(c: &Change) -> (usize, usize) {
    (
        c.copy.as_ref().map_or(usize::MAX, |r| r.start),
        c.src.as_ref().map_or(usize::MAX, |r| r.start),
    )
}

// ---------------------------------------------------------------- quotes

/// Text of a normalized range with whitespace runs folded to one space.
fn flat(doc: &Doc<'_>, range: Range<usize>) -> String {
    doc.ntext(range)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn quote_words(doc: &Doc<'_>, q: &Quote) -> Vec<CompactString> {
    tokenize(doc.ntext(q.inner.clone()), 0)
        .into_iter()
        .map(|t| t.lower)
        .collect()
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

/// Pairing of the quotes left after the passages, anywhere in the articles: the same
/// speaker, or a Dice of at least `quote_anywhere`.
///
/// Only quotes sharing a stem can qualify (both rules need a positive Dice), so source
/// quotes are looked up by stem. Pairs are taken greedily, best first, each quote once.
/// Sorting every candidate pair did that in n² memory (a text of thousands of one
/// speaker's quotes); instead each copy quote holds its best [`MAX_QUOTE_PARTNERS`] and
/// offers one at a time through a heap, and looks again among the source quotes still
/// free if all of those are taken. The pairs and their order are the same.
struct Anywhere<'q> {
    src: &'q Doc<'q>,
    copy: &'q Doc<'q>,
    src_stems: &'q [Vec<u64>],
    copy_stems: &'q [Vec<u64>],
    rules: &'q ChangeRules,
    by_stem: FxHashMap<u64, Vec<usize>>,
    /// Scratch: stems shared with each source quote, and the quotes touched.
    shared: Vec<usize>,
    touched: Vec<usize>,
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
        let mut out = Vec::new();
        for i in self.touched.drain(..) {
            let shared = std::mem::take(&mut self.shared[i]);
            if src_paired[i] {
                continue;
            }
            let qs = &self.src.quotes[i];
            let sim =
                2.0 * shared as f64 / (self.src_stems[i].len() + self.copy_stems[j].len()) as f64;
            let same_speaker = speaker_key(qs).is_some() && speaker_key(qs) == speaker_key(qc);
            if same_speaker || sim >= self.rules.quote_anywhere {
                let bonus = if same_speaker {
                    self.rules.same_speaker_bonus
                } else {
                    0.0
                };
                out.push((sim + bonus, i, j));
            }
        }
        let cut = out.len() > MAX_QUOTE_PARTNERS;
        if cut {
            out.select_nth_unstable_by(MAX_QUOTE_PARTNERS, by_similarity);
            out.truncate(MAX_QUOTE_PARTNERS);
            // Held until the quote is paired: keep no more room than the kept pairs.
            out.shrink_to_fit();
        }
        out.sort_by(by_similarity);
        (out, cut)
    }

    fn pair(
        &mut self,
        src_paired: &mut [bool],
        copy_paired: &mut [bool],
        pairs: &mut Vec<(usize, usize)>,
    ) {
        // Per copy quote: its candidates, the next one to offer, whether some were cut.
        let mut offers: Vec<(Vec<QuotePair>, usize, bool)> = Vec::new();
        let mut slot = vec![usize::MAX; self.copy.quotes.len()];
        let mut heap = std::collections::BinaryHeap::new();
        for j in (0..self.copy.quotes.len()).filter(|&j| !copy_paired[j]) {
            let (cands, cut) = self.candidates(j, src_paired);
            if let Some(&first) = cands.first() {
                heap.push(Best(first));
                slot[j] = offers.len();
                offers.push((cands, 0, cut));
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
            offer.1 += 1;
            if offer.1 == offer.0.len() && offer.2 {
                let (cands, cut) = self.candidates(j, src_paired);
                offers[slot[j]] = (cands, 0, cut);
            }
            let offer = &offers[slot[j]];
            if let Some(&next) = offer.0.get(offer.1) {
                heap.push(Best(next));
            }
        }
    }
}

fn speaker_key(q: &Quote) -> Option<&str> {
    q.speaker.as_ref().map(|s| s.key.as_str())
}

fn quotes(
    src: &Doc<'_>,
    copy: &Doc<'_>,
    groups: &[OrientedGroup<'_>],
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
        for &i in &qs {
            for &j in &qc {
                let mut sim = set_dice(&src_stems[i], &copy_stems[j]);
                if speaker_key(&src.quotes[i]).is_some()
                    && speaker_key(&src.quotes[i]) == speaker_key(&copy.quotes[j])
                {
                    sim += rules.same_speaker_bonus;
                }
                if sim >= rules.quote_in_passage || (qs.len() == 1 && qc.len() == 1) {
                    cands.push((sim, i, j));
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
    // 2. Anywhere: the same speaker saying something about the same thing.
    let mut anywhere = Anywhere::new(src, copy, &src_stems, &copy_stems, &src_paired, rules);
    anywhere.pair(&mut src_paired, &mut copy_paired, &mut pairs);
    for (i, j) in pairs {
        let (qs, qc) = (&src.quotes[i], &copy.quotes[j]);
        if quote_words(src, qs) == quote_words(copy, qc) {
            continue;
        }
        let speaker = qs
            .speaker
            .as_ref()
            .or(qc.speaker.as_ref())
            .map(|s| s.display.clone());
        let detail = format!(
            "{} now quoted as \"{}\" (source: \"{}\")",
            speaker
                .as_deref()
                .map_or_else(|| "unattributed quote".to_string(), |s| format!("{s}:")),
            flat(copy, qc.inner.clone()),
            flat(src, qs.inner.clone())
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
    for (i, q) in src.quotes.iter().enumerate() {
        if !src_paired[i] && in_aligned(src, q, &src_aligned) {
            let speaker = q.speaker.as_ref().map(|s| s.display.clone());
            let detail = format!(
                "the copy keeps the passage but drops the quote \"{}\"",
                flat(src, q.inner.clone())
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
        if copy_paired[j] || (!in_aligned(copy, q, &copy_aligned) && q.speaker.is_none()) {
            continue;
        }
        let speaker = q.speaker.as_ref().map(|s| s.display.clone());
        let detail = format!(
            "quote the source does not have: \"{}\"{}",
            flat(copy, q.inner.clone()),
            speaker
                .as_deref()
                .map(|s| format!(", attributed to {s}"))
                .unwrap_or_default()
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

// ---------------------------------------------------------------- facts

/// What the source states anywhere, gathered once per comparison: asking it of the whole
/// source for each of the copy's facts cost n² on long documents.
struct SourceFacts<'d> {
    /// Numbers sorted by value, exact and approximate apart (their tolerances differ).
    exact: Vec<&'d NumberMention>,
    approx: Vec<&'d NumberMention>,
    dates: Vec<&'d DateValue>,
}

impl<'d> SourceFacts<'d> {
    fn new(src: &'d Doc<'_>) -> SourceFacts<'d> {
        let (mut approx, mut exact): (Vec<&NumberMention>, Vec<&NumberMention>) = src
            .sentences
            .iter()
            .flat_map(|s| &s.numbers)
            .partition(|n| n.approx);
        for v in [&mut exact, &mut approx] {
            v.sort_by(|x, y| x.value.total_cmp(&y.value));
        }
        let dates = src
            .sentences
            .iter()
            .flat_map(|s| s.dates.iter().map(|d| &d.value))
            .collect();
        SourceFacts {
            exact,
            approx,
            dates,
        }
    }

    /// Whether the source states `n`'s value anywhere (with a compatible unit if `units`).
    fn states_number(&self, n: &NumberMention, units: Units) -> bool {
        let ok =
            |m: &&NumberMention| m.same_value(n) && (units == Units::Any || m.unit_compatible(n));
        let v = n.value;
        if !v.is_finite() {
            return self.exact.iter().chain(&self.approx).any(ok);
        }
        // Bounds on the distance `same_value` accepts: 10% of the larger value (at most
        // 0.1/0.9 of `v`) when either side is approximate, a relative 1e-9 otherwise.
        let loose = 0.12 * v.abs() + 1e-9;
        let tight = if n.approx {
            loose
        } else {
            2e-9 * v.abs().max(1.0)
        };
        near(&self.exact, v, tight).any(ok) || near(&self.approx, v, loose).any(ok)
    }

    fn states_date(&self, d: &DateValue) -> bool {
        self.dates.iter().any(|e| same_date(e, d))
    }
}

/// Whether a unit must agree for two numbers to state the same thing.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Units {
    Any,
    Compatible,
}

/// The numbers of `sorted` (by value) within `tol` of `v`.
fn near<'v, 'd>(
    sorted: &'v [&'d NumberMention],
    v: f64,
    tol: f64,
) -> impl Iterator<Item = &'v &'d NumberMention> {
    let from = sorted.partition_point(|m| m.value < v - tol);
    sorted[from..]
        .iter()
        .take_while(move |m| m.value <= v + tol)
}

fn same_date(x: &DateValue, y: &DateValue) -> bool {
    let shared = (x.year.is_some() && y.year.is_some())
        || (x.month.is_some() && y.month.is_some())
        || (x.weekday.is_some() && y.weekday.is_some())
        || (x.relative.is_some() && y.relative.is_some());
    shared && !x.conflicts(y)
}

fn name_supported(doc: &Doc<'_>, words: &[String]) -> bool {
    words.iter().all(|w| word_supported(doc, w))
}

fn word_supported(doc: &Doc<'_>, w: &str) -> bool {
    if doc.vocab().contains(w) {
        return true;
    }
    let alias = match w {
        "us" => Some("united"),
        "uk" => Some("britain"),
        "un" => Some("nations"),
        "eu" => Some("european"),
        _ => None,
    };
    if alias.is_some_and(|a| doc.vocab().contains(a)) {
        return true;
    }
    // Small spelling drift ("Lavrovs") still refers to the same name.
    w.chars().count() >= 6 && doc.vocab().contains(w.trim_end_matches('s'))
}

/// Details of the copy's sentence `j` the source never states, as (range, label).
fn unsupported_facts(
    src: &Doc<'_>,
    copy: &Doc<'_>,
    stated: &SourceFacts<'_>,
    j: usize,
    skip: &[Range<usize>],
) -> Vec<(Range<usize>, String)> {
    let s = &copy.sentences[j];
    let mut out = Vec::new();
    let skipped = |r: &Range<usize>| skip.iter().any(|k| k.start <= r.start && r.end <= k.end);
    for n in &s.numbers {
        if !n.approx && !skipped(&n.range) && !stated.states_number(n, Units::Any) {
            out.push((
                n.range.clone(),
                format!("number {}", copy.ntext(n.range.clone())),
            ));
        }
    }
    for d in &s.dates {
        if d.value.is_absolute() && !skipped(&d.range) && !stated.states_date(&d.value) {
            out.push((
                d.range.clone(),
                format!("date {}", copy.ntext(d.range.clone())),
            ));
        }
    }
    for n in &s.names {
        if !skipped(&n.range) && !name_supported(src, &n.words) {
            out.push((
                n.range.clone(),
                format!("name {}", copy.ntext(n.range.clone())),
            ));
        }
    }
    out
}

fn facts(
    src: &Doc<'_>,
    copy: &Doc<'_>,
    stated: &SourceFacts<'_>,
    g: &OrientedGroup<'_>,
    weights: &ChangeWeights,
    out: &mut Vec<Change>,
) {
    let mut changed: Vec<Range<usize>> = Vec::new();
    // Numbers: equal values cancel; leftovers with compatible units are changes.
    let mut src_nums: Vec<&NumberMention> = g
        .src
        .iter()
        .flat_map(|&i| &src.sentences[i].numbers)
        .collect();
    let copy_nums: Vec<&NumberMention> = g
        .copy
        .iter()
        .flat_map(|&j| &copy.sentences[j].numbers)
        .collect();
    let mut copy_left = Vec::new();
    for n in copy_nums {
        match src_nums.iter().position(|m| m.same_value(n)) {
            Some(k) => {
                src_nums.remove(k);
            }
            None => copy_left.push(n),
        }
    }
    for n in copy_left {
        if stated.states_number(n, Units::Compatible) {
            continue;
        }
        if let Some(k) = src_nums
            .iter()
            .position(|m| m.unit_compatible(n) && m.unit.is_some() == n.unit.is_some())
        {
            let m = src_nums.remove(k);
            changed.push(n.range.clone());
            out.push(Change {
                kind: ChangeKind::NumberChanged,
                src: Some(m.range.clone()),
                copy: Some(n.range.clone()),
                speaker: None,
                detail: format!(
                    "{} became {}",
                    src.ntext(m.range.clone()),
                    copy.ntext(n.range.clone())
                ),
                weight: weights.number_changed,
            });
        }
    }
    // Dates: the same granularity with different values.
    let mut src_dates: Vec<_> = g
        .src
        .iter()
        .flat_map(|&i| &src.sentences[i].dates)
        .collect();
    for d in g.copy.iter().flat_map(|&j| &copy.sentences[j].dates) {
        if let Some(k) = src_dates.iter().position(|e| same_date(&e.value, &d.value)) {
            src_dates.remove(k);
            continue;
        }
        if stated.states_date(&d.value) {
            continue;
        }
        if let Some(k) = src_dates.iter().position(|e| e.value.conflicts(&d.value)) {
            let e = src_dates.remove(k);
            changed.push(d.range.clone());
            out.push(Change {
                kind: ChangeKind::DateChanged,
                src: Some(e.range.clone()),
                copy: Some(d.range.clone()),
                speaker: None,
                detail: format!(
                    "{} became {}",
                    src.ntext(e.range.clone()),
                    copy.ntext(d.range.clone())
                ),
                weight: weights.date_changed,
            });
        }
    }
    // Names: a name the source never uses, where the source passage has one the copy lacks.
    let mut src_names: Vec<_> = g
        .src
        .iter()
        .flat_map(|&i| &src.sentences[i].names)
        .filter(|n| !name_supported(copy, &n.words))
        .collect();
    for n in g.copy.iter().flat_map(|&j| &copy.sentences[j].names) {
        if name_supported(src, &n.words) || src_names.is_empty() {
            continue;
        }
        let m = src_names.remove(0);
        changed.push(n.range.clone());
        out.push(Change {
            kind: ChangeKind::NameChanged,
            src: Some(m.range.clone()),
            copy: Some(n.range.clone()),
            speaker: None,
            detail: format!(
                "{} became {}",
                src.ntext(m.range.clone()),
                copy.ntext(n.range.clone())
            ),
            weight: weights.name_changed,
        });
    }
    // Facts the source states nowhere: the sentence carries an unsupported claim.
    for &j in g.copy {
        let facts = unsupported_facts(src, copy, stated, j, &changed);
        if facts.is_empty() {
            continue;
        }
        let labels: Vec<&str> = facts.iter().map(|(_, l)| l.as_str()).collect();
        out.push(Change {
            kind: ChangeKind::ClaimAdded,
            // The claim is the copy's; the aligned source passage is in `alignments`.
            src: None,
            copy: Some(copy.sentences[j].sentence.range.clone()),
            speaker: None,
            detail: format!("adds what the source never states: {}", labels.join("; ")),
            weight: weights.claim_added_in_passage
                + weights.claim_added_per_fact * facts.len() as f64,
        });
    }
}

// ---------------------------------------------------------------- negation, attribution

fn negation(
    src: &Doc<'_>,
    copy: &Doc<'_>,
    g: &OrientedGroup<'_>,
    cfg: &Config,
    out: &mut Vec<Change>,
) {
    // Polarity is only comparable between one sentence and its close rendering.
    if g.kind == MatchKind::Identical
        || (g.kind == MatchKind::Paraphrase && g.score < cfg.changes.negation_min_score)
        || g.src.len() != 1
        || g.copy.len() != 1
    {
        return;
    }
    let count =
        |d: &Doc<'_>, idx: &[usize]| idx.iter().map(|&i| d.sentences[i].negations).sum::<u32>();
    let (ns, nc) = (count(src, g.src), count(copy, g.copy));
    if ns % 2 == nc % 2 {
        return;
    }
    let range = |d: &Doc<'_>, idx: &[usize]| {
        let first = &d.sentences[idx[0]].sentence.range;
        let last = &d.sentences[idx[idx.len() - 1]].sentence.range;
        first.start..last.end
    };
    out.push(Change {
        kind: ChangeKind::NegationFlipped,
        src: Some(range(src, g.src)),
        copy: Some(range(copy, g.copy)),
        speaker: None,
        detail: format!(
            "the source has {ns} negation(s) here, the copy {nc}: the statement's polarity flipped"
        ),
        weight: cfg.change_weights.negation_flipped,
    });
}

fn attribution(
    src: &Doc<'_>,
    copy: &Doc<'_>,
    g: &OrientedGroup<'_>,
    cfg: &Config,
    out: &mut Vec<Change>,
) {
    let src_attr = g.src.iter().any(|&i| src.sentences[i].attributed);
    // Only a close rendering of the same passage can be said to drop its attribution.
    if !src_attr || g.score < cfg.changes.close_passage {
        return;
    }
    let copy_attr = g
        .copy
        .iter()
        .any(|&j| copy.sentences[j].attributed || !copy.sentences[j].quotes.is_empty());
    let speakers: Vec<(String, String)> = g
        .src
        .iter()
        .flat_map(|&i| src.sentences[i].quotes.iter())
        .filter_map(|&q| src.quotes[q].speaker.as_ref())
        .filter(|s| s.display.chars().any(char::is_uppercase) && !s.key.contains(' '))
        .map(|s| (s.key.clone(), s.display.clone()))
        .collect();
    let lost: Vec<&String> = speakers
        .iter()
        .filter(|(k, _)| !copy.vocab().contains(k.as_str()))
        .map(|(_, d)| d)
        .collect();
    let src_range = src.sentences[g.src[0]].sentence.range.clone();
    let copy_range = copy.sentences[g.copy[0]].sentence.range.clone();
    if !copy_attr {
        out.push(Change {
            kind: ChangeKind::AttributionDropped,
            src: Some(src_range),
            copy: Some(copy_range),
            speaker: speakers.first().map(|(_, d)| d.clone()),
            detail: "the source attributes this to someone; the copy states it as fact".to_string(),
            weight: cfg.change_weights.attribution_dropped,
        });
    } else if let Some(lost) = lost.first() {
        out.push(Change {
            kind: ChangeKind::AttributionDropped,
            src: Some(src_range),
            copy: Some(copy_range),
            speaker: Some((*lost).clone()),
            detail: format!("the copy no longer names {lost} as the source of this"),
            weight: cfg.change_weights.attribution_unnamed,
        });
    }
}

// ---------------------------------------------------------------- unaligned sentences

fn unaligned(
    src: &Doc<'_>,
    copy: &Doc<'_>,
    stated: &SourceFacts<'_>,
    groups: &[OrientedGroup<'_>],
    weights: &ChangeWeights,
    out: &mut Vec<Change>,
) {
    let src_aligned: FxHashSet<usize> = groups.iter().flat_map(|g| g.src.iter().copied()).collect();
    let copy_aligned: FxHashSet<usize> =
        groups.iter().flat_map(|g| g.copy.iter().copied()).collect();
    for (j, s) in copy.sentences.iter().enumerate() {
        if s.kind() != crate::text::UnitKind::Body
            || copy_aligned.contains(&j)
            || s.terms.is_empty()
        {
            continue;
        }
        let specifics = s.numbers.len() + s.dates.len() + s.names.len() + s.quotes.len();
        let facts = unsupported_facts(src, copy, stated, j, &[]);
        let detail = if facts.is_empty() {
            "nothing in the source supports this sentence".to_string()
        } else {
            let labels: Vec<&str> = facts.iter().map(|(_, l)| l.as_str()).collect();
            format!(
                "nothing in the source supports this sentence; new: {}",
                labels.join("; ")
            )
        };
        out.push(Change {
            kind: ChangeKind::ClaimAdded,
            src: None,
            copy: Some(s.sentence.range.clone()),
            speaker: None,
            detail,
            weight: weights.claim_added
                + weights.claim_added_per_specific * specifics as f64
                + weights.claim_added_per_fact * facts.len() as f64,
        });
    }
    for (i, s) in src.sentences.iter().enumerate() {
        if s.kind() != crate::text::UnitKind::Body || src_aligned.contains(&i) || s.terms.is_empty()
        {
            continue;
        }
        let specifics = s.numbers.len() + s.dates.len() + s.names.len() + s.quotes.len();
        out.push(Change {
            kind: ChangeKind::ClaimOmitted,
            src: Some(s.sentence.range.clone()),
            copy: None,
            speaker: None,
            detail: "the copy leaves this out".to_string(),
            weight: weights.claim_omitted + weights.claim_omitted_per_specific * specifics as f64,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mention(value: f64, approx: bool, unit: Option<&str>) -> NumberMention {
        NumberMention {
            range: 0..0,
            value,
            unit: unit.map(str::to_string),
            approx,
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(256))]
        /// The sorted lookup answers exactly as a scan of every source number would.
        #[test]
        fn stated_numbers_match_a_full_scan(
            source in proptest::collection::vec((0u32..6, 0u32..40, proptest::bool::ANY, 0usize..3), 0..40),
            query in (0u32..6, 0u32..40, proptest::bool::ANY, 0usize..3),
        ) {
            let units = [None, Some("year"), Some("%")];
            // Values on a few scales, so the 10% and the exact tolerances both matter.
            let make = |(scale, v, approx, unit): (u32, u32, bool, usize)| {
                let value = match scale {
                    0 => f64::from(v),
                    1 => f64::from(v) * 0.05,
                    2 => 1000.0 + f64::from(v) * 13.0,
                    3 => f64::from(v) * 1e9,
                    4 => f64::INFINITY,
                    _ => 0.0,
                };
                mention(value, approx, units[unit])
            };
            let numbers: Vec<NumberMention> = source.into_iter().map(make).collect();
            let n = make(query);
            let (mut approx, mut exact): (Vec<&NumberMention>, Vec<&NumberMention>) =
                numbers.iter().partition(|m| m.approx);
            exact.sort_by(|x, y| x.value.total_cmp(&y.value));
            approx.sort_by(|x, y| x.value.total_cmp(&y.value));
            let stated = SourceFacts { exact, approx, dates: Vec::new() };
            proptest::prop_assert_eq!(
                stated.states_number(&n, Units::Any),
                numbers.iter().any(|m| m.same_value(&n))
            );
            proptest::prop_assert_eq!(
                stated.states_number(&n, Units::Compatible),
                numbers.iter().any(|m| m.same_value(&n) && m.unit_compatible(&n))
            );
        }
    }
}
