//! Reading articles from paths, with errors that name the path.

use std::path::Path;

use anyhow::{Context, Result, bail};
use unspin_core::Article;
use unspin_ingest::{Format, ReadOptions, read_article};

use crate::args::{FormatArg, InputArgs};

impl InputArgs {
    pub fn read_options(&self) -> ReadOptions {
        ReadOptions {
            max_bytes: self.max_bytes,
            format: self.format.map(|f| match f {
                FormatArg::Text => Format::Text,
                FormatArg::Markdown => Format::Markdown,
                FormatArg::Html => Format::Html,
                FormatArg::Json => Format::Json,
            }),
        }
    }
}

pub fn read_path(path: &Path, opts: &ReadOptions) -> Result<Article> {
    let origin = path.display().to_string();
    if path.is_dir() {
        bail!("{origin}: is a directory, expected an article file");
    }
    // Refuse oversized files before reading them whole.
    if let Ok(meta) = std::fs::metadata(path)
        && meta.len() > opts.max_bytes as u64
    {
        bail!(
            "{origin}: too large ({} bytes, the limit is {} bytes)",
            meta.len(),
            opts.max_bytes
        );
    }
    let bytes = std::fs::read(path).with_context(|| format!("cannot read {origin}"))?;
    Ok(read_article(&origin, &bytes, opts)?)
}
