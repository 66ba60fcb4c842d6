//! The JSON wire format of `unspin compare --json`: schema `unspin.compare/1`.
//!
//! ```text
//! {
//!   "schema": "unspin.compare/1",
//!   "a": Side, "b": Side,
//!   "relation": "duplicate" | "near_duplicate" | "rewrite" | "partial_reuse" | "same_story" | "unrelated",
//!   "template"?: { "sign": TemplateSign, "detail": string },  // why a same_story whose
//!                                      // wording aligns as a copy's is two items on one template
//!   "source": "a" | "b" | null,        // which article is the original
//!   "confidence": number,              // in [0, 1], confidence in `source`; 0 when null
//!   "reasons": [ { "kind": "dates" | "credit" | "self_published" | "containment",
//!                  "favors": "a" | "b", "weight": number, "detail": string } ],
//!   "coverage": { "a": number, "b": number },  // share of each side's body words aligned
//!   "similarity": number,              // document-level weighted term overlap
//!   "verbatim_share": number,          // share of aligned words in identical/edited groups
//!   "alignments": [ { "kind": "identical" | "edited" | "paraphrase", "score": number,
//!                     "a": [Span], "b": [Span] } ],   // sentences of each side in the group
//!   "changes": [ { "kind": ChangeKind, "a": Span | null, "b": Span | null,
//!                  "speaker"?: string, "detail": string, "weight": number } ]
//! }
//! Side = { "origin": string, "title": string | null, "date": "YYYY-MM-DD" | null,
//!          "url": string | null, "words": number, "sentences": number }
//! Span = { "start": number, "end": number, "text": string }  // byte offsets into the article text
//! ChangeKind = "quote_altered" | "quote_added" | "quote_removed" | "number_changed"
//!            | "date_changed" | "name_changed" | "claim_added" | "claim_omitted"
//!            | "attribution_dropped" | "negation_flipped"
//! TemplateSign = "facts_changed" | "other_subjects" | "own_headlines" | "other_figures"
//!              | "no_rare_name_shared" | "other_days"
//! ```
//!
//! Changes are ranked, most important first. Numbers are rounded to 3 decimals. The
//! same input gives byte-identical output. Adding a field is compatible; renaming or
//! removing one bumps the schema version.

use serde::Serialize;
use unspin_core::compare::{Comparison, FoundMeta, Unit};
use unspin_core::{Article, Span};

use crate::round;

pub const SCHEMA: &str = "unspin.compare/1";

#[derive(Serialize)]
struct CompareJson<'c> {
    schema: &'static str,
    a: SideJson<'c>,
    b: SideJson<'c>,
    relation: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    template: Option<TemplateJson>,
    source: Option<&'static str>,
    confidence: f64,
    reasons: Vec<ReasonJson<'c>>,
    coverage: CoverageJson,
    similarity: f64,
    verbatim_share: f64,
    alignments: Vec<AlignmentJson<'c>>,
    changes: Vec<ChangeJson<'c>>,
}

#[derive(Serialize)]
struct SideJson<'c> {
    origin: &'c str,
    title: Option<&'c str>,
    date: Option<String>,
    url: Option<&'c str>,
    words: usize,
    sentences: usize,
}

#[derive(Serialize)]
struct TemplateJson {
    sign: &'static str,
    detail: &'static str,
}

#[derive(Serialize)]
struct ReasonJson<'c> {
    kind: &'static str,
    favors: &'static str,
    weight: f64,
    detail: &'c str,
}

#[derive(Serialize)]
struct CoverageJson {
    a: f64,
    b: f64,
}

#[derive(Serialize)]
pub(crate) struct SpanJson<'c> {
    start: usize,
    end: usize,
    text: &'c str,
}

#[derive(Serialize)]
struct AlignmentJson<'c> {
    kind: &'static str,
    score: f64,
    a: Vec<SpanJson<'c>>,
    b: Vec<SpanJson<'c>>,
}

#[derive(Serialize)]
struct ChangeJson<'c> {
    kind: &'static str,
    a: Option<SpanJson<'c>>,
    b: Option<SpanJson<'c>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    speaker: Option<&'c str>,
    detail: &'c str,
    weight: f64,
}

fn span<'c>(article: &'c Article, s: Span) -> SpanJson<'c> {
    SpanJson {
        start: s.start,
        end: s.end,
        text: s.slice(&article.text),
    }
}

fn side<'c>(article: &'c Article, meta: &'c FoundMeta, units: &[Unit]) -> SideJson<'c> {
    SideJson {
        origin: &article.meta.origin,
        title: meta.title.as_deref(),
        date: meta.date.map(|d| d.to_string()),
        url: meta.url.as_deref(),
        words: meta.words,
        sentences: units.iter().filter(|u| u.kind.is_content()).count(),
    }
}

/// The comparison as one pretty-printed JSON object (with a trailing newline).
pub fn render(c: &Comparison<'_>) -> String {
    let v = &c.verdict;
    let out = CompareJson {
        schema: SCHEMA,
        a: side(c.a, &c.a_meta, &c.a_units),
        b: side(c.b, &c.b_meta, &c.b_units),
        relation: v.relation.as_str(),
        template: v.template.map(|t| TemplateJson {
            sign: t.as_str(),
            detail: t.detail(),
        }),
        source: v.source.map(|s| s.as_str()),
        confidence: round(v.confidence),
        reasons: v
            .reasons
            .iter()
            .map(|r| ReasonJson {
                kind: r.kind.as_str(),
                favors: r.favors.as_str(),
                weight: round(r.weight),
                detail: &r.detail,
            })
            .collect(),
        coverage: CoverageJson {
            a: round(v.coverage_a),
            b: round(v.coverage_b),
        },
        similarity: round(v.similarity),
        verbatim_share: round(v.verbatim_share),
        alignments: c
            .groups
            .iter()
            .map(|g| AlignmentJson {
                kind: g.kind.as_str(),
                score: round(g.score),
                a: g.a.iter().map(|&i| span(c.a, c.a_units[i].span)).collect(),
                b: g.b.iter().map(|&j| span(c.b, c.b_units[j].span)).collect(),
            })
            .collect(),
        changes: c
            .changes
            .iter()
            .map(|ch| ChangeJson {
                kind: ch.kind.as_str(),
                a: ch.a.map(|s| span(c.a, s)),
                b: ch.b.map(|s| span(c.b, s)),
                speaker: ch.speaker.as_deref(),
                detail: &ch.detail,
                weight: round(ch.weight),
            })
            .collect(),
    };
    let mut s =
        serde_json::to_string_pretty(&out).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    s.push('\n');
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_rounded_to_three_decimals() {
        assert_eq!(round(0.71349), 0.713);
        assert_eq!(round(2.0 / 3.0), 0.667);
    }

    #[test]
    fn spans_carry_their_text() {
        let article = Article::new("a", "Rain fell.");
        let s = serde_json::to_string(&span(&article, Span::new(5, 9))).unwrap_or_default();
        assert_eq!(s, r#"{"start":5,"end":9,"text":"fell"}"#);
    }
}
