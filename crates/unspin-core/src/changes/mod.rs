//! Typed changes a copy made to its source, found inside and around aligned groups.
//!
//! Inside a group: quotes are paired and compared (altered / added / removed), numbers,
//! dates and names are matched by value and the leftovers paired into "changed" facts,
//! the polarity of the words both keep and attribution are compared. Around groups: copy
//! sentences nothing in the source supports are added claims, source sentences the copy
//! lacks are omitted.
//! A fact the copy adds that the source states nowhere makes its sentence an added claim.
//! Quotes live in `quotes`, numbers, dates and names in `facts` (with the forms of one
//! name in `names`, and the kind of entity a name is in `kinds`), a figure's reversed
//! direction in `direction`, a flipped negation in `negation`; attribution and
//! unaligned sentences here.

use std::ops::Range;

use rustc_hash::FxHashSet;

use crate::align::MatchKind;
use crate::config::{ChangeWeights, Config};
use crate::doc::Doc;

mod direction;
mod facts;
mod kinds;
mod names;
mod negation;
mod quotes;

pub(crate) use facts::SourceFacts;
use facts::unsupported_facts;
pub(crate) use facts::{Elsewhere, Sources};
pub(crate) use quotes::closeness as quote_closeness;

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

/// What [`detect`] finds.
pub struct Detected {
    /// The changes, weightiest first.
    pub changes: Vec<Change>,
    /// How many names the copy swaps for others, whether or not each swap is shown as a
    /// `name_changed` (a name added far from the dropped one is shown as an added
    /// claim): a measure of how much two items differ, for the template test.
    pub swapped_names: usize,
    /// How many kept sentences say a figure moved the other way: changed facts too.
    pub reversed_directions: usize,
}

pub fn detect(
    src: &Doc<'_>,
    copy: &Doc<'_>,
    groups: &[OrientedGroup<'_>],
    cfg: &Config,
) -> Detected {
    detect_among(src, &Elsewhere::none(), copy, groups, cfg)
}

/// [`detect`] for a copy traced against several candidate sources: `src` is one of
/// them, aligned as `groups`; a fact or a word-for-word quote one of the others
/// (`elsewhere`) holds is no change the copy made to `src`.
pub(crate) fn detect_among(
    src: &Doc<'_>,
    elsewhere: &Elsewhere<'_, '_>,
    copy: &Doc<'_>,
    groups: &[OrientedGroup<'_>],
    cfg: &Config,
) -> Detected {
    let mut out = Vec::new();
    quotes::detect(src, copy, groups, elsewhere, cfg, &mut out);
    let stated = SourceFacts::new(src);
    let mut swapped_names = 0;
    let mut reversed_directions = 0;
    for g in groups {
        swapped_names += facts::in_passage(src, copy, &stated, elsewhere, g, cfg, &mut out);
        negation::flipped(src, copy, g, cfg, &mut out);
        reversed_directions += usize::from(direction::flipped(src, copy, g, cfg, &mut out));
        attribution(src, copy, g, cfg, &mut out);
    }
    unaligned(
        src,
        copy,
        &stated,
        elsewhere,
        groups,
        &cfg.change_weights,
        &mut out,
    );
    out.sort_by(|x, y| {
        y.weight
            .total_cmp(&x.weight)
            .then_with(|| position(x).cmp(&position(y)))
            .then_with(|| x.kind.cmp(&y.kind))
    });
    Detected {
        changes: out,
        swapped_names,
        reversed_directions,
    }
}

fn position(c: &Change) -> (usize, usize) {
    (
        c.copy.as_ref().map_or(usize::MAX, |r| r.start),
        c.src.as_ref().map_or(usize::MAX, |r| r.start),
    )
}

// ---------------------------------------------------------------- attribution

/// Whether `g` renders one sentence by one, edited or reworded at least `min_score`
/// closely: polarity (a negation, a figure's direction) is only comparable there. An
/// identical pair cannot differ.
fn polarity_comparable(g: &OrientedGroup<'_>, min_score: f64) -> bool {
    g.kind != MatchKind::Identical
        && !(g.kind == MatchKind::Paraphrase && g.score < min_score)
        && g.src.len() == 1
        && g.copy.len() == 1
}

/// The share of the source passage's words, outside its names and reporting verbs, that
/// the copy passage has too (by stem).
fn reported_kept(src: &Doc<'_>, copy: &Doc<'_>, g: &OrientedGroup<'_>) -> f64 {
    let words = |d: &Doc<'_>, idx: &[usize]| -> FxHashSet<u64> {
        let mut out = FxHashSet::default();
        for &i in idx {
            let names = &d.sentences[i].names;
            let in_name = |t: &crate::text::words::Token| names.iter().any(|n| n.holds(t));
            out.extend(
                d.sentence_tokens(i)
                    .iter()
                    .filter(|t| !t.stop && !t.attribution && !in_name(t))
                    .map(|t| crate::doc::term_hash(&t.stem)),
            );
        }
        out
    };
    let (reported, kept) = (words(src, g.src), words(copy, g.copy));
    if reported.is_empty() {
        return 1.0;
    }
    reported.iter().filter(|w| kept.contains(*w)).count() as f64 / reported.len() as f64
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
    // A copy stating as fact what the source reports keeps what was reported, not only
    // who: "Lord Woolf … said the system could continue" against "Judgment will be given
    // by Lord Woolf" shares the names alone.
    if !copy_attr && reported_kept(src, copy, g) >= cfg.changes.attribution_kept {
        out.push(Change {
            kind: ChangeKind::AttributionDropped,
            src: Some(src_range),
            copy: Some(copy_range),
            speaker: speakers.first().map(|(_, d)| d.clone()),
            detail: "the source attributes this to someone; the copy states it as fact".to_string(),
            weight: cfg.change_weights.attribution_dropped,
        });
    } else if let Some(lost) = lost.first()
        // A quote given to another person says more (see `quotes::detect`).
        && !out.iter().any(|c| {
            c.kind == ChangeKind::AttributionDropped
                && c.speaker.as_ref() == Some(*lost)
                && c.src.as_ref().is_some_and(|r| r.start < src_range.end && src_range.start < r.end)
        })
    {
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
    elsewhere: &Elsewhere<'_, '_>,
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
        let facts = unsupported_facts(src, copy, stated, elsewhere, j, &[]);
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
