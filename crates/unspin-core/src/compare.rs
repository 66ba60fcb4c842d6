//! `compare`: the whole pipeline for two articles, with every span mapped back to the
//! original texts. This is the API boundary the renderers and binaries use.

use crate::align::{self, Group, MatchKind, Weights};
use crate::article::{Article, Span};
use crate::changes::{self, ChangeKind, OrientedGroup, SourceFacts};
use crate::common_names::CommonNames;
use crate::config::Config;
use crate::diff::word_diff;
use crate::doc::Doc;
use crate::features::dates::RelUnit;
use crate::text::UnitKind;
use crate::verdict::{self, Relation, Side, TemplateSign, Verdict};

/// A sentence (or other unit) of one side, in original offsets.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unit {
    pub span: Span,
    pub kind: UnitKind,
    pub paragraph: usize,
}

/// An aligned group with original spans and changed-word highlights.
#[derive(Clone, Debug, PartialEq)]
pub struct AlignedGroup {
    /// Indices into [`Comparison::a_units`].
    pub a: Vec<usize>,
    pub b: Vec<usize>,
    pub score: f64,
    pub kind: MatchKind,
    /// Words of a (original spans) that b does not share, and vice versa.
    pub a_changed: Vec<Span>,
    pub b_changed: Vec<Span>,
}

/// A typed change with original spans on both sides.
#[derive(Clone, Debug, PartialEq)]
pub struct ChangeOut {
    pub kind: ChangeKind,
    pub a: Option<Span>,
    pub b: Option<Span>,
    pub speaker: Option<String>,
    pub detail: String,
    pub weight: f64,
}

/// Everything known about a pair of articles.
#[derive(Clone, Debug)]
pub struct Comparison<'x> {
    pub a: &'x Article,
    pub b: &'x Article,
    pub a_units: Vec<Unit>,
    pub b_units: Vec<Unit>,
    /// Title, date and URL as found (article metadata first, then the text's own).
    pub a_meta: FoundMeta,
    pub b_meta: FoundMeta,
    pub verdict: Verdict,
    pub groups: Vec<AlignedGroup>,
    /// Ranked: highest weight first, then by position.
    pub changes: Vec<ChangeOut>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FoundMeta {
    pub title: Option<String>,
    pub date: Option<crate::article::CivilDate>,
    pub url: Option<String>,
    pub words: usize,
}

pub fn compare<'x>(a: &'x Article, b: &'x Article, cfg: &Config) -> Comparison<'x> {
    compare_docs(&Doc::new(a), &Doc::new(b), cfg)
}

/// [`compare`] for articles already analysed (a corpus scan analyses each article once
/// and compares it many times).
pub fn compare_docs<'x>(da: &Doc<'x>, db: &Doc<'x>, cfg: &Config) -> Comparison<'x> {
    compare_docs_in(da, db, cfg, &CommonNames::default())
}

/// [`compare_docs`] for two articles of a scanned corpus whose `common` names are known
/// (see [`assess`]): the view of a pair that agrees with the scan's verdict on it.
pub fn compare_docs_in<'x>(
    da: &Doc<'x>,
    db: &Doc<'x>,
    cfg: &Config,
    common: &CommonNames,
) -> Comparison<'x> {
    let Assessment {
        verdict,
        changes,
        alignment,
    } = assess(da, db, cfg, ChangesFor::Related, common);
    let groups = alignment
        .groups
        .iter()
        .map(|g| aligned_group(da, db, g))
        .collect();
    Comparison {
        a: da.article,
        b: db.article,
        a_units: units(da),
        b_units: units(db),
        a_meta: found_meta(da),
        b_meta: found_meta(db),
        verdict,
        groups,
        changes,
    }
}

/// A pair's verdict and typed changes, without what only a view needs (units, word
/// diffs, metadata): what a corpus scan keeps of each of its many comparisons.
#[derive(Clone, Debug)]
pub struct Assessment {
    pub verdict: Verdict,
    /// Ranked: highest weight first, then by position.
    pub changes: Vec<ChangeOut>,
    pub alignment: align::Alignment,
}

/// Which pairs get their typed changes listed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChangesFor {
    /// Every related pair (what `compare` shows).
    Related,
    /// Pairs where one article derives from the other: a corpus scan, where most
    /// related pairs are independent reports of one story and their differences are not
    /// distortions.
    Derived,
}

/// The verdict and changes of [`compare_docs`], for callers that show no side-by-side
/// view. `common` are the name words a scanned corpus mentions in many articles (empty
/// for two articles on their own): only the others tell two stories on one template
/// apart.
pub fn assess(
    da: &Doc<'_>,
    db: &Doc<'_>,
    cfg: &Config,
    changes_for: ChangesFor,
    common: &CommonNames,
) -> Assessment {
    let weights = Weights::new(da, db);
    // Aligned from the same article whichever is given first, so that comparing b with
    // a mirrors comparing a with b.
    let first = first_read(da, db);
    let alignment = match first {
        Side::A => align::align(da, db, &weights, cfg),
        Side::B => align::align(db, da, &weights, cfg).mirrored(),
    };
    let mut verdict = verdict::decide(da, db, &alignment, &weights, cfg);
    let listed = match changes_for {
        ChangesFor::Related => verdict.relation != Relation::Unrelated,
        ChangesFor::Derived => verdict.relation.is_derived(),
    };
    // Changes are shown from the source to the copy, or from `a` when no source is
    // known: the order the caller gave. Whether the pair is two stories on a template
    // must not depend on that order, so without a source it is judged from the article
    // read first.
    let shown_from = verdict.source.unwrap_or(Side::A);
    let (changes, swapped_facts) = if listed {
        oriented_changes(da, db, &alignment.groups, shown_from, cfg)
    } else {
        (Vec::new(), 0)
    };
    let judged_from = verdict.source.unwrap_or(first);
    let template = if !verdict.relation.is_derived() {
        None
    } else {
        let recounted;
        let (changes, swapped_facts) = if judged_from == shown_from {
            (&changes, swapped_facts)
        } else {
            recounted = oriented_changes(da, db, &alignment.groups, judged_from, cfg);
            (&recounted.0, recounted.1)
        };
        let read = CopyChanges {
            copy: judged_from.other(),
            changes,
            swapped_facts,
        };
        template_sign(
            da,
            db,
            verdict.relation,
            &alignment.groups,
            &read,
            common,
            cfg,
        )
    };
    if template.is_some() {
        verdict.relation = Relation::SameStory;
        verdict.template = template;
        verdict.source = None;
        verdict.confidence = 0.0;
    }
    // Two items on one template are no copy: a scan lists no distortions for them.
    let changes = if template.is_some() && changes_for == ChangesFor::Derived {
        Vec::new()
    } else {
        changes
    };
    Assessment {
        verdict,
        changes,
        alignment,
    }
}

/// The article a comparison aligns from, and judges a template from when nothing says
/// which is the source: the longer one (more content words), then the one whose text
/// sorts first, then by origin. The answer does not depend on which article is given
/// first.
fn first_read(da: &Doc<'_>, db: &Doc<'_>) -> Side {
    fn key<'d>(d: &Doc<'d>) -> (std::cmp::Reverse<usize>, &'d str, &'d str) {
        (
            std::cmp::Reverse(d.content_words()),
            d.article.text.as_str(),
            d.article.meta.origin.as_str(),
        )
    }
    if key(da) <= key(db) { Side::A } else { Side::B }
}

fn found_meta(d: &Doc<'_>) -> FoundMeta {
    FoundMeta {
        title: d.title().map(str::to_string),
        date: d.date(),
        url: d.url().map(str::to_string),
        words: d.content_words(),
    }
}

pub(crate) fn units(d: &Doc<'_>) -> Vec<Unit> {
    d.sentences
        .iter()
        .map(|s| Unit {
            span: s.sentence.span,
            kind: s.kind(),
            paragraph: s.sentence.para,
        })
        .collect()
}

fn aligned_group(da: &Doc<'_>, db: &Doc<'_>, g: &Group) -> AlignedGroup {
    let ta: Vec<_> = g.a.iter().flat_map(|&i| da.sentence_tokens(i)).collect();
    let tb: Vec<_> = g.b.iter().flat_map(|&j| db.sentence_tokens(j)).collect();
    let diff = word_diff(&ta, &tb);
    AlignedGroup {
        a: g.a.clone(),
        b: g.b.clone(),
        score: g.score,
        kind: g.kind,
        a_changed: diff.a_changed.into_iter().map(|r| da.span(r)).collect(),
        b_changed: diff.b_changed.into_iter().map(|r| db.span(r)).collect(),
    }
}

/// Changes are found from the `reference` (the source, or with no known source the
/// article given first, `a`) to the other. Spans are then put back on their own sides.
/// Also returns how many facts changed that the list does not show one by one: the
/// names the copy swaps, however they pair (see [`changes::Detected::swapped_names`]),
/// and the figures it says moved the other way.
fn oriented_changes(
    da: &Doc<'_>,
    db: &Doc<'_>,
    groups: &[Group],
    reference: Side,
    cfg: &Config,
) -> (Vec<ChangeOut>, usize) {
    let b_is_reference = reference == Side::B;
    let oriented: Vec<OrientedGroup<'_>> = groups
        .iter()
        .map(|g| {
            let (src, copy) = if b_is_reference {
                (&g.b, &g.a)
            } else {
                (&g.a, &g.b)
            };
            OrientedGroup {
                src,
                copy,
                kind: g.kind,
                score: g.score,
            }
        })
        .collect();
    let (src, copy) = if b_is_reference { (db, da) } else { (da, db) };
    let detected = changes::detect(src, copy, &oriented, cfg);
    let changes = detected
        .changes
        .into_iter()
        .map(|c| {
            let src_span = c.src.map(|r| src.span(r));
            let copy_span = c.copy.map(|r| copy.span(r));
            let (a, b) = if b_is_reference {
                (copy_span, src_span)
            } else {
                (src_span, copy_span)
            };
            ChangeOut {
                kind: c.kind,
                a,
                b,
                speaker: c.speaker,
                detail: c.detail,
                weight: c.weight,
            }
        })
        .collect();
    (
        changes,
        detected.swapped_names + detected.reversed_directions,
    )
}

/// A pair's changes read from the source (or the article read first) to `copy`, and
/// how many names the copy swaps and figures it reverses (see [`oriented_changes`]).
#[derive(Clone, Copy)]
struct CopyChanges<'c> {
    copy: Side,
    changes: &'c [ChangeOut],
    swapped_facts: usize,
}

/// Two articles built on one template (wire items like "X ACCEPTS EXPORT BONUS FOR Y"):
/// the wording aligns, but the facts differ. A distorting copy changes a few facts; a
/// template story changes nearly all of them. Any of nine signs suffices, and the
/// answer is the [`TemplateSign`] of the first that holds (several signs share one):
/// - facts differ in most aligned passages that carry any, at least
///   `template_min_changes` of them, or `template_min_changes_retitled` under
///   different headlines (a figure said to move the other way is a changed fact too);
/// - facts differ in most such passages of a short item with fewer facts, and the two
///   are about different subjects: each one's subject (the distinctive name word it
///   mentions most or, naming none, the first capitalized word before its lead's
///   reporting verb) appears nowhere in the other. Of two short items
///   (`template_short_item_words`) the subjects are also read without the corpus's
///   common names, so an export credit item is about its buyer, not the agency. A
///   copy, however distorted, still names whom it is about; an item filled in for
///   another company ("Harwick Tools Inc said its board declared a split…" against
///   "Pellam Foods Inc said its board declared a split…") does not;
/// - the two are about different subjects, and the aligned passages name many entities
///   (`template_min_names` name words) of which the other article mentions few
///   (`template_name_agreement`): eurobond items of two issuers, with their own lead
///   managers, whose facts mostly do not pair up as edits. A rewrite, however free,
///   keeps the names;
/// - the two are about different subjects, a fact differs, and both state headlines,
///   which differ: another company's filing on the same form ("HARWICK TOOLS FILES 200
///   MLN DLR SHELF" against "PELLAM FOODS FILES 150 MLN DLR SHELF"). A copy that swaps
///   whom it is about keeps its source's headline;
/// - in a whole copy (not a partial reuse, which may put a passage into a story about
///   something else), each headline names what its own article is about (its subject,
///   or whom its lead says is speaking) and nothing the other is about, and one of
///   these is absent from the other article: another company's filing with the same
///   figures, or an oil company raising its postings "following similar moves by Sun
///   Co";
/// - the aligned passages hold many numbers (`template_min_numbers`) and the other side
///   states few of them (`template_number_agreement`): an earnings table of another
///   company, whose figures mostly do not even pair up as edits;
/// - the aligned passages name rare entities (`template_min_unshared_names` name words
///   outside the scanned corpus's `common` names) of which the other article mentions
///   none, and the other side states at most half of their numbers: another company's
///   filing with its own underwriters, where the only names both share are the ones
///   every such item carries ("Securities and Exchange Commission"). A corrected item
///   restates the figures of the item it corrects, so a misspelt name alone does not
///   make it another story;
/// - no rare name is shared, and the aligned passages hold a few numbers
///   (`template_min_unshared_numbers`) of which the other side states few
///   (`template_number_agreement`), under different headlines: two days' money-market
///   bulletins of one central bank. A copy keeps its source's headline even when it
///   distorts every figure;
/// - the two are dated on different days, their aligned passages report on "today"
///   (or yesterday, tomorrow), and the other side states few of their numbers
///   (`template_number_agreement`), under different headlines: two days' reports of
///   one market, however few figures each holds. A copy published days later keeps
///   its source's figures, or its headline.
fn template_sign(
    da: &Doc<'_>,
    db: &Doc<'_>,
    relation: Relation,
    groups: &[Group],
    read: &CopyChanges<'_>,
    common: &CommonNames,
    cfg: &Config,
) -> Option<TemplateSign> {
    let CopyChanges {
        copy,
        changes,
        swapped_facts,
    } = *read;
    // Names are counted as swapped however the changes pair them for display, and a
    // figure said to move the other way is a changed fact.
    let fact_changes = changes
        .iter()
        .filter(|c| matches!(c.kind, ChangeKind::NumberChanged | ChangeKind::DateChanged))
        .count()
        + swapped_facts;
    // The passages whose copy side states a fact.
    let fact_groups = groups
        .iter()
        .filter(|g| {
            let (doc, idx) = match copy {
                Side::A => (da, &g.a),
                Side::B => (db, &g.b),
            };
            idx.iter().any(|&j| {
                doc.sentences.get(j).is_some_and(|s| {
                    !s.numbers.is_empty()
                        || !s.names.is_empty()
                        || s.dates.iter().any(|d| d.value.is_absolute())
                })
            })
        })
        .count();
    let most_changed =
        fact_changes >= 1 && fact_changes as f64 >= cfg.template_changed_share * fact_groups as f64;
    // What each is about, read two ways: among all its names, and among the names the
    // corpus does not call common (an export credit item is about its buyer, not the
    // agency every such item names).
    let none = CommonNames::default();
    let absent_as = |common: &CommonNames, of: &Doc<'_>, from: &Doc<'_>| {
        about(of, common).is_some_and(|w| !from.vocab().contains(w))
    };
    let absent = |of: &Doc<'_>, from: &Doc<'_>| absent_as(&none, of, from);
    // Asked only of a whole copy: a partial reuse may put a passage into a story about
    // something else.
    let own_headlines = || relation != Relation::PartialReuse && headlines_name_their_own(da, db);
    // How many of the aligned passages' numbers the other side states, and how many
    // there are: asked by three signs, counted once (a copy goes through every sign).
    let agreement = std::cell::OnceCell::new();
    let number_agreement = || *agreement.get_or_init(|| number_agreement(da, db, groups));
    let numbers_differ = || {
        let (agreed, numbers) = number_agreement();
        numbers >= cfg.template_min_numbers
            && agreed as f64 <= cfg.template_number_agreement * numbers as f64
    };
    let names_differ = || {
        let (agreed, names) = name_agreement(da, db, groups, &|_| true);
        names >= cfg.template_min_names
            && agreed as f64 <= cfg.template_name_agreement * names as f64
    };
    // No rare name shared, and either rare names of their own with figures mostly not
    // restated, or figures almost all different.
    let nothing_rare_shared = || {
        let (agreed, names) = name_agreement(da, db, groups, &|w| !common.contains(w));
        if agreed > 0 {
            return false;
        }
        let (numbers_agreed, numbers) = number_agreement();
        names >= cfg.template_min_unshared_names.max(1) && 2 * numbers_agreed <= numbers
            || numbers >= cfg.template_min_unshared_numbers.max(1)
                && numbers_agreed as f64 <= cfg.template_number_agreement * numbers as f64
                && other_headlines(da, db)
    };
    let subjects = std::cell::OnceCell::new();
    let other_subjects = || {
        *subjects.get_or_init(|| {
            absent(da, db) && absent(db, da)
                || da.content_words().max(db.content_words()) <= cfg.template_short_item_words
                    && absent_as(common, da, db)
                    && absent_as(common, db, da)
        })
    };
    // The two are dated on different days, and the aligned passages report on "today"
    // (or yesterday, tomorrow): each reports its own day.
    let other_days = || {
        let dated_apart = matches!((da.date(), db.date()), (Some(x), Some(y)) if x != y);
        let says_day = |d: &Doc<'_>, idx: &[usize]| {
            passage(d, idx).iter().any(|s| {
                s.dates
                    .iter()
                    .any(|m| matches!(m.value.relative, Some((RelUnit::Day, _))))
            })
        };
        dated_apart
            && groups
                .iter()
                .any(|g| says_day(da, &g.a) || says_day(db, &g.b))
    };
    // The cheap tests first: most pairs are undated or dated alike.
    let days_figures_differ = || {
        other_days() && other_headlines(da, db) && {
            let (agreed, numbers) = number_agreement();
            numbers > 0 && agreed as f64 <= cfg.template_number_agreement * numbers as f64
        }
    };
    let enough_changed = fact_changes >= cfg.template_min_changes
        || fact_changes >= cfg.template_min_changes_retitled && other_headlines(da, db);
    // The signs in order, the cheap ones first; the first that holds says why.
    let signs: [(TemplateSign, &dyn Fn() -> bool); 6] = [
        (TemplateSign::FactsChanged, &|| {
            most_changed && enough_changed
        }),
        (TemplateSign::OtherSubjects, &|| {
            most_changed && other_subjects()
                || other_subjects()
                    && (names_differ() || fact_changes >= 1 && other_headlines(da, db))
        }),
        (TemplateSign::OwnHeadlines, &own_headlines),
        (TemplateSign::OtherFigures, &numbers_differ),
        (TemplateSign::NoRareNameShared, &nothing_rare_shared),
        (TemplateSign::OtherDays, &days_figures_differ),
    ];
    signs
        .into_iter()
        .find(|(_, holds)| holds())
        .map(|(sign, _)| sign)
}

/// Whether both articles state a title and the titles do not have the same words: a
/// copy keeps its source's headline, while a template item's headline names its own
/// subject or figures. A missing headline differs from none.
fn other_headlines(da: &Doc<'_>, db: &Doc<'_>) -> bool {
    match (da.title(), db.title()) {
        (Some(x), Some(y)) => !crate::text::layout::same_words(x, y),
        _ => false,
    }
}

/// How many of the distinctive name words in aligned passages that `counted` keeps the
/// other article mentions anywhere, and how many there are (both sides counted).
fn name_agreement(
    da: &Doc<'_>,
    db: &Doc<'_>,
    groups: &[Group],
    counted: &dyn Fn(&str) -> bool,
) -> (usize, usize) {
    let (mut agreed, mut all) = (0, 0);
    for g in groups {
        for (own, idx, other) in [(da, &g.a, db), (db, &g.b, da)] {
            let words = passage(own, idx)
                .into_iter()
                .flat_map(|s| s.names.iter().flat_map(|m| m.words.iter()))
                .filter(|w| distinctive_name_word(w) && counted(w));
            for w in words {
                all += 1;
                agreed += usize::from(other.vocab().contains(w.as_str()));
            }
        }
    }
    (agreed, all)
}

/// The sentences of `d` at `idx` (one side of an aligned group).
fn passage<'d>(d: &'d Doc<'_>, idx: &[usize]) -> Vec<&'d crate::doc::SentenceInfo> {
    idx.iter().filter_map(|&i| d.sentences.get(i)).collect()
}

/// A name word that says which entity a name is: three letters or more, not a generic
/// word ("Inc", "Bank").
fn distinctive_name_word(w: &str) -> bool {
    w.chars().count() >= 3 && !GENERIC_NAME_WORDS.contains(&w)
}

/// How many of the numbers in aligned passages the other side's passage states too, and
/// how many there are (both sides counted).
fn number_agreement(da: &Doc<'_>, db: &Doc<'_>, groups: &[Group]) -> (usize, usize) {
    let (mut agreed, mut all) = (0, 0);
    for g in groups {
        let (pa, pb) = (passage(da, &g.a), passage(db, &g.b));
        let (fa, fb) = (SourceFacts::of(&pa), SourceFacts::of(&pb));
        for (own, other) in [(&pa, &fb), (&pb, &fa)] {
            for n in own.iter().flat_map(|s| &s.numbers) {
                all += 1;
                agreed += usize::from(other.states_value(n));
            }
        }
    }
    (agreed, all)
}

/// Words that say what kind of entity a name is, not which one ("Inc", "Mr").
const GENERIC_NAME_WORDS: &[&str] = &[
    "bank",
    "company",
    "corp",
    "corporation",
    "group",
    "holdings",
    "inc",
    "lord",
    "ltd",
    "mrs",
    "plc",
    "sir",
];

/// Whether each headline names what its own article is about (its subject, or whom its
/// lead says is speaking: "Phillips Petroleum said…" in an item whose most-named words
/// are "West Texas") and nothing the other is about, and one of these is absent from
/// the other article.
fn headlines_name_their_own(da: &Doc<'_>, db: &Doc<'_>) -> bool {
    let none = CommonNames::default();
    let whom = |d| [subject(d, &none), lead_sayer(d)];
    let (wa, wb) = (whom(da), whom(db));
    let names = |d: &Doc<'_>, own: &[Option<&str>; 2], other: &[Option<&str>; 2]| {
        d.title().is_some_and(|t| {
            let has = |w: &Option<&str>| {
                w.is_some_and(|w| {
                    t.split(|c: char| !c.is_alphanumeric())
                        .any(|x| x.to_lowercase() == w)
                })
            };
            own.iter().any(has) && !other.iter().any(has)
        })
    };
    let absent_from = |own: &[Option<&str>; 2], other: &Doc<'_>| {
        own.iter().flatten().any(|w| !other.vocab().contains(*w))
    };
    names(da, &wa, &wb) && names(db, &wb, &wa) && (absent_from(&wa, db) || absent_from(&wb, da))
}

/// What an article is about: its [`subject`] or, naming none, its [`lead_sayer`].
fn about<'d>(d: &'d Doc<'_>, common: &CommonNames) -> Option<&'d str> {
    subject(d, common).or_else(|| lead_sayer(d))
}

/// Whom the lead says is speaking, for an item that names no one the name finder
/// knows: the first capitalized word before the lead's reporting verb ("American Can
/// cop said it has filed…", where "Can" is a stopword and "American" opens the
/// sentence, gives "american"). Generic words and words of fewer than three letters
/// left out.
fn lead_sayer<'d>(d: &'d Doc<'_>) -> Option<&'d str> {
    let lead = d
        .sentences
        .iter()
        .position(|s| s.kind() == UnitKind::Body)?;
    let tokens = d.sentence_tokens(lead);
    let verb = tokens.iter().position(|t| t.attribution)?;
    tokens[..verb]
        .iter()
        .find(|t| t.cap && !t.stop && !t.numeric && distinctive_name_word(&t.lower))
        .map(|t| t.lower.as_str())
}

/// The name word of `d`'s body sentences mentioned most often, the earliest on ties;
/// generic words and words of fewer than three letters left out, and so are the corpus's
/// `common` names unless the article names nothing else (an export credit item's
/// subject is its buyer, not the agency every such item names).
fn subject<'d>(d: &'d Doc<'_>, common: &CommonNames) -> Option<&'d str> {
    let mut counts: rustc_hash::FxHashMap<&str, (usize, usize)> = Default::default();
    let mentions = d
        .sentences
        .iter()
        .filter(|s| s.kind() == UnitKind::Body)
        .flat_map(|s| s.names.iter().flat_map(|m| m.words.iter()));
    for (at, w) in mentions.enumerate() {
        if distinctive_name_word(w) {
            let entry = counts.entry(w.as_str()).or_insert((0, at));
            entry.0 += 1;
        }
    }
    let most = |rare: bool| {
        counts
            .iter()
            .filter(|(w, _)| !rare || !common.contains(w))
            .max_by_key(|&(_, &(n, first))| (n, std::cmp::Reverse(first)))
            .map(|(w, _)| *w)
    };
    most(true).or_else(|| most(false))
}
