//! Negation: a closely kept sentence that negates what its source states, or states what
//! its source negates ("would open" against "would not open").
//!
//! The two sentences' content words are paired by stem, in order. A negation bears on the
//! content word right after it in its clause ("not guilty", "never worried"). When that
//! word is shared, the other side keeps the negation if one stands near the word's partner
//! ("did not appear" for "appeared not to"); a word said twice on the negation's side
//! ("asked if he was a German war criminal … I wasn't a German war criminal") cannot be
//! told apart and is left out. When the word was reworded ("have not roared" for "have
//! rallied"), the negation bears on the stretch between the shared words around it in its
//! clause, and the other side keeps it if its stretch there holds a negation; a stretch
//! the other side lacks (an added clause, "who had said she did not know the gun was
//! loaded") bears on nothing shared; a figure's move the other way there ("did not
//! rise" for "fell") says no more than the negation does. The statement is flipped when
//! one side has a bearing negation the other does not keep, and the two sides bear
//! different numbers of negations (a negation moved to another word of the same
//! statement, "none of the faces appear" for "the faces do not appear", is kept). How
//! near and how long are `negation_reach` and `negation_stretch` in [`ChangeRules`].
//!
//! Counting negations instead called every clause a copy adds or drops a flip when the
//! clause holds a "not". A denial ("denied that they met", "declined to comment") keeps a
//! negation near it, so "denied that they met" and "denied it, saying they never met" say
//! the same; it flips nothing itself, as "denied two rapes but was convicted" does not
//! contradict "was convicted of two rapes".

use std::collections::BTreeMap;
use std::ops::Range;

use rustc_hash::FxHashMap;
use similar::{Algorithm, DiffOp, capture_diff_slices};

use crate::config::{ChangeRules, Config};
use crate::doc::Doc;
use crate::features::cues;
use crate::text::words::Token;

use super::direction;
use super::{Change, ChangeKind, OrientedGroup, polarity_comparable};

/// One sentence read for negations.
struct Negations<'d> {
    tokens: &'d [Token],
    /// Token indices of the content words (not stopwords, negations or denials).
    content: Vec<usize>,
    /// For each content word, the clause it stands in, counted from 0.
    clause: Vec<u32>,
    /// For each content word, whether another has its stem.
    repeated: Vec<bool>,
    /// Each negation's token index, with the index in `content` of the word it bears on:
    /// the first content word after it, when no clause ends between them.
    bearing: Vec<(usize, usize)>,
}

impl<'d> Negations<'d> {
    fn read(d: &'d Doc<'_>, i: usize) -> Self {
        let tokens = d.sentence_tokens(i);
        let text = d.norm.text.as_str();
        let mut content = Vec::new();
        let mut bearing = Vec::new();
        let mut clause = Vec::new();
        let mut clauses = 0;
        let mut open: Vec<usize> = Vec::new();
        for (k, t) in tokens.iter().enumerate() {
            let gap = k
                .checked_sub(1)
                .and_then(|p| text.get(tokens[p].range.end..t.range.start))
                .unwrap_or("");
            if ends_clause(gap) || matches!(t.lower.as_str(), "and" | "but") {
                open.clear();
                clauses += 1;
            }
            if cues::is_negation(&t.lower) {
                open.push(k);
            } else if !t.stop && !cues::is_denial(&t.lower) {
                bearing.extend(open.drain(..).map(|n| (n, content.len())));
                content.push(k);
                clause.push(clauses);
            }
        }
        let mut stems: FxHashMap<&str, usize> = FxHashMap::default();
        for &k in &content {
            *stems.entry(tokens[k].stem.as_str()).or_default() += 1;
        }
        let repeated = content
            .iter()
            .map(|&k| stems[tokens[k].stem.as_str()] > 1)
            .collect();
        Negations {
            tokens,
            content,
            clause,
            repeated,
            bearing,
        }
    }

    fn stem(&self, c: usize) -> &'d str {
        self.tokens[self.content[c]].stem.as_str()
    }

    /// Whether a negation or denial stands in `tokens`.
    fn negates_in(&self, tokens: Range<usize>) -> bool {
        self.tokens
            .get(tokens)
            .is_some_and(|t| t.iter().any(negates))
    }

    /// Whether a negation stands near content word `c`: among the `reach` content words
    /// before it, or between it and the next ("the court was not considering").
    fn negated_near(&self, c: usize, reach: usize) -> bool {
        let from = c.checked_sub(reach).map_or(0, |b| self.content[b] + 1);
        let to = self
            .content
            .get(c + 1)
            .copied()
            .unwrap_or(self.tokens.len());
        self.negates_in(from..to)
    }

    /// Whether `tokens` say a figure moved the other way from how content word `c` of
    /// `other` says it did.
    fn moves_against(&self, tokens: Range<usize>, other: &Negations<'_>, c: usize) -> bool {
        let Some(way) = direction::way(other.tokens, other.content[c]) else {
            return false;
        };
        tokens
            .filter_map(|k| direction::way(self.tokens, k))
            .any(|w| w != way)
    }

    /// The tokens after content word `after` up to content word `before`.
    fn between(&self, after: usize, before: usize) -> Range<usize> {
        self.content[after] + 1..self.content[before]
    }
}

fn negates(t: &Token) -> bool {
    cues::is_negation(&t.lower) || cues::is_denial(&t.lower)
}

/// Whether the text between two words ends a clause: punctuation, or a dash standing
/// apart (PA writes " _ ").
fn ends_clause(gap: &str) -> bool {
    gap.chars().any(|c| {
        matches!(
            c,
            ',' | ';' | ':' | '.' | '!' | '?' | '(' | ')' | '[' | ']' | '–' | '—' | '_'
        )
    }) || gap.contains(" - ")
}

/// Each side's content words paired with the other's: in order by a word diff of their
/// stems, then a stem left unpaired once on each side ("there was a relationship"
/// against "it was not a relationship" said later).
fn pair(ns: &Negations<'_>, nc: &Negations<'_>) -> (Vec<Option<usize>>, Vec<Option<usize>>) {
    let ss: Vec<&str> = (0..ns.content.len()).map(|c| ns.stem(c)).collect();
    let sc: Vec<&str> = (0..nc.content.len()).map(|c| nc.stem(c)).collect();
    let mut to_copy = vec![None; ss.len()];
    let mut to_src = vec![None; sc.len()];
    for op in capture_diff_slices(Algorithm::Patience, &ss, &sc) {
        if let DiffOp::Equal {
            old_index,
            new_index,
            len,
        } = op
        {
            for n in 0..len {
                to_copy[old_index + n] = Some(new_index + n);
                to_src[new_index + n] = Some(old_index + n);
            }
        }
    }
    let src_left = unpaired_once(&ss, &to_copy);
    for (stem, c) in unpaired_once(&sc, &to_src) {
        if let (Some(c), Some(Some(s))) = (c, src_left.get(stem)) {
            to_copy[*s] = Some(c);
            to_src[c] = Some(*s);
        }
    }
    (to_copy, to_src)
}

/// Each stem left without a partner, with its one content word, or none when it is left
/// more than once.
fn unpaired_once<'s>(
    stems: &[&'s str],
    partner: &[Option<usize>],
) -> BTreeMap<&'s str, Option<usize>> {
    let mut once: BTreeMap<&str, Option<usize>> = BTreeMap::new();
    for (c, &stem) in stems.iter().enumerate() {
        if partner[c].is_none() {
            once.entry(stem)
                .and_modify(|seen| *seen = None)
                .or_insert(Some(c));
        }
    }
    once
}

/// How many of `from`'s negations bear on what `to` shares, and the first that `to`
/// does not keep (its negation's and its word's token indices in `from`).
fn bearings(
    from: &Negations<'_>,
    to: &Negations<'_>,
    partner: &[Option<usize>],
    rules: &ChangeRules,
) -> (usize, Option<(usize, usize)>) {
    let stretch = rules.negation_stretch;
    let mut bearing = 0;
    let mut unkept = None;
    let mut last: Option<(usize, bool)> = None;
    for &(n, c) in &from.bearing {
        // Negations stacked before one word ("neither … nor never") share its answer.
        if let Some((seen, kept)) = last.filter(|&(seen, _)| seen == c) {
            bearing += 1;
            if !kept && unkept.is_none() {
                unkept = Some((n, from.content[seen]));
            }
            continue;
        }
        let kept = if let Some(p) = partner[c] {
            if from.repeated[c] {
                // Which of the word's places the other side keeps cannot be told.
                continue;
            }
            to.negated_near(p, rules.negation_reach)
        } else {
            // A reworded word: the stretch between the shared words around it.
            let before = (c.saturating_sub(stretch)..c)
                .rev()
                .find(|&b| partner[b].is_some());
            let after =
                (c + 1..from.content.len().min(c + 1 + stretch)).find(|&a| partner[a].is_some());
            let (Some(before), Some(after)) = (before, after) else {
                continue;
            };
            if from.clause[before] != from.clause[c] || from.clause[after] != from.clause[c] {
                continue;
            }
            let (Some(to_before), Some(to_after)) = (partner[before], partner[after]) else {
                continue;
            };
            let (ours, theirs) = (after - before - 1, to_after.saturating_sub(to_before + 1));
            if theirs == 0 || ours > stretch || theirs > stretch {
                continue;
            }
            let theirs = to.between(to_before, to_after);
            // "did not rise" for "fell" says no more than the other side does.
            to.negates_in(theirs.clone()) || to.moves_against(theirs, from, c)
        };
        last = Some((c, kept));
        bearing += 1;
        if !kept && unkept.is_none() {
            unkept = Some((n, from.content[c]));
        }
    }
    (bearing, unkept)
}

/// A flipped negation in the close one-to-one group `g`, appended to `out`.
pub(super) fn flipped(
    src: &Doc<'_>,
    copy: &Doc<'_>,
    g: &OrientedGroup<'_>,
    cfg: &Config,
    out: &mut Vec<Change>,
) {
    if !polarity_comparable(g, cfg.changes.negation_min_score) {
        return;
    }
    let (i, j) = (g.src[0], g.copy[0]);
    let (ns, nc) = (Negations::read(src, i), Negations::read(copy, j));
    let (to_copy, to_src) = pair(&ns, &nc);
    let (src_bearing, src_unkept) = bearings(&ns, &nc, &to_copy, &cfg.changes);
    let (copy_bearing, copy_unkept) = bearings(&nc, &ns, &to_src, &cfg.changes);
    if src_bearing == copy_bearing {
        return;
    }
    let says = |side: &str, other: &str, n: &Negations<'_>, d: &Doc<'_>, at: (usize, usize)| {
        let text = |k: usize| &d.norm.text[n.tokens[k].range.clone()];
        format!(
            "the {side} puts \"{}\" on \"{}\", which the {other} does not negate: the \
             statement's polarity flipped",
            text(at.0),
            text(at.1)
        )
    };
    let detail = match (copy_unkept, src_unkept) {
        (Some(at), _) => says("copy", "source", &nc, copy, at),
        (None, Some(at)) => says("source", "copy", &ns, src, at),
        (None, None) => return,
    };
    out.push(Change {
        kind: ChangeKind::NegationFlipped,
        src: Some(src.sentences[i].sentence.range.clone()),
        copy: Some(copy.sentences[j].sentence.range.clone()),
        speaker: None,
        detail,
        weight: cfg.change_weights.negation_flipped,
    });
}
