//! The on-disk index: articles and their fingerprint postings in one redb file
//! (`DIR/index.redb`), crash-safe by redb's atomic commits.
//!
//! Format version 1 (`FORMAT_VERSION`), tables:
//! - `meta`: `"format_version"` → u32.
//! - `articles`: article id (u128, the content hash) → JSON
//!   `{"origin", "title", "date", "url", "text", "keys"}` (`keys`: its sentence-key count).
//! - `bands`: LSH band key (u64) → article ids (multimap).
//! - `sentence_keys`: sentence key (u64) → article ids (multimap).
//!
//! Adding is idempotent (an id already present is skipped) and happens in batches, one
//! commit each: a crash loses at most the batch in flight, never a committed article.

use std::path::{Path, PathBuf};

use redb::{
    Database, MultimapTableDefinition, ReadableDatabase, ReadableTable, ReadableTableMetadata,
    TableDefinition,
};
use rustc_hash::{FxHashMap, FxHashSet};
use serde_json::json;
use thiserror::Error;
use unspin_core::Article;
use unspin_core::doc::{Depth, Doc};

use crate::corpus::{ArticleId, Item};
use crate::fingerprint::{Fingerprint, fingerprint};

pub const FORMAT_VERSION: u32 = 1;
const FILE: &str = "index.redb";

const META: TableDefinition<&str, u32> = TableDefinition::new("meta");
const ARTICLES: TableDefinition<u128, &[u8]> = TableDefinition::new("articles");
const BANDS: MultimapTableDefinition<u64, u128> = MultimapTableDefinition::new("bands");
const SENTENCE_KEYS: MultimapTableDefinition<u64, u128> =
    MultimapTableDefinition::new("sentence_keys");

#[derive(Debug, Error)]
pub enum StoreError {
    #[error("{path}: index format version {found}, but this unspin reads version {expected}")]
    FormatVersion {
        path: String,
        found: u32,
        expected: u32,
    },
    /// `{path}` only: the error chain (`source`) says what went wrong, once.
    #[error("{path}")]
    Db { path: String, source: redb::Error },
    #[error("{path}: article {id} is damaged: {reason}")]
    Damaged {
        path: String,
        id: String,
        reason: String,
    },
    #[error("{path}: no index here (`unspin index add --index DIR` makes one)")]
    Missing { path: String },
    #[error("{path}")]
    Io {
        path: String,
        source: std::io::Error,
    },
}

pub struct Index {
    db: Database,
    path: PathBuf,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct AddStats {
    pub added: usize,
    pub already: usize,
}

impl Index {
    /// Open the index in `dir`, creating it (and `dir`) when absent.
    pub fn open(dir: &Path) -> Result<Index, StoreError> {
        let path = dir.join(FILE);
        let shown = path.display().to_string();
        std::fs::create_dir_all(dir).map_err(|source| StoreError::Io {
            path: dir.display().to_string(),
            source,
        })?;
        let db = Database::create(&path).map_err(|e| StoreError::Db {
            path: shown.clone(),
            source: e.into(),
        })?;
        let index = Index { db, path };
        index.check_version()?;
        Ok(index)
    }

    /// Open the index in `dir`, which must hold one: reading commands (`match`, `index
    /// check`) never create an index where a mistyped path points.
    pub fn open_existing(dir: &Path) -> Result<Index, StoreError> {
        if !dir.join(FILE).is_file() {
            return Err(StoreError::Missing {
                path: dir.display().to_string(),
            });
        }
        Index::open(dir)
    }

    /// The index file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    fn err(&self) -> impl Fn(redb::Error) -> StoreError + '_ {
        move |source| StoreError::Db {
            path: self.path.display().to_string(),
            source,
        }
    }

    fn check_version(&self) -> Result<(), StoreError> {
        let e = self.err();
        let tx = self.db.begin_write().map_err(|x| e(x.into()))?;
        let found = {
            let mut meta = tx.open_table(META).map_err(|x| e(x.into()))?;
            let found = meta
                .get("format_version")
                .map_err(|x| e(x.into()))?
                .map(|v| v.value());
            if found.is_none() {
                meta.insert("format_version", FORMAT_VERSION)
                    .map_err(|x| e(x.into()))?;
            }
            tx.open_table(ARTICLES).map_err(|x| e(x.into()))?;
            tx.open_multimap_table(BANDS).map_err(|x| e(x.into()))?;
            tx.open_multimap_table(SENTENCE_KEYS)
                .map_err(|x| e(x.into()))?;
            found
        };
        tx.commit().map_err(|x| e(x.into()))?;
        match found {
            Some(v) if v != FORMAT_VERSION => Err(StoreError::FormatVersion {
                path: self.path.display().to_string(),
                found: v,
                expected: FORMAT_VERSION,
            }),
            _ => Ok(()),
        }
    }

    /// Add `items` in one atomic commit; ids already present are skipped.
    pub fn add(&self, items: &[Item]) -> Result<AddStats, StoreError> {
        let e = self.err();
        let mut stats = AddStats::default();
        let tx = self.db.begin_write().map_err(|x| e(x.into()))?;
        {
            let mut articles = tx.open_table(ARTICLES).map_err(|x| e(x.into()))?;
            let mut bands = tx.open_multimap_table(BANDS).map_err(|x| e(x.into()))?;
            let mut skeys = tx
                .open_multimap_table(SENTENCE_KEYS)
                .map_err(|x| e(x.into()))?;
            // The articles not yet indexed (the first of each id), fingerprinted on all
            // cores before they are written in order: analysis is most of the time.
            let mut ids: FxHashSet<u128> = FxHashSet::default();
            let mut fresh: Vec<&Item> = Vec::with_capacity(items.len());
            for item in items {
                if articles.get(item.id.0).map_err(|x| e(x.into()))?.is_some()
                    || !ids.insert(item.id.0)
                {
                    stats.already += 1;
                } else {
                    fresh.push(item);
                }
            }
            let threads = std::thread::available_parallelism().map_or(1, usize::from);
            let prints = crate::parallel::parallel_map(&fresh, threads, |item| {
                fingerprint(&Doc::with_depth(&item.article, Depth::Sentences))
            });
            let mut band_entries: Vec<(u64, u128)> = Vec::new();
            let mut key_entries: Vec<(u64, u128)> = Vec::new();
            for (item, fp) in fresh.into_iter().zip(prints) {
                let a = &item.article;
                let record = json!({
                    "origin": a.meta.origin, "title": a.meta.title, "date": a.meta.date.map(|d| d.to_string()),
                    "url": a.meta.url, "text": a.text, "keys": fp.sentence_keys.len(),
                });
                articles
                    .insert(item.id.0, record.to_string().as_bytes())
                    .map_err(|x| e(x.into()))?;
                band_entries.extend(fp.bands.iter().map(|&k| (k, item.id.0)));
                key_entries.extend(fp.sentence_keys.iter().map(|&k| (k, item.id.0)));
                stats.added += 1;
            }
            // Postings go in in key order: a B-tree takes sorted inserts on the same
            // pages in turn, where the articles' order would touch pages all over it.
            band_entries.sort_unstable();
            key_entries.sort_unstable();
            for &(k, id) in &band_entries {
                bands.insert(k, id).map_err(|x| e(x.into()))?;
            }
            for &(k, id) in &key_entries {
                skeys.insert(k, id).map_err(|x| e(x.into()))?;
            }
        }
        tx.commit().map_err(|x| e(x.into()))?;
        Ok(stats)
    }

    pub fn len(&self) -> Result<u64, StoreError> {
        let e = self.err();
        let tx = self.db.begin_read().map_err(|x| e(x.into()))?;
        let articles = tx.open_table(ARTICLES).map_err(|x| e(x.into()))?;
        articles.len().map_err(|x| e(x.into()))
    }

    pub fn is_empty(&self) -> Result<bool, StoreError> {
        Ok(self.len()? == 0)
    }

    /// Indexed articles sharing a band, or enough sentence keys, with `fp`: ids with
    /// their shared sentence-key counts, best first.
    pub fn candidates(
        &self,
        fp: &Fingerprint,
        min_shared_keys: usize,
        min_share: f64,
    ) -> Result<Vec<(ArticleId, usize)>, StoreError> {
        let e = self.err();
        let tx = self.db.begin_read().map_err(|x| e(x.into()))?;
        let bands = tx.open_multimap_table(BANDS).map_err(|x| e(x.into()))?;
        let skeys = tx
            .open_multimap_table(SENTENCE_KEYS)
            .map_err(|x| e(x.into()))?;
        let mut shared: FxHashMap<u128, usize> = FxHashMap::default();
        let mut banded: Vec<u128> = Vec::new();
        for &k in &fp.bands {
            for id in bands.get(k).map_err(|x| e(x.into()))? {
                banded.push(id.map_err(|x| e(x.into()))?.value());
            }
        }
        for &k in &fp.sentence_keys {
            for id in skeys.get(k).map_err(|x| e(x.into()))? {
                *shared
                    .entry(id.map_err(|x| e(x.into()))?.value())
                    .or_default() += 1;
            }
        }
        let mut out: Vec<(ArticleId, usize)> = Vec::new();
        // Most holders share a key or two: their records are not read.
        for (id, n) in shared.iter().filter(|&(_, &n)| n >= min_shared_keys) {
            let their_keys = self
                .record(*id)?
                .and_then(|r| r["keys"].as_u64())
                .unwrap_or(0) as usize;
            let smaller = their_keys.min(fp.sentence_keys.len()).max(1);
            if *n as f64 >= min_share * smaller as f64 {
                out.push((ArticleId(*id), *n));
            }
        }
        // A story many indexed articles carry puts each of them in up to every band.
        banded.sort_unstable();
        banded.dedup();
        let kept: FxHashSet<u128> = out.iter().map(|(id, _)| id.0).collect();
        for id in banded.into_iter().filter(|id| !kept.contains(id)) {
            out.push((ArticleId(id), shared.get(&id).copied().unwrap_or(0)));
        }
        out.sort_by(|x, y| y.1.cmp(&x.1).then(x.0.cmp(&y.0)));
        Ok(out)
    }

    fn record(&self, id: u128) -> Result<Option<serde_json::Value>, StoreError> {
        let e = self.err();
        let tx = self.db.begin_read().map_err(|x| e(x.into()))?;
        let articles = tx.open_table(ARTICLES).map_err(|x| e(x.into()))?;
        let Some(bytes) = articles.get(id).map_err(|x| e(x.into()))? else {
            return Ok(None);
        };
        serde_json::from_slice(bytes.value())
            .map(Some)
            .map_err(|err| StoreError::Damaged {
                path: self.path.display().to_string(),
                id: ArticleId(id).to_string(),
                reason: err.to_string(),
            })
    }

    /// The stored article with this id.
    pub fn article(&self, id: ArticleId) -> Result<Option<Article>, StoreError> {
        Ok(self.record(id.0)?.map(|r| article_of(&r)))
    }

    /// Every stored article, in id order.
    pub fn items(&self) -> Result<Vec<Item>, StoreError> {
        let mut out = Vec::new();
        self.each_item(&mut |item| out.push(item))?;
        Ok(out)
    }

    /// Every stored article, in id order, handed to `visit` one at a time.
    pub fn each_item(&self, visit: &mut dyn FnMut(Item)) -> Result<(), StoreError> {
        let e = self.err();
        let tx = self.db.begin_read().map_err(|x| e(x.into()))?;
        let articles = tx.open_table(ARTICLES).map_err(|x| e(x.into()))?;
        for entry in articles.iter().map_err(|x| e(x.into()))? {
            let (id, bytes) = entry.map_err(|x| e(x.into()))?;
            let record: serde_json::Value =
                serde_json::from_slice(bytes.value()).map_err(|err| StoreError::Damaged {
                    path: self.path.display().to_string(),
                    id: ArticleId(id.value()).to_string(),
                    reason: err.to_string(),
                })?;
            visit(Item {
                id: ArticleId(id.value()),
                article: article_of(&record),
            });
        }
        Ok(())
    }

    /// Read every article back and check it against its id; returns the count.
    pub fn check(&self) -> Result<u64, StoreError> {
        let e = self.err();
        let tx = self.db.begin_read().map_err(|x| e(x.into()))?;
        let articles = tx.open_table(ARTICLES).map_err(|x| e(x.into()))?;
        let mut n = 0;
        for entry in articles.iter().map_err(|x| e(x.into()))? {
            let (id, bytes) = entry.map_err(|x| e(x.into()))?;
            let damaged = |reason: String| StoreError::Damaged {
                path: self.path.display().to_string(),
                id: ArticleId(id.value()).to_string(),
                reason,
            };
            let record: serde_json::Value =
                serde_json::from_slice(bytes.value()).map_err(|err| damaged(err.to_string()))?;
            let text = record["text"]
                .as_str()
                .ok_or_else(|| damaged("no text".to_string()))?;
            if ArticleId::of(text).0 != id.value() {
                return Err(damaged("its text does not hash to its id".to_string()));
            }
            n += 1;
        }
        Ok(n)
    }
}

/// An article from its stored record.
pub(crate) fn article_of(r: &serde_json::Value) -> Article {
    let mut a = Article::new(
        r["origin"].as_str().unwrap_or(""),
        r["text"].as_str().unwrap_or(""),
    );
    a.meta.title = r["title"].as_str().map(str::to_string);
    a.meta.url = r["url"].as_str().map(str::to_string);
    a.meta.date = r["date"].as_str().and_then(unspin_ingest::parse_date);
    a
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(text: &str) -> Item {
        let mut a = Article::new(format!("{}.txt", &text[..5]), text);
        a.meta.date = unspin_core::CivilDate::new(2024, 3, 14);
        Item {
            id: ArticleId::of(text),
            article: a,
        }
    }

    const A: &str = "Kremlin spokesman Dmitry Peskov told reporters on Friday that the reports about Lavrov were untrue. The minister, 75, has served since 2004 and remains in post.";
    const B: &str = "On Friday, Peskov, the Kremlin's spokesman, said claims about Lavrov were baseless. Aged 75, Lavrov has held the post since 2004.";
    const C: &str = "The river authority closed the Harlan Bridge on Wednesday after inspectors found cracks in two of its steel beams.";

    #[test]
    fn add_is_idempotent_and_articles_round_trip() {
        let dir = tempfile::tempdir().expect("tempdir");
        let index = Index::open(dir.path()).expect("open");
        assert_eq!(
            index.add(&[item(A), item(C)]).expect("add"),
            AddStats {
                added: 2,
                already: 0
            }
        );
        // An article twice in one batch is added once.
        assert_eq!(
            index.add(&[item(A), item(B), item(B)]).expect("add"),
            AddStats {
                added: 1,
                already: 2
            }
        );
        drop(index);
        let index = Index::open(dir.path()).expect("reopen");
        assert_eq!(index.check().expect("check"), 3);
        let back = index
            .article(ArticleId::of(A))
            .expect("read")
            .expect("present");
        assert_eq!(
            (
                back.text.as_str(),
                back.meta.date,
                back.meta.origin.as_str()
            ),
            (A, unspin_core::CivilDate::new(2024, 3, 14), "Kreml.txt")
        );
    }

    #[test]
    fn paraphrase_is_a_candidate_and_the_unrelated_is_not() {
        let dir = tempfile::tempdir().expect("tempdir");
        let index = Index::open(dir.path()).expect("open");
        index.add(&[item(A), item(C)]).expect("add");
        let query = Article::new("q", B);
        let fp = fingerprint(&Doc::new(&query));
        let found = index.candidates(&fp, 3, 0.1).expect("candidates");
        assert_eq!(
            found.iter().map(|(id, _)| *id).collect::<Vec<_>>(),
            [ArticleId::of(A)]
        );
    }

    /// The stored version-1 sample still opens, checks and answers queries.
    #[test]
    fn compat_v1() {
        let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/compat/index_v1/index.redb");
        let dir = tempfile::tempdir().expect("tempdir");
        std::fs::copy(&sample, dir.path().join(FILE))
            .expect("copy the sample, keeping it pristine");
        let index = Index::open(dir.path()).expect("open v1");
        assert_eq!(index.check().expect("check"), 2);
        let original = include_str!("../../../examples/corpus/original.md");
        let stored = index
            .article(ArticleId::of(original))
            .expect("read")
            .expect("present");
        assert!(
            stored.meta.origin.ends_with("original.md"),
            "{}",
            stored.meta.origin
        );
        let rewrite = Article::new(
            "q",
            include_str!("../../../examples/corpus/rewrite-llm.txt"),
        );
        let fp = fingerprint(&Doc::new(&rewrite));
        let found: Vec<ArticleId> = index
            .candidates(&fp, 3, 0.1)
            .expect("candidates")
            .into_iter()
            .map(|(id, _)| id)
            .collect();
        assert_eq!(found, [ArticleId::of(original)]);
    }

    #[test]
    fn another_format_version_is_refused() {
        let dir = tempfile::tempdir().expect("tempdir");
        {
            let db = Database::create(dir.path().join(FILE)).expect("create");
            let tx = db.begin_write().expect("tx");
            tx.open_table(META)
                .expect("meta")
                .insert("format_version", 99)
                .expect("insert");
            tx.commit().expect("commit");
        }
        let err = Index::open(dir.path())
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(
            err.ends_with("index.redb: index format version 99, but this unspin reads version 1"),
            "{err}"
        );
    }
}
