//! `unspin index add|check` and `unspin match`: the on-disk index.

use std::io::Write;

use anyhow::{Context, Result};
use serde_json::json;
use unspin_core::doc::Doc;
use unspin_core::verdict::{Relation, Side};
use unspin_core::{Config, compare};
use unspin_index::corpus::{self, Item};
use unspin_index::fingerprint::fingerprint;
use unspin_index::scan::ScanConfig;
use unspin_index::store::Index;

use crate::args::{IndexCommand, MatchArgs};
use crate::commands::Outcome;
use crate::input::read_path;

pub fn run(which: &IndexCommand) -> Result<Outcome> {
    match which {
        IndexCommand::Add(args) => {
            let index = Index::open(&args.index)?;
            let added = add(&index, &args.paths, &args.input.read_options(), args.batch)?;
            let mut stderr = std::io::stderr().lock();
            for s in &added.skipped {
                let _ = writeln!(stderr, "unspin: skipped {}: {}", s.origin, s.reason);
            }
            let (added, already, skipped) = (added.added, added.already, added.skipped.len());
            let _ = writeln!(
                stderr,
                "unspin: {added} added, {already} already indexed, {skipped} skipped; {} articles in {}",
                index.len()?,
                args.index.display()
            );
            Ok(Outcome::Found)
        }
        IndexCommand::Check(args) => {
            let index = Index::open_existing(&args.index)?;
            let n = index.check()?;
            writeln!(std::io::stdout().lock(), "{n} articles, all intact")?;
            Ok(Outcome::Found)
        }
    }
}

/// What adding inputs to an index did.
pub struct Added {
    pub added: usize,
    pub already: usize,
    /// Inputs that could not be read, with their reasons.
    pub skipped: Vec<corpus::Skipped>,
}

/// Add every article under `paths` to `index`, `batch` articles per atomic commit.
pub fn add(
    index: &Index,
    paths: &[std::path::PathBuf],
    opts: &unspin_ingest::ReadOptions,
    batch_size: usize,
) -> Result<Added> {
    let mut batch: Vec<Item> = Vec::with_capacity(batch_size);
    let mut out = Added {
        added: 0,
        already: 0,
        skipped: Vec::new(),
    };
    let mut failure: Option<anyhow::Error> = None;
    let counter = crate::progress::counter("indexing");
    corpus::read(paths, opts, &mut |r| {
        if failure.is_some() {
            return;
        }
        match r {
            Ok(item) => {
                counter.inc(1);
                batch.push(item);
                if batch.len() >= batch_size {
                    match index.add(&batch) {
                        Ok(s) => {
                            out.added += s.added;
                            out.already += s.already;
                        }
                        Err(e) => failure = Some(e.into()),
                    }
                    batch.clear();
                }
            }
            Err(s) => out.skipped.push(s),
        }
    });
    if let Some(e) = failure {
        return Err(e);
    }
    let s = index.add(&batch)?;
    counter.finish_and_clear();
    out.added += s.added;
    out.already += s.already;
    Ok(out)
}

/// `unspin match ARTICLE --index DIR`: which indexed articles this one copies or is copied by.
pub fn run_match(args: &MatchArgs, cfg: &Config) -> Result<Outcome> {
    let index = Index::open_existing(&args.index)?;
    let article = read_path(&args.article, &args.input.read_options())?;
    let doc = Doc::new(&article);
    let fp = fingerprint(&doc);
    let scan_cfg = ScanConfig::default();
    let candidates =
        index.candidates(&fp, scan_cfg.min_shared_keys, scan_cfg.min_shared_key_share)?;
    let mut out = String::new();
    let mut found = 0;
    let own_id = unspin_index::corpus::ArticleId::of(&article.text);
    for (id, _) in candidates {
        if id == own_id {
            continue; // the article itself is indexed
        }
        let Some(other) = index.article(id)? else {
            continue;
        };
        let c = compare(&other, &article, cfg);
        if c.verdict.relation == Relation::Unrelated
            || (c.verdict.relation == Relation::SameStory && !args.same_story)
        {
            continue;
        }
        found += 1;
        let direction = match c.verdict.source {
            Some(Side::A) => Some("copies"),
            Some(Side::B) => Some("copied_by"),
            None => None,
        };
        let changes: Vec<(&str, &str)> = c
            .changes
            .iter()
            .filter(|ch| ch.kind != unspin_core::changes::ChangeKind::ClaimOmitted)
            .take(5)
            .map(|ch| (ch.kind.as_str(), ch.detail.as_str()))
            .collect();
        if args.json {
            let v = json!({
                "schema": "unspin.match/1",
                "id": id.to_string(), "origin": other.meta.origin,
                "relation": c.verdict.relation.as_str(), "direction": direction,
                "confidence": unspin_report::round(c.verdict.confidence),
                "coverage": {"query": unspin_report::round(c.verdict.coverage_b), "indexed": unspin_report::round(c.verdict.coverage_a)},
                "top_changes": changes.iter().map(|(k, d)| json!({"kind": k, "detail": d})).collect::<Vec<_>>(),
            });
            out.push_str(&v.to_string());
            out.push('\n');
        } else {
            let how = match direction {
                Some("copies") => format!(
                    "this article copies it (confidence {:.2})",
                    c.verdict.confidence
                ),
                Some(_) => format!(
                    "it copies this article (confidence {:.2})",
                    c.verdict.confidence
                ),
                None => "direction unknown".to_string(),
            };
            out.push_str(&format!(
                "{}  {}  {}: {how}; {:.0}% of this article covered\n",
                c.verdict.relation.as_str(),
                id,
                other.meta.origin,
                100.0 * c.verdict.coverage_b
            ));
            for (k, d) in changes {
                out.push_str(&format!(
                    "    {k}: {}\n",
                    d.split_whitespace().collect::<Vec<_>>().join(" ")
                ));
            }
        }
    }
    std::io::stdout()
        .lock()
        .write_all(out.as_bytes())
        .context("cannot write the matches")?;
    Ok(if found > 0 {
        Outcome::Found
    } else {
        Outcome::NotFound
    })
}
