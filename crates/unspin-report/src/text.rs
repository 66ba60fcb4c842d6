//! The terminal view: verdict, reasons, coverage and the ranked changes, readable
//! without colour (colour is only an accent).

use std::fmt::Write;

use unspin_core::Article;
use unspin_core::changes::ChangeKind;
use unspin_core::compare::{ChangeOut, Comparison, FoundMeta};
use unspin_core::diff::{WordEdit, word_edits};

/// Whether to emit ANSI colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Color {
    Never,
    Always,
}

struct Paint(Color);

impl Paint {
    fn wrap(&self, code: &str, s: &str) -> String {
        match self.0 {
            Color::Always => format!("\x1b[{code}m{s}\x1b[0m"),
            Color::Never => s.to_string(),
        }
    }
    fn bold(&self, s: &str) -> String {
        self.wrap("1", s)
    }
    fn dim(&self, s: &str) -> String {
        self.wrap("2", s)
    }
    fn kind(&self, k: ChangeKind) -> String {
        let code = match k {
            ChangeKind::NumberChanged
            | ChangeKind::DateChanged
            | ChangeKind::NameChanged
            | ChangeKind::NegationFlipped => "1;31",
            ChangeKind::QuoteAltered
            | ChangeKind::QuoteAdded
            | ChangeKind::QuoteRemoved
            | ChangeKind::AttributionDropped => "1;33",
            ChangeKind::ClaimAdded => "1;35",
            ChangeKind::ClaimOmitted => "2",
        };
        self.wrap(code, k.as_str())
    }
}

/// How many changes the terminal view lists before summarising the rest.
pub const MAX_LISTED: usize = 40;

pub fn render(c: &Comparison<'_>, color: Color) -> String {
    let p = Paint(color);
    let v = &c.verdict;
    let mut out = String::new();
    let _ = writeln!(out, "{} {}", p.dim("a:"), describe(c.a, &c.a_meta));
    let _ = writeln!(out, "{} {}", p.dim("b:"), describe(c.b, &c.b_meta));
    let source = match v.source {
        Some(s) => format!(
            "{} is the source (confidence {:.2})",
            s.as_str(),
            v.confidence
        ),
        None => "no source determined".to_string(),
    };
    let _ = writeln!(
        out,
        "\n{} {}  {}",
        p.bold("relation:"),
        p.bold(v.relation.as_str()),
        source
    );
    if let Some(t) = v.template {
        let _ = writeln!(
            out,
            "  - two items on one template: {} ({})",
            t.detail(),
            t.as_str()
        );
    }
    for r in &v.reasons {
        let _ = writeln!(
            out,
            "  - {} ({}, for {})",
            r.detail,
            r.kind.as_str(),
            r.favors.as_str()
        );
    }
    let counts = |k: unspin_core::align::MatchKind| c.groups.iter().filter(|g| g.kind == k).count();
    let _ = writeln!(
        out,
        "{} a {:.0}%, b {:.0}%  ({} aligned groups: {} identical, {} edited, {} paraphrase)",
        p.bold("coverage:"),
        100.0 * v.coverage_a,
        100.0 * v.coverage_b,
        c.groups.len(),
        counts(unspin_core::align::MatchKind::Identical),
        counts(unspin_core::align::MatchKind::Edited),
        counts(unspin_core::align::MatchKind::Paraphrase),
    );
    if c.changes.is_empty() {
        let _ = writeln!(out, "\n{}", p.bold("no changes"));
        return out;
    }
    let _ = writeln!(
        out,
        "\n{} ({}, most important first)",
        p.bold("changes"),
        c.changes.len()
    );
    for ch in c.changes.iter().take(MAX_LISTED) {
        let speaker = ch
            .speaker
            .as_deref()
            .map(|s| format!(" — {s}"))
            .unwrap_or_default();
        let _ = writeln!(out, "\n  {}{}", p.kind(ch.kind), speaker);
        if let Some(s) = ch.a {
            let _ = writeln!(out, "    a: {}", excerpt(s.slice(&c.a.text)));
        }
        if let Some(s) = ch.b {
            let _ = writeln!(out, "    b: {}", excerpt(s.slice(&c.b.text)));
        }
        // An altered quote's detail repeats both quotes; what changed reads better.
        match quote_edits(ch, &c.a.text, &c.b.text) {
            Some(e) => {
                let _ = writeln!(out, "    {}", p.dim(&format!("words: {}", marked(&e))));
            }
            None => {
                let _ = writeln!(out, "    {}", p.dim(&ch.detail));
            }
        }
    }
    if c.changes.len() > MAX_LISTED {
        let _ = writeln!(
            out,
            "\n  … and {} more (see --json or --html)",
            c.changes.len() - MAX_LISTED
        );
    }
    out
}

fn describe(a: &Article, m: &FoundMeta) -> String {
    let mut parts = vec![a.meta.origin.clone()];
    if let Some(t) = &m.title {
        parts.push(format!("\"{}\"", excerpt(t)));
    }
    if let Some(d) = m.date {
        parts.push(d.to_string());
    }
    if let Some(u) = &m.url {
        parts.push(u.clone());
    }
    parts.push(format!("{} words", m.words));
    parts.join("  ")
}

/// An altered quote's words, source against copy, where few enough changed to mark
/// (see [`word_edits`]); `None` for any other change.
pub(crate) fn quote_edits(
    ch: &ChangeOut,
    src_text: &str,
    copy_text: &str,
) -> Option<Vec<WordEdit>> {
    match (ch.kind, ch.a, ch.b) {
        (ChangeKind::QuoteAltered, Some(a), Some(b)) => {
            word_edits(a.slice(src_text), b.slice(copy_text))
        }
        _ => None,
    }
}

/// Word edits in the notation of `git diff --word-diff`: `[-removed-]{+added+}`.
pub(crate) fn marked(edits: &[WordEdit]) -> String {
    let mut out = String::new();
    for e in edits {
        let (piece, glued) = match e {
            WordEdit::Same(w) => (w.clone(), false),
            WordEdit::Removed(w) => (format!("[-{w}-]"), false),
            // Added words right after removed ones replace them: no space between.
            WordEdit::Added(w) => (format!("{{+{w}+}}"), out.ends_with("-]")),
        };
        if !out.is_empty() && !glued {
            out.push(' ');
        }
        out.push_str(&piece);
    }
    out
}

/// `s` on one line, cut to `max` characters with an ellipsis.
pub(crate) fn excerpt_within(s: &str, max: usize) -> String {
    let flat: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= max {
        return flat;
    }
    let cut: String = flat.chars().take(max.saturating_sub(1)).collect();
    format!("{cut}…")
}

fn excerpt(s: &str) -> String {
    let flat: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= 160 {
        return flat;
    }
    let cut: String = flat.chars().take(157).collect();
    format!("{cut}…")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edits_are_marked_as_git_marks_words() {
        let marks = |old: &str, new: &str| word_edits(old, new).map(|e| marked(&e));
        assert_eq!(
            marks(
                "Lavrov is certainly continuing to serve as foreign minister",
                "Lavrov is working as foreign minister, of course"
            )
            .as_deref(),
            Some(
                "Lavrov is [-certainly continuing to serve-]{+working+} as foreign minister, \
                 {+of course+}"
            )
        );
        assert_eq!(
            marks("a tense call", "a strained call").as_deref(),
            Some("a [-tense-]{+strained+} call")
        );
        assert_eq!(marks("a tense call", "strained conversation"), None);
    }

    #[test]
    fn excerpts_fold_whitespace_and_cut_long_text() {
        assert_eq!(excerpt("a  tense\n\ncall"), "a tense call");
        let long = "word ".repeat(60);
        let cut = excerpt(&long);
        assert_eq!(cut.chars().count(), 158);
        assert!(cut.ends_with('…'));
    }
}
