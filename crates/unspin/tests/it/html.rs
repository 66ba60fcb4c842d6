//! The HTML report: self-contained, and rendered by a real browser when one is here.

use std::process::Command;

use crate::support::{corpus, unspin};

fn report() -> (tempfile::TempDir, std::path::PathBuf, String) {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("report.html");
    let run = unspin(&[
        "compare".as_ref(),
        corpus("original.md").as_os_str(),
        corpus("rewrite-llm.txt").as_os_str(),
        "--html".as_ref(),
        path.as_os_str(),
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let page = std::fs::read_to_string(&path).expect("report written");
    (dir, path, page)
}

#[test]
fn page_is_self_contained_and_links_every_change() {
    let (_dir, _path, page) = report();
    assert!(page.starts_with("<!DOCTYPE html>"));
    for forbidden in ["<script", "http://", "<link", "@import", "src="] {
        assert!(
            !page.contains(forbidden),
            "page must not load anything: found {forbidden}"
        );
    }
    let n_changes = page.matches("<li class=\"k-").count();
    assert_eq!(n_changes, 14);
    for n in 0..n_changes {
        let links_a = page.contains(&format!("href=\"#c{n}-a\""));
        let links_b = page.contains(&format!("href=\"#c{n}-b\""));
        assert!(links_a || links_b, "change {n} links nowhere");
        if links_a {
            assert!(
                page.contains(&format!("id=\"c{n}-a\"")),
                "anchor c{n}-a missing"
            );
        }
        if links_b {
            assert!(
                page.contains(&format!("id=\"c{n}-b\"")),
                "anchor c{n}-b missing"
            );
        }
    }
    // Text from the articles is escaped.
    assert!(page.contains("&quot;We will not gamble"));
}

/// Headless Chromium renders the page; CI installs it and sets UNSPIN_REQUIRE_CHROMIUM=1.
#[test]
fn chromium_renders_the_side_by_side_view() {
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
    let (dir, path, _) = report();
    let profile = dir.path().join("profile");
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
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg("--dump-dom")
        .arg(format!("file://{}", path.display()))
        .output()
        .expect("run chromium");
    let dom = String::from_utf8_lossy(&out.stdout);
    // The browser parsed the whole page: the table rows and the change list survive.
    assert!(
        dom.contains("<td><p class=\"u-body\">"),
        "no side-by-side rows in the rendered DOM"
    );
    assert_eq!(dom.matches("<li class=\"k-").count(), 14);
    assert!(dom.contains("class=\"relation rel-rewrite\""));
    assert!(dom.contains("</footer>"));
}
