//! HTML pages: the main text by dom_smoothie (readability.js's algorithm), in its
//! formatted mode so paragraphs stay separated, plus title, date and URL metadata.
//! Markup nested deeper than [`MAX_DEPTH`] is unwrapped first (see `nesting`), so a
//! pathological page costs linear time, not quadratic.

use dom_smoothie::{Config, Readability, TextMode};
use unspin_core::Article;

use crate::error::ReadError;
use crate::metadata::parse_date;
use crate::nesting::{MAX_DEPTH, cap_depth};

pub fn read(origin: &str, html: &str) -> Result<Article, ReadError> {
    let cfg = Config {
        text_mode: TextMode::Formatted,
        max_elements_to_parse: 200_000,
        ..Config::default()
    };
    let no_text = |detail: String| ReadError::NoText {
        origin: origin.to_string(),
        detail,
    };
    let html = cap_depth(html, MAX_DEPTH);
    let mut reader =
        Readability::new(html.as_ref(), None, Some(cfg)).map_err(|e| no_text(e.to_string()))?;
    let parsed = reader
        .parse()
        .map_err(|e| no_text(format!("{e} (the page has no readable article)")))?;
    let text = parsed.text_content.trim().to_string();
    if text.split_whitespace().count() < 3 {
        return Err(no_text("the page has no readable article".to_string()));
    }
    let mut article = Article::new(origin, text);
    let title = parsed.title.trim();
    article.meta.title = (!title.is_empty()).then(|| title.to_string());
    article.meta.date = parsed.published_time.as_deref().and_then(parse_date);
    article.meta.url = parsed
        .url
        .or_else(|| canonical_url(&html))
        .filter(|u| u.starts_with("http"));
    article.meta.site = parsed.site_name;
    Ok(article)
}

/// The URL the page's head names as its own: `<link rel="canonical">`, else the
/// `og:url` property. Only the head is parsed (the body can be megabytes).
fn canonical_url(html: &str) -> Option<String> {
    let mut limit = html.len().min(HEAD_BYTES);
    while !html.is_char_boundary(limit) {
        limit -= 1;
    }
    let prefix = &html[..limit];
    let end = prefix.to_ascii_lowercase().find("</head").unwrap_or(limit);
    let head = dom_query::Document::from(&prefix[..end]);
    let found = head
        .select(r#"link[rel="canonical"]"#)
        .attr("href")
        .or_else(|| head.select(r#"meta[property="og:url"]"#).attr("content"))?;
    let url = found.trim();
    (!url.is_empty()).then(|| url.to_string())
}

/// How far into a page its head is looked for.
const HEAD_BYTES: usize = 64 * 1024;
