//! Fingerprints for candidate generation.
//!
//! Two kinds of keys, both stable across runs and versions (seeded xxh3 only):
//! - MinHash LSH bands over word 5-shingles (128 permutations, 16 bands of 8): articles
//!   whose shingle Jaccard is above ~0.7 share a band with high probability — copies.
//! - Sentence keys: every pair of salient terms (names, numbers, long words) within one
//!   sentence. A paraphrase rewords a sentence but keeps "Peskov" with "Friday", so two
//!   articles sharing several such keys are worth verifying — rewrites.
//!
//! Sentences that many articles share verbatim (bylines, "Related article", newsletter
//! footers, agency credits) are boilerplate: the caller passes their hashes to skip.

use rustc_hash::FxHashSet;
use unspin_core::doc::Doc;
use unspin_core::features::names::name_key;
use unspin_core::text::UnitKind;
use xxhash_rust::xxh3::{xxh3_64, xxh3_64_with_seed};

pub const PERMUTATIONS: usize = 128;
pub const BANDS: usize = 16;
pub const ROWS: usize = PERMUTATIONS / BANDS;
const SHINGLE: usize = 5;
const SEED: u64 = 0x756e_7370_696e; // "unspin"

/// Fingerprints of one article: with 64-bit sentence keys in the on-disk index, and
/// with [`ScanKey`]s in a corpus scan.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Fingerprint<K = u64> {
    /// One key per LSH band (empty when the article has no shingle).
    pub bands: Vec<u64>,
    /// Sorted, deduplicated sentence keys.
    pub sentence_keys: Vec<K>,
}

/// A sentence key as a scan holds it: the high half of the 64-bit key. A scan holds
/// every article's keys at once (most of its memory at its peak); the halves never leave
/// it, so they need no format version, and a rare collision only adds a pair to verify.
pub type ScanKey = u32;

/// The scan's half of a 64-bit sentence key (its high bits, so a key's slice of the key
/// space is the same in both).
pub fn scan_key(key: u64) -> ScanKey {
    (key >> 32) as ScanKey
}

/// Hash of one sentence's lowercased words, to spot passages repeated verbatim.
pub fn sentence_hash(doc: &Doc<'_>, idx: usize) -> u64 {
    let words: Vec<&str> = doc
        .sentence_tokens(idx)
        .iter()
        .map(|t| t.lower.as_str())
        .collect();
    xxh3_64(words.join(" ").as_bytes())
}

/// What an article's fingerprint is made of, sentence by sentence: enough to build its
/// fingerprint for any boilerplate set once the analysed article is gone (a scan learns
/// which sentences are boilerplate only after reading every article).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Parts {
    /// The body's lowercased words, each followed by one space.
    words: String,
    sentences: Vec<SentencePart>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
struct SentencePart {
    hash: u64,
    n_words: usize,
    keys: Vec<u64>,
    /// Hashes of the stems of the sentence's name words (32 bits: a scan keeps them for
    /// every article, and a rare collision only adds a pair to verify).
    names: Vec<u32>,
}

/// Salient terms (names, numbers, long words) a sentence's keys pair up, at most.
pub const MAX_SALIENT: usize = 8;
/// Sentence keys one sentence gives at most: every pair of its salient terms.
pub const MAX_KEYS_PER_SENTENCE: usize = MAX_SALIENT * (MAX_SALIENT - 1) / 2;

/// The fingerprint of a whole article (what the on-disk index stores).
pub fn fingerprint(doc: &Doc<'_>) -> Fingerprint {
    let parts = parts(doc);
    let mut sentence_keys: Vec<u64> = parts
        .sentences
        .iter()
        .flat_map(|s| s.keys.iter().copied())
        .collect();
    sentence_keys.sort_unstable();
    sentence_keys.dedup();
    Fingerprint {
        bands: parts.bands(),
        sentence_keys,
    }
}

pub fn parts(doc: &Doc<'_>) -> Parts {
    let mut out = Parts::default();
    let mut pair: Vec<u8> = Vec::new();
    for (i, s) in doc.sentences.iter().enumerate() {
        if s.kind() != UnitKind::Body {
            continue;
        }
        let tokens = doc.sentence_tokens(i);
        let in_name = |t: &unspin_core::text::words::Token| s.names.iter().any(|n| n.holds(t));
        for t in tokens {
            out.words.push_str(&t.lower);
            out.words.push(' ');
        }
        let names: Vec<u32> = tokens
            .iter()
            .filter(|t| !t.stop && t.cap && in_name(t))
            .map(|t| name_key(&t.stem))
            .collect();
        let mut salient: Vec<&str> = tokens
            .iter()
            .filter(|t| {
                !t.stop
                    && (t.numeric
                        || t.acronym
                        || (t.cap && in_name(t))
                        || t.lower.chars().count() >= 8)
            })
            .map(|t| t.stem.as_str())
            .collect();
        salient.sort_unstable();
        salient.dedup();
        salient.truncate(MAX_SALIENT);
        let mut keys = Vec::new();
        for (x, a) in salient.iter().enumerate() {
            for b in &salient[x + 1..] {
                // The bytes of "{a}\u{1f}{b}", built in a reused buffer.
                pair.clear();
                pair.extend_from_slice(a.as_bytes());
                pair.push(0x1f);
                pair.extend_from_slice(b.as_bytes());
                keys.push(xxh3_64_with_seed(&pair, SEED));
            }
        }
        out.sentences.push(SentencePart {
            hash: sentence_hash(doc, i),
            n_words: s.n_words,
            keys,
            names,
        });
    }
    out
}

/// What a corpus scan keeps of an article until it knows the corpus's boilerplate: the
/// LSH bands over the whole body, and the sentence keys grouped by sentence so that
/// boilerplate sentences can be left out later. A fraction of [`Parts`], which hold
/// every word: a scan holds one per article.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Sketch {
    pub bands: Vec<u64>,
    /// Hashes of the name words' stems, by sentence (see [`Sketch::names`]).
    names: Vec<u32>,
    /// Per body sentence: its hash if it is short (0 if not: only short sentences can be
    /// boilerplate), the end of its keys in `keys` and of its names in `names`.
    sentences: Vec<(u64, u32, u32)>,
    /// Per body sentence: its words (at most 255).
    words: Vec<u8>,
    keys: Vec<ScanKey>,
}

impl Parts {
    /// The LSH band keys over the body's words (the index's and the scan's alike).
    fn bands(&self) -> Vec<u64> {
        let words: Vec<&str> = self.words.split_terminator(' ').collect();
        bands(&words)
    }

    /// This article's [`Sketch`], remembering which sentences have at most
    /// `max_short_words` words.
    pub fn sketch(&self, max_short_words: usize) -> Sketch {
        // Exact capacities: a scan holds one sketch per article.
        let mut keys = Vec::with_capacity(self.sentences.iter().map(|s| s.keys.len()).sum());
        let mut names = Vec::with_capacity(self.sentences.iter().map(|s| s.names.len()).sum());
        let sentences = self
            .sentences
            .iter()
            .map(|s| {
                keys.extend(s.keys.iter().map(|&k| scan_key(k)));
                names.extend_from_slice(&s.names);
                (
                    if s.n_words <= max_short_words {
                        s.hash.max(1)
                    } else {
                        0
                    },
                    u32::try_from(keys.len()).unwrap_or(u32::MAX),
                    u32::try_from(names.len()).unwrap_or(u32::MAX),
                )
            })
            .collect();
        let mut bands = self.bands();
        bands.shrink_to_fit();
        Sketch {
            bands,
            names,
            sentences,
            words: self
                .sentences
                .iter()
                .map(|s| u8::try_from(s.n_words).unwrap_or(u8::MAX))
                .collect(),
            keys,
        }
    }
}

impl Sketch {
    /// The name words (hashed stems, sorted, distinct) of the sentences not in `skip`:
    /// articles naming the same rare people and places are on one story even when they
    /// share no sentence.
    pub fn names(&self, skip: &FxHashSet<u64>) -> Vec<u32> {
        let ends = self.sentences.iter().map(|&(h, _, end)| (h, end as usize));
        kept(ends, &self.names, skip)
    }

    /// How many of the article's sentences have at least `min_words` words, and how
    /// many of those have their hash in `lines`.
    pub fn sentences_in(&self, lines: &FxHashSet<u64>, min_words: u8) -> (usize, usize) {
        let (mut all, mut in_lines) = (0, 0);
        for (&(hash, _, _), &n) in self.sentences.iter().zip(&self.words) {
            if n >= min_words {
                all += 1;
                in_lines += usize::from(lines.contains(&hash));
            }
        }
        (all, in_lines)
    }

    /// Hashes of the short body sentences (see [`Parts::sketch`]).
    pub fn short_sentences(&self) -> impl Iterator<Item = u64> + '_ {
        self.sentences.iter().map(|s| s.0).filter(|&h| h != 0)
    }

    /// The fingerprint: the bands, and the keys of the sentences not in `skip`, sorted
    /// and deduplicated in the sketch's own buffer (a scan converts every sketch; new
    /// buffers would fragment the heap by as much again).
    pub fn into_fingerprint(self, skip: &FxHashSet<u64>) -> Fingerprint<ScanKey> {
        let Sketch {
            bands,
            sentences,
            mut keys,
            ..
        } = self;
        let (mut write, mut start) = (0, 0);
        for (hash, end, _) in sentences {
            let end = (end as usize).min(keys.len());
            if !skip.contains(&hash) {
                keys.copy_within(start..end, write);
                write += end - start.min(end);
            }
            start = end;
        }
        keys.truncate(write);
        keys.sort_unstable();
        keys.dedup();
        keys.shrink_to_fit();
        Fingerprint {
            bands,
            sentence_keys: keys,
        }
    }

    /// The sorted, deduplicated keys of the sentences not in `skip`.
    pub fn sentence_keys(&self, skip: &FxHashSet<u64>) -> Vec<ScanKey> {
        let ends = self.sentences.iter().map(|&(h, end, _)| (h, end as usize));
        kept(ends, &self.keys, skip)
    }
}

/// The sorted, distinct `values` of the sentences whose hash is not in `skip`; sentence
/// by sentence, `ends` gives (hash, end of its values).
fn kept<T: Copy + Ord>(
    ends: impl Iterator<Item = (u64, usize)>,
    values: &[T],
    skip: &FxHashSet<u64>,
) -> Vec<T> {
    let mut out = Vec::new();
    let mut start = 0;
    for (hash, end) in ends {
        if !skip.contains(&hash) {
            out.extend_from_slice(values.get(start..end).unwrap_or(&[]));
        }
        start = end;
    }
    out.sort_unstable();
    out.dedup();
    out.shrink_to_fit();
    out
}

/// MinHash signature over word 5-shingles, folded into band keys.
fn bands(words: &[&str]) -> Vec<u64> {
    if words.len() < SHINGLE {
        return Vec::new();
    }
    let mut sig = [u64::MAX; PERMUTATIONS];
    // The permutations' coefficients, derived once.
    static MULTS: std::sync::OnceLock<Vec<(u64, u64)>> = std::sync::OnceLock::new();
    let mults = MULTS.get_or_init(|| {
        (0..PERMUTATIONS as u64)
            .map(|i| {
                (
                    xxh3_64_with_seed(b"a", SEED + i) | 1,
                    xxh3_64_with_seed(b"b", SEED + i),
                )
            })
            .collect()
    });
    let mut shingle = String::new();
    for w in words.windows(SHINGLE) {
        // The words joined by spaces, in one reused buffer.
        shingle.clear();
        for (k, word) in w.iter().enumerate() {
            if k > 0 {
                shingle.push(' ');
            }
            shingle.push_str(word);
        }
        let h = xxh3_64_with_seed(shingle.as_bytes(), SEED);
        for (slot, &(a, b)) in sig.iter_mut().zip(mults) {
            let v = a.wrapping_mul(h).wrapping_add(b);
            if v < *slot {
                *slot = v;
            }
        }
    }
    sig.chunks(ROWS)
        .enumerate()
        .map(|(band, rows)| {
            let mut bytes = Vec::with_capacity(8 * (ROWS + 1));
            bytes.extend((band as u64).to_le_bytes());
            for r in rows {
                bytes.extend(r.to_le_bytes());
            }
            xxh3_64_with_seed(&bytes, SEED)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use unspin_core::Article;

    fn fp(text: &str) -> Fingerprint {
        let a = Article::new("t", text);
        fingerprint(&Doc::new(&a))
    }

    #[test]
    fn copies_share_bands_and_paraphrases_share_sentence_keys() {
        let original = fp(
            "Kremlin spokesman Dmitry Peskov told reporters on Friday that the reports about Lavrov were untrue. The minister, 75, has served since 2004 and remains in post.",
        );
        let copy = fp(
            "Kremlin spokesman Dmitry Peskov told reporters on Friday that the reports about Lavrov were untrue. The minister, 75, has served since 2004 and remains in post today.",
        );
        let paraphrase = fp(
            "On Friday, Peskov, the Kremlin's spokesman, said claims about Lavrov were baseless. Aged 75, Lavrov has held the post since 2004.",
        );
        let other = fp(
            "The river authority closed the Harlan Bridge on Wednesday after inspectors found cracks in two beams.",
        );
        let shared_bands = |x: &Fingerprint, y: &Fingerprint| {
            x.bands.iter().zip(&y.bands).filter(|(a, b)| a == b).count()
        };
        let shared_keys = |x: &Fingerprint, y: &Fingerprint| {
            x.sentence_keys
                .iter()
                .filter(|k| y.sentence_keys.binary_search(k).is_ok())
                .count()
        };
        assert_eq!(original.bands.len(), BANDS);
        assert!(
            shared_bands(&original, &copy) >= 4,
            "{}",
            shared_bands(&original, &copy)
        );
        assert_eq!(shared_bands(&original, &paraphrase), 0);
        assert!(
            shared_keys(&original, &paraphrase) >= 3,
            "{}",
            shared_keys(&original, &paraphrase)
        );
        assert_eq!(shared_keys(&original, &other), 0);
        assert_eq!(shared_bands(&original, &other), 0);
    }

    #[test]
    fn sketch_gives_the_fingerprint_without_boilerplate_keys() {
        let a = Article::new(
            "t",
            "Peskov said on Friday that Lavrov, 75, remains foreign minister since 2004.\n\n\
             Sign up for our Newsletter with Breaking Headlines Daily.\n\n\
             The Kremlin dismissed the Financial Times report about Lavrov and Rubio.",
        );
        let doc = Doc::new(&a);
        let p = parts(&doc);
        let footer = doc
            .sentences
            .iter()
            .position(|s| doc.ntext(s.sentence.range.clone()).starts_with("Sign up"))
            .expect("the footer sentence");
        let skip: FxHashSet<u64> = [sentence_hash(&doc, footer)].into_iter().collect();
        let sketch = p.sketch(20);
        let whole = fingerprint(&doc);
        assert_eq!(sketch.bands, whole.bands);
        let mut halves: Vec<ScanKey> = whole.sentence_keys.iter().map(|&k| scan_key(k)).collect();
        halves.dedup();
        assert_eq!(sketch.sentence_keys(&FxHashSet::default()), halves);
        let with = sketch.sentence_keys(&FxHashSet::default());
        let without = sketch.sentence_keys(&skip);
        assert!(
            without.len() < with.len(),
            "{} vs {}",
            without.len(),
            with.len()
        );
        let names = sketch.names(&FxHashSet::default());
        assert!(
            names.len() >= 5,
            "Peskov, Lavrov, Kremlin, Financial Times, Rubio: {names:?}"
        );
        assert!(sketch.names(&skip).len() < names.len());
        let print = sketch.into_fingerprint(&skip);
        assert_eq!(print.sentence_keys, without);
    }

    #[test]
    fn sentence_depth_gives_the_same_parts() {
        let a = Article::new(
            "t",
            "Peskov said: \"The reports are untrue.\" He added that Lavrov, 75, \"remains in post\" since 2004.\n\nThe ministry declined to comment on Friday.",
        );
        assert_eq!(
            parts(&Doc::with_depth(&a, unspin_core::doc::Depth::Sentences)),
            parts(&Doc::new(&a))
        );
    }

    #[test]
    fn fingerprints_are_stable() {
        // Golden values: a change here changes every stored index, so the index format
        // version must be bumped with it.
        let f = fp(
            "Kremlin spokesman Dmitry Peskov told reporters on Friday that the reports were untrue.",
        );
        let got = format!(
            "{:016x} {:016x} {}",
            f.bands[0],
            f.sentence_keys[0],
            f.sentence_keys.len()
        );
        assert_eq!(got, "11166ccc15876d2a 29e2e865761fed9a 6");
    }
}
