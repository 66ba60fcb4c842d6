//! The name words a scanned corpus mentions in many articles. Comparing two articles
//! alone, every name is rare; a corpus scan counts the articles naming each word (from
//! the name keys it sketches anyway) and passes the common ones to [`crate::assess`], so
//! that "Securities and Exchange Commission", which every filing names, is no sign that
//! two filings tell one story.

use crate::features::names::name_key;
use crate::text::words::stem;

/// Name words that many articles of a corpus mention ("Securities", "Exchange",
/// "Reuters", a capital city): they do not say which story an article tells, so two
/// articles sharing only such names may still tell different ones. A corpus scan builds
/// the set from every article's name keys; two articles compared on their own have none.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CommonNames {
    /// Sorted, distinct [`name_key`]s.
    keys: Vec<u32>,
}

impl CommonNames {
    /// The keys that at least `min_articles` articles hold, from `(key, article)`
    /// entries sorted by key then article (an article may list a key more than once).
    pub fn from_sorted_entries(entries: &[(u32, u32)], min_articles: usize) -> CommonNames {
        let mut keys = Vec::new();
        for run in entries.chunk_by(|x, y| x.0 == y.0) {
            let articles = 1 + run.windows(2).filter(|w| w[0].1 != w[1].1).count();
            if articles >= min_articles.max(1) {
                keys.push(run[0].0);
            }
        }
        CommonNames { keys }
    }

    pub fn len(&self) -> usize {
        self.keys.len()
    }

    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }

    /// Whether the lowercased name word `lower` is common.
    pub fn contains(&self, lower: &str) -> bool {
        !self.keys.is_empty() && self.keys.binary_search(&name_key(&stem(lower))).is_ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_names_count_articles_not_mentions() {
        let key = |w: &str| name_key(&stem(w));
        // "Exchange" in articles 1, 2 and 3; "Harwick" three times, all in article 4;
        // "Sachs" in articles 5 and 6.
        let mut entries = vec![
            (key("exchange"), 1),
            (key("exchange"), 2),
            (key("exchange"), 3),
            (key("harwick"), 4),
            (key("harwick"), 4),
            (key("harwick"), 4),
            (key("sachs"), 5),
            (key("sachs"), 6),
        ];
        entries.sort_unstable();
        let common = CommonNames::from_sorted_entries(&entries, 3);
        assert!(common.contains("exchange"));
        assert!(!common.contains("harwick"));
        assert!(!common.contains("sachs"));
        assert_eq!(common.len(), 1);
        // The stem is looked up: "exchanges" is the same name word.
        assert!(common.contains("exchanges"));
        assert!(CommonNames::from_sorted_entries(&entries, 2).contains("sachs"));
        assert!(!CommonNames::default().contains("exchange"));
    }
}
