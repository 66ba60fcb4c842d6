//! How a paragraph's double quote marks pair: which open a quote, which close one, and
//! which reopen one after a paragraph break that was lost. Sentence splitting and quote
//! finding read the marks the same way, so a mispaired mark cannot make a sentence of
//! three.
//!
//! A straight `"` is read by its place: one that opens after a finished sentence while a
//! quote is open starts a new quote (a long quote's next paragraph, its break lost), and
//! one that can only close opens nothing.

use std::ops::Range;

use super::normalize::{Normalized, QuoteDir};

/// What a double quote mark does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mark {
    /// Opens a quote.
    Open,
    /// Closes the quote opened at the given offset.
    Close { opened: usize },
    /// Opens a quote after a lost paragraph break, ending the one opened at the given
    /// offset where the text before the mark ends.
    Reopen { opened: usize },
}

/// The double quote marks of the paragraph at normalized range `para` that open, close
/// or reopen a quote, in text order, with their normalized offsets. A mark that can only
/// close with no quote open, or a closing curly mark with none open, does nothing and is
/// left out.
pub fn double_marks(norm: &Normalized, para: Range<usize>) -> Vec<(usize, Mark)> {
    let text = &norm.text;
    let Some(ptext) = text.get(para.clone()) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    for (rel, c) in ptext.char_indices() {
        if c != '"' {
            continue;
        }
        let at = para.start + rel;
        let mark = match (norm.quote_dir(at), open) {
            // A quote continued in the next paragraph, whose break was lost: the first
            // paragraph's quote ends where the second's opens.
            (QuoteDir::Neutral, Some(opened)) if reopens(text, at) => Mark::Reopen { opened },
            (QuoteDir::Close, Some(opened)) | (QuoteDir::Neutral, Some(opened)) => {
                Mark::Close { opened }
            }
            // A closing mark whose opening was lost opens nothing.
            (QuoteDir::Neutral, None) if closes(text, at) => continue,
            (QuoteDir::Open, _) | (QuoteDir::Neutral, None) => Mark::Open,
            (QuoteDir::Close, None) => continue,
        };
        open = match mark {
            Mark::Close { .. } => None,
            Mark::Open | Mark::Reopen { .. } => Some(at),
        };
        out.push((at, mark));
    }
    out
}

/// Whether the straight quote mark at `at` opens a quote after a finished sentence
/// (`…protein structures. "We are…`): news style repeats the opening mark on each
/// paragraph of a long quote and closes only the last, so in text whose paragraph breaks
/// were lost, a mark that opens after a sentence end, with a quote still open, starts a
/// new quote rather than closing the open one.
fn reopens(text: &str, at: usize) -> bool {
    let before = text[..at].trim_end_matches(' ');
    before.len() < at
        && before.ends_with(['.', '?', '!'])
        && text[at + 1..]
            .chars()
            .next()
            .is_some_and(char::is_alphanumeric)
}

/// Whether the straight quote mark at `at` can only close a quote: it follows a word or
/// a punctuation mark ending one, and no word follows it (`another tool," he said`).
fn closes(text: &str, at: usize) -> bool {
    let prev = text[..at].chars().next_back();
    let next = text[at + 1..].chars().next();
    prev.is_some_and(|p| p.is_alphanumeric() || matches!(p, '.' | ',' | '!' | '?' | ';' | ':'))
        && next.is_none_or(|n| n.is_whitespace() || matches!(n, ')' | ']' | ',' | '.' | ';'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marks(text: &str) -> Vec<(usize, Mark)> {
        let norm = Normalized::new(text);
        double_marks(&norm, 0..norm.text.len())
    }

    #[test]
    fn a_repeated_opening_mark_reopens() {
        let text = r#""We act. "We run." It ended. She said "no"."#;
        assert_eq!(
            marks(text),
            [
                (0, Mark::Open),
                (9, Mark::Reopen { opened: 0 }),
                (17, Mark::Close { opened: 9 }),
                (38, Mark::Open),
                (41, Mark::Close { opened: 38 }),
            ]
        );
    }

    #[test]
    fn a_mark_that_can_only_close_opens_nothing() {
        assert_eq!(marks(r#"tool," he said. "Yes"#), [(16, Mark::Open)]);
    }
}
