//! `eval clough DIR`: the Clough–Stevenson short answers traced against their Wikipedia
//! source. Classes are ordered by how much text was reused (cut > light > heavy > non);
//! thresholds on the answer's tiled share (greedy string tiling, runs of at least
//! `trace_min_tile` words) for the four classes and for plagiarised-or-not are chosen on
//! four folds and scored on the fifth.

use std::path::Path;

use anyhow::{Context, Result, bail};
use serde_json::json;
use unspin_core::{Config, trace};

use super::metrics::{Confusion, FOLDS, in_fold, training};
use super::{Predictions, require};
use crate::input::read_path;

const CLASSES: &[&str] = &["cut", "light", "heavy", "non"];

struct Answer {
    file: String,
    class: usize,
    containment: f64,
    derived: f64,
    verbatim: f64,
    tiled: f64,
}

pub fn run(dir: &Path, predictions: Option<&Path>, cfg: &Config) -> Result<String> {
    let info = dir.join("file_information.csv");
    require(
        &info,
        "expected the Clough-Stevenson corpus with file_information.csv",
    )?;
    let csv = std::fs::read_to_string(&info)
        .with_context(|| format!("cannot read {}", info.display()))?;
    let opts = unspin_ingest::ReadOptions::default();
    let mut answers = Vec::new();
    for (n, line) in csv.lines().enumerate().skip(1) {
        let cols: Vec<&str> = line.trim().split(',').collect();
        let [file, task, category] = cols[..] else {
            bail!("{}:{}: expected File,Task,Category", info.display(), n + 1);
        };
        if category == "orig" {
            continue;
        }
        let Some(class) = CLASSES.iter().position(|c| *c == category) else {
            bail!(
                "{}:{}: unknown category {category:?}",
                info.display(),
                n + 1
            );
        };
        let answer = read_path(&dir.join(file), &opts)?;
        let sources = [read_path(&dir.join(format!("orig_task{task}.txt")), &opts)?];
        let t = trace(&answer, &sources, cfg);
        answers.push(Answer {
            file: file.to_string(),
            class,
            containment: t.trigram_containment,
            derived: t.derived_share,
            verbatim: t.verbatim_share,
            tiled: t.tiled_share,
        });
    }
    let mut four = Confusion::new(CLASSES);
    let mut two = Confusion::new(&["plagiarised", "non"]);
    let mut out = Predictions::create(predictions)?;
    for fold in 0..FOLDS {
        let train = training(&answers, fold);
        let cuts = fit_ordered(&train, |a| a.tiled, CLASSES.len());
        let binary = fit_ordered(&train, |a| a.tiled, 2);
        for a in answers
            .iter()
            .enumerate()
            .filter(|&(i, _)| in_fold(i, fold))
            .map(|(_, a)| a)
        {
            let predicted = classify(a.tiled, &cuts);
            let plagiarised = classify(a.tiled, &binary) == 0;
            four.add(a.class, predicted);
            two.add(usize::from(a.class == 3), usize::from(!plagiarised));
            out.write(&json!({"file": a.file, "label": CLASSES[a.class], "predicted": CLASSES[predicted], "plagiarised": plagiarised, "containment": a.containment, "derived_share": a.derived, "verbatim_share": a.verbatim, "tiled_share": a.tiled, "fold": fold}))?;
        }
    }
    out.finish()?;
    Ok(format!(
        "Clough-Stevenson ({}): answers traced against their source, 5-fold cross-validated thresholds\nplagiarised vs non: accuracy {:.3}\n{}\nfour classes: accuracy {:.3}\n{}",
        dir.display(),
        two.accuracy(),
        two.table(),
        four.accuracy(),
        four.table()
    ))
}

/// Class index for `value` given descending thresholds (class k if value >= cuts[k]).
fn classify(value: f64, cuts: &[f64]) -> usize {
    cuts.iter().position(|&c| value >= c).unwrap_or(cuts.len())
}

/// Descending thresholds for `n` ordered classes (class 0 = most reuse; for n = 2 the
/// classes are "reused" = any class but the last, and the last), maximizing accuracy;
/// candidates lie halfway between observed values.
fn fit_ordered(train: &[&Answer], feature: impl Fn(&Answer) -> f64, n: usize) -> Vec<f64> {
    let mut values: Vec<f64> = train.iter().map(|a| feature(a)).collect();
    values.sort_by(f64::total_cmp);
    values.dedup();
    let candidates: Vec<f64> = values.windows(2).map(|w| (w[0] + w[1]) / 2.0).collect();
    let gold = |a: &Answer| {
        if n == 2 {
            usize::from(a.class == CLASSES.len() - 1)
        } else {
            a.class
        }
    };
    let score = |cuts: &[f64]| {
        train
            .iter()
            .filter(|a| classify(feature(a), cuts) == gold(a))
            .count()
    };
    let mut best: (usize, Vec<f64>) = (0, vec![0.0; n - 1]);
    let mut cuts = vec![0.0; n - 1];
    search(&candidates, 0, usize::MAX, &mut cuts, &mut |c| {
        let s = score(c);
        if s > best.0 {
            best = (s, c.to_vec());
        }
    });
    best.1
}

/// Every descending choice of `cuts.len()` thresholds among `candidates`.
fn search(
    candidates: &[f64],
    depth: usize,
    below: usize,
    cuts: &mut Vec<f64>,
    visit: &mut dyn FnMut(&[f64]),
) {
    if depth == cuts.len() {
        visit(cuts);
        return;
    }
    for k in (0..candidates.len().min(below)).rev() {
        cuts[depth] = candidates[k];
        search(candidates, depth + 1, k, cuts, visit);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordered_thresholds_fit_separable_data() {
        let answers: Vec<Answer> = [
            (0.9, 0),
            (0.8, 0),
            (0.6, 1),
            (0.5, 1),
            (0.3, 2),
            (0.25, 2),
            (0.05, 3),
            (0.0, 3),
        ]
        .iter()
        .map(|&(c, class)| Answer {
            file: String::new(),
            class,
            containment: c,
            derived: c,
            verbatim: c,
            tiled: c,
        })
        .collect();
        let refs: Vec<&Answer> = answers.iter().collect();
        let cuts = fit_ordered(&refs, |a| a.containment, 4);
        assert!(
            answers
                .iter()
                .all(|a| classify(a.containment, &cuts) == a.class),
            "{cuts:?}"
        );
        let binary = fit_ordered(&refs, |a| a.derived, 2);
        assert_eq!(binary.len(), 1);
        assert!(
            answers
                .iter()
                .all(|a| (classify(a.derived, &binary) == 1) == (a.class == 3))
        );
    }
}
