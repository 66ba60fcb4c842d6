//! Direction: a closely kept sentence that says a figure moved the other way ("shares
//! rose" against "shares fell", "was up 2%" against "was down 2%"). A copy that reverses
//! a market's or a count's direction says the opposite of its source as surely as one
//! that drops a "not", so it is reported as a flipped polarity.

use std::ops::Range;

use crate::config::Config;
use crate::doc::Doc;
use crate::text::words::Token;

use super::facts::replaced;
use super::{Change, ChangeKind, OrientedGroup, polarity_comparable};

/// Words that say a figure went up. Sorted.
const RISE: &[&str] = &[
    "advance",
    "advanced",
    "advances",
    "advancing",
    "climb",
    "climbed",
    "climbing",
    "climbs",
    "gain",
    "gained",
    "gaining",
    "gains",
    "grew",
    "grow",
    "growing",
    "grows",
    "increase",
    "increased",
    "increases",
    "increasing",
    "jump",
    "jumped",
    "jumping",
    "jumps",
    "rallied",
    "rise",
    "risen",
    "rises",
    "rising",
    "rose",
    "soared",
    "surged",
];

/// Words that say a figure went down ("fall" alone is left out: it is also autumn).
/// Sorted.
const FALL: &[&str] = &[
    "decline",
    "declined",
    "declines",
    "declining",
    "decrease",
    "decreased",
    "decreases",
    "dipped",
    "drop",
    "dropped",
    "dropping",
    "drops",
    "eased",
    "fallen",
    "falling",
    "falls",
    "fell",
    "lose",
    "loses",
    "losing",
    "lost",
    "plunged",
    "sank",
    "shed",
    "shrank",
    "slid",
    "slipped",
    "tumbled",
];

/// Words before "up" or "down" that make them a figure's move ("was up", "closed down"),
/// not a particle ("set up", "step down"). Sorted.
const MOVED: &[&str] = &[
    "are", "closed", "edged", "ended", "finished", "inched", "is", "moved", "traded", "trading",
    "was", "were",
];

#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Way {
    Up,
    Down,
}

/// The way the token at `k` of `tokens` says a figure moved, if it does.
pub(super) fn way(tokens: &[Token], k: usize) -> Option<Way> {
    let w = tokens[k].lower.as_str();
    if RISE.binary_search(&w).is_ok() {
        return Some(Way::Up);
    }
    if FALL.binary_search(&w).is_ok() {
        return Some(Way::Down);
    }
    // "added 1.92 points": a figure's gain, not a speaker's afterthought.
    let before_number = tokens.get(k + 1).is_some_and(|n| n.numeric);
    if w == "added" && before_number {
        return Some(Way::Up);
    }
    let moved = k
        .checked_sub(1)
        .is_some_and(|p| MOVED.binary_search(&tokens[p].lower.as_str()).is_ok())
        || before_number;
    match w {
        "up" if moved => Some(Way::Up),
        "down" if moved => Some(Way::Down),
        _ => None,
    }
}

/// The one way the sentences `idx` of `d` say figures moved, with the first word saying
/// it; none when they say both or neither.
fn one_way(d: &Doc<'_>, idx: &[usize]) -> Option<(Way, Range<usize>)> {
    let mut found: Option<(Way, Range<usize>)> = None;
    for &i in idx {
        let tokens = d.sentence_tokens(i);
        for k in 0..tokens.len() {
            let Some(w) = way(tokens, k) else { continue };
            match &found {
                None => found = Some((w, tokens[k].range.clone())),
                Some((seen, _)) if *seen != w => return None,
                Some(_) => {}
            }
        }
    }
    found
}

/// A flipped direction in the close one-to-one group `g`, appended to `out`; returns
/// whether there is one. A flipped negation alongside ("did not rise" for "fell")
/// cancels it.
pub(super) fn flipped(
    src: &Doc<'_>,
    copy: &Doc<'_>,
    g: &OrientedGroup<'_>,
    cfg: &Config,
    out: &mut Vec<Change>,
) -> bool {
    if !polarity_comparable(g, cfg.changes.direction_min_score) {
        return false;
    }
    let negations = |d: &Doc<'_>, idx: &[usize]| d.sentences[idx[0]].negations % 2;
    if negations(src, g.src) != negations(copy, g.copy) {
        return false;
    }
    let (Some((was, old)), Some((now, new))) = (one_way(src, g.src), one_way(copy, g.copy)) else {
        return false;
    };
    if was == now {
        return false;
    }
    let mut change = replaced(
        src,
        copy,
        ChangeKind::NegationFlipped,
        old,
        new,
        cfg.change_weights.negation_flipped,
    );
    change
        .detail
        .push_str(": the copy says the figure moved the other way");
    out.push(change);
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_lists_are_sorted() {
        for list in [RISE, FALL, MOVED] {
            assert!(list.windows(2).all(|w| w[0] < w[1]), "{list:?}");
        }
    }
}
