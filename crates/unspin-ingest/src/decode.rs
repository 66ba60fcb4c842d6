//! Bytes to text: UTF-8 (BOM stripped), UTF-16 with BOM, else the legacy encoding
//! chardetng finds most likely (Windows-1252 for Latin-1 news copy). Binary data is
//! refused rather than decoded into noise.

use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE, WINDOWS_1252};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    /// The encoding used, e.g. "UTF-8", "windows-1252".
    pub encoding: &'static str,
}

/// Decode `bytes`, or say why they are not text.
pub fn decode(bytes: &[u8]) -> Result<Decoded, String> {
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        if enc == UTF_16LE || enc == UTF_16BE {
            let (text, _, _) = enc.decode(bytes);
            return check_text(text.into_owned(), enc.name());
        }
        if enc == UTF_8 {
            return match std::str::from_utf8(&bytes[bom_len..]) {
                Ok(s) => check_text(s.to_string(), "UTF-8"),
                Err(_) => legacy(&bytes[bom_len..]),
            };
        }
    }
    let head = &bytes[..bytes.len().min(8192)];
    if let Some(at) = head.iter().position(|&b| b == 0) {
        return Err(format!("a NUL byte at offset {at}"));
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => check_text(s.to_string(), "UTF-8"),
        Err(_) => legacy(bytes),
    }
}

fn legacy(bytes: &[u8]) -> Result<Decoded, String> {
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let enc = detector.guess(None, chardetng::Utf8Detection::Deny);
    let (text, _, _) = enc.decode(bytes);
    if enc != WINDOWS_1252 && (!letters_in_words(&text) || few_latin_accents(&text)) {
        // Nothing the guess decodes is a letter inside a word, or only a few Latin
        // letters are: its choice rests on a handful of bytes. Without a domain to go
        // by, chardetng reads a lone pound sign (0xA3) as the Central European "Ł"
        // ("Ł2.5m"), and the "ï" of "Anaïs" as the Baltic "ļ"; English copy is Western.
        let (text, _, _) = WINDOWS_1252.decode(bytes);
        return check_text(text.into_owned(), WINDOWS_1252.name());
    }
    check_text(text.into_owned(), enc.name())
}

/// Whether `text` is English with a few foreign letters: every non-ASCII letter is a
/// Latin one, and they are under 1 in 100 of its letters. Polish or Czech text has
/// several in every sentence; Cyrillic or Greek ones are no accents.
fn few_latin_accents(text: &str) -> bool {
    let (mut letters, mut foreign) = (0usize, 0usize);
    for c in text.chars().filter(|c| c.is_alphabetic()) {
        letters += 1;
        if !c.is_ascii() {
            if !matches!(c, '\u{c0}'..='\u{24f}') {
                return false;
            }
            foreign += 1;
        }
    }
    foreign * 100 < letters
}

/// Whether some non-ASCII letter of `text` has a letter beside it, as in "Łódź" or
/// "café", and unlike "Ł2.5m".
fn letters_in_words(text: &str) -> bool {
    let mut prev: Option<char> = None;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if !c.is_ascii() && c.is_alphabetic() {
            let beside = |d: Option<char>| d.is_some_and(char::is_alphabetic);
            if beside(prev) || beside(chars.peek().copied()) {
                return true;
            }
        }
        prev = Some(c);
    }
    false
}

fn check_text(text: String, encoding: &'static str) -> Result<Decoded, String> {
    let sample: Vec<char> = text.chars().take(8192).collect();
    let control = sample
        .iter()
        .filter(|&&c| stray_control(c) && c != '\u{c}')
        .count();
    if !sample.is_empty() && control * 10 > sample.len() {
        return Err(format!(
            "{control} control characters in the first {} characters",
            sample.len()
        ));
    }
    if text.contains('\0') {
        return Err("a NUL character".to_string());
    }
    Ok(Decoded { text, encoding })
}

/// `text` with its control characters replaced: they are not article text, and written
/// to a terminal they are commands (colours, window titles, cursor moves). Line and page
/// separators become `\n`, any other control a space; tabs and line ends stay. Text
/// without any comes back untouched.
pub fn without_controls(text: String) -> String {
    if !text.contains(stray_control) {
        return text;
    }
    text.chars()
        .map(|c| match c {
            '\u{b}' | '\u{c}' | '\u{1c}'..='\u{1f}' | '\u{85}' => '\n',
            c if stray_control(c) => ' ',
            c => c,
        })
        .collect()
}

/// A control character other than the line ends and tab that plain text is made of.
fn stray_control(c: char) -> bool {
    c.is_control() && !matches!(c, '\n' | '\r' | '\t')
}
