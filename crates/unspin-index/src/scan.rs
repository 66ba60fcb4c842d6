//! `scan`: every copy family in a set of articles.
//!
//! 1. Sentences that recur verbatim across articles and are short (bylines, "Related
//!    article" teasers, newsletter footers, agency credits) are boilerplate: removed
//!    before fingerprinting and verification, so they never glue articles together.
//! 2. Candidates: articles sharing an LSH band (copies) or at least `min_shared_keys`
//!    sentence keys (rewrites). Keys held by more than `max_posting` articles say
//!    nothing about copying and are dropped.
//! 3. Every candidate pair is verified by the full comparison.
//! 4. Derived pairs form families; each family's original is the article the others
//!    derive from (by direction evidence, then date); every member gets its most likely
//!    source. Same-story pairs are kept as links, never as copies.

use rustc_hash::{FxHashMap, FxHashSet};
use unspin_core::doc::{Depth, Doc};
use unspin_core::verdict::{Relation, Side};
use unspin_core::{Assessment, Config, assess};

use crate::corpus::Item;
use crate::fingerprint::{self, Fingerprint, Sketch, sentence_hash};

#[derive(Clone, Debug, PartialEq)]
pub struct ScanConfig {
    /// A sentence in at least this many articles, of at most `boilerplate_words` words,
    /// is boilerplate.
    pub boilerplate_min_articles: usize,
    pub boilerplate_words: usize,
    /// Keys held by more articles than this are dropped as uninformative.
    pub max_posting: usize,
    /// Sentence keys two articles must share to be verified…
    pub min_shared_keys: usize,
    /// …and at least this share of the smaller article's keys.
    pub min_shared_key_share: f64,
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
    pub dropped_keys: usize,
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
    /// Analysing articles: (analysed so far, total).
    Analysing(usize, usize),
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
    let threads = scan_cfg.threads.max(1);
    // Articles are analysed twice: here for their sketches (the analyses are dropped,
    // so memory holds no more than bands and sentence keys), and again, component by
    // component, for the pairs to verify.
    let analysed = std::sync::atomic::AtomicUsize::new(0);
    let sketches: Vec<Sketch> = parallel_map(items, threads, |i| {
        let n = analysed.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1;
        if n.is_multiple_of(64) || n == items.len() {
            progress(Stage::Analysing(n, items.len()));
        }
        fingerprint::parts(&Doc::with_depth(&i.article, Depth::Sentences)).sketch()
    });
    let mut stats = ScanStats {
        articles: items.len(),
        ..ScanStats::default()
    };

    // 1. Boilerplate: short sentences repeated verbatim across articles that otherwise
    // share nothing. A sentence repeated within a copy family (a syndicated story's
    // short lines) is not boilerplate: removing it would hide the copying.
    let mut seen_in: FxHashMap<u64, (usize, Vec<u32>)> = FxHashMap::default();
    for (k, p) in sketches.iter().enumerate() {
        let mut own: Vec<u64> = p.short_sentences(scan_cfg.boilerplate_words).collect();
        own.sort_unstable();
        own.dedup();
        for &h in &own {
            let (n, sample) = seen_in.entry(h).or_default();
            *n += 1;
            if sample.len() < BOILERPLATE_SAMPLE {
                sample.push(k as u32);
            }
        }
    }
    let repeated: FxHashSet<u64> = seen_in
        .iter()
        .filter(|(_, (n, _))| *n >= scan_cfg.boilerplate_min_articles)
        .map(|(&h, _)| h)
        .collect();
    // Sentence keys with every repeated sentence left out say whether the articles
    // sharing one are related otherwise (needed for the sampled articles only).
    let mut sampled: Vec<u32> = repeated
        .iter()
        .flat_map(|h| seen_in[h].1.iter().copied())
        .collect();
    sampled.sort_unstable();
    sampled.dedup();
    let keys: FxHashMap<u32, Vec<u64>> = sampled
        .into_iter()
        .map(|k| (k, sketches[k as usize].sentence_keys(&repeated)))
        .collect();
    let boilerplate: FxHashSet<u64> = repeated
        .iter()
        .copied()
        .filter(|h| !within_family(&seen_in[h].1, &keys))
        .collect();
    stats.boilerplate_sentences = boilerplate.len();
    drop((keys, seen_in, repeated));
    // Bands stay as sketched (boilerplate included: a band needs most of two articles'
    // shingles to agree, which a shared footer alone does not give, and verification
    // leaves boilerplate out); sentence keys lose the boilerplate sentences' keys.
    let prints: Vec<Fingerprint> = sketches
        .into_iter()
        .map(|s| Fingerprint {
            sentence_keys: s.sentence_keys(&boilerplate),
            bands: s.bands,
        })
        .collect();

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
            stats.dropped_keys += 1;
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
    // of the key space at a time, so that all of them are never in memory at once; the
    // slices follow the keys' order, so the result is sorted.
    let mut key_entries: Vec<(u64, u32)> = Vec::new();
    let mut slice: Vec<(u64, u32)> = Vec::new();
    for part in 0..KEY_SLICES {
        for (k, p) in prints.iter().enumerate() {
            slice.extend(
                p.sentence_keys
                    .iter()
                    .filter(|&&key| key >> (64 - KEY_SLICE_BITS) == part)
                    .map(|&key| (key, k as u32)),
            );
        }
        slice.sort_unstable();
        for run in slice.chunk_by(|x, y| x.0 == y.0) {
            if run.len() > scan_cfg.max_posting {
                stats.dropped_keys += 1;
            } else if run.len() >= 2 {
                key_entries.extend_from_slice(run);
            }
        }
        slice.clear();
    }
    drop(slice);
    key_entries.shrink_to_fit();
    let key_counts: Vec<usize> = prints.iter().map(|p| p.sentence_keys.len()).collect();
    drop(prints);
    // Exact duplicates share an id whatever their fingerprints.
    let mut by_id: FxHashMap<u128, Vec<u32>> = FxHashMap::default();
    for (k, item) in items.iter().enumerate() {
        by_id.entry(item.id.0).or_default().push(k as u32);
    }
    for list in by_id.values() {
        for (x, &i) in list.iter().enumerate() {
            for &j in &list[x + 1..] {
                band_pairs.insert((i, j));
            }
        }
    }
    // Enough shared sentence keys, absolutely and relative to the smaller article:
    // counted article by article (never a map of every pair sharing one key, which
    // would outgrow everything else).
    // Each article's runs (CSR layout: `member_runs[run_start[i]..run_start[i + 1]]`).
    let runs: Vec<&[(u64, u32)]> = key_entries.chunk_by(|x, y| x.0 == y.0).collect();
    let mut run_start = vec![0usize; items.len() + 1];
    for &(_, a) in &key_entries {
        run_start[a as usize + 1] += 1;
    }
    for k in 1..run_start.len() {
        run_start[k] += run_start[k - 1];
    }
    let mut member_runs = vec![0u32; key_entries.len()];
    let mut fill = run_start.clone();
    for (r, run) in runs.iter().enumerate() {
        for &(_, a) in *run {
            member_runs[fill[a as usize]] = r as u32;
            fill[a as usize] += 1;
        }
    }
    drop(fill);
    let indices: Vec<u32> = (0..items.len() as u32).collect();
    let key_pairs: Vec<Vec<(u32, u32)>> = parallel_map(&indices, threads, |&i| {
        let mut shared: FxHashMap<u32, u32> = FxHashMap::default();
        for &r in &member_runs[run_start[i as usize]..run_start[i as usize + 1]] {
            for &(_, j) in runs[r as usize] {
                if j > i {
                    *shared.entry(j).or_default() += 1;
                }
            }
        }
        shared
            .into_iter()
            .filter(|&(j, n)| {
                let smaller = key_counts[i as usize].min(key_counts[j as usize]).max(1);
                n as usize >= scan_cfg.min_shared_keys
                    && f64::from(n) >= scan_cfg.min_shared_key_share * smaller as f64
            })
            .map(|(j, _)| (i, j))
            .collect()
    });
    drop((runs, member_runs, run_start));
    drop(key_entries);
    let mut candidates: Vec<(u32, u32)> = band_pairs
        .into_iter()
        .chain(key_pairs.into_iter().flatten())
        .collect();
    candidates.sort_unstable();
    candidates.dedup();
    stats.candidates = candidates.len();

    // 3. Verification in work units: a connected component of the candidate graph, or a
    // slice of a big one with its pairs in breadth-first order, so that the articles a
    // pair needs were mostly analysed for the pairs just before. Each unit analyses what
    // it needs into a bounded cache (boilerplate marked) and drops it at the end. Threads
    // take units in turn; results go back in candidate order.
    let units = work_units(items.len(), &candidates);
    let next = std::sync::atomic::AtomicUsize::new(0);
    let done = std::sync::atomic::AtomicUsize::new(0);
    let total = candidates.len();
    let verify = || -> Vec<(usize, Pair)> {
        let mut out = Vec::new();
        loop {
            let u = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            let Some(unit) = units.get(u) else {
                return out;
            };
            let mut cache = DocCache::new(CACHE_DOCS);
            for &k in unit {
                let (i, j) = candidates[k];
                let analyse = |m: u32| {
                    let mut d = Doc::new(&items[m as usize].article);
                    d.mark_boilerplate(|d, s| boilerplate.contains(&sentence_hash(d, s)));
                    d
                };
                cache.ensure(i, analyse);
                cache.ensure(j, analyse);
                let n = done.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1;
                if n.is_multiple_of(64) || n == total {
                    progress(Stage::Verifying(n, total));
                }
                if let (Some(a), Some(b)) = (cache.get(i), cache.get(j)) {
                    let c = assess(a, b, cfg);
                    if c.verdict.relation != Relation::Unrelated {
                        out.push((k, pair(i as usize, j as usize, &c)));
                    }
                }
            }
        }
    };
    let mut found: Vec<(usize, Pair)> = if threads == 1 {
        verify()
    } else {
        std::thread::scope(|scope| {
            let handles: Vec<_> = (0..threads).map(|_| scope.spawn(verify)).collect();
            handles
                .into_iter()
                .flat_map(|h| h.join().unwrap_or_default())
                .collect()
        })
    };
    found.sort_by_key(|(k, _)| *k);
    let pairs: Vec<Pair> = found.into_iter().map(|(_, p)| p).collect();
    stats.verified_related = pairs.len();

    // 4. Families.
    let families = families(items, &pairs);
    ScanResult {
        pairs,
        families,
        stats,
    }
}

/// The sentence-key postings are built in 2^KEY_SLICE_BITS slices of the key space.
const KEY_SLICE_BITS: u32 = 3;
const KEY_SLICES: u64 = 1 << KEY_SLICE_BITS;

/// Analysed articles a work unit keeps at most.
const CACHE_DOCS: usize = 256;
/// Pairs per work unit when a component is split.
const UNIT_PAIRS: usize = 1024;

/// Analysed articles, the least recently used evicted beyond `capacity`.
struct DocCache<'a> {
    capacity: usize,
    clock: u64,
    docs: FxHashMap<u32, (Doc<'a>, u64)>,
}

impl<'a> DocCache<'a> {
    fn new(capacity: usize) -> DocCache<'a> {
        DocCache {
            capacity: capacity.max(2),
            clock: 0,
            docs: FxHashMap::default(),
        }
    }

    /// Make sure article `k` is cached (analysing it with `analyse` if not), and mark it
    /// as just used. Never evicts the article used just before, which a pair still needs.
    fn ensure(&mut self, k: u32, analyse: impl FnOnce(u32) -> Doc<'a>) {
        self.clock += 1;
        if let Some(entry) = self.docs.get_mut(&k) {
            entry.1 = self.clock;
            return;
        }
        if self.docs.len() >= self.capacity
            && let Some(&oldest) = self
                .docs
                .iter()
                .filter(|(_, (_, used))| *used + 1 < self.clock)
                .min_by_key(|(m, (_, used))| (*used, **m))
                .map(|(m, _)| m)
        {
            self.docs.remove(&oldest);
        }
        self.docs.insert(k, (analyse(k), self.clock));
    }

    fn get(&self, k: u32) -> Option<&Doc<'a>> {
        self.docs.get(&k).map(|(d, _)| d)
    }
}

/// The candidates (indices) grouped into work units: one per connected component of the
/// candidate graph over `n` articles; a component of more than `UNIT_PAIRS` pairs is
/// ordered breadth-first from its first article and cut into slices. Largest first.
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
        if pairs.len() <= UNIT_PAIRS {
            units.push(pairs);
            continue;
        }
        // Breadth-first ranks of the component's articles.
        let mut adjacent: FxHashMap<u32, Vec<u32>> = FxHashMap::default();
        for &k in &pairs {
            let (i, j) = candidates[k];
            adjacent.entry(i).or_default().push(j);
            adjacent.entry(j).or_default().push(i);
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
        units.extend(pairs.chunks(UNIT_PAIRS).map(<[usize]>::to_vec));
    }
    units.sort_by(|a, b| b.len().cmp(&a.len()).then(a[0].cmp(&b[0])));
    units
}

/// Articles sampled per repeated sentence to tell boilerplate from a family's own lines.
const BOILERPLATE_SAMPLE: usize = 8;

/// Whether most pairs of the sampled articles share at least two sentence keys: the
/// sentence they repeat belongs to one story, copied, rather than to a site's template.
fn within_family(sample: &[u32], keys: &FxHashMap<u32, Vec<u64>>) -> bool {
    let (mut pairs, mut related) = (0usize, 0usize);
    for (x, &i) in sample.iter().enumerate() {
        for &j in &sample[x + 1..] {
            pairs += 1;
            let (a, b) = (&keys[&i], &keys[&j]);
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

fn families(items: &[Item], pairs: &[Pair]) -> Vec<Family> {
    let n = items.len();
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
                    .then_with(|| items[y].article.meta.date.cmp(&items[x].article.meta.date))
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
    fn work_units_cover_every_candidate_once() {
        // A chain of 3000 articles (one big component) and a separate small pair.
        let mut candidates: Vec<(u32, u32)> = (0..2999).map(|i| (i, i + 1)).collect();
        candidates.push((4000, 4001));
        let units = work_units(4002, &candidates);
        assert!(units.iter().all(|u| u.len() <= UNIT_PAIRS));
        assert_eq!(units.len(), 4, "3 slices of the chain and the pair");
        let mut all: Vec<usize> = units.concat();
        all.sort_unstable();
        assert_eq!(all, (0..candidates.len()).collect::<Vec<_>>());
        // Breadth-first slices of a chain are runs of neighbours.
        assert_eq!(units[0][..3], [0, 1, 2]);
    }

    #[test]
    fn doc_cache_keeps_the_pair_in_hand() {
        let articles: Vec<Article> = (0..4)
            .map(|k| Article::new(format!("a{k}"), format!("Article number {k}.")))
            .collect();
        let mut cache = DocCache::new(2);
        let analysed = std::cell::Cell::new(0);
        let analyse = |m: u32| {
            analysed.set(analysed.get() + 1);
            Doc::new(&articles[m as usize])
        };
        for (i, j) in [(0, 1), (0, 2), (1, 2), (3, 0)] {
            cache.ensure(i, analyse);
            cache.ensure(j, analyse);
            assert!(cache.get(i).is_some() && cache.get(j).is_some(), "{i} {j}");
        }
        assert!(cache.docs.len() <= 2);
        assert_eq!(analysed.get(), 6);
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
