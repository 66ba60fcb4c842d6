//! Step 1 of a scan: which lines are boilerplate.
//!
//! Sentences (of at most `boilerplate_words` words) repeated verbatim across articles
//! that otherwise share nothing: bylines, "Related article" teasers, newsletter footers,
//! agency credits, disclaimers. A sentence repeated within a copy family (a syndicated
//! story's lines) is not boilerplate: removing it would hide the copying.

use rustc_hash::{FxHashMap, FxHashSet};

use super::ScanConfig;
use crate::fingerprint::Sketch;
use crate::parallel::parallel_map;

/// Articles sampled per repeated sentence to tell boilerplate from a family's own lines.
const BOILERPLATE_SAMPLE: usize = 8;

/// The hashes of the boilerplate sentences among `sketches`' short sentences (those
/// of at most `boilerplate_words` words). Counted first, sampled second: most sentences
/// occur once, and a sample list for each would be most of the memory here.
pub(super) fn find(sketches: &[Sketch], scan_cfg: &ScanConfig, threads: usize) -> FxHashSet<u64> {
    let own_short = |p: &Sketch| {
        let mut own: Vec<u64> = p.short_sentences().collect();
        own.sort_unstable();
        own.dedup();
        own
    };
    // Every article's lines, sorted: a repeated line is a run at least
    // `boilerplate_min_articles` long (a sorted list takes a fraction of a count map's
    // memory, and this runs while every sketch is held).
    let mut all: Vec<u64> =
        Vec::with_capacity(sketches.iter().map(|p| p.short_sentences().count()).sum());
    for p in sketches {
        all.extend(own_short(p));
    }
    all.sort_unstable();
    let min = scan_cfg.boilerplate_min_articles.max(1);
    let repeated: FxHashSet<u64> = all
        .chunk_by(|a, b| a == b)
        .filter(|run| run.len() >= min)
        .map(|run| run[0])
        .collect();
    drop(all);
    // An article's repeated lines, sorted and distinct.
    let held = |p: &Sketch| -> Vec<u64> {
        own_short(p)
            .into_iter()
            .filter(|h| repeated.contains(h))
            .collect()
    };
    let mut seen_in: FxHashMap<u64, Vec<u32>> = FxHashMap::default();
    for (k, p) in sketches.iter().enumerate() {
        for h in held(p) {
            let sample = seen_in.entry(h).or_default();
            if sample.len() < BOILERPLATE_SAMPLE {
                sample.push(k as u32);
            }
        }
    }
    // Which repeated lines each sampled article holds (computed for each sample as it
    // is judged: kept for all sampled articles, they would outweigh the sketches). The
    // lines of one copy family mostly have the same sample: each distinct sample is
    // judged once, on all threads.
    let lines = |k: u32| {
        let sketch = &sketches[k as usize];
        Lines {
            sketch,
            repeated: held(sketch),
        }
    };
    let mut samples: Vec<&[u32]> = seen_in.values().map(Vec::as_slice).collect();
    samples.sort_unstable();
    samples.dedup();
    let family_lines = parallel_map(&samples, threads, |s| within_family(s, &lines));
    let boilerplate: FxHashSet<u64> = seen_in
        .iter()
        .filter(|(_, s)| {
            samples
                .binary_search(&s.as_slice())
                .is_ok_and(|k| !family_lines[k])
        })
        .map(|(&h, _)| h)
        .collect();
    boilerplate
}

/// Sentences of at least this many words are prose; shorter lines may be a template's
/// fields ("Pay April 1", "Shr 10 cts vs seven cts"), which unrelated items share.
const PROSE_WORDS: u8 = 10;

/// A sampled article and the repeated lines it holds (sorted, distinct).
struct Lines<'s> {
    sketch: &'s Sketch,
    repeated: Vec<u64>,
}

/// Whether most pairs of the sampled articles are related otherwise: the line they
/// repeat belongs to one story, copied, rather than to a site's template or a
/// disclaimer. A pair is related if the repeated lines both hold are most of the prose
/// sentences of one of them (a copy repeats most of its sentences; a footer
/// or a disclaimer, however long, one or two of each article's; a template's lines are
/// short fields), or if they share at least two sentence keys outside those lines (a
/// rewrite: the original's lines that the rewrite reworded may be repeated by the
/// original's verbatim copies, so only the lines the pair itself shares are left out).
fn within_family<'s>(sample: &[u32], lines: &dyn Fn(u32) -> Lines<'s>) -> bool {
    let lines: Vec<Lines<'s>> = sample.iter().map(|&k| lines(k)).collect();
    let (mut pairs, mut related) = (0usize, 0usize);
    for (x, a) in lines.iter().enumerate() {
        for b in &lines[x + 1..] {
            pairs += 1;
            let shared: FxHashSet<u64> = a
                .repeated
                .iter()
                .filter(|h| b.repeated.binary_search(h).is_ok())
                .copied()
                .collect();
            let mostly_shared = [a, b].iter().any(|l| {
                let (all, in_shared) = l.sketch.sentences_in(&shared, PROSE_WORDS);
                2 * in_shared > all
            });
            related += usize::from(
                mostly_shared
                    || unspin_core::align::shared_count(
                        &a.sketch.sentence_keys(&shared),
                        &b.sketch.sentence_keys(&shared),
                    ) >= 2,
            );
        }
    }
    pairs > 0 && 2 * related > pairs
}
