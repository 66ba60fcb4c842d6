//! The `unspin trace` page: which sources the article drew on and how much, the
//! changes it made to each, and the article sentence by sentence beside the source
//! passage each sentence came from, its words marked verbatim (plain), rewritten or new.
//! Every change links to its place in the article (`#s{k}c{n}`), every unsupported
//! sentence to its row (`#u{unit}`).

use std::fmt::Write;

use unspin_core::text::UnitKind;
use unspin_core::trace::{Trace, TraceKind, TracedSentence};

use super::{Mark, change_list, esc, highlighted, page_start};

pub fn trace(t: &Trace<'_>) -> String {
    let title = format!("unspin trace: {}", t.article.meta.origin);
    let sources_len: usize = t.sources.iter().map(|s| s.article.text.len()).sum();
    let mut h = page_start(&title, t.article.text.len() + sources_len);
    let _ = write!(
        h,
        "<p class=\"verdict\" id=\"verdict\"><span class=\"relation der-{0}\">{0}</span> derived: {1:.0}% of its words derive from the sources, {2:.0}% verbatim; {3:.0}% lie in runs shared with them; {4}</p>",
        t.derivation.as_str(),
        100.0 * t.derived_share,
        100.0 * t.verbatim_share,
        100.0 * t.tiled_share,
        crate::trace::own_sentences(t),
    );
    h.push_str("<table class=\"sources\"><tbody>");
    for (k, s) in t.sources.iter().enumerate() {
        let changes = crate::count(s.changes.len(), "change");
        let changes = if s.changes.is_empty() {
            changes
        } else {
            format!("<a href=\"#s{k}\">{changes}</a>")
        };
        let _ = write!(
            h,
            "<tr><td>source {k}</td><td><b>{}</b></td><td>{:.0}% of the article</td><td>{changes}</td></tr>",
            esc(&s.article.meta.origin),
            100.0 * s.share,
        );
    }
    h.push_str("</tbody></table></header>\n");

    // Changes, per source that has any, each linked to the article; the sources without
    // any in one line (a story's wire file may come with a dozen takes).
    let mut marks = words(t);
    let unchanged: Vec<String> = (0..t.sources.len())
        .filter(|&k| t.sources[k].changes.is_empty())
        .map(|k| k.to_string())
        .collect();
    if !unchanged.is_empty() {
        let noun = if unchanged.len() == 1 {
            "source"
        } else {
            "sources"
        };
        let _ = writeln!(
            h,
            "<section class=\"unchanged\"><p>No changes to {noun} {}.</p></section>",
            unchanged.join(", ")
        );
    }
    for (k, s) in t.sources.iter().enumerate() {
        if s.changes.is_empty() {
            continue;
        }
        let _ = write!(
            h,
            "<section class=\"changes\" id=\"s{k}\"><h2>Changes to source {k}: {} ({})</h2>",
            esc(&s.article.meta.origin),
            s.changes.len()
        );
        change_list(
            &mut h,
            &s.changes,
            (&s.article.text, &t.article.text),
            |n, ch| {
                let links = match ch.b {
                    Some(span) => {
                        marks.push(Mark {
                            span,
                            class: format!("chg k-{}", ch.kind.as_str()),
                            anchor: Some(format!("s{k}c{n}")),
                        });
                        vec![(format!("s{k}c{n}"), "in the article")]
                    }
                    None => Vec::new(),
                };
                (None, links)
            },
        );
        h.push_str("</section>\n");
    }
    let _ = write!(
        h,
        "<section class=\"changes\"><h2>Sentences no source supports ({})</h2>",
        t.new_claims.len()
    );
    if !t.new_claims.is_empty() {
        h.push_str("<ol>");
        for c in &t.new_claims {
            let unit = c.b.and_then(|b| t.units.iter().position(|u| u.span == b));
            let text = c.b.map_or("", |b| b.slice(&t.article.text));
            match unit {
                Some(u) => {
                    let _ = write!(h, "<li><a href=\"#u{u}\">{}</a></li>", esc(text));
                }
                None => {
                    let _ = write!(h, "<li>{}</li>", esc(text));
                }
            }
        }
        h.push_str("</ol>");
    }
    h.push_str("</section>\n");

    // The article beside its sources.
    h.push_str("<section class=\"sides\"><h2>Sentence by sentence</h2><table class=\"trace\"><thead><tr><th>article: ");
    h.push_str(&esc(&t.article.meta.origin));
    h.push_str("</th><th>from</th><th>source passage</th></tr></thead><tbody>\n");
    let mut traced: Vec<Option<&TracedSentence>> = vec![None; t.units.len()];
    for s in &t.sentences {
        if let Some(slot) = traced.get_mut(s.unit) {
            *slot = Some(s);
        }
    }
    // What each source lost or had changed, marked in its passages.
    let source_marks: Vec<Vec<Mark>> = t
        .sources
        .iter()
        .map(|source| {
            source
                .changes
                .iter()
                .filter_map(|c| {
                    c.a.map(|span| Mark {
                        span,
                        class: format!("chg k-{}", c.kind.as_str()),
                        anchor: None,
                    })
                })
                .collect()
        })
        .collect();
    let mut previous: Option<(usize, &[usize])> = None;
    for (u, unit) in t.units.iter().enumerate() {
        let Some(s) = traced[u] else {
            let _ = write!(
                h,
                "<tr class=\"u-{0}\"><td><p class=\"u-{0}\">",
                unit.kind.as_str()
            );
            highlighted(&mut h, &t.article.text, unit.span, &[]);
            let how = if unit.kind == UnitKind::Body {
                ""
            } else {
                unit.kind.as_str()
            };
            let _ = writeln!(h, "</p></td><td class=\"how\">{how}</td><td></td></tr>");
            continue;
        };
        let _ = write!(h, "<tr class=\"t-{}\" id=\"u{u}\"><td><p>", s.kind.as_str());
        highlighted(&mut h, &t.article.text, unit.span, &marks);
        h.push_str("</p></td><td class=\"how\">");
        h.push_str(s.kind.as_str());
        let Some(k) = s.source else {
            h.push_str("</td><td></td></tr>\n");
            continue;
        };
        let source = &t.sources[k];
        let _ = write!(h, "<br>source {k}<br>score {:.2}</td><td>", s.score);
        let here = Some((k, s.source_units.as_slice()));
        if previous == here {
            h.push_str("<p class=\"same\">(the passage above)</p>");
        } else {
            for &i in &s.source_units {
                let Some(su) = source.units.get(i) else {
                    continue;
                };
                h.push_str("<p>");
                highlighted(&mut h, &source.article.text, su.span, &source_marks[k]);
                h.push_str("</p>");
            }
        }
        previous = here;
        h.push_str("</td></tr>\n");
    }
    h.push_str("</tbody></table></section>\n");
    h.push_str("<footer>Made by unspin. <span class=\"legend\">verbatim words plain, <span class=\"w-rewrite\">rewritten</span> <span class=\"w-new\">new</span> <span class=\"chg k-quote_altered\">quote</span> <span class=\"chg k-number_changed\">fact changed</span></span></footer>\n</body>\n</html>\n");
    h
}

/// Rewritten and new words as marks, a run of one kind in one sentence per mark so the
/// spaces between its words are marked too.
fn words(t: &Trace<'_>) -> Vec<Mark> {
    t.sentences
        .iter()
        .flat_map(|s| t.runs(s))
        .filter(|(kind, _)| *kind != TraceKind::Verbatim)
        .map(|(kind, span)| Mark {
            span,
            class: format!("w-{}", kind.as_str()),
            anchor: None,
        })
        .collect()
}
