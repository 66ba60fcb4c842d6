//! A depth guard for HTML before it reaches the parser.
//!
//! html5ever checks the stack of open elements for every tag, and readability's scoring
//! walks each node's ancestors, so a page whose elements nest n deep costs about n² work:
//! 8,000 unclosed `<div>`s took 11 s, 100,000 (a 1 MB page) over ten minutes. Browsers
//! cap the depth instead (Blink's parser stops nesting at 512 and adds deeper elements
//! as siblings). [`cap_depth`] does the same on the raw markup: a tag that would open an
//! element deeper than the cap is left out (with its matching end tag), and its text
//! stays where it was. Pages within the cap, which is every real article, come back
//! untouched.
//!
//! The scanner is a tokenizer's approximation, enough to count depth: comments,
//! doctypes and the raw text of `script`/`style`/`textarea`/`title` are skipped, quoted
//! attribute values may hold `>`, void and self-closing elements never nest, and
//! elements whose end tag is optional (`p`, `li`, `td`, …) are not counted, since the
//! parser closes them itself; a table counts as the four levels it opens (table, body,
//! row, cell) and a list as two.

use std::borrow::Cow;

/// Deepest nesting kept: well past real pages (rarely 60 deep), low enough that
/// parsing stays linear in practice.
pub const MAX_DEPTH: usize = 128;

const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "keygen", "basefont", "bgsound", "frame",
];
const RAW_TEXT: &[&str] = &[
    "script",
    "style",
    "textarea",
    "title",
    "xmp",
    "iframe",
    "noembed",
    "noframes",
    "plaintext",
];
const SELF_CLOSED: &[&str] = &[
    "html", "head", "body", "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "rb",
    "rt", "rp", "rtc", "thead", "tbody", "tfoot", "colgroup", "caption",
];

/// `html` with every element nested deeper than `limit` unwrapped (tags replaced by a
/// space, text kept). Borrowed when nothing nests that deep.
pub fn cap_depth(html: &str, limit: usize) -> Cow<'_, str> {
    let bytes = html.as_bytes();
    // Open elements, and the depth they add up to.
    let mut stack: Vec<String> = Vec::new();
    let mut depth = 0;
    // End tags still owed to elements left out, by name.
    let mut dropped: Vec<(String, usize)> = Vec::new();
    let mut out: Option<String> = None;
    let mut copied = 0;
    let mut pos = 0;
    while let Some(off) = html[pos..].find('<') {
        let start = pos + off;
        let rest = &bytes[start + 1..];
        if rest.starts_with(b"!--") {
            pos = match html[start + 4..].find("-->") {
                Some(e) => start + 4 + e + 3,
                None => break,
            };
            continue;
        }
        if rest.first().is_some_and(|&b| b == b'!' || b == b'?') {
            pos = match html[start..].find('>') {
                Some(e) => start + e + 1,
                None => break,
            };
            continue;
        }
        let closing = rest.first() == Some(&b'/');
        let name_at = start + 1 + usize::from(closing);
        let name = tag_name(&html[name_at..]);
        if name.is_empty() {
            pos = start + 1;
            continue;
        }
        let Some(end) = tag_end(bytes, name_at + name.len()) else {
            break;
        };
        pos = end;
        let mut leave_out = false;
        if closing {
            if let Some(owed) = dropped.iter_mut().find(|(n, c)| *c > 0 && *n == name) {
                owed.1 -= 1;
                leave_out = true;
            } else if let Some(at) = stack.iter().rposition(|n| *n == name) {
                depth -= stack[at..].iter().map(|n| levels(n)).sum::<usize>();
                stack.truncate(at);
            }
        } else if RAW_TEXT.contains(&name.as_str()) {
            pos = raw_text_end(html, end, &name);
        } else if !(VOID.contains(&name.as_str())
            || SELF_CLOSED.contains(&name.as_str())
            || bytes[end - 2] == b'/')
        {
            let levels = levels(&name);
            if depth + levels <= limit {
                depth += levels;
                stack.push(name);
            } else {
                match dropped.iter_mut().find(|(n, _)| *n == name) {
                    Some(owed) => owed.1 += 1,
                    None => dropped.push((name, 1)),
                }
                leave_out = true;
            }
        }
        if leave_out {
            let o = out.get_or_insert_with(|| String::with_capacity(html.len()));
            o.push_str(&html[copied..start]);
            o.push(' ');
            copied = end;
        }
    }
    match out {
        None => Cow::Borrowed(html),
        Some(mut o) => {
            o.push_str(&html[copied..]);
            Cow::Owned(o)
        }
    }
}

/// Levels an element adds to the parsed tree: a table brings its body, row and cell
/// (whose tags are not counted, as their end tags are optional), a list its item.
fn levels(name: &str) -> usize {
    match name {
        "table" => 4,
        "ul" | "ol" | "dl" | "select" | "datalist" => 2,
        _ => 1,
    }
}

/// The lowercased tag name at the start of `s` (empty unless it starts with a letter).
fn tag_name(s: &str) -> String {
    if !s.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return String::new();
    }
    s.bytes()
        .take_while(|b| b.is_ascii_alphanumeric() || *b == b'-' || *b == b':')
        .map(|b| char::from(b.to_ascii_lowercase()))
        .collect()
}

/// Just past the `>` closing a tag whose attributes start at `from`; quoted values may
/// hold `>`. `None` when the tag never closes.
fn tag_end(bytes: &[u8], from: usize) -> Option<usize> {
    let mut quote: Option<u8> = None;
    for (k, &b) in bytes.iter().enumerate().skip(from) {
        match quote {
            Some(q) if b == q => quote = None,
            Some(_) => {}
            None if b == b'"' || b == b'\'' => quote = Some(b),
            None if b == b'>' => return Some(k + 1),
            None => {}
        }
    }
    None
}

/// Where scanning resumes after a raw-text element's content: its end tag's start (so
/// the end tag is read as a tag), or the end of the page.
fn raw_text_end(html: &str, from: usize, name: &str) -> usize {
    let needle = format!("</{name}");
    let hay = &html.as_bytes()[from..];
    hay.windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
        .map_or(html.len(), |k| from + k)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(html: &str, limit: usize, expect: &str) {
        assert_eq!(cap_depth(html, limit), expect);
    }

    #[test]
    fn shallow_pages_come_back_borrowed() {
        let page = "<html><body><div><p>One<p>Two<div><span>x</span></div></div></body></html>";
        assert!(matches!(cap_depth(page, 3), Cow::Borrowed(_)));
    }

    #[test]
    fn deep_elements_are_unwrapped_and_their_text_kept() {
        check(
            "<div><div><div>a</div>b</div>c</div>",
            2,
            "<div><div> a b</div>c</div>",
        );
        // Unclosed tags: the excess ones go, the kept ones still close at the end.
        check("<b><i><u>x<u>y</b>", 2, "<b><i> x y</b>");
    }

    #[test]
    fn a_table_counts_as_four_levels() {
        let page = "<table><tr><td><table><tr><td>x</td></tr></table></td></tr></table>";
        assert!(matches!(cap_depth(page, 8), Cow::Borrowed(_)));
        check(
            page,
            7,
            "<table><tr><td> <tr><td>x</td></tr> </td></tr></table>",
        );
    }

    #[test]
    fn comments_raw_text_quotes_and_void_tags_do_not_count() {
        let page = concat!(
            "<div><!-- <div><div> --><script>if (a<b) { x='<div>'; }</script>",
            "<img src='a>b'><br/><p>one<p>two<div class=\"x>y\">deep</div></div>",
        );
        assert!(matches!(cap_depth(page, 2), Cow::Borrowed(_)));
        check(
            page,
            1,
            &page.replace("<div class=\"x>y\">deep</div>", " deep "),
        );
    }

    #[test]
    fn unterminated_markup_ends_the_scan_without_loss() {
        check("<div><div>text <div", 1, "<div> text <div");
        check(
            "<div>text <!-- never closed <div><div>",
            1,
            "<div>text <!-- never closed <div><div>",
        );
    }
}
