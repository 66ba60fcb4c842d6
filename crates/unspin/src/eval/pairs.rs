//! `eval pairs FILE.tsv`: a generic labelled pair list. Columns: id, a, b, label
//! (`derived` or `independent`), tab-separated, paths relative to the file, an optional
//! header line starting with `id`. Reports the detection rate (derived pairs found
//! derived), the false-positive rate (independent pairs called derived) and the AUC of
//! the comparison score (the better-covered side's coverage).

use std::path::Path;

use anyhow::{Context, Result, bail};
use serde_json::json;
use unspin_core::{Config, compare};

use super::metrics::{auc, ratio};
use super::{Predictions, require};
use crate::input::read_path;

pub fn run(file: &Path, predictions: Option<&Path>, cfg: &Config) -> Result<String> {
    require(file, "expected a TSV of id, a, b, label")?;
    let tsv =
        std::fs::read_to_string(file).with_context(|| format!("cannot read {}", file.display()))?;
    let base = file.parent().unwrap_or(Path::new("."));
    let opts = unspin_ingest::ReadOptions::default();
    let mut out = Predictions::create(predictions)?;
    let (mut derived, mut found, mut independent, mut false_pos) = (0usize, 0usize, 0usize, 0usize);
    let mut scored = Vec::new();
    for (n, line) in tsv.lines().enumerate() {
        if line.trim().is_empty() || (n == 0 && line.starts_with("id\t")) {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        let [id, a, b, label] = cols[..] else {
            bail!(
                "{}:{}: expected 4 tab-separated columns (id, a, b, label)",
                file.display(),
                n + 1
            );
        };
        let gold = match label.trim() {
            "derived" => true,
            "independent" => false,
            other => bail!(
                "{}:{}: label {other:?} is neither derived nor independent",
                file.display(),
                n + 1
            ),
        };
        let at = || format!("{}:{}", file.display(), n + 1);
        let (x, y) = (
            read_path(&base.join(a), &opts).with_context(at)?,
            read_path(&base.join(b), &opts).with_context(at)?,
        );
        let c = compare(&x, &y, cfg);
        let predicted = c.verdict.relation.is_derived();
        let score = c.verdict.coverage_a.max(c.verdict.coverage_b);
        if gold {
            derived += 1;
            found += usize::from(predicted);
        } else {
            independent += 1;
            false_pos += usize::from(predicted);
        }
        scored.push((score, gold));
        out.write(&json!({"id": id, "label": label.trim(), "relation": c.verdict.relation.as_str(), "predicted_derived": predicted, "score": score}))?;
    }
    out.finish()?;
    if derived == 0 || independent == 0 {
        bail!(
            "{}: {derived} derived and {independent} independent pairs; the rates and the AUC need both",
            file.display()
        );
    }
    Ok(format!(
        "pairs ({}): {} derived, {} independent\ndetection rate {:.3}  false-positive rate {:.3}  AUC {:.3}\n",
        file.display(),
        derived,
        independent,
        ratio(found, derived),
        ratio(false_pos, independent),
        auc(&scored)
    ))
}
