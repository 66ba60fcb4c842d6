//! Where a scan's articles live while it runs: in memory (a slice of items), or in an
//! anonymous temporary file written as the corpus streams in, so that a scan's memory
//! holds fingerprints rather than texts.

use std::convert::Infallible;
use std::fs::File;
use std::io::{self, BufWriter, Write};

use unspin_core::Article;

use crate::corpus::{ArticleId, Item};
use crate::store::{Index, StoreError};

/// The articles of a scan, by index.
pub trait Articles: Sync {
    type Error: std::error::Error + Send + Sync + 'static;
    fn len(&self) -> usize;
    fn is_empty(&self) -> bool {
        self.len() == 0
    }
    fn id(&self, k: usize) -> ArticleId;
    fn get(&self, k: usize) -> Result<Article, Self::Error>;
    /// Where article `k` was read from (a path, "file.jsonl:7"): articles of one text
    /// share an id, so a scan's pairs name their articles by it too.
    fn origin(&self, k: usize) -> Result<String, Self::Error> {
        self.get(k).map(|a| a.meta.origin)
    }
}

impl Articles for [Item] {
    type Error = Infallible;
    fn len(&self) -> usize {
        <[Item]>::len(self)
    }
    fn id(&self, k: usize) -> ArticleId {
        self[k].id
    }
    fn get(&self, k: usize) -> Result<Article, Infallible> {
        Ok(self[k].article.clone())
    }
    fn origin(&self, k: usize) -> Result<String, Infallible> {
        Ok(self[k].article.meta.origin.clone())
    }
}

/// Reading an article back from a [`Spill`] failed.
#[derive(Debug, thiserror::Error)]
pub enum SpillError {
    #[error("cannot read article {index} back from the scan's temporary file: {source}")]
    Io { index: usize, source: io::Error },
    #[error("article {index} in the scan's temporary file is damaged: {reason}")]
    Damaged { index: usize, reason: String },
}

/// Articles in an anonymous temporary file (deleted by the system when closed), one
/// JSON record each, found by offset.
pub struct Spill {
    file: File,
    entries: Vec<(u64, u32)>,
    ids: Vec<ArticleId>,
    /// Kept in memory (a path is a few dozen bytes): the output names every paired
    /// article's origin, which would otherwise cost a read and a parse each.
    origins: Vec<String>,
}

/// A [`Spill`] being written.
pub struct SpillWriter {
    out: BufWriter<File>,
    pos: u64,
    entries: Vec<(u64, u32)>,
    ids: Vec<ArticleId>,
    origins: Vec<String>,
}

impl SpillWriter {
    pub fn new() -> io::Result<SpillWriter> {
        Ok(SpillWriter {
            out: BufWriter::with_capacity(1 << 20, tempfile::tempfile()?),
            pos: 0,
            entries: Vec::new(),
            ids: Vec::new(),
            origins: Vec::new(),
        })
    }

    pub fn push(&mut self, item: &Item) -> io::Result<()> {
        let a = &item.article;
        let record = serde_json::json!({
            "origin": a.meta.origin, "title": a.meta.title,
            "date": a.meta.date.map(|d| d.to_string()), "url": a.meta.url,
            "site": a.meta.site, "text": a.text,
        })
        .to_string();
        let len = u32::try_from(record.len())
            .map_err(|_| io::Error::other("an article of 4 GiB or more"))?;
        self.out.write_all(record.as_bytes())?;
        self.entries.push((self.pos, len));
        self.ids.push(item.id);
        self.origins.push(a.meta.origin.clone());
        self.pos += u64::from(len);
        Ok(())
    }

    pub fn finish(self) -> io::Result<Spill> {
        let file = self
            .out
            .into_inner()
            .map_err(io::IntoInnerError::into_error)?;
        Ok(Spill {
            file,
            entries: self.entries,
            ids: self.ids,
            origins: self.origins,
        })
    }
}

impl Articles for Spill {
    type Error = SpillError;
    fn len(&self) -> usize {
        self.entries.len()
    }
    fn id(&self, k: usize) -> ArticleId {
        self.ids[k]
    }
    fn get(&self, k: usize) -> Result<Article, SpillError> {
        let (offset, len) = self.entries[k];
        let mut buf = vec![0u8; len as usize];
        read_exact_at(&self.file, &mut buf, offset)
            .map_err(|source| SpillError::Io { index: k, source })?;
        let record: serde_json::Value =
            serde_json::from_slice(&buf).map_err(|e| SpillError::Damaged {
                index: k,
                reason: e.to_string(),
            })?;
        let mut article = crate::store::article_of(&record);
        article.meta.site = record["site"].as_str().map(str::to_string);
        Ok(article)
    }
    fn origin(&self, k: usize) -> Result<String, SpillError> {
        Ok(self.origins[k].clone())
    }
}

/// The articles of an on-disk index, in id order, read back by id.
pub struct Indexed<'i> {
    index: &'i Index,
    ids: Vec<ArticleId>,
}

impl<'i> Indexed<'i> {
    pub fn new(index: &'i Index, ids: Vec<ArticleId>) -> Indexed<'i> {
        Indexed { index, ids }
    }
}

impl Articles for Indexed<'_> {
    type Error = StoreError;
    fn len(&self) -> usize {
        self.ids.len()
    }
    fn id(&self, k: usize) -> ArticleId {
        self.ids[k]
    }
    fn get(&self, k: usize) -> Result<Article, StoreError> {
        self.index
            .article(self.ids[k])?
            .ok_or_else(|| StoreError::Damaged {
                path: self.index.path().display().to_string(),
                id: self.ids[k].to_string(),
                reason: "listed but not stored".to_string(),
            })
    }
}

#[cfg(unix)]
fn read_exact_at(file: &File, buf: &mut [u8], offset: u64) -> io::Result<()> {
    std::os::unix::fs::FileExt::read_exact_at(file, buf, offset)
}

#[cfg(windows)]
fn read_exact_at(file: &File, mut buf: &mut [u8], mut offset: u64) -> io::Result<()> {
    while !buf.is_empty() {
        match std::os::windows::fs::FileExt::seek_read(file, buf, offset)? {
            0 => return Err(io::ErrorKind::UnexpectedEof.into()),
            n => {
                buf = &mut buf[n..];
                offset += n as u64;
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::item;

    #[test]
    fn spilled_articles_read_back_whole_in_any_order() {
        let mut a = Article::new("a.html", "Ünïcode text, \"quoted\".\n\nSecond paragraph.");
        a.meta.title = Some("A title".into());
        a.meta.url = Some("https://example.org/a".into());
        a.meta.site = Some("Example".into());
        a.meta.date = unspin_core::CivilDate::new(2025, 11, 7);
        let b = Article::new("b.txt", "Another article.");
        let items = vec![item(a), item(b)];
        let mut w = SpillWriter::new().expect("temp file");
        for i in &items {
            w.push(i).expect("write");
        }
        let spill = w.finish().expect("finish");
        assert_eq!(spill.len(), 2);
        for k in [1, 0, 1] {
            assert_eq!(spill.get(k).expect("read"), items[k].article);
            assert_eq!(spill.id(k), items[k].id);
            assert_eq!(
                spill.origin(k).expect("origin"),
                items[k].article.meta.origin
            );
        }
    }
}
