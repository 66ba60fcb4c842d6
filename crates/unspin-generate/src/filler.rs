//! Filler documents for corpora larger than the pool: news-like text that copies no
//! article.
//!
//! The real articles run out near 15k distinct documents, while a scan must be measured
//! at 200k. Fillers are drawn from a first-order word chain trained on the pool's
//! sentences: the vocabulary, names, numbers and sentence lengths of news, but word
//! order that follows no article for more than a word or two, so no filler shares
//! shingles or sentence keys with another document beyond chance. They are background
//! for speed, memory and false positives; they are not realistic prose.

use rustc_hash::FxHashMap;

use super::Rng;

/// Word successors, by word id.
pub(super) struct Chain {
    words: Vec<String>,
    /// Successor ids of each word, with repetition (so a draw follows the pool's
    /// frequencies).
    next: Vec<Vec<u32>>,
    /// Ids of sentence-initial words, with repetition.
    starts: Vec<u32>,
    /// Sentence lengths seen, in words.
    lengths: Vec<usize>,
}

impl Chain {
    pub(super) fn new<'a>(sentences: impl Iterator<Item = &'a str>) -> Chain {
        let mut chain = Chain {
            words: Vec::new(),
            next: Vec::new(),
            starts: Vec::new(),
            lengths: Vec::new(),
        };
        let mut ids: FxHashMap<&'a str, u32> = FxHashMap::default();
        for s in sentences {
            let mut prev: Option<u32> = None;
            let mut n = 0;
            // Quotation marks are left out: drawn at random they would open quotes that
            // never close.
            for w in s
                .split_whitespace()
                .map(|w| w.trim_matches(['"', '\u{201c}', '\u{201d}']))
                .filter(|w| !w.is_empty())
            {
                let id = *ids.entry(w).or_insert_with(|| {
                    chain.words.push(w.to_string());
                    chain.next.push(Vec::new());
                    (chain.words.len() - 1) as u32
                });
                match prev {
                    None => chain.starts.push(id),
                    Some(p) => chain.next[p as usize].push(id),
                }
                prev = Some(id);
                n += 1;
            }
            if n > 0 {
                chain.lengths.push(n);
            }
        }
        chain
    }

    /// A sentence of a length the pool has, ending with a full stop. `None` when the
    /// chain learnt nothing.
    pub(super) fn sentence(&self, rng: &mut Rng) -> Option<String> {
        if self.starts.is_empty() || self.lengths.is_empty() {
            return None;
        }
        let len = self.lengths[rng.below(self.lengths.len())].max(4);
        let mut id = self.starts[rng.below(self.starts.len())];
        let mut out = self.words[id as usize].clone();
        for _ in 1..len {
            let next = &self.next[id as usize];
            id = if next.is_empty() {
                self.starts[rng.below(self.starts.len())]
            } else {
                next[rng.below(next.len())]
            };
            out.push(' ');
            out.push_str(&self.words[id as usize]);
        }
        let trimmed = out.trim_end_matches(|c: char| !c.is_alphanumeric()).len();
        out.truncate(trimmed);
        out.push('.');
        Some(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_use_the_pool_words_and_end_with_a_stop() {
        let chain = Chain::new(
            [
                "The minister said the plan would cost 40 million pounds.",
                "Officials in Leeds said the bridge would reopen in May.",
            ]
            .into_iter(),
        );
        let mut rng = Rng::new(7);
        for _ in 0..20 {
            let s = chain.sentence(&mut rng).expect("a sentence");
            assert!(s.ends_with('.'), "{s}");
            let words: Vec<&str> = s.trim_end_matches('.').split(' ').collect();
            assert!(words.len() >= 4, "{s}");
            assert!(
                words
                    .iter()
                    .all(|w| chain.words.iter().any(|v| v.starts_with(w))),
                "{s}"
            );
        }
        assert!(Chain::new(std::iter::empty()).sentence(&mut rng).is_none());
    }
}
