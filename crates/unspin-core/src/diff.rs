//! Word-level differences between two aligned passages, for highlighting what changed.

use std::ops::Range;

use similar::{Algorithm, DiffOp, capture_diff_slices};

use crate::text::words::Token;

/// The token ranges of each side that the other side does not share.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct WordDiff {
    pub a_changed: Vec<Range<usize>>,
    pub b_changed: Vec<Range<usize>>,
    /// The longest run of words the two sides share in order.
    pub longest_run: usize,
}

pub fn word_diff(ta: &[&Token], tb: &[&Token]) -> WordDiff {
    let wa: Vec<&str> = ta.iter().map(|t| t.lower.as_str()).collect();
    let wb: Vec<&str> = tb.iter().map(|t| t.lower.as_str()).collect();
    let mut out = WordDiff::default();
    let mut longest = 0;
    let mut mark = |old: Range<usize>, new: Range<usize>| {
        out.a_changed
            .extend(ta[old].iter().map(|t| t.range.clone()));
        out.b_changed
            .extend(tb[new].iter().map(|t| t.range.clone()));
    };
    for op in capture_diff_slices(Algorithm::Patience, &wa, &wb) {
        match op {
            DiffOp::Equal { len, .. } => longest = longest.max(len),
            DiffOp::Delete {
                old_index,
                old_len,
                new_index,
            } => mark(old_index..old_index + old_len, new_index..new_index),
            DiffOp::Insert {
                old_index,
                new_index,
                new_len,
            } => mark(old_index..old_index, new_index..new_index + new_len),
            DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => mark(
                old_index..old_index + old_len,
                new_index..new_index + new_len,
            ),
        }
    }
    out.longest_run = longest;
    out
}

/// A stretch of words in [`word_edits`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WordEdit {
    /// Words both sides share, as the new side writes them.
    Same(String),
    /// Words only the old side has.
    Removed(String),
    /// Words only the new side has.
    Added(String),
}

/// `new` read against `old` word by word: shared stretches, and what each replaces,
/// drops or adds (a replacement is its removed words, then its added ones). Words
/// compare lowercased without the punctuation at their ends, so a comma moved or a
/// capital dropped changes nothing. `None` when fewer than a third of the longer side's
/// words are shared: a rewording throughout reads better whole.
pub fn word_edits(old: &str, new: &str) -> Option<Vec<WordEdit>> {
    let key = |w: &str| -> String {
        w.trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase()
    };
    let (wa, wb): (Vec<&str>, Vec<&str>) = (
        old.split_whitespace().collect(),
        new.split_whitespace().collect(),
    );
    let (ka, kb): (Vec<String>, Vec<String>) = (
        wa.iter().map(|w| key(w)).collect(),
        wb.iter().map(|w| key(w)).collect(),
    );
    let ops = capture_diff_slices(Algorithm::Patience, &ka, &kb);
    let shared: usize = ops
        .iter()
        .map(|op| match op {
            DiffOp::Equal { len, .. } => *len,
            _ => 0,
        })
        .sum();
    if 3 * shared < wa.len().max(wb.len()) {
        return None;
    }
    let mut out = Vec::new();
    for op in ops {
        let (removed, added, same) = match op {
            DiffOp::Equal { new_index, len, .. } => (0..0, 0..0, new_index..new_index + len),
            DiffOp::Delete {
                old_index, old_len, ..
            } => (old_index..old_index + old_len, 0..0, 0..0),
            DiffOp::Insert {
                new_index, new_len, ..
            } => (0..0, new_index..new_index + new_len, 0..0),
            DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => (
                old_index..old_index + old_len,
                new_index..new_index + new_len,
                0..0,
            ),
        };
        if !same.is_empty() {
            out.push(WordEdit::Same(wb[same].join(" ")));
        }
        if !removed.is_empty() {
            out.push(WordEdit::Removed(wa[removed].join(" ")));
        }
        if !added.is_empty() {
            out.push(WordEdit::Added(wb[added].join(" ")));
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::words::tokenize;

    #[test]
    fn marks_replaced_words() {
        let a = tokenize("Officials said 12 people died.", 0);
        let b = tokenize("Officials said 21 people died.", 100);
        let d = word_diff(&a.iter().collect::<Vec<_>>(), &b.iter().collect::<Vec<_>>());
        assert_eq!(d.a_changed, vec![15..17]);
        assert_eq!(d.b_changed, vec![115..117]);
        assert_eq!(d.longest_run, 2);
    }

    #[test]
    fn edits_are_word_by_word() {
        use WordEdit::{Added, Removed, Same};
        let s = |w: &str| w.to_string();
        // Case and the punctuation at a word's ends change nothing.
        assert_eq!(
            word_edits(
                "then meet or engage with the United States, whatever President Putin wants",
                "then engage with the U.S., whatever putin wants."
            ),
            Some(vec![
                Same(s("then")),
                Removed(s("meet or")),
                Same(s("engage with the")),
                Removed(s("United States,")),
                Added(s("U.S.,")),
                Same(s("whatever")),
                Removed(s("President")),
                Same(s("putin wants.")),
            ])
        );
        // Reworded throughout: no edits.
        assert_eq!(
            word_edits("we will fight on", "nobody can stop us now"),
            None
        );
    }
}
