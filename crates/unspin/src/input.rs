//! Reading articles from paths, with errors that name the path.

use std::path::Path;

use anyhow::{Context, Result, bail};
use unspin_core::Article;
use unspin_index::corpus::TooLarge;
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
    // Oversized files are refused unread, streams (a pipe, /dev/stdin) read no further
    // than the limit.
    match unspin_index::corpus::read_capped(path, opts.max_bytes)
        .with_context(|| format!("cannot read {origin}"))?
    {
        Ok(bytes) => Ok(read_article(&origin, &bytes, opts)?),
        Err(TooLarge(len)) => bail!(
            "{origin}: too large ({len} bytes, the limit is {} bytes)",
            opts.max_bytes
        ),
    }
}
