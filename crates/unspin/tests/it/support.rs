//! Helpers shared by the integration tests.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

pub fn corpus(name: &str) -> PathBuf {
    root().join("examples/corpus").join(name)
}

pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

pub fn unspin(args: &[&std::ffi::OsStr]) -> Run {
    let out = Command::new(env!("CARGO_BIN_EXE_unspin"))
        .args(args)
        .env_remove("NO_COLOR")
        .output()
        .expect("run unspin");
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// `unspin compare A B --json`, parsed; panics with stderr when it fails.
pub fn compare_json(a: &Path, b: &Path) -> (i32, Value) {
    let run = unspin(&[
        "compare".as_ref(),
        a.as_os_str(),
        b.as_os_str(),
        "--json".as_ref(),
    ]);
    assert!(
        run.code == 0 || run.code == 1,
        "exit {}: {}",
        run.code,
        run.stderr
    );
    (
        run.code,
        serde_json::from_str(&run.stdout).expect("JSON output"),
    )
}

/// Changes as "kind | speaker | a text | b text" lines, in output order.
pub fn change_lines(v: &Value) -> Vec<String> {
    let text = |side: &Value| {
        side.get("text")
            .and_then(Value::as_str)
            .map(|s| s.split_whitespace().collect::<Vec<_>>().join(" "))
            .unwrap_or_else(|| "-".into())
    };
    v["changes"]
        .as_array()
        .map(|changes| {
            changes
                .iter()
                .map(|c| {
                    format!(
                        "{} | {} | {} | {}",
                        c["kind"].as_str().unwrap_or(""),
                        c["speaker"].as_str().unwrap_or("-"),
                        text(&c["a"]),
                        text(&c["b"])
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}

/// The shared evaluation folder, or None with a message saying the tests using it are
/// not run here.
pub fn shared(sub: &str) -> Option<PathBuf> {
    let dir = root().join("../shared").join(sub);
    if dir.is_dir() {
        Some(dir)
    } else {
        eprintln!(
            "NOTE: {} is absent; the checks that need it did not run",
            dir.display()
        );
        None
    }
}
