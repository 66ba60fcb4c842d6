//! The HTML reports of `compare` and `trace`: self-contained, and rendered by a real
//! browser when one is here.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::support::{corpus, unspin};

/// Runs unspin with `args` followed by `--html FILE` and returns the page.
fn report(args: &[&Path]) -> (tempfile::TempDir, PathBuf, String) {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("report.html");
    let mut all: Vec<&std::ffi::OsStr> = args.iter().map(|a| a.as_os_str()).collect();
    all.extend(["--html".as_ref(), path.as_os_str()]);
    let run = unspin(&all);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let page = std::fs::read_to_string(&path).expect("report written");
    (dir, path, page)
}

fn compare_report() -> (tempfile::TempDir, PathBuf, String) {
    report(&[
        "compare".as_ref(),
        &corpus("original.md"),
        &corpus("rewrite-llm.txt"),
    ])
}

/// The rewrite traced against an unrelated article (source 0) and its original (source 1).
fn trace_report() -> (tempfile::TempDir, PathBuf, String) {
    report(&[
        "trace".as_ref(),
        &corpus("rewrite-llm.txt"),
        "--from".as_ref(),
        &corpus("unrelated.txt"),
        &corpus("original.md"),
    ])
}

fn assert_self_contained(page: &str) {
    assert!(page.starts_with("<!DOCTYPE html>"));
    for forbidden in ["<script", "http://", "<link", "@import", "src="] {
        assert!(
            !page.contains(forbidden),
            "page must not load anything: found {forbidden}"
        );
    }
}

/// Every `href="#id"` on the page has its `id="id"`; returns how many links there are.
fn assert_links_resolve(page: &str) -> usize {
    let links: Vec<&str> = page
        .split("href=\"#")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .collect();
    for id in &links {
        assert!(
            page.contains(&format!("id=\"{id}\"")),
            "anchor {id} missing"
        );
    }
    links.len()
}

#[test]
fn page_is_self_contained_and_links_every_change() {
    let (_dir, _path, page) = compare_report();
    assert_self_contained(&page);
    let n_changes = page.matches("<li class=\"k-").count();
    assert_eq!(n_changes, 14);
    for n in 0..n_changes {
        let links_a = page.contains(&format!("href=\"#c{n}-a\""));
        let links_b = page.contains(&format!("href=\"#c{n}-b\""));
        assert!(links_a || links_b, "change {n} links nowhere");
    }
    assert_links_resolve(&page);
    // Text from the articles is escaped.
    assert!(page.contains("quote the source does not have: &quot;This was entirely preventable"));
    // An altered quote strikes the words it replaced and inserts the new ones.
    assert!(
        page.contains("now quoted as \u{201C}<del>larger</del><ins>worse</ins> than anything we saw in 2019\u{201D}"),
        "no marked quote in the page"
    );
}

/// Units that are not running text stand apart: two wire items' sign-offs sit side by
/// side in rows coloured neither as added nor as left out.
#[test]
fn sign_offs_sit_side_by_side_apart_from_the_text() {
    let dir = tempfile::tempdir().expect("tempdir");
    let item = |name: &str, figure: &str| {
        let path = dir.path().join(name);
        std::fs::write(
            &path,
            format!(
                "The Bank of England said it provided the money market with {figure} mln stg \
                 assistance in the afternoon session, dealers said.\n Reuter\n&#3;\n"
            ),
        )
        .expect("write");
        path
    };
    let (a, b) = (item("a.txt", "185"), item("b.txt", "104"));
    let (_dir, _path, page) = report(&["compare".as_ref(), &a, &b]);
    let rows: Vec<&str> = page
        .split("<tr class=\"")
        .skip(1)
        .filter_map(|r| r.split("</tr>").next())
        .collect();
    let apart: Vec<&&str> = rows.iter().filter(|r| r.starts_with("apart")).collect();
    assert_eq!(apart.len(), 2, "{rows:#?}");
    assert!(apart[0].matches(">Reuter</p>").count() == 2, "{apart:?}");
    assert!(apart[1].matches(">&amp;#3;</p>").count() == 2, "{apart:?}");
    assert!(!rows.iter().any(|r| r.starts_with("only-")), "{rows:#?}");
}

#[test]
fn trace_page_marks_words_and_links_every_change_to_the_article() {
    let (_dir, _path, page) = trace_report();
    assert_self_contained(&page);
    assert!(page.contains("<span class=\"relation der-partially\">partially</span>"));
    assert!(page.contains("; its longest sentence of its own has 10 words</p>"));
    let n_changes = page.matches("<li class=\"k-").count();
    assert_eq!(
        n_changes, 10,
        "the original's changes; none from the unrelated article"
    );
    for n in 0..n_changes {
        assert!(page.contains(&format!("href=\"#s1c{n}\"")), "change {n}");
    }
    // Changes, the one source with changes and the one unsupported sentence; the
    // unrelated source is named as unchanged, with no section of its own.
    assert_eq!(assert_links_resolve(&page), n_changes + 1 + 1);
    assert!(page.contains("<section class=\"unchanged\"><p>No changes to source 0.</p></section>"));
    assert!(!page.contains("id=\"s0\""));
    let new_row = page
        .split("<tr class=\"t-new\"")
        .nth(1)
        .and_then(|r| r.split("</tr>").next())
        .expect("a row for the unsupported sentence");
    assert!(
        new_row.contains("&quot;<span class=\"w-new\">This was entirely preventable,&quot; said commuter group spokesman Ian Doyle</span>"),
        "{new_row}"
    );
    // The source passage sits beside the rewritten sentence, the changed words marked.
    let row = page
        .split("<tr class=\"t-rewrite\"")
        .skip(1)
        .find(|r| r.contains("gamble"))
        .and_then(|r| r.split("</tr>").next())
        .expect("the rewritten quote's row");
    assert!(row.contains("source 1"), "{row}");
    assert!(row.contains("chances with public safety"), "{row}");
    assert!(row.contains("class=\"w-rewrite\""), "{row}");
}

/// Headless Chromium renders both pages; CI installs it and sets
/// UNSPIN_REQUIRE_CHROMIUM=1.
#[test]
fn chromium_renders_the_side_by_side_views() {
    let chromium = ["chromium", "chromium-browser"].into_iter().find(|c| {
        Command::new(c)
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success())
    });
    let Some(chromium) = chromium else {
        assert!(
            std::env::var_os("UNSPIN_REQUIRE_CHROMIUM").is_none(),
            "UNSPIN_REQUIRE_CHROMIUM is set but no chromium is installed"
        );
        eprintln!("NOTE: chromium is not installed; the browser rendering check did not run");
        return;
    };
    let dom = |dir: &Path, path: &Path| {
        let out = Command::new(chromium)
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ])
            .arg(format!("--user-data-dir={}", dir.join("profile").display()))
            .arg("--dump-dom")
            .arg(format!("file://{}", path.display()))
            .output()
            .expect("run chromium");
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    // The browser parsed each whole page: the table rows and the change list survive.
    let (dir, path, _) = compare_report();
    let page = dom(dir.path(), &path);
    assert!(
        page.contains("<td><p class=\"u-body\">"),
        "no side-by-side rows in the rendered DOM"
    );
    assert_eq!(page.matches("<li class=\"k-").count(), 14);
    assert!(page.contains("class=\"relation rel-rewrite\""));
    assert!(page.contains("</footer>"));
    let (dir, path, _) = trace_report();
    let page = dom(dir.path(), &path);
    assert_eq!(
        page.matches("<tr class=\"t-").count(),
        11,
        "a row per body sentence"
    );
    assert_eq!(page.matches("<li class=\"k-").count(), 10);
    assert!(page.contains("</footer>"));
}
