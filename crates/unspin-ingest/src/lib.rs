//! unspin-ingest: bytes to [`Article`].
//!
//! Reads plain text (wire copy with its agency marks among it, see `wire`), Markdown
//! (with its front matter), HTML pages (main text extracted with dom_smoothie, a
//! readability port; scripts, navigation and footers dropped) and JSON records, in
//! UTF-8 (with or without BOM), UTF-16 with BOM, or a legacy 8-bit encoding detected by
//! chardetng (METER's Latin-1 files). Bad input becomes a [`ReadError`] that names it.
//!
//! Architecture invariant: this crate parses bytes it is given; it never opens files,
//! reads the environment or the clock. The binaries own I/O.

mod decode;
mod error;
pub mod html;
pub mod json;
mod markdown;
mod metadata;
mod nesting;
mod wire;

use unspin_core::Article;

pub use decode::{Decoded, decode, without_controls};
pub use error::ReadError;
pub use metadata::parse_date;

/// Input formats unspin reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Text,
    Markdown,
    Html,
    Json,
}

impl Format {
    /// The format a file name's extension names, if any.
    pub fn from_extension(name: &str) -> Option<Format> {
        let ext = name.rsplit_once('.')?.1.to_ascii_lowercase();
        match ext.as_str() {
            "txt" | "text" => Some(Format::Text),
            "md" | "markdown" => Some(Format::Markdown),
            "html" | "htm" | "xhtml" => Some(Format::Html),
            "json" => Some(Format::Json),
            _ => None,
        }
    }

    /// Guess from content: markup or a JSON object, else text.
    pub fn sniff(text: &str) -> Format {
        let head: String = text
            .trim_start()
            .chars()
            .take(512)
            .collect::<String>()
            .to_ascii_lowercase();
        if head.starts_with("<!doctype html")
            || head.starts_with("<html")
            || (head.starts_with('<')
                && (head.contains("<body")
                    || head.contains("<head")
                    || head.contains("<p>")
                    || head.contains("<div")))
        {
            Format::Html
        } else if head.starts_with('{') {
            Format::Json
        } else {
            Format::Text
        }
    }
}

/// How to read one input.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReadOptions {
    /// Inputs larger than this are refused (an article is rarely over 1 MB).
    pub max_bytes: usize,
    /// Force a format instead of using the extension or sniffing.
    pub format: Option<Format>,
}

impl Default for ReadOptions {
    fn default() -> ReadOptions {
        ReadOptions {
            max_bytes: 10 * 1024 * 1024,
            format: None,
        }
    }
}

/// Read one article from `bytes`. `origin` names the input (a path) in errors and output.
pub fn read_article(origin: &str, bytes: &[u8], opts: &ReadOptions) -> Result<Article, ReadError> {
    if bytes.len() > opts.max_bytes {
        return Err(ReadError::TooLarge {
            origin: origin.to_string(),
            size: bytes.len(),
            limit: opts.max_bytes,
        });
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(ReadError::Empty {
            origin: origin.to_string(),
        });
    }
    let decoded = decode(bytes).map_err(|reason| ReadError::Binary {
        origin: origin.to_string(),
        reason,
    })?;
    let format = opts
        .format
        .or_else(|| Format::from_extension(origin))
        .unwrap_or_else(|| Format::sniff(&decoded.text));
    let mut article = match format {
        Format::Text if wire::is_wire_copy(&decoded.text) => {
            Article::new(origin, wire::read(&decoded.text))
        }
        Format::Text => Article::new(origin, decoded.text),
        Format::Markdown => markdown::read(origin, decoded.text),
        Format::Html => html::read(origin, &decoded.text)?,
        Format::Json => json::read(origin, &decoded.text)?,
    };
    if !article.text.chars().any(char::is_alphanumeric) {
        return Err(ReadError::NoText {
            origin: origin.to_string(),
            detail: "it holds no words".to_string(),
        });
    }
    article.meta.origin = origin.to_string();
    clean(&mut article);
    Ok(article)
}

/// Replace control characters in what reports show of an article: its text, title, site
/// and URL (see [`without_controls`]). [`read_article`] does this; callers that build
/// articles from [`html::read`] or [`json::read`] themselves call it too.
pub fn clean(article: &mut Article) {
    article.text = without_controls(std::mem::take(&mut article.text));
    for field in [
        &mut article.meta.title,
        &mut article.meta.site,
        &mut article.meta.url,
    ] {
        *field = field.take().map(without_controls);
    }
}

#[cfg(test)]
mod tests;
