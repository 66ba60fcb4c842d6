//! unspin-corpus: reading a corpus — files and folders, recursively (text, Markdown,
//! HTML, JSON, JSON Lines, gzip, WARC as in CC-NEWS) — streamed one article at a time,
//! each with a stable content-hash id.
//!
//! Architecture invariant: every input is accounted for, as an article or as a
//! [`Skipped`] naming it and why; nothing stops the reading. It reads the file system and
//! never writes to it, prints or exits; memory does not grow with the corpus: items are
//! handed to a callback one at a time, and a file, JSON line or WARC record over the
//! size limit is skipped with its size. Split out of unspin-index (past 3k lines), which
//! writes the index.

use std::fs::File;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};

use flate2::read::MultiGzDecoder;
use unspin_core::Article;
use unspin_ingest::{ReadOptions, read_article};

/// A stable id for an article: the xxh3-128 hash of its text, whitespace folded.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ArticleId(pub u128);

impl ArticleId {
    pub fn of(text: &str) -> ArticleId {
        let folded: Vec<&str> = text.split_whitespace().collect();
        ArticleId(xxhash_rust::xxh3::xxh3_128(folded.join(" ").as_bytes()))
    }
}

impl std::fmt::Display for ArticleId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:032x}", self.0)
    }
}

/// One article read from the corpus.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Item {
    pub id: ArticleId,
    pub article: Article,
}

/// An input that could not be read, and why. The scan goes on without it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Skipped {
    /// A path, `path:line` for JSON Lines, or `path#record` for WARC.
    pub origin: String,
    pub reason: String,
}

/// Every article under `paths`, and every input skipped, in reading order.
pub fn read_all(paths: &[PathBuf], opts: &ReadOptions) -> (Vec<Item>, Vec<Skipped>) {
    let (mut items, mut skipped) = (Vec::new(), Vec::new());
    read(paths, opts, &mut |r| match r {
        Ok(item) => items.push(item),
        Err(s) => skipped.push(s),
    });
    (items, skipped)
}

/// Read every article under `paths` (files or folders, folders recursively in name
/// order), calling `visit` for each article or skipped input.
pub fn read(paths: &[PathBuf], opts: &ReadOptions, visit: &mut dyn FnMut(Result<Item, Skipped>)) {
    // Folders entered so far, as their canonical paths: a symbolic link back up the tree
    // (or a folder given twice) is not read again.
    let mut entered = std::collections::HashSet::new();
    for path in paths {
        if path.is_dir() {
            let mut files = Vec::new();
            collect_files(path, &mut entered, &mut files, visit);
            files.sort();
            for f in files {
                read_file(&f, opts, visit);
            }
        } else {
            read_file(path, opts, visit);
        }
    }
}

fn collect_files(
    dir: &Path,
    entered: &mut std::collections::HashSet<PathBuf>,
    out: &mut Vec<PathBuf>,
    visit: &mut dyn FnMut(Result<Item, Skipped>),
) {
    match std::fs::canonicalize(dir) {
        Ok(canonical) if !entered.insert(canonical.clone()) => {
            return visit(Err(skipped(
                dir.display().to_string(),
                format!(
                    "already read as {} (a symbolic link loop, or a folder given twice)",
                    canonical.display()
                ),
            )));
        }
        Ok(_) => {}
        Err(e) => return visit(Err(skipped(dir.display().to_string(), e))),
    }
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            return visit(Err(Skipped {
                origin: dir.display().to_string(),
                reason: e.to_string(),
            }));
        }
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let hidden = path
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with('.'));
        if hidden {
            continue;
        }
        match std::fs::metadata(&path) {
            Ok(m) if m.is_dir() => collect_files(&path, entered, out, visit),
            Ok(m) if !m.is_file() => visit(Err(skipped(
                path.display().to_string(),
                // A pipe would block, a device (a link to /dev/zero) never end.
                "not a regular file (a device, pipe or socket), not read",
            ))),
            _ => out.push(path),
        }
    }
}

fn skipped(origin: impl Into<String>, reason: impl ToString) -> Skipped {
    Skipped {
        origin: origin.into(),
        reason: reason.to_string(),
    }
}

/// An article with its content id.
pub fn item(article: Article) -> Item {
    Item {
        id: ArticleId::of(&article.text),
        article,
    }
}

/// What kind of container a file name says it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Container {
    Article,
    JsonLines { gzip: bool },
    Warc { gzip: bool },
    Unsupported,
}

fn container(path: &Path) -> Container {
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    let gzip = name.ends_with(".gz");
    let base = name.trim_end_matches(".gz");
    if base.ends_with(".jsonl") || base.ends_with(".ndjson") {
        Container::JsonLines { gzip }
    } else if base.ends_with(".warc") {
        Container::Warc { gzip }
    } else if gzip {
        Container::Unsupported
    } else if unspin_ingest::Format::from_extension(&name).is_some() {
        Container::Article
    } else {
        Container::Unsupported
    }
}

fn read_file(path: &Path, opts: &ReadOptions, visit: &mut dyn FnMut(Result<Item, Skipped>)) {
    let origin = path.display().to_string();
    let open = || -> Result<Box<dyn BufRead>, Skipped> {
        let file = File::open(path).map_err(|e| skipped(&origin, e))?;
        Ok(Box::new(BufReader::new(file)))
    };
    let gunzip = |r: Box<dyn BufRead>| -> Box<dyn BufRead> {
        Box::new(BufReader::new(MultiGzDecoder::new(r)))
    };
    match container(path) {
        Container::Article if let Some(bom) = json_list_bom(path) => {
            json_array(&origin, path, bom, opts, visit)
        }
        Container::Article => match read_capped(path, opts.max_bytes) {
            Ok(Ok(bytes)) => visit(
                read_article(&origin, &bytes, opts)
                    .map(item)
                    .map_err(|e| skipped(&origin, strip_origin(&origin, &e.to_string()))),
            ),
            Ok(Err(TooLarge(len))) => visit(Err(skipped(
                &origin,
                format!(
                    "too large ({len} bytes, the limit is {} bytes)",
                    opts.max_bytes
                ),
            ))),
            Err(e) => visit(Err(skipped(&origin, e))),
        },
        Container::JsonLines { gzip } => match open() {
            Ok(r) => json_lines(&origin, if gzip { gunzip(r) } else { r }, opts, visit),
            Err(s) => visit(Err(s)),
        },
        Container::Warc { gzip } => match open() {
            Ok(r) => warc(&origin, if gzip { gunzip(r) } else { r }, opts, visit),
            Err(s) => visit(Err(s)),
        },
        Container::Unsupported => visit(Err(skipped(
            &origin,
            "not a format unspin reads (txt, md, html, json, jsonl[.gz], warc[.gz])",
        ))),
    }
}

/// Errors from the reader start with the origin; the skip record holds it apart.
fn strip_origin(origin: &str, message: &str) -> String {
    message
        .strip_prefix(origin)
        .and_then(|m| m.strip_prefix(": "))
        .unwrap_or(message)
        .to_string()
}

/// The UTF-8 byte order mark.
const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// For a `.json` file whose first non-blank byte (after a UTF-8 byte order mark, which
/// Windows tools write) is `[`, a list of records: the length of that mark, 0 or 3.
fn json_list_bom(path: &Path) -> Option<u64> {
    let is_json = path
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("json"));
    if !is_json {
        return None;
    }
    let mut reader = BufReader::new(File::open(path).ok()?);
    let (mut bom, mut at) = (0u64, 0u64);
    // Past the mark and the blanks before the first byte that says what the file holds
    // (a megabyte of blanks at most).
    loop {
        let buf = std::io::BufRead::fill_buf(&mut reader).ok()?;
        if buf.is_empty() || at >= 1 << 20 {
            return None;
        }
        if at == 0 && buf.starts_with(UTF8_BOM) {
            std::io::BufRead::consume(&mut reader, UTF8_BOM.len());
            (bom, at) = (UTF8_BOM.len() as u64, UTF8_BOM.len() as u64);
            continue;
        }
        if let Some(k) = buf.iter().position(|b| !b.is_ascii_whitespace()) {
            return (buf[k] == b'[').then_some(bom);
        }
        let n = buf.len();
        std::io::BufRead::consume(&mut reader, n);
        at += n as u64;
    }
}

/// The records of a JSON list, parsed as they stream in: memory holds one record, and
/// the records before a syntax error (a file cut short, say) are kept. A record over
/// [`line_limit`] bytes stops the reading (a streaming parser cannot step over it),
/// reported with its number.
fn json_array(
    origin: &str,
    path: &Path,
    bom: u64,
    opts: &ReadOptions,
    visit: &mut dyn FnMut(Result<Item, Skipped>),
) {
    use serde::de::DeserializeSeed;
    use std::io::Seek;
    let file =
        match File::open(path).and_then(|mut f| f.seek(std::io::SeekFrom::Start(bom)).map(|_| f)) {
            Ok(f) => f,
            Err(e) => return visit(Err(skipped(origin, e))),
        };
    let used = std::cell::Cell::new(0usize);
    let limit = line_limit(opts);
    // Budgeted below the buffer, which reads a quarter of the limit at most at a time:
    // a record read past the limit has over three quarters of it of its own.
    let reader = BufReader::with_capacity(
        (limit / 4).clamp(256, 64 * 1024),
        Budgeted {
            inner: file,
            used: &used,
            limit,
        },
    );
    let mut de = serde_json::Deserializer::from_reader(reader);
    let mut n = 0usize;
    let each = EachRecord(&mut |record: serde_json::Value| {
        n += 1;
        used.set(0);
        let at = format!("{origin}#{n}");
        let result = json_record(&at, record, opts);
        visit(result.map(item).map_err(|reason| skipped(at, reason)));
    });
    let parsed = each.deserialize(&mut de).and_then(|()| de.end());
    if let Err(e) = parsed {
        let at = format!("{origin}#{}", n + 1);
        let reason = if used.get() > limit {
            format!("a record over {limit} bytes; stopped reading")
        } else {
            format!("invalid JSON, stopped reading: {e}")
        };
        visit(Err(skipped(at, reason)));
    }
}

/// A reader that fails once more than `limit` bytes are read since `used` was last reset.
struct Budgeted<'u, R> {
    inner: R,
    used: &'u std::cell::Cell<usize>,
    limit: usize,
}

impl<R: std::io::Read> std::io::Read for Budgeted<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if self.used.get() > self.limit {
            return Err(std::io::Error::other("record too large"));
        }
        let n = self.inner.read(buf)?;
        self.used.set(self.used.get() + n);
        Ok(n)
    }
}

/// Hands each element of a JSON list to a closure as it is parsed.
struct EachRecord<'f>(&'f mut dyn FnMut(serde_json::Value));

impl<'de> serde::de::DeserializeSeed<'de> for EachRecord<'_> {
    type Value = ();
    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de> serde::de::Visitor<'de> for EachRecord<'_> {
    type Value = ();
    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a list of records")
    }
    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while let Some(record) = seq.next_element::<serde_json::Value>()? {
            (self.0)(record);
        }
        Ok(())
    }
}

/// One JSON record (of a list or a JSON Lines file) as an article, or why not.
fn json_record(at: &str, value: serde_json::Value, opts: &ReadOptions) -> Result<Article, String> {
    let serde_json::Value::Object(obj) = value else {
        return Err("expected a JSON object".to_string());
    };
    let mut article =
        unspin_ingest::json::record(at, &obj).map_err(|e| strip_origin(at, &e.to_string()))?;
    unspin_ingest::clean(&mut article);
    if article.text.len() > opts.max_bytes {
        return Err(format!(
            "too large ({} bytes, the limit is {} bytes)",
            article.text.len(),
            opts.max_bytes
        ));
    }
    Ok(article)
}

fn json_lines(
    origin: &str,
    reader: Box<dyn BufRead>,
    opts: &ReadOptions,
    visit: &mut dyn FnMut(Result<Item, Skipped>),
) {
    let mut reader = reader;
    let limit = line_limit(opts);
    let mut line = Vec::new();
    for n in 0.. {
        let at = format!("{origin}:{}", n + 1);
        match next_line(&mut reader, limit, &mut line) {
            Ok(Line::End) => return,
            Ok(Line::Read) => {}
            Ok(Line::TooLong(len)) => {
                visit(Err(skipped(
                    at,
                    format!("too large ({len} bytes, the limit for a line is {limit} bytes)"),
                )));
                continue;
            }
            Err(e) => return visit(Err(skipped(at, format!("stopped reading: {e}")))),
        }
        // (A byte order mark before the first record, as Windows tools write.)
        let record = match line.strip_prefix(UTF8_BOM) {
            Some(rest) if n == 0 => rest,
            _ => &line[..],
        };
        if record.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let result = serde_json::from_slice::<serde_json::Value>(record)
            .map_err(|e| format!("invalid JSON: {e}"))
            .and_then(|v| json_record(&at, v, opts));
        visit(result.map(item).map_err(|reason| skipped(at, reason)));
    }
}

/// The longest JSON Lines line held in memory: a record's text may be `max_bytes` long,
/// and JSON escapes can take up to six bytes for one character's two.
fn line_limit(opts: &ReadOptions) -> usize {
    opts.max_bytes.saturating_mul(4)
}

/// What [`next_line`] read.
#[derive(Debug, PartialEq, Eq)]
enum Line {
    /// A line (without its `\n`) is in the buffer.
    Read,
    /// A line longer than the limit went by unheld; its length.
    TooLong(u64),
    End,
}

/// The next line of `reader` into `buf`, holding at most `limit` bytes: a longer line
/// (a compressed file can hold gigabytes without a newline) is read past, not kept.
fn next_line(reader: &mut dyn BufRead, limit: usize, buf: &mut Vec<u8>) -> std::io::Result<Line> {
    buf.clear();
    let (mut len, mut any) = (0u64, false);
    loop {
        let chunk = match reader.fill_buf() {
            Ok(c) => c,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if chunk.is_empty() {
            break;
        }
        any = true;
        let newline = chunk.iter().position(|&b| b == b'\n');
        let part = &chunk[..newline.unwrap_or(chunk.len())];
        len += part.len() as u64;
        if len <= limit as u64 {
            buf.extend_from_slice(part);
        } else {
            buf.clear();
        }
        let used = newline.map_or(chunk.len(), |k| k + 1);
        reader.consume(used);
        if newline.is_some() {
            break;
        }
    }
    Ok(match (any, len > limit as u64) {
        (false, _) => Line::End,
        (true, true) => Line::TooLong(len),
        (true, false) => Line::Read,
    })
}

fn warc(
    origin: &str,
    reader: Box<dyn BufRead>,
    opts: &ReadOptions,
    visit: &mut dyn FnMut(Result<Item, Skipped>),
) {
    // Streamed: a record's body is read only once its length is known to fit (the
    // crate's buffering iterator holds every body whole, and reserves its declared
    // length before reading it); bodies not read are skipped a megabyte at a time.
    let mut reader = warc::WarcReader::new(HeaderLimit {
        inner: reader,
        header: 0,
    });
    let mut records = reader.stream_records();
    let unreadable = |at: String, reason: String| {
        skipped(
            at,
            format!("unreadable WARC record, rest of the file skipped: {reason}"),
        )
    };
    // The crate's errors name their kind ("Error reading data source."); the cause, if
    // any, follows.
    let describe = |e: &dyn std::error::Error| match e.source() {
        Some(cause) => format!("{e} ({cause})"),
        None => e.to_string(),
    };
    let mut n = 0;
    // The record whose body the iterator skips when asked for the next one: a read error
    // then is that record's (it is cut short), not the next one's.
    let mut unread: Option<String> = None;
    while let Some(record) = records.next_item() {
        n += 1;
        let at = format!("{origin}#{n}");
        let record = match record {
            Ok(r) => r,
            Err(e) => return visit(Err(unreadable(unread.unwrap_or(at), describe(&e)))),
        };
        unread = Some(at.clone());
        if !matches!(
            record.warc_type(),
            warc::RecordType::Response | warc::RecordType::Resource
        ) {
            continue;
        }
        let length = record.content_length();
        if length > opts.max_bytes as u64 {
            visit(Err(skipped(at, format!("too large ({length} bytes)"))));
            continue;
        }
        let record = match record.into_buffered() {
            Ok(r) if r.body().len() as u64 == length => r,
            Ok(r) => {
                let cut = format!("the body ends after {} of {length} bytes", r.body().len());
                return visit(Err(unreadable(at, cut)));
            }
            Err(e) => return visit(Err(unreadable(at, describe(&e)))),
        };
        unread = None;
        let date = record.date().format("%Y-%m-%d").to_string();
        // Raw header bytes: `Record::header` unwraps their UTF-8 and panics on bad bytes.
        let (headers, body) = record.into_raw_parts();
        let url = headers
            .as_ref()
            .get(&warc::WarcHeader::TargetURI)
            .map(|u| String::from_utf8_lossy(u).into_owned());
        let body = http_payload(&body);
        let name = url.clone().unwrap_or_else(|| at.clone());
        let result = if body.len() > opts.max_bytes {
            Err(format!("too large ({} bytes)", body.len()))
        } else {
            let html = unspin_ingest::decode(body)
                .map(|d| d.text)
                .map_err(|e| format!("not text ({e})"));
            html.and_then(|h| {
                unspin_ingest::html::read(&name, &h)
                    .map_err(|e| strip_origin(&name, &e.to_string()))
            })
        };
        match result {
            Ok(mut article) => {
                article.meta.url = article.meta.url.or(url);
                if article.meta.date.is_none() {
                    article.meta.date = unspin_ingest::parse_date(&date);
                }
                unspin_ingest::clean(&mut article);
                visit(Ok(item(article)));
            }
            Err(reason) => visit(Err(skipped(at, reason))),
        }
    }
    if n == 0 {
        visit(Err(skipped(origin, "no WARC record found")));
    }
}

/// WARC header blocks longer than this are refused: the `warc` crate holds a header
/// block whole while looking for its end, so a stream of header bytes that never ends
/// (a corrupt or hostile file, gzip-compressed a thousandfold) would fill memory.
const MAX_WARC_HEADER: usize = 1 << 20;

/// The reader under the `warc` crate: it reads header blocks line by line through
/// `BufRead` and bodies through `Read`, so the bytes consumed through `BufRead` since the
/// last `Read` are the header block being read, refused past [`MAX_WARC_HEADER`].
struct HeaderLimit<R> {
    inner: R,
    header: usize,
}

impl<R: BufRead> std::io::Read for HeaderLimit<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        self.header = 0;
        self.inner.read(buf)
    }
}

impl<R: BufRead> BufRead for HeaderLimit<R> {
    fn fill_buf(&mut self) -> std::io::Result<&[u8]> {
        if self.header > MAX_WARC_HEADER {
            return Err(std::io::Error::new(
                std::io::ErrorKind::InvalidData,
                format!("a header block over {MAX_WARC_HEADER} bytes"),
            ));
        }
        self.inner.fill_buf()
    }

    fn consume(&mut self, amt: usize) {
        self.header = self.header.saturating_add(amt);
        self.inner.consume(amt);
    }
}

/// A file or stream over the size limit: its length, or "at least" the limit + 1 for a
/// stream whose end was not awaited.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TooLarge(pub u64);

/// The bytes at `path` if there are at most `max_bytes` of them. A regular file over the
/// limit is refused by its length, unread; anything else (a pipe, `/dev/stdin`, a
/// device) is read up to one byte past the limit, never further.
pub fn read_capped(path: &Path, max_bytes: usize) -> std::io::Result<Result<Vec<u8>, TooLarge>> {
    use std::io::Read;
    let file = File::open(path)?;
    let meta = file.metadata()?;
    if meta.is_file() && meta.len() > max_bytes as u64 {
        return Ok(Err(TooLarge(meta.len())));
    }
    let mut bytes = Vec::new();
    file.take(max_bytes as u64 + 1).read_to_end(&mut bytes)?;
    if bytes.len() > max_bytes {
        return Ok(Err(TooLarge(meta.len().max(bytes.len() as u64))));
    }
    Ok(Ok(bytes))
}

/// The body of an HTTP response (after the blank line), or the bytes as they are.
fn http_payload(body: &[u8]) -> &[u8] {
    if !body.starts_with(b"HTTP/") {
        return body;
    }
    let end = body
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .map(|p| p + 4)
        .or_else(|| body.windows(2).position(|w| w == b"\n\n").map(|p| p + 2));
    end.map_or(&[], |e| &body[e..])
}

#[cfg(test)]
mod tests;
