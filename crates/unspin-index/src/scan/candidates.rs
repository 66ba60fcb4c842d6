//! Step 2 of a scan: candidate pairs from shared LSH bands and sentence keys.
//!
//! Postings are sorted (key, article) runs: flat vectors take a fraction of the memory
//! of a map of lists. A band or key held by more than `max_posting` articles would make
//! n² pairs; its holders are paired through its first [`HUBS`] holders instead.

use rustc_hash::FxHashSet;

use super::ScanConfig;
use crate::fingerprint::{Fingerprint, MAX_KEYS_PER_SENTENCE, ScanKey};
use crate::parallel::parallel_map;

/// How many of the first holders of an over-full LSH band or sentence key the others
/// are paired with.
pub const HUBS: usize = 3;
/// An over-full key's first holders; [`NO_HUB`] where it has fewer than [`HUBS`].
type Hubs = [u32; HUBS];
const NO_HUB: u32 = u32::MAX;

/// The sentence-key postings are built in 2^KEY_SLICE_BITS slices of the key space.
const KEY_SLICE_BITS: u32 = 6;
const KEY_SLICES: ScanKey = 1 << KEY_SLICE_BITS;

/// Articles whose shared keys a thread counts in one go (see [`Runs::pairs`]).
const PAIR_BLOCK: usize = 4096;

/// Pairs of articles sharing an LSH band (band keys are namespaced by band), and how
/// many bands more than `max_posting` articles hold.
pub(super) fn band_pairs(
    prints: &[Fingerprint<ScanKey>],
    max_posting: usize,
) -> (FxHashSet<(u32, u32)>, usize) {
    let mut band_entries: Vec<(u64, u32)> = Vec::new();
    for (k, p) in prints.iter().enumerate() {
        for (band, &key) in p.bands.iter().enumerate() {
            let namespaced = xxhash_rust::xxh3::xxh3_64_with_seed(&key.to_le_bytes(), band as u64);
            band_entries.push((namespaced, k as u32));
        }
    }
    band_entries.sort_unstable();
    let mut band_pairs: FxHashSet<(u32, u32)> = FxHashSet::default();
    let mut hub_bands = 0;
    for run in band_entries.chunk_by(|x, y| x.0 == y.0) {
        if run.len() > max_posting {
            // A band hundreds of articles share is one story carried near-verbatim
            // by all of them (a wire story): every pair would be n², so each is paired
            // with the run's first few articles only, through which the family forms.
            hub_bands += 1;
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
    (band_pairs, hub_bands)
}

/// The runs of the sentence keys two to `max_posting` articles hold, and the keys more
/// hold (sorted, with their first holders).
pub(super) fn key_runs(
    prints: &[Fingerprint<ScanKey>],
    max_posting: usize,
    threads: usize,
) -> (Runs, Vec<(ScanKey, Hubs)>) {
    // Only keys that two to `max_posting` articles hold make runs: most keys are one
    // article's and go, which keeps the counting short; those more articles hold are
    // returned for `through_hubs`. The postings are built a slice
    // of the key space at a time, so that all of them are never in memory at once:
    // `threads` slices at a time, each on its own thread, their runs appended in the
    // keys' order (so the result is sorted).
    let mut key_runs = Runs::default();
    // Keys held by more than `max_posting` articles, sorted, with their first holders.
    let mut hub_keys: Vec<(ScanKey, Hubs)> = Vec::new();
    let parts: Vec<ScanKey> = (0..KEY_SLICES).collect();
    for group in parts.chunks(threads) {
        let built = parallel_map(group, threads, |&part| {
            let mut slice: Vec<(ScanKey, u32)> = Vec::new();
            for (k, p) in prints.iter().enumerate() {
                // Each article's keys are sorted: its keys in this slice are one range.
                let keys = &p.sentence_keys;
                let from =
                    keys.partition_point(|&key| key >> (ScanKey::BITS - KEY_SLICE_BITS) < part);
                let to =
                    keys.partition_point(|&key| key >> (ScanKey::BITS - KEY_SLICE_BITS) <= part);
                slice.extend(keys[from..to].iter().map(|&key| (key, k as u32)));
            }
            slice.sort_unstable();
            let mut runs = Runs::default();
            let over_full = runs.extend_sorted(&slice, max_posting);
            (runs, over_full)
        });
        for (runs, over_full) in built {
            hub_keys.extend(over_full);
            key_runs.append(&runs);
        }
    }
    key_runs.close();
    (key_runs, hub_keys)
}

/// Postings kept as article runs: the articles holding one key, key after key (the keys
/// themselves are not needed once runs are formed).
#[derive(Default)]
pub(super) struct Runs {
    members: Vec<u32>,
    /// Where each run starts in `members`; closed by `members.len()` (see [`Runs::close`]).
    bounds: Vec<u32>,
}

impl Runs {
    /// Add the runs of `entries` (sorted by key) held by 2 to `max_posting` articles;
    /// returns the keys more articles hold, in order, with their first [`HUBS`] holders.
    pub(super) fn extend_sorted<K: PartialEq + Copy>(
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

    pub(super) fn close(&mut self) {
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
    pub(super) fn pairs(
        &self,
        counts: &[usize],
        min: usize,
        share: f64,
        threads: usize,
    ) -> Vec<(u32, u32)> {
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
/// by the thresholds of ordinary keys and more keys than one sentence gives
/// ([`MAX_KEYS_PER_SENTENCE`]): a story shared over several sentences, not one long line
/// (a disclaimer, a template sentence) that thousands of articles repeat. Keys a whole
/// field shares ("minister" with "government") link an article to a hub that holds them
/// as well, but the cap on hubs per article keeps these to a few candidates each, which
/// verification turns down.
pub(super) fn through_hubs(
    prints: &[Fingerprint<ScanKey>],
    hub_keys: &[(ScanKey, Hubs)],
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
                    n > MAX_KEYS_PER_SENTENCE
                        && n >= scan_cfg.min_shared_keys
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

#[cfg(test)]
mod tests {
    use super::*;

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

    #[test]
    fn over_full_keys_pair_each_holder_with_the_hubs_it_shares_most_with() {
        // Articles 0..40 rewrite one story: all hold keys 1..=40 (over-full at a
        // `max_posting` of 8, more than one sentence gives) and one key of their own.
        // Articles 40..80 write on the field: each holds two of those keys (too few).
        // Articles 80..120 end with one long line they all repeat (a disclaimer): as
        // many keys as one sentence gives, all over-full, and their own.
        let story = 1..=40u32;
        let disclaimer = 500..500 + MAX_KEYS_PER_SENTENCE as u32;
        let mut prints: Vec<Fingerprint<ScanKey>> = (0..120u32)
            .map(|a| {
                let mut keys: Vec<ScanKey> = match a {
                    0..40 => story.clone().collect(),
                    40..80 => vec![a % 40 + 1, (a + 3) % 40 + 1],
                    _ => disclaimer.clone().collect(),
                };
                keys.push(1000 + a);
                keys.sort_unstable();
                Fingerprint {
                    bands: Vec::new(),
                    sentence_keys: keys,
                }
            })
            .collect();
        let mut entries: Vec<(ScanKey, u32)> = prints
            .iter()
            .enumerate()
            .flat_map(|(a, p)| p.sentence_keys.iter().map(move |&k| (k, a as u32)))
            .collect();
        entries.sort_unstable();
        let hub_keys = Runs::default().extend_sorted(&entries, 8);
        assert_eq!(hub_keys.len(), 40 + MAX_KEYS_PER_SENTENCE);
        assert!(hub_keys[..40].iter().all(|(_, hubs)| hubs == &[0, 1, 2]));
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
        // those it shares most with: article 3 also holds 30 keys whose first holders
        // are 3, 4 and 5, and still pairs with 0, 1 and 2 only.
        let more = 2000..2030u32;
        prints[3].sentence_keys.extend(more.clone());
        let extra = more.map(|k| (k, [3, 4, 5]));
        let all: Vec<(ScanKey, Hubs)> = hub_keys.iter().copied().chain(extra).collect();
        let got = through_hubs(&prints, &all, &counts, &cfg, 1);
        let three: Vec<(u32, u32)> = got.into_iter().filter(|p| p.0 == 3 || p.1 == 3).collect();
        assert_eq!(three, [(0, 3), (1, 3), (2, 3)]);
    }
}
