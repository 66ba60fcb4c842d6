//! `scan`: every copy family in a set of articles.
//!
//! 1. Sentences that recur verbatim across articles and are short (bylines, "Related
//!    article" teasers, newsletter footers, agency credits) are boilerplate: removed
//!    before fingerprinting and verification, so they never glue articles together.
//! 2. Candidates: articles sharing an LSH band (copies) or at least `min_shared_keys`
//!    sentence keys (rewrites). A band or key held by more than `max_posting` articles
//!    would make too many pairs: a band that many hold is a story they all carry, and
//!    each holder is paired with its first few holders instead; a key that many hold
//!    is a story many rewrote (or words a whole field uses), and each holder is paired
//!    with the first holders it shares the most such keys with.
//! 3. Every candidate pair is verified by the full comparison.
//! 4. Derived pairs form families; each family's original is the article the others
//!    derive from (by direction evidence, then date); every member gets its most likely
//!    source. Same-story pairs are kept as links, never as copies.

use rustc_hash::{FxHashMap, FxHashSet};
use unspin_core::doc::{Depth, Doc};
use unspin_core::verdict::{Relation, Side};
use unspin_core::{Assessment, ChangesFor, Config, assess};

use unspin_core::{Article, CivilDate};

use crate::articles::{Articles, Indexed, Spill, SpillWriter};
use crate::corpus::{self, Item, Skipped};
use crate::fingerprint::{self, Fingerprint, Sketch, sentence_hash};

#[derive(Clone, Debug, PartialEq)]
pub struct ScanConfig {
    /// A sentence in at least this many articles, of at most `boilerplate_words` words,
    /// is boilerplate.
    pub boilerplate_min_articles: usize,
    pub boilerplate_words: usize,
    /// Bands and sentence keys held by more articles than this pair their holders
    /// through their first holders (hubs), not with each other.
    pub max_posting: usize,
    /// Sentence keys two articles must share to be verified…
    pub min_shared_keys: usize,
    /// …and at least this share of the smaller article's keys.
    pub min_shared_key_share: f64,
    /// Distinct rare name words two articles must share to be verified as possibly on
    /// the same story…
    pub min_shared_names: usize,
    /// …and at least this share of the smaller article's name words.
    pub min_shared_name_share: f64,
    /// Threads verifying candidates (output does not depend on it).
    pub threads: usize,
}

impl Default for ScanConfig {
    fn default() -> ScanConfig {
        ScanConfig {
            boilerplate_min_articles: 3,
            boilerplate_words: 20,
            max_posting: 200,
            min_shared_keys: 3,
            min_shared_key_share: 0.1,
            min_shared_names: 4,
            min_shared_name_share: 0.3,
            threads: 1,
        }
    }
}

/// A verified pair (indices into the scanned items).
#[derive(Clone, Debug, PartialEq)]
pub struct Pair {
    pub a: usize,
    pub b: usize,
    pub relation: Relation,
    pub source: Option<Side>,
    pub confidence: f64,
    pub coverage_a: f64,
    pub coverage_b: f64,
    /// The most important changes, as (kind, detail).
    pub top_changes: Vec<(&'static str, String)>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Member {
    pub item: usize,
    /// The member it most likely copies (null for the original).
    pub source: Option<usize>,
    pub relation: Option<Relation>,
    pub confidence: f64,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Family {
    pub original: usize,
    /// The original first, then by item index.
    pub members: Vec<Member>,
    /// Articles on the same story, written independently, linked to a member.
    pub same_story: Vec<usize>,
    /// Articles that reuse part of a member (or of which a member reuses part), as
    /// (article, member): linked to the family without merging families.
    pub partial_reuse: Vec<(usize, usize)>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct ScanStats {
    pub articles: usize,
    pub boilerplate_sentences: usize,
    /// LSH bands held by more than `max_posting` articles, whose articles were paired
    /// with the band's first [`HUBS`] articles instead of with each other.
    pub hub_bands: usize,
    /// Sentence keys held by more than `max_posting` articles, whose articles were
    /// paired with those of the key's first [`HUBS`] holders they share enough such
    /// keys with (see [`through_hubs`]).
    pub hub_keys: usize,
    /// Pairs verified: copy candidates and the same-story candidates touching them.
    pub candidates: usize,
    pub verified_related: usize,
}

pub struct ScanResult {
    pub pairs: Vec<Pair>,
    pub families: Vec<Family>,
    pub stats: ScanStats,
}

/// What a scan is doing, for progress displays.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stage {
    /// Analysing articles: (analysed so far, total if known).
    Analysing(usize, Option<usize>),
    /// Verifying candidate pairs: (verified so far, total).
    Verifying(usize, usize),
}

pub fn scan(items: &[Item], cfg: &Config, scan_cfg: &ScanConfig) -> ScanResult {
    scan_with_progress(items, cfg, scan_cfg, &|_| {})
}

/// [`scan`], reporting progress to `progress` (called from worker threads).
pub fn scan_with_progress(
    items: &[Item],
    cfg: &Config,
    scan_cfg: &ScanConfig,
    progress: &(dyn Fn(Stage) + Sync),
) -> ScanResult {
    let mut first = FirstPass::default();
    first.add(items, scan_cfg, progress);
    match first.finish(items, cfg, scan_cfg, progress) {
        Ok(result) => result,
        Err(never) => match never {},
    }
}

/// Every article under `paths`, scanned as it streams in: each is sketched and written
/// to a temporary file, so memory holds sketches, not texts; pairs are verified from
/// the file. Returns the result, the articles (for output) and what was skipped.
pub fn scan_paths(
    paths: &[std::path::PathBuf],
    opts: &unspin_ingest::ReadOptions,
    cfg: &Config,
    scan_cfg: &ScanConfig,
    progress: &(dyn Fn(Stage) + Sync),
) -> std::io::Result<(ScanResult, Spill, Vec<Skipped>)> {
    let mut first = FirstPass::default();
    let mut spill = SpillWriter::new()?;
    let mut skipped = Vec::new();
    let mut failed: Option<std::io::Error> = None;
    first.add_stream(
        scan_cfg,
        progress,
        |sink| {
            corpus::read(paths, opts, &mut |r| match r {
                Ok(item) => sink(item),
                Err(s) => skipped.push(s),
            })
        },
        &mut |batch| {
            for item in batch {
                if failed.is_none()
                    && let Err(e) = spill.push(item)
                {
                    failed = Some(e);
                }
            }
        },
    );
    if let Some(e) = failed {
        return Err(e);
    }
    let spill = spill.finish()?;
    let result = first
        .finish(&spill, cfg, scan_cfg, progress)
        .map_err(std::io::Error::other)?;
    Ok((result, spill, skipped))
}

/// Every article of an on-disk index, scanned as it is read from the index: memory holds
/// sketches, and pairs are verified from the index. Returns the result and the articles
/// (for output).
pub fn scan_index<'i>(
    index: &'i crate::store::Index,
    cfg: &Config,
    scan_cfg: &ScanConfig,
    progress: &(dyn Fn(Stage) + Sync),
) -> Result<(ScanResult, Indexed<'i>), crate::store::StoreError> {
    let mut first = FirstPass::default();
    let mut ids = Vec::new();
    first.add_stream(
        scan_cfg,
        progress,
        |sink| index.each_item(sink),
        &mut |batch| ids.extend(batch.iter().map(|i| i.id)),
    )?;
    let articles = Indexed::new(index, ids);
    let result = first.finish(&articles, cfg, scan_cfg, progress)?;
    Ok((result, articles))
}

/// Articles read before their sketches are computed together (in parallel).
const READ_BATCH: usize = 1024;

/// What a scan keeps of each article it has read: sketch and date.
#[derive(Default)]
pub struct FirstPass {
    sketches: Vec<Sketch>,
    dates: Vec<Option<CivilDate>>,
}

impl FirstPass {
    /// Sketch every item `read` hands to its sink, `READ_BATCH` at a time (each batch in
    /// parallel); `sketched` sees each batch once it is sketched. `read` runs on a
    /// thread of its own, a batch ahead: reading, parsing and hashing articles would
    /// otherwise leave the sketching threads idle. Returns what `read` returns.
    pub fn add_stream<R: Send>(
        &mut self,
        scan_cfg: &ScanConfig,
        progress: &(dyn Fn(Stage) + Sync),
        read: impl FnOnce(&mut dyn FnMut(Item)) -> R + Send,
        sketched: &mut dyn FnMut(&[Item]),
    ) -> R {
        let (batches, received) = std::sync::mpsc::sync_channel::<Vec<Item>>(1);
        std::thread::scope(|scope| {
            let reader = scope.spawn(move || {
                let mut batch: Vec<Item> = Vec::with_capacity(READ_BATCH);
                let out = read(&mut |item| {
                    batch.push(item);
                    if batch.len() == READ_BATCH {
                        let full = std::mem::replace(&mut batch, Vec::with_capacity(READ_BATCH));
                        // Sending fails only if the receiving side panicked, which the
                        // scope then reports.
                        let _ = batches.send(full);
                    }
                });
                let _ = batches.send(batch);
                out
            });
            for batch in received {
                self.add(&batch, scan_cfg, progress);
                sketched(&batch);
            }
            reader
                .join()
                .unwrap_or_else(|e| std::panic::resume_unwind(e))
        })
    }

    /// Sketch the next `items` (numbered after those added before).
    pub fn add(
        &mut self,
        items: &[Item],
        scan_cfg: &ScanConfig,
        progress: &(dyn Fn(Stage) + Sync),
    ) {
        // Articles are analysed twice: here for their sketches (the analyses are
        // dropped, so memory holds no more than bands and sentence keys), and again,
        // component by component, for the pairs to verify.
        let before = self.sketches.len();
        let analysed = std::sync::atomic::AtomicUsize::new(before);
        self.sketches
            .extend(parallel_map(items, scan_cfg.threads.max(1), |i| {
                let n = analysed.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1;
                if n.is_multiple_of(64) {
                    progress(Stage::Analysing(n, None));
                }
                fingerprint::parts(&Doc::with_depth(&i.article, Depth::Sentences))
                    .sketch(scan_cfg.boilerplate_words)
            }));
        self.dates.extend(items.iter().map(|i| i.article.meta.date));
    }

    /// Boilerplate, candidates, verification (articles read back from `articles`, in
    /// the order they were added) and families.
    pub fn finish<A: Articles + ?Sized>(
        self,
        articles: &A,
        cfg: &Config,
        scan_cfg: &ScanConfig,
        progress: &(dyn Fn(Stage) + Sync),
    ) -> Result<ScanResult, A::Error> {
        let FirstPass { sketches, dates } = self;
        scan_sketches(sketches, &dates, articles, cfg, scan_cfg, progress)
    }
}

fn scan_sketches<A: Articles + ?Sized>(
    sketches: Vec<Sketch>,
    dates: &[Option<CivilDate>],
    articles: &A,
    cfg: &Config,
    scan_cfg: &ScanConfig,
    progress: &(dyn Fn(Stage) + Sync),
) -> Result<ScanResult, A::Error> {
    let threads = scan_cfg.threads.max(1);
    let n_articles = sketches.len();
    progress(Stage::Analysing(n_articles, Some(n_articles)));
    let mut stats = ScanStats {
        articles: n_articles,
        ..ScanStats::default()
    };

    // 1. Boilerplate: short sentences repeated verbatim across articles that otherwise
    // share nothing. A sentence repeated within a copy family (a syndicated story's
    // short lines) is not boilerplate: removing it would hide the copying.
    // Counted first, sampled second: most short sentences occur once, and a sample
    // list for each would be most of the memory here.
    let own_short = |p: &Sketch| {
        let mut own: Vec<u64> = p.short_sentences().collect();
        own.sort_unstable();
        own.dedup();
        own
    };
    let mut counts: FxHashMap<u64, u32> = FxHashMap::default();
    for p in &sketches {
        for h in own_short(p) {
            *counts.entry(h).or_default() += 1;
        }
    }
    let repeated: FxHashSet<u64> = counts
        .iter()
        .filter(|&(_, &n)| n as usize >= scan_cfg.boilerplate_min_articles)
        .map(|(&h, _)| h)
        .collect();
    drop(counts);
    let mut seen_in: FxHashMap<u64, (usize, Vec<u32>)> = FxHashMap::default();
    for (k, p) in sketches.iter().enumerate() {
        for h in own_short(p).into_iter().filter(|h| repeated.contains(h)) {
            let (n, sample) = seen_in.entry(h).or_default();
            *n += 1;
            if sample.len() < BOILERPLATE_SAMPLE {
                sample.push(k as u32);
            }
        }
    }
    // Sentence keys with every repeated sentence left out say whether the articles
    // sharing one are related otherwise (computed for each sample as it is judged: kept
    // for all sampled articles, they would outweigh the sketches). The lines of one copy
    // family mostly have the same sample: each distinct sample is judged once, on all
    // threads.
    let keys = |k: u32| sketches[k as usize].sentence_keys(&repeated);
    let mut samples: Vec<&[u32]> = seen_in.values().map(|(_, s)| s.as_slice()).collect();
    samples.sort_unstable();
    samples.dedup();
    let family_lines = parallel_map(&samples, threads, |s| within_family(s, &keys));
    let boilerplate: FxHashSet<u64> = seen_in
        .iter()
        .filter(|(_, (_, s))| {
            samples
                .binary_search(&s.as_slice())
                .is_ok_and(|k| !family_lines[k])
        })
        .map(|(&h, _)| h)
        .collect();
    stats.boilerplate_sentences = boilerplate.len();
    drop((seen_in, repeated));
    // Bands stay as sketched (boilerplate included: a band needs most of two articles'
    // shingles to agree, which a shared footer alone does not give, and verification
    // leaves boilerplate out); sentence keys lose the boilerplate sentences' keys.
    let mut name_entries: Vec<(u32, u32)> = Vec::new();
    let mut name_counts: Vec<usize> = Vec::with_capacity(n_articles);
    let prints: Vec<Fingerprint> = sketches
        .into_iter()
        .enumerate()
        .map(|(k, s)| {
            let names = s.names(&boilerplate);
            name_counts.push(names.len());
            name_entries.extend(names.into_iter().map(|h| (h, k as u32)));
            s.into_fingerprint(&boilerplate)
        })
        .collect();
    name_entries.sort_unstable();
    let mut name_runs = Runs::default();
    name_runs.extend_sorted(&name_entries, scan_cfg.max_posting);
    name_runs.close();
    drop(name_entries);

    // 2. Candidates.
    // Postings as sorted (key, article) runs: flat vectors take a fraction of the
    // memory of a map of lists. Band keys are namespaced by band.
    let mut band_entries: Vec<(u64, u32)> = Vec::new();
    for (k, p) in prints.iter().enumerate() {
        for (band, &key) in p.bands.iter().enumerate() {
            let namespaced = xxhash_rust::xxh3::xxh3_64_with_seed(&key.to_le_bytes(), band as u64);
            band_entries.push((namespaced, k as u32));
        }
    }
    band_entries.sort_unstable();
    let mut band_pairs: FxHashSet<(u32, u32)> = FxHashSet::default();
    for run in band_entries.chunk_by(|x, y| x.0 == y.0) {
        if run.len() > scan_cfg.max_posting {
            // A band hundreds of articles share is one story carried near-verbatim
            // by all of them (a wire story): every pair would be n², so each is paired
            // with the run's first few articles only, through which the family forms.
            stats.hub_bands += 1;
            for &(_, hub) in &run[..HUBS.min(run.len())] {
                for &(_, j) in run.iter().filter(|&&(_, j)| j != hub) {
                    band_pairs.insert((hub.min(j), hub.max(j)));
                }
            }
        } else {
            for (x, &(_, i)) in run.iter().enumerate() {
                for &(_, j) in &run[x + 1..] {
                    band_pairs.insert((i.min(j), i.max(j)));
                }
            }
        }
    }
    drop(band_entries);
    // Only keys that two to `max_posting` articles hold can make a pair: the rest (most
    // of them) go, which makes the lookups below short. The postings are built a slice
    // of the key space at a time, so that all of them are never in memory at once:
    // `threads` slices at a time, each on its own thread, their runs appended in the
    // keys' order (so the result is sorted).
    let mut key_runs = Runs::default();
    // Keys held by more than `max_posting` articles, sorted, with their first holders.
    let mut hub_keys: Vec<(u64, Hubs)> = Vec::new();
    let parts: Vec<u64> = (0..KEY_SLICES).collect();
    for group in parts.chunks(threads) {
        let built = parallel_map(group, threads, |&part| {
            let mut slice: Vec<(u64, u32)> = Vec::new();
            for (k, p) in prints.iter().enumerate() {
                // Each article's keys are sorted: its keys in this slice are one range.
                let keys = &p.sentence_keys;
                let from = keys.partition_point(|&key| key >> (64 - KEY_SLICE_BITS) < part);
                let to = keys.partition_point(|&key| key >> (64 - KEY_SLICE_BITS) <= part);
                slice.extend(keys[from..to].iter().map(|&key| (key, k as u32)));
            }
            slice.sort_unstable();
            let mut runs = Runs::default();
            let over_full = runs.extend_sorted(&slice, scan_cfg.max_posting);
            (runs, over_full)
        });
        for (runs, over_full) in built {
            stats.hub_keys += over_full.len();
            hub_keys.extend(over_full);
            key_runs.append(&runs);
        }
    }
    key_runs.close();
    let key_counts: Vec<usize> = prints.iter().map(|p| p.sentence_keys.len()).collect();
    let hub_key_pairs = through_hubs(&prints, &hub_keys, &key_counts, scan_cfg, threads);
    drop((prints, hub_keys));
    // Exact duplicates share an id whatever their fingerprints.
    let mut by_id: FxHashMap<u128, Vec<u32>> = FxHashMap::default();
    for k in 0..n_articles {
        by_id.entry(articles.id(k).0).or_default().push(k as u32);
    }
    for list in by_id.values() {
        for (x, &i) in list.iter().enumerate() {
            for &j in &list[x + 1..] {
                band_pairs.insert((i, j));
            }
        }
    }
    // Enough shared sentence keys, absolutely and relative to the smaller article.
    let key_pairs = key_runs.pairs(
        &key_counts,
        scan_cfg.min_shared_keys,
        scan_cfg.min_shared_key_share,
        threads,
    );
    drop(key_runs);
    // Articles naming enough of the same rare people and places: verified too, so that
    // independent reports of one story are linked as same story.
    let story_pairs = name_runs.pairs(
        &name_counts,
        scan_cfg.min_shared_names,
        scan_cfg.min_shared_name_share,
        threads,
    );
    drop((name_runs, name_counts));
    let mut candidates: Vec<(u32, u32)> = band_pairs
        .into_iter()
        .chain(key_pairs)
        .chain(hub_key_pairs)
        .collect();
    candidates.sort_unstable();
    candidates.dedup();

    // 3. Verification, in one run so that each article is analysed about once: the copy
    // candidates, and the same-story candidates that touch one of their articles. A
    // same-story candidate's link is kept only if it touches an article found in a copy
    // pair (same-story links are reported for families, and most articles are in none).
    let mut in_candidates = vec![false; n_articles];
    for &(i, j) in &candidates {
        in_candidates[i as usize] = true;
        in_candidates[j as usize] = true;
    }
    let mut story: Vec<(u32, u32)> = story_pairs
        .into_iter()
        .filter(|&(i, j)| in_candidates[i as usize] || in_candidates[j as usize])
        .filter(|p| candidates.binary_search(p).is_err())
        .collect();
    story.sort_unstable();
    drop(in_candidates);
    candidates.extend_from_slice(&story);
    candidates.sort_unstable();
    stats.candidates = candidates.len();
    let ctx = Verify {
        articles,
        boilerplate: &boilerplate,
        cfg,
        threads,
        progress,
    };
    let verified = ctx.run(&candidates)?;
    drop(candidates);
    let is_story = |p: &Pair| story.binary_search(&(p.a as u32, p.b as u32)).is_ok();
    let mut in_copy = vec![false; n_articles];
    for p in verified
        .iter()
        .filter(|p| p.relation.is_copy() && !is_story(p))
    {
        in_copy[p.a] = true;
        in_copy[p.b] = true;
    }
    // In pair order: the candidates were sorted.
    let pairs: Vec<Pair> = verified
        .into_iter()
        .filter(|p| !is_story(p) || in_copy[p.a] || in_copy[p.b])
        .collect();
    stats.verified_related = pairs.len();

    // 4. Families.
    let families = families(dates, &pairs);
    Ok(ScanResult {
        pairs,
        families,
        stats,
    })
}

/// Postings kept as article runs: the articles holding one key, key after key (the keys
/// themselves are not needed once runs are formed).
#[derive(Default)]
struct Runs {
    members: Vec<u32>,
    /// Where each run starts in `members`; closed by `members.len()` (see [`Runs::close`]).
    bounds: Vec<u32>,
}

impl Runs {
    /// Add the runs of `entries` (sorted by key) held by 2 to `max_posting` articles;
    /// returns the keys more articles hold, in order, with their first [`HUBS`] holders.
    fn extend_sorted<K: PartialEq + Copy>(
        &mut self,
        entries: &[(K, u32)],
        max_posting: usize,
    ) -> Vec<(K, Hubs)> {
        let mut over_full = Vec::new();
        for run in entries.chunk_by(|x, y| x.0 == y.0) {
            if run.len() > max_posting {
                let mut hubs = [NO_HUB; HUBS];
                for (hub, &(_, a)) in hubs.iter_mut().zip(run) {
                    *hub = a;
                }
                over_full.push((run[0].0, hubs));
            } else if run.len() >= 2 {
                self.bounds.push(self.members.len() as u32);
                self.members.extend(run.iter().map(|&(_, a)| a));
            }
        }
        over_full
    }

    /// Add `other`'s runs (not closed) after these.
    fn append(&mut self, other: &Runs) {
        let offset = self.members.len() as u32;
        self.bounds.extend(other.bounds.iter().map(|&b| b + offset));
        self.members.extend_from_slice(&other.members);
    }

    fn close(&mut self) {
        self.bounds.push(self.members.len() as u32);
        self.members.shrink_to_fit();
        self.bounds.shrink_to_fit();
    }

    fn run(&self, r: usize) -> &[u32] {
        &self.members[self.bounds[r] as usize..self.bounds[r + 1] as usize]
    }

    /// Pairs `(i, j)`, `i < j`, holding at least `min` of the same keys and at least
    /// `share` of the smaller holder's `counts`. Counted article by article through each
    /// article's runs (never a map of every pair sharing one key, which would outgrow
    /// everything else).
    fn pairs(&self, counts: &[usize], min: usize, share: f64, threads: usize) -> Vec<(u32, u32)> {
        let n_runs = self.bounds.len().saturating_sub(1);
        let n = counts.len();
        let threads = threads.max(1);
        // Where each article's runs start in a CSR layout of all members.
        let mut run_start = vec![0usize; n + 1];
        for &a in &self.members {
            run_start[a as usize + 1] += 1;
        }
        for k in 1..run_start.len() {
            run_start[k] += run_start[k - 1];
        }
        // Threads take blocks of `PAIR_BLOCK` articles in turn (early articles have more
        // pairs, j > i), lay out the runs of their own blocks' articles, one vector per
        // block, and count each article's shared keys into a dense array over all
        // articles (a hash map per article was most of the time), clearing only what
        // they touched. The layout is built on the counting threads, block by block:
        // there it reuses the memory the fingerprints (sketched on such threads) have
        // just freed, where one vector for all built here would be fresh pages on top
        // of it, at the scan's peak.
        let n_blocks = n.div_ceil(PAIR_BLOCK);
        let block = |b: usize| b * PAIR_BLOCK..((b + 1) * PAIR_BLOCK).min(n);
        let parts: Vec<usize> = (0..threads).collect();
        parallel_map(&parts, threads, |&t| {
            let mine = |b: usize| b % threads == t;
            let mut member_runs: Vec<Vec<u32>> = (0..n_blocks)
                .map(|b| {
                    let len = if mine(b) {
                        run_start[block(b).end] - run_start[block(b).start]
                    } else {
                        0
                    };
                    vec![0u32; len]
                })
                .collect();
            let mut fill = run_start.clone();
            for r in 0..n_runs {
                for &a in self.run(r) {
                    let (a, b) = (a as usize, a as usize / PAIR_BLOCK);
                    if mine(b) {
                        member_runs[b][fill[a] - run_start[block(b).start]] = r as u32;
                        fill[a] += 1;
                    }
                }
            }
            drop(fill);
            let mut shared = vec![0u32; n];
            let mut touched: Vec<u32> = Vec::new();
            let mut out = Vec::new();
            for b in (t..n_blocks).step_by(threads) {
                let base = run_start[block(b).start];
                for i in block(b) {
                    let runs = &member_runs[b][run_start[i] - base..run_start[i + 1] - base];
                    for &r in runs {
                        for &j in self.run(r as usize) {
                            if j as usize > i {
                                if shared[j as usize] == 0 {
                                    touched.push(j);
                                }
                                shared[j as usize] += 1;
                            }
                        }
                    }
                    touched.sort_unstable();
                    for &j in &touched {
                        let n = std::mem::take(&mut shared[j as usize]);
                        let smaller = counts[i].min(counts[j as usize]).max(1);
                        if n as usize >= min && f64::from(n) >= share * smaller as f64 {
                            out.push((i as u32, j));
                        }
                    }
                    touched.clear();
                }
                // This block is counted: its layout goes.
                member_runs[b] = Vec::new();
            }
            out
        })
        .into_iter()
        .flatten()
        .collect()
    }
}

/// Pairs made through over-full sentence keys (`hub_keys`, sorted, each with its first
/// holders). Hundreds of rewrites of one story hold the same names-and-numbers keys, each
/// too many to pair all holders; so each article counts, per hub, the over-full keys it
/// shares with that hub, and is paired with the (at most [`HUBS`]) hubs sharing the most,
/// by the thresholds of ordinary keys. Keys a whole field shares ("minister" with
/// "government") link an article to a hub that holds them as well, but the cap on hubs
/// per article keeps these to a few candidates each, which verification turns down.
fn through_hubs(
    prints: &[Fingerprint],
    hub_keys: &[(u64, Hubs)],
    counts: &[usize],
    scan_cfg: &ScanConfig,
    threads: usize,
) -> Vec<(u32, u32)> {
    if hub_keys.is_empty() {
        return Vec::new();
    }
    let blocks: Vec<usize> = (0..prints.len().div_ceil(PAIR_BLOCK)).collect();
    let per_block = parallel_map(&blocks, threads, |&b| {
        let mut out = Vec::new();
        let mut hubs: Vec<u32> = Vec::new();
        for i in b * PAIR_BLOCK..((b + 1) * PAIR_BLOCK).min(prints.len()) {
            hubs.clear();
            for key in &prints[i].sentence_keys {
                if let Ok(x) = hub_keys.binary_search_by_key(key, |&(k, _)| k) {
                    let own = |&&h: &&u32| h != NO_HUB && h as usize != i;
                    hubs.extend(hub_keys[x].1.iter().filter(own));
                }
            }
            hubs.sort_unstable();
            // (shared keys, hub), most shared first, then the earliest hub.
            let mut shared: Vec<(std::cmp::Reverse<usize>, u32)> = hubs
                .chunk_by(|x, y| x == y)
                .map(|run| (std::cmp::Reverse(run.len()), run[0]))
                .filter(|&(std::cmp::Reverse(n), h)| {
                    let smaller = counts[i].min(counts[h as usize]).max(1);
                    n >= scan_cfg.min_shared_keys
                        && n as f64 >= scan_cfg.min_shared_key_share * smaller as f64
                })
                .collect();
            shared.sort_unstable();
            for &(_, h) in shared.iter().take(HUBS) {
                let i = i as u32;
                out.push((i.min(h), i.max(h)));
            }
        }
        out
    });
    per_block.into_iter().flatten().collect()
}

/// Verification of candidate pairs in work units: a connected component of the candidate
/// graph, or a slice of a big one with its pairs in breadth-first order, so that the
/// articles of a slice are mostly neighbours. A unit reads its articles once, analyses
/// each (boilerplate marked) on first use and drops the analysis after the article's last
/// pair in the unit: an article is analysed once per unit it appears in. Units of many
/// pairs are verified by all threads together, one after another; the others are taken
/// by the threads in turn. Results come back in candidate order.
struct Verify<'v, A: Articles + ?Sized> {
    articles: &'v A,
    boilerplate: &'v FxHashSet<u64>,
    cfg: &'v Config,
    threads: usize,
    progress: &'v (dyn Fn(Stage) + Sync),
}

/// Candidate pairs (indices) found related, with their pair.
type Found = Vec<(usize, Pair)>;

impl<A: Articles + ?Sized> Verify<'_, A> {
    /// The related pairs among `candidates`, in their order.
    fn run(&self, candidates: &[(u32, u32)]) -> Result<Vec<Pair>, A::Error> {
        let units = work_units(self.articles.len(), candidates);
        let done = std::sync::atomic::AtomicUsize::new(0);
        let shared = units.partition_point(|u| u.len() > SHARED_UNIT_PAIRS);
        let mut found: Found = Vec::new();
        for unit in &units[..shared] {
            let (needed, loaded) = self.read(unit, candidates)?;
            let docs = self.docs(unit, candidates, &needed, &loaded);
            let next = std::sync::atomic::AtomicUsize::new(0);
            found.extend(self.on_threads(|| {
                let mut out = Vec::new();
                loop {
                    let from = next.fetch_add(SHARED_STEP, std::sync::atomic::Ordering::Relaxed);
                    let Some(step) = unit.get(from..(from + SHARED_STEP).min(unit.len())) else {
                        return Ok(out);
                    };
                    self.verify(step, candidates, &docs, &done, &mut out);
                }
            })?);
        }
        let next = std::sync::atomic::AtomicUsize::new(shared);
        found.extend(self.on_threads(|| {
            let mut out = Vec::new();
            loop {
                let u = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                let Some(unit) = units.get(u) else {
                    return Ok(out);
                };
                let (needed, loaded) = self.read(unit, candidates)?;
                let docs = self.docs(unit, candidates, &needed, &loaded);
                self.verify(unit, candidates, &docs, &done, &mut out);
            }
        })?);
        found.sort_by_key(|(k, _)| *k);
        Ok(found.into_iter().map(|(_, p)| p).collect())
    }

    /// The articles `unit`'s pairs need, ascending, and each read.
    fn read(
        &self,
        unit: &[usize],
        candidates: &[(u32, u32)],
    ) -> Result<(Vec<u32>, Vec<Article>), A::Error> {
        let needed = unit_articles(unit, candidates);
        let loaded = needed
            .iter()
            .map(|&m| self.articles.get(m as usize))
            .collect::<Result<_, _>>()?;
        Ok((needed, loaded))
    }

    /// The analyses of `unit`'s articles: `loaded`, numbered `needed`.
    fn docs<'d>(
        &self,
        unit: &[usize],
        candidates: &[(u32, u32)],
        needed: &'d [u32],
        loaded: &'d [Article],
    ) -> UnitDocs<'d, '_> {
        let mut uses = vec![0u32; needed.len()];
        for &k in unit {
            let (i, j) = candidates[k];
            uses[needed.partition_point(|&x| x < i)] += 1;
            uses[needed.partition_point(|&x| x < j)] += 1;
        }
        UnitDocs {
            needed,
            loaded,
            boilerplate: self.boilerplate,
            slots: uses
                .into_iter()
                .map(|uses| std::sync::Mutex::new(Slot { uses, doc: None }))
                .collect(),
        }
    }

    /// Assess the candidate pairs `unit` picks, adding the related ones to `out`.
    fn verify(
        &self,
        unit: &[usize],
        candidates: &[(u32, u32)],
        docs: &UnitDocs<'_, '_>,
        done: &std::sync::atomic::AtomicUsize,
        out: &mut Found,
    ) {
        let total = candidates.len();
        for &k in unit {
            let (i, j) = candidates[k];
            let (a, b) = (docs.get(i), docs.get(j));
            let c = assess(&a, &b, self.cfg, ChangesFor::Derived);
            if c.verdict.relation != Relation::Unrelated {
                out.push((k, pair(i as usize, j as usize, &c)));
            }
            drop((a, b));
            docs.used(i);
            docs.used(j);
            let n = done.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1;
            if n.is_multiple_of(64) || n == total {
                (self.progress)(Stage::Verifying(n, total));
            }
        }
    }

    /// `work` run on every thread, their results together.
    fn on_threads(
        &self,
        work: impl Fn() -> Result<Found, A::Error> + Sync,
    ) -> Result<Found, A::Error> {
        if self.threads == 1 {
            return work();
        }
        std::thread::scope(|scope| {
            let handles: Vec<_> = (0..self.threads).map(|_| scope.spawn(&work)).collect();
            let mut all = Vec::new();
            for h in handles {
                all.extend(h.join().unwrap_or_else(|e| std::panic::resume_unwind(e))?);
            }
            Ok(all)
        })
    }
}

/// The articles the candidate pairs `unit` picks need, ascending.
fn unit_articles(unit: &[usize], candidates: &[(u32, u32)]) -> Vec<u32> {
    let mut needed: Vec<u32> = unit
        .iter()
        .flat_map(|&k| [candidates[k].0, candidates[k].1])
        .collect();
    needed.sort_unstable();
    needed.dedup();
    needed
}

/// A work unit's articles, each analysed (boilerplate marked) by the first thread that
/// needs it and dropped after its last pair: memory holds the analyses of the articles
/// whose pairs are under way, not of the whole unit.
struct UnitDocs<'d, 'b> {
    /// Article numbers, ascending.
    needed: &'d [u32],
    loaded: &'d [Article],
    boilerplate: &'b FxHashSet<u64>,
    slots: Vec<std::sync::Mutex<Slot<'d>>>,
}

struct Slot<'d> {
    /// Pairs still to verify with this article.
    uses: u32,
    doc: Option<std::sync::Arc<Doc<'d>>>,
}

impl<'d> UnitDocs<'d, '_> {
    /// The position of article `m`, which must be one of the unit's, and its slot, locked.
    /// A panic elsewhere leaves the slot usable.
    fn slot(&self, m: u32) -> (usize, std::sync::MutexGuard<'_, Slot<'d>>) {
        let k = self.needed.partition_point(|&x| x < m);
        let held = self.slots[k]
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        (k, held)
    }

    /// The analysis of article `m`, which must be one of the unit's.
    fn get(&self, m: u32) -> std::sync::Arc<Doc<'d>> {
        // Held while analysing: a thread needing the same article waits rather than
        // analysing it twice.
        let (k, mut held) = self.slot(m);
        held.doc
            .get_or_insert_with(|| {
                let mut d = Doc::new(&self.loaded[k]);
                d.mark_boilerplate(|d, s| self.boilerplate.contains(&sentence_hash(d, s)));
                std::sync::Arc::new(d)
            })
            .clone()
    }

    /// One pair with article `m` done: its analysis goes after the last.
    fn used(&self, m: u32) {
        let (_, mut held) = self.slot(m);
        held.uses = held.uses.saturating_sub(1);
        if held.uses == 0 {
            held.doc = None;
        }
    }
}

/// How many of the first holders of an over-full LSH band or sentence key the others
/// are paired with.
pub const HUBS: usize = 3;
/// An over-full key's first holders; [`NO_HUB`] where it has fewer than [`HUBS`].
type Hubs = [u32; HUBS];
const NO_HUB: u32 = u32::MAX;

/// The sentence-key postings are built in 2^KEY_SLICE_BITS slices of the key space.
const KEY_SLICE_BITS: u32 = 6;
const KEY_SLICES: u64 = 1 << KEY_SLICE_BITS;

/// Articles whose shared keys a thread counts in one go (see [`Runs::pairs`]).
const PAIR_BLOCK: usize = 4096;

/// Articles a work unit holds at most (read, and analysed, until the unit is done).
const UNIT_ARTICLES: usize = 2048;
/// A unit of more pairs than this is verified by all threads together.
const SHARED_UNIT_PAIRS: usize = 512;
/// Pairs a thread takes at a time from a unit verified together.
const SHARED_STEP: usize = 32;

/// The candidates (indices) grouped into work units: one per connected component of the
/// candidate graph over `n` articles; a component of more than `UNIT_ARTICLES` articles
/// is ordered breadth-first from its first article and cut into slices of at most
/// `UNIT_ARTICLES` articles. Most pairs first.
fn work_units(n: usize, candidates: &[(u32, u32)]) -> Vec<Vec<usize>> {
    let mut sets = DisjointSets::new(n);
    for &(i, j) in candidates {
        sets.union(i as usize, j as usize);
    }
    let mut by_root: std::collections::BTreeMap<usize, Vec<usize>> = Default::default();
    for (k, &(i, _)) in candidates.iter().enumerate() {
        by_root.entry(sets.find(i as usize)).or_default().push(k);
    }
    let mut units: Vec<Vec<usize>> = Vec::new();
    for (root, mut pairs) in by_root {
        // Breadth-first ranks of the component's articles.
        let mut adjacent: FxHashMap<u32, Vec<u32>> = FxHashMap::default();
        for &k in &pairs {
            let (i, j) = candidates[k];
            adjacent.entry(i).or_default().push(j);
            adjacent.entry(j).or_default().push(i);
        }
        if adjacent.len() <= UNIT_ARTICLES {
            units.push(pairs);
            continue;
        }
        let mut rank: FxHashMap<u32, usize> = FxHashMap::default();
        let root = root as u32;
        let mut queue = std::collections::VecDeque::from([root]);
        rank.insert(root, 0);
        while let Some(x) = queue.pop_front() {
            let mut next: Vec<u32> = adjacent.get(&x).cloned().unwrap_or_default();
            next.sort_unstable();
            for y in next {
                if !rank.contains_key(&y) {
                    rank.insert(y, rank.len());
                    queue.push_back(y);
                }
            }
        }
        let key = |k: usize| {
            let (i, j) = candidates[k];
            let (a, b) = (rank[&i], rank[&j]);
            (a.min(b), a.max(b), k)
        };
        pairs.sort_by_key(|&k| key(k));
        // Cut where a slice would need one article too many.
        let mut slice: Vec<usize> = Vec::new();
        let mut held: FxHashSet<u32> = FxHashSet::default();
        for k in pairs {
            let (i, j) = candidates[k];
            let more = usize::from(!held.contains(&i)) + usize::from(!held.contains(&j));
            if held.len() + more > UNIT_ARTICLES {
                units.push(std::mem::take(&mut slice));
                held.clear();
            }
            held.extend([i, j]);
            slice.push(k);
        }
        units.push(slice);
    }
    units.sort_by(|a, b| b.len().cmp(&a.len()).then(a[0].cmp(&b[0])));
    units
}

/// Articles sampled per repeated sentence to tell boilerplate from a family's own lines.
const BOILERPLATE_SAMPLE: usize = 8;

/// Whether most pairs of the sampled articles share at least two sentence keys: the
/// sentence they repeat belongs to one story, copied, rather than to a site's template.
fn within_family(sample: &[u32], keys: &dyn Fn(u32) -> Vec<u64>) -> bool {
    let keys: Vec<Vec<u64>> = sample.iter().map(|&k| keys(k)).collect();
    let (mut pairs, mut related) = (0usize, 0usize);
    for (x, a) in keys.iter().enumerate() {
        for b in &keys[x + 1..] {
            pairs += 1;
            related += usize::from(unspin_core::align::shared_count(a, b) >= 2);
        }
    }
    pairs > 0 && 2 * related > pairs
}

fn pair(a: usize, b: usize, c: &Assessment) -> Pair {
    Pair {
        a,
        b,
        relation: c.verdict.relation,
        source: c.verdict.source,
        confidence: c.verdict.confidence,
        coverage_a: c.verdict.coverage_a,
        coverage_b: c.verdict.coverage_b,
        top_changes: c
            .changes
            .iter()
            .filter(|ch| ch.kind != unspin_core::changes::ChangeKind::ClaimOmitted)
            .take(5)
            .map(|ch| (ch.kind.as_str(), ch.detail.clone()))
            .collect(),
    }
}

/// Disjoint sets over `0..n`; every set's root is its smallest member.
struct DisjointSets {
    parent: Vec<usize>,
}

impl DisjointSets {
    fn new(n: usize) -> DisjointSets {
        DisjointSets {
            parent: (0..n).collect(),
        }
    }

    fn find(&mut self, mut x: usize) -> usize {
        while self.parent[x] != x {
            self.parent[x] = self.parent[self.parent[x]];
            x = self.parent[x];
        }
        x
    }

    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            self.parent[ra.max(rb)] = ra.min(rb);
        }
    }
}

fn families(dates: &[Option<CivilDate>], pairs: &[Pair]) -> Vec<Family> {
    let n = dates.len();
    let mut sets = DisjointSets::new(n);
    // Partial reuse links families without merging them: one shared paragraph must not
    // chain whole families together.
    let derived: Vec<&Pair> = pairs.iter().filter(|p| p.relation.is_copy()).collect();
    for p in &derived {
        sets.union(p.a, p.b);
    }
    let mut groups: FxHashMap<usize, Vec<usize>> = FxHashMap::default();
    for k in 0..n {
        groups.entry(sets.find(k)).or_default().push(k);
    }
    let mut out: Vec<Family> = Vec::new();
    let mut roots: Vec<usize> = groups
        .keys()
        .copied()
        .filter(|r| groups[r].len() > 1)
        .collect();
    roots.sort_unstable();
    // Each family's derived pairs, in pair order (one pass, not one per family).
    let mut family_edges: FxHashMap<usize, Vec<&&Pair>> = FxHashMap::default();
    for p in &derived {
        family_edges.entry(sets.find(p.a)).or_default().push(p);
    }
    // Same-story and partial-reuse links of each family: (linked article, member).
    type Links = (Vec<usize>, Vec<(usize, usize)>);
    let mut links: FxHashMap<usize, Links> = FxHashMap::default();
    for p in pairs {
        let (ra, rb) = (sets.find(p.a), sets.find(p.b));
        if ra == rb {
            continue;
        }
        for (root, outside, member) in [(ra, p.b, p.a), (rb, p.a, p.b)] {
            if groups.get(&root).is_none_or(|g| g.len() < 2) {
                continue;
            }
            let entry = links.entry(root).or_default();
            match p.relation {
                Relation::SameStory => entry.0.push(outside),
                Relation::PartialReuse => entry.1.push((outside, member)),
                _ => {}
            }
        }
    }
    for root in roots {
        let members = &groups[&root];
        let edges: &[&&Pair] = family_edges.get(&root).map_or(&[], Vec::as_slice);
        // Evidence for being the original: directed edges out minus in, then the date.
        let score = |k: usize| -> f64 {
            edges
                .iter()
                .map(|p| match (p.source, p.a == k, p.b == k) {
                    (Some(Side::A), true, _) | (Some(Side::B), _, true) => p.confidence,
                    (Some(Side::A), _, true) | (Some(Side::B), true, _) => -p.confidence,
                    _ => 0.0,
                })
                .sum()
        };
        let original = members
            .iter()
            .copied()
            .max_by(|&x, &y| {
                score(x)
                    .total_cmp(&score(y))
                    .then_with(|| dates[y].cmp(&dates[x]))
                    .then_with(|| y.cmp(&x))
            })
            .unwrap_or(root);
        // Each member's source: its parent on the tree grown from the original, taking
        // the strongest edge first.
        let mut source: FxHashMap<usize, (usize, &Pair)> = FxHashMap::default();
        let mut reached: FxHashSet<usize> = [original].into_iter().collect();
        let mut frontier = vec![original];
        while !frontier.is_empty() {
            let mut next = Vec::new();
            for &from in &frontier {
                let mut out_edges: Vec<&&&Pair> = edges
                    .iter()
                    .filter(|p| p.a == from || p.b == from)
                    .collect();
                out_edges.sort_by(|x, y| {
                    y.confidence
                        .total_cmp(&x.confidence)
                        .then((x.a, x.b).cmp(&(y.a, y.b)))
                });
                for p in out_edges {
                    let to = if p.a == from { p.b } else { p.a };
                    if reached.insert(to) {
                        source.insert(to, (from, p));
                        next.push(to);
                    }
                }
            }
            next.sort_unstable();
            frontier = next;
        }
        let mut list: Vec<Member> = vec![Member {
            item: original,
            source: None,
            relation: None,
            confidence: 0.0,
        }];
        let mut rest: Vec<usize> = members.iter().copied().filter(|&k| k != original).collect();
        rest.sort_unstable();
        for k in rest {
            let (src, p) = source[&k];
            let agrees = matches!(
                (p.source, p.a == src),
                (Some(Side::A), true) | (Some(Side::B), false)
            );
            list.push(Member {
                item: k,
                source: Some(src),
                relation: Some(p.relation),
                confidence: if agrees { p.confidence } else { 0.0 },
            });
        }
        let (mut same, mut partial) = links.remove(&root).unwrap_or_default();
        same.sort_unstable();
        same.dedup();
        partial.sort_unstable();
        partial.dedup();
        out.push(Family {
            original,
            members: list,
            same_story: same,
            partial_reuse: partial,
        });
    }
    out
}

/// `f` over `items` on `threads` threads, results in input order.
fn parallel_map<'t, T: Sync, U: Send>(
    items: &'t [T],
    threads: usize,
    f: impl Fn(&'t T) -> U + Sync,
) -> Vec<U> {
    if threads <= 1 || items.len() < 2 {
        return items.iter().map(f).collect();
    }
    let chunk = items.len().div_ceil(threads);
    std::thread::scope(|scope| {
        let f = &f;
        let handles: Vec<_> = items
            .chunks(chunk)
            .map(|part| scope.spawn(move || part.iter().map(f).collect::<Vec<U>>()))
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_default())
            .collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::item;
    use unspin_core::Article;

    const FOOTER: &str = "Follow us for more news every day.";

    #[test]
    fn runs_pair_articles_sharing_enough_keys_on_any_thread_count() {
        // Articles 2m and 2m + 1 share three keys; every article also holds a key
        // shared with the articles of the same residue mod 7 (one key: too few).
        let n = 3 * PAIR_BLOCK as u32 + 17;
        let mut entries: Vec<(u64, u32)> = (0..n)
            .flat_map(|i| {
                let own = (0..3).map(move |c| (u64::from(i / 2) * 10 + c, i));
                own.chain([(1_000_000 + u64::from(i % 7), i)])
            })
            .collect();
        entries.sort_unstable();
        let mut runs = Runs::default();
        // The mod-7 keys are held by more than `max_posting` articles: no runs.
        assert_eq!(runs.extend_sorted(&entries, 1000).len(), 7);
        runs.close();
        let counts = vec![4; n as usize];
        let expect: Vec<(u32, u32)> = (0..n / 2).map(|m| (2 * m, 2 * m + 1)).collect();
        for threads in [1, 2, 3] {
            let mut got = runs.pairs(&counts, 3, 0.5, threads);
            got.sort_unstable();
            assert_eq!(got, expect, "{threads} threads");
        }
        // Three shared keys are too few a share of articles holding twelve.
        assert!(runs.pairs(&vec![12; n as usize], 3, 0.5, 2).is_empty());
    }

    fn story(topic: &str, people: &[&str], extra: &str) -> String {
        format!(
            "{topic} news\n\n{p0} said the {topic} council would meet on Tuesday to discuss the plan for 2026. \
             {p1} told reporters that {topic} spending would rise by 14 percent next year. \
             The {topic} plan was approved. \
             Residents of {p2}ville asked the council to publish the full {topic} report before the vote. {extra}",
            p0 = people[0],
            p1 = people[1],
            p2 = people[2],
        )
    }

    #[test]
    fn a_story_more_articles_carry_than_max_posting_is_one_family() {
        // Thirty near-verbatim copies of one story (a wire story), each with its own
        // closing line; bands held by more than eight articles link through hubs.
        let people = ["Ada Fenwick", "Bo Marsh", "Kell"];
        let original = story("harbour", &people, "");
        let items: Vec<Item> = (0..30)
            .map(|k| {
                let note = format!("Copy {k} was filed with reference number {}.", 7919 * k);
                item(Article::new(
                    format!("copy-{k}"),
                    format!("{original}\n\n{note}"),
                ))
            })
            .collect();
        let cfg = ScanConfig {
            max_posting: 8,
            ..ScanConfig::default()
        };
        let result = scan(&items, &Config::default(), &cfg);
        assert!(result.stats.hub_bands > 0, "{:?}", result.stats);
        assert_eq!(result.families.len(), 1, "{:?}", result.stats);
        assert_eq!(result.families[0].members.len(), 30);
        // Fewer pairs than all 435 of thirty articles (bands a few copies share still
        // pair all their holders).
        assert!(result.stats.candidates < 30 * 29 / 2, "{:?}", result.stats);
        // Fewer holders than hubs: still one family, and no slice out of bounds.
        let tiny = ScanConfig {
            max_posting: 1,
            ..ScanConfig::default()
        };
        let result = scan(&items[..2], &Config::default(), &tiny);
        assert_eq!(result.families.len(), 1, "{:?}", result.stats);
    }

    #[test]
    fn over_full_keys_pair_each_holder_with_the_hubs_it_shares_most_with() {
        // Articles 0..40 rewrite one story: all hold keys 1..=10 (over-full at a
        // `max_posting` of 8) and one key of their own. Articles 40..80 write on the
        // field: each holds two of those keys (too few) and its own.
        let mut prints: Vec<Fingerprint> = (0..80u64)
            .map(|a| {
                let mut keys: Vec<u64> = if a < 40 {
                    (1..=10).collect()
                } else {
                    vec![a % 10 + 1, (a + 3) % 10 + 1]
                };
                keys.push(1000 + a);
                keys.sort_unstable();
                Fingerprint {
                    bands: Vec::new(),
                    sentence_keys: keys,
                }
            })
            .collect();
        let mut entries: Vec<(u64, u32)> = prints
            .iter()
            .enumerate()
            .flat_map(|(a, p)| p.sentence_keys.iter().map(move |&k| (k, a as u32)))
            .collect();
        entries.sort_unstable();
        let hub_keys = Runs::default().extend_sorted(&entries, 8);
        assert_eq!(hub_keys.len(), 10);
        assert!(hub_keys.iter().all(|(_, hubs)| hubs == &[0, 1, 2]));
        let counts: Vec<usize> = prints.iter().map(|p| p.sentence_keys.len()).collect();
        let cfg = ScanConfig::default();
        for threads in [1, 3] {
            let mut got = through_hubs(&prints, &hub_keys, &counts, &cfg, threads);
            got.sort_unstable();
            got.dedup();
            let mut expect: Vec<(u32, u32)> = (0..3u32)
                .flat_map(|h| {
                    (0..40u32)
                        .filter(move |&j| j != h)
                        .map(move |j| (h.min(j), h.max(j)))
                })
                .collect();
            expect.sort_unstable();
            expect.dedup();
            assert_eq!(got, expect, "{threads} threads");
        }
        // An article sharing enough over-full keys with more than [`HUBS`] hubs keeps
        // those it shares most with: article 3 also holds three keys whose first
        // holders are 3, 4 and 5, and still pairs with 0, 1 and 2 only.
        prints[3].sentence_keys.extend([2000, 2001, 2002]);
        let extra = [2000, 2001, 2002].map(|k| (k, [3, 4, 5]));
        let all: Vec<(u64, Hubs)> = hub_keys.iter().copied().chain(extra).collect();
        let got = through_hubs(&prints, &all, &counts, &cfg, 1);
        let three: Vec<(u32, u32)> = got.into_iter().filter(|p| p.0 == 3 || p.1 == 3).collect();
        assert_eq!(three, [(0, 3), (1, 3), (2, 3)]);
    }

    #[test]
    fn a_story_more_articles_rewrite_than_max_posting_is_one_family() {
        // Thirty rewrites of one story, each rewording its own words (so they share no
        // LSH band) around the same names and numbers; every sentence key the story
        // gives is held by more than eight articles.
        let people = ["Ada Fenwick", "Bo Marsh", "Kell"];
        let original = story("harbour", &people, "");
        let swaps = [
            ("said", ["stated", "announced", "declared"]),
            ("would", ["will", "is set to", "was expected to"]),
            ("discuss", ["debate", "consider", "review"]),
            ("plan", ["proposal", "scheme", "programme"]),
            ("told", ["informed", "assured", "briefed"]),
            ("spending", ["outlays", "expenditure", "budgets"]),
            ("rise", ["grow", "climb", "increase"]),
            ("asked", ["urged", "pressed", "called on"]),
            ("publish", ["release", "make public", "issue"]),
            ("full", ["complete", "entire", "whole"]),
            ("before", ["ahead of", "prior to", "in advance of"]),
            ("approved", ["passed", "adopted", "backed"]),
        ];
        let items: Vec<Item> = (0..30usize)
            .map(|k| {
                let mut text = original.clone();
                let mut digits = k;
                for (word, choices) in &swaps {
                    text =
                        text.replace(&format!(" {word} "), &format!(" {} ", choices[digits % 3]));
                    digits = digits / 3 + k;
                }
                item(Article::new(format!("rewrite-{k}"), text))
            })
            .collect();
        let cfg = ScanConfig {
            max_posting: 8,
            ..ScanConfig::default()
        };
        let result = scan(&items, &Config::default(), &cfg);
        assert!(result.stats.hub_keys > 0, "{:?}", result.stats);
        assert_eq!(result.families.len(), 1, "{:?}", result.stats);
        assert_eq!(result.families[0].members.len(), 30, "{:?}", result.stats);
    }

    #[test]
    fn thread_count_does_not_change_the_result() {
        // Forty stories, each with a reworded copy and a copy with the footer: enough
        // articles for several key slices per thread group, boilerplate to judge and
        // many work units.
        let topics = [
            "harbour", "museum", "railway", "school", "hospital", "bridge", "library", "market",
        ];
        let names = ["Ada", "Bo", "Cy", "Dee", "Eli"];
        let mut items = Vec::new();
        for (t, topic) in topics.iter().enumerate() {
            for (k, name) in names.iter().enumerate() {
                let people = [
                    format!("{name} Fenwick{t}"),
                    format!("Bo Marsh{k}{t}"),
                    format!("Kell{t}{k}"),
                ];
                let people: Vec<&str> = people.iter().map(String::as_str).collect();
                let original = story(&format!("{topic}{k}"), &people, "");
                let reworded = original.replace("would rise", "is set to climb");
                let footed = format!("{original} {FOOTER}");
                for text in [original, reworded, footed] {
                    items.push(item(Article::new(
                        format!("{topic}-{k}-{}", items.len()),
                        text,
                    )));
                }
            }
        }
        let scan_with = |threads| {
            let cfg = ScanConfig {
                threads,
                ..ScanConfig::default()
            };
            scan(&items, &Config::default(), &cfg)
        };
        let one = scan_with(1);
        // Stories on one topic differ only in names and numbers: one family each.
        assert_eq!(one.families.len(), topics.len());
        for threads in [2, 3] {
            let many = scan_with(threads);
            assert_eq!(many.pairs, one.pairs, "{threads} threads");
            assert_eq!(many.families, one.families, "{threads} threads");
            assert_eq!(many.stats, one.stats, "{threads} threads");
        }
    }

    #[test]
    fn streamed_scan_equals_the_in_memory_one() {
        let dir = tempfile::tempdir().expect("temp dir");
        let people = ["Ada Fenwick", "Bo Marsh", "Kell"];
        let original = story("harbour", &people, FOOTER);
        let copy = original.replace("would rise", "is set to climb");
        let other = story("museum", &["Eve Talbot", "Fen Rook", "Lark"], FOOTER);
        for (name, text) in [("a.txt", &original), ("b.txt", &copy), ("c.txt", &other)] {
            std::fs::write(dir.path().join(name), text).expect("write");
        }
        std::fs::write(dir.path().join("d.json"), "{not json").expect("write");
        let paths = vec![dir.path().to_path_buf()];
        let opts = unspin_ingest::ReadOptions::default();
        let (items, skipped) = corpus::read_all(&paths, &opts);
        let cfg = ScanConfig {
            threads: 2,
            ..ScanConfig::default()
        };
        let expected = scan(&items, &Config::default(), &cfg);
        let (got, spill, streamed_skipped) =
            scan_paths(&paths, &opts, &Config::default(), &cfg, &|_| {}).expect("scan");
        assert_eq!(got.pairs, expected.pairs);
        assert_eq!(got.families, expected.families);
        assert_eq!(got.stats, expected.stats);
        assert_eq!(streamed_skipped, skipped);
        assert_eq!(streamed_skipped.len(), 1);
        assert_eq!(got.families.len(), 1);
        for (k, item) in items.iter().enumerate() {
            assert_eq!(spill.id(k), item.id);
            assert_eq!(spill.get(k).expect("read back"), item.article);
        }
    }

    #[test]
    fn index_scan_equals_the_in_memory_one() {
        let dir = tempfile::tempdir().expect("temp dir");
        let index = crate::store::Index::open(dir.path()).expect("index");
        let original = story("harbour", &["Ada Fenwick", "Bo Marsh", "Kell"], FOOTER);
        let copy = original.replace("would rise", "is set to climb");
        let other = story("museum", &["Eve Talbot", "Fen Rook", "Lark"], FOOTER);
        let mut items: Vec<Item> = [original, copy, other]
            .into_iter()
            .enumerate()
            .map(|(k, t)| item(Article::new(format!("a{k}"), t)))
            .collect();
        index.add(&items).expect("add");
        items.sort_by_key(|i| i.id);
        let cfg = ScanConfig::default();
        let expected = scan(&items, &Config::default(), &cfg);
        let (got, articles) = scan_index(&index, &Config::default(), &cfg, &|_| {}).expect("scan");
        assert_eq!(got.pairs, expected.pairs);
        assert_eq!(got.families, expected.families);
        assert_eq!(got.families.len(), 1);
        for (k, i) in items.iter().enumerate() {
            assert_eq!(articles.id(k), i.id);
            assert_eq!(articles.get(k).expect("stored").text, i.article.text);
        }
    }

    #[test]
    fn work_units_cover_every_candidate_once() {
        // A chain of 5000 articles (one big component) and a separate small pair.
        let mut candidates: Vec<(u32, u32)> = (0..4999).map(|i| (i, i + 1)).collect();
        candidates.push((6000, 6001));
        let units = work_units(6002, &candidates);
        assert!(
            units
                .iter()
                .all(|u| unit_articles(u, &candidates).len() <= UNIT_ARTICLES)
        );
        assert_eq!(units.len(), 4, "3 slices of the chain and the pair");
        let mut all: Vec<usize> = units.concat();
        all.sort_unstable();
        assert_eq!(all, (0..candidates.len()).collect::<Vec<_>>());
        // Breadth-first slices of a chain are runs of neighbours.
        assert_eq!(units[0][..3], [0, 1, 2]);
        assert_eq!(units[1][0], UNIT_ARTICLES - 1);
    }

    #[test]
    fn unit_docs_analyse_once_and_drop_after_the_last_pair() {
        let loaded: Vec<Article> = (0..3)
            .map(|k| Article::new(format!("a{k}"), format!("Article number {k}.")))
            .collect();
        let needed = [10, 20, 30];
        let candidates = [(10, 20), (10, 30), (20, 30)];
        let boilerplate = FxHashSet::default();
        let verify = Verify {
            articles: &[] as &[Item],
            boilerplate: &boilerplate,
            cfg: &Config::default(),
            threads: 1,
            progress: &|_| {},
        };
        let docs = verify.docs(&[0, 1, 2], &candidates, &needed, &loaded);
        let held = |m: usize| docs.slots[m].lock().unwrap().doc.clone();
        let first = docs.get(10);
        assert_eq!(first.article.text, "Article number 0.");
        assert!(
            std::sync::Arc::ptr_eq(&first, &docs.get(10)),
            "analysed once"
        );
        docs.used(10);
        assert!(held(0).is_some(), "10 has one pair to go");
        docs.used(10);
        assert!(held(0).is_none(), "10 is done");
        assert_eq!(docs.get(30).article.text, "Article number 2.");
        docs.used(30);
        assert!(held(2).is_some());
        assert!(held(1).is_none(), "20 not asked yet");
    }

    #[test]
    fn boilerplate_is_what_unrelated_articles_repeat() {
        let topics = [
            ("harbour", ["Ada Fenwick", "Bo Marsh", "Kell"]),
            ("railway", ["Cy Dorran", "Di Quill", "Moss"]),
            ("museum", ["Eve Talbot", "Fen Rook", "Lark"]),
            ("orchard", ["Gus Hale", "Hal Brent", "Wren"]),
        ];
        let mut items: Vec<Item> = topics
            .iter()
            .enumerate()
            .map(|(k, (t, p))| item(Article::new(format!("site{k}"), story(t, p, FOOTER))))
            .collect();
        // One story syndicated twice: its short line "The harbour plan was approved." recurs in three
        // articles, as the footer does, but they are copies of one story.
        for k in 0..2 {
            let copy = story("harbour", &["Ada Fenwick", "Bo Marsh", "Kell"], "")
                .replace("on Tuesday", &format!("on Tuesday ({k})"));
            items.push(item(Article::new(format!("copy{k}"), copy)));
        }
        let result = scan(&items, &Config::default(), &ScanConfig::default());
        // The footer (4 unrelated articles) is boilerplate; the syndicated line is not.
        assert_eq!(result.stats.boilerplate_sentences, 1);
        let family: Vec<Vec<usize>> = result
            .families
            .iter()
            .map(|f| f.members.iter().map(|m| m.item).collect())
            .collect();
        assert_eq!(family, [vec![0, 4, 5]]);
    }
}
