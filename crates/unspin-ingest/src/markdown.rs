//! Markdown files, with the front matter static site generators put above the text
//! (Jekyll and Hugo archives of news sites): a YAML block between `---` lines or a TOML
//! block between `+++` lines. Its title, date and URL become the article's metadata and
//! the block leaves the text, so that `title: "…"` is not read as a sentence.
//!
//! Only flat `key: value` (`key = value`) lines are read: the keys that say what an
//! article is are never nested. A block without its closing line is text.

use unspin_core::Article;

use crate::metadata::parse_date;

const TITLE_KEYS: &[&str] = &["title", "headline"];
const DATE_KEYS: &[&str] = &["date", "published", "publishdate", "pubdate"];
const URL_KEYS: &[&str] = &["url", "link", "permalink", "canonical", "canonical_url"];
const SITE_KEYS: &[&str] = &["site", "site_name", "publisher", "source"];

/// Front matter ends within this many lines, or the opening line is text.
const MAX_FRONT_MATTER_LINES: usize = 200;

pub fn read(origin: &str, text: String) -> Article {
    let Some((block, body_start, separator)) = front_matter(&text) else {
        return Article::new(origin, text);
    };
    let mut article = Article::new(origin, text[body_start..].to_string());
    for line in block.lines() {
        // Top-level keys only: an indented line belongs to a nested value.
        if line.starts_with(char::is_whitespace) {
            continue;
        }
        let Some((key, value)) = line.split_once(separator) else {
            continue;
        };
        let key = key.trim().to_ascii_lowercase();
        let value = unquote(value.trim());
        if value.is_empty() {
            continue;
        }
        let meta = &mut article.meta;
        if TITLE_KEYS.contains(&key.as_str()) {
            meta.title.get_or_insert_with(|| value.to_string());
        } else if DATE_KEYS.contains(&key.as_str()) {
            if meta.date.is_none() {
                meta.date = parse_date(value);
            }
        } else if URL_KEYS.contains(&key.as_str()) && value.starts_with("http") {
            meta.url.get_or_insert_with(|| value.to_string());
        } else if SITE_KEYS.contains(&key.as_str()) {
            meta.site.get_or_insert_with(|| value.to_string());
        }
    }
    article
}

/// The front matter block of `text`, where the body starts, and the separator of its
/// `key: value` lines.
fn front_matter(text: &str) -> Option<(&str, usize, char)> {
    let (fence, separator) = if text.starts_with("---") {
        ("---", ':')
    } else if text.starts_with("+++") {
        ("+++", '=')
    } else {
        return None;
    };
    let mut lines = text.split_inclusive('\n');
    let first = lines.next()?;
    if first.trim_end() != fence {
        return None;
    }
    let mut at = first.len();
    for line in lines.take(MAX_FRONT_MATTER_LINES) {
        // YAML may also close with "...".
        let closing = line.trim_end();
        if closing == fence || fence == "---" && closing == "..." {
            return Some((&text[first.len()..at], at + line.len(), separator));
        }
        at += line.len();
    }
    None
}

/// A YAML or TOML scalar without its quotes.
fn unquote(value: &str) -> &str {
    for quote in ['"', '\''] {
        if let Some(inner) = value
            .strip_prefix(quote)
            .and_then(|v| v.strip_suffix(quote))
        {
            return inner;
        }
    }
    value
}

#[cfg(test)]
mod tests {
    use super::*;
    use unspin_core::CivilDate;

    #[test]
    fn yaml_and_toml_front_matter_become_metadata() {
        let yaml = "---\ntitle: \"Harbour council approves dredging plan\"\ndate: 2024-03-14T09:00:00Z\n\
                    tags:\n  - harbour\nurl: https://news.example/harbour\n---\n\nThe council voted.\n";
        let a = read("a.md", yaml.to_string());
        assert_eq!(a.text, "\nThe council voted.\n");
        assert_eq!(
            a.meta.title.as_deref(),
            Some("Harbour council approves dredging plan")
        );
        assert_eq!(a.meta.date, CivilDate::new(2024, 3, 14));
        assert_eq!(a.meta.url.as_deref(), Some("https://news.example/harbour"));

        let toml =
            "+++\ntitle = 'Bridge reopens'\npublishDate = \"March 2, 2024\"\n+++\nTraffic resumed.";
        let b = read("b.md", toml.to_string());
        assert_eq!(b.text, "Traffic resumed.");
        assert_eq!(b.meta.title.as_deref(), Some("Bridge reopens"));
        assert_eq!(b.meta.date, CivilDate::new(2024, 3, 2));
    }

    #[test]
    fn a_rule_or_an_unclosed_block_is_text() {
        for text in [
            "---\nThe council voted.\n",
            "--- a rule with words\ntitle: x\n---\nBody.",
            "Body first.\n---\ntitle: x\n---\n",
        ] {
            let a = read("a.md", text.to_string());
            assert_eq!((a.text.as_str(), a.meta.title), (text, None));
        }
    }
}
