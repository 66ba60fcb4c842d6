//! The on-disk index: add, check, match, crash safety, idempotence.

use std::io::Write;
use std::time::{Duration, Instant};

use crate::support::{corpus, root, unspin};

#[test]
fn add_then_match_finds_the_source() {
    let dir = tempfile::tempdir().expect("tempdir");
    let index = dir.path().join("idx");
    let run = unspin(&[
        "index".as_ref(),
        "add".as_ref(),
        root().join("examples/corpus").as_os_str(),
        "--index".as_ref(),
        index.as_os_str(),
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("6 added, 0 already indexed, 0 skipped; 6 articles"),
        "{}",
        run.stderr
    );
    let run = unspin(&[
        "match".as_ref(),
        corpus("rewrite-llm.txt").as_os_str(),
        "--index".as_ref(),
        index.as_os_str(),
        "--json".as_ref(),
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let matches: Vec<serde_json::Value> = run
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON line"))
        .collect();
    let original = matches
        .iter()
        .find(|m| {
            m["origin"]
                .as_str()
                .is_some_and(|o| o.ends_with("original.md"))
        })
        .expect("the original is found");
    assert_eq!(
        (
            original["relation"].as_str(),
            original["direction"].as_str()
        ),
        (Some("rewrite"), Some("copies"))
    );
    assert!(
        matches.iter().all(|m| !m["origin"]
            .as_str()
            .unwrap_or("")
            .ends_with("rewrite-llm.txt")),
        "no match with itself"
    );
    let run = unspin(&[
        "match".as_ref(),
        corpus("unrelated.txt").as_os_str(),
        "--index".as_ref(),
        index.as_os_str(),
    ]);
    assert_eq!((run.code, run.stdout.as_str()), (1, ""));
}

/// Reading commands never create an index where a mistyped path points: they say there
/// is none (exit 2) and leave the path as it was.
#[test]
fn match_and_check_on_a_missing_index_say_so_and_create_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let missing = dir.path().join("no-index");
    let article = corpus("original.md");
    let runs = [
        unspin(&[
            "match".as_ref(),
            "--index".as_ref(),
            missing.as_os_str(),
            article.as_os_str(),
        ]),
        unspin(&[
            "index".as_ref(),
            "check".as_ref(),
            "--index".as_ref(),
            missing.as_os_str(),
        ]),
    ];
    for run in runs {
        assert_eq!(run.code, 2, "{}", run.stderr);
        assert_eq!(
            run.stderr,
            format!(
                "unspin: error: {}: no index here (`unspin index add --index DIR` makes one)\n",
                missing.display()
            )
        );
    }
    assert!(!missing.exists());
}

#[test]
fn killed_mid_run_the_index_keeps_whole_batches_and_resumes() {
    let dir = tempfile::tempdir().expect("tempdir");
    let feed = dir.path().join("feed.jsonl");
    let base = std::fs::read_to_string(corpus("original.md")).expect("read");
    let mut f = std::io::BufWriter::new(std::fs::File::create(&feed).expect("create"));
    const N: usize = 3000;
    for k in 0..N {
        let text =
            format!("{base}\n\nUpdate {k}: the bridge inspection log now lists {k} entries.");
        writeln!(f, "{}", serde_json::json!({ "text": text })).expect("write");
    }
    f.flush().expect("flush");
    drop(f);
    let index = dir.path().join("idx");
    let add = || {
        std::process::Command::new(env!("CARGO_BIN_EXE_unspin"))
            .args(["index", "add"])
            .arg(&feed)
            .arg("--index")
            .arg(&index)
            .args(["--batch", "50"])
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("spawn")
    };
    let mut child = add();
    // Kill (SIGKILL) once some batches are committed but before the end.
    let started = Instant::now();
    while started.elapsed() < Duration::from_millis(800) {
        std::thread::sleep(Duration::from_millis(20));
    }
    assert!(
        child.try_wait().expect("status").is_none(),
        "index add finished before it could be killed; make the feed larger"
    );
    child.kill().expect("kill");
    child.wait().expect("wait");

    let check = unspin(&[
        "index".as_ref(),
        "check".as_ref(),
        "--index".as_ref(),
        index.as_os_str(),
    ]);
    assert_eq!(
        check.code, 0,
        "the index opens after a crash: {}",
        check.stderr
    );
    let committed: usize = check
        .stdout
        .split_whitespace()
        .next()
        .and_then(|n| n.parse().ok())
        .expect("count");
    assert!(committed < N, "{committed}");
    assert_eq!(committed % 50, 0, "only whole batches are committed");

    let out = add().wait_with_output().expect("resume");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(&format!(
            "{} added, {committed} already indexed, 0 skipped; {N} articles",
            N - committed
        )),
        "{stderr}"
    );
    let again = add().wait_with_output().expect("again");
    let stderr = String::from_utf8_lossy(&again.stderr);
    assert!(
        stderr.contains(&format!(
            "0 added, {N} already indexed, 0 skipped; {N} articles"
        )),
        "adding again changes nothing: {stderr}"
    );
    let check = unspin(&[
        "index".as_ref(),
        "check".as_ref(),
        "--index".as_ref(),
        index.as_os_str(),
    ]);
    assert_eq!(check.stdout, format!("{N} articles, all intact\n"));
}
