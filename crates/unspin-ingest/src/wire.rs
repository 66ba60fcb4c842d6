//! Wire copy as news agencies transmit it (ANPA/IPTC-style, as in the Press
//! Association's files): a header block of rules and a slug line ("12:45 02/11/99: Page
//! 1 (HHH) COURTS Titanic"), then paragraphs that open with a `^Y` mark (U+0019) and
//! close with `<`, their lines wrapped at a fixed width. Read as plain text, the slug is
//! a sentence, each `<` sticks to the next sentence and the paragraphs run together;
//! read as wire copy, the text is the story's paragraphs, each apart.

/// The paragraph mark that opens each paragraph of wire copy.
const OPEN: char = '\u{19}';

/// Whether `text` is wire copy: it opens with the agency's header (a rule of dashes,
/// then a slug line with its page within the next few lines), or at least two lines open
/// with the paragraph mark and at least two close with `<`. Both marks are asked for,
/// so ordinary text that happens to end a line with `<` is left alone.
pub fn is_wire_copy(text: &str) -> bool {
    let mut lines = text.lines().filter(|l| !l.trim().is_empty());
    let ruled = lines.next().is_some_and(is_rule);
    if ruled && lines.take(4).any(|l| l.contains(": Page ")) {
        return true;
    }
    let (mut opened, mut closed) = (0, 0);
    for line in text.lines() {
        opened += usize::from(line.starts_with(OPEN));
        closed += usize::from(line.trim_end().ends_with('<'));
        if opened >= 2 && closed >= 2 {
            return true;
        }
    }
    false
}

/// A line of dashes only: a rule.
fn is_rule(line: &str) -> bool {
    let t = line.trim();
    !t.is_empty() && t.chars().all(|c| c == '-')
}

/// The story of wire copy `text`: the header block (blank lines, rules of dashes, the
/// slug line) dropped, each paragraph's marks removed, paragraphs kept apart by a blank
/// line and a paragraph's wrapped lines by a line end.
pub fn read(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_header = true;
    let mut paragraph_ended = false;
    for line in text.lines() {
        let t = line.trim_matches(|c: char| c.is_whitespace() || c == OPEN);
        if in_header && (t.is_empty() || is_rule(t) || t.contains(": Page ")) {
            continue;
        }
        in_header = false;
        let body = t.trim_end_matches('<');
        if !out.is_empty() {
            out.push_str(if paragraph_ended { "\n\n" } else { "\n" });
        }
        out.push_str(body);
        paragraph_ended = body.len() < t.len();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_and_paragraph_marks_go() {
        let raw = "  -----\n\n  -----\n   16:54 01/03/00: Page 1 (ZSM) COURTS X\n  -----\n\
                   HEADLINE HERE<\n\u{19}By A Reporter, PA News<\n\u{19}First line of a\n\
                   wrapped paragraph.<\n\u{19}Second.<\n";
        assert!(is_wire_copy(raw));
        assert_eq!(
            read(raw),
            "HEADLINE HERE\n\nBy A Reporter, PA News\n\nFirst line of a\nwrapped paragraph.\n\nSecond."
        );
    }

    #[test]
    fn a_wire_header_alone_makes_wire_copy() {
        let raw = "  -----\n   09:10 08/12/99: Page 1 (HHH) COURTS Pensioner\n  -----\n\
                   PENSIONER JAILED\nA pensioner was jailed today.\n";
        assert!(is_wire_copy(raw));
        assert_eq!(read(raw), "PENSIONER JAILED\nA pensioner was jailed today.");
        assert!(!is_wire_copy("-----\nA rule, then text.\nNo slug here.\n"));
    }

    #[test]
    fn text_with_one_mark_is_not_wire_copy() {
        assert!(!is_wire_copy("a <\nb <\nc"));
        assert!(!is_wire_copy("\u{19}a\n\u{19}b\nc <"));
    }
}
