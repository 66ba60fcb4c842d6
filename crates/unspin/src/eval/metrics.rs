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
    fn auc_counts_ties_half() {
        assert_eq!(auc(&[(0.9, true), (0.1, false)]), 1.0);
        assert_eq!(auc(&[(0.5, true), (0.5, false)]), 0.5);
        assert_eq!(auc(&[(0.2, true), (0.8, false), (0.9, true)]), 0.5);
    }
}
