//! `eval meter DIR`: METER's newspaper articles traced against their PA sources,
//! scored as wholly / partially / non-derived (per-class P/R/F1 and macro-F1).
//!
//! DIR/pairs.tsv: `label<TAB>newspaper<TAB>pa_sources` (comma-separated), paths relative
//! to DIR, texts in Latin-1 (see ../shared/data/meter-dev/README.txt).

use std::collections::BTreeMap;
use std::path::Path;

use anyhow::{Context, Result, bail};
use serde_json::json;
use unspin_core::trace::Derivation;
use unspin_core::{Article, Config, trace};

use super::metrics::{Confusion, Objective, fit_ordered};
use super::{Predictions, require};
use crate::input::read_path;

const CLASSES: &[&str] = &["wholly", "partially", "non"];

pub fn run(dir: &Path, predictions: Option<&Path>, cfg: &Config) -> Result<String> {
    let pairs = dir.join("pairs.tsv");
    require(&pairs, "expected METER's pairs.tsv")?;
    let tsv = std::fs::read_to_string(&pairs)
        .with_context(|| format!("cannot read {}", pairs.display()))?;
    let opts = unspin_ingest::ReadOptions::default();
    let mut confusion = Confusion::new(CLASSES);
    let mut words = Confusion::new(&["verbatim", "rewrite", "new"]);
    let mut ceiling = Ceiling::new();
    let mut out = Predictions::create(predictions)?;
    for (n, line) in tsv.lines().enumerate().skip(1) {
        let cols: Vec<&str> = line.split('\t').collect();
        let [label, paper, sources] = cols[..] else {
            bail!(
                "{}:{}: expected 3 tab-separated columns",
                pairs.display(),
                n + 1
            );
        };
        let Some(gold) = CLASSES.iter().position(|c| *c == label) else {
            bail!("{}:{}: unknown label {label:?}", pairs.display(), n + 1);
        };
        let article = read_path(&dir.join(paper), &opts)?;
        let sources: Vec<Article> = sources
            .split(',')
            .map(|s| read_path(&dir.join(s), &opts))
            .collect::<Result<_>>()?;
        let t = trace(&article, &sources, cfg);
        let predicted = match t.derivation {
            Derivation::Wholly => 0,
            Derivation::Partially => 1,
            Derivation::None => 2,
        };
        confusion.add(gold, predicted);
        let sgml = dir
            .join(paper.replacen("/rawtexts/", "/annotated/", 1))
            .with_extension("sgml");
        let mut annotated_share = None;
        if let Ok(bytes) = std::fs::read(&sgml) {
            let gold_words = annotated_words(
                &unspin_ingest::decode(&bytes)
                    .map(|d| d.text)
                    .unwrap_or_default(),
            );
            if !gold_words.is_empty() {
                let reused = gold_words.iter().filter(|w| w.1 != 2).count();
                annotated_share = Some(reused as f64 / gold_words.len() as f64);
                let ours: Vec<(String, usize)> = t
                    .words
                    .iter()
                    .map(|w| (w.span.slice(&article.text).to_lowercase(), w.kind as usize))
                    .collect();
                agree(&gold_words, &ours, &mut words);
            }
        }
        ceiling.add(
            gold,
            predicted,
            (t.derived_share, t.tiled_share),
            annotated_share,
        );
        ceiling.add_low(
            domain(paper),
            gold,
            t.derived_share,
            annotated_share.is_some(),
        );
        out.write(&json!({
            "id": paper, "label": label, "predicted": CLASSES[predicted],
            "derived_share": t.derived_share, "verbatim_share": t.verbatim_share, "trigram_containment": t.trigram_containment, "tiled_share": t.tiled_share,
            "annotated_share": annotated_share,
            "sentences": t.sentences.iter().map(|s| {
                let words = t.words.get(s.words.clone()).unwrap_or_default().iter();
                let (n, verbatim) = words.fold((0, 0), |(n, v), w| (n + 1, v + usize::from(w.kind == unspin_core::trace::TraceKind::Verbatim)));
                json!([n, verbatim, unspin_report::round(s.score), s.longest_run])
            }).collect::<Vec<_>>(),
        }))?;
    }
    out.finish()?;
    Ok(format!(
        "METER ({}): newspaper articles traced against their PA sources\n{}\nword level, {} articles annotated with Verbatim/Rewrite/New (rows gold, columns ours)\n{}\n{}",
        dir.display(),
        confusion.table(),
        ceiling.annotated.len(),
        words.table(),
        ceiling.report()
    ))
}

/// How far evidence of *how much* was reused can take the three classes: on the articles
/// annotated word by word, the annotators' own share of Verbatim and Rewrite words,
/// split into classes by the two cuts that score best in hindsight, next to unspin's
/// `derived_share` split the same way and to unspin's verdicts as shipped; on the
/// others, unspin's `derived_share` and `tiled_share` each cut in hindsight.
struct Ceiling {
    /// (gold, annotated share, derived share) of the articles annotated word by word.
    annotated: Vec<(usize, f64, f64)>,
    /// (gold, derived share, tiled share) of the others.
    others: Vec<(usize, f64, f64)>,
    /// `trace` verdicts, on annotated articles ([0]) and the others ([1]).
    shipped: [Confusion; 2],
    /// Gold classes of the articles with a `derived_share` below [`LOW_SHARE`], by half
    /// (annotated first) and domain.
    low: BTreeMap<(bool, String), [usize; 3]>,
}

/// The `derived_share` below which METER's two halves label alike evidence differently.
const LOW_SHARE: f64 = 0.5;

/// An article's domain: the folder after `rawtexts/` ("courts", "showbiz"), or "-".
fn domain(paper: &str) -> String {
    paper
        .split_once("rawtexts/")
        .and_then(|(_, rest)| rest.split_once('/'))
        .map_or("-", |(domain, _)| domain)
        .to_string()
}

impl Ceiling {
    fn new() -> Ceiling {
        Ceiling {
            annotated: Vec::new(),
            others: Vec::new(),
            shipped: [Confusion::new(CLASSES), Confusion::new(CLASSES)],
            low: BTreeMap::new(),
        }
    }

    /// One article's gold class, if its `derived_share` is below [`LOW_SHARE`].
    fn add_low(&mut self, domain: String, gold: usize, derived: f64, annotated: bool) {
        if derived < LOW_SHARE {
            self.low.entry((!annotated, domain)).or_default()[gold] += 1;
        }
    }

    /// One article: its gold and predicted class, unspin's (derived, tiled) shares and
    /// the annotators' share where it is annotated word by word.
    fn add(&mut self, gold: usize, predicted: usize, shares: (f64, f64), annotated: Option<f64>) {
        let (derived, tiled) = shares;
        self.shipped[usize::from(annotated.is_none())].add(gold, predicted);
        match annotated {
            Some(share) => self.annotated.push((gold, share, derived)),
            None => self.others.push((gold, derived, tiled)),
        }
    }

    fn report(&self) -> String {
        let hindsight = |of: &[(usize, f64, f64)], share: fn(&(usize, f64, f64)) -> f64| {
            let items: Vec<(f64, usize)> = of.iter().map(|a| (share(a), a.0)).collect();
            fit_ordered(&items, CLASSES.len(), Objective::MacroF1)
        };
        let annotators = hindsight(&self.annotated, |a| a.1);
        let derived = hindsight(&self.annotated, |a| a.2);
        let others_derived = hindsight(&self.others, |a| a.1);
        let others_tiled = hindsight(&self.others, |a| a.2);
        format!(
            "ceiling: {} articles annotated word by word; each share cut into the three classes by the two cuts that score best in hindsight\n  annotators' share of Verbatim+Rewrite words: macro-F1 {:.3} (cuts {})\n  unspin's derived_share: macro-F1 {:.3} (cuts {})\n  unspin as shipped, same articles: macro-F1 {:.3}\n  unspin as shipped, the other {} articles: macro-F1 {:.3}\n  the other articles, unspin's derived_share: macro-F1 {:.3} (cuts {})\n  the other articles, unspin's tiled_share: macro-F1 {:.3} (cuts {})\n",
            self.annotated.len(),
            annotators.score,
            show_cuts(&annotators.cuts),
            derived.score,
            show_cuts(&derived.cuts),
            self.shipped[0].macro_f1(),
            self.shipped[1].total(),
            self.shipped[1].macro_f1(),
            others_derived.score,
            show_cuts(&others_derived.cuts),
            others_tiled.score,
            show_cuts(&others_tiled.cuts),
        ) + &self.low_report()
    }

    /// The gold classes of the articles whose `derived_share` is below [`LOW_SHARE`],
    /// half by half and domain by domain: where one half labels such articles non and
    /// the other partially, no cut of any share can follow both.
    fn low_report(&self) -> String {
        let mut out = format!(
            "gold classes (wholly / partially / non) of the articles with derived_share below {LOW_SHARE}, by half and domain\n"
        );
        for ((other, domain), counts) in &self.low {
            let half = if *other { "other" } else { "annotated" };
            let [w, p, n] = counts;
            out += &format!("  {half}, {domain}: {w} / {p} / {n}\n");
        }
        out
    }
}

fn show_cuts(cuts: &[f64]) -> String {
    cuts.iter()
        .map(|c| format!("{c:.3}"))
        .collect::<Vec<_>>()
        .join(" / ")
}

/// Words of an annotated METER article with their gold class (0 verbatim, 1 rewrite, 2 new).
fn annotated_words(sgml: &str) -> Vec<(String, usize)> {
    let re =
        regex::Regex::new(r"(?s)<(Verbatim|Rewrite|New)[^>]*>(.*?)</(?:Verbatim|Rewrite|New)>")
            .expect("regex");
    let word = regex::Regex::new(r"[\p{L}\p{N}]+(?:['.,][\p{L}\p{N}]+)*").expect("regex");
    let mut out = Vec::new();
    for c in re.captures_iter(sgml) {
        let class = match &c[1] {
            "Verbatim" => 0,
            "Rewrite" => 1,
            _ => 2,
        };
        out.extend(
            word.find_iter(&c[2])
                .map(|w| (w.as_str().to_lowercase(), class)),
        );
    }
    out
}

/// Count label agreement over the words both sequences share (aligned by a word diff).
fn agree(gold: &[(String, usize)], ours: &[(String, usize)], table: &mut Confusion) {
    let g: Vec<&str> = gold.iter().map(|w| w.0.as_str()).collect();
    let o: Vec<&str> = ours.iter().map(|w| w.0.as_str()).collect();
    for op in similar::capture_diff_slices(similar::Algorithm::Myers, &g, &o) {
        if let similar::DiffOp::Equal {
            old_index,
            new_index,
            len,
        } = op
        {
            for k in 0..len {
                table.add(gold[old_index + k].1, ours[new_index + k].1);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn annotated_words_and_agreement() {
        let sgml = "<body><Verbatim PAsource=\"\" >STARS, </Verbatim><Rewrite PAsource=\"\" >royalty turned out</Rewrite><New>in Force</New></body>";
        let gold = annotated_words(sgml);
        assert_eq!(
            gold.iter().map(|w| w.1).collect::<Vec<_>>(),
            [0, 1, 1, 1, 2, 2]
        );
        let ours: Vec<(String, usize)> = [
            ("stars", 0),
            ("royalty", 1),
            ("came", 1),
            ("out", 0),
            ("in", 2),
            ("force", 2),
        ]
        .iter()
        .map(|(w, c)| (w.to_string(), *c))
        .collect();
        let mut table = Confusion::new(&["verbatim", "rewrite", "new"]);
        agree(&gold, &ours, &mut table);
        assert_eq!(
            table.counts,
            vec![vec![1, 0, 0], vec![1, 1, 0], vec![0, 0, 2]]
        );
    }

    #[test]
    fn ceiling_cuts_each_share_in_hindsight_and_splits_the_shipped_verdicts() {
        let mut c = Ceiling::new();
        // (gold, predicted, (derived share, tiled share), annotated share): the
        // annotators' shares separate the classes, the derived shares swap the two lower
        // classes; on the others it is the tiled shares that swap them.
        for (gold, predicted, shares, annotated) in [
            (0, 0, (0.9, 0.5), Some(1.0)),
            (1, 1, (0.2, 0.1), Some(0.6)),
            (2, 1, (0.5, 0.3), Some(0.1)),
            (0, 0, (0.95, 0.8), None),
            (1, 2, (0.5, 0.1), None),
            (2, 2, (0.1, 0.4), None),
        ] {
            c.add(gold, predicted, shares, annotated);
        }
        let report = c.report();
        let lines: Vec<&str> = report.lines().collect();
        assert_eq!(
            lines[1],
            "  annotators' share of Verbatim+Rewrite words: macro-F1 1.000 (cuts 0.800 / 0.350)"
        );
        // Cuts lie between observed values, so on derived shares 0.9 / 0.5 / 0.2 the
        // only choice keeps every class and gets just wholly right.
        assert_eq!(
            lines[2],
            "  unspin's derived_share: macro-F1 0.333 (cuts 0.700 / 0.350)"
        );
        assert_eq!(
            lines[3],
            "  unspin as shipped, same articles: macro-F1 0.556"
        );
        assert_eq!(
            lines[4],
            "  unspin as shipped, the other 3 articles: macro-F1 0.556"
        );
        assert_eq!(
            lines[5],
            "  the other articles, unspin's derived_share: macro-F1 1.000 (cuts 0.725 / 0.300)"
        );
        assert_eq!(
            lines[6],
            "  the other articles, unspin's tiled_share: macro-F1 0.333 (cuts 0.600 / 0.250)"
        );
    }

    #[test]
    fn low_share_labels_are_counted_by_half_and_domain() {
        let mut c = Ceiling::new();
        for (paper, gold, derived, annotated) in [
            (
                "newspapers/rawtexts/showbiz/12.08.99/a/a1_sun.txt",
                2,
                0.2,
                true,
            ),
            (
                "newspapers/rawtexts/showbiz/12.08.99/a/a2_sun.txt",
                1,
                0.4,
                true,
            ),
            (
                "newspapers/rawtexts/showbiz/14.12.99/b/b1_sun.txt",
                1,
                0.1,
                false,
            ),
            (
                "newspapers/rawtexts/showbiz/14.12.99/b/b2_sun.txt",
                1,
                0.3,
                false,
            ),
            // At or above the cut: not counted.
            (
                "newspapers/rawtexts/showbiz/14.12.99/b/b3_sun.txt",
                0,
                0.5,
                false,
            ),
            (
                "newspapers/rawtexts/courts/14.12.99/c/c1_sun.txt",
                2,
                0.45,
                false,
            ),
            ("elsewhere.txt", 0, 0.0, true),
        ] {
            c.add_low(domain(paper), gold, derived, annotated);
        }
        assert_eq!(
            c.low_report(),
            "gold classes (wholly / partially / non) of the articles with derived_share below 0.5, by half and domain\n  annotated, -: 1 / 0 / 0\n  annotated, showbiz: 0 / 1 / 1\n  other, courts: 0 / 0 / 1\n  other, showbiz: 0 / 2 / 0\n"
        );
    }
}
