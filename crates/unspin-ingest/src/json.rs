//! JSON records: one object with the text (or HTML) and metadata fields under the names
//! news datasets use (`text`/`body`/`content`/`maintext`, `title`/`headline`,
//! `date`/`published`/`date_publish`, `url`/`link`).
//!
//! Datasets built from web pages or SGML often keep character references in their text
//! fields ("AT&amp;T", "&lt;GSW INC>", "Jos&eacute;"): text and title are read with
//! them resolved, as a browser would show them.

use serde_json::{Map, Value};
use unspin_core::Article;

use crate::error::ReadError;
use crate::metadata::parse_date;

const TEXT_FIELDS: &[&str] = &[
    "text",
    "body",
    "content",
    "maintext",
    "article",
    "text_content",
];
const HTML_FIELDS: &[&str] = &["html", "raw_html", "content_html"];
const TITLE_FIELDS: &[&str] = &["title", "headline"];
const DATE_FIELDS: &[&str] = &[
    "date",
    "published",
    "published_at",
    "date_publish",
    "publish_date",
    "datePublished",
    "pubdate",
];
const URL_FIELDS: &[&str] = &["url", "link", "source_url", "uri"];
const SITE_FIELDS: &[&str] = &["site", "site_name", "source_domain", "publisher", "source"];

pub fn read(origin: &str, text: &str) -> Result<Article, ReadError> {
    let value: Value = serde_json::from_str(text).map_err(|e| ReadError::Json {
        origin: origin.to_string(),
        line: e.line(),
        column: e.column(),
        message: e
            .to_string()
            .split(" at line ")
            .next()
            .unwrap_or("")
            .to_string(),
    })?;
    let Value::Object(obj) = value else {
        return Err(ReadError::Json {
            origin: origin.to_string(),
            line: 1,
            column: 1,
            message: "expected one JSON object".to_string(),
        });
    };
    record(origin, &obj)
}

/// One record (also used for JSON Lines by the corpus reader).
pub fn record(origin: &str, obj: &Map<String, Value>) -> Result<Article, ReadError> {
    let field = |names: &[&str]| {
        names
            .iter()
            .find_map(|n| obj.get(*n).and_then(Value::as_str))
            .map(str::trim)
            .filter(|s| !s.is_empty())
    };
    let mut article = if let Some(text) = field(TEXT_FIELDS) {
        Article::new(origin, resolve_references(text))
    } else if let Some(html) = field(HTML_FIELDS) {
        crate::html::read(origin, html)?
    } else {
        return Err(ReadError::JsonNoText {
            origin: origin.to_string(),
            fields: [TEXT_FIELDS, HTML_FIELDS].concat().join(", "),
        });
    };
    if let Some(t) = field(TITLE_FIELDS) {
        article.meta.title = Some(resolve_references(t));
    }
    if let Some(d) = field(DATE_FIELDS).and_then(parse_date) {
        article.meta.date = Some(d);
    }
    if let Some(u) = field(URL_FIELDS) {
        article.meta.url = Some(u.to_string());
    }
    if let Some(s) = field(SITE_FIELDS) {
        article.meta.site = Some(s.to_string());
    }
    Ok(article)
}

/// `text` with its HTML character references resolved (named and numeric ones ending
/// in `;`; control characters and invalid code points stay as written).
pub fn resolve_references(text: &str) -> String {
    html_escape::decode_html_entities(text).into_owned()
}
