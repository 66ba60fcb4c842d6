//! Corpus reader tests: every container and every kind of bad input.

use std::io::Write;

use super::*;

const PAGE: &str = "<html><head><title>Dam Repair Starts</title></head><body><article><p>Work on the Kessel dam began on Monday after months of delays, the water board said, with crews expected on site until the autumn.</p><p>The repairs will cost the board about two million pounds, according to its annual report published last week.</p></article></body></html>";

fn warc_record(uri: &str, payload: &str) -> Vec<u8> {
    let body = format!("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n{payload}");
    let mut out = format!(
        "WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-{:012}>\r\nWARC-Date: 2024-03-15T07:30:00Z\r\nWARC-Target-URI: {uri}\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: {}\r\n\r\n",
        uri.len(),
        body.len()
    )
    .into_bytes();
    out.extend(body.as_bytes());
    out.extend(b"\r\n\r\n");
    out
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    e.write_all(bytes).expect("gzip");
    e.finish().expect("gzip")
}

/// Read `files` (name, bytes) from a temp folder; return "id? origin" lines for
/// articles and "SKIP origin: reason" lines, with the folder path replaced by `D`.
fn check(files: &[(&str, Vec<u8>)]) -> Vec<String> {
    check_with(files, &ReadOptions::default())
}

fn check_with(files: &[(&str, Vec<u8>)], opts: &ReadOptions) -> Vec<String> {
    let dir = tempfile::tempdir().expect("tempdir");
    for (name, bytes) in files {
        let path = dir.path().join(name);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(path, bytes).expect("write");
    }
    check_dir_with(dir.path(), opts)
}

/// [`check`] of a folder as it is.
fn check_dir(dir: &Path) -> Vec<String> {
    check_dir_with(dir, &ReadOptions::default())
}

fn check_dir_with(dir: &Path, opts: &ReadOptions) -> Vec<String> {
    let root = dir.display().to_string();
    let mut out = Vec::new();
    read(&[dir.to_path_buf()], opts, &mut |r| {
        out.push(match r {
            Ok(item) => format!(
                "ok {} {} words",
                item.article.meta.origin.replace(&root, "D"),
                item.article.text.split_whitespace().count()
            ),
            Err(s) => format!("SKIP {}: {}", s.origin.replace(&root, "D"), s.reason),
        })
    });
    out
}

#[test]
fn every_container() {
    let jsonl = "{\"title\": \"One\", \"text\": \"The first record has a few words.\"}\n\n{\"text\": \"The second record is here too.\"}\n";
    let got = check(&[
        ("a.txt", b"Plain text article about the river.".to_vec()),
        ("b/c.md", b"# Title\n\nMarkdown article body text.".to_vec()),
        ("b/page.html", PAGE.as_bytes().to_vec()),
        ("d.json", br#"{"text": "A JSON record article."}"#.to_vec()),
        ("d2.json", br#" [{"body": "First of a list."}, {"title": "no text"}, {"body": "Second of the list."}]"#.to_vec()),
        ("e.jsonl", jsonl.as_bytes().to_vec()),
        ("f.jsonl.gz", gzip(jsonl.as_bytes())),
        (
            "g.warc",
            [
                warc_record("https://news.example/dam", PAGE),
                warc_record("https://news.example/dam2", PAGE),
            ]
            .concat(),
        ),
        (
            "h.warc.gz",
            [
                gzip(&warc_record("https://news.example/dam", PAGE)),
                gzip(&warc_record("https://news.example/x", PAGE)),
            ]
            .concat(),
        ),
        (".hidden.txt", b"never read".to_vec()),
    ]);
    assert_eq!(
        got,
        [
            "ok D/a.txt 6 words",
            "ok D/b/c.md 6 words",
            "ok D/b/page.html 42 words",
            "ok D/d.json 4 words",
            "ok D/d2.json#1 4 words",
            "SKIP D/d2.json#2: the JSON record has no article text (expected a string field text, body, content, maintext, article, text_content, html, raw_html, content_html)",
            "ok D/d2.json#3 4 words",
            "ok D/e.jsonl:1 7 words",
            "ok D/e.jsonl:3 6 words",
            "ok D/f.jsonl.gz:1 7 words",
            "ok D/f.jsonl.gz:3 6 words",
            "ok https://news.example/dam 42 words",
            "ok https://news.example/dam2 42 words",
            "ok https://news.example/dam 42 words",
            "ok https://news.example/x 42 words",
        ]
    );
}

#[test]
fn bad_inputs_are_skipped_with_reasons() {
    let good = "{\"text\": \"A fine record.\"}\n";
    let truncated_warc = {
        let mut w = warc_record("https://news.example/a", PAGE);
        let keep = w.len() - 200;
        w.truncate(keep);
        [warc_record("https://news.example/ok", PAGE), w].concat()
    };
    let got = check(&[
        ("bin.txt", b"\x00\x01\x02binary".to_vec()),
        (
            "broken.jsonl",
            format!("{good}{{\"text\": \"cut off\n{good}").into_bytes(),
        ),
        ("cut.warc", truncated_warc),
        ("notes.docx", b"PK".to_vec()),
    ]);
    let expect_prefixes = [
        "SKIP D/bin.txt: not text (a NUL byte at offset 0)",
        "ok D/broken.jsonl:1 3 words",
        "SKIP D/broken.jsonl:2: invalid JSON: EOF while parsing a string",
        "ok D/broken.jsonl:3 3 words",
        "ok https://news.example/ok 42 words",
        "SKIP D/cut.warc#2: unreadable WARC record, rest of the file skipped",
        "SKIP D/notes.docx: not a format unspin reads",
    ];
    assert_eq!(got.len(), expect_prefixes.len(), "{got:#?}");
    for (line, prefix) in got.iter().zip(expect_prefixes) {
        assert!(
            line.starts_with(prefix),
            "{line:?} should start with {prefix:?}"
        );
    }
}

#[test]
fn an_overlong_line_is_skipped_unheld_and_the_next_ones_read() {
    let opts = ReadOptions {
        max_bytes: 64,
        ..ReadOptions::default()
    };
    let good = "{\"text\": \"A fine record.\"}\n";
    let long = format!("{{\"text\": \"{}\"}}\n", "word ".repeat(100));
    let lines = format!("{good}{long}{good}{}", long.trim_end());
    let got = check_with(
        &[
            ("long.jsonl", lines.clone().into_bytes()),
            ("long.jsonl.gz", gzip(lines.as_bytes())),
        ],
        &opts,
    );
    let skip = |name: &str, n: usize| {
        format!(
            "SKIP D/{name}:{n}: too large ({} bytes, the limit for a line is 256 bytes)",
            long.len() - 1
        )
    };
    assert_eq!(
        got,
        [
            "ok D/long.jsonl:1 3 words".to_string(),
            skip("long.jsonl", 2),
            "ok D/long.jsonl:3 3 words".to_string(),
            skip("long.jsonl", 4),
            "ok D/long.jsonl.gz:1 3 words".to_string(),
            skip("long.jsonl.gz", 2),
            "ok D/long.jsonl.gz:3 3 words".to_string(),
            skip("long.jsonl.gz", 4),
        ]
    );
}

#[test]
fn ids_are_content_hashes() {
    assert_eq!(
        ArticleId::of("The  river\nrose."),
        ArticleId::of("The river rose.")
    );
    assert_ne!(
        ArticleId::of("The river rose."),
        ArticleId::of("The river fell.")
    );
    assert_eq!(ArticleId::of("x").to_string().len(), 32);
}

#[test]
fn truncated_gzip_keeps_what_came_before() {
    let lines: String = (0..5000)
        .map(|k| format!("{{\"text\": \"Record number {k} of the feed, with some words.\"}}\n"))
        .collect();
    let full = gzip(lines.as_bytes());
    let got = check(&[("cut.jsonl.gz", full[..full.len() / 2].to_vec())]);
    let (last, read) = got.split_last().expect("some output");
    assert!(
        read.len() > 1000 && read.iter().all(|l| l.starts_with("ok D/cut.jsonl.gz:")),
        "{} read",
        read.len()
    );
    assert!(
        last.starts_with(&format!(
            "SKIP D/cut.jsonl.gz:{}: stopped reading: ",
            read.len() + 1
        )),
        "{last}"
    );
}

/// The article of a WARC file holding `bytes`, which must read as exactly one.
fn the_one_article(bytes: Vec<u8>) -> unspin_core::Article {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("one.warc"), bytes).expect("write");
    let mut articles = Vec::new();
    read(
        &[dir.path().to_path_buf()],
        &ReadOptions::default(),
        &mut |r| articles.push(r.expect("the record reads").article),
    );
    match <[unspin_core::Article; 1]>::try_from(articles) {
        Ok([article]) => article,
        Err(articles) => panic!("{} articles", articles.len()),
    }
}

#[test]
fn warc_records_carry_no_control_characters() {
    let page = PAGE.replace("began on Monday", "began \u{1b}[2J on Monday");
    let article = the_one_article(warc_record("https://news.example/dam\u{1b}]0;x", &page));
    assert!(
        article.text.contains("began  [2J on Monday"),
        "{}",
        article.text
    );
    assert_eq!(
        article.meta.url.as_deref(),
        Some("https://news.example/dam ]0;x")
    );
}

#[test]
fn a_warc_target_uri_of_invalid_utf8_is_read_not_a_panic() {
    // The warc crate's `header` unwraps a header's UTF-8: bad bytes in the target URI
    // used to abort the whole scan.
    let mut record = warc_record("https://news.example/XX", PAGE);
    let at = record
        .windows(2)
        .position(|w| w == b"XX")
        .expect("placeholder");
    record[at..at + 2].copy_from_slice(&[0xff, 0xfe]);
    let article = the_one_article(record);
    assert_eq!(
        article.meta.url.as_deref(),
        Some("https://news.example/\u{FFFD}\u{FFFD}")
    );
}

#[test]
fn a_warc_record_over_the_limit_is_skipped_by_its_length_and_the_next_read() {
    // The first record declares a body of 50 GB and holds a few bytes (the file ends
    // there); before, it was skipped only after its body had been buffered. A record
    // over `max_bytes` is now skipped by its declared length, unread; the next is read.
    let opts = ReadOptions {
        max_bytes: 2_000,
        ..ReadOptions::default()
    };
    let big = "<p>Long page.</p>".repeat(200);
    let got = check_with(
        &[(
            "mixed.warc",
            [
                warc_record("https://news.example/big", &big),
                warc_record("https://news.example/ok", PAGE),
            ]
            .concat(),
        )],
        &opts,
    );
    assert_eq!(
        got,
        [
            "SKIP D/mixed.warc#1: too large (3444 bytes)",
            "ok https://news.example/ok 42 words"
        ]
    );
    let huge = String::from_utf8(warc_record("https://news.example/huge", PAGE))
        .expect("utf-8")
        .replacen("Content-Length: ", "Content-Length: 5000000000", 1);
    let got = check_with(&[("huge.warc", huge.into_bytes())], &opts);
    assert_eq!(got.len(), 2, "{got:#?}");
    assert!(got[0].starts_with("SKIP D/huge.warc#1: too large (5000000000"));
    assert!(got[1].starts_with("SKIP D/huge.warc#1: unreadable WARC record"));
}

#[test]
fn a_warc_header_that_never_ends_is_refused_and_a_file_without_records_reported() {
    // Two megabytes of one header line, gzip-compressed to a few kilobytes: the header
    // block used to be held whole, however long (a thousandfold bomb fills memory).
    let mut endless = b"WARC/1.0\r\nWARC-Type: response\r\nX-Note: ".to_vec();
    endless.extend(std::iter::repeat_n(b'a', 2 << 20));
    let got = check(&[
        ("endless.warc.gz", gzip(&endless)),
        ("empty.warc", Vec::new()),
    ]);
    assert_eq!(
        got,
        [
            "SKIP D/empty.warc: no WARC record found",
            "SKIP D/endless.warc.gz#1: unreadable WARC record, rest of the file skipped: \
             Error reading data source. (a header block over 1048576 bytes)",
        ]
    );
}

#[cfg(unix)]
#[test]
fn a_symbolic_link_loop_or_a_folder_given_twice_is_read_once() {
    // A link back up the tree used to be followed until the system gave up (40 levels):
    // every article read 41 times over, a family of copies of itself.
    let dir = tempfile::tempdir().expect("tempdir");
    let inner = dir.path().join("news");
    std::fs::create_dir_all(&inner).expect("mkdir");
    std::fs::write(inner.join("a.txt"), "The dam repairs began on Monday.").expect("write");
    std::os::unix::fs::symlink("..", inner.join("up")).expect("symlink");
    let mut out = Vec::new();
    let root = dir.path().to_path_buf();
    read(
        &[root.clone(), root.clone()],
        &ReadOptions::default(),
        &mut |r| {
            out.push(match r {
                Ok(item) => format!("ok {}", item.article.meta.origin),
                Err(s) => format!("SKIP {}", s.origin),
            })
        },
    );
    let shown: Vec<String> = out
        .iter()
        .map(|line| line.replace(&root.display().to_string(), "D"))
        .collect();
    // Folders are walked before their files are read: the loop is reported first.
    assert_eq!(shown, ["SKIP D/news/up", "ok D/news/a.txt", "SKIP D"]);
}

#[cfg(unix)]
#[test]
fn a_device_in_a_corpus_folder_is_not_read() {
    // A link to /dev/zero among the articles: read, it would never end.
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("a.txt"), "The dam repairs began on Monday.").expect("write");
    std::os::unix::fs::symlink("/dev/zero", dir.path().join("zero.txt")).expect("symlink");
    let got = check_dir(dir.path());
    assert_eq!(
        got,
        [
            "SKIP D/zero.txt: not a regular file (a device, pipe or socket), not read",
            "ok D/a.txt 6 words"
        ]
    );
}

#[test]
fn a_json_list_is_read_record_by_record_and_a_cut_one_keeps_its_start() {
    let record = |text: &str| format!(r#"{{"title": "T", "body": "{text}"}}"#);
    let long = "word ".repeat(2_000);
    let cut = format!(
        "[{}, {}, {{\"body\": \"Third, cut sh",
        record("First of a list."),
        record("Second of the list.")
    );
    let oversized = format!(
        "[{}, {}, {}]",
        record("First of a list."),
        record(&long),
        record("Never reached.")
    );
    let opts = ReadOptions {
        max_bytes: 1_000,
        ..ReadOptions::default()
    };
    let got = check_with(
        &[
            ("cut.json", cut.into_bytes()),
            ("big.json", oversized.into_bytes()),
            (
                "values.json",
                br#"[1, {"body": "An object after a number."}]"#.to_vec(),
            ),
        ],
        &opts,
    );
    assert_eq!(
        got,
        [
            "ok D/big.json#1 4 words",
            "SKIP D/big.json#2: a record over 4000 bytes; stopped reading",
            "ok D/cut.json#1 4 words",
            "ok D/cut.json#2 4 words",
            "SKIP D/cut.json#3: invalid JSON, stopped reading: EOF while parsing a string at line 1 column 115",
            "SKIP D/values.json#1: expected a JSON object",
            "ok D/values.json#2 5 words",
        ]
    );
}

#[test]
fn json_records_carry_no_control_characters() {
    // An escape sequence in a title is a terminal command, not text (as for WARC
    // records and single files); JSON strings can hold any of them.
    let record =
        r#"{"title": "Dam \u001b[31mrepair\u001b[0m", "text": "Work on the dam began.\u0003"}"#;
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("a.jsonl"), format!("{record}\n")).expect("write");
    std::fs::write(dir.path().join("b.json"), format!("[{record}]")).expect("write");
    let (items, skipped) = read_all(&[dir.path().to_path_buf()], &ReadOptions::default());
    assert_eq!(skipped, []);
    assert_eq!(items.len(), 2);
    for item in items {
        let a = &item.article;
        assert_eq!(a.meta.title.as_deref(), Some("Dam  [31mrepair [0m"));
        assert_eq!(a.text, "Work on the dam began. ");
    }
}

#[test]
fn json_files_may_open_with_a_byte_order_mark_or_many_blanks() {
    const BOM: &[u8] = b"\xEF\xBB\xBF";
    let list = br#"[{"body": "First of a list."}, {"body": "Second of the list."}]"#;
    let one = br#"{"body": "A JSON record article."}"#;
    let lines = b"{\"body\": \"First line record.\"}\n{\"body\": \"Second line record.\"}\n";
    let with_bom = |bytes: &[u8]| [BOM, bytes].concat();
    let got = check(&[
        ("bom-list.json", with_bom(list)),
        ("blank-list.json", [&b" \n".repeat(200)[..], list].concat()),
        ("bom-one.json", with_bom(one)),
        ("bom-lines.jsonl", with_bom(lines)),
    ]);
    assert_eq!(
        got,
        [
            "ok D/blank-list.json#1 4 words",
            "ok D/blank-list.json#2 4 words",
            "ok D/bom-lines.jsonl:1 3 words",
            "ok D/bom-lines.jsonl:2 3 words",
            "ok D/bom-list.json#1 4 words",
            "ok D/bom-list.json#2 4 words",
            "ok D/bom-one.json 4 words",
        ]
    );
}
