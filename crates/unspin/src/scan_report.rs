//! The static HTML report of a scan: families index → family tree → pair pages.

use std::fmt::Write as _;
use std::path::Path;

use anyhow::{Context, Result};
use unspin_core::Config;
use unspin_index::articles::Articles;
use unspin_index::scan::{Family, ScanContext, ScanResult};
use unspin_report::html::esc;

pub fn write<A: Articles + ?Sized>(
    out: &Path,
    articles: &A,
    result: &ScanResult,
    cfg: &Config,
) -> Result<()> {
    let dir = out.join("report");
    std::fs::create_dir_all(&dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let label = |k: usize| -> Result<String> {
        let a = articles.get(k)?;
        let title = crate::scan_cmd::title_and_url(&a).0.unwrap_or_default();
        Ok(if title.is_empty() {
            a.meta.origin.clone()
        } else {
            format!("{title} ({})", a.meta.origin)
        })
    };
    let mut index = page_head("unspin scan: copy families");
    let _ = write!(
        index,
        "<h1>Copy families</h1><p>{} articles, {} families.</p><table><tr><th>family</th><th>size</th><th>original</th><th>worst changes</th></tr>",
        articles.len(),
        result.families.len()
    );
    let mut pages = PairPages {
        articles,
        label: &label,
        dir: &dir,
        cfg,
        context: &result.context,
        written: 0,
    };
    // Each family's derived pairs, found in one pass over the pairs.
    let family_of: std::collections::HashMap<usize, usize> = result
        .families
        .iter()
        .enumerate()
        .flat_map(|(n, f)| f.members.iter().map(move |m| (m.item, n)))
        .collect();
    let mut derived: Vec<Vec<&unspin_index::scan::Pair>> = vec![Vec::new(); result.families.len()];
    for p in result.pairs.iter().filter(|p| p.relation.is_derived()) {
        if let Some(&n) = family_of.get(&p.a) {
            derived[n].push(p);
        }
    }
    for (n, f) in result.families.iter().enumerate() {
        let worst = worst_changes(derived[n].iter().map(|p| {
            let mut top: Vec<&str> = p.top_changes.iter().take(2).map(|(k, _)| *k).collect();
            top.dedup();
            top
        }));
        let _ = write!(
            index,
            "<tr><td><a href=\"family-{n}.html\">{n}</a></td><td>{}</td><td>{}</td><td>{}</td></tr>",
            f.members.len(),
            esc(&label(f.original)?),
            esc(&worst)
        );
        let mut page = page_head(&format!("family {n}"));
        let _ = write!(
            page,
            "<p><a href=\"index.html\">all families</a></p><h1>Family {n}</h1><p>Original: <b>{}</b></p>",
            esc(&label(f.original)?)
        );
        page.push_str(&pages.tree(f, f.original)?);
        if !f.same_story.is_empty() {
            page.push_str("<h2>Same story, written independently</h2><ul>");
            for &k in &f.same_story {
                let _ = write!(page, "<li>{}</li>", esc(&label(k)?));
            }
            page.push_str("</ul>");
        }
        page.push_str("</body></html>\n");
        std::fs::write(dir.join(format!("family-{n}.html")), page)
            .context("cannot write the family page")?;
    }
    index.push_str("</table></body></html>\n");
    std::fs::write(dir.join("index.html"), index).context("cannot write the report index")
}

/// What a family tree's pair pages need: each pair is compared as the scan compared it
/// (its boilerplate left out, its common names known), so a page states the relation the
/// family shows.
struct PairPages<'p, A: ?Sized> {
    articles: &'p A,
    label: &'p dyn Fn(usize) -> Result<String>,
    dir: &'p Path,
    cfg: &'p Config,
    context: &'p ScanContext,
    /// Pair pages written so far (the next page's number).
    written: usize,
}

impl<A: Articles + ?Sized> PairPages<'_, A> {
    /// The family as a nested list from `root`, writing a pair page for every edge.
    fn tree(&mut self, f: &Family, root: usize) -> Result<String> {
        let mut html = format!("<ul><li>{}", esc(&(self.label)(root)?));
        for m in f.members.iter().filter(|m| m.source == Some(root)) {
            let n = self.written;
            self.written += 1;
            // In the scan's order: which article is `a` can tip a borderline verdict.
            let (first, second) = (root.min(m.item), root.max(m.item));
            let (a, b) = (self.articles.get(first)?, self.articles.get(second)?);
            let cmp = self.context.compare(&a, &b, self.cfg);
            std::fs::write(
                self.dir.join(format!("pair-{n}.html")),
                unspin_report::html::render(&cmp),
            )
            .context("cannot write a pair page")?;
            let relation = m.relation.map_or("", |r| r.as_str());
            let _ = write!(
                html,
                "<ul><li><a href=\"pair-{n}.html\">{relation}</a> (confidence {:.2}, {})</li></ul>",
                m.confidence,
                unspin_report::count(cmp.changes.len(), "change")
            );
            html.push_str(&self.tree(f, m.item)?);
        }
        html.push_str("</li></ul>");
        Ok(html)
    }
}

fn page_head(title: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>{}</title><style>body{{font:15px/1.5 system-ui,sans-serif;max-width:1100px;margin:1rem auto;padding:0 1rem}}table{{border-collapse:collapse}}td,th{{border-bottom:1px solid #ddd;padding:.3rem .6rem;text-align:left}}</style></head><body>",
        esc(title)
    )
}

/// A family's worst changes for the index: each kind its derived pairs (its copies and
/// the passages reused from it) rank among their top two, with how many pairs do so when
/// more than one, the commonest first (ties in
/// the order they come), at most four kinds ("claim_added ×3, number_changed").
fn worst_changes<'k>(pairs: impl Iterator<Item = Vec<&'k str>>) -> String {
    let mut kinds: Vec<(&str, usize)> = Vec::new();
    for kind in pairs.flatten() {
        match kinds.iter_mut().find(|(k, _)| *k == kind) {
            Some((_, n)) => *n += 1,
            None => kinds.push((kind, 1)),
        }
    }
    kinds.sort_by_key(|&(_, n)| std::cmp::Reverse(n));
    kinds
        .iter()
        .take(4)
        .map(|&(k, n)| {
            if n > 1 {
                format!("{k} ×{n}")
            } else {
                k.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    #[test]
    fn worst_changes_count_the_pairs_showing_each_kind() {
        let pairs = [
            vec!["attribution_dropped", "claim_added"],
            vec!["claim_added"],
            vec!["number_changed", "claim_added"],
        ];
        assert_eq!(
            super::worst_changes(pairs.into_iter()),
            "claim_added ×3, attribution_dropped, number_changed"
        );
        assert_eq!(super::worst_changes(std::iter::empty()), "");
    }
}
