//! Step 3 of a scan: every candidate pair verified by the full comparison, in work
//! units that read and analyse each article about once.

use rustc_hash::{FxHashMap, FxHashSet};
use unspin_core::doc::Doc;
use unspin_core::verdict::Relation;
use unspin_core::{Article, Assessment, ChangesFor, Config, assess};

use super::{DisjointSets, Pair, ScanContext, Stage};
use crate::articles::Articles;

/// Verification of candidate pairs in work units: a connected component of the candidate
/// graph, or a slice of a big one with its pairs in breadth-first order, so that the
/// articles of a slice are mostly neighbours. A unit reads its articles once, analyses
/// each (boilerplate marked) on first use and drops the analysis after the article's last
/// pair in the unit: an article is analysed once per unit it appears in. Units of many
/// pairs are verified by all threads together, one after another; the others are taken
/// by the threads in turn. Results come back in candidate order.
pub(super) struct Verify<'v, A: Articles + ?Sized> {
    pub(super) articles: &'v A,
    pub(super) context: &'v ScanContext,
    pub(super) cfg: &'v Config,
    pub(super) threads: usize,
    pub(super) progress: &'v (dyn Fn(Stage) + Sync),
}

/// Candidate pairs (indices) found related, with their pair.
type Found = Vec<(usize, Pair)>;

impl<A: Articles + ?Sized> Verify<'_, A> {
    /// The related pairs among `candidates`, in their order.
    pub(super) fn run(&self, candidates: &[(u32, u32)]) -> Result<Vec<Pair>, A::Error> {
        let units = work_units(self.articles.len(), candidates);
        let done = std::sync::atomic::AtomicUsize::new(0);
        let shared = units.partition_point(|u| u.len() > SHARED_UNIT_PAIRS);
        let mut found: Found = Vec::new();
        for unit in &units[..shared] {
            let (needed, loaded) = self.read(unit, candidates)?;
            let docs = self.docs(unit, candidates, &needed, &loaded);
            let next = std::sync::atomic::AtomicUsize::new(0);
            found.extend(self.on_threads(|| {
                let mut out = Vec::new();
                loop {
                    let from = next.fetch_add(SHARED_STEP, std::sync::atomic::Ordering::Relaxed);
                    let Some(step) = unit.get(from..(from + SHARED_STEP).min(unit.len())) else {
                        return Ok(out);
                    };
                    self.verify(step, candidates, &docs, &done, &mut out);
                }
            })?);
        }
        let next = std::sync::atomic::AtomicUsize::new(shared);
        found.extend(self.on_threads(|| {
            let mut out = Vec::new();
            loop {
                let u = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                let Some(unit) = units.get(u) else {
                    return Ok(out);
                };
                let (needed, loaded) = self.read(unit, candidates)?;
                let docs = self.docs(unit, candidates, &needed, &loaded);
                self.verify(unit, candidates, &docs, &done, &mut out);
            }
        })?);
        found.sort_by_key(|(k, _)| *k);
        Ok(found.into_iter().map(|(_, p)| p).collect())
    }

    /// The articles `unit`'s pairs need, ascending, and each read.
    fn read(
        &self,
        unit: &[usize],
        candidates: &[(u32, u32)],
    ) -> Result<(Vec<u32>, Vec<Article>), A::Error> {
        let needed = unit_articles(unit, candidates);
        let loaded = needed
            .iter()
            .map(|&m| self.articles.get(m as usize))
            .collect::<Result<_, _>>()?;
        Ok((needed, loaded))
    }

    /// The analyses of `unit`'s articles: `loaded`, numbered `needed`.
    fn docs<'d>(
        &self,
        unit: &[usize],
        candidates: &[(u32, u32)],
        needed: &'d [u32],
        loaded: &'d [Article],
    ) -> UnitDocs<'d, '_> {
        let mut uses = vec![0u32; needed.len()];
        for &k in unit {
            let (i, j) = candidates[k];
            uses[needed.partition_point(|&x| x < i)] += 1;
            uses[needed.partition_point(|&x| x < j)] += 1;
        }
        UnitDocs {
            needed,
            loaded,
            context: self.context,
            slots: uses
                .into_iter()
                .map(|uses| std::sync::Mutex::new(Slot { uses, doc: None }))
                .collect(),
        }
    }

    /// Assess the candidate pairs `unit` picks, adding the related ones to `out`.
    fn verify(
        &self,
        unit: &[usize],
        candidates: &[(u32, u32)],
        docs: &UnitDocs<'_, '_>,
        done: &std::sync::atomic::AtomicUsize,
        out: &mut Found,
    ) {
        let total = candidates.len();
        for &k in unit {
            let (i, j) = candidates[k];
            let (a, b) = (docs.get(i), docs.get(j));
            let c = assess(
                &a,
                &b,
                self.cfg,
                ChangesFor::Derived,
                self.context.common_names(),
            );
            if c.verdict.relation != Relation::Unrelated {
                out.push((k, pair(i as usize, j as usize, &c)));
            }
            drop((a, b));
            docs.used(i);
            docs.used(j);
            let n = done.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1;
            if n.is_multiple_of(64) || n == total {
                (self.progress)(Stage::Verifying(n, total));
            }
        }
    }

    /// `work` run on every thread, their results together.
    fn on_threads(
        &self,
        work: impl Fn() -> Result<Found, A::Error> + Sync,
    ) -> Result<Found, A::Error> {
        if self.threads == 1 {
            return work();
        }
        std::thread::scope(|scope| {
            let handles: Vec<_> = (0..self.threads).map(|_| scope.spawn(&work)).collect();
            let mut all = Vec::new();
            for h in handles {
                all.extend(h.join().unwrap_or_else(|e| std::panic::resume_unwind(e))?);
            }
            Ok(all)
        })
    }
}

/// The articles the candidate pairs `unit` picks need, ascending.
fn unit_articles(unit: &[usize], candidates: &[(u32, u32)]) -> Vec<u32> {
    let mut needed: Vec<u32> = unit
        .iter()
        .flat_map(|&k| [candidates[k].0, candidates[k].1])
        .collect();
    needed.sort_unstable();
    needed.dedup();
    needed
}

/// A work unit's articles, each analysed (boilerplate marked) by the first thread that
/// needs it and dropped after its last pair: memory holds the analyses of the articles
/// whose pairs are under way, not of the whole unit.
struct UnitDocs<'d, 'b> {
    /// Article numbers, ascending.
    needed: &'d [u32],
    loaded: &'d [Article],
    context: &'b ScanContext,
    slots: Vec<std::sync::Mutex<Slot<'d>>>,
}

struct Slot<'d> {
    /// Pairs still to verify with this article.
    uses: u32,
    doc: Option<std::sync::Arc<Doc<'d>>>,
}

impl<'d> UnitDocs<'d, '_> {
    /// The position of article `m`, which must be one of the unit's, and its slot, locked.
    /// A panic elsewhere leaves the slot usable.
    fn slot(&self, m: u32) -> (usize, std::sync::MutexGuard<'_, Slot<'d>>) {
        let k = self.needed.partition_point(|&x| x < m);
        let held = self.slots[k]
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        (k, held)
    }

    /// The analysis of article `m`, which must be one of the unit's.
    fn get(&self, m: u32) -> std::sync::Arc<Doc<'d>> {
        // Held while analysing: a thread needing the same article waits rather than
        // analysing it twice.
        let (k, mut held) = self.slot(m);
        held.doc
            .get_or_insert_with(|| std::sync::Arc::new(self.context.analyse(&self.loaded[k])))
            .clone()
    }

    /// One pair with article `m` done: its analysis goes after the last.
    fn used(&self, m: u32) {
        let (_, mut held) = self.slot(m);
        held.uses = held.uses.saturating_sub(1);
        if held.uses == 0 {
            held.doc = None;
        }
    }
}

/// Articles a work unit holds at most (read, and analysed, until the unit is done).
const UNIT_ARTICLES: usize = 2048;
/// A unit of more pairs than this is verified by all threads together.
const SHARED_UNIT_PAIRS: usize = 512;
/// Pairs a thread takes at a time from a unit verified together.
const SHARED_STEP: usize = 32;

/// The candidates (indices) grouped into work units: one per connected component of the
/// candidate graph over `n` articles; a component of more than `UNIT_ARTICLES` articles
/// is ordered breadth-first from its first article and cut into slices of at most
/// `UNIT_ARTICLES` articles. Most pairs first.
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
        // Breadth-first ranks of the component's articles.
        let mut adjacent: FxHashMap<u32, Vec<u32>> = FxHashMap::default();
        for &k in &pairs {
            let (i, j) = candidates[k];
            adjacent.entry(i).or_default().push(j);
            adjacent.entry(j).or_default().push(i);
        }
        if adjacent.len() <= UNIT_ARTICLES {
            units.push(pairs);
            continue;
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
        // Cut where a slice would need one article too many.
        let mut slice: Vec<usize> = Vec::new();
        let mut held: FxHashSet<u32> = FxHashSet::default();
        for k in pairs {
            let (i, j) = candidates[k];
            let more = usize::from(!held.contains(&i)) + usize::from(!held.contains(&j));
            if held.len() + more > UNIT_ARTICLES {
                units.push(std::mem::take(&mut slice));
                held.clear();
            }
            held.extend([i, j]);
            slice.push(k);
        }
        units.push(slice);
    }
    units.sort_by(|a, b| b.len().cmp(&a.len()).then(a[0].cmp(&b[0])));
    units
}

pub(super) fn pair(a: usize, b: usize, c: &Assessment) -> Pair {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Item;
    use unspin_core::Article;

    #[test]
    fn work_units_cover_every_candidate_once() {
        // A chain of 5000 articles (one big component) and a separate small pair.
        let mut candidates: Vec<(u32, u32)> = (0..4999).map(|i| (i, i + 1)).collect();
        candidates.push((6000, 6001));
        let units = work_units(6002, &candidates);
        assert!(
            units
                .iter()
                .all(|u| unit_articles(u, &candidates).len() <= UNIT_ARTICLES)
        );
        assert_eq!(units.len(), 4, "3 slices of the chain and the pair");
        let mut all: Vec<usize> = units.concat();
        all.sort_unstable();
        assert_eq!(all, (0..candidates.len()).collect::<Vec<_>>());
        // Breadth-first slices of a chain are runs of neighbours.
        assert_eq!(units[0][..3], [0, 1, 2]);
        assert_eq!(units[1][0], UNIT_ARTICLES - 1);
    }

    #[test]
    fn unit_docs_analyse_once_and_drop_after_the_last_pair() {
        let loaded: Vec<Article> = (0..3)
            .map(|k| Article::new(format!("a{k}"), format!("Article number {k}.")))
            .collect();
        let needed = [10, 20, 30];
        let candidates = [(10, 20), (10, 30), (20, 30)];
        let verify = Verify {
            articles: &[] as &[Item],
            context: &ScanContext::default(),
            cfg: &Config::default(),
            threads: 1,
            progress: &|_| {},
        };
        let docs = verify.docs(&[0, 1, 2], &candidates, &needed, &loaded);
        let held = |m: usize| docs.slots[m].lock().unwrap().doc.clone();
        let first = docs.get(10);
        assert_eq!(first.article.text, "Article number 0.");
        assert!(
            std::sync::Arc::ptr_eq(&first, &docs.get(10)),
            "analysed once"
        );
        docs.used(10);
        assert!(held(0).is_some(), "10 has one pair to go");
        docs.used(10);
        assert!(held(0).is_none(), "10 is done");
        assert_eq!(docs.get(30).article.text, "Article number 2.");
        docs.used(30);
        assert!(held(2).is_some());
        assert!(held(1).is_none(), "20 not asked yet");
    }
}
