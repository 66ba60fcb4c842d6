//! `eval corpus DIR`: scan a generated corpus (DIR/corpus.jsonl) and score the result
//! against its ground truth (DIR/truth.jsonl): pair precision, recall of the planted
//! pairs by kind, family ARI, how often each family's original is found, and how often
//! a found pair's direction is right. `--predictions` lists every planted pair with what
//! the scan found for it, then every copy pair the scan claims that was not planted.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

use anyhow::{Context, Result, bail};
use rustc_hash::{FxHashMap, FxHashSet};
use serde_json::Value;
use unspin_core::Config;
use unspin_core::verdict::{Relation, Side};
use unspin_index::corpus;
use unspin_index::scan::{ScanConfig, scan};

use super::metrics::ratio;
use super::{Predictions, require};

struct Truth {
    id: String,
    kind: String,
    family: Option<u64>,
    source: Option<usize>,
}

pub fn run(dir: &Path, predictions: Option<&Path>, cfg: &Config, threads: usize) -> Result<String> {
    let truth_path = dir.join("truth.jsonl");
    require(&truth_path, "expected a corpus made by `unspin generate`")?;
    let corpus_path = dir.join("corpus.jsonl");
    let truth_text = std::fs::read_to_string(&truth_path)
        .with_context(|| format!("cannot read {}", truth_path.display()))?;
    let mut truth = Vec::new();
    for line in truth_text.lines() {
        let v: Value = serde_json::from_str(line)
            .with_context(|| format!("{}: invalid line", truth_path.display()))?;
        let source = v["source"]
            .as_str()
            .and_then(|s| s.trim_start_matches('d').parse().ok());
        truth.push(Truth {
            id: v["id"].as_str().unwrap_or("").to_string(),
            kind: v["kind"].as_str().unwrap_or("").to_string(),
            family: v["family"].as_u64(),
            source,
        });
    }
    if let Some((n, t)) = truth
        .iter()
        .enumerate()
        .find(|(_, t)| t.source.is_some_and(|s| s >= truth.len()))
    {
        bail!(
            "{}: line {}: the source of {:?} is not among its {} documents",
            truth_path.display(),
            n + 1,
            t.id,
            truth.len()
        );
    }
    let started = std::time::Instant::now();
    let (items, _) = corpus::read_all(
        std::slice::from_ref(&corpus_path),
        &unspin_ingest::ReadOptions::default(),
    );
    // Item k came from line n of corpus.jsonl: truth index n - 1.
    let line_of: Vec<usize> = items
        .iter()
        .map(|i| {
            i.article
                .meta
                .origin
                .rsplit(':')
                .next()
                .and_then(|n| n.parse::<usize>().ok())
                .and_then(|n| n.checked_sub(1))
                .unwrap_or(0)
        })
        .collect();
    if let Some(&n) = line_of.iter().find(|&&n| n >= truth.len()) {
        bail!(
            "{}: line {} has no matching line in {} (it has {})",
            corpus_path.display(),
            n + 1,
            truth_path.display(),
            truth.len()
        );
    }
    let result = scan(
        &items,
        cfg,
        &ScanConfig {
            threads,
            ..ScanConfig::default()
        },
    );
    let seconds = started.elapsed().as_secs_f64();

    let doc = |k: usize| line_of[k];
    let same_family =
        |x: usize, y: usize| truth[x].family.is_some() && truth[x].family == truth[y].family;
    // Copy claims are what families are built from; partial reuse is a link between
    // families and is scored apart.
    let predicted: Vec<(usize, usize)> = result
        .pairs
        .iter()
        .filter(|p| p.relation.is_copy())
        .map(|p| (doc(p.a), doc(p.b)))
        .collect();
    let partial: Vec<(usize, usize)> = result
        .pairs
        .iter()
        .filter(|p| p.relation == Relation::PartialReuse)
        .map(|p| (doc(p.a), doc(p.b)))
        .collect();
    let partial_within = partial.iter().filter(|(x, y)| same_family(*x, *y)).count();
    let correct = predicted
        .iter()
        .filter(|(x, y)| same_family(*x, *y))
        .count();
    // Every related pair by its two documents, with the source the scan names.
    let related: FxHashMap<(usize, usize), (Relation, Option<usize>)> = result
        .pairs
        .iter()
        .map(|p| {
            let (x, y) = (doc(p.a), doc(p.b));
            let source = p.source.map(|s| if s == Side::A { x } else { y });
            ((x.min(y), x.max(y)), (p.relation, source))
        })
        .collect();
    let mut lines = Predictions::create(predictions)?;
    let id = |k: usize| truth[k].id.as_str();
    let mut by_kind: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    let (mut directed, mut direction_right) = (0usize, 0usize);
    for (copy, t) in truth.iter().enumerate() {
        let Some(src) = t.source else { continue };
        let found = related.get(&(copy.min(src), copy.max(src)));
        lines.write(&serde_json::json!({
            "a": id(src), "b": id(copy), "planted": t.kind, "family": t.family,
            "relation": found.map(|(r, _)| r.as_str()),
            "source": found.and_then(|(_, s)| s.map(id)),
        }))?;
        let entry = by_kind.entry(t.kind.as_str()).or_default();
        entry.0 += 1;
        if let Some(&(_, claimed_source)) = found.filter(|(r, _)| r.is_copy()) {
            entry.1 += 1;
            if let Some(claimed_source) = claimed_source {
                directed += 1;
                direction_right += usize::from(claimed_source == src && t.kind != "exact")
                    + usize::from(t.kind == "exact");
            }
        }
    }
    for &(x, y) in &predicted {
        let key = (x.min(y), x.max(y));
        if truth[key.0].source == Some(key.1) || truth[key.1].source == Some(key.0) {
            continue;
        }
        let Some(&(relation, source)) = related.get(&key) else {
            continue;
        };
        lines.write(&serde_json::json!({
            "a": id(x), "b": id(y), "planted": null, "same_family": same_family(x, y),
            "relation": relation.as_str(), "source": source.map(id),
        }))?;
    }
    lines.finish()?;
    // Clusters: predicted families (others alone) against planted families.
    let mut predicted_cluster: Vec<usize> = (0..truth.len()).map(|k| 1_000_000 + k).collect();
    let mut original_found = 0usize;
    for (n, f) in result.families.iter().enumerate() {
        for m in &f.members {
            predicted_cluster[doc(m.item)] = n;
        }
        let o = doc(f.original);
        original_found += usize::from(
            truth[o].kind == "original"
                && f.members
                    .iter()
                    .filter(|m| same_family(doc(m.item), o))
                    .count()
                    >= 2,
        );
    }
    let true_cluster: Vec<usize> = truth
        .iter()
        .enumerate()
        .map(|(k, t)| t.family.map_or(1_000_000 + k, |f| f as usize))
        .collect();
    let families: FxHashSet<u64> = truth.iter().filter_map(|t| t.family).collect();

    let mut out = String::new();
    let _ = writeln!(
        out,
        "generated corpus ({}): {} documents, {} planted families, scanned in {seconds:.1} s ({:.0} docs/s)",
        dir.display(),
        items.len(),
        families.len(),
        items.len() as f64 / seconds
    );
    let _ = writeln!(
        out,
        "pair precision {:.3} ({correct} of {} copy pairs — duplicate, near duplicate, rewrite — within a planted family)",
        ratio(correct, predicted.len()),
        predicted.len()
    );
    let _ = writeln!(
        out,
        "partial reuse links {} ({partial_within} within a planted family)",
        partial.len()
    );
    for (kind, (n, hit)) in &by_kind {
        let _ = writeln!(
            out,
            "recall {kind:<8} {:.3} ({hit} of {n})",
            ratio(*hit, *n)
        );
    }
    let _ = writeln!(
        out,
        "family ARI {:.3}",
        ari(&true_cluster, &predicted_cluster)
    );
    let _ = writeln!(
        out,
        "original found {:.3} ({original_found} of {} families)",
        ratio(original_found, families.len()),
        families.len()
    );
    let _ = writeln!(
        out,
        "direction right {:.3} ({direction_right} of {directed} found pairs with a source)",
        ratio(direction_right, directed)
    );
    Ok(out)
}

/// Adjusted Rand index of two clusterings (labels per item).
pub fn ari(x: &[usize], y: &[usize]) -> f64 {
    let choose2 = |n: usize| (n * n.saturating_sub(1) / 2) as f64;
    let mut cells: FxHashMap<(usize, usize), usize> = FxHashMap::default();
    let mut rows: FxHashMap<usize, usize> = FxHashMap::default();
    let mut cols: FxHashMap<usize, usize> = FxHashMap::default();
    for (&a, &b) in x.iter().zip(y) {
        *cells.entry((a, b)).or_default() += 1;
        *rows.entry(a).or_default() += 1;
        *cols.entry(b).or_default() += 1;
    }
    let index: f64 = cells.values().map(|&n| choose2(n)).sum();
    let (sum_rows, sum_cols): (f64, f64) = (
        rows.values().map(|&n| choose2(n)).sum(),
        cols.values().map(|&n| choose2(n)).sum(),
    );
    let expected = sum_rows * sum_cols / choose2(x.len()).max(1.0);
    let max = (sum_rows + sum_cols) / 2.0;
    if (max - expected).abs() < f64::EPSILON {
        1.0
    } else {
        (index - expected) / (max - expected)
    }
}

#[cfg(test)]
mod tests {
    use super::ari;

    #[test]
    fn ari_of_identical_and_unrelated_clusterings() {
        assert_eq!(ari(&[0, 0, 1, 1, 2], &[5, 5, 7, 7, 9]), 1.0);
        let v = ari(&[0, 0, 0, 1, 1, 1], &[0, 1, 2, 0, 1, 2]);
        assert!(v < 0.0 && v > -0.5, "{v}");
    }
}
