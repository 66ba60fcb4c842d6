//! Unicode and markup normalization that never loses the way back to the original text.
//!
//! Curly quotes, guillemets and primes become `"` or `'`, dashes become `-`, exotic spaces
//! become ` `, zero-width characters and Markdown emphasis/link syntax disappear. Every
//! byte of the normalized text remembers the original byte range it came from, so any
//! span found on normalized text maps back exactly to the input.

use crate::article::Span;

/// Which way a quote character faced in the original text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QuoteDir {
    Open,
    Close,
    Neutral,
}

/// A stretch of normalized text and the original bytes it came from.
#[derive(Clone, Copy, Debug, Default)]
struct Run {
    norm: u32,
    norm_len: u32,
    orig: u32,
    orig_len: u32,
    /// Byte-for-byte copy (or a same-width replacement such as tab → space); otherwise
    /// one replaced char whose every normalized byte maps to the whole original char.
    copy: bool,
}

/// Normalized text plus, for each normalized byte, the original range it came from.
#[derive(Clone, Debug, Default)]
pub struct Normalized {
    pub text: String,
    /// The map back: runs of normalized bytes, each either copied 1:1 from the original
    /// or standing for one replaced original char. A few runs per article instead of
    /// two offsets per byte.
    runs: Vec<Run>,
    original_len: u32,
    /// Direction of every quote char in the normalized text, by normalized offset.
    quote_dirs: Vec<(u32, QuoteDir)>,
}

impl Normalized {
    pub fn new(original: &str) -> Normalized {
        let mut out = Normalized {
            text: String::with_capacity(original.len()),
            runs: Vec::new(),
            original_len: original.len() as u32,
            quote_dirs: Vec::new(),
        };
        let bytes = original.as_bytes();
        let mut chars = original.char_indices().peekable();
        let mut at_line_start = true;
        while let Some((i, c)) = chars.next() {
            // Plain ASCII, most of any text, is copied a stretch at a time.
            if c.is_ascii() && !is_special(c as u8) {
                let len = bytes[i..]
                    .iter()
                    .position(|&b| !b.is_ascii() || is_special(b))
                    .unwrap_or(bytes.len() - i);
                out.push_copied(&original[i..i + len], i);
                at_line_start = bytes[i + len - 1] == b'\n';
                if len > 1 {
                    chars.nth(len - 2);
                }
                continue;
            }
            let next_i = chars.peek().map_or(original.len(), |&(j, _)| j);
            let rest = &original[i..];
            // Markdown link `[text](target)` or image `![alt](target)`: keep the text only.
            if c == '[' || (c == '!' && rest.starts_with("![")) {
                let open = if c == '!' { i + 1 } else { i };
                if let Some(close) = markdown_link_end(original, open) {
                    let (text_end, link_end) = close;
                    let text_start = open + 1;
                    for (j, ch) in original[text_start..text_end].char_indices() {
                        let at = text_start + j;
                        out.push_char(ch, at, at + ch.len_utf8());
                    }
                    while chars.peek().is_some_and(|&(j, _)| j < link_end) {
                        chars.next();
                    }
                    at_line_start = false;
                    continue;
                }
            }
            // Markdown emphasis markers `**` and `__`, at a word's edge. Inside a word, or
            // three and more in a row, they are letters left out ("f***ing", "s**t").
            if (c == '*' || c == '_') && bytes.get(i + 1) == Some(&(c as u8)) {
                let run = bytes[i..].iter().take_while(|&&b| b == c as u8).count();
                let word_before = original[..i]
                    .chars()
                    .next_back()
                    .is_some_and(char::is_alphanumeric);
                let word_after = original[i + run..]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphanumeric);
                if run > 2 || (word_before && word_after) {
                    out.push_copied(&original[i..i + run], i);
                    at_line_start = false;
                }
                chars.nth(run - 2);
                continue;
            }
            // Markdown heading markers at line start.
            if at_line_start && c == '#' {
                let hashes = rest.bytes().take_while(|&b| b == b'#').count();
                if hashes <= 6 && rest.as_bytes().get(hashes) == Some(&b' ') {
                    for _ in 0..hashes {
                        chars.next();
                    }
                    continue;
                }
            }
            // Autolinks `<https://…>`: drop the angle brackets.
            if c == '<' && (rest.starts_with("<http://") || rest.starts_with("<https://")) {
                continue;
            }
            if c == '>'
                && out.text.ends_with(|ch: char| !ch.is_whitespace())
                && url_before(&out.text)
            {
                continue;
            }
            at_line_start = c == '\n';
            match c {
                '\u{FEFF}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{AD}' => {}
                '\r' => {
                    if original[next_i..].starts_with('\n') {
                        continue;
                    }
                    at_line_start = true;
                    out.push_char('\n', i, next_i);
                }
                '\t'
                | '\u{A0}'
                | '\u{2000}'..='\u{200A}'
                | '\u{202F}'
                | '\u{205F}'
                | '\u{3000}' => out.push_char(' ', i, next_i),
                '\u{201C}' | '\u{201E}' | '\u{00AB}' => {
                    out.push_quote('"', QuoteDir::Open, i, next_i)
                }
                '\u{201D}' | '\u{00BB}' | '\u{201F}' => {
                    out.push_quote('"', QuoteDir::Close, i, next_i)
                }
                // An apostrophe typed as a double quote, as some wire records carry it
                // ("Britain"s", "don"t"): read as the apostrophe it is, or it opens a
                // quote that runs on to the next one.
                '"' if out.text.ends_with(char::is_alphabetic)
                    && is_contraction_tail(&rest[1..]) =>
                {
                    out.push_quote('\'', QuoteDir::Neutral, i, next_i)
                }
                '"' | '\u{2033}' => out.push_quote('"', QuoteDir::Neutral, i, next_i),
                '\u{2018}' | '\u{201A}' | '\u{2039}' => {
                    out.push_quote('\'', QuoteDir::Open, i, next_i)
                }
                '\u{2019}' | '\u{203A}' | '\u{201B}' => {
                    out.push_quote('\'', QuoteDir::Close, i, next_i)
                }
                // TeX-style quotes of wire copy: ``like this''.
                '`' if rest.starts_with("``") => {
                    chars.next();
                    out.push_quote('"', QuoteDir::Open, i, i + 2);
                }
                '\'' if rest.starts_with("''") => {
                    chars.next();
                    out.push_quote('"', QuoteDir::Close, i, i + 2);
                }
                '\'' | '\u{2032}' | '`' => out.push_quote('\'', QuoteDir::Neutral, i, next_i),
                '\u{2010}'..='\u{2015}' | '\u{2212}' => out.push_char('-', i, next_i),
                '\u{2026}' => {
                    for _ in 0..3 {
                        out.push_char('.', i, next_i);
                    }
                }
                _ => out.push_char(c, i, next_i),
            }
        }
        out
    }

    /// Append `text`, copied unchanged from original offset `orig_start`.
    fn push_copied(&mut self, text: &str, orig_start: usize) {
        let len = text.len() as u32;
        self.add_run(len, orig_start as u32, len, true);
        self.text.push_str(text);
    }

    fn push_char(&mut self, c: char, orig_start: usize, orig_end: usize) {
        let norm_len = c.len_utf8() as u32;
        let orig_len = (orig_end - orig_start) as u32;
        self.add_run(norm_len, orig_start as u32, orig_len, norm_len == orig_len);
        self.text.push(c);
    }

    /// Map the next `norm_len` normalized bytes (about to be pushed) to `orig_len`
    /// original bytes at `orig`: a copy extends the copied run just before it.
    fn add_run(&mut self, norm_len: u32, orig: u32, orig_len: u32, copy: bool) {
        let norm = self.text.len() as u32;
        match self.runs.last_mut() {
            Some(last)
                if copy
                    && last.copy
                    && last.norm + last.norm_len == norm
                    && last.orig + last.orig_len == orig =>
            {
                last.norm_len += norm_len;
                last.orig_len += orig_len;
            }
            _ => self.runs.push(Run {
                norm,
                norm_len,
                orig,
                orig_len,
                copy,
            }),
        }
    }

    /// The run holding normalized byte `at` (which must be < len).
    fn run_at(&self, at: usize) -> Option<&Run> {
        let k = self.runs.partition_point(|r| r.norm as usize <= at);
        self.runs.get(k.checked_sub(1)?)
    }

    /// Original offset where the char producing normalized byte `at` starts.
    fn start_of(&self, at: usize) -> usize {
        match self.run_at(at) {
            _ if at >= self.text.len() => self.original_len as usize,
            Some(r) if r.copy => (r.orig as usize) + at - r.norm as usize,
            Some(r) => r.orig as usize,
            None => 0,
        }
    }

    /// Original offset just past the char producing normalized byte `end - 1`.
    fn end_of(&self, end: usize) -> usize {
        let Some(last) = end.checked_sub(1) else {
            return 0;
        };
        match self.run_at(last) {
            Some(r) if r.copy => (r.orig as usize) + end - r.norm as usize,
            Some(r) => (r.orig + r.orig_len) as usize,
            None => 0,
        }
    }

    fn push_quote(&mut self, c: char, dir: QuoteDir, orig_start: usize, orig_end: usize) {
        self.quote_dirs.push((self.text.len() as u32, dir));
        self.push_char(c, orig_start, orig_end);
    }

    /// The original span of the normalized range `[start, end)`.
    pub fn to_original(&self, start: usize, end: usize) -> Span {
        let len = self.text.len();
        let (start, end) = (start.min(len), end.min(len));
        if start >= end {
            let at = self.start_of(start);
            return Span::new(at, at);
        }
        Span::new(self.start_of(start), self.end_of(end))
    }

    /// How the quote character at normalized offset `at` faced in the original.
    pub fn quote_dir(&self, at: usize) -> QuoteDir {
        match self
            .quote_dirs
            .binary_search_by_key(&(at as u32), |&(p, _)| p)
        {
            Ok(k) => self.quote_dirs[k].1,
            Err(_) => QuoteDir::Neutral,
        }
    }
}

/// ASCII bytes that markup, line ends or quote handling may change: everything else
/// is copied as it is.
fn is_special(b: u8) -> bool {
    matches!(
        b,
        b'[' | b'!' | b'*' | b'_' | b'#' | b'<' | b'>' | b'\r' | b'\t' | b'"' | b'\'' | b'`'
    )
}

/// For a `[` at `open`, the end of the link text and of the whole `[text](target)`.
fn markdown_link_end(s: &str, open: usize) -> Option<(usize, usize)> {
    let rest = s.get(open + 1..)?;
    let close_rel = rest.find(']')?;
    let text = &rest[..close_rel];
    if text.contains('\n') || text.contains('[') || close_rel > 300 {
        return None;
    }
    let after = &rest[close_rel + 1..];
    if !after.starts_with('(') {
        return None;
    }
    let paren_rel = after.find(')')?;
    let target = &after[1..paren_rel];
    if target.contains(char::is_whitespace) || paren_rel > 2000 {
        return None;
    }
    let text_end = open + 1 + close_rel;
    Some((text_end, text_end + 1 + paren_rel + 1))
}

fn url_before(text: &str) -> bool {
    // Whitespace can be wider than a byte (U+0085, U+2028): step over the whole char.
    let word_start = text
        .char_indices()
        .rev()
        .find(|(_, c)| c.is_whitespace())
        .map_or(0, |(i, c)| i + c.len_utf8());
    let word = &text[word_start..];
    word.starts_with("http://") || word.starts_with("https://")
}

/// Whether `rest` opens with what follows an apostrophe in a possessive or a
/// contraction ("s", "t", "ll", "re", "ve", "m", "d"), then a word's end.
fn is_contraction_tail(rest: &str) -> bool {
    ["s", "t", "ll", "re", "ve", "m", "d"].iter().any(|tail| {
        rest.strip_prefix(tail)
            .is_some_and(|after| !after.starts_with(char::is_alphanumeric))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, expect_text: &str) {
        let n = Normalized::new(input);
        assert_eq!(n.text, expect_text);
        // Every normalized char maps back inside the original.
        for (i, _) in n.text.char_indices() {
            let span = n.to_original(i, i + 1);
            assert!(
                span.end <= input.len() && span.start <= span.end,
                "{i}: {span:?}"
            );
        }
    }

    #[test]
    fn quotes_dashes_spaces() {
        check(
            "\u{201C}Hi\u{201D} \u{00AB}x\u{00BB} a\u{2014}b\u{00A0}c",
            "\"Hi\" \"x\" a-b c",
        );
    }

    #[test]
    fn stars_inside_a_word_are_letters_left_out() {
        check(
            "He said: \"Don't take f***ing liberties, you s**t.\" **Bold** and __this__",
            "He said: \"Don't take f***ing liberties, you s**t.\" Bold and this",
        );
    }

    #[test]
    fn markdown_links_and_emphasis() {
        let input = "The FT [claimed](#) it. **Credit** <https://x.org/a>";
        let n = Normalized::new(input);
        assert_eq!(n.text, "The FT claimed it. Credit https://x.org/a");
        let at = n.text.find("claimed").unwrap();
        let span = n.to_original(at, at + "claimed".len());
        assert_eq!(span.slice(input), "claimed");
        let at = n.text.find("Credit").unwrap();
        assert_eq!(n.to_original(at, at + 6).slice(input), "Credit");
    }

    #[test]
    fn wide_whitespace_before_a_closing_bracket() {
        check("\u{85}x>", "\u{85}x>");
        check(
            "see \u{2028}https://a.example/x>",
            "see \u{2028}https://a.example/x",
        );
    }

    /// An apostrophe typed as a double quote is read as an apostrophe; a closing quote
    /// before a word is still a quote.
    #[test]
    fn apostrophes_typed_as_double_quotes() {
        check(
            "Britain\"s ruling, \"We don\"t know,\" he said, \"as ruled\"so far.",
            "Britain's ruling, \"We don't know,\" he said, \"as ruled\"so far.",
        );
    }

    #[test]
    fn tex_quotes() {
        let n = Normalized::new("he did ``voice disapproval'' there");
        assert_eq!(n.text, "he did \"voice disapproval\" there");
        assert_eq!(n.quote_dir(7), QuoteDir::Open);
        assert_eq!(n.to_original(7, 8), Span::new(7, 9));
    }

    #[test]
    fn ellipsis_and_crlf() {
        check("a\u{2026}\r\nb", "a...\nb");
    }

    #[test]
    fn quote_direction_is_kept() {
        let n = Normalized::new("\u{201C}a\u{201D} \"b\"");
        assert_eq!(n.quote_dir(0), QuoteDir::Open);
        assert_eq!(n.quote_dir(2), QuoteDir::Close);
        assert_eq!(n.quote_dir(4), QuoteDir::Neutral);
    }

    proptest::proptest! {
        #[test]
        fn map_back_is_valid_and_monotonic(input in "[a-z \u{201C}\u{201D}\u{2019}\u{2014}\u{A0}\u{2026}\u{85}\u{e9}*_\\[\\]()<>#:/\n\r\t`']{0,120}") {
            let n = Normalized::new(&input);
            let mut last_end = 0;
            for (i, c) in n.text.char_indices() {
                let span = n.to_original(i, i + c.len_utf8());
                proptest::prop_assert!(input.is_char_boundary(span.start) && input.is_char_boundary(span.end), "{span:?}");
                proptest::prop_assert!(span.start >= last_end.min(span.start) && span.end <= input.len());
                proptest::prop_assert!(span.end >= last_end, "not monotonic at {i}: {span:?} after {last_end}");
                last_end = span.end;
            }
            let whole = n.to_original(0, n.text.len());
            proptest::prop_assert!(whole.end <= input.len());
        }

        #[test]
        fn plain_text_maps_to_itself(input in "[a-zA-Z0-9 .,]{0,80}") {
            let n = Normalized::new(&input);
            proptest::prop_assert_eq!(&n.text, &input);
            for i in 0..=input.len() {
                for j in i..=input.len() {
                    proptest::prop_assert_eq!(n.to_original(i, j), Span::new(i, j));
                }
            }
        }
    }
}
