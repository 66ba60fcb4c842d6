//! `scan`: every copy family in a set of articles.
//!
//! 1. Sentences that recur verbatim across otherwise unrelated articles (bylines,
//!    "Related article" teasers, footers, agency credits, disclaimers) are
//!    boilerplate: removed before fingerprinting and verification, so they never glue
//!    articles together.
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

mod boilerplate;
mod candidates;
mod families;
mod verify;

pub use candidates::HUBS;

use rustc_hash::{FxHashMap, FxHashSet};
use unspin_core::doc::{Depth, Doc};
use unspin_core::verdict::{Relation, Side};
use unspin_core::{Article, CivilDate, CommonNames, Comparison, Config, compare_docs_in};

use crate::articles::{Articles, Indexed, Spill, SpillWriter};
use crate::corpus::{self, Item, Skipped};
use crate::fingerprint::{self, Fingerprint, ScanKey, Sketch, sentence_hash};
use crate::parallel::parallel_map;
use candidates::Runs;
use verify::Verify;

#[derive(Clone, Debug, PartialEq)]
pub struct ScanConfig {
    /// A sentence in at least this many articles, of at most `boilerplate_words` words,
    /// is boilerplate unless those articles are related otherwise (see
    /// `boilerplate::find`).
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
    /// A name word this many articles mention is common in the corpus ("Securities",
    /// "Reuters"): it is no sign that two articles on one template tell the same story
    /// (see `Config::template_min_unshared_names`).
    pub common_name_articles: usize,
    /// Threads verifying candidates (output does not depend on it).
    pub threads: usize,
}

impl Default for ScanConfig {
    fn default() -> ScanConfig {
        ScanConfig {
            boilerplate_min_articles: 3,
            boilerplate_words: 60,
            max_posting: 200,
            min_shared_keys: 3,
            min_shared_key_share: 0.1,
            min_shared_names: 4,
            min_shared_name_share: 0.3,
            common_name_articles: 100,
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
    /// Name words at least `common_name_articles` articles mention.
    pub common_names: usize,
    /// Pairs verified: copy candidates and the same-story candidates touching them.
    pub candidates: usize,
    pub verified_related: usize,
}

pub struct ScanResult {
    pub pairs: Vec<Pair>,
    pub families: Vec<Family>,
    pub stats: ScanStats,
    /// What the scan learnt of its corpus, to view a pair as the scan judged it.
    pub context: ScanContext,
}

/// What a scan knows of its corpus beyond any two articles: the boilerplate sentences it
/// leaves out and the name words many articles mention. Verification analyses and
/// compares articles through it, and so must any later view of a scanned pair, or the
/// view may judge the pair otherwise than the scan did.
#[derive(Clone, Debug, Default)]
pub struct ScanContext {
    boilerplate: FxHashSet<u64>,
    common_names: CommonNames,
}

impl ScanContext {
    /// The analysis of a scanned article, its boilerplate sentences marked.
    pub fn analyse<'a>(&self, article: &'a Article) -> Doc<'a> {
        let mut d = Doc::new(article);
        d.mark_boilerplate(|d, s| self.boilerplate.contains(&sentence_hash(d, s)));
        d
    }

    /// Two scanned articles compared as the scan compared them.
    pub fn compare<'x>(&self, a: &'x Article, b: &'x Article, cfg: &Config) -> Comparison<'x> {
        compare_docs_in(&self.analyse(a), &self.analyse(b), cfg, &self.common_names)
    }

    pub fn common_names(&self) -> &CommonNames {
        &self.common_names
    }
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

    // 1. Boilerplate.
    let boilerplate = boilerplate::find(&sketches, scan_cfg, threads);
    stats.boilerplate_sentences = boilerplate.len();
    // Bands stay as sketched (boilerplate included: a band needs most of two articles'
    // shingles to agree, which a shared footer alone does not give, and verification
    // leaves boilerplate out); sentence keys lose the boilerplate sentences' keys.
    let mut name_entries: Vec<(u32, u32)> = Vec::new();
    let mut name_counts: Vec<usize> = Vec::with_capacity(n_articles);
    let prints: Vec<Fingerprint<ScanKey>> = sketches
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
    let common_names =
        CommonNames::from_sorted_entries(&name_entries, scan_cfg.common_name_articles);
    stats.common_names = common_names.len();
    let mut name_runs = Runs::default();
    name_runs.extend_sorted(&name_entries, scan_cfg.max_posting);
    name_runs.close();
    drop(name_entries);

    // 2. Candidates.
    let (mut band_pairs, hub_bands) = candidates::band_pairs(&prints, scan_cfg.max_posting);
    stats.hub_bands = hub_bands;
    let (key_runs, hub_keys) = candidates::key_runs(&prints, scan_cfg.max_posting, threads);
    stats.hub_keys = hub_keys.len();
    let key_counts: Vec<usize> = prints.iter().map(|p| p.sentence_keys.len()).collect();
    let hub_key_pairs =
        candidates::through_hubs(&prints, &hub_keys, &key_counts, scan_cfg, threads);
    drop((prints, hub_keys));
    // Exact duplicates share an id whatever their fingerprints: each is paired with the
    // first article of its id, through which they form one family (all pairs would be n²
    // for a story crawled or syndicated thousands of times).
    let mut by_id: FxHashMap<u128, Vec<u32>> = FxHashMap::default();
    for k in 0..n_articles {
        by_id.entry(articles.id(k).0).or_default().push(k as u32);
    }
    for list in by_id.values() {
        for &j in &list[1..] {
            band_pairs.insert((list[0], j));
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
    let context = ScanContext {
        boilerplate,
        common_names,
    };
    let ctx = Verify {
        articles,
        context: &context,
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
    let families = families::families(dates, &pairs);
    Ok(ScanResult {
        pairs,
        families,
        stats,
        context,
    })
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

    /// Five short reports on unrelated subjects (no name, number or long word in common).
    const UNRELATED: [&str; 5] = [
        "Ada Fenwick said the harbour council would meet on Tuesday to discuss dredging. \
         Bo Marsh told reporters that berth fees would rise by 14 percent. \
         Residents of Kellport asked for the survey before the vote.",
        "The Wexley railway reopened after engineers replaced 3,000 sleepers. \
         Conductor Priya Anand welcomed passengers aboard the first service at dawn. \
         Timetables promise trains every 20 minutes.",
        "A painting attributed to Orsolya Vamos sold for 86,000 euros in Ghent. \
         Auctioneers had estimated half that figure. \
         Collectors from Lisbon and Oslo bid against each other by telephone.",
        "Frost destroyed most blossom in the Tarrant valley orchards overnight. \
         Grower Hamish Doyle expects a harvest below 40 tonnes. \
         Insurers are inspecting damaged trees this week.",
        "Students at Northgate Academy built a satellite the size of a shoebox. \
         Teacher Mireille Okafor said it will launch from Cornwall in 2027. \
         Sponsorship covered the 12 solar panels.",
    ];

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
        let result = one_family_of_all(&items);
        assert!(result.stats.hub_bands > 0, "{:?}", result.stats);
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
    fn a_story_more_articles_rewrite_than_max_posting_is_one_family() {
        // Thirty rewrites of one story, each rewording its own words (so they share no
        // LSH band) around the same names and numbers; every sentence key the story
        // gives is held by more than eight articles, and they span several sentences.
        let people = ["Ada Fenwick", "Bo Marsh", "Kell"];
        let more = "Harbourmaster Lena Quist told the Kellport Gazette that 312 berths and \
                    48 moorings would close for 19 weeks from October. \
                    Councillor Omar Reyes said the 2026 budget set aside 4.2 million \
                    pounds for the Kellport breakwater and 600,000 pounds for dredging.";
        let original = story("harbour", &people, more);
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
        let result = one_family_of_all(&items);
        assert!(result.stats.hub_keys > 0, "{:?}", result.stats);
    }

    /// Scans `items` with a `max_posting` of 8 and checks they form one family.
    fn one_family_of_all(items: &[Item]) -> ScanResult {
        let cfg = ScanConfig {
            max_posting: 8,
            ..ScanConfig::default()
        };
        let result = scan(items, &Config::default(), &cfg);
        assert_eq!(result.families.len(), 1, "{:?}", result.stats);
        assert_eq!(
            result.families[0].members.len(),
            items.len(),
            "{:?}",
            result.stats
        );
        result
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
    fn thousands_of_exact_duplicates_are_one_family_without_all_pairs() {
        // One story stored 60 times (crawled again and again): one family, verified
        // through the first copy and the bands' first holders, not all 1,770 pairs.
        let text = story("harbour", &["Ada Fenwick", "Bo Marsh", "Kell"], "");
        let items: Vec<Item> = (0..60)
            .map(|k| item(Article::new(format!("crawl-{k}"), text.clone())))
            .collect();
        let result = one_family_of_all(&items);
        assert!(
            result.stats.candidates <= 60 * (HUBS + 1),
            "{:?}",
            result.stats
        );
        assert!(
            result
                .pairs
                .iter()
                .all(|p| p.relation == Relation::Duplicate),
            "{:?}",
            result.pairs
        );
    }

    #[test]
    fn wire_items_on_one_template_form_no_family_but_a_corrected_item_does() {
        // Eight dividend items, one template filled in for eight companies, and a
        // corrected version of the first (its date fixed): one family of two.
        let companies = [
            ("Harwick Tools", "May 4"),
            ("Pellam Foods", "June 9"),
            ("Ostrava Mining", "April 22"),
            ("Quenby Textiles", "May 30"),
            ("Larkspur Media", "June 2"),
            ("Tolland Freight", "April 28"),
            ("Bexley Optics", "May 18"),
            ("Corvane Chemical", "June 14"),
        ];
        // Two facts differ between items (the company and the date): too few for a
        // template by count; the subjects tell them apart.
        let item_text = |name: &str, date: &str| {
            format!(
                "{name} Inc said its board declared a quarterly dividend of 12 cts a \
                 share, payable {date} to holders of record two weeks earlier. The company \
                 said the payout reflected steady demand for its products across its markets."
            )
        };
        let mut items: Vec<Item> = companies
            .iter()
            .map(|&(name, date)| item(Article::new(name, item_text(name, date))))
            .collect();
        items.push(item(Article::new(
            "correction",
            item_text("Harwick Tools", "May 14"),
        )));
        let result = scan(&items, &Config::default(), &ScanConfig::default());
        let families: Vec<Vec<usize>> = result
            .families
            .iter()
            .map(|f| f.members.iter().map(|m| m.item).collect())
            .collect();
        assert_eq!(families, [vec![0, 8]], "{:?}", result.pairs);
    }

    #[test]
    fn filings_sharing_only_names_every_filing_carries_form_no_family() {
        // Offering items of ten companies, each with its own underwriters: the only
        // names they share are the ones every filing carries. The corrected version of
        // the first item (its name misspelt) is its copy.
        let companies = [
            ("Harwick Tools Corp", "Ambrose Merchant Inc"),
            ("Pellam Foods Corp", "Fraser Gordon and Co"),
            ("Ostrava Mining Corp", "Dunmore Vail Inc"),
            ("Quenby Textiles Corp", "Ellery Stroud and Co"),
            ("Larkspur Media Corp", "Kestrel Baynes Inc"),
            ("Tolland Freight Corp", "Marrow Quill and Co"),
            ("Bexley Optics Corp", "Norrland Pike Inc"),
            ("Corvane Chemical Corp", "Osgood Tallis and Co"),
            ("Drummond Paper Corp", "Presley Ward Inc"),
            ("Elstree Pumps Corp", "Ransome Hale and Co"),
        ];
        // Two facts differ between items (the company and the managers): too few for a
        // template by count, and each item's most-named words are the commission's.
        let filing = |name: &str, managers: &str| {
            format!(
                "{name} said it filed with the Securities and Exchange Commission for a \
                 proposed offering of subordinated notes.\n\nThe notes will be sold once the \
                 Securities and Exchange Commission declares the filing effective, through \
                 underwriters managed by {managers}."
            )
        };
        let mut items: Vec<Item> = companies
            .iter()
            .map(|(name, managers)| item(Article::new(*name, filing(name, managers))))
            .collect();
        items.push(item(Article::new(
            "correction",
            filing("Harwik Tools Corp", companies[0].1),
        )));
        let scan_cfg = ScanConfig {
            common_name_articles: 5,
            ..ScanConfig::default()
        };
        let result = scan(&items, &Config::default(), &scan_cfg);
        // The commission's three name words and "Corp", "Inc", "Co".
        assert_eq!(result.stats.common_names, 6, "{:?}", result.stats);
        assert_eq!(families_of(&result), [vec![0, 10]], "{:?}", result.pairs);
        // Without knowing which names are common, the filings are copies of each other.
        let unaware = ScanConfig {
            common_name_articles: usize::MAX,
            ..scan_cfg
        };
        let result = scan(&items, &Config::default(), &unaware);
        assert_eq!(result.stats.common_names, 0);
        assert_eq!(families_of(&result), [Vec::from_iter(0..11)]);
    }

    /// The items of `result`'s families, each as its members' items.
    fn families_of(result: &ScanResult) -> Vec<Vec<usize>> {
        result
            .families
            .iter()
            .map(|f| f.members.iter().map(|m| m.item).collect())
            .collect()
    }

    #[test]
    fn a_long_line_unrelated_articles_end_with_is_boilerplate() {
        // Five unrelated reports ending in one 41-word disclaimer: it is boilerplate,
        // and its words link no article to another (as a long line, it was taken for a
        // passage they reuse).
        const DISCLAIMER: &str = "This report was prepared by the regional newsroom \
            cooperative for distribution to member publishers under the standard \
            syndication agreement, and it may not be reproduced, redistributed, \
            broadcast or rewritten in any form without prior written permission from \
            the cooperative's licensing office.";
        let items: Vec<Item> = UNRELATED
            .iter()
            .enumerate()
            .map(|(k, t)| {
                item(Article::new(
                    format!("site{k}"),
                    format!("{t}\n\n{DISCLAIMER}"),
                ))
            })
            .collect();
        let result = scan(&items, &Config::default(), &ScanConfig::default());
        assert_eq!(result.stats.boilerplate_sentences, 1, "{:?}", result.stats);
        assert_eq!(result.pairs, [], "{:?}", result.stats);
    }

    #[test]
    fn a_story_of_short_sentences_copied_again_and_again_is_one_family() {
        // Six copies of a story of short sentences, each with its own closing line:
        // every line of the story recurs in six articles, which share nothing else —
        // the same picture as a footer, but the lines are most of each article.
        let people = ["Ada Fenwick", "Bo Marsh", "Kell"];
        let items: Vec<Item> = (0..6)
            .map(|k| {
                let note = ["Filed by the desk.", "More to follow.", "Updated at noon."][k % 3];
                item(Article::new(
                    format!("copy-{k}"),
                    story("harbour", &people, &format!("{note} Ref {}.", 7919 * k)),
                ))
            })
            .collect();
        let result = scan(&items, &Config::default(), &ScanConfig::default());
        assert_eq!(families_of(&result), [(0..6).collect::<Vec<_>>()]);
    }

    #[test]
    fn lines_verbatim_copies_repeat_stay_in_the_rewrites_family() {
        // An original, four verbatim copies (each with its own closing line) and two
        // rewrites: the original's lines recur in five articles, and the rewrites
        // share none of them verbatim, only the words they reword — which must not be
        // left out when judging whether the rewrites belong to the family.
        let people = ["Ada Fenwick", "Bo Marsh", "Kell"];
        let more = "Harbourmaster Lena Quist told the Kellport Gazette that 312 berths and \
                    48 moorings would close for 19 weeks from October while contractors \
                    rebuilt the northern breakwater and dredged the approach channel. \
                    Councillor Omar Reyes said the 2026 budget set aside 4.2 million pounds \
                    for the Kellport breakwater and 600,000 pounds for dredging the channel \
                    before the autumn storms arrive.";
        let original = story("harbour", &people, more);
        let mut texts = vec![original.clone()];
        for k in 1..5 {
            texts.push(format!(
                "{original}\n\nCopy {k} filed with reference {}.",
                7919 * k
            ));
        }
        texts.push(
            original
                .replace(
                    "would meet on Tuesday to discuss",
                    "is set to convene on Tuesday to debate",
                )
                .replace("told the Kellport Gazette", "informed the Kellport Gazette")
                .replace("set aside", "earmarked")
                .replace(
                    "before the autumn storms arrive",
                    "ahead of the autumn gales",
                ),
        );
        texts.push(
            original
                .replace("told reporters that", "said to journalists that")
                .replace("would close for 19 weeks", "are to shut for 19 weeks")
                .replace("rebuilt", "reconstructed")
                .replace("said the 2026 budget", "noted that the 2026 budget"),
        );
        let items: Vec<Item> = texts
            .into_iter()
            .enumerate()
            .map(|(k, t)| item(Article::new(format!("a{k}"), t)))
            .collect();
        let result = scan(&items, &Config::default(), &ScanConfig::default());
        assert_eq!(
            families_of(&result),
            [(0..7).collect::<Vec<_>>()],
            "{:?}",
            result.pairs
        );
    }

    #[test]
    fn a_scanned_pair_is_viewed_as_the_scan_judged_it() {
        let footer = "Subscribers can read every edition of the Kellport Gazette online, \
            including the archive of past issues, and letters to the editor should include \
            a full name and a home address, while the Gazette corrects errors of fact in \
            print and online as soon as readers report them to the news desk.";
        let original = "Ada Fenwick said the harbour council would meet on Tuesday to \
            discuss dredging the eastern channel. Bo Marsh told reporters that berth fees \
            would rise by 14 percent from the spring. Residents of Kellport asked for the \
            full survey of the seabed before the vote. The last dredging of the channel \
            took place eleven years ago at a cost of two million pounds. Fishermen say \
            silt has made the channel unsafe for larger boats at low tide.";
        let reuse = "Ada Fenwick said the harbour council would meet on Tuesday to discuss \
            dredging the eastern channel. Bo Marsh told reporters that berth fees would \
            rise by 14 percent from the spring. A new ferry to Oslo will start in May, \
            its operator said. The company has ordered two vessels from a yard in Gdansk. \
            Tickets will go on sale in the first week of March.";
        let mut items: Vec<Item> = UNRELATED[1..5]
            .iter()
            .enumerate()
            .map(|(k, t)| item(Article::new(format!("site{k}"), format!("{t}\n\n{footer}"))))
            .collect();
        for (name, text) in [("original", original), ("reuse", reuse)] {
            items.push(item(Article::new(name, format!("{text}\n\n{footer}"))));
        }
        let cfg = Config::default();
        let result = scan(&items, &cfg, &ScanConfig::default());
        assert_eq!(result.stats.boilerplate_sentences, 1, "{:?}", result.stats);
        let pair = result
            .pairs
            .iter()
            .find(|p| (p.a, p.b) == (4, 5))
            .expect("the two are related");
        let (a, b) = (&items[4].article, &items[5].article);
        // On their own the shared footer aligns too; the scan leaves it out.
        let alone = unspin_core::compare(a, b, &cfg).verdict.relation;
        assert_ne!(alone, pair.relation);
        assert_eq!(
            result.context.compare(a, b, &cfg).verdict.relation,
            pair.relation
        );
    }

    #[test]
    fn boilerplate_is_what_unrelated_articles_repeat() {
        let mut items: Vec<Item> = UNRELATED[..4]
            .iter()
            .enumerate()
            .map(|(k, t)| item(Article::new(format!("site{k}"), format!("{t} {FOOTER}"))))
            .collect();
        // The first report syndicated twice, edited: its lines recur in three articles,
        // as the footer does, but they are copies of one story.
        for k in 0..2 {
            let copy = UNRELATED[0].replace("on Tuesday", &format!("on Tuesday ({k})"));
            items.push(item(Article::new(format!("copy{k}"), copy)));
        }
        let result = scan(&items, &Config::default(), &ScanConfig::default());
        // The footer (4 unrelated articles) is boilerplate; the syndicated lines are not.
        assert_eq!(result.stats.boilerplate_sentences, 1);
        assert_eq!(families_of(&result), [vec![0, 4, 5]]);
    }
}
