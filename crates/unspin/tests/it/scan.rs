//! `unspin scan`: families, outputs, bad inputs in a corpus, determinism.

use std::io::Write;
use std::path::Path;

use serde_json::{Value, json};

use crate::support::{root, shared, unspin};

struct Scan {
    code: i32,
    families: Vec<Value>,
    pairs: Vec<Value>,
    skipped: Vec<Value>,
    summary: Value,
}

fn lines(path: &Path) -> Vec<Value> {
    std::fs::read_to_string(path)
        .unwrap_or_default()
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON line"))
        .collect()
}

fn scan(input: &Path, out: &Path) -> Scan {
    scan_with(input, out, "2")
}

fn scan_with(input: &Path, out: &Path, threads: &str) -> Scan {
    let run = unspin(&[
        "scan".as_ref(),
        input.as_os_str(),
        "--out".as_ref(),
        out.as_os_str(),
        "--threads".as_ref(),
        threads.as_ref(),
    ]);
    assert!(run.code == 0 || run.code == 1, "{}", run.stderr);
    Scan {
        code: run.code,
        families: lines(&out.join("families.jsonl")),
        pairs: lines(&out.join("pairs.jsonl")),
        skipped: lines(&out.join("skipped.jsonl")),
        summary: serde_json::from_str(
            &std::fs::read_to_string(out.join("summary.json")).unwrap_or_default(),
        )
        .expect("summary"),
    }
}

/// Family members as "file relation <- source file".
fn members(f: &Value) -> Vec<String> {
    let members = f["members"].as_array().cloned().unwrap_or_default();
    let file_of = |id: &Value| {
        members
            .iter()
            .find(|m| m["id"] == *id)
            .and_then(|m| m["path"].as_str())
            .and_then(|p| p.rsplit('/').next())
            .unwrap_or("?")
            .to_string()
    };
    members
        .iter()
        .map(|m| {
            format!(
                "{} {} <- {}",
                file_of(&m["id"]),
                m["relation"].as_str().unwrap_or("original"),
                if m["source"].is_null() {
                    "-".into()
                } else {
                    file_of(&m["source"])
                }
            )
        })
        .collect()
}

#[test]
fn example_corpus_is_one_family_with_its_original() {
    let out = tempfile::tempdir().expect("tempdir");
    let s = scan(&root().join("examples/corpus"), out.path());
    assert_eq!((s.code, s.families.len()), (0, 1));
    assert_eq!(
        members(&s.families[0]),
        [
            "original.md original <- -",
            "record.json rewrite <- original.md",
            "rewrite-llm.txt rewrite <- original.md",
            "syndicated.html near_duplicate <- original.md"
        ]
    );
    // The independent follow-up shares names (people, places, the bridge) but no
    // sentence with the family: linked as same story, not as a copy.
    let follow_up = std::fs::read_to_string(root().join("examples/corpus/same-story.txt"))
        .expect("same-story.txt");
    let id = unspin_index::corpus::ArticleId::of(&follow_up).to_string();
    assert_eq!(s.families[0]["same_story"], serde_json::json!([id]));
    // A plain-text member's title is its headline line.
    let title_of = |file: &str| {
        s.families[0]["members"]
            .as_array()
            .into_iter()
            .flatten()
            .find(|m| m["path"].as_str().is_some_and(|p| p.ends_with(file)))
            .map(|m| m["title"].clone())
    };
    assert_eq!(
        title_of("rewrite-llm.txt"),
        Some(serde_json::json!(
            "Harlan Bridge Shut as Safety Checks Reveal Serious Damage"
        ))
    );
    assert!(s.pairs.iter().all(|p| p["schema"] == "unspin.pairs/1"));
    assert_eq!(
        (
            s.summary["articles"].as_u64(),
            s.summary["skipped"].as_u64()
        ),
        (Some(6), Some(0))
    );
    // summary.json holds the fields its schema documents (scan_cmd.rs), and no others.
    let fields: Vec<&str> = s
        .summary
        .as_object()
        .map_or(Vec::new(), |o| o.keys().map(String::as_str).collect());
    assert_eq!(
        fields,
        [
            "articles",
            "boilerplate_sentences",
            "candidates",
            "common_names",
            "families",
            "hub_bands",
            "hub_keys",
            "related_pairs",
            "schema",
            "skipped"
        ]
    );
    assert_eq!(s.summary["schema"], "unspin.scan-summary/2");
    assert!(
        out.path().join("report/index.html").is_file()
            && out.path().join("report/family-0.html").is_file()
    );
    let family_page =
        std::fs::read_to_string(out.path().join("report/family-0.html")).unwrap_or_default();
    assert_eq!(
        family_page.matches("href=\"pair-").count(),
        3,
        "one pair page per copy"
    );
}

#[test]
fn seeds_are_one_family_with_003_as_original() {
    let Some(seeds) = shared("seeds") else { return };
    let out = tempfile::tempdir().expect("tempdir");
    let s = scan(&seeds, out.path());
    assert_eq!(s.families.len(), 1);
    let m = members(&s.families[0]);
    assert_eq!(m[0], "003_7ec77a7c64589271.txt original <- -");
    assert!(
        m.contains(&"002_e621de0e988ee5d8.txt rewrite <- 003_7ec77a7c64589271.txt".to_string()),
        "{m:?}"
    );
    // 000 is linked to the story (it reuses a passage of 003), never as a copy of 002.
    assert!(!m.iter().any(|l| l.starts_with("000_")), "{m:?}");
    let linked: Vec<&str> = s.families[0]["partial_reuse"]
        .as_array()
        .map(|a| a.iter().filter_map(|l| l["path"].as_str()).collect())
        .unwrap_or_default();
    assert_eq!(linked.len(), 1);
    assert!(
        linked[0].ends_with("000_a1fdf567fbe0daa3.txt"),
        "{linked:?}"
    );
}

#[test]
fn bad_inputs_are_skipped_and_counted() {
    let dir = tempfile::tempdir().expect("tempdir");
    let corpus = dir.path().join("in");
    std::fs::create_dir_all(&corpus).expect("mkdir");
    let original = std::fs::read(root().join("examples/corpus/original.md")).expect("read");
    std::fs::write(corpus.join("a.md"), &original).expect("write");
    std::fs::write(corpus.join("b.txt"), &original).expect("write");
    std::fs::write(corpus.join("photo.jpg.txt"), b"\xFF\xD8\x00\x00binary").expect("write");
    std::fs::write(
        corpus.join("feed.jsonl"),
        b"{\"text\": \"A short but fine record about the weather.\"}\n{\"text\": broken\n",
    )
    .expect("write");
    let mut gz = flate2_gzip(&"{\"text\": \"Another record of the feed.\"}\n".repeat(2000));
    gz.truncate(gz.len() / 2);
    std::fs::write(corpus.join("cut.jsonl.gz"), gz).expect("write");
    let out = dir.path().join("out");
    let s = scan(&corpus, &out);
    assert_eq!(s.families.len(), 1, "the exact copy is still found");
    let reasons: Vec<String> = s
        .skipped
        .iter()
        .map(|v| {
            format!(
                "{} {}",
                v["origin"]
                    .as_str()
                    .unwrap_or("")
                    .rsplit('/')
                    .next()
                    .unwrap_or(""),
                v["reason"].as_str().unwrap_or("")
            )
        })
        .collect();
    assert_eq!(reasons.len(), 3, "{reasons:?}");
    assert!(
        reasons[0].starts_with("cut.jsonl.gz:") && reasons[0].contains("stopped reading"),
        "{reasons:?}"
    );
    assert!(
        reasons[1].starts_with("feed.jsonl:2 invalid JSON"),
        "{reasons:?}"
    );
    assert!(
        reasons[2].starts_with("photo.jpg.txt not text"),
        "{reasons:?}"
    );
    assert_eq!(s.summary["skipped"].as_u64(), Some(3));
}

#[test]
fn scans_are_deterministic_whatever_the_threads() {
    let (x, y) = (
        tempfile::tempdir().expect("tempdir"),
        tempfile::tempdir().expect("tempdir"),
    );
    scan_with(&root().join("examples/corpus"), x.path(), "1");
    scan_with(&root().join("examples/corpus"), y.path(), "3");
    for file in ["families.jsonl", "pairs.jsonl", "summary.json"] {
        assert_eq!(
            std::fs::read(x.path().join(file)).ok(),
            std::fs::read(y.path().join(file)).ok(),
            "{file}"
        );
    }
}

fn flate2_gzip(text: &str) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    e.write_all(text.as_bytes()).expect("gzip");
    e.finish().expect("gzip")
}

/// `eval corpus --predictions` lists each planted pair with what the scan found for it,
/// then each copy pair claimed but not planted.
#[test]
fn corpus_predictions_list_planted_and_claimed_pairs() {
    let dir = tempfile::tempdir().expect("tempdir");
    let read = |name: &str| {
        std::fs::read_to_string(root().join("examples/corpus").join(name)).expect("read")
    };
    let (original, rewrite, unrelated) = (
        read("original.md"),
        read("rewrite-llm.txt"),
        read("unrelated.txt"),
    );
    let docs = [
        ("d0", "2025-11-07", &original),
        ("d1", "2025-11-08", &original),
        ("d2", "2025-11-08", &rewrite),
        ("d3", "2025-11-09", &unrelated),
        ("d4", "2025-11-09", &original),
    ];
    let corpus: String = docs
        .iter()
        .map(|(id, date, text)| json!({"id": id, "date": date, "text": text}).to_string() + "\n")
        .collect();
    // d4 copies d0 too, but the truth leaves it out: claimed pairs that were not planted.
    // d3 is planted as a rewrite it is not: a planted pair the scan does not find.
    let truth = [
        json!({"id": "d0", "kind": "original", "family": 1, "source": null}),
        json!({"id": "d1", "kind": "exact", "family": 1, "source": "d0"}),
        json!({"id": "d2", "kind": "rewrite", "family": 1, "source": "d0"}),
        json!({"id": "d3", "kind": "rewrite", "family": 2, "source": "d0"}),
        json!({"id": "d4", "kind": "singleton", "family": null, "source": null}),
    ]
    .iter()
    .map(|v| v.to_string() + "\n")
    .collect::<String>();
    std::fs::write(dir.path().join("corpus.jsonl"), corpus).expect("write");
    std::fs::write(dir.path().join("truth.jsonl"), truth).expect("write");
    let lines_file = dir.path().join("predictions.jsonl");
    let run = unspin(&[
        "eval".as_ref(),
        "corpus".as_ref(),
        dir.path().as_os_str(),
        "--predictions".as_ref(),
        lines_file.as_os_str(),
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let lines: Vec<String> = std::fs::read_to_string(&lines_file)
        .expect("predictions written")
        .lines()
        .map(|l| {
            let v: Value = serde_json::from_str(l).expect("json line");
            format!(
                "{}-{} planted {} found {} source {}{}",
                v["a"].as_str().unwrap_or("?"),
                v["b"].as_str().unwrap_or("?"),
                v["planted"],
                v["relation"],
                v["source"],
                match v["same_family"].as_bool() {
                    Some(true) => " (same family)",
                    Some(false) => " (other family)",
                    None => "",
                }
            )
        })
        .collect();
    assert_eq!(
        lines,
        [
            r#"d0-d1 planted "exact" found "duplicate" source "d0""#,
            r#"d0-d2 planted "rewrite" found "rewrite" source "d0""#,
            r#"d0-d3 planted "rewrite" found null source null"#,
            r#"d0-d4 planted null found "duplicate" source "d0" (other family)"#,
            r#"d1-d2 planted null found "rewrite" source "d1" (same family)"#,
            r#"d1-d4 planted null found "duplicate" source "d1" (other family)"#,
            r#"d2-d4 planted null found "rewrite" source "d2" (other family)"#,
        ]
    );
}

/// Floors for the scan's quality on a generated corpus (measured: see the README).
#[test]
fn generated_corpus_families_are_found() {
    let Some(pool) = shared("data/bbc-news/business") else {
        return;
    };
    let dir = tempfile::tempdir().expect("tempdir");
    let generated = unspin(&[
        "generate".as_ref(),
        "--from".as_ref(),
        pool.as_os_str(),
        "--out".as_ref(),
        dir.path().as_os_str(),
        "--docs".as_ref(),
        "300".as_ref(),
        "--seed".as_ref(),
        "3".as_ref(),
    ]);
    assert_eq!(generated.code, 0, "{}", generated.stderr);
    let truth = std::fs::read_to_string(dir.path().join("truth.jsonl")).unwrap_or_default();
    assert_eq!(truth.lines().count(), 300);
    let run = unspin(&["eval".as_ref(), "corpus".as_ref(), dir.path().as_os_str()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let figure = |label: &str| -> f64 {
        let at = run
            .stdout
            .find(label)
            .unwrap_or_else(|| panic!("{label} missing: {}", run.stdout))
            + label.len();
        run.stdout[at..]
            .split_whitespace()
            .next()
            .and_then(|w| w.parse().ok())
            .unwrap_or(f64::NAN)
    };
    assert!(figure("recall exact") >= 0.99, "{}", run.stdout);
    assert!(figure("recall near") >= 0.99, "{}", run.stdout);
    assert!(figure("recall rewrite") >= 0.95, "{}", run.stdout);
    assert!(figure("pair precision") >= 0.98, "{}", run.stdout);
    assert!(figure("original found") >= 0.95, "{}", run.stdout);
}

/// Files of one text share an id: each pair also says which files it joins, so the
/// pairs of two copies of a file are told apart, and none is listed twice.
#[test]
fn pairs_name_the_files_they_join() {
    let dir = tempfile::tempdir().expect("tempdir");
    let corpus = root().join("examples/corpus");
    for (from, to) in [
        ("original.md", "original.md"),
        ("original.md", "original-again.md"),
        ("rewrite-llm.txt", "rewrite-llm.txt"),
    ] {
        std::fs::copy(corpus.join(from), dir.path().join(to)).expect("copy");
    }
    let out = tempfile::tempdir().expect("tempdir");
    let s = scan(dir.path(), out.path());
    let file = |p: &Value, side: &str| {
        p["paths"][side]
            .as_str()
            .and_then(|p| p.rsplit('/').next())
            .unwrap_or("?")
            .to_string()
    };
    let mut joined: Vec<String> = s
        .pairs
        .iter()
        .map(|p| format!("{} {} {}", file(p, "a"), p["relation"], file(p, "b")))
        .collect();
    joined.sort();
    assert_eq!(
        joined,
        [
            "original-again.md \"duplicate\" original.md",
            "original-again.md \"rewrite\" rewrite-llm.txt",
            "original.md \"rewrite\" rewrite-llm.txt",
        ]
    );
    // The two copies of the original have one id.
    let same = s.pairs.iter().find(|p| p["relation"] == "duplicate");
    assert!(same.is_some_and(|p| p["a"] == p["b"]), "{:?}", s.pairs);
}

#[test]
fn no_report_writes_the_json_outputs_only() {
    let out = tempfile::tempdir().expect("tempdir");
    let run = unspin(&[
        "scan".as_ref(),
        root().join("examples/corpus").as_os_str(),
        "--out".as_ref(),
        out.path().as_os_str(),
        "--no-report".as_ref(),
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(lines(&out.path().join("families.jsonl")).len(), 1);
    assert!(!out.path().join("report").exists());
}

#[test]
fn scan_with_an_index_finds_families_across_runs() {
    let index = tempfile::tempdir().expect("tempdir");
    let corpus = root().join("examples/corpus");
    let add = unspin(&[
        "index".as_ref(),
        "add".as_ref(),
        corpus.join("original.md").as_os_str(),
        "--index".as_ref(),
        index.path().as_os_str(),
    ]);
    assert_eq!(add.code, 0, "{}", add.stderr);
    // The second scan names only the rewrite; the original comes from the index.
    let out = tempfile::tempdir().expect("tempdir");
    let run = unspin(&[
        "scan".as_ref(),
        corpus.join("rewrite-llm.txt").as_os_str(),
        "--index".as_ref(),
        index.path().as_os_str(),
        "--out".as_ref(),
        out.path().as_os_str(),
        "--no-report".as_ref(),
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let families = lines(&out.path().join("families.jsonl"));
    assert_eq!(
        families.iter().map(members).collect::<Vec<_>>(),
        [vec![
            "original.md original <- -".to_string(),
            "rewrite-llm.txt rewrite <- original.md".to_string()
        ]]
    );
    // The index now holds both.
    let check = unspin(&[
        "index".as_ref(),
        "check".as_ref(),
        "--index".as_ref(),
        index.path().as_os_str(),
    ]);
    assert_eq!(check.stdout.trim(), "2 articles, all intact");
}
