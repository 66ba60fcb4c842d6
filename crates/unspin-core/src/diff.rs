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
}
