//! Views of a [`Trace`]: JSON (schema `unspin.trace/1`) and terminal text.
//!
//! ```text
//! {
//!   "schema": "unspin.trace/1",
//!   "article": { "origin": string, "words": number },
//!   "derivation": "wholly" | "partially" | "none",
//!   "derived_share": number,     // share of the article's body words derived from a source
//!   "verbatim_share": number,    // share taken over word for word
//!   "trigram_containment": number, // share of the article's word trigrams found in the sources
//!   "tiled_share": number,       // share of its words in runs of >= 3 words shared with the
//!                                // sources, each source word used once (greedy string tiling)
//!   "longest_own": number,       // words of its longest sentence that keeps no word of a
//!                                // source verbatim (0: none)
//!   "sources": [ { "origin": string, "share": number,
//!                  "changes": [Change] } ],   // as in unspin.compare/1, a = source, b = article
//!   "sentences": [ { "text": Span, "kind": "verbatim" | "rewrite" | "new",
//!                    "source": number | null, "source_text": [Span], "score": number,
//!                    "longest_run": number,       // longest run of words shared in order
//!                    "marks": [ { "kind": "rewrite" | "new", "start": number,
//!                                 "end": number, "text": string } ] } ],
//!                    // its runs of rewritten and new words (the rest is verbatim)
//!   "new_claims": [Change]       // claim_added for sentences no source supports
//! }
//! ```

use std::fmt::Write;

use serde_json::{Value, json};
use unspin_core::changes::ChangeKind;
use unspin_core::compare::ChangeOut;
use unspin_core::trace::{Trace, TraceKind};
use unspin_core::{Article, Span};

use crate::round;
use crate::text::{excerpt_within, marked, quote_edits};

pub const SCHEMA: &str = "unspin.trace/1";

fn span(a: &Article, s: Span) -> Value {
    json!({"start": s.start, "end": s.end, "text": s.slice(&a.text)})
}

fn change(src: &Article, article: &Article, c: &ChangeOut) -> Value {
    let mut v = json!({
        "kind": c.kind.as_str(),
        "a": c.a.map(|s| span(src, s)),
        "b": c.b.map(|s| span(article, s)),
        "detail": c.detail,
        "weight": round(c.weight),
    });
    if let (Some(speaker), Some(obj)) = (&c.speaker, v.as_object_mut()) {
        obj.insert("speaker".into(), json!(speaker));
    }
    v
}

pub fn json(t: &Trace<'_>) -> String {
    let words: usize = t
        .units
        .iter()
        .zip(0..)
        .filter(|(u, _)| u.kind == unspin_core::text::UnitKind::Body)
        .count();
    let v = json!({
        "schema": SCHEMA,
        "article": {"origin": t.article.meta.origin, "sentences": words, "words": t.words.len()},
        "derivation": t.derivation.as_str(),
        "derived_share": round(t.derived_share),
        "verbatim_share": round(t.verbatim_share),
        "trigram_containment": round(t.trigram_containment),
        "tiled_share": round(t.tiled_share),
        "longest_own": t.longest_own,
        "sources": t.sources.iter().map(|s| json!({
            "origin": s.article.meta.origin,
            "share": round(s.share),
            "changes": s.changes.iter().map(|c| change(s.article, t.article, c)).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
        "sentences": t.sentences.iter().map(|s| json!({
            "text": span(t.article, t.units[s.unit].span),
            "kind": s.kind.as_str(),
            "source": s.source,
            "source_text": s.source.map(|k| s.source_units.iter().map(|&i| span(t.sources[k].article, t.sources[k].units[i].span)).collect::<Vec<_>>()).unwrap_or_default(),
            "score": round(s.score),
            "longest_run": s.longest_run,
            "marks": t.runs(s).into_iter().filter(|(k, _)| *k != TraceKind::Verbatim).map(|(k, sp)| {
                let mut v = span(t.article, sp);
                if let Some(obj) = v.as_object_mut() {
                    obj.insert("kind".into(), json!(k.as_str()));
                }
                v
            }).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
        "new_claims": t.new_claims.iter().map(|c| change(t.article, t.article, c)).collect::<Vec<_>>(),
    });
    let mut s = serde_json::to_string_pretty(&v).unwrap_or_default();
    s.push('\n');
    s
}

/// The article's longest sentence of its own, which decides between wholly and
/// partially derived when a few of its words do not derive.
pub(crate) fn own_sentences(t: &Trace<'_>) -> String {
    match t.longest_own {
        0 => "no sentence of its own".to_string(),
        n => format!(
            "its longest sentence of its own has {}",
            crate::count(n, "word")
        ),
    }
}

pub fn text(t: &Trace<'_>) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "article: {}", t.article.meta.origin);
    let _ = writeln!(
        out,
        "derivation: {}  ({:.0}% of its words derive from the sources, {:.0}% verbatim; {})",
        t.derivation.as_str(),
        100.0 * t.derived_share,
        100.0 * t.verbatim_share,
        own_sentences(t)
    );
    for (k, s) in t.sources.iter().enumerate() {
        let _ = writeln!(
            out,
            "  source {k}: {}  {:.0}% of the article, {}",
            s.article.meta.origin,
            100.0 * s.share,
            crate::count(s.changes.len(), "change")
        );
    }
    let _ = writeln!(out, "\nsentences:");
    for s in &t.sentences {
        let from = s
            .source
            .map(|k| format!("source {k}"))
            .unwrap_or_else(|| "-".into());
        let short = excerpt_within(t.units[s.unit].span.slice(&t.article.text), 110);
        let _ = writeln!(out, "  {:<8} {:<9} {short}", s.kind.as_str(), from);
    }
    for (k, s) in t.sources.iter().enumerate() {
        for c in s.changes.iter().take(MAX_LISTED_PER_SOURCE) {
            let who = c
                .speaker
                .as_deref()
                .map(|s| format!(" — {s}"))
                .unwrap_or_default();
            // An altered quote shows what changed, word by word, where that reads.
            let edits = quote_edits(c, &s.article.text, &t.article.text)
                .map(|e| format!("now quoted as \"{}\"", marked(&e)));
            let detail =
                edits.unwrap_or_else(|| c.detail.split_whitespace().collect::<Vec<_>>().join(" "));
            let _ = writeln!(out, "  [source {k}] {}{who}: {detail}", c.kind.as_str());
            // Where it is, unless the detail quotes it (every quote change does):
            // "states it as fact" says nothing of which sentence does.
            let quoted = matches!(
                c.kind,
                ChangeKind::QuoteAltered | ChangeKind::QuoteAdded | ChangeKind::QuoteRemoved
            );
            if let Some(b) = c.b.filter(|_| !quoted) {
                let at = excerpt_within(b.slice(&t.article.text), 110);
                if !detail.contains(at.trim_end_matches('…')) {
                    let _ = writeln!(out, "      in the article: {at}");
                }
            }
        }
        if s.changes.len() > MAX_LISTED_PER_SOURCE {
            let _ = writeln!(
                out,
                "  [source {k}] … and {} more (see --json or --html)",
                s.changes.len() - MAX_LISTED_PER_SOURCE
            );
        }
    }
    out
}

/// The changes listed under each source (`compare` lists [`crate::text::MAX_LISTED`] in
/// all); the rest are counted.
const MAX_LISTED_PER_SOURCE: usize = 20;

#[cfg(test)]
mod tests {
    use unspin_core::Config;
    use unspin_core::article::Article;

    /// Every change counted for a source is listed under it, the facts a derived
    /// sentence adds too, each with the article's words it concerns.
    #[test]
    fn the_text_lists_every_change_it_counts() {
        let source = Article::new(
            "wire.txt",
            "The harbour council approved the new budget on Tuesday after a long debate. \
             Residents packed the town hall to watch the vote.",
        );
        let article = Article::new(
            "paper.txt",
            "The harbour council approved the new budget of 4 million pounds on Tuesday \
             after a long debate. Residents packed the town hall to watch the vote.",
        );
        let sources = [source];
        let t = unspin_core::trace::trace(&article, &sources, &Config::default());
        let out = super::text(&t);
        let listed: Vec<&str> = out
            .lines()
            .filter(|l| l.starts_with("  [source 0]"))
            .collect();
        assert!(out.contains("of the article, 1 change\n"), "{out}");
        assert_eq!(listed.len(), 1, "{out}");
        assert!(
            listed[0].contains("claim_added") && listed[0].contains("4 million"),
            "{out}"
        );
        // The detail names the fact; the line after it, the sentence that adds it.
        assert!(
            out.contains(
                "4 million\n      in the article: The harbour council approved the new \
                 budget of 4 million pounds on Tuesday after a long debate.\n"
            ),
            "{out}"
        );
    }
}
