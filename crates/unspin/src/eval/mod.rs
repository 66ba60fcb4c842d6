//! `unspin eval`: quality figures on labelled data that nobody on the project wrote.
//!
//! Each evaluation prints a table and, with `--predictions FILE`, writes one JSON line
//! per item (id, gold label, prediction, scores) so the figures can be re-scored.

pub mod clough;
pub mod corpus;
pub mod meter;
pub mod metrics;
pub mod msrp;
pub mod pairs;

use std::io::Write;
use std::path::Path;

use anyhow::{Context, Result, bail};

/// Fail with a clear message when the evaluation data is not there.
pub fn require(path: &Path, what: &str) -> Result<()> {
    if !path.exists() {
        bail!(
            "{}: not found; {what} (the evaluation data lives in ../shared/data, see its README files)",
            path.display()
        );
    }
    Ok(())
}

/// Writes prediction lines when asked to.
pub struct Predictions(Option<std::io::BufWriter<std::fs::File>>);

impl Predictions {
    pub fn create(path: Option<&Path>) -> Result<Predictions> {
        let file = path
            .map(|p| {
                std::fs::File::create(p).with_context(|| format!("cannot create {}", p.display()))
            })
            .transpose()?;
        Ok(Predictions(file.map(std::io::BufWriter::new)))
    }

    pub fn write(&mut self, line: &serde_json::Value) -> Result<()> {
        if let Some(w) = &mut self.0 {
            serde_json::to_writer(&mut *w, line)?;
            w.write_all(b"\n")?;
        }
        Ok(())
    }

    pub fn finish(self) -> Result<()> {
        if let Some(mut w) = self.0 {
            w.flush()?;
        }
        Ok(())
    }
}
