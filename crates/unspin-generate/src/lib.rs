//! A generator of test corpora with planted copy families, built from real articles.
//!
//! From a pool of articles it makes families — an original and its copies: exact copies,
//! near copies (boilerplate lines added, a few small edits) and rewrites (sentences
//! dropped, swapped and reworded, sentences from other articles inserted, a number, a
//! name and quoted words edited) — and fills the rest with unrelated singletons. The
//! ground truth says which document copies which. Inserted sentences come from "donor"
//! articles that are kept out of the corpus, so no unplanted copying creeps in.
//!
//! Deterministic: the same pool, size and seed give the same corpus on any machine (a
//! SplitMix64 generator, no platform or library randomness).
//!
//! Architecture invariant: generation is a pure function of the pool and the
//! [`GenConfig`]; it reads no files, clock or environment (the `generate` command reads
//! the pool and writes the corpus). It sits above unspin-index only to use the scan's
//! fingerprints when it leaves near-identical pool stories out.

mod filler;

use unspin_core::doc::Doc;
use unspin_core::text::UnitKind;
use unspin_core::{Article, CivilDate};

/// SplitMix64: tiny, fast, and stable forever.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (n > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }

    pub fn chance(&mut self, p: f64) -> bool {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64 <= p
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    Original,
    Exact,
    Near,
    Rewrite,
    Singleton,
    /// Background text from [`filler`], once the pool's articles are used up.
    Filler,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Original => "original",
            Kind::Exact => "exact",
            Kind::Near => "near",
            Kind::Rewrite => "rewrite",
            Kind::Singleton => "singleton",
            Kind::Filler => "filler",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GenDoc {
    pub title: String,
    pub text: String,
    pub date: CivilDate,
    pub kind: Kind,
    /// Family number, for members of a planted family.
    pub family: Option<usize>,
    /// Index (in the output) of the document this one copies.
    pub source: Option<usize>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct GenConfig {
    pub docs: usize,
    /// Share of the documents that belong to a planted family.
    pub family_share: f64,
    pub seed: u64,
    /// Pool articles shorter than this are not used: short wire items are mostly
    /// filled-in templates that resemble each other without copying.
    pub min_words: usize,
}

impl Default for GenConfig {
    fn default() -> GenConfig {
        GenConfig {
            docs: 1000,
            family_share: 0.4,
            seed: 1,
            min_words: 120,
        }
    }
}

/// Longer pool items are data files, not news (the Reuters folder holds a 40,000-word
/// Prolog dump of the CIA World Factbook).
const MAX_POOL_WORDS: usize = 5_000;

/// Share of an article's word 4-grams found in one earlier pool article that makes it a
/// copy of that article.
const POOL_COPY_SHARE: f64 = 0.2;
/// 4-grams in more pool articles than this are stock phrases and not counted.
const POOL_GRAM_MAX_POSTING: usize = 50;

/// Distinct hashed word 4-grams of an article's body.
fn word_grams(doc: &Doc<'_>) -> Vec<u64> {
    let words: Vec<&str> = (0..doc.sentences.len())
        .filter(|&i| doc.sentences[i].kind() == UnitKind::Body)
        .flat_map(|i| doc.sentence_tokens(i).iter().map(|t| t.lower.as_str()))
        .collect();
    let mut grams: Vec<u64> = words
        .windows(4)
        .map(|w| unspin_core::doc::term_hash(&w.join(" ")))
        .collect();
    grams.sort_unstable();
    grams.dedup();
    grams
}

/// Word 4-gram postings of the pool articles seen so far.
#[derive(Default)]
struct GramIndex {
    postings: rustc_hash::FxHashMap<u64, Vec<u32>>,
    sizes: Vec<usize>,
}

impl GramIndex {
    /// Whether `grams` (distinct) and one article already added largely overlap: the
    /// shared 4-grams reach `POOL_COPY_SHARE` of the smaller of the two.
    fn copies_earlier(&self, grams: &[u64]) -> bool {
        let mut shared: rustc_hash::FxHashMap<u32, usize> = rustc_hash::FxHashMap::default();
        for g in grams {
            if let Some(list) = self.postings.get(g)
                && list.len() <= POOL_GRAM_MAX_POSTING
            {
                for &a in list {
                    *shared.entry(a).or_default() += 1;
                }
            }
        }
        shared.iter().any(|(&a, &n)| {
            let smaller = grams.len().min(self.sizes[a as usize]).max(1);
            n as f64 >= POOL_COPY_SHARE * smaller as f64
        })
    }

    /// Add the next article (numbered in order from 0).
    fn add(&mut self, grams: Vec<u64>) {
        let article = self.sizes.len() as u32;
        self.sizes.push(grams.len());
        for g in grams {
            self.postings.entry(g).or_default().push(article);
        }
    }
}

/// An article as title and body sentences.
struct Source {
    title: String,
    sentences: Vec<String>,
}

fn split(doc: &Doc<'_>, min_words: usize) -> Option<Source> {
    let article = doc.article;
    let mut title = article
        .meta
        .title
        .clone()
        .or_else(|| doc.title().map(str::to_string))
        .unwrap_or_default();
    let sentences: Vec<String> = doc
        .sentences
        .iter()
        .filter(|s| s.kind() == UnitKind::Body)
        .map(|s| {
            s.sentence
                .span
                .slice(&article.text)
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect();
    let words: usize = sentences.iter().map(|s| s.split_whitespace().count()).sum();
    if title.is_empty() {
        title = sentences
            .first()?
            .split_whitespace()
            .take(8)
            .collect::<Vec<_>>()
            .join(" ");
    }
    (sentences.len() >= 4 && (min_words..=MAX_POOL_WORDS).contains(&words))
        .then_some(Source { title, sentences })
}

/// Generate a corpus from `pool` (articles with at least 4 sentences and
/// `cfg.min_words` words are used; articles that copy an earlier pool article are left out).
pub fn generate(pool: &[Article], cfg: &GenConfig) -> Vec<GenDoc> {
    let mut rng = Rng::new(cfg.seed);
    // The pool must hold no copies of its own, or unplanted families would spoil the
    // truth. Wire archives re-issue stories under new headlines and papers update their
    // own pieces, so an article is left out when it shares an LSH band with an earlier
    // one or when POOL_COPY_SHARE of its word 4-grams occur in one earlier article (a
    // measure independent of the scanner under test).
    let mut seen_bands = std::collections::BTreeSet::new();
    let mut seen_grams = GramIndex::default();
    let mut sources: Vec<Source> = Vec::new();
    for article in pool {
        let doc = Doc::new(article);
        let bands = unspin_index::fingerprint::fingerprint(&doc).bands;
        let fresh = bands
            .iter()
            .enumerate()
            .all(|(b, key)| !seen_bands.contains(&(b, *key)));
        seen_bands.extend(bands.into_iter().enumerate());
        let grams = word_grams(&doc);
        let copies = seen_grams.copies_earlier(&grams);
        seen_grams.add(grams);
        if fresh
            && !copies
            && let Some(source) = split(&doc, cfg.min_words)
        {
            sources.push(source);
        }
    }
    let chain = filler::Chain::new(
        sources
            .iter()
            .flat_map(|s| s.sentences.iter().map(String::as_str)),
    );
    // Shuffle the pool (Fisher–Yates).
    for k in (1..sources.len()).rev() {
        let j = rng.below(k + 1);
        sources.swap(k, j);
    }
    let mut donors: Vec<Source> = Vec::new();
    let mut docs: Vec<GenDoc> = Vec::new();
    let target_family_docs = (cfg.docs as f64 * cfg.family_share) as usize;
    let mut family = 0;
    let base = CivilDate::new(2024, 1, 1).unwrap_or(CivilDate {
        year: 2024,
        month: 1,
        day: 1,
    });
    let date_after = |d: CivilDate, days: u8| {
        CivilDate::new(d.year, d.month, (d.day + days).min(28)).unwrap_or(d)
    };
    let mut iter = sources.into_iter();
    while docs.len() < target_family_docs {
        let (Some(original), Some(donor)) = (iter.next(), iter.next()) else {
            break;
        };
        let date = CivilDate::new(base.year, 1 + rng.below(12) as u8, 1 + rng.below(20) as u8)
            .unwrap_or(base);
        let o = docs.len();
        docs.push(GenDoc {
            title: original.title.clone(),
            text: render(&original.title, &original.sentences, &mut rng),
            date,
            kind: Kind::Original,
            family: Some(family),
            source: None,
        });
        if rng.chance(0.5) {
            docs.push(GenDoc {
                kind: Kind::Exact,
                source: Some(o),
                date: date_after(date, 1),
                ..docs[o].clone()
            });
        }
        let mut near_at = None;
        if rng.chance(0.8) {
            near_at = Some(docs.len());
            let text = near_copy(&docs[o].text, &mut rng);
            docs.push(GenDoc {
                title: original.title.clone(),
                text,
                date: date_after(date, 1),
                kind: Kind::Near,
                family: Some(family),
                source: Some(o),
            });
        }
        let rewrites = 1 + usize::from(rng.chance(0.5));
        for r in 0..rewrites {
            // A second rewrite sometimes works from the near copy: a chain.
            let from = match near_at {
                Some(n) if r == 1 && rng.chance(0.3) => n,
                _ => o,
            };
            let (title, sentences) = rewrite(&original, &donor, &mut rng);
            docs.push(GenDoc {
                text: render(&title, &sentences, &mut rng),
                title,
                date: date_after(date, 2 + r as u8),
                kind: Kind::Rewrite,
                family: Some(family),
                source: Some(from),
            });
        }
        donors.push(donor);
        family += 1;
    }
    for s in iter.by_ref() {
        if docs.len() >= cfg.docs {
            break;
        }
        let date = CivilDate::new(base.year, 1 + rng.below(12) as u8, 1 + rng.below(28) as u8)
            .unwrap_or(base);
        docs.push(GenDoc {
            text: render(&s.title, &s.sentences, &mut rng),
            title: s.title,
            date,
            kind: Kind::Singleton,
            family: None,
            source: None,
        });
    }
    while docs.len() < cfg.docs {
        let n = 6 + rng.below(15);
        let Some(sentences) = (0..n)
            .map(|_| chain.sentence(&mut rng))
            .collect::<Option<Vec<String>>>()
        else {
            break;
        };
        let title: String = sentences[0]
            .trim_end_matches('.')
            .split(' ')
            .take(7)
            .collect::<Vec<_>>()
            .join(" ");
        let date = CivilDate::new(base.year, 1 + rng.below(12) as u8, 1 + rng.below(28) as u8)
            .unwrap_or(base);
        docs.push(GenDoc {
            text: render(&title, &sentences, &mut rng),
            title,
            date,
            kind: Kind::Filler,
            family: None,
            source: None,
        });
    }
    shuffle_docs(docs, &mut rng)
}

/// Shuffle so families are not adjacent, remapping `source` indices.
fn shuffle_docs(docs: Vec<GenDoc>, rng: &mut Rng) -> Vec<GenDoc> {
    let mut order: Vec<usize> = (0..docs.len()).collect();
    for k in (1..order.len()).rev() {
        let j = rng.below(k + 1);
        order.swap(k, j);
    }
    let mut new_index = vec![0; docs.len()];
    for (new, &old) in order.iter().enumerate() {
        new_index[old] = new;
    }
    order
        .iter()
        .map(|&old| {
            let mut d = docs[old].clone();
            d.source = d.source.map(|s| new_index[s]);
            d
        })
        .collect()
}

/// Title, blank line, then paragraphs of one to three sentences.
fn render(title: &str, sentences: &[String], rng: &mut Rng) -> String {
    let mut out = format!("{title}\n\n");
    let mut k = 0;
    while k < sentences.len() {
        let n = (1 + rng.below(3)).min(sentences.len() - k);
        out.push_str(&sentences[k..k + n].join(" "));
        out.push_str("\n\n");
        k += n;
    }
    out.trim_end().to_string()
}

const BOILERPLATE: &[&str] = &[
    "Follow us for more news from around the region.",
    "Sign up for our daily newsletter to get the top stories in your inbox.",
    "This article was produced with material from news agencies.",
    "Share this story with your friends.",
];

fn near_copy(text: &str, rng: &mut Rng) -> String {
    let mut words: Vec<String> = text.split(' ').map(str::to_string).collect();
    for _ in 0..1 + rng.below(3) {
        let k = rng.below(words.len());
        if let Some(w) = words.get_mut(k)
            && let Some(s) = synonym(w)
        {
            *w = s.to_string();
        }
    }
    let mut out = words.join(" ");
    out.push_str("\n\n");
    out.push_str(BOILERPLATE[rng.below(BOILERPLATE.len())]);
    if rng.chance(0.5) {
        out = format!("By staff reporters\n\n{out}");
    }
    out
}

fn rewrite(original: &Source, donor: &Source, rng: &mut Rng) -> (String, Vec<String>) {
    let mut sentences: Vec<String> = original.sentences.clone();
    // Drop 10-25% of the sentences after the lead.
    let drops = (sentences.len() as f64 * (0.1 + 0.15 * (rng.below(100) as f64 / 100.0))) as usize;
    for _ in 0..drops {
        if sentences.len() > 3 {
            let k = 1 + rng.below(sentences.len() - 1);
            sentences.remove(k);
        }
    }
    // Swap one or two adjacent pairs.
    for _ in 0..1 + rng.below(2) {
        if sentences.len() > 2 {
            let k = 1 + rng.below(sentences.len() - 2);
            sentences.swap(k, k + 1);
        }
    }
    // Reword most sentences.
    for s in sentences.iter_mut() {
        if rng.chance(0.8) {
            *s = reword(s, rng);
        }
    }
    // Edit one number and one name.
    if let Some(k) = (0..sentences.len()).find(|&k| sentences[k].split(' ').any(is_number)) {
        let words: Vec<String> = sentences[k]
            .split(' ')
            .map(|w| {
                if is_number(w) {
                    bump_number(w, rng)
                } else {
                    w.to_string()
                }
            })
            .collect();
        sentences[k] = words.join(" ");
    }
    if let Some(k) = (0..sentences.len()).find(|&k| sentences[k].split(' ').skip(1).any(is_name)) {
        let surname = SURNAMES[rng.below(SURNAMES.len())];
        let mut done = false;
        let words: Vec<String> = sentences[k]
            .split(' ')
            .enumerate()
            .map(|(i, w)| {
                if i > 0 && !done && is_name(w) {
                    done = true;
                    format!("{surname}{}", trailing_punct(w))
                } else {
                    w.to_string()
                }
            })
            .collect();
        sentences[k] = words.join(" ");
    }
    // Insert one or two sentences from the donor.
    for _ in 0..1 + rng.below(2) {
        let s = donor.sentences[rng.below(donor.sentences.len())].clone();
        let at = 1 + rng.below(sentences.len());
        sentences.insert(at.min(sentences.len()), s);
    }
    (reword(&original.title, rng), sentences)
}

fn is_number(w: &str) -> bool {
    let core = w.trim_matches(|c: char| !c.is_ascii_digit());
    !core.is_empty()
        && core.chars().all(|c| c.is_ascii_digit())
        && core.len() <= 6
        && !(core.len() == 4 && (core.starts_with("19") || core.starts_with("20")))
}

fn bump_number(w: &str, rng: &mut Rng) -> String {
    let start = w.find(|c: char| c.is_ascii_digit()).unwrap_or(0);
    let end = w
        .rfind(|c: char| c.is_ascii_digit())
        .map_or(w.len(), |e| e + 1);
    let value: u64 = w[start..end].parse().unwrap_or(0);
    let new = value + 1 + rng.below(9) as u64;
    format!("{}{new}{}", &w[..start], &w[end..])
}

fn is_name(w: &str) -> bool {
    let core = w.trim_end_matches(|c: char| !c.is_alphanumeric());
    core.len() >= 4
        && core.chars().next().is_some_and(char::is_uppercase)
        && core.chars().skip(1).all(char::is_lowercase)
}

fn trailing_punct(w: &str) -> &str {
    let core = w.trim_end_matches(|c: char| !c.is_alphanumeric());
    &w[core.len()..]
}

const SURNAMES: &[&str] = &[
    "Harrowgate",
    "Kesslar",
    "Ondrey",
    "Vantorp",
    "Brisco",
    "Maltby",
    "Quennell",
    "Strade",
];

fn reword(sentence: &str, rng: &mut Rng) -> String {
    sentence
        .split(' ')
        .map(|w| {
            let core = w.trim_end_matches(|c: char| !c.is_alphanumeric());
            match synonym(core) {
                Some(s) if rng.chance(0.85) => format!("{s}{}", &w[core.len()..]),
                _ => w.to_string(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// A small thesaurus of news words (lowercase forms only, so names are never touched).
fn synonym(word: &str) -> Option<&'static str> {
    Some(match word {
        "said" => "stated",
        "says" => "states",
        "told" => "informed",
        "rose" => "climbed",
        "fell" => "dropped",
        "increase" => "rise",
        "increased" => "grew",
        "big" => "large",
        "large" => "sizeable",
        "company" => "firm",
        "firm" => "company",
        "companies" => "firms",
        "government" => "administration",
        "plans" => "intends",
        "expected" => "anticipated",
        "announced" => "unveiled",
        "however" => "yet",
        "also" => "additionally",
        "new" => "fresh",
        "help" => "assist",
        "buy" => "purchase",
        "bought" => "purchased",
        "sold" => "offloaded",
        "show" => "reveal",
        "showed" => "revealed",
        "shows" => "reveals",
        "people" => "individuals",
        "country" => "nation",
        "biggest" => "largest",
        "start" => "begin",
        "started" => "began",
        "ended" => "concluded",
        "end" => "close",
        "deal" => "agreement",
        "market" => "marketplace",
        "profits" => "earnings",
        "profit" => "earnings",
        "sales" => "revenues",
        "jobs" => "positions",
        "chief" => "head",
        "executive" => "boss",
        "officials" => "authorities",
        "report" => "study",
        "reported" => "disclosed",
        "because" => "since",
        "about" => "roughly",
        "around" => "approximately",
        "many" => "numerous",
        "very" => "highly",
        "important" => "significant",
        "problem" => "issue",
        "problems" => "issues",
        "rise" => "increase",
        "cut" => "reduce",
        "cuts" => "reductions",
        "added" => "noted",
        "believe" => "think",
        "believes" => "thinks",
        "could" => "might",
        "would" => "will",
        "strong" => "robust",
        "weak" => "feeble",
        "high" => "elevated",
        "low" => "modest",
        "now" => "currently",
        "before" => "prior to",
        "after" => "following",
        "while" => "whereas",
        "want" => "wish",
        "wants" => "wishes",
        "need" => "require",
        "needs" => "requires",
        "use" => "employ",
        "used" => "employed",
        "make" => "produce",
        "made" => "produced",
        "get" => "obtain",
        "got" => "obtained",
        "give" => "provide",
        "gave" => "provided",
        "take" => "seize",
        "took" => "seized",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Distinct stories: every sentence draws its words from a vocabulary by a
    /// per-story sequence, so no two share many word 4-grams (the pool filter would
    /// leave out near-identical stories).
    fn pool() -> Vec<Article> {
        const WORDS: &[&str] = &[
            "company",
            "profits",
            "market",
            "officials",
            "reporters",
            "trucks",
            "deal",
            "sales",
            "region",
            "government",
            "spending",
            "workers",
            "plant",
            "village",
            "pay",
            "jobs",
            "bank",
            "rates",
            "prices",
            "shares",
            "council",
            "court",
            "police",
            "hospital",
            "school",
            "farmers",
            "harvest",
            "river",
            "bridge",
            "railway",
            "airport",
            "festival",
            "museum",
            "election",
            "voters",
            "union",
        ];
        (0..40u64)
            .map(|k| {
                let mut rng = Rng::new(1000 + k);
                let mut sentence = |n: usize| {
                    let words: Vec<&str> = (0..n).map(|_| WORDS[rng.below(WORDS.len())]).collect();
                    words.join(" ")
                };
                let text = format!(
                    "Story number {k} headline\n\nChief executive Anna Example{k} said {a} {}. \
                     Officials in Town{k} said {}. The report showed {b} {}. \
                     Analysts expected {}. Workers at the plant in Village{k} said {}.",
                    sentence(14),
                    sentence(12),
                    sentence(13),
                    sentence(12),
                    sentence(12),
                    a = 10 + k,
                    b = 100 + k
                );
                Article::new(format!("pool{k}"), text)
            })
            .collect()
    }

    #[test]
    fn pool_filter_leaves_out_reissued_stories() {
        let pool = pool();
        let reissue = Article::new(
            "reissue",
            format!(
                "A new headline for an old story\n\n{}",
                pool[3].text.split_once("\n\n").map_or("", |(_, body)| body)
            ),
        );
        let mut index = GramIndex::default();
        for a in &pool {
            let grams = word_grams(&Doc::new(a));
            assert!(!index.copies_earlier(&grams), "{}", a.meta.origin);
            index.add(grams);
        }
        assert!(index.copies_earlier(&word_grams(&Doc::new(&reissue))));
    }

    #[test]
    fn deterministic_with_planted_families() {
        let cfg = GenConfig {
            docs: 30,
            family_share: 0.5,
            seed: 7,
            min_words: 60,
        };
        let a = generate(&pool(), &cfg);
        let b = generate(&pool(), &cfg);
        assert_eq!(a, b);
        assert_eq!(a.len(), 30);
        let originals = a.iter().filter(|d| d.kind == Kind::Original).count();
        assert!(originals >= 3, "{originals}");
        for d in &a {
            match d.kind {
                Kind::Original | Kind::Singleton | Kind::Filler => assert!(d.source.is_none()),
                _ => {
                    let s = &a[d.source.expect("a copy has a source")];
                    assert_eq!(s.family, d.family);
                    assert!(s.date <= d.date);
                }
            }
            if d.kind == Kind::Exact {
                assert_eq!(d.text, a[d.source.unwrap_or(0)].text);
            }
        }
        let rewrite = a
            .iter()
            .find(|d| d.kind == Kind::Rewrite)
            .expect("a rewrite");
        assert!(
            rewrite.text.contains("stated")
                || rewrite.text.contains("earnings")
                || rewrite.text.contains("firm"),
            "{}",
            rewrite.text
        );
        assert_ne!(generate(&pool(), &GenConfig { seed: 8, ..cfg }), a);
    }

    #[test]
    fn fillers_make_up_the_size_and_copy_nothing() {
        let cfg = GenConfig {
            docs: 120,
            family_share: 0.3,
            seed: 3,
            min_words: 60,
        };
        // Articles of words drawn at random from 400 made-up words: every word recurs
        // often enough for the chain to branch, as common words do in news.
        let mut rng = Rng::new(11);
        let syllables = [
            "ka", "lo", "mi", "ren", "tu", "sa", "vel", "no", "di", "ber",
        ];
        let vocab: Vec<String> = (0..400)
            .map(|_| {
                (0..2 + rng.below(2))
                    .map(|_| syllables[rng.below(10)])
                    .collect()
            })
            .collect();
        let pool: Vec<Article> = (0..40)
            .map(|k| {
                let sentences: Vec<String> = (0..12)
                    .map(|_| {
                        let words: Vec<&str> = (0..15)
                            .map(|_| vocab[rng.below(vocab.len())].as_str())
                            .collect();
                        format!("The {}.", words.join(" "))
                    })
                    .collect();
                Article::new(
                    format!("pool{k}"),
                    format!("Headline {k}\n\n{}", sentences.join(" ")),
                )
            })
            .collect();
        let docs = generate(&pool, &cfg);
        assert_eq!(docs.len(), 120);
        let fillers: Vec<usize> = (0..docs.len())
            .filter(|&k| docs[k].kind == Kind::Filler)
            .collect();
        assert!(fillers.len() > 40, "{}", fillers.len());
        let items: Vec<unspin_index::corpus::Item> = docs
            .iter()
            .enumerate()
            .map(|(k, d)| unspin_index::corpus::item(Article::new(format!("d{k}"), d.text.clone())))
            .collect();
        let result = unspin_index::scan::scan(&items, &Default::default(), &Default::default());
        for p in &result.pairs {
            assert!(
                !(p.relation.is_copy() && (fillers.contains(&p.a) || fillers.contains(&p.b))),
                "{:?} {:?}\n{}\n---\n{}",
                docs[p.a].kind,
                p.relation,
                docs[p.a].text,
                docs[p.b].text
            );
        }
    }

    #[test]
    fn rng_is_pinned() {
        let mut r = Rng::new(1);
        assert_eq!(
            [r.next_u64(), r.next_u64()],
            [0x910a_2dec_8902_5cc1, 0xbeeb_8da1_658e_ec67]
        );
    }
}
