//! Word tokens of normalized text, with stopwords and Snowball stems.
//!
//! A token is a run of letters/digits; it may hold internal apostrophes (`Lavrov's`,
//! `didn't`), acronym dots (`U.S.`) and digit grouping (`400,000`, `3.2`). Possessive
//! `'s` is split off the stem so `Lavrov's` matches `Lavrov`.

use std::ops::Range;
use std::sync::OnceLock;

use compact_str::CompactString;
use rust_stemmers::{Algorithm, Stemmer};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    /// Normalized-text range.
    pub range: Range<usize>,
    /// Lowercased surface form, possessive removed, acronym dots removed (`us` for `U.S.`).
    /// Words up to 24 bytes are stored inline: tokens are the bulk of an analysis, and
    /// two heap strings per token made allocation a fifth of its time.
    pub lower: CompactString,
    /// Snowball stem of `lower`.
    pub stem: CompactString,
    /// Starts with an uppercase letter.
    pub cap: bool,
    /// Two or more letters, all uppercase (an acronym), e.g. `EU`, `U.S.`.
    pub acronym: bool,
    pub numeric: bool,
    pub stop: bool,
    /// A reporting verb or participle (`said`, `told`, `saying`): see
    /// [`crate::features::cues::is_attribution_verb`]. Kept here because quote
    /// attribution asks it of every word near a quote.
    pub attribution: bool,
}

pub fn tokenize(text: &str, offset: usize) -> Vec<Token> {
    let mut out = Vec::new();
    tokenize_into(text, offset, &mut out);
    out
}

/// [`tokenize`], appending to `out` (an article's tokens go into one vector).
pub fn tokenize_into(text: &str, offset: usize, out: &mut Vec<Token>) {
    let stemmer = stemmer();
    let bytes = text.as_bytes();
    let mut iter = text.char_indices().peekable();
    while let Some((start, c)) = iter.next() {
        if !c.is_alphanumeric() {
            continue;
        }
        let mut end = start + c.len_utf8();
        while let Some(&(j, ch)) = iter.peek() {
            if ch.is_alphanumeric() {
                end = j + ch.len_utf8();
                iter.next();
                continue;
            }
            // Internal joiners: apostrophe between letters, dot in acronyms (U.S.),
            // comma or dot between digits (400,000 / 3.2).
            let next = text[j + ch.len_utf8()..].chars().next();
            let prev = text[..j].chars().next_back();
            let joins = match ch {
                '\'' => {
                    next.is_some_and(char::is_alphabetic) && prev.is_some_and(char::is_alphabetic)
                }
                ',' => {
                    prev.is_some_and(|p| p.is_ascii_digit())
                        && text[j + 1..]
                            .bytes()
                            .take(3)
                            .filter(u8::is_ascii_digit)
                            .count()
                            == 3
                        && !bytes.get(j + 4).is_some_and(u8::is_ascii_digit)
                }
                '.' => {
                    (prev.is_some_and(|p| p.is_ascii_digit())
                        && next.is_some_and(|n| n.is_ascii_digit()))
                        || (prev.is_some_and(char::is_uppercase)
                            && next.is_some_and(char::is_uppercase)
                            && is_single_letter_before(text, j))
                }
                _ => false,
            };
            if !joins {
                // Trailing dot of an acronym like "U.S." belongs to it.
                if ch == '.' && prev.is_some_and(char::is_uppercase) && text[start..j].contains('.')
                {
                    end = j + 1;
                    iter.next();
                }
                break;
            }
            iter.next();
        }
        let surface = &text[start..end];
        let mut token = make_token(surface, offset + start..offset + end, stemmer);
        // "so-called", "much-reported": the end of a compound reports no one's words.
        if token.attribution && text[..start].ends_with('-') {
            let before = text[..start - 1].chars().next_back();
            token.attribution = !before.is_some_and(char::is_alphanumeric);
        }
        out.push(token);
    }
}

fn is_single_letter_before(text: &str, dot: usize) -> bool {
    let mut rev = text[..dot].chars().rev();
    let _letter = rev.next();
    rev.next().is_none_or(|c| !c.is_alphanumeric())
}

fn make_token(surface: &str, range: Range<usize>, stemmer: &Stemmer) -> Token {
    let first = surface.chars().next().unwrap_or(' ');
    let numeric = first.is_ascii_digit();
    let acronym = surface.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && surface
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase);
    let mut lower = if surface.is_ascii() {
        let mut lower = CompactString::from(surface);
        lower.make_ascii_lowercase();
        lower
    } else {
        CompactString::from_str_to_lowercase(surface)
    };
    if acronym || lower.contains('.') && !numeric {
        lower.retain(|c| c != '.');
    }
    for suffix in ["'s", "s'"] {
        if lower.len() > suffix.len() + 1 && lower.ends_with(suffix) {
            lower.truncate(lower.len() - if suffix == "'s" { 2 } else { 1 });
        }
    }
    let Lexeme {
        stem,
        stop,
        attribution,
    } = if numeric {
        Lexeme {
            stem: lower.clone(),
            stop: is_stopword(&lower),
            attribution: false,
        }
    } else {
        lexeme(&lower, stemmer)
    };
    Token {
        range,
        cap: first.is_uppercase(),
        acronym,
        numeric,
        stop,
        attribution,
        lower,
        stem,
    }
}

/// Words memoized per thread before the cache is emptied (bounds its memory).
const CACHE_WORDS: usize = 200_000;

thread_local! {
    /// What this thread knows of the words it has seen (stem, stopword, reporting verb).
    /// Snowball stemming is a large share of an article's analysis and news reuses its
    /// words; a pure function memoized, so results never depend on what was analysed
    /// before.
    static STEMS: std::cell::RefCell<rustc_hash::FxHashMap<CompactString, Lexeme>> =
        std::cell::RefCell::new(rustc_hash::FxHashMap::default());
}

/// What is memoized of a word.
#[derive(Clone)]
struct Lexeme {
    stem: CompactString,
    stop: bool,
    attribution: bool,
}

/// The Snowball stem of `lower`, whether it is a stopword and a reporting verb.
fn lexeme(lower: &str, stemmer: &Stemmer) -> Lexeme {
    STEMS.with(|cache| {
        let mut cache = cache.borrow_mut();
        if let Some(hit) = cache.get(lower) {
            return hit.clone();
        }
        if cache.len() >= CACHE_WORDS {
            cache.clear();
        }
        let value = Lexeme {
            stem: CompactString::from(stemmer.stem(lower).as_ref()),
            stop: is_stopword(lower),
            attribution: crate::features::cues::is_attribution_verb(lower),
        };
        cache.insert(CompactString::from(lower), value.clone());
        value
    })
}

/// The stem a token of lowercased surface `lower` gets (numbers are their own stem), for
/// looking a word up where only its text is at hand.
pub fn stem(lower: &str) -> CompactString {
    if lower.starts_with(|c: char| c.is_ascii_digit()) {
        CompactString::from(lower)
    } else {
        lexeme(lower, stemmer()).stem
    }
}

fn stemmer() -> &'static Stemmer {
    static STEMMER: OnceLock<Stemmer> = OnceLock::new();
    STEMMER.get_or_init(|| Stemmer::create(Algorithm::English))
}

/// Function words and the reporting verbs that paraphrases swap freely.
pub fn is_stopword(lower: &str) -> bool {
    STOPWORDS.binary_search(&lower).is_ok()
}

// Sorted; checked by a test.
const STOPWORDS: &[&str] = &[
    "a",
    "about",
    "above",
    "after",
    "again",
    "against",
    "all",
    "also",
    "am",
    "an",
    "and",
    "any",
    "are",
    "aren't",
    "as",
    "at",
    "be",
    "because",
    "been",
    "before",
    "being",
    "below",
    "between",
    "both",
    "but",
    "by",
    "can",
    "cannot",
    "could",
    "couldn't",
    "did",
    "didn't",
    "do",
    "does",
    "doesn't",
    "doing",
    "don't",
    "down",
    "during",
    "each",
    "few",
    "for",
    "from",
    "further",
    "had",
    "hadn't",
    "has",
    "hasn't",
    "have",
    "haven't",
    "having",
    "he",
    "her",
    "here",
    "hers",
    "herself",
    "him",
    "himself",
    "his",
    "how",
    "i",
    "if",
    "in",
    "into",
    "is",
    "isn't",
    "it",
    "it's",
    "its",
    "itself",
    "just",
    "me",
    "might",
    "more",
    "most",
    "mr",
    "mrs",
    "ms",
    "must",
    "my",
    "myself",
    "no",
    "nor",
    "not",
    "now",
    "of",
    "off",
    "on",
    "once",
    "only",
    "or",
    "other",
    "our",
    "ours",
    "ourselves",
    "out",
    "over",
    "own",
    "said",
    "same",
    "say",
    "says",
    "she",
    "should",
    "so",
    "some",
    "such",
    "than",
    "that",
    "the",
    "their",
    "theirs",
    "them",
    "themselves",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "through",
    "to",
    "told",
    "too",
    "under",
    "until",
    "up",
    "very",
    "was",
    "wasn't",
    "we",
    "were",
    "weren't",
    "what",
    "when",
    "where",
    "which",
    "while",
    "who",
    "whom",
    "why",
    "will",
    "with",
    "won't",
    "would",
    "wouldn't",
    "you",
    "your",
    "yours",
];

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, expect: &[&str]) {
        let got: Vec<String> = tokenize(text, 0)
            .into_iter()
            .map(|t| t.lower.to_string())
            .collect();
        assert_eq!(got, expect);
    }

    #[test]
    fn stopwords_sorted() {
        assert!(STOPWORDS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn joins_acronyms_numbers_apostrophes() {
        check(
            "The U.S. paid $400,000 (3.2%) to Lavrov's aide, didn't it?",
            &[
                "the", "us", "paid", "400,000", "3.2", "to", "lavrov", "aide", "didn't", "it",
            ],
        );
    }

    #[test]
    fn years_and_lists_stay_apart() {
        check(
            "In 1937, 12,5 and 2,000,000.",
            &["in", "1937", "12", "5", "and", "2,000,000"],
        );
    }

    #[test]
    fn a_compound_ending_on_a_reporting_verb_reports_nothing() {
        let reporting: Vec<String> = tokenize("the so-called plan, he said - told them", 0)
            .into_iter()
            .filter(|t| t.attribution)
            .map(|t| t.lower.to_string())
            .collect();
        assert_eq!(reporting, ["said", "told"]);
    }

    #[test]
    fn token_ranges_are_exact() {
        let text = "Mr. Smith's U.S. trip";
        let toks = tokenize(text, 10);
        let surfaces: Vec<&str> = toks
            .iter()
            .map(|t| &text[t.range.start - 10..t.range.end - 10])
            .collect();
        assert_eq!(surfaces, ["Mr", "Smith's", "U.S.", "trip"]);
        assert!(toks[2].acronym && toks[1].cap && !toks[3].cap);
    }
}
