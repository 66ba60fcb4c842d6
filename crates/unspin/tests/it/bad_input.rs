//! Bad input never panics: a clear error naming the input (exit 2) or a sensible result.

use std::path::Path;

use crate::support::{compare_json, corpus, unspin};

/// Compare `bytes` (written to a file called `name`) against the original and return
/// (exit code, stderr).
fn check(name: &str, bytes: &[u8]) -> (i32, String, String) {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).expect("write");
    let run = unspin(&[
        "compare".as_ref(),
        path.as_os_str(),
        corpus("original.md").as_os_str(),
    ]);
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    (
        run.code,
        run.stderr.replace(&dir.path().display().to_string(), "TMP"),
        run.stdout,
    )
}

#[test]
fn empty_file() {
    let (code, err, _) = check("empty.txt", b"");
    assert_eq!(
        (code, err.as_str()),
        (
            2,
            "unspin: error: TMP/empty.txt: empty input, no article to read\n"
        )
    );
}

#[test]
fn binary_file() {
    let (code, err, _) = check(
        "photo.jpg",
        b"\xFF\xD8\xFF\xE0\x00\x10JFIF\x00\x01\x01\x00\x00\x01",
    );
    assert_eq!(
        (code, err.as_str()),
        (
            2,
            "unspin: error: TMP/photo.jpg: not text (a NUL byte at offset 4); is this a binary file?\n"
        )
    );
}

#[test]
fn invalid_utf8_is_read_as_latin1() {
    let (code, err, out) = check("latin1.txt", b"The Harlan Bridge was closed on Wednesday, the authority said. Caf\xe9 owners feared the d\xe9tour.");
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("relation: partial_reuse")
            || out.contains("relation: same_story")
            || out.contains("relation: rewrite"),
        "{out}"
    );
}

#[test]
fn fifty_megabyte_file() {
    let big = "The bridge is closed. ".repeat(50 * 1024 * 1024 / 22 + 1);
    let (code, err, _) = check("huge.txt", big.as_bytes());
    assert_eq!(code, 2);
    assert!(
        err.starts_with("unspin: error: TMP/huge.txt: too large (52428"),
        "{err}"
    );
    assert!(
        err.ends_with("bytes, the limit is 10485760 bytes)\n"),
        "{err}"
    );
}

#[test]
fn html_without_an_article() {
    let (code, err, _) = check("empty.html", b"<html><head><title>Home</title></head><body><nav><a href='/'>Home</a></nav></body></html>");
    assert_eq!(code, 2);
    assert!(
        err.starts_with("unspin: error: TMP/empty.html: no article text found"),
        "{err}"
    );
}

#[test]
fn malformed_json() {
    let (code, err, _) = check("broken.json", b"{\"text\": \"The bridge");
    assert_eq!(code, 2);
    assert!(
        err.starts_with("unspin: error: TMP/broken.json: invalid JSON at line 1"),
        "{err}"
    );
}

#[test]
fn missing_path() {
    let run = unspin(&[
        "compare".as_ref(),
        Path::new("no/such/article.txt").as_os_str(),
        corpus("original.md").as_os_str(),
    ]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.starts_with(
            "unspin: error: cannot read no/such/article.txt: No such file or directory"
        ),
        "{}",
        run.stderr
    );
}

#[test]
fn directory_instead_of_file() {
    let run = unspin(&[
        "compare".as_ref(),
        corpus("").as_os_str(),
        corpus("original.md").as_os_str(),
    ]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("is a directory, expected an article file"),
        "{}",
        run.stderr
    );
}

#[test]
fn only_punctuation_against_itself_is_an_error_not_a_panic() {
    let (code, err, _) = check("dots.txt", b"... ... !!!\n\n---");
    assert_eq!(code, 2);
    assert!(
        err.contains("no article text found: it holds no words"),
        "{err}"
    );
    // A tiny real text is fine.
    let dir = tempfile::tempdir().expect("tempdir");
    let tiny = dir.path().join("tiny.txt");
    std::fs::write(&tiny, "Yes.").expect("write");
    let (code, v) = compare_json(&tiny, &tiny);
    assert_eq!((code, v["relation"].as_str()), (0, Some("duplicate")));
}

#[test]
fn control_characters_in_an_article_never_reach_the_terminal() {
    // An added sentence that would set the window title and colour a terminal.
    let mut bytes = std::fs::read(corpus("original.md")).expect("fixture");
    bytes.extend_from_slice(
        b"\n\nA \x1b]0;pwned\x07\x1b[31mred alert\x1b[0m was declared across the northern region on Monday.\n",
    );
    let (code, err, out) = check("escape.md", &bytes);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("red alert"), "{out}");
    assert!(
        !out.contains(|c: char| c.is_control() && c != '\n'),
        "{out:?}"
    );
}

/// A stream without end (a device given as an article) is read up to the limit and
/// refused, never to the end: `compare` used to read /dev/zero until memory ran out.
#[cfg(unix)]
#[test]
fn an_endless_stream_is_refused_at_the_limit() {
    let run = unspin(&[
        "compare".as_ref(),
        "/dev/zero".as_ref(),
        corpus("original.md").as_os_str(),
        "--max-bytes".as_ref(),
        "4096".as_ref(),
    ]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert_eq!(
        run.stderr,
        "unspin: error: /dev/zero: too large (4097 bytes, the limit is 4096 bytes)\n"
    );
}

/// A generated corpus whose truth does not match it is an error naming the file, not a
/// panic: a source outside the corpus, or more documents than truth lines.
#[test]
fn a_generated_corpus_with_a_mismatched_truth() {
    let run_with = |truth: &str, corpus: &str| {
        let dir = tempfile::tempdir().expect("tempdir");
        std::fs::write(dir.path().join("truth.jsonl"), truth).expect("write");
        std::fs::write(dir.path().join("corpus.jsonl"), corpus).expect("write");
        let run = unspin(&["eval".as_ref(), "corpus".as_ref(), dir.path().as_os_str()]);
        let stderr = run.stderr.replace(&*dir.path().to_string_lossy(), "DIR");
        (run.code, stderr)
    };
    let doc = |id: &str| {
        format!(
            "{{\"id\": \"{id}\", \"text\": \"The council met on Tuesday to discuss the harbour plan.\"}}\n"
        )
    };
    let (code, err) = run_with(
        "{\"id\": \"d0\", \"kind\": \"original\", \"family\": 1, \"source\": null}\n\
         {\"id\": \"d1\", \"kind\": \"rewrite\", \"family\": 1, \"source\": \"d7\"}\n",
        &(doc("d0") + &doc("d1")),
    );
    assert_eq!(code, 2, "{err}");
    assert_eq!(
        err,
        "unspin: error: DIR/truth.jsonl: line 2: the source of \"d1\" is not among its 2 documents\n"
    );
    let (code, err) = run_with(
        "{\"id\": \"d0\", \"kind\": \"singleton\", \"family\": null, \"source\": null}\n",
        &(doc("d0") + &doc("d1")),
    );
    assert_eq!(code, 2, "{err}");
    assert_eq!(
        err,
        "unspin: error: DIR/corpus.jsonl: line 2 has no matching line in DIR/truth.jsonl (it has 1)\n"
    );
}
