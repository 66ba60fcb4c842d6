//! `eval clough DIR`: the Clough–Stevenson short answers traced against their Wikipedia
//! source. Classes are ordered by how much text was reused (cut > light > heavy > non);
//! thresholds on the answer's tiled share (greedy string tiling, runs of at least
//! `trace_min_tile` words) for the four classes and for plagiarised-or-not are chosen on
//! four folds and scored on the fifth.

use std::path::Path;

use anyhow::{Context, Result, bail};
use serde_json::json;
use unspin_core::{Config, trace};

use super::metrics::{Confusion, FOLDS, Objective, classify, fit_ordered, in_fold, training};
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
        let four_way: Vec<(f64, usize)> = train.iter().map(|a| (a.tiled, a.class)).collect();
        let two_way: Vec<(f64, usize)> = train
            .iter()
            .map(|a| (a.tiled, usize::from(a.class == CLASSES.len() - 1)))
            .collect();
        let cuts = fit_ordered(&four_way, CLASSES.len(), Objective::Accuracy).cuts;
        let binary = fit_ordered(&two_way, 2, Objective::Accuracy).cuts;
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
