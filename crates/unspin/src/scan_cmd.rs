//! `unspin scan PATH... --out DIR`: every copy family in a corpus.
//!
//! Writes, in DIR:
//! - `families.jsonl` (schema `unspin.families/1`), one object per family:
//!   `{"schema", "family": n, "original": id, "size": n, "members": [{"id", "path",
//!   "url", "title", "source": id | null, "relation": string | null, "confidence"}],
//!   "same_story": [id], "partial_reuse": [{"id", "path", "with": member id}]}` — the
//!   original first; `url` and `title` as the record states them, or else as the text
//!   does (a plain-text article's headline line); `source` is the member it most likely copies; `same_story` lists
//!   independent articles on the same story; `partial_reuse` lists articles sharing a
//!   passage with a member (linked, not merged into the family).
//! - `pairs.jsonl` (schema `unspin.pairs/1`): every verified related pair
//!   `{"a": id, "b": id, "paths": {"a", "b"}, "relation", "source": "a" | "b" | null,
//!   "confidence", "coverage": {"a", "b"}, "top_changes": [{"kind", "detail"}]}` —
//!   changes are listed for pairs where one article derives from the other (same-story
//!   pairs have none). Files of one text share an id, so `paths` (where each article
//!   was read from; added to version 1 later, readers must not require it) tells apart
//!   the pairs of its copies, whose records may date them differently.
//!   Besides copy candidates, articles naming enough of the same rare people and places
//!   as a family member are verified, so independent reports link as `same_story`.
//! - `skipped.jsonl`: `{"origin", "reason"}` for every unreadable input.
//! - `summary.json` (schema `unspin.scan-summary/2`): `{"articles", "skipped",
//!   "boilerplate_sentences", "hub_bands", "hub_keys", "common_names", "candidates",
//!   "related_pairs", "families"}` — counts; `hub_bands` and `hub_keys` are the LSH
//!   bands and sentence keys held by more than `max_posting` articles, whose holders
//!   were paired through their first holders; `common_names` the name words at least
//!   `common_name_articles` (100) articles mention, which do not tell two template items
//!   apart (added to version 2 later; readers of version 2 must not require it). Version
//!   1 had `dropped_keys` (such sentence keys, then dropped) and no `hub_bands`.
//! - `report/index.html` → `report/family-N.html` → `report/pair-N.html`.

use std::io::Write;
use std::path::Path;

use anyhow::{Context, Result};
use serde_json::{Value, json};
use unspin_core::doc::{Depth, Doc};
use unspin_core::{Article, Config};
use unspin_index::articles::Articles;
use unspin_index::corpus::Skipped;
use unspin_index::scan::{Family, ScanConfig, ScanResult, Stage, scan_index, scan_paths};
use unspin_report::round;

use crate::args::ScanArgs;
use crate::commands::Outcome;

/// Articles per commit when a scan adds its inputs to an index.
const INDEX_BATCH: usize = 500;

pub fn run(args: &ScanArgs, cfg: &Config) -> Result<Outcome> {
    let opts = args.input.read_options();
    let threads = args
        .threads
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, usize::from));
    let scan_cfg = ScanConfig {
        threads,
        ..ScanConfig::default()
    };
    let bar = crate::progress::bar("analysing");
    let progress = |stage: Stage| match stage {
        Stage::Analysing(done, total) => {
            if let Some(total) = total {
                bar.set_length(total as u64);
            }
            bar.set_position(done as u64);
        }
        Stage::Verifying(done, total) => {
            if done <= 64 {
                bar.set_prefix("verifying");
            }
            bar.set_length(total as u64);
            bar.set_position(done as u64);
        }
    };
    match &args.index {
        Some(dir) => {
            let index = unspin_index::store::Index::open(dir)?;
            let added = crate::index_cmd::add(&index, &args.paths, &opts, INDEX_BATCH)?;
            let (result, articles) = scan_index(&index, cfg, &scan_cfg, &progress)?;
            bar.finish_and_clear();
            output(args, cfg, &articles, &result, &added.skipped)
        }
        None => {
            let (result, spill, skipped) =
                scan_paths(&args.paths, &opts, cfg, &scan_cfg, &progress)
                    .context("the scan could not keep its articles on disk")?;
            bar.finish_and_clear();
            output(args, cfg, &spill, &result, &skipped)
        }
    }
}

/// Write the scan's output files and report.
fn output<A: Articles + ?Sized>(
    args: &ScanArgs,
    cfg: &Config,
    articles: &A,
    result: &ScanResult,
    skipped: &[Skipped],
) -> Result<Outcome> {
    let out = &args.out;
    std::fs::create_dir_all(out).with_context(|| format!("cannot create {}", out.display()))?;

    let id = |k: usize| articles.id(k).to_string();
    let mut families = String::new();
    for (n, f) in result.families.iter().enumerate() {
        families.push_str(&family_json(n, f, articles)?.to_string());
        families.push('\n');
    }
    write(out, "families.jsonl", &families)?;
    let mut pairs = String::new();
    for p in &result.pairs {
        let v = json!({
            "schema": "unspin.pairs/1",
            "a": id(p.a), "b": id(p.b),
            "paths": {"a": articles.origin(p.a)?, "b": articles.origin(p.b)?},
            "relation": p.relation.as_str(),
            "source": p.source.map(|s| s.as_str()),
            "confidence": round(p.confidence),
            "coverage": {"a": round(p.coverage_a), "b": round(p.coverage_b)},
            "top_changes": p.top_changes.iter().map(|(k, d)| json!({"kind": k, "detail": d})).collect::<Vec<_>>(),
        });
        pairs.push_str(&v.to_string());
        pairs.push('\n');
    }
    write(out, "pairs.jsonl", &pairs)?;
    let skipped_lines: String = skipped
        .iter()
        .map(|s| format!("{}\n", json!({"origin": s.origin, "reason": s.reason})))
        .collect();
    write(out, "skipped.jsonl", &skipped_lines)?;
    let st = &result.stats;
    let summary = json!({
        "schema": "unspin.scan-summary/2",
        "articles": st.articles, "skipped": skipped.len(), "boilerplate_sentences": st.boilerplate_sentences,
        "hub_bands": st.hub_bands, "hub_keys": st.hub_keys, "common_names": st.common_names, "candidates": st.candidates, "related_pairs": st.verified_related,
        "families": result.families.len(),
    });
    write(out, "summary.json", &format!("{summary:#}\n"))?;
    if !args.no_report {
        crate::scan_report::write(out, articles, result, cfg)?;
    }

    let mut stderr = std::io::stderr().lock();
    writeln!(
        stderr,
        "unspin: {} articles ({} skipped), {} candidate pairs, {} related, {} families → {}",
        st.articles,
        skipped.len(),
        st.candidates,
        st.verified_related,
        result.families.len(),
        out.display()
    )?;
    Ok(if result.families.is_empty() {
        Outcome::NotFound
    } else {
        Outcome::Found
    })
}

/// An article's title and URL: as its record states them, or else as its text does (a
/// plain-text article's headline line, a "URL:" line).
pub(crate) fn title_and_url(a: &Article) -> (Option<String>, Option<String>) {
    if a.meta.title.is_some() && a.meta.url.is_some() {
        return (a.meta.title.clone(), a.meta.url.clone());
    }
    let doc = Doc::with_depth(a, Depth::Sentences);
    (
        doc.title().map(str::to_string),
        doc.url().map(str::to_string),
    )
}

fn family_json<A: Articles + ?Sized>(n: usize, f: &Family, articles: &A) -> Result<Value> {
    let id = |k: usize| articles.id(k).to_string();
    let mut members = Vec::with_capacity(f.members.len());
    for m in &f.members {
        let a = articles.get(m.item)?;
        let (title, url) = title_and_url(&a);
        members.push(json!({
            "id": id(m.item),
            "path": a.meta.origin,
            "url": url,
            "title": title,
            "source": m.source.map(id),
            "relation": m.relation.map(|r| r.as_str()),
            "confidence": round(m.confidence),
        }));
    }
    let mut partial = Vec::with_capacity(f.partial_reuse.len());
    for &(k, m) in &f.partial_reuse {
        let a = articles.get(k)?;
        partial.push(json!({"id": id(k), "path": a.meta.origin, "with": id(m)}));
    }
    Ok(json!({
        "schema": "unspin.families/1",
        "family": n,
        "original": id(f.original),
        "size": f.members.len(),
        "members": members,
        "same_story": f.same_story.iter().map(|&k| id(k)).collect::<Vec<_>>(),
        "partial_reuse": partial,
    }))
}

fn write(dir: &Path, name: &str, text: &str) -> Result<()> {
    let path = dir.join(name);
    std::fs::write(&path, text).with_context(|| format!("cannot write {}", path.display()))
}
