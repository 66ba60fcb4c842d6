//! Facts: numbers, dates and names matched by value inside a passage, the leftovers
//! paired into changed facts, and facts the source states nowhere made added claims.

use std::ops::Range;

use super::names::{is_title, may_stand_for, name_backed, name_supported, same_name};
use super::{Change, ChangeKind, OrientedGroup};
use crate::config::Config;
use crate::doc::{Doc, SentenceInfo};
use crate::features::dates::RelUnit;
use crate::features::{DateMention, DateValue, NameMention, NumberMention};
use crate::text::words::Token;

/// What the source states anywhere, gathered once per comparison: asking it of the whole
/// source for each of the copy's facts cost n² on long documents.
pub(crate) struct SourceFacts<'d> {
    /// Numbers sorted by value, exact and approximate apart (their tolerances differ).
    exact: Vec<&'d NumberMention>,
    approx: Vec<&'d NumberMention>,
    dates: Vec<&'d DateValue>,
    /// The words of every name of the whole source, each once; empty for a passage's
    /// facts (`of`), which are asked about numbers only.
    names: Vec<&'d [String]>,
}

impl<'d> SourceFacts<'d> {
    pub(super) fn new(src: &'d Doc<'_>) -> SourceFacts<'d> {
        let mut facts = SourceFacts::of(&src.sentences.iter().collect::<Vec<_>>());
        // Each name once: a story repeats its names, and each is tried against every
        // name a copy adds.
        facts.names = src
            .sentences
            .iter()
            .flat_map(|s| s.names.iter().map(|n| n.words.as_slice()))
            .collect();
        facts.names.sort_unstable();
        facts.names.dedup();
        facts
    }

    /// What `sentences` state (a passage, say).
    pub(crate) fn of(sentences: &[&'d SentenceInfo]) -> SourceFacts<'d> {
        let (mut approx, mut exact): (Vec<&NumberMention>, Vec<&NumberMention>) = sentences
            .iter()
            .flat_map(|s| &s.numbers)
            .partition(|n| n.approx);
        for v in [&mut exact, &mut approx] {
            v.sort_by(|x, y| x.value.total_cmp(&y.value));
        }
        let dates = sentences
            .iter()
            .flat_map(|s| s.dates.iter().map(|d| &d.value))
            .collect();
        SourceFacts {
            exact,
            approx,
            dates,
            names: Vec::new(),
        }
    }

    /// Whether these sentences state `n`'s value, whatever its unit.
    pub(crate) fn states_value(&self, n: &NumberMention) -> bool {
        self.states_number(n, Units::Any)
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
        near(&self.exact, v, tight).any(ok)
            || near(&self.approx, v, loose).any(ok)
            || year_of(n).is_some_and(|y| self.dates.iter().any(|e| e.year == Some(y)))
    }

    /// Whether the source states date `d`; a bare year also counts when the source
    /// states it as a number ("the 1982 Falklands War" reads as a number where "1982
    /// falklands war" reads as a date).
    fn states_date(&self, d: &DateValue) -> bool {
        let year_only = d.month.is_none() && d.day.is_none() && d.weekday.is_none();
        self.dates.iter().any(|e| same_date(e, d))
            || year_only
                && d.year.is_some_and(|y| {
                    near(&self.exact, f64::from(y), 0.5).any(|m| year_of(m) == Some(y))
                })
    }

    /// Whether the source backs the name `words`: uses its words, or names the same
    /// entity in another form ("Sen. Ben Nelson" for "Senator Ben Nelson").
    fn states_name(&self, src: &Doc<'_>, words: &[String]) -> bool {
        name_backed(src, &self.names, words)
    }
}

/// What every candidate source of a trace states, gathered once: each source's changes
/// are read with the others beside it (see [`Elsewhere`]).
pub(crate) struct Sources<'d> {
    docs: Vec<(&'d Doc<'d>, SourceFacts<'d>)>,
}

impl<'d> Sources<'d> {
    pub(crate) fn new(docs: &[&'d Doc<'d>]) -> Sources<'d> {
        Sources {
            docs: docs.iter().map(|&d| (d, SourceFacts::new(d))).collect(),
        }
    }

    /// The sources other than source `k`.
    pub(crate) fn except(&self, k: usize) -> Elsewhere<'_, 'd> {
        Elsewhere {
            sources: Some(self),
            except: k,
        }
    }
}

/// What other candidate sources state, for a trace against several: a fact or a quote
/// that one of them states is no claim the article added, nor a fact it changed, though
/// the source whose passage it rewrites lacks it (a court report takes the defendant's
/// age from one wire take and the rest of the sentence from another). None for a
/// comparison of two articles.
pub(crate) struct Elsewhere<'s, 'd> {
    sources: Option<&'s Sources<'d>>,
    except: usize,
}

impl<'s, 'd> Elsewhere<'s, 'd> {
    /// No other source.
    pub(crate) fn none() -> Elsewhere<'s, 'd> {
        Elsewhere {
            sources: None,
            except: 0,
        }
    }

    fn facts(&self) -> impl Iterator<Item = &'s (&'d Doc<'d>, SourceFacts<'d>)> + '_ {
        self.sources
            .into_iter()
            .flat_map(|s| s.docs.iter().enumerate())
            .filter(|&(k, _)| k != self.except)
            .map(|(_, d)| d)
    }

    /// The other sources.
    pub(super) fn docs(&self) -> impl Iterator<Item = &'d Doc<'d>> + '_ {
        self.facts().map(|&(d, _)| d)
    }

    fn states_number(&self, n: &NumberMention) -> bool {
        self.facts().any(|(_, f)| f.states_number(n, Units::Any))
    }

    fn states_date(&self, d: &DateValue) -> bool {
        self.facts().any(|(_, f)| f.states_date(d))
    }

    fn states_name(&self, words: &[String]) -> bool {
        self.facts().any(|(doc, f)| f.states_name(doc, words))
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

/// Details of the copy's sentence `j` the source never states, as (range, label).
pub(super) fn unsupported_facts(
    src: &Doc<'_>,
    copy: &Doc<'_>,
    stated: &SourceFacts<'_>,
    elsewhere: &Elsewhere<'_, '_>,
    j: usize,
    skip: &[Range<usize>],
) -> Vec<(Range<usize>, String)> {
    let s = &copy.sentences[j];
    let mut out = Vec::new();
    let skipped = |r: &Range<usize>| skip.iter().any(|k| k.start <= r.start && r.end <= k.end);
    for n in &s.numbers {
        if !n.approx
            && !skipped(&n.range)
            && !stated.states_number(n, Units::Any)
            && !elsewhere.states_number(n)
        {
            out.push((
                n.range.clone(),
                format!("number {}", copy.flat_text(n.range.clone())),
            ));
        }
    }
    for d in &s.dates {
        if d.value.is_absolute()
            && !skipped(&d.range)
            && !stated.states_date(&d.value)
            && !elsewhere.states_date(&d.value)
        {
            out.push((
                d.range.clone(),
                format!("date {}", copy.flat_text(d.range.clone())),
            ));
        }
    }
    for n in &s.names {
        if !skipped(&n.range)
            && !stated.states_name(src, &n.words)
            && !elsewhere.states_name(&n.words)
        {
            out.push((
                n.range.clone(),
                format!("name {}", copy.flat_text(n.range.clone())),
            ));
        }
    }
    out
}

/// Whether the copy's number `n` may stand where the source has `m`: both have a unit
/// or neither does (or one is in points), and the units agree. Across units (cents for
/// dollars, points for none) the amounts must also be within a factor of ten: "45
/// cents" may restate "$1.45", but a share price is no rewrite of the 95 cents it moved.
fn may_replace(m: &NumberMention, n: &NumberMention) -> bool {
    let within_tenfold = || {
        let (lo, hi) = (
            m.value.abs().min(n.value.abs()),
            m.value.abs().max(n.value.abs()),
        );
        hi <= 10.0 * lo
    };
    // Index moves are written with and without their unit ("fell 98.30" for "down
    // 98.32 points").
    let points = |x: &NumberMention| x.unit.as_deref() == Some("point");
    let same_presence = m.unit.is_some() == n.unit.is_some() || points(m) || points(n);
    m.unit_compatible(n) && same_presence && (m.unit == n.unit || within_tenfold())
}

/// Whether `e` and `d` are "today" and "yesterday" (or "tomorrow" and "today") for the
/// same day: the next day's paper writes "yesterday" for the wire's "today". With both
/// articles' dates known, the days between them must make up the shift; with either
/// unknown, a shift of one day is taken as such a copy.
fn next_day_copy(src: &Doc<'_>, copy: &Doc<'_>, e: &DateMention, d: &DateMention) -> bool {
    let (Some((RelUnit::Day, a)), Some((RelUnit::Day, b))) = (e.value.relative, d.value.relative)
    else {
        return false;
    };
    let shift = i64::from(a) - i64::from(b);
    match (src.date(), copy.date()) {
        (Some(s), Some(c)) => c.days_since_epoch() - s.days_since_epoch() == shift,
        _ => shift.abs() == 1,
    }
}

/// The year a bare whole number between 1000 and 2100 may be ("in 1982" read as a
/// number).
fn year_of(n: &NumberMention) -> Option<i32> {
    let plausible =
        n.unit.is_none() && n.value.fract() == 0.0 && (1000.0..=2100.0).contains(&n.value);
    plausible.then_some(n.value as i32)
}

/// The words of sentence `i` of `doc` before name `m` (nearest first) and after it.
fn neighbours<'d>(
    doc: &'d Doc<'_>,
    i: usize,
    m: &NameMention,
) -> (
    impl Iterator<Item = &'d Token> + Clone,
    impl Iterator<Item = &'d Token> + Clone,
) {
    let tokens = doc.sentence_tokens(i);
    let first = tokens.partition_point(|t| t.range.start < m.range.start);
    let end = tokens.partition_point(|t| t.range.start < m.range.end);
    (tokens[..first].iter().rev(), tokens[end..].iter())
}

/// Whether names `m` (sentence `i` of the source) and `n` (sentence `j` of the copy)
/// stand in one slot: the same words right before and after them ("by Smith after" /
/// "by Jones after", a sentence's end counting as a word), or on one side the same
/// words up to one that says what the slot is (see [`told`]: "Smith said" / "Jones
/// said", "Skyler, a spokesman" / "Barowitz, a spokesman"). A function word or a title
/// alone ("in the Commons on" / "at the Paris Ritz in", "Mr Dodd said" / "Mr Bromfield
/// and") may stand by any name of its kind. Two names that only sit at about the same
/// place of a reworded passage are two things mentioned more often than one renamed.
fn same_slot(
    src: &Doc<'_>,
    i: usize,
    m: &NameMention,
    copy: &Doc<'_>,
    j: usize,
    n: &NameMention,
) -> bool {
    let (sb, sa) = neighbours(src, i, m);
    let (cb, ca) = neighbours(copy, j, n);
    let same = |x: Option<&Token>, y: Option<&Token>| match (x, y) {
        (Some(x), Some(y)) => x.lower == y.lower,
        (x, y) => x.is_none() && y.is_none(),
    };
    let (src_before, src_after) = (sb.clone().next(), sa.clone().next());
    let beside = same(src_before, cb.clone().next())
        && same(src_after, ca.clone().next())
        && (src_before.is_some() || src_after.is_some());
    beside || told(sb, cb) || told(sa, ca)
}

/// Whether two names' words on one side are the same up to the nearest that says what
/// their slot is, within three: a reporting verb, or neither a function word nor a
/// title ("Smith said" / "Jones said", "Smith, a spokesman" / "Jones, a spokesman", but
/// not "dismissed by Smith" / "dismissed as Jones").
fn told<'d>(
    mut x: impl Iterator<Item = &'d Token>,
    mut y: impl Iterator<Item = &'d Token>,
) -> bool {
    for _ in 0..3 {
        let (Some(a), Some(b)) = (x.next(), y.next()) else {
            return false;
        };
        if a.lower != b.lower {
            return false;
        }
        if (!a.stop || a.attribution) && !any_names_word(&a.lower) {
            return true;
        }
    }
    false
}

/// Whether two names are one respelled ("Goram"/"Goreham", "Lord Hartley"/"Hartly"): a
/// word in common other than a title ("Richard Hartley QC" and "George Carman QC" are
/// two people), or a word of each at most `share` of its letters apart.
pub(super) fn respelled(a: &[String], b: &[String], share: f64) -> bool {
    a.iter().filter(|w| !any_names_word(w)).any(|w| {
        b.iter()
            .filter(|v| !any_names_word(v))
            .any(|v| w == v || near_spelling(w, v, share))
    })
}

/// A word any name of its kind may carry: a courtesy title ("Mr", "Lord") or a rank
/// ("PC", "QC", "MP").
fn any_names_word(w: &str) -> bool {
    is_title(w) || matches!(w, "kc" | "mp" | "pc" | "qc" | "wpc")
}

/// Two words of four letters or more, with one first letter, whose edit distance is at
/// most `share` of the longer's letters.
fn near_spelling(w: &str, v: &str, share: f64) -> bool {
    let (x, y): (Vec<char>, Vec<char>) = (w.chars().collect(), v.chars().collect());
    let longest = x.len().max(y.len());
    if x.len().min(y.len()) < 4 || longest > 40 || x[0] != y[0] {
        return false;
    }
    // Edit distance, one row at a time.
    let mut row: Vec<usize> = (0..=y.len()).collect();
    for (p, cx) in x.iter().enumerate() {
        let mut diag = row[0];
        row[0] = p + 1;
        for (q, cy) in y.iter().enumerate() {
            let next = (diag + usize::from(cx != cy))
                .min(row[q] + 1)
                .min(row[q + 1] + 1);
            diag = row[q + 1];
            row[q + 1] = next;
        }
    }
    row[y.len()] as f64 <= share * longest as f64 + 1e-9
}

/// Where byte `at` of sentence `i` lies in the passage `sentences`, from 0 (its start)
/// to 1 (its end).
fn position(doc: &Doc<'_>, sentences: &[usize], i: usize, at: usize) -> f64 {
    let mut before = 0;
    let mut total = 0;
    for &k in sentences {
        let r = &doc.sentences[k].sentence.range;
        if k == i {
            before = total + at.saturating_sub(r.start);
        }
        total += r.len();
    }
    before as f64 / total.max(1) as f64
}

/// The copy's `new` in place of the source's `old`: "`old` became `new`".
pub(super) fn replaced(
    src: &Doc<'_>,
    copy: &Doc<'_>,
    kind: ChangeKind,
    old: Range<usize>,
    new: Range<usize>,
    weight: f64,
) -> Change {
    Change {
        kind,
        detail: format!(
            "{} became {}",
            src.flat_text(old.clone()),
            copy.flat_text(new.clone())
        ),
        src: Some(old),
        copy: Some(new),
        speaker: None,
        weight,
    }
}

/// A name with the sentence it is in.
type Placed<'d> = (usize, &'d NameMention);

/// The names of passage `g` that may have been swapped for one another: the copy's names
/// the source never uses and that are no form of a name in the source passage, and the
/// source passage's names the copy never uses and that are no form of such a copy name.
fn name_leftovers<'d>(
    src: &'d Doc<'_>,
    copy: &'d Doc<'_>,
    g: &OrientedGroup<'_>,
) -> (Vec<Placed<'d>>, Vec<Placed<'d>>) {
    let placed = |doc: &'d Doc<'_>, units: &[usize]| -> Vec<Placed<'d>> {
        units
            .iter()
            .flat_map(|&i| doc.sentences[i].names.iter().map(move |n| (i, n)))
            .collect()
    };
    let src_all = placed(src, g.src);
    let copy_new: Vec<Placed<'d>> = placed(copy, g.copy)
        .into_iter()
        .filter(|(_, n)| !name_supported(src, &n.words))
        .collect();
    let src_left = src_all
        .iter()
        .copied()
        .filter(|(_, n)| !name_supported(copy, &n.words))
        .filter(|(_, n)| !copy_new.iter().any(|(_, c)| same_name(&n.words, &c.words)))
        .collect();
    let copy_left = copy_new
        .into_iter()
        .filter(|(_, n)| !src_all.iter().any(|(_, m)| same_name(&m.words, &n.words)))
        .collect();
    (copy_left, src_left)
}

/// Fact changes inside the aligned passage `g`, appended to `out`. Returns how many
/// names the passage swaps, however they pair: as many as both sides have left over
/// (see [`super::Detected::swapped_names`]).
pub(super) fn in_passage(
    src: &Doc<'_>,
    copy: &Doc<'_>,
    stated: &SourceFacts<'_>,
    elsewhere: &Elsewhere<'_, '_>,
    g: &OrientedGroup<'_>,
    cfg: &Config,
    out: &mut Vec<Change>,
) -> usize {
    let weights = &cfg.change_weights;
    let first_change = out.len();
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
        if stated.states_number(n, Units::Compatible) || elsewhere.states_number(n) {
            continue;
        }
        if let Some(k) = src_nums.iter().position(|m| may_replace(m, n)) {
            let m = src_nums.remove(k);
            out.push(replaced(
                src,
                copy,
                ChangeKind::NumberChanged,
                m.range.clone(),
                n.range.clone(),
                weights.number_changed,
            ));
        }
    }
    // Dates: the same granularity with different values. Equal dates cancel first, as
    // numbers do, so a date both sides state is never taken as the one a copy's earlier
    // new date replaced ("in 1995 … in 1998" against "in 1998").
    let mut src_dates: Vec<_> = g
        .src
        .iter()
        .flat_map(|&i| &src.sentences[i].dates)
        .collect();
    let mut dates_left = Vec::new();
    for d in g.copy.iter().flat_map(|&j| &copy.sentences[j].dates) {
        match src_dates.iter().position(|e| same_date(&e.value, &d.value)) {
            Some(k) => {
                src_dates.remove(k);
            }
            None => dates_left.push(d),
        }
    }
    for d in dates_left {
        if stated.states_date(&d.value) || elsewhere.states_date(&d.value) {
            continue;
        }
        if let Some(k) = src_dates
            .iter()
            .position(|e| e.value.conflicts(&d.value) && !next_day_copy(src, copy, e, d))
        {
            let e = src_dates.remove(k);
            out.push(replaced(
                src,
                copy,
                ChangeKind::DateChanged,
                e.range.clone(),
                d.range.clone(),
                weights.date_changed,
            ));
        }
    }
    // Names: a name the source never uses, where the source passage has one the copy lacks
    // at about the same place (a name added elsewhere in the passage is a claim, not a
    // replacement), in the same slot or respelled (see `same_slot`), and of a kind that
    // may stand for it (a people's word only for another, or a place; a person never for
    // a place or a body). Two forms of one name (an acronym and its expansion, a short
    // first name, a spelling) are no change.
    let (copy_names, mut src_names) = name_leftovers(src, copy, g);
    let swapped = copy_names.len().min(src_names.len());
    for (j, n) in copy_names {
        if src_names.is_empty() {
            break;
        }
        if elsewhere.states_name(&n.words) {
            continue;
        }
        let at = position(copy, g.copy, j, n.range.start);
        let best = src_names
            .iter()
            .enumerate()
            .filter(|(_, (i, m))| {
                may_stand_for(&m.words, &n.words)
                    && (respelled(&m.words, &n.words, cfg.changes.name_respelled)
                        || same_slot(src, *i, m, copy, j, n))
            })
            .map(|(k, (i, m))| (k, (position(src, g.src, *i, m.range.start) - at).abs()))
            .min_by(|x, y| x.1.total_cmp(&y.1));
        let Some((k, shift)) = best else { continue };
        if shift > cfg.changes.name_max_shift {
            continue;
        }
        let (_, m) = src_names.remove(k);
        out.push(replaced(
            src,
            copy,
            ChangeKind::NameChanged,
            m.range.clone(),
            n.range.clone(),
            weights.name_changed,
        ));
    }
    // Facts the source states nowhere: the sentence carries an unsupported claim (the
    // facts just reported as replaced aside).
    let changed: Vec<Range<usize>> = out[first_change..]
        .iter()
        .filter_map(|c| c.copy.clone())
        .collect();
    for &j in g.copy {
        let facts = unsupported_facts(src, copy, stated, elsewhere, j, &changed);
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
    swapped
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
            let stated = SourceFacts { exact, approx, dates: Vec::new(), names: Vec::new() };
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
