//! Reader tests: each format, each encoding, and each kind of bad input.

use super::*;

fn read(origin: &str, bytes: &[u8]) -> Result<Article, ReadError> {
    read_article(origin, bytes, &ReadOptions::default())
}

#[test]
fn utf8_with_bom() {
    let a = read("a.txt", b"\xEF\xBB\xBFThe council met today.").unwrap();
    assert_eq!(a.text, "The council met today.");
    assert_eq!(a.meta.origin, "a.txt");
}

#[test]
fn latin1_is_detected() {
    // "Caf\xe9 owner paid \xa3500" in ISO-8859-1.
    let a = read(
        "pa.txt",
        b"The caf\xe9 owner paid \xa3500 in fines, the court heard.",
    )
    .unwrap();
    assert_eq!(
        a.text,
        "The caf\u{e9} owner paid \u{a3}500 in fines, the court heard."
    );
}

/// A pound sign alone is Western (chardetng alone reads "Ł500"); text whose letters say
/// Central European, Cyrillic or Greek stays so.
#[test]
fn a_lone_pound_sign_is_western_and_real_words_keep_their_encoding() {
    let text = |bytes: &[u8]| read("x.txt", bytes).unwrap().text;
    assert_eq!(
        text(b"The owner paid \xa3500 in fines, the court heard on Monday."),
        "The owner paid \u{a3}500 in fines, the court heard on Monday."
    );
    // "Wyniki: \xa3\xf3d\xbc to miasto, kt\xf3re ..." in windows-1250: Łódź.
    assert!(
        text(b"Wyniki wybor\xf3w: \xa3\xf3d\x9f to miasto, kt\xf3re g\xb3osowa\xb3o na zmian\xea.")
            .contains("\u{141}\u{f3}d\u{17a}")
    );
    // "\xcf\xf0\xe8\xe2\xe5\xf2 \xec\xe8\xf0" in windows-1251: "Привет мир".
    assert!(
        text(b"\xcf\xf0\xe8\xe2\xe5\xf2 \xec\xe8\xf0, \xe3\xee\xe2\xee\xf0\xff\xf2 \xe2\xf1\xe5 \xe6\xe8\xf2\xe5\xeb\xe8 \xe3\xee\xf0\xee\xe4\xe0.")
            .starts_with("\u{41f}\u{440}\u{438}\u{432}\u{435}\u{442}")
    );
}

/// A few accented letters in a whole English story are Western, though chardetng alone
/// reads them as Baltic ("Anaļs") or Central European (a pound sign as "Ł").
#[test]
fn a_few_accents_in_an_english_story_are_western() {
    let text = |bytes: &[u8]| read("x.txt", bytes).unwrap().text;
    let story = |line: &[u8]| {
        let filler: &[u8] = b" The hearing lasted most of the day, and the family sat together \
            in the public gallery while the lawyers read their statements to the court. ";
        [line, filler, filler].concat()
    };
    let named = text(&story(
        b"The singer and his wife named their daughter Ana\xefs, after the French writer \
          Ana\xefs Nin. Ana\xefs was born two weeks early in a London hospital.",
    ));
    assert!(named.contains("Ana\u{ef}s Nin"), "{named}");
    let paid = text(&story(
        b"The caf\xe9 owner, who was fined \xa3500 last year, told the court on Monday \
          that he had paid \xa32.5m for the building and would appeal.",
    ));
    assert!(paid.contains("paid \u{a3}2.5m"), "{paid}");
}

/// A Press Association file in Latin-1: its header and paragraph marks are not text,
/// and its paragraphs stay apart.
#[test]
fn wire_copy_reads_as_its_story() {
    let bytes = b"  ------\n\n  ------\n   12:45 02/11/99: Page 1 (HHH) COURTS Cafe\n  ------\n\
                  CAF\xc9 CASE DROPPED<\n\x19By A Reporter, PA News<\n\x19The owner paid \xa3500\n\
                  in fines, the court heard.<\n\x19``It is over,'' he said.<\n";
    let a = read("pa1.txt", bytes).unwrap();
    assert_eq!(
        a.text,
        "CAF\u{c9} CASE DROPPED\n\nBy A Reporter, PA News\n\nThe owner paid \u{a3}500\n\
         in fines, the court heard.\n\n``It is over,'' he said."
    );
}

#[test]
fn utf16_with_bom() {
    let mut bytes = vec![0xFF, 0xFE];
    for u in "Rain fell.".encode_utf16() {
        bytes.extend(u.to_le_bytes());
    }
    assert_eq!(read("u16.txt", &bytes).unwrap().text, "Rain fell.");
}

#[test]
fn control_characters_never_reach_the_article() {
    let stray = |t: &str| t.contains(|c: char| c.is_control() && !matches!(c, '\n' | '\r' | '\t'));
    // Raw bytes, a JSON escape and an HTML character reference all decode to ESC.
    let text = read(
        "esc.txt",
        b"A \x1b[31mred\x1b[0m alert.\x0cPage two,\tstill \x19here.",
    )
    .unwrap();
    assert_eq!(text.text, "A  [31mred [0m alert.\nPage two,\tstill  here.");
    let json = read(
        "esc.json",
        br#"{"title": "Red \u001b[31m alert", "url": "https://x.example/\u001b[2J", "text": "The \u001b]0;x\u0007 council met today."}"#,
    )
    .unwrap();
    assert_eq!(json.text, "The  ]0;x  council met today.");
    assert_eq!(json.meta.title.as_deref(), Some("Red  [31m alert"));
    assert_eq!(json.meta.url.as_deref(), Some("https://x.example/ [2J"));
    let html = read(
        "esc.html",
        b"<html><head><title>T&#27;[2J</title></head><body><article><p>The council met on Monday &#27;[2J and voted to close the old bridge for repairs, officials said.</p><p>Work starts next week and lasts a month, the council added in a statement.</p></article></body></html>",
    )
    .unwrap();
    assert!(
        !stray(&html.text) && !html.text.is_empty(),
        "{:?}",
        html.text
    );
    assert!(!stray(html.meta.title.as_deref().unwrap_or("")));
}

#[test]
fn text_without_controls_is_kept_as_is() {
    let clean = "Two lines,\r\nand a\ttab.".to_string();
    let at = clean.as_ptr();
    let kept = without_controls(clean);
    assert_eq!(kept, "Two lines,\r\nand a\ttab.");
    assert_eq!(kept.as_ptr(), at, "no copy when nothing changes");
}

#[test]
fn bad_inputs_name_the_input() {
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("empty.txt", b"".to_vec(), "empty.txt: empty input"),
        ("blank.txt", b"  \n\n ".to_vec(), "blank.txt: empty input"),
        (
            "img.png",
            b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec(),
            "img.png: not text (a NUL byte at offset 8)",
        ),
        (
            "bad.json",
            b"{\"text\": \"a\",".to_vec(),
            "bad.json: invalid JSON at line 1, column 13: EOF while parsing a value",
        ),
        (
            "arr.json",
            b"[1,2]".to_vec(),
            "arr.json: invalid JSON at line 1, column 1: expected one JSON object",
        ),
        (
            "nofield.json",
            b"{\"title\": \"T\"}".to_vec(),
            "nofield.json: the JSON record has no article text",
        ),
        (
            "nav.html",
            b"<html><body><nav><a href='/'>Home</a></nav></body></html>".to_vec(),
            "nav.html: no article text found",
        ),
        (
            "punct.txt",
            b"... --- !!!".to_vec(),
            "punct.txt: no article text found: it holds no words",
        ),
    ];
    for (origin, bytes, expect) in cases {
        let err = read(origin, &bytes).expect_err(origin).to_string();
        assert!(err.starts_with(expect), "{origin}: {err}");
    }
}

#[test]
fn too_large_is_refused_before_decoding() {
    let opts = ReadOptions {
        max_bytes: 10,
        ..ReadOptions::default()
    };
    let err = read_article("big.txt", &[b'a'; 11], &opts).unwrap_err();
    assert_eq!(
        err.to_string(),
        "big.txt: too large (11 bytes, the limit is 10 bytes)"
    );
}

#[test]
fn json_record_fields() {
    let a = read(
        "r.json",
        br#"{"headline": "Bridge Closed", "date_publish": "2024-03-03 10:00:00", "url": "https://news.example/b", "maintext": "The bridge closed on Sunday."}"#,
    )
    .unwrap();
    assert_eq!(a.text, "The bridge closed on Sunday.");
    assert_eq!(a.meta.title.as_deref(), Some("Bridge Closed"));
    assert_eq!(a.meta.date, unspin_core::CivilDate::new(2024, 3, 3));
    assert_eq!(a.meta.url.as_deref(), Some("https://news.example/b"));
}

#[test]
fn wire_archive_record_date() {
    // The shape of Reuters-21578's records: the date in Oracle's DD-MON-YYYY form.
    let a = read(
        "wire.json",
        br#"{"title": "CANAL CO SETS TOLLS", "date": " 4-MAR-1987 09:12:40.07", "body": "Canal Co said it set new tolls."}"#,
    )
    .unwrap();
    assert_eq!(a.meta.date, unspin_core::CivilDate::new(1987, 3, 4));
}

#[test]
fn html_main_text_without_boilerplate() {
    let page = r#"<!doctype html><html><head><title>Flood Warning Issued | Daily Example</title>
<meta property="article:published_time" content="2024-05-02T08:00:00Z">
<script>var tracking = "do not read me";</script></head>
<body><nav><a href="/">Home</a> <a href="/sport">Sport</a></nav>
<article><h1>Flood Warning Issued</h1>
<p>The river authority issued a flood warning for the lower valley on Thursday, after two days of heavy rain raised water levels by more than a metre.</p>
<p>"We expect the peak overnight," said Dana Reyes, the authority's duty officer, who urged residents near the embankment to move valuables upstairs.</p>
<p>Schools in three villages will stay closed on Friday while engineers inspect the embankment for damage caused by the storm.</p>
</article>
<footer>Copyright Daily Example. All rights reserved. Subscribe to our newsletter.</footer></body></html>"#;
    let a = read("flood.html", page.as_bytes()).unwrap();
    assert!(a.text.contains("issued a flood warning"), "{}", a.text);
    assert!(
        a.text
            .contains("\"We expect the peak overnight,\" said Dana Reyes"),
        "{}",
        a.text
    );
    assert!(
        !a.text.contains("tracking") && !a.text.contains("Copyright") && !a.text.contains("Sport"),
        "{}",
        a.text
    );
    assert!(
        a.text.contains("\n\n"),
        "paragraphs stay separated: {}",
        a.text
    );
    assert_eq!(a.meta.date, unspin_core::CivilDate::new(2024, 5, 2));
    assert!(
        a.meta
            .title
            .as_deref()
            .is_some_and(|t| t.contains("Flood Warning Issued"))
    );
    assert_eq!(a.meta.url, None);
    // The head names the page's own URL: a canonical link, else og:url.
    let canonical = page.replace(
        "<title>",
        r#"<meta property="og:url" content="https://m.example/flood"><link href="https://example/flood" rel="canonical"><title>"#,
    );
    let og = page.replace(
        "<title>",
        r#"<meta content="https://m.example/flood" property="og:url"><title>"#,
    );
    for (page, url) in [
        (canonical, "https://example/flood"),
        (og, "https://m.example/flood"),
    ] {
        let a = read("flood.html", page.as_bytes()).unwrap();
        assert_eq!(a.meta.url.as_deref(), Some(url));
    }
}

#[test]
fn deeply_nested_page_keeps_its_text() {
    // 50,000 unclosed wrappers around the story (a broken template): parsing this as is
    // took minutes; the nesting cap reads it at once and keeps every word.
    let story = "<p>The ferry to the outer islands was cancelled on Monday after the harbour \
        wall cracked in a storm.</p><p>Engineers said repairs would take three weeks.</p>";
    let page = format!(
        "<html><body>{}<article>{story}</article></body></html>",
        "<div><font>".repeat(25_000)
    );
    let a = read("deep.html", page.as_bytes()).unwrap();
    assert!(a.text.contains("harbour wall cracked"), "{}", a.text);
    assert!(a.text.contains("three weeks"), "{}", a.text);
}

#[test]
fn format_from_extension_and_content() {
    assert_eq!(Format::from_extension("x/Story.HTML"), Some(Format::Html));
    assert_eq!(Format::from_extension("notes"), None);
    assert_eq!(Format::sniff("  <!DOCTYPE html><html>"), Format::Html);
    assert_eq!(Format::sniff("{\"text\":\"a\"}"), Format::Json);
    assert_eq!(Format::sniff("Plain words."), Format::Text);
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig { cases: 256, ..Default::default() })]

    /// Any bytes, read as any format: an article or an error naming the input, never a panic.
    #[test]
    fn any_bytes_in_any_format(bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..400), pick in 0usize..5) {
        let format = [None, Some(Format::Text), Some(Format::Markdown), Some(Format::Html), Some(Format::Json)][pick];
        let opts = ReadOptions { format, ..ReadOptions::default() };
        match read_article("in.bin", &bytes, &opts) {
            Ok(a) => proptest::prop_assert!(a.text.chars().any(char::is_alphanumeric)),
            Err(e) => proptest::prop_assert!(e.to_string().starts_with("in.bin: "), "{e}"),
        }
    }

    /// Markup-shaped input exercises the HTML and JSON paths more than random bytes do.
    #[test]
    fn markup_shaped_text(text in "[<>a-z/ =\"{}:,\\[\\]0-9\n]{0,300}", pick in 0usize..3) {
        let format = [Some(Format::Html), Some(Format::Json), None][pick];
        let opts = ReadOptions { format, ..ReadOptions::default() };
        if let Err(e) = read_article("m.html", text.as_bytes(), &opts) {
            proptest::prop_assert!(e.to_string().starts_with("m.html: "), "{e}");
        }
    }
}

#[test]
fn character_references_are_resolved_and_anything_else_kept() {
    for (text, expect) in [
        (
            "AT&amp;T said &lt;ATT&gt; rose 5&#37; &#x2014; a record",
            "AT&T said <ATT> rose 5% \u{2014} a record",
        ),
        (
            "Fish & chips &c; &unknown; &#99999999; &#xZZ; & end",
            "Fish & chips &c; &unknown; &#99999999; &#xZZ; & end",
        ),
        ("no reference at all", "no reference at all"),
        ("&amp;amp; is one level", "&amp; is one level"),
        ("cut &am", "cut &am"),
        ("Jos&eacute; Mart&iacute;", "Jos\u{e9} Mart\u{ed}"),
        ("a control &#3; stays", "a control &#3; stays"),
    ] {
        assert_eq!(crate::json::resolve_references(text), expect, "{text}");
    }
}
