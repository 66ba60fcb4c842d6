//! `unspin scan PATH... --out DIR`: every copy family in a corpus.
//!
//! Writes, in DIR:
//! - `families.jsonl` (schema `unspin.families/1`), one object per family:
//!   `{"schema", "family": n, "original": id, "size": n, "members": [{"id", "path",
//!   "url", "title", "source": id | null, "relation": string | null, "confidence"}],
//!   "same_story": [id], "partial_reuse": [{"id", "path", "with": member id}]}` — the
//!   original first; `source` is the member it most likely copies; `same_story` lists
//!   independent articles on the same story; `partial_reuse` lists articles sharing a
//!   passage with a member (linked, not merged into the family).
//! - `pairs.jsonl` (schema `unspin.pairs/1`): every verified related pair
//!   `{"a": id, "b": id, "relation", "source": "a" | "b" | null, "confidence",
//!   "coverage": {"a", "b"}, "top_changes": [{"kind", "detail"}]}`.
//! - `skipped.jsonl`: `{"origin", "reason"}` for every unreadable input.
//! - `summary.json`: counts (articles, skipped, boilerplate sentences, candidates, …).
//! - `report/index.html` → `report/family-N.html` → `report/pair-N.html`.

use std::io::Write;
use std::path::Path;

use anyhow::{Context, Result};
use serde_json::{Value, json};
use unspin_core::Config;
use unspin_index::corpus::{self, Item};
use unspin_index::scan::{Family, ScanConfig, Stage, scan_with_progress};
use unspin_report::round;

use crate::args::ScanArgs;
use crate::commands::Outcome;

/// Articles per commit when a scan adds its inputs to an index.
const INDEX_BATCH: usize = 500;

pub fn run(args: &ScanArgs, cfg: &Config) -> Result<Outcome> {
    let opts = args.input.read_options();
    let (items, skipped) = match &args.index {
        Some(dir) => {
            let index = unspin_index::store::Index::open(dir)?;
            let added = crate::index_cmd::add(&index, &args.paths, &opts, INDEX_BATCH)?;
            (index.items()?, added.skipped)
        }
        None => corpus::read_all(&args.paths, &opts),
    };
    let threads = args
        .threads
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, usize::from));
    let bar = crate::progress::bar("analysing");
    let result = scan_with_progress(
        &items,
        cfg,
        &ScanConfig {
            threads,
            ..ScanConfig::default()
        },
        &|stage| match stage {
            Stage::Analysing(done, total) => {
                bar.set_length(total as u64);
                bar.set_position(done as u64);
            }
            Stage::Verifying(done, total) => {
                if done <= 64 {
                    bar.set_prefix("verifying");
                }
                bar.set_length(total as u64);
                bar.set_position(done as u64);
            }
        },
    );
    bar.finish_and_clear();
    let out = &args.out;
    std::fs::create_dir_all(out).with_context(|| format!("cannot create {}", out.display()))?;

    let id = |k: usize| items[k].id.to_string();
    let mut families = String::new();
    for (n, f) in result.families.iter().enumerate() {
        families.push_str(&family_json(n, f, &items).to_string());
        families.push('\n');
    }
    write(out, "families.jsonl", &families)?;
    let mut pairs = String::new();
    for p in &result.pairs {
        let v = json!({
            "schema": "unspin.pairs/1",
            "a": id(p.a), "b": id(p.b),
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
        "schema": "unspin.scan-summary/1",
        "articles": st.articles, "skipped": skipped.len(), "boilerplate_sentences": st.boilerplate_sentences,
        "dropped_keys": st.dropped_keys, "candidates": st.candidates, "related_pairs": st.verified_related,
        "families": result.families.len(),
    });
    write(out, "summary.json", &format!("{summary:#}\n"))?;
    if !args.no_report {
        crate::scan_report::write(out, &items, &result, cfg)?;
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

fn family_json(n: usize, f: &Family, items: &[Item]) -> Value {
    let id = |k: usize| items[k].id.to_string();
    json!({
        "schema": "unspin.families/1",
        "family": n,
        "original": id(f.original),
        "size": f.members.len(),
        "members": f.members.iter().map(|m| {
            let a = &items[m.item].article;
            json!({
                "id": id(m.item),
                "path": a.meta.origin,
                "url": a.meta.url,
                "title": a.meta.title,
                "source": m.source.map(id),
                "relation": m.relation.map(|r| r.as_str()),
                "confidence": round(m.confidence),
            })
        }).collect::<Vec<_>>(),
        "same_story": f.same_story.iter().map(|&k| id(k)).collect::<Vec<_>>(),
        "partial_reuse": f.partial_reuse.iter().map(|&(k, m)| json!({"id": id(k), "path": items[k].article.meta.origin, "with": id(m)})).collect::<Vec<_>>(),
    })
}

fn write(dir: &Path, name: &str, text: &str) -> Result<()> {
    let path = dir.join(name);
    std::fs::write(&path, text).with_context(|| format!("cannot write {}", path.display()))
}
