//! The verdict on a pair: how the articles relate, which one is the source and why, and
//! how much of each the other covers.

use crate::align::{Alignment, MatchKind, Weights};
use crate::config::{Config, Evidence};
use crate::doc::Doc;
use crate::text::UnitKind;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Relation {
    /// The same text (after normalization).
    Duplicate,
    /// Nearly all sentences of both align, mostly verbatim or lightly edited.
    NearDuplicate,
    /// Most of the copy derives from the source, reworded.
    Rewrite,
    /// Part of the copy derives from the source.
    PartialReuse,
    /// Both report the same story, written independently.
    SameStory,
    Unrelated,
}

impl Relation {
    pub fn as_str(self) -> &'static str {
        match self {
            Relation::Duplicate => "duplicate",
            Relation::NearDuplicate => "near_duplicate",
            Relation::Rewrite => "rewrite",
            Relation::PartialReuse => "partial_reuse",
            Relation::SameStory => "same_story",
            Relation::Unrelated => "unrelated",
        }
    }

    /// A copy of the whole (what families are made of): duplicate, near duplicate or
    /// rewrite. Partial reuse is derived but not a copy.
    pub fn is_copy(self) -> bool {
        matches!(
            self,
            Relation::Duplicate | Relation::NearDuplicate | Relation::Rewrite
        )
    }

    /// One article derives text from the other.
    pub fn is_derived(self) -> bool {
        matches!(
            self,
            Relation::Duplicate
                | Relation::NearDuplicate
                | Relation::Rewrite
                | Relation::PartialReuse
        )
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Side {
    A,
    B,
}

impl Side {
    pub fn as_str(self) -> &'static str {
        match self {
            Side::A => "a",
            Side::B => "b",
        }
    }

    pub fn other(self) -> Side {
        match self {
            Side::A => Side::B,
            Side::B => Side::A,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ReasonKind {
    Dates,
    Credit,
    SelfPublished,
    Containment,
}

impl ReasonKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ReasonKind::Dates => "dates",
            ReasonKind::Credit => "credit",
            ReasonKind::SelfPublished => "self_published",
            ReasonKind::Containment => "containment",
        }
    }
}

/// One piece of evidence about direction.
#[derive(Clone, Debug, PartialEq)]
pub struct Reason {
    pub kind: ReasonKind,
    /// The side this evidence says is the source.
    pub favors: Side,
    pub weight: f64,
    pub detail: String,
}

/// Why two articles whose wording aligns as a copy's are two items on one template
/// (reported as same story): the first of the signs in `compare` that holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TemplateSign {
    /// Facts differ in most aligned passages that carry any.
    FactsChanged,
    /// Each is about a subject the other never names.
    OtherSubjects,
    /// Each headline names what its own article is about, and not the other's.
    OwnHeadlines,
    /// The other side states few of the aligned passages' many figures.
    OtherFigures,
    /// No rare name is shared, and the figures are mostly not restated.
    NoRareNameShared,
    /// Dated on different days, each reporting its own day, with other figures.
    OtherDays,
}

impl TemplateSign {
    pub fn as_str(self) -> &'static str {
        match self {
            TemplateSign::FactsChanged => "facts_changed",
            TemplateSign::OtherSubjects => "other_subjects",
            TemplateSign::OwnHeadlines => "own_headlines",
            TemplateSign::OtherFigures => "other_figures",
            TemplateSign::NoRareNameShared => "no_rare_name_shared",
            TemplateSign::OtherDays => "other_days",
        }
    }

    /// The sign in words, after "two items on one template: ".
    pub fn detail(self) -> &'static str {
        match self {
            TemplateSign::FactsChanged => "the facts differ in most passages that state any",
            TemplateSign::OtherSubjects => "each is about a subject the other never names",
            TemplateSign::OwnHeadlines => "each headline names its own subject, not the other's",
            TemplateSign::OtherFigures => "the other states few of their figures",
            TemplateSign::NoRareNameShared => {
                "they share no rare name and few figures, under different headlines"
            }
            TemplateSign::OtherDays => {
                "dated on different days, each reports its own day with other figures"
            }
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Verdict {
    pub relation: Relation,
    /// Set when the wording aligns as a copy's but the two are items on one template,
    /// which made the relation same story.
    pub template: Option<TemplateSign>,
    pub source: Option<Side>,
    /// Confidence in `source`, 0 when it is null.
    pub confidence: f64,
    pub reasons: Vec<Reason>,
    /// Share of a's body words that align with b.
    pub coverage_a: f64,
    pub coverage_b: f64,
    /// Share of the aligned words (of both sides) that are in identical or edited groups.
    pub verbatim_share: f64,
    /// Document-level weighted Dice of all content terms.
    pub similarity: f64,
}

fn coverage(doc: &Doc<'_>, aligned: &[Option<usize>]) -> f64 {
    let mut total = 0usize;
    let mut covered = 0usize;
    for (s, g) in doc.sentences.iter().zip(aligned) {
        if s.kind() == UnitKind::Body {
            total += s.n_words;
            if g.is_some() {
                covered += s.n_words;
            }
        }
    }
    if total == 0 {
        0.0
    } else {
        covered as f64 / total as f64
    }
}

/// The lowercased words of the content sentences, in order (compared lazily: a scan asks
/// this of every pair, and most differ within a few words).
fn body_words<'d>(doc: &'d Doc<'_>) -> impl Iterator<Item = &'d str> {
    doc.sentences
        .iter()
        .filter(|s| s.kind().is_content())
        .flat_map(|s| {
            doc.tokens[s.tokens.clone()]
                .iter()
                .map(|t| t.lower.as_str())
        })
}

pub fn decide(
    a: &Doc<'_>,
    b: &Doc<'_>,
    alignment: &Alignment,
    weights: &Weights,
    cfg: &Config,
) -> Verdict {
    let coverage_a = coverage(a, &alignment.group_of_a(a.sentences.len()));
    let coverage_b = coverage(b, &alignment.group_of_b(b.sentences.len()));
    let similarity = weights.dice(&a.content().terms, &b.content().terms);
    let reasons = direction(a, b, coverage_a, coverage_b, &cfg.evidence);
    let evidence: f64 = reasons
        .iter()
        .map(|r| {
            if r.favors == Side::A {
                r.weight
            } else {
                -r.weight
            }
        })
        .sum();
    let mut source = if evidence.abs() >= cfg.source_min_evidence {
        Some(if evidence > 0.0 { Side::A } else { Side::B })
    } else {
        None
    };

    // Both sides' words, so that the share does not depend on which article is `a`.
    let body = |d: &Doc<'_>, idx: &[usize]| -> usize {
        idx.iter()
            .filter_map(|&i| d.sentences.get(i))
            .filter(|s| s.kind() == UnitKind::Body)
            .map(|s| s.n_words)
            .sum()
    };
    let (mut verbatim, mut aligned_words) = (0usize, 0usize);
    for g in &alignment.groups {
        let words = body(a, &g.a) + body(b, &g.b);
        aligned_words += words;
        if g.kind != MatchKind::Paraphrase {
            verbatim += words;
        }
    }
    let verbatim_share = if aligned_words == 0 {
        0.0
    } else {
        verbatim as f64 / aligned_words as f64
    };
    let strong_groups = alignment
        .groups
        .iter()
        .filter(|g| g.score >= cfg.strong_group)
        .count();
    // The copy is the non-source side; without a source, the better-covered side.
    let (copy_coverage, source_coverage) = match source {
        Some(Side::A) => (coverage_b, coverage_a),
        Some(Side::B) => (coverage_a, coverage_b),
        None => (coverage_a.max(coverage_b), coverage_a.min(coverage_b)),
    };
    let relation = if body_words(a).next().is_some() && body_words(a).eq(body_words(b)) {
        Relation::Duplicate
    } else if coverage_a.min(coverage_b) >= cfg.near_duplicate_coverage
        && verbatim_share >= cfg.near_duplicate_verbatim
    {
        Relation::NearDuplicate
    } else if copy_coverage >= cfg.rewrite_coverage
        && source_coverage >= cfg.rewrite_source_coverage
    {
        Relation::Rewrite
    } else if copy_coverage >= cfg.partial_coverage && strong_groups >= 1
        || strong_groups >= cfg.partial_min_strong_groups
    {
        Relation::PartialReuse
    } else if similarity >= cfg.same_story_similarity || !alignment.groups.is_empty() {
        Relation::SameStory
    } else {
        Relation::Unrelated
    };
    if !relation.is_derived() {
        source = None;
    }
    let confidence = if source.is_some() {
        (1.0 - (-evidence.abs()).exp()).min(cfg.evidence.max_confidence)
    } else {
        0.0
    };
    Verdict {
        relation,
        template: None,
        source,
        confidence,
        reasons,
        coverage_a,
        coverage_b,
        verbatim_share,
        similarity,
    }
}

/// Evidence about which side came first.
fn direction(
    a: &Doc<'_>,
    b: &Doc<'_>,
    coverage_a: f64,
    coverage_b: f64,
    weights: &Evidence,
) -> Vec<Reason> {
    let mut reasons = Vec::new();
    match (a.date(), b.date()) {
        (Some(da), Some(db)) if da != db => {
            let (favors, first, second) = if da < db {
                (Side::A, da, db)
            } else {
                (Side::B, db, da)
            };
            reasons.push(Reason {
                kind: ReasonKind::Dates,
                favors,
                weight: weights.earlier_date,
                detail: format!("{} is dated {first}, the other {second}", favors.as_str()),
            });
        }
        (Some(d), None) | (None, Some(d)) => {
            let favors = if a.date().is_some() { Side::A } else { Side::B };
            reasons.push(Reason {
                kind: ReasonKind::Dates,
                favors,
                weight: weights.only_dated,
                detail: format!("only {} carries a publication date ({d})", favors.as_str()),
            });
        }
        _ => {}
    }
    for (side, doc, other) in [(Side::A, a, b), (Side::B, b, a)] {
        if let Some(name) = doc.url().and_then(site_name)
            && other.url().and_then(site_name).as_deref() != Some(name.as_str())
            && squashed(other).contains(&name)
        {
            reasons.push(Reason {
                kind: ReasonKind::Credit,
                favors: side,
                weight: weights.credit,
                detail: format!(
                    "{} credits {name}, the publisher of {}",
                    side.other().as_str(),
                    side.as_str()
                ),
            });
        }
    }
    match (a.url(), b.url()) {
        (Some(url), None) | (None, Some(url)) => {
            let favors = if a.url().is_some() { Side::A } else { Side::B };
            reasons.push(Reason {
                kind: ReasonKind::SelfPublished,
                favors,
                weight: weights.only_published,
                detail: format!(
                    "only {} states where it was published ({url})",
                    favors.as_str()
                ),
            });
        }
        _ => {}
    }
    let diff = coverage_b - coverage_a;
    if diff.abs() >= weights.containment_min_difference {
        let favors = if diff > 0.0 { Side::A } else { Side::B };
        reasons.push(Reason {
            kind: ReasonKind::Containment,
            favors,
            weight: weights.containment * diff.abs(),
            detail: format!(
                "{} is contained in {} ({:.0}% vs {:.0}% of words covered)",
                favors.other().as_str(),
                favors.as_str(),
                100.0 * coverage_a.max(coverage_b),
                100.0 * coverage_a.min(coverage_b)
            ),
        });
    }
    reasons
}

/// "https://www.themoscowtimes.com/…" → "themoscowtimes".
fn site_name(url: &str) -> Option<String> {
    let host = url
        .split("://")
        .nth(1)?
        .split(['/', '?', '#', ':'])
        .next()?;
    let host = host.strip_prefix("www.").unwrap_or(host);
    let name = host.split('.').next()?.to_lowercase();
    (name.len() >= 5).then_some(name)
}

/// Lowercase letters and digits of the document, for finding a credited site name.
fn squashed(doc: &Doc<'_>) -> String {
    doc.norm
        .text
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}
