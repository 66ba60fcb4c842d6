//! The HTML report: one self-contained page (inline CSS, no scripts, no network) that
//! shows the verdict, the ranked changes, and the two articles side by side with
//! aligned sentences on the same row and the words that differ highlighted. Every
//! change links to its place on both sides (`#c{n}-a`, `#c{n}-b`).
//!
//! Everything taken from the articles is escaped: the report shows scraped text.
//!
//! [`trace()`] renders `unspin trace` the same way: the article beside the source
//! passages its sentences came from.

use std::fmt::Write;

mod trace;
pub use trace::trace;

use unspin_core::compare::{ChangeOut, Comparison, Unit};
use unspin_core::diff::WordEdit;
use unspin_core::{Article, Span};

use crate::text::quote_edits;

/// A highlighted interval inside one side's text.
struct Mark {
    span: Span,
    class: String,
    /// Anchor placed at the interval's start.
    anchor: Option<String>,
}

pub fn render(c: &Comparison<'_>) -> String {
    let v = &c.verdict;
    let title = format!("unspin: {} vs {}", c.a.meta.origin, c.b.meta.origin);
    let mut h = page_start(&title, c.a.text.len() + c.b.text.len());
    let _ = write!(
        h,
        "<p class=\"verdict\" id=\"verdict\"><span class=\"relation rel-{0}\">{0}</span> ",
        v.relation.as_str()
    );
    match v.source {
        Some(s) => {
            let origin = if s == unspin_core::verdict::Side::A {
                &c.a.meta.origin
            } else {
                &c.b.meta.origin
            };
            let _ = write!(
                h,
                "source: <b>{}</b> ({}), confidence {:.2}",
                s.as_str(),
                esc(origin),
                v.confidence
            );
        }
        None => h.push_str("no source determined"),
    }
    let _ = write!(
        h,
        " · coverage a {:.0}%, b {:.0}%</p>",
        100.0 * v.coverage_a,
        100.0 * v.coverage_b
    );
    if !v.reasons.is_empty() || v.template.is_some() {
        h.push_str("<ul class=\"reasons\">");
        if let Some(t) = v.template {
            let _ = write!(
                h,
                "<li>two items on one template: {} <small>({})</small></li>",
                esc(t.detail()),
                t.as_str()
            );
        }
        for r in &v.reasons {
            let _ = write!(
                h,
                "<li>{} <small>({}, for {})</small></li>",
                esc(&r.detail),
                r.kind.as_str(),
                r.favors.as_str()
            );
        }
        h.push_str("</ul>");
    }
    h.push_str("</header>\n");

    // Ranked change list.
    let _ = write!(
        h,
        "<section class=\"changes\"><h2>Changes ({})</h2>",
        c.changes.len()
    );
    change_list(&mut h, &c.changes, (&c.a.text, &c.b.text), |n, ch| {
        let mut links = Vec::new();
        if ch.a.is_some() {
            links.push((format!("c{n}-a"), "in a"));
        }
        if ch.b.is_some() {
            links.push((format!("c{n}-b"), "in b"));
        }
        (Some(format!("c{n}")), links)
    });
    h.push_str("</section>\n");

    // Side by side.
    let (mut marks_a, mut marks_b) = (Vec::new(), Vec::new());
    for g in &c.groups {
        marks_a.extend(g.a_changed.iter().map(|&span| Mark {
            span,
            class: "diff".into(),
            anchor: None,
        }));
        marks_b.extend(g.b_changed.iter().map(|&span| Mark {
            span,
            class: "diff".into(),
            anchor: None,
        }));
    }
    for (n, ch) in c.changes.iter().enumerate() {
        if let Some(span) = ch.a {
            marks_a.push(Mark {
                span,
                class: format!("chg k-{}", ch.kind.as_str()),
                anchor: Some(format!("c{n}-a")),
            });
        }
        if let Some(span) = ch.b {
            marks_b.push(Mark {
                span,
                class: format!("chg k-{}", ch.kind.as_str()),
                anchor: Some(format!("c{n}-b")),
            });
        }
    }
    h.push_str("<section class=\"sides\"><h2>Side by side</h2><table><thead><tr><th>a: ");
    h.push_str(&esc(&c.a.meta.origin));
    h.push_str("</th><th>b: ");
    h.push_str(&esc(&c.b.meta.origin));
    h.push_str("</th></tr></thead><tbody>\n");
    for row in rows(c) {
        let class = match (row.a.is_empty(), row.b.is_empty()) {
            _ if row.kind == APART => APART,
            (true, false) => "only-b",
            (false, true) => "only-a",
            _ => row.kind,
        };
        let _ = write!(h, "<tr class=\"{class}\"><td>");
        cell(&mut h, c.a, &c.a_units, &row.a, &marks_a);
        h.push_str("</td><td>");
        cell(&mut h, c.b, &c.b_units, &row.b, &marks_b);
        h.push_str("</td></tr>\n");
    }
    h.push_str("</tbody></table></section>\n");
    h.push_str("<footer>Made by unspin. <span class=\"legend\"><mark class=\"diff\">changed words</mark> <span class=\"chg k-claim_added\">added claim</span> <span class=\"chg k-claim_omitted\">omitted</span> <span class=\"chg k-quote_altered\">quote</span> <span class=\"chg k-number_changed\">fact changed</span></span></footer>\n</body>\n</html>\n");
    h
}

struct Row {
    a: Vec<usize>,
    b: Vec<usize>,
    kind: &'static str,
}

/// The row of units that are not running text (a byline, a wire's sign-off), which
/// neither aligns nor counts: set side by side when both articles have one of a kind,
/// and never coloured as added or left out.
const APART: &str = "apart";

/// Rows in b's order; a's unaligned sentences slot in before the first row that holds a
/// later sentence of a.
fn rows(c: &Comparison<'_>) -> Vec<Row> {
    let mut group_of_b = vec![None; c.b_units.len()];
    let mut aligned_a = vec![false; c.a_units.len()];
    for (gi, g) in c.groups.iter().enumerate() {
        for &j in &g.b {
            group_of_b[j] = Some(gi);
        }
        for &i in &g.a {
            aligned_a[i] = true;
        }
    }
    let mut emitted = vec![false; c.groups.len()];
    let mut rows: Vec<Row> = Vec::new();
    for (j, group) in group_of_b.iter().enumerate() {
        match *group {
            Some(gi) if !emitted[gi] => {
                emitted[gi] = true;
                let g = &c.groups[gi];
                rows.push(Row {
                    a: g.a.clone(),
                    b: g.b.clone(),
                    kind: g.kind.as_str(),
                });
            }
            Some(_) => {}
            None => rows.push(Row {
                a: Vec::new(),
                b: vec![j],
                kind: if c.b_units[j].kind.is_content() {
                    "only-b"
                } else {
                    APART
                },
            }),
        }
    }
    for i in (0..c.a_units.len()).filter(|&i| !aligned_a[i]) {
        let kind = c.a_units[i].kind;
        if !kind.is_content() {
            // Beside b's unit of the same kind, when b has one still alone.
            let beside = rows.iter_mut().find(|r| {
                r.kind == APART && r.a.is_empty() && r.b.iter().all(|&j| c.b_units[j].kind == kind)
            });
            if let Some(row) = beside {
                row.a.push(i);
                continue;
            }
        }
        let at = rows
            .iter()
            .position(|r| r.a.first().is_some_and(|&first| first > i))
            .unwrap_or(rows.len());
        rows.insert(
            at,
            Row {
                a: vec![i],
                b: Vec::new(),
                kind: if kind.is_content() { "only-a" } else { APART },
            },
        );
    }
    rows
}

fn cell(h: &mut String, article: &Article, units: &[Unit], idx: &[usize], marks: &[Mark]) {
    for &i in idx {
        let Some(u) = units.get(i) else { continue };
        let _ = write!(h, "<p class=\"u-{}\">", u.kind.as_str());
        highlighted(h, &article.text, u.span, marks);
        h.push_str("</p>");
    }
}

/// The text of `span` with every overlapping mark applied, splitting at mark edges.
fn highlighted(h: &mut String, text: &str, span: Span, marks: &[Mark]) {
    let inside: Vec<&Mark> = marks
        .iter()
        .filter(|m| m.span.start < span.end && span.start < m.span.end.max(m.span.start + 1))
        .collect();
    let mut cuts: Vec<usize> = vec![span.start, span.end];
    for m in &inside {
        cuts.push(m.span.start.clamp(span.start, span.end));
        cuts.push(m.span.end.clamp(span.start, span.end));
    }
    cuts.sort_unstable();
    cuts.dedup();
    for w in cuts.windows(2) {
        let (from, to) = (w[0], w[1]);
        for m in &inside {
            let starts_here =
                m.span.start == from || (from == span.start && m.span.start < span.start);
            if starts_here && let Some(anchor) = &m.anchor {
                let _ = write!(h, "<a class=\"anchor\" id=\"{}\"></a>", esc(anchor));
            }
        }
        let classes: Vec<&str> = inside
            .iter()
            .filter(|m| m.span.start <= from && to <= m.span.end)
            .map(|m| m.class.as_str())
            .collect();
        let piece = esc(text.get(from..to).unwrap_or(""));
        if classes.is_empty() {
            h.push_str(&piece);
        } else {
            let _ = write!(h, "<span class=\"{}\">{piece}</span>", classes.join(" "));
        }
    }
}

/// The ranked changes as a list, or "No changes."; `ids_and_links` gives change `n` its
/// own id, if any, and the anchors it links to with their labels.
/// (`src_text` and `copy_text`: the texts the changes' `a` and `b` spans lie in.)
fn change_list(
    h: &mut String,
    changes: &[ChangeOut],
    (src_text, copy_text): (&str, &str),
    mut ids_and_links: impl FnMut(usize, &ChangeOut) -> (Option<String>, Vec<(String, &'static str)>),
) {
    if changes.is_empty() {
        h.push_str("<p>No changes.</p>");
        return;
    }
    h.push_str("<ol>");
    for (n, ch) in changes.iter().enumerate() {
        let (id, links) = ids_and_links(n, ch);
        let _ = write!(h, "<li class=\"k-{}\"", ch.kind.as_str());
        if let Some(id) = id {
            let _ = write!(h, " id=\"{}\"", esc(&id));
        }
        let _ = write!(h, "><span class=\"kind\">{}</span>", ch.kind.as_str());
        if let Some(s) = &ch.speaker {
            let _ = write!(h, " <span class=\"speaker\">{}</span>", esc(s));
        }
        // An altered quote shows its words struck and inserted where few changed.
        match quote_edits(ch, src_text, copy_text) {
            Some(edits) => {
                h.push_str(" <span class=\"detail\">now quoted as \u{201C}");
                edits_html(h, &edits);
                h.push_str("\u{201D}</span>");
            }
            None => {
                let _ = write!(h, " <span class=\"detail\">{}</span>", esc(&ch.detail));
            }
        }
        for (anchor, label) in links {
            let _ = write!(h, " <a href=\"#{}\">{label}</a>", esc(&anchor));
        }
        h.push_str("</li>");
    }
    h.push_str("</ol>");
}

/// Word edits as text with the removed words struck (`<del>`) and the added ones
/// inserted (`<ins>`).
fn edits_html(h: &mut String, edits: &[WordEdit]) {
    for (k, e) in edits.iter().enumerate() {
        let glued = matches!(e, WordEdit::Added(_))
            && k > 0
            && matches!(edits[k - 1], WordEdit::Removed(_));
        if k > 0 && !glued {
            h.push(' ');
        }
        let _ = match e {
            WordEdit::Same(w) => write!(h, "{}", esc(w)),
            WordEdit::Removed(w) => write!(h, "<del>{}</del>", esc(w)),
            WordEdit::Added(w) => write!(h, "<ins>{}</ins>", esc(w)),
        };
    }
}

/// The page up to and including the `<h1>` of the header (left open).
fn page_start(title: &str, text_len: usize) -> String {
    let mut h = String::with_capacity(text_len * 3 + 8192);
    let _ = write!(
        h,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{0}</title>\n<style>{CSS}</style>\n</head>\n<body>\n<header><h1>{0}</h1>",
        esc(title),
    );
    h
}

/// Text made safe for HTML content and attribute values.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

const CSS: &str = r#"
body{font:15px/1.5 Georgia,"Times New Roman",serif;margin:0;color:#1d1d1d;background:#fbfaf7}
header,section,footer{max-width:1400px;margin:0 auto;padding:0 1.5rem}
h1{font-size:1.2rem;font-family:system-ui,sans-serif;margin:1rem 0 .3rem}
h2{font:600 1rem system-ui,sans-serif;margin:1.2rem 0 .4rem}
.verdict{font-family:system-ui,sans-serif;margin:.2rem 0}
.relation{font-weight:700;padding:.1rem .5rem;border-radius:3px;background:#ddd}
.rel-rewrite,.rel-near_duplicate,.rel-duplicate{background:#f6c7b6}.rel-partial_reuse{background:#f8e0a8}.rel-same_story{background:#cfe3f5}
.reasons{font:13px system-ui,sans-serif;color:#444;margin:.2rem 0}
.changes ol{font:14px system-ui,sans-serif;padding-left:2rem}
.changes li{margin:.25rem 0}.changes .kind{font-weight:600}.changes .speaker{font-style:italic}
.changes li:target{background:#fff3b0}
table{border-collapse:collapse;width:100%;table-layout:fixed}
th{font:600 13px system-ui,sans-serif;text-align:left;padding:.4rem;border-bottom:2px solid #999;position:sticky;top:0;background:#fbfaf7}
td{vertical-align:top;padding:.35rem .6rem;border-bottom:1px solid #e2dfd8;width:50%}
td p{margin:.15rem 0}
tr.only-a td:first-child{background:#f3efe6}tr.only-b td:last-child{background:#fdebea}
tr.identical td{color:#555}
.u-headline{font-weight:700}.u-dateline,.u-caption,.u-related,.u-url,.u-byline,.u-signoff,.u-boilerplate{color:#777;font-size:13px}
mark,.diff{background:#fff1a8}
.chg{border-bottom:2px solid #c0392b}
.k-claim_added{background:#fbd9d6}.k-claim_omitted{background:#ece7dc;border-bottom-color:#999}
.detail del{background:#fadbd8;color:#78281f}.detail ins{background:#d5f5e3;color:#145a32;text-decoration:none}
.k-quote_altered,.k-quote_added,.k-quote_removed,.k-attribution_dropped{border-bottom-color:#d68910;background:#fdebc8}
.k-number_changed,.k-date_changed,.k-name_changed,.k-negation_flipped{background:#f5b7b1;font-weight:700}
.anchor:target+span,.anchor:target{outline:3px solid #2e86c1}
footer{font:12px system-ui,sans-serif;color:#666;margin:2rem auto}
footer span{margin:0 .2rem;padding:0 .2rem}
.der-wholly{background:#f6c7b6}.der-partially{background:#f8e0a8}
.sources{font:14px system-ui,sans-serif;width:auto;table-layout:auto}.sources td{width:auto;border:0;padding:.1rem .6rem .1rem 0}
table.trace th{width:44%;overflow-wrap:anywhere}table.trace th:nth-child(2){width:12%}table.trace td.how{font:12px system-ui,sans-serif;color:#555}
.w-rewrite{background:#fff1a8}.w-new{background:#fbd9d6}
tr.t-new td:first-child{background:#fdf3f2}.same{color:#999;font-size:13px}
"#;

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, span: Span, marks: &[(usize, usize, &str, Option<&str>)], expect: &str) {
        let marks: Vec<Mark> = marks
            .iter()
            .map(|&(s, e, class, anchor)| Mark {
                span: Span::new(s, e),
                class: class.to_string(),
                anchor: anchor.map(str::to_string),
            })
            .collect();
        let mut out = String::new();
        highlighted(&mut out, text, span, &marks);
        assert_eq!(out, expect);
    }

    #[test]
    fn overlapping_marks_and_escaping() {
        check(
            "Costs <rose> 14%",
            Span::new(0, 16),
            &[
                (6, 12, "diff", None),
                (13, 16, "chg", Some("c0-b")),
                (13, 15, "diff", None),
            ],
            "Costs <span class=\"diff\">&lt;rose&gt;</span> <a class=\"anchor\" id=\"c0-b\"></a><span class=\"chg diff\">14</span><span class=\"chg\">%</span>",
        );
    }

    #[test]
    fn mark_starting_before_the_unit_anchors_at_its_start() {
        check(
            "One. Two.",
            Span::new(5, 9),
            &[(0, 9, "chg", Some("c1-a"))],
            "<a class=\"anchor\" id=\"c1-a\"></a><span class=\"chg\">Two.</span>",
        );
    }
}
