//! Classification metrics: per-class precision/recall/F1, macro-F1, accuracy, AUC.

use std::fmt::Write;

/// Folds of the cross-validated evaluations: item `i` is tested in fold `i % FOLDS`.
pub const FOLDS: usize = 5;

/// Whether item `i` is tested in `fold`.
pub fn in_fold(i: usize, fold: usize) -> bool {
    i % FOLDS == fold
}

/// The items `fold` is fitted on: all but those it tests.
pub fn training<T>(items: &[T], fold: usize) -> Vec<&T> {
    items
        .iter()
        .enumerate()
        .filter(|&(i, _)| !in_fold(i, fold))
        .map(|(_, x)| x)
        .collect()
}

/// Confusion counts over a fixed list of class names.
pub struct Confusion {
    pub classes: Vec<&'static str>,
    /// counts[gold][predicted]
    pub counts: Vec<Vec<usize>>,
}

impl Confusion {
    pub fn new(classes: &[&'static str]) -> Confusion {
        Confusion {
            classes: classes.to_vec(),
            counts: vec![vec![0; classes.len()]; classes.len()],
        }
    }

    pub fn add(&mut self, gold: usize, predicted: usize) {
        self.counts[gold][predicted] += 1;
    }

    pub fn total(&self) -> usize {
        self.counts.iter().flatten().sum()
    }

    pub fn accuracy(&self) -> f64 {
        let right: usize = (0..self.classes.len()).map(|i| self.counts[i][i]).sum();
        ratio(right, self.total())
    }

    /// (precision, recall, F1) of class `c`.
    pub fn prf(&self, c: usize) -> (f64, f64, f64) {
        let tp = self.counts[c][c];
        let predicted: usize = self.counts.iter().map(|row| row[c]).sum();
        let gold: usize = self.counts[c].iter().sum();
        let (p, r) = (ratio(tp, predicted), ratio(tp, gold));
        let f = if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        };
        (p, r, f)
    }

    pub fn macro_f1(&self) -> f64 {
        (0..self.classes.len()).map(|c| self.prf(c).2).sum::<f64>() / self.classes.len() as f64
    }

    pub fn table(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(
            out,
            "{:<12} {:>9} {:>9} {:>9} {:>7}",
            "class", "precision", "recall", "F1", "gold"
        );
        for (c, name) in self.classes.iter().enumerate() {
            let (p, r, f) = self.prf(c);
            let _ = writeln!(
                out,
                "{name:<12} {p:>9.3} {r:>9.3} {f:>9.3} {:>7}",
                self.counts[c].iter().sum::<usize>()
            );
        }
        let _ = writeln!(
            out,
            "macro-F1 {:.3}  accuracy {:.3}  n {}",
            self.macro_f1(),
            self.accuracy(),
            self.total()
        );
        let _ = write!(
            out,
            "confusion (rows gold, columns predicted: {})",
            self.classes.join(", ")
        );
        for (c, name) in self.classes.iter().enumerate() {
            let _ = write!(out, "\n  {name:<10} {:?}", self.counts[c]);
        }
        out.push('\n');
        out
    }
}

/// What a threshold fit maximises.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Objective {
    Accuracy,
    MacroF1,
}

/// Class index for `value` given descending thresholds (class k if value >= cuts[k]).
pub fn classify(value: f64, cuts: &[f64]) -> usize {
    cuts.iter().position(|&c| value >= c).unwrap_or(cuts.len())
}

/// Thresholds fitted by [`fit_ordered`], and the objective they reach on the items fitted.
#[derive(Clone, Debug, PartialEq)]
pub struct Fit {
    /// Descending: class k for values >= cuts[k], the last class below them all.
    pub cuts: Vec<f64>,
    pub score: f64,
}

/// Descending thresholds that split `items` (value, gold class) into `classes` ordered
/// classes (class 0 = highest values) so that `objective` is highest; candidates lie
/// halfway between observed values, and of equal scores the first found (highest cuts)
/// wins, so the fit is deterministic.
pub fn fit_ordered(items: &[(f64, usize)], classes: usize, objective: Objective) -> Fit {
    let mut values: Vec<f64> = items.iter().map(|i| i.0).collect();
    values.sort_by(f64::total_cmp);
    values.dedup();
    let candidates: Vec<f64> = values.windows(2).map(|w| (w[0] + w[1]) / 2.0).collect();
    let mut table = Confusion {
        classes: vec![""; classes],
        counts: vec![vec![0; classes]; classes],
    };
    let mut score = |cuts: &[f64]| {
        table.counts.iter_mut().flatten().for_each(|n| *n = 0);
        for &(value, gold) in items {
            table.add(gold, classify(value, cuts));
        }
        match objective {
            Objective::Accuracy => table.accuracy(),
            Objective::MacroF1 => table.macro_f1(),
        }
    };
    let mut best = Fit {
        cuts: vec![0.0; classes - 1],
        score: f64::NEG_INFINITY,
    };
    let mut cuts = vec![0.0; classes - 1];
    search(&candidates, 0, usize::MAX, &mut cuts, &mut |c| {
        let s = score(c);
        if s > best.score {
            best = Fit {
                cuts: c.to_vec(),
                score: s,
            };
        }
    });
    best
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

pub fn ratio(n: usize, d: usize) -> f64 {
    if d == 0 { 0.0 } else { n as f64 / d as f64 }
}

/// Area under the ROC curve of `scores` for `positive` labels (ties count half).
pub fn auc(scored: &[(f64, bool)]) -> f64 {
    let pos: Vec<f64> = scored.iter().filter(|s| s.1).map(|s| s.0).collect();
    let neg: Vec<f64> = scored.iter().filter(|s| !s.1).map(|s| s.0).collect();
    if pos.is_empty() || neg.is_empty() {
        return 0.0;
    }
    let mut wins = 0.0;
    for p in &pos {
        for n in &neg {
            wins += if p > n {
                1.0
            } else if p == n {
                0.5
            } else {
                0.0
            };
        }
    }
    wins / (pos.len() * neg.len()) as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn macro_f1_and_accuracy() {
        let mut c = Confusion::new(&["x", "y"]);
        for (g, p) in [(0, 0), (0, 0), (0, 1), (1, 1)] {
            c.add(g, p);
        }
        assert_eq!(c.accuracy(), 0.75);
        let (p, r, f) = c.prf(0);
        assert_eq!((p, r), (1.0, 2.0 / 3.0));
        assert!((f - 0.8).abs() < 1e-12);
        assert!((c.macro_f1() - (0.8 + 2.0 / 3.0) / 2.0).abs() < 1e-12);
    }

    #[test]
    fn ordered_thresholds_fit_separable_data() {
        let items = [
            (0.9, 0),
            (0.8, 0),
            (0.6, 1),
            (0.5, 1),
            (0.3, 2),
            (0.25, 2),
            (0.05, 3),
            (0.0, 3),
        ];
        for objective in [Objective::Accuracy, Objective::MacroF1] {
            let Fit { cuts, score } = fit_ordered(&items, 4, objective);
            assert_eq!(score, 1.0);
            assert!(
                items.iter().all(|&(v, c)| classify(v, &cuts) == c),
                "{cuts:?}"
            );
        }
    }

    #[test]
    fn macro_f1_and_accuracy_fits_can_differ() {
        // Both cuts get 4 of 5 right; accuracy keeps the first found (the higher cut),
        // macro-F1 prefers the lower one, which balances the two classes (0.8 vs 0.76).
        let items = [(0.0, 1), (0.1, 1), (0.2, 0), (0.3, 1), (0.4, 0)];
        let by_accuracy = fit_ordered(&items, 2, Objective::Accuracy);
        let by_f1 = fit_ordered(&items, 2, Objective::MacroF1);
        assert!((by_accuracy.cuts[0] - 0.35).abs() < 1e-9, "{by_accuracy:?}");
        assert!((by_f1.cuts[0] - 0.15).abs() < 1e-9, "{by_f1:?}");
        assert_eq!(by_accuracy.score, 0.8);
        assert!((by_f1.score - 0.8).abs() < 1e-12, "{by_f1:?}");
    }

    #[test]
    fn auc_counts_ties_half() {
        assert_eq!(auc(&[(0.9, true), (0.1, false)]), 1.0);
        assert_eq!(auc(&[(0.5, true), (0.5, false)]), 0.5);
        assert_eq!(auc(&[(0.2, true), (0.8, false), (0.9, true)]), 0.5);
    }
}
