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

/// `new` read against `old` word by word, in the markup of `git diff --word-diff`:
/// `[-words only old has-]{+words only new has+}`, shared words as `new` writes them.
/// Words compare lowercased without the punctuation at their ends, so a comma moved or
/// a capital dropped changes nothing. `None` when fewer than a third of the longer
/// side's words are shared: a rewording throughout reads better whole.
pub fn marked_edits(old: &str, new: &str) -> Option<String> {
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
    let mut parts: Vec<String> = Vec::new();
    for op in ops {
        let (old_words, new_words) = match op {
            DiffOp::Equal { new_index, len, .. } => {
                parts.extend(wb[new_index..new_index + len].iter().map(|w| w.to_string()));
                continue;
            }
            DiffOp::Delete {
                old_index, old_len, ..
            } => (&wa[old_index..old_index + old_len], &wb[..0]),
            DiffOp::Insert {
                new_index, new_len, ..
            } => (&wa[..0], &wb[new_index..new_index + new_len]),
            DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => (
                &wa[old_index..old_index + old_len],
                &wb[new_index..new_index + new_len],
            ),
        };
        let mut part = String::new();
        if !old_words.is_empty() {
            part.push_str(&format!("[-{}-]", old_words.join(" ")));
        }
        if !new_words.is_empty() {
            part.push_str(&format!("{{+{}+}}", new_words.join(" ")));
        }
        parts.push(part);
    }
    Some(parts.join(" "))
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
    fn edits_are_marked_word_by_word() {
        assert_eq!(
            marked_edits(
                "he has better things to do than meet or engage with the United States, whatever President Putin may want",
                "he has better things to do than engage with the U.S., whatever Putin may want."
            )
            .as_deref(),
            Some(
                "he has better things to do than [-meet or-] engage with the [-United States,-]{+U.S.,+} whatever [-President-] Putin may want."
            )
        );
        assert_eq!(
            marked_edits(
                "Lavrov is certainly continuing to serve as foreign minister",
                "Lavrov is working as foreign minister, of course"
            ),
            Some("Lavrov is [-certainly continuing to serve-]{+working+} as foreign minister, {+of course+}".to_string())
        );
        // Reworded throughout: no markup.
        assert_eq!(
            marked_edits("we will fight on", "nobody can stop us now"),
            None
        );
    }
}
