//! The layout of an article: paragraphs and what kind of unit each one is.
//!
//! Extracted and pasted news text is messy: paragraphs are split by blank lines or by
//! single newlines, and copy-paste sometimes breaks a paragraph in the middle of a
//! sentence ("a tense⏎⏎call”"). This module rebuilds paragraphs and sets apart the units
//! that are not running text (headline, dateline, byline, photo caption, "Related
//! article" teaser, source URL) so they neither align as claims nor count in coverage.

use std::ops::Range;

use super::normalize::Normalized;
use crate::article::CivilDate;
use crate::features::dates;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum UnitKind {
    Headline,
    Dateline,
    Byline,
    Caption,
    Related,
    Url,
    /// A wire's sign-off closing the text: "Reuter", "AP", or an end-of-text mark
    /// ("&#3;") left as a character reference.
    Signoff,
    Body,
    /// A body sentence a corpus scan found repeated across unrelated articles (a
    /// footer, a credit): kept in place, never aligned or counted.
    Boilerplate,
}

impl UnitKind {
    pub fn as_str(self) -> &'static str {
        match self {
            UnitKind::Headline => "headline",
            UnitKind::Dateline => "dateline",
            UnitKind::Byline => "byline",
            UnitKind::Caption => "caption",
            UnitKind::Related => "related",
            UnitKind::Url => "url",
            UnitKind::Signoff => "signoff",
            UnitKind::Body => "body",
            UnitKind::Boilerplate => "boilerplate",
        }
    }

    /// Units whose content is the article's running text (aligned and counted).
    pub fn is_content(self) -> bool {
        matches!(self, UnitKind::Body | UnitKind::Headline)
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Paragraph {
    /// Normalized-text range, trimmed.
    pub range: Range<usize>,
    pub kind: UnitKind,
}

/// Metadata the text itself states (a dateline, an "Original url:" line, a headline).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TextMeta {
    pub title: Option<String>,
    pub date: Option<CivilDate>,
    pub url: Option<String>,
}

/// The text's paragraphs and what they are. `known_title` is the title the article's
/// record states apart from its text (a JSON field, an HTML `<title>`), if any.
pub fn layout(
    norm: &Normalized,
    original: &str,
    known_title: Option<&str>,
) -> (Vec<Paragraph>, TextMeta) {
    let text = norm.text.as_str();
    let paragraphs = join_lines(text, known_title);
    let mut out: Vec<Paragraph> = Vec::with_capacity(paragraphs.len());
    let mut meta = TextMeta::default();
    let mut expect_url = false;
    let n_paragraphs = paragraphs.len();
    // Whether the first paragraph stands apart: a blank line follows it.
    let first_apart = match paragraphs.as_slice() {
        [first, second, ..] => text[first.end..second.start].matches('\n').count() >= 2,
        _ => false,
    };
    for (idx, range) in paragraphs.into_iter().enumerate() {
        let para = &text[range.clone()];
        // Extend to the end of the original line: trailing markup ("**Credit**") was
        // normalized away but says what the unit is.
        let span = norm.to_original(range.start, range.end);
        let line_end = original[span.end..]
            .find('\n')
            .map_or(original.len(), |k| span.end + k);
        let original_para = original.get(span.start..line_end).unwrap_or("");
        let seen_body = out.iter().any(|p| p.kind == UnitKind::Body);
        let kind = match classify(
            para,
            original_para,
            idx,
            n_paragraphs,
            seen_body,
            expect_url,
        ) {
            UnitKind::Body if idx == 0 && first_apart && is_sentence_case_headline(para) => {
                UnitKind::Headline
            }
            kind => kind,
        };
        expect_url = false;
        match kind {
            UnitKind::Url => {
                if let Some(url) = para.split_whitespace().find(|w| w.starts_with("http")) {
                    meta.url
                        .get_or_insert_with(|| url.trim_end_matches(['>', '.', ')']).to_string());
                } else {
                    expect_url = true;
                }
            }
            UnitKind::Dateline if meta.date.is_none() => {
                meta.date = dates::find_dates(para, 0, None)
                    .iter()
                    .find_map(|d| d.value.civil());
            }
            UnitKind::Headline => meta.title = Some(para.to_string()),
            _ => {}
        }
        out.push(Paragraph { range, kind });
    }
    (out, meta)
}

fn classify(
    para: &str,
    original: &str,
    idx: usize,
    n_paragraphs: usize,
    seen_body: bool,
    expect_url: bool,
) -> UnitKind {
    let lower = para.to_lowercase();
    let n_words = para.split_whitespace().count();
    let lone_url = n_words == 1 && (lower.starts_with("http://") || lower.starts_with("https://"));
    if lone_url && (expect_url || idx + 1 >= n_paragraphs || n_words == 1) {
        return UnitKind::Url;
    }
    const URL_LABELS: &[&str] = &[
        "original url",
        "source url",
        "original article",
        "source:",
        "url:",
        "link:",
    ];
    if n_words <= 12 && URL_LABELS.iter().any(|l| lower.starts_with(l)) {
        return UnitKind::Url;
    }
    const RELATED: &[&str] = &[
        "related article",
        "related:",
        "related story",
        "related stories",
        "read more",
        "see also",
        "also read",
        "read also",
        "recommended:",
        "more:",
    ];
    if RELATED.iter().any(|r| lower.starts_with(r)) {
        return UnitKind::Related;
    }
    if n_words <= 10 && is_dateline(para) {
        return UnitKind::Dateline;
    }
    if n_words <= 8 && lower.starts_with("by ") && !para.ends_with('.') {
        return UnitKind::Byline;
    }
    const CREDITS: &[&str] = &[
        "photo:",
        "(photo",
        "getty images",
        "ap photo",
        "image:",
        "credit:",
        "/reuters",
        "reuters/",
        "/afp",
        "afp/",
    ];
    if n_words <= 30
        && (original.trim_end().ends_with("**") || CREDITS.iter().any(|c| lower.contains(c)))
    {
        return UnitKind::Caption;
    }
    if seen_body && idx + 2 >= n_paragraphs && is_signoff(para) {
        return UnitKind::Signoff;
    }
    if !seen_body && idx == 0 && n_paragraphs > 1 && is_headline(para) {
        return UnitKind::Headline;
    }
    UnitKind::Body
}

/// Whether a paragraph is a wire's sign-off: at most an agency's name ("Reuter",
/// "REUTER", "AP"), with or without character references such as the end-of-text mark
/// "&#3;" that a record kept as written.
fn is_signoff(para: &str) -> bool {
    const AGENCIES: &[&str] = &["reuter", "reuters", "ap", "afp", "upi", "dpa", "pa"];
    let mut words = para
        .split_whitespace()
        .filter(|w| !is_character_reference(w));
    match (words.next(), words.next()) {
        (None, _) => para.starts_with('&'),
        (Some(w), None) => AGENCIES.contains(
            &w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
                .as_str(),
        ),
        _ => false,
    }
}

/// "&#3;", "&#x1F;": a numeric character reference, nothing else.
fn is_character_reference(w: &str) -> bool {
    w.strip_prefix("&#")
        .and_then(|r| r.strip_suffix(';'))
        .is_some_and(|n| {
            let digits = n.strip_prefix(['x', 'X']).unwrap_or(n);
            !digits.is_empty() && digits.chars().all(|c| c.is_ascii_hexdigit())
        })
}

/// A sentence-case headline ("Blair rejects Iraq advice calls"), when a blank line sets
/// it apart from the body: one short line opening with a capital and stopping without
/// the punctuation that ends or continues a sentence. (A wire item's first row, "Qtly
/// div eight cts vs seven cts prior", is followed by the next row, not by a blank line.)
fn is_sentence_case_headline(para: &str) -> bool {
    !para.contains('\n')
        && para.split_whitespace().count() <= SENTENCE_CASE_HEADLINE_WORDS
        && para.starts_with(char::is_uppercase)
        && !ends_sentence(para)
        && !para.trim_end_matches(['"', '\'']).ends_with(',')
}

/// A sentence-case first line of at most this many words can be a headline.
const SENTENCE_CASE_HEADLINE_WORDS: usize = 14;

fn is_dateline(para: &str) -> bool {
    let found = dates::find_dates(para, 0, None);
    let Some(first) = found.first() else {
        return false;
    };
    if first.value.civil().is_none() {
        return false;
    }
    // Nearly all of the paragraph must be the date (allow "Published", a time, a weekday).
    let covered: usize = found.iter().map(|d| d.range.len()).sum();
    let letters_outside = para.len().saturating_sub(covered);
    letters_outside <= 24
}

fn is_headline(para: &str) -> bool {
    let words: Vec<&str> = para.split_whitespace().collect();
    if words.is_empty() || words.len() > 25 || para.contains('\n') || para.ends_with('.') {
        return false;
    }
    // A rule of dashes or a row of figures (PA's header lines) is no title.
    if !para.chars().any(char::is_alphabetic) {
        return false;
    }
    let capitalized = words
        .iter()
        .filter(|w| w.chars().next().is_some_and(|c| !c.is_lowercase()))
        .count();
    capitalized * 2 >= words.len() || para.ends_with('?') || para.ends_with('!')
}

/// Paragraph ranges: lines joined across breaks that fall inside a sentence.
///
/// A short line followed by a line that starts with a capital ("Mayor Quits Over Bridge
/// Deal\nThe mayor resigned") keeps its own unit: it may be a headline. When the record
/// states its title apart, the first line that is not that title is the body's first
/// line, and the next line (unless indented) continues it: a wire item whose dateline
/// was cut starts with the rest of its first line ("Dow Chemical Co has launched a 200
/// mln\nSwiss franc bond").
fn join_lines(text: &str, known_title: Option<&str>) -> Vec<Range<usize>> {
    let mut paragraphs: Vec<Range<usize>> = Vec::new();
    let mut blank_since_last = false;
    let mut offset = 0;
    for line in text.split('\n') {
        let line_start = offset;
        offset += line.len() + 1;
        let trimmed = line.trim();
        if trimmed.is_empty() {
            blank_since_last = true;
            continue;
        }
        let lead = line.len() - line.trim_start().len();
        let range = line_start + lead..line_start + lead + trimmed.len();
        let join = paragraphs.last().is_some_and(|prev| {
            let prev_text = &text[prev.clone()];
            let open = !ends_sentence(prev_text);
            // (An indented line starts a paragraph: a table's next row, say.)
            // Only the first paragraph, or the second after the title, can be the
            // body's first line; the word comparisons run for those alone.
            let body_starts = known_title.is_some_and(|t| {
                paragraphs.len() <= 2
                    && lead == 0
                    && !prev_text.contains('\n')
                    && (paragraphs.len() == 1 || same_words(t, &text[paragraphs[0].clone()]))
                    && !same_words(t, prev_text)
            });
            if blank_since_last {
                open && starts_lowercase(trimmed)
            } else {
                open && !starts_list_item(trimmed)
                    && (starts_lowercase(trimmed)
                        || starts_with_digit(trimmed)
                        || body_starts
                        || prev_text.split_whitespace().count() > 10)
            }
        });
        match paragraphs.last_mut() {
            Some(prev) if join => prev.end = range.end,
            _ => paragraphs.push(range),
        }
        blank_since_last = false;
    }
    paragraphs
}

/// Whether `a` and `b` are the same words, whatever their case and spacing.
pub fn same_words(a: &str, b: &str) -> bool {
    a.split_whitespace()
        .map(str::to_lowercase)
        .eq(b.split_whitespace().map(str::to_lowercase))
}

fn ends_sentence(text: &str) -> bool {
    let mut rev = text.trim_end().chars().rev();
    match rev.next() {
        Some('.' | '!' | '?' | ':' | ';') => true,
        Some('"' | '\'' | ')') => matches!(rev.next(), Some('.' | '!' | '?')),
        _ => false,
    }
}

fn starts_lowercase(text: &str) -> bool {
    text.chars()
        .find(|c| c.is_alphanumeric())
        .is_some_and(char::is_lowercase)
}

/// Whether a line opens with a figure: inside an open sentence, a wrapped line that
/// starts "6-1/8 pct and traded…" goes on with it, as a lowercase one would.
fn starts_with_digit(text: &str) -> bool {
    text.starts_with(|c: char| c.is_ascii_digit())
}

/// Whether a line opens with a list marker: a dash, star or plus, or a number followed
/// by "." or ")" and a space ("2. ", "10) "). A figure that opens a wrapped line ("6.02
/// pct", "10 pct. Then…") is no marker.
fn starts_list_item(text: &str) -> bool {
    if text.starts_with(['-', '*', '+']) {
        return true;
    }
    let rest = text.trim_start_matches(|c: char| c.is_ascii_digit());
    rest.len() < text.len()
        && (rest.starts_with(". ") || rest.starts_with(") ") || rest == "." || rest == ")")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, expect: &[(&str, UnitKind)]) -> TextMeta {
        let norm = Normalized::new(input);
        let (paras, meta) = layout(&norm, input, None);
        let got: Vec<(&str, UnitKind)> = paras
            .iter()
            .map(|p| (&norm.text[p.range.clone()], p.kind))
            .collect();
        assert_eq!(got, expect);
        meta
    }

    #[test]
    fn a_sentence_case_line_set_apart_is_a_headline() {
        let meta = check(
            "Mayor quits over bridge deal\n\nThe mayor resigned on Monday.",
            &[
                ("Mayor quits over bridge deal", UnitKind::Headline),
                ("The mayor resigned on Monday.", UnitKind::Body),
            ],
        );
        assert_eq!(meta.title.as_deref(), Some("Mayor quits over bridge deal"));
        // A first sentence, a wire item's first row (no blank line after it) and a line
        // that goes on into the next paragraph are not.
        check(
            "The mayor resigned.\n\nHe gave no reason.",
            &[
                ("The mayor resigned.", UnitKind::Body),
                ("He gave no reason.", UnitKind::Body),
            ],
        );
        check(
            "Qtly div eight cts vs seven cts prior\n    Pay March 31",
            &[
                ("Qtly div eight cts vs seven cts prior", UnitKind::Body),
                ("Pay March 31", UnitKind::Body),
            ],
        );
        check(
            "The mayor dismissed it, saying \u{201C}this is a version.\u{201D}\n\nHe left.",
            &[
                (
                    "The mayor dismissed it, saying \"this is a version.\"",
                    UnitKind::Body,
                ),
                ("He left.", UnitKind::Body),
            ],
        );
        check(
            "The mayor said on Monday that:\n\nHe would resign.",
            &[
                ("The mayor said on Monday that:", UnitKind::Body),
                ("He would resign.", UnitKind::Body),
            ],
        );
    }

    #[test]
    fn headline_dateline_caption_related_url() {
        let meta = check(
            "Mayor Quits Over Bridge Deal\n\nMarch 03, 2024\n\nThe mayor at a rally. **City Hall Press**\n\n\
             The mayor resigned on Monday.\n\nRelated article: [Bridge Costs Soar](#)\n\nOriginal url:\n\n<https://news.example/a1>",
            &[
                ("Mayor Quits Over Bridge Deal", UnitKind::Headline),
                ("March 03, 2024", UnitKind::Dateline),
                ("The mayor at a rally. City Hall Press", UnitKind::Caption),
                ("The mayor resigned on Monday.", UnitKind::Body),
                ("Related article: Bridge Costs Soar", UnitKind::Related),
                ("Original url:", UnitKind::Url),
                ("https://news.example/a1", UnitKind::Url),
            ],
        );
        assert_eq!(meta.date, CivilDate::new(2024, 3, 3));
        assert_eq!(meta.url.as_deref(), Some("https://news.example/a1"));
        assert_eq!(meta.title.as_deref(), Some("Mayor Quits Over Bridge Deal"));
    }

    #[test]
    fn a_rule_of_dashes_is_no_title() {
        let meta = check(
            "  --------------------\n\nThe council met today.\n\nIt voted twice.",
            &[
                ("--------------------", UnitKind::Body),
                ("The council met today.", UnitKind::Body),
                ("It voted twice.", UnitKind::Body),
            ],
        );
        assert_eq!(meta.title, None);
    }

    #[test]
    fn broken_paragraph_is_rejoined() {
        check(
            "It described \"a tense\n\ncall\" between them.\n\nNext paragraph here.",
            &[
                (
                    "It described \"a tense\n\ncall\" between them.",
                    UnitKind::Body,
                ),
                ("Next paragraph here.", UnitKind::Body),
            ],
        );
    }

    #[test]
    fn single_newline_paragraphs_and_hard_wraps() {
        check(
            "First paragraph ends here.\nSecond one is wrapped at a fixed width so that the line\nbreaks inside a sentence.",
            &[
                ("First paragraph ends here.", UnitKind::Body),
                (
                    "Second one is wrapped at a fixed width so that the line\nbreaks inside a sentence.",
                    UnitKind::Body,
                ),
            ],
        );
    }

    #[test]
    fn a_wrapped_line_opening_with_a_figure_goes_on_with_its_sentence() {
        check(
            "Federal funds, which averaged 6.02 pct on Friday, opened at\n6-1/8 pct and traded between there and 6-1/16 pct. Funds are firm.\nBefore voting, members must do two things\n1. Wait a day.\n2) Then act.",
            &[
                (
                    "Federal funds, which averaged 6.02 pct on Friday, opened at\n6-1/8 pct and traded between there and 6-1/16 pct. Funds are firm.",
                    UnitKind::Body,
                ),
                // A numbered item starts its own line, though the line before is open.
                ("Before voting, members must do two things", UnitKind::Body),
                ("1. Wait a day.", UnitKind::Body),
                ("2) Then act.", UnitKind::Body),
            ],
        );
    }

    #[test]
    fn list_markers_are_numbers_before_a_stop_or_bracket() {
        for (line, marker) in [
            ("1. Wait", true),
            ("10) Act", true),
            ("- item", true),
            ("* item", true),
            ("6.02 pct rose. Then", false),
            ("10 pct rise. Then", false),
            ("6-1/8 pct", false),
            ("1987", false),
            ("Funds rose. Then", false),
        ] {
            assert_eq!(starts_list_item(line), marker, "{line}");
        }
    }

    #[test]
    fn a_wire_sign_off_closes_the_text_unaligned() {
        check(
            "Funds opened at six pct, dealers said.\n Reuter\n&#3;",
            &[
                ("Funds opened at six pct, dealers said.", UnitKind::Body),
                ("Reuter", UnitKind::Signoff),
                ("&#3;", UnitKind::Signoff),
            ],
        );
        // Only at the end: a lone "AP" further up is the body's.
        check(
            "The mayor quit, aides said.\n\nAP\n\nHe left at noon.\n\nMore later.",
            &[
                ("The mayor quit, aides said.", UnitKind::Body),
                ("AP", UnitKind::Body),
                ("He left at noon.", UnitKind::Body),
                ("More later.", UnitKind::Body),
            ],
        );
    }

    /// The paragraphs of `input` when the record states `title` apart from the text.
    fn paragraphs(input: &str, title: Option<&str>) -> Vec<(String, UnitKind)> {
        let norm = Normalized::new(input);
        let (paras, _) = layout(&norm, input, title);
        paras
            .iter()
            .map(|p| (norm.text[p.range.clone()].replace('\n', " "), p.kind))
            .collect()
    }

    #[test]
    fn a_first_line_that_is_not_the_records_title_starts_the_body() {
        // A wire item whose dateline was cut: its first line is the rest of the
        // dateline's line. Without a title from the record it reads like a headline.
        let item = "Harwick Tools Inc has launched a 200 mln\n\
                    Swiss franc bond priced at par, the lead manager said.\n    \
                    The issue carries a call option from 1993.\n    \
                    Pay April 2";
        let joined = [
            (
                "Harwick Tools Inc has launched a 200 mln Swiss franc bond priced at par, \
                 the lead manager said.",
                UnitKind::Body,
            ),
            ("The issue carries a call option from 1993.", UnitKind::Body),
            ("Pay April 2", UnitKind::Body),
        ];
        let as_headline = [
            (
                "Harwick Tools Inc has launched a 200 mln",
                UnitKind::Headline,
            ),
            (
                "Swiss franc bond priced at par, the lead manager said.",
                UnitKind::Body,
            ),
            ("The issue carries a call option from 1993.", UnitKind::Body),
            ("Pay April 2", UnitKind::Body),
        ];
        let owned = |v: &[(&str, UnitKind)]| -> Vec<(String, UnitKind)> {
            v.iter().map(|&(t, k)| (t.to_string(), k)).collect()
        };
        let title = "HARWICK TOOLS LAUNCHES SWISS FRANC BOND";
        assert_eq!(paragraphs(item, Some(title)), owned(&joined));
        assert_eq!(paragraphs(item, None), owned(&as_headline));
        // The record's title repeated as the text's first line is still its headline.
        let titled = format!("{title}\n{item}");
        assert_eq!(
            paragraphs(&titled, Some(title))[0],
            (title.to_string(), UnitKind::Headline)
        );
    }
}
