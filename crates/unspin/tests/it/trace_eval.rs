//! `unspin trace` and `unspin eval`.

use serde_json::Value;

use crate::support::{corpus, root, shared, unspin};

fn trace_json(article: &std::path::Path, sources: &[&std::path::Path]) -> (i32, Value) {
    let mut args: Vec<&std::ffi::OsStr> = vec![
        "trace".as_ref(),
        article.as_os_str(),
        "--json".as_ref(),
        "--from".as_ref(),
    ];
    args.extend(sources.iter().map(|s| s.as_os_str()));
    let run = unspin(&args);
    assert!(run.code == 0 || run.code == 1, "{}", run.stderr);
    (run.code, serde_json::from_str(&run.stdout).expect("JSON"))
}

#[test]
fn trace_attributes_the_rewrite_to_its_source() {
    let (code, v) = trace_json(
        &corpus("rewrite-llm.txt"),
        &[&corpus("unrelated.txt"), &corpus("original.md")],
    );
    // Partially: the rewrite adds a quote of someone the original never names (a
    // sentence of its own, longer than `trace_own_words`), and METER's annotators call
    // an article wholly derived only when about all of it (`trace_wholly`, 98% of its
    // words) comes from the source.
    assert_eq!(
        (code, v["schema"].as_str(), v["derivation"].as_str()),
        (0, Some("unspin.trace/1"), Some("partially"))
    );
    // "This was entirely preventable," said commuter group spokesman Ian Doyle.
    assert_eq!(v["longest_own"], 10);
    assert_eq!(v["sources"][0]["share"], 0.0);
    assert!(
        v["sources"][1]["share"].as_f64().unwrap_or(0.0) >= 0.9,
        "{}",
        v["sources"][1]["share"]
    );
    let kinds: Vec<&str> = v["sources"][1]["changes"]
        .as_array()
        .map(|c| c.iter().filter_map(|c| c["kind"].as_str()).collect())
        .unwrap_or_default();
    for kind in [
        "number_changed",
        "date_changed",
        "name_changed",
        "quote_altered",
        "negation_flipped",
    ] {
        assert!(kinds.contains(&kind), "{kind} missing from {kinds:?}");
    }
    let new: Vec<&str> = v["sentences"]
        .as_array()
        .map(|s| {
            s.iter()
                .filter(|s| s["kind"] == "new")
                .filter_map(|s| s["text"]["text"].as_str())
                .collect()
        })
        .unwrap_or_default();
    assert_eq!(
        new,
        ["\"This was entirely preventable,\" said commuter group spokesman Ian Doyle."]
    );
    // Word runs: the added sentence is one run of new words; the rewritten quote keeps
    // most of its words and marks the ones it reworded.
    let marks = |needle: &str| -> Vec<(String, String)> {
        let sentence = v["sentences"]
            .as_array()
            .and_then(|s| {
                s.iter().find(|s| {
                    s["text"]["text"]
                        .as_str()
                        .is_some_and(|t| t.contains(needle))
                })
            })
            .unwrap_or_else(|| panic!("no sentence with {needle}"));
        sentence["marks"]
            .as_array()
            .map(|m| {
                m.iter()
                    .map(|m| (m["kind"].to_string(), m["text"].to_string()))
                    .collect()
            })
            .unwrap_or_default()
    };
    assert_eq!(
        marks("Ian Doyle"),
        [(
            "\"new\"".to_string(),
            r#""This was entirely preventable,\" said commuter group spokesman Ian Doyle""#
                .to_string()
        )]
    );
    let quote = marks("gamble");
    assert!(
        quote
            .iter()
            .any(|(k, t)| k == "\"rewrite\"" && t == "\"gamble\""),
        "{quote:?}"
    );
}

/// The text view: an altered quote marks its words changed; a change whose detail does
/// not quote the article says where it is.
#[test]
fn trace_text_shows_what_changed_and_where() {
    let run = unspin(&[
        "trace".as_ref(),
        corpus("rewrite-llm.txt").as_os_str(),
        "--from".as_ref(),
        corpus("original.md").as_os_str(),
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    // The derivation says why it is not wholly derived.
    assert!(
        run.stdout
            .contains("verbatim; its longest sentence of its own has 10 words)\n"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains(
            "quote_altered — County engineer Paul Brandt: now quoted as \
             \"[-larger-]{+worse+} than anything we saw in 2019\"\n  [source 0]"
        ),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains(
            "attribution_dropped: the source attributes this to someone; the copy states \
             it as fact\n      in the article: Repairs are expected to cost at least $4.2 \
             million, leaving the budget stretched.\n"
        ),
        "{}",
        run.stdout
    );
}

#[test]
fn trace_of_an_unrelated_article_finds_nothing() {
    let (code, v) = trace_json(&corpus("unrelated.txt"), &[&corpus("original.md")]);
    assert_eq!(
        (code, v["derivation"].as_str(), v["derived_share"].as_f64()),
        (1, Some("none"), Some(0.0))
    );
}

#[test]
fn trace_seeds() {
    let Some(dir) = shared("seeds") else { return };
    let (p003, p002, p000) = (
        dir.join("003_7ec77a7c64589271.txt"),
        dir.join("002_e621de0e988ee5d8.txt"),
        dir.join("000_a1fdf567fbe0daa3.txt"),
    );
    let (_, v) = trace_json(&p002, &[&p003, &p000]);
    assert_eq!(v["derivation"], "wholly");
    assert!(v["sources"][0]["share"].as_f64().unwrap_or(0.0) >= 0.9);
    let (_, v) = trace_json(&p000, &[&p003]);
    assert!(
        matches!(v["derivation"].as_str(), Some("partially" | "none")),
        "{}",
        v["derivation"]
    );
}

#[test]
fn eval_pairs_on_the_example_corpus() {
    let run = unspin(&[
        "eval".as_ref(),
        "pairs".as_ref(),
        root().join("examples/pairs.tsv").as_os_str(),
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let figures = run.stdout.lines().nth(1).unwrap_or("");
    assert_eq!(
        figures,
        "detection rate 1.000  false-positive rate 0.000  AUC 1.000"
    );
}

/// A row naming a file that is not there is reported with the row's line.
#[test]
fn eval_pairs_names_the_row_of_a_missing_article() {
    let dir = tempfile::tempdir().expect("tempdir");
    let tsv = dir.path().join("pairs.tsv");
    std::fs::write(
        &tsv,
        "id\ta\tb\tlabel\n1\tgone.txt\talso-gone.txt\tderived\n",
    )
    .expect("write");
    let run = unspin(&["eval".as_ref(), "pairs".as_ref(), tsv.as_os_str()]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.starts_with(&format!(
            "unspin: error: {}:2: cannot read {}",
            tsv.display(),
            dir.path().join("gone.txt").display()
        )),
        "{}",
        run.stderr
    );
}

/// A list without both kinds of pair has no rates to report: an error, not "AUC 0.000".
#[test]
fn eval_pairs_needs_derived_and_independent_pairs() {
    let dir = tempfile::tempdir().expect("tempdir");
    let tsv = dir.path().join("pairs.tsv");
    std::fs::copy(
        root().join("examples/corpus/original.md"),
        dir.path().join("a.md"),
    )
    .expect("copy");
    for (rows, counts) in [
        ("", "0 derived and 0 independent"),
        ("1\ta.md\ta.md\tderived\n", "1 derived and 0 independent"),
    ] {
        std::fs::write(&tsv, format!("id\ta\tb\tlabel\n{rows}")).expect("write");
        let run = unspin(&["eval".as_ref(), "pairs".as_ref(), tsv.as_os_str()]);
        assert_eq!(run.code, 2, "{}", run.stderr);
        assert_eq!(
            run.stderr,
            format!(
                "unspin: error: {}: {counts} pairs; the rates and the AUC need both\n",
                tsv.display()
            )
        );
    }
}

#[test]
fn eval_says_when_the_data_is_missing() {
    let missing = root().join("no-such-data");
    for which in ["meter", "msrp", "clough", "pairs"] {
        let run = unspin(&["eval".as_ref(), which.as_ref(), missing.as_os_str()]);
        assert_eq!(run.code, 2, "{which}");
        assert!(
            run.stderr.contains("not found;") && run.stderr.contains("../shared/data"),
            "{which}: {}",
            run.stderr
        );
    }
}

/// The figure after `label` in an eval report.
fn figure(report: &str, label: &str) -> f64 {
    let at = report
        .find(label)
        .unwrap_or_else(|| panic!("{label} not in {report}"))
        + label.len();
    report[at..]
        .split_whitespace()
        .next()
        .and_then(|w| w.parse().ok())
        .unwrap_or(f64::NAN)
}

/// Quality floors on the real data: these fail if a change makes the figures worse
/// than the ones measured and reported.
#[test]
fn eval_figures_hold_on_the_shared_data() {
    let Some(data) = shared("data") else { return };
    let run = unspin(&[
        "eval".as_ref(),
        "meter".as_ref(),
        data.join("meter-dev").as_os_str(),
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    // Issue 4's target for the three classes.
    assert!(figure(&run.stdout, "macro-F1") >= 0.70, "{}", run.stdout);
    // On the articles annotated word by word, the shipped rule stays within 0.02 of
    // what the annotators' own reused share reaches with cuts chosen in hindsight.
    let ceiling = figure(
        &run.stdout,
        "annotators' share of Verbatim+Rewrite words: macro-F1",
    );
    let shipped = figure(&run.stdout, "unspin as shipped, same articles: macro-F1");
    assert!(
        shipped >= 0.70 && shipped >= ceiling - 0.02,
        "{}",
        run.stdout
    );
    // Word level: verbatim runs found in any source and clauses a derived sentence adds.
    let words = &run.stdout[run.stdout.find("word level").unwrap_or(0)..];
    assert!(figure(words, "accuracy") >= 0.70, "{}", run.stdout);
    let run = unspin(&[
        "eval".as_ref(),
        "msrp".as_ref(),
        data.join("msrp/msr_paraphrase_train.txt").as_os_str(),
    ]);
    assert!(figure(&run.stdout, "accuracy") >= 0.72, "{}", run.stdout);
    let run = unspin(&[
        "eval".as_ref(),
        "clough".as_ref(),
        data.join("clough-stevenson").as_os_str(),
    ]);
    assert!(
        figure(&run.stdout, "plagiarised vs non: accuracy") >= 0.95,
        "{}",
        run.stdout
    );
    assert!(
        figure(&run.stdout, "four classes: accuracy") >= 0.75,
        "{}",
        run.stdout
    );
}
