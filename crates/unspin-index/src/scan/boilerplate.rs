//! Step 1 of a scan: which short sentences are boilerplate.
//!
//! Short sentences repeated verbatim across articles that otherwise share nothing
//! (bylines, "Related article" teasers, newsletter footers, agency credits). A sentence
//! repeated within a copy family (a syndicated story's short lines) is not boilerplate:
//! removing it would hide the copying.

use rustc_hash::{FxHashMap, FxHashSet};

use super::{ScanConfig, parallel_map};
use crate::fingerprint::Sketch;

/// Articles sampled per repeated sentence to tell boilerplate from a family's own lines.
const BOILERPLATE_SAMPLE: usize = 8;

/// The hashes of the boilerplate sentences among `sketches`' short sentences.
/// Counted first, sampled second: most short sentences occur once, and a sample list
/// for each would be most of the memory here.
pub(super) fn find(sketches: &[Sketch], scan_cfg: &ScanConfig, threads: usize) -> FxHashSet<u64> {
    let own_short = |p: &Sketch| {
        let mut own: Vec<u64> = p.short_sentences().collect();
        own.sort_unstable();
        own.dedup();
        own
    };
    let mut counts: FxHashMap<u64, u32> = FxHashMap::default();
    for p in sketches {
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
    boilerplate
}

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
