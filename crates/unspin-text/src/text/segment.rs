//! Sentences: body paragraphs split with `sentencex` (it keeps "U.S.", "Mr.", initials
//! and "p.m." inside sentences, and a quote whole), first cut where a quote mark reopens
//! a quote after a lost paragraph break, and with a mark that opens a quote starting its
//! sentence (marks read as [`super::marks`] reads them); every other unit is one
//! sentence of its own kind.

use std::ops::Range;

use super::layout::{Paragraph, UnitKind};
use super::marks::{self, Mark};
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
        let marks = marks::double_marks(norm, para.range.clone());
        let opens = |at: usize| {
            marks
                .binary_search_by_key(&(para.range.start + at), |&(p, _)| p)
                .is_ok_and(|k| !matches!(marks[k].1, Mark::Close { .. }))
        };
        // A mark that reopens a quote stands where a paragraph break was lost: a break
        // here too. sentencex, pairing marks in turn, would read `"We act. "We run."
        // It ended. He said "no"` as one quote from the second mark to the fourth.
        let mut pieces: Vec<usize> = marks
            .iter()
            .filter(|(_, m)| matches!(m, Mark::Reopen { .. }))
            .map(|&(at, _)| at - para.range.start)
            .collect();
        pieces.push(flat.len());
        let mut covered = 0;
        // Where a sentence starts that sentencex began after its opening mark.
        let mut opened_at: Option<usize> = None;
        let mut piece_start = 0;
        for piece_end in pieces {
            let piece = &flat[piece_start..piece_end];
            for boundary in sentencex::get_sentence_boundaries("en", piece) {
                let (start, mut end) = (
                    opened_at
                        .take()
                        .unwrap_or((piece_start + boundary.start_byte).max(covered)),
                    (piece_start + boundary.end_byte).min(piece_end),
                );
                if start >= end || !flat.is_char_boundary(start) || !flat.is_char_boundary(end) {
                    continue;
                }
                // sentencex ends `said Robinson. "It is…` after the mark: a mark that
                // opens a quote starts the next sentence.
                let last = flat[..end].trim_end().len().saturating_sub(1);
                if last > start
                    && flat.as_bytes()[last] == b'"'
                    && opens(last)
                    && !flat[last + 1..piece_end].trim().is_empty()
                {
                    end = last;
                    opened_at = Some(last);
                }
                push(para.range.start + start, para.range.start + end);
                covered = end;
            }
            if let Some(start) = opened_at.take() {
                push(para.range.start + start, para.range.start + piece_end);
                covered = piece_end;
            }
            piece_start = piece_end;
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

    /// A paragraph whose breaks were lost repeats a long quote's opening mark: that mark
    /// starts a sentence, and the marks after it pair as written.
    #[test]
    fn a_reopening_mark_breaks_the_sentence() {
        check(
            r#""We act fairly. "We run by the rules." One tactic is bad. Casinos give food. A spokesman spoke of a "UK Las Vegas". He said so."#,
            &[
                r#""We act fairly."#,
                r#""We run by the rules.""#,
                "One tactic is bad.",
                "Casinos give food.",
                r#"A spokesman spoke of a "UK Las Vegas"."#,
                "He said so.",
            ],
        );
    }

    /// sentencex ends a sentence after the mark that opens the next one's quote.
    #[test]
    fn an_opening_mark_starts_its_sentence() {
        check(
            "\"I think he scored,\" said Robinson. \"It is how we use the technology. It is there.",
            &[
                "\"I think he scored,\" said Robinson.",
                "\"It is how we use the technology.",
                "It is there.",
            ],
        );
    }
}
