//! `unspin compare` on the example corpus: verdicts, every change kind, exit codes,
//! determinism.

use insta::assert_snapshot;

use crate::support::{change_lines, compare_json, corpus, unspin};

/// Compare `original.md` with `other` and snapshot the verdict and changes.
fn check(other: &str) -> String {
    let (code, v) = compare_json(&corpus("original.md"), &corpus(other));
    let mut out = format!(
        "exit {code}\nrelation {}\nsource {}\ncoverage a {} b {}\n",
        v["relation"], v["source"], v["coverage"]["a"], v["coverage"]["b"]
    );
    for line in change_lines(&v) {
        out.push_str(&line);
        out.push('\n');
    }
    out
}

#[test]
fn rewrite_with_every_change_kind() {
    let out = check("rewrite-llm.txt");
    for kind in [
        "quote_altered",
        "quote_added",
        "quote_removed",
        "number_changed",
        "date_changed",
        "name_changed",
        "claim_added",
        "claim_omitted",
        "attribution_dropped",
        "negation_flipped",
    ] {
        assert!(
            out.contains(&format!("\n{kind} |")),
            "{kind} missing:\n{out}"
        );
    }
    assert_snapshot!(out);
}

#[test]
fn syndicated_html_is_a_near_duplicate() {
    assert_snapshot!(check("syndicated.html"));
}

#[test]
fn json_record_partial_rewrite() {
    assert_snapshot!(check("record.json"));
}

#[test]
fn same_story_is_not_a_copy() {
    let out = check("same-story.txt");
    assert!(
        out.starts_with("exit 0\nrelation \"same_story\"\nsource null"),
        "{out}"
    );
}

/// Two items on one template align word for word but are same story, and every view
/// says which sign showed it; a copy that changed one fact of the same item says none.
#[test]
fn template_items_say_why_they_are_no_copy() {
    let dir = tempfile::tempdir().expect("tempdir");
    let split = |name: &str, company: &str, date: &str| {
        let path = dir.path().join(name);
        std::fs::write(
            &path,
            format!(
                "{company} said its board declared a two-for-one stock split payable {date}. \
                 The company said the split would widen the ownership of its shares among \
                 small investors.\n"
            ),
        )
        .expect("write");
        path
    };
    let harwick = split("harwick.txt", "Harwick Tools Inc", "May 4");
    let pellam = split("pellam.txt", "Pellam Foods Inc", "June 9");
    let copy = split("copy.txt", "Harwick Tools Inc", "May 14");
    let (_, v) = compare_json(&harwick, &pellam);
    assert_eq!(
        (v["relation"].as_str(), v["template"]["sign"].as_str()),
        (Some("same_story"), Some("other_subjects"))
    );
    let (_, v) = compare_json(&harwick, &copy);
    assert_eq!(v["relation"].as_str(), Some("near_duplicate"));
    assert!(v.get("template").is_none(), "{v}");
    let page = dir.path().join("report.html");
    let text = unspin(&[
        "compare".as_ref(),
        harwick.as_os_str(),
        pellam.as_os_str(),
        "--html".as_ref(),
        page.as_os_str(),
    ]);
    let html = std::fs::read_to_string(&page).expect("report written");
    assert!(
        html.contains("<li>two items on one template: each is about a subject the other never names <small>(other_subjects)</small></li>"),
        "{html}"
    );
    assert!(
        text.stdout
            .contains("two items on one template: each is about a subject the other never names (other_subjects)"),
        "{}",
        text.stdout
    );
}

#[test]
fn unrelated_exits_1_with_no_changes() {
    assert_eq!(
        check("unrelated.txt"),
        "exit 1\nrelation \"unrelated\"\nsource null\ncoverage a 0.0 b 0.0\n"
    );
}

#[test]
fn self_comparison_is_a_duplicate() {
    let (code, v) = compare_json(&corpus("original.md"), &corpus("original.md"));
    assert_eq!(
        (
            code,
            v["relation"].as_str(),
            v["changes"].as_array().map(Vec::len)
        ),
        (0, Some("duplicate"), Some(0))
    );
}

#[test]
fn json_is_byte_identical_across_runs() {
    let (a, b) = (corpus("original.md"), corpus("rewrite-llm.txt"));
    let args: Vec<&std::ffi::OsStr> = vec![
        "compare".as_ref(),
        a.as_os_str(),
        b.as_os_str(),
        "--json".as_ref(),
    ];
    let first = unspin(&args).stdout;
    assert!(first.contains("\"schema\": \"unspin.compare/1\""));
    assert_eq!(first, unspin(&args).stdout);
}

#[test]
fn text_view_without_colour() {
    let run = unspin(&[
        "compare".as_ref(),
        corpus("original.md").as_os_str(),
        corpus("rewrite-llm.txt").as_os_str(),
    ]);
    assert_eq!(run.code, 0);
    assert!(
        !run.stdout.contains('\x1b'),
        "no colour when stdout is not a terminal"
    );
    let relation_line = run
        .stdout
        .lines()
        .find(|l| l.starts_with("relation:"))
        .unwrap_or("");
    assert_eq!(
        relation_line,
        "relation: rewrite  a is the source (confidence 0.71)"
    );
    assert!(
        run.stdout
            .contains("\n  number_changed\n    a: 14\n    b: 41\n    14 became 41\n"),
        "{}",
        run.stdout
    );
    // An altered quote shows its words changed, not both quotes again.
    assert!(
        run.stdout.contains(
            "\n    a: larger than anything we saw in 2019\n    b: worse than anything we saw in 2019\n    \
             words: [-larger-]{+worse+} than anything we saw in 2019\n"
        ),
        "{}",
        run.stdout
    );
}

#[test]
fn colour_on_request() {
    let run = unspin(&[
        "compare".as_ref(),
        corpus("original.md").as_os_str(),
        corpus("rewrite-llm.txt").as_os_str(),
        "--color=always".as_ref(),
    ]);
    assert!(
        run.stdout.contains("\x1b[1mrelation:\x1b[0m"),
        "{}",
        run.stdout
    );
}

#[test]
fn config_file_overrides_thresholds() {
    let dir = tempfile::tempdir().expect("tempdir");
    let strict = dir.path().join("strict.toml");
    std::fs::write(&strict, "rewrite_coverage = 0.99\n").expect("write");
    let (a, b) = (corpus("original.md"), corpus("rewrite-llm.txt"));
    let run = unspin(&[
        "--config".as_ref(),
        strict.as_os_str(),
        "compare".as_ref(),
        a.as_os_str(),
        b.as_os_str(),
        "--json".as_ref(),
    ]);
    let v: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
    assert_eq!(
        v["relation"], "partial_reuse",
        "a copy coverage of 0.95 is no longer a rewrite"
    );

    let typo = dir.path().join("typo.toml");
    std::fs::write(&typo, "rewrite_coverag = 0.99\n").expect("write");
    let run = unspin(&[
        "compare".as_ref(),
        "--config".as_ref(),
        typo.as_os_str(),
        a.as_os_str(),
        b.as_os_str(),
    ]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("typo.toml: invalid configuration")
            && run.stderr.contains("unknown field `rewrite_coverag`"),
        "{}",
        run.stderr
    );

    // No threshold or weight is NaN, infinite or negative (a link threshold of NaN or
    // 0 once sent the aligner out of bounds); the first such value is named.
    for (text, named) in [
        ("link_threshold = nan\n", "link_threshold = NaN"),
        (
            "[change_weights]\nquote_altered = -2.0\n",
            "change_weights.quote_altered = -2",
        ),
    ] {
        let bad = dir.path().join("bad.toml");
        std::fs::write(&bad, text).expect("write");
        let run = unspin(&[
            "compare".as_ref(),
            "--config".as_ref(),
            bad.as_os_str(),
            a.as_os_str(),
            b.as_os_str(),
        ]);
        assert_eq!(run.code, 2, "{}", run.stderr);
        assert!(
            run.stderr.contains(&format!(
                "bad.toml: invalid configuration: {named}: thresholds and weights are finite \
                 and not negative"
            )),
            "{}",
            run.stderr
        );
    }
}

/// The weights that rank changes and weigh the source evidence are configurable too, in
/// their own tables.
#[test]
fn config_tables_override_change_weights_and_evidence() {
    let (a, b) = (corpus("original.md"), corpus("rewrite-llm.txt"));
    let run_with = |toml: &str| {
        let dir = tempfile::tempdir().expect("tempdir");
        let file = dir.path().join("weights.toml");
        std::fs::write(&file, toml).expect("write");
        let run = unspin(&[
            "--config".as_ref(),
            file.as_os_str(),
            "compare".as_ref(),
            a.as_os_str(),
            b.as_os_str(),
            "--json".as_ref(),
        ]);
        let v: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
        (
            v["changes"][0]["kind"].as_str().unwrap_or("").to_string(),
            v["confidence"].as_f64().unwrap_or(f64::NAN),
        )
    };
    let (first, confidence) = run_with("");
    assert_eq!(first, "number_changed");
    assert!(confidence > 0.5, "{confidence}");
    let (first, confidence) = run_with(
        "[change_weights]\nnumber_changed = 0.1\ndate_changed = 0.1\nname_changed = 0.1\nnegation_flipped = 0.1\n\n[evidence]\nmax_confidence = 0.5\n",
    );
    assert_eq!(first, "attribution_dropped");
    assert_eq!(confidence, 0.5);
}

#[test]
fn printed_defaults_read_back_unchanged() {
    let printed = unspin(&["config".as_ref()]).stdout;
    assert!(printed.contains("link_threshold = 0.28\n"), "{printed}");
    assert!(printed.contains("\n[change_weights]\n"), "{printed}");
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("defaults.toml");
    std::fs::write(&file, &printed).expect("write");
    assert_eq!(
        unspin(&["--config".as_ref(), file.as_os_str(), "config".as_ref()]).stdout,
        printed
    );
}

/// A reader that goes away (`unspin … | head -0`) is not an error: exit 0, no message.
#[test]
fn closed_stdout_exits_0() {
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_unspin"))
        .arg("compare")
        .args([corpus("original.md"), corpus("rewrite-llm.txt")])
        .arg("--json")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("spawn");
    drop(child.stdout.take());
    let out = child.wait_with_output().expect("wait");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
}
