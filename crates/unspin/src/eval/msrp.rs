//! `eval msrp FILE`: the aligner's sentence similarity (IDF-weighted Dice of content
//! stems, IDF over the file's sentences) as a paraphrase judgement on MSRP, with the
//! decision threshold chosen on four folds and scored on the fifth (5-fold CV).

use std::path::Path;

use anyhow::{Context, Result, bail};
use serde_json::json;
use unspin_core::align::{Weights, sentence_terms};

use super::metrics::{Confusion, FOLDS, in_fold, training};
use super::{Predictions, require};

struct Pair {
    id: String,
    gold: bool,
    score: f64,
}

pub fn run(file: &Path, predictions: Option<&Path>) -> Result<String> {
    require(file, "expected MSRP's msr_paraphrase_train.txt")?;
    let text =
        std::fs::read_to_string(file).with_context(|| format!("cannot read {}", file.display()))?;
    let mut raw = Vec::new();
    for (n, line) in text.lines().enumerate().skip(1) {
        let cols: Vec<&str> = line.split('\t').collect();
        let [label, id1, id2, s1, s2] = cols[..] else {
            bail!(
                "{}:{}: expected 5 tab-separated columns",
                file.display(),
                n + 1
            );
        };
        raw.push((
            format!("{id1}-{id2}"),
            label == "1",
            sentence_terms(s1),
            sentence_terms(s2),
        ));
    }
    let weights =
        Weights::from_term_sets(raw.iter().flat_map(|r| [r.2.as_slice(), r.3.as_slice()]));
    let pairs: Vec<Pair> = raw
        .into_iter()
        .map(|(id, gold, a, b)| Pair {
            id,
            gold,
            score: weights.dice(&a, &b),
        })
        .collect();

    let mut table = Confusion::new(&["paraphrase", "not"]);
    let mut out = Predictions::create(predictions)?;
    let mut thresholds = Vec::new();
    for fold in 0..FOLDS {
        let train = training(&pairs, fold);
        let threshold = best_threshold(&train);
        thresholds.push(threshold);
        for (i, p) in pairs.iter().enumerate().filter(|&(i, _)| in_fold(i, fold)) {
            let predicted = p.score >= threshold;
            table.add(usize::from(!p.gold), usize::from(!predicted));
            out.write(&json!({"id": p.id, "index": i, "fold": fold, "label": p.gold, "predicted": predicted, "score": p.score, "threshold": threshold}))?;
        }
    }
    out.finish()?;
    let (_, _, f1) = table.prf(0);
    Ok(format!(
        "MSRP ({}): sentence similarity as a paraphrase judgement, 5-fold cross-validated\naccuracy {:.3}  F1 (paraphrase) {:.3}  thresholds per fold {:?}\n{}",
        file.display(),
        table.accuracy(),
        f1,
        thresholds
            .iter()
            .map(|&t| unspin_report::round(t))
            .collect::<Vec<_>>(),
        table.table()
    ))
}

/// The score threshold with the best accuracy on `train`.
fn best_threshold(train: &[&Pair]) -> f64 {
    let mut scored: Vec<(f64, bool)> = train.iter().map(|p| (p.score, p.gold)).collect();
    scored.sort_by(|x, y| x.0.total_cmp(&y.0));
    // Predict "paraphrase" for scores >= threshold; sweep the threshold upward.
    let mut correct = scored.iter().filter(|s| s.1).count();
    let (mut best, mut best_t) = (correct, 0.0);
    for (k, s) in scored.iter().enumerate() {
        correct = if s.1 { correct - 1 } else { correct + 1 };
        let next = scored.get(k + 1).map_or(s.0 + 1e-9, |n| n.0);
        if next > s.0 && correct > best {
            best = correct;
            best_t = (s.0 + next) / 2.0;
        }
    }
    best_t
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn threshold_separates_when_it_can() {
        let pairs: Vec<Pair> = [
            (0.1, false),
            (0.2, false),
            (0.6, true),
            (0.7, true),
            (0.3, true),
        ]
        .iter()
        .map(|&(score, gold)| Pair {
            id: String::new(),
            gold,
            score,
        })
        .collect();
        let refs: Vec<&Pair> = pairs.iter().collect();
        assert_eq!(best_threshold(&refs), 0.25);
    }
}
