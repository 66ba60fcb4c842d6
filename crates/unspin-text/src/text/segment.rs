//! Sentences: body paragraphs split with `sentencex` (it keeps "U.S.", "Mr.", initials
//! and "p.m." inside sentences); every other unit is one sentence of its own kind.

use std::ops::Range;

use super::layout::{Paragraph, UnitKind};
use super::normalize::Normalized;
use crate::article::Span;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sentence {
    /// Normalized-text range, trimmed.
    pub range: Range<usize>,
    /// The same range in the original text.
    pub span: Span,
    pub kind: UnitKind,
    /// Index of the paragraph it belongs to.
    pub para: usize,
}

pub fn sentences(norm: &Normalized, paragraphs: &[Paragraph]) -> Vec<Sentence> {
    let mut out = Vec::new();
    for (para_idx, para) in paragraphs.iter().enumerate() {
        let text = &norm.text[para.range.clone()];
        let mut push = |start: usize, end: usize| {
            let piece = &norm.text[start..end];
            let lead = piece.len() - piece.trim_start().len();
            let trimmed_len = piece.trim().len();
            if trimmed_len == 0 {
                return;
            }
            let range = start + lead..start + lead + trimmed_len;
            out.push(Sentence {
                span: norm.to_original(range.start, range.end),
                range,
                kind: para.kind,
                para: para_idx,
            });
        };
        if para.kind != UnitKind::Body {
            push(para.range.start, para.range.end);
            continue;
        }
        // sentencex reads newlines as hard breaks; inside a rebuilt paragraph they are spaces.
        let flat = text.replace('\n', " ");
        let mut covered = 0;
        for boundary in sentencex::get_sentence_boundaries("en", &flat) {
            let (start, end) = (
                boundary.start_byte.max(covered),
                boundary.end_byte.min(flat.len()),
            );
            if start >= end || !flat.is_char_boundary(start) || !flat.is_char_boundary(end) {
                continue;
            }
            push(para.range.start + start, para.range.start + end);
            covered = end;
        }
        if covered < flat.len() {
            push(para.range.start + covered, para.range.end);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::layout::layout;

    fn check(input: &str, expect: &[&str]) {
        let norm = Normalized::new(input);
        let (paras, _) = layout(&norm, input, None);
        let got: Vec<&str> = sentences(&norm, &paras)
            .iter()
            .map(|s| s.span.slice(input))
            .collect();
        assert_eq!(got, expect);
    }

    #[test]
    fn news_abbreviations() {
        check(
            "U.S. officials met Mr. J. R. Smith at 2 p.m. on Tuesday. He left. \u{201C}It went well,\u{201D} he said.",
            &[
                "U.S. officials met Mr. J. R. Smith at 2 p.m. on Tuesday.",
                "He left.",
                "\u{201C}It went well,\u{201D} he said.",
            ],
        );
    }
}
