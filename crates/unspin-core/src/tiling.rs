//! Greedy string tiling (Wise 1993), the classic measure of how much of a text was
//! copied in pieces: repeatedly take the longest run of words the copy shares with the
//! source that overlaps no run taken before, down to a minimum length. Unlike n-gram
//! containment it counts each source word once, and unlike a sentence diff it finds
//! runs that were moved, split or glued across sentence boundaries.
//!
//! Used by `trace` for its `tiled_share` (the share of the article's words inside
//! tiles), which separates cut-and-paste from light and heavy revision.

use rustc_hash::FxHashMap;

/// How many places in the source one `min_len`-word key is looked up at. Only texts
/// that repeat the same phrase hundreds of times reach it; it bounds their cost, at
/// worst missing a tile that starts inside such a repetition.
const MAX_OCCURRENCES: usize = 256;

/// A run of `len` tokens shared by `copy[copy_start..]` and `source[source_start..]`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Tile {
    pub copy_start: usize,
    pub source_start: usize,
    pub len: usize,
}

/// Tiles of at least `min_len` tokens (at least 1) between `copy` and `source`, in the
/// order they were taken. Tokens equal to `separator` never match (it joins several
/// sources into one sequence).
pub fn tiles(copy: &[u32], source: &[u32], min_len: usize, separator: u32) -> Vec<Tile> {
    let min_len = min_len.max(1);
    let mut taken = Vec::new();
    if copy.len() < min_len || source.len() < min_len {
        return taken;
    }
    let key = |s: &[u32]| -> u64 {
        s.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, &t| {
            (h ^ u64::from(t)).wrapping_mul(0x0100_0000_01b3)
        })
    };
    let mut index: FxHashMap<u64, Vec<usize>> = FxHashMap::default();
    for (j, w) in source.windows(min_len).enumerate() {
        if w.contains(&separator) {
            continue;
        }
        let slot = index.entry(key(w)).or_default();
        if slot.len() < MAX_OCCURRENCES {
            slot.push(j);
        }
    }
    let mut copy_marked = vec![false; copy.len()];
    let mut source_marked: Vec<bool> = source.iter().map(|&t| t == separator).collect();
    loop {
        let mut longest = min_len;
        let mut found: Vec<Tile> = Vec::new();
        for i in 0..=copy.len() - min_len {
            if copy_marked[i] {
                continue;
            }
            let Some(starts) = index.get(&key(&copy[i..i + min_len])) else {
                continue;
            };
            for &j in starts {
                // Only left-maximal runs: one that extends to the left is found from
                // there, longer. This keeps repetitive text from costing n² runs.
                if i > 0
                    && j > 0
                    && !copy_marked[i - 1]
                    && !source_marked[j - 1]
                    && copy[i - 1] == source[j - 1]
                {
                    continue;
                }
                let mut len = 0;
                while i + len < copy.len()
                    && j + len < source.len()
                    && !copy_marked[i + len]
                    && !source_marked[j + len]
                    && copy[i + len] == source[j + len]
                {
                    len += 1;
                }
                if len > longest {
                    longest = len;
                    found.clear();
                }
                if len == longest {
                    found.push(Tile {
                        copy_start: i,
                        source_start: j,
                        len,
                    });
                }
            }
        }
        if found.is_empty() {
            return taken;
        }
        for t in found {
            let copy_span = t.copy_start..t.copy_start + t.len;
            let source_span = t.source_start..t.source_start + t.len;
            if copy_marked[copy_span.clone()].iter().any(|&m| m)
                || source_marked[source_span.clone()].iter().any(|&m| m)
            {
                continue;
            }
            copy_marked[copy_span].fill(true);
            source_marked[source_span].fill(true);
            taken.push(t);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(s: &str) -> Vec<u32> {
        s.bytes().map(u32::from).collect()
    }

    fn check(copy: &str, source: &str, min_len: usize, expect: &[(usize, usize, usize)]) {
        let got: Vec<(usize, usize, usize)> = tiles(&ids(copy), &ids(source), min_len, 0)
            .iter()
            .map(|t| (t.copy_start, t.source_start, t.len))
            .collect();
        assert_eq!(got, expect, "{copy:?} vs {source:?}");
    }

    #[test]
    fn longest_runs_first_and_each_source_token_once() {
        // "abcd" is taken first; the second "abcd" of the copy finds no unmarked source.
        check("abcdxabcd", "zabcdz", 2, &[(0, 1, 4)]);
        // Moved pieces are found in any order.
        check("cdeab", "abcde", 2, &[(0, 2, 3), (3, 0, 2)]);
        // Runs shorter than the minimum are not tiles.
        check("axbxc", "abc", 2, &[]);
        check("", "abc", 1, &[]);
        check("abc", "", 1, &[]);
    }

    #[test]
    fn separators_never_match() {
        let copy = [1, 2, 0, 3, 4];
        let source = [1, 2, 0, 3, 4];
        let got = tiles(&copy, &source, 2, 0);
        assert_eq!(got.iter().map(|t| t.len).collect::<Vec<_>>(), [2, 2]);
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]
        /// Tiles never overlap on either side, match exactly and respect the minimum.
        #[test]
        fn tiles_are_disjoint_exact_matches(
            copy in proptest::collection::vec(0u32..6, 0..80),
            source in proptest::collection::vec(0u32..6, 0..80),
            min_len in 1usize..5,
        ) {
            let got = tiles(&copy, &source, min_len, 5);
            let (mut in_copy, mut in_source) = (vec![false; copy.len()], vec![false; source.len()]);
            for t in &got {
                proptest::prop_assert!(t.len >= min_len);
                let (c, s) = (t.copy_start..t.copy_start + t.len, t.source_start..t.source_start + t.len);
                proptest::prop_assert_eq!(&copy[c.clone()], &source[s.clone()]);
                proptest::prop_assert!(!source[s.clone()].contains(&5));
                proptest::prop_assert!(in_copy[c.clone()].iter().chain(&in_source[s.clone()]).all(|m| !m));
                in_copy[c].fill(true);
                in_source[s].fill(true);
            }
        }
    }

    #[test]
    fn degenerate_repetition_stays_bounded() {
        let copy = vec![7u32; 2000];
        let source = vec![7u32; 2000];
        let covered: usize = tiles(&copy, &source, 3, 0).iter().map(|t| t.len).sum();
        assert_eq!(covered, 2000);
    }
}
