//! Step 4 of a scan: families from the verified pairs, each with its original and every
//! member's most likely source.

use unspin_core::CivilDate;
use unspin_core::verdict::{Relation, Side};

use rustc_hash::{FxHashMap, FxHashSet};

use super::{DisjointSets, Family, Member, Pair};

pub(super) fn families(dates: &[Option<CivilDate>], pairs: &[Pair]) -> Vec<Family> {
    let n = dates.len();
    let mut sets = DisjointSets::new(n);
    // Partial reuse links families without merging them: one shared paragraph must not
    // chain whole families together.
    let derived: Vec<&Pair> = pairs.iter().filter(|p| p.relation.is_copy()).collect();
    for p in &derived {
        sets.union(p.a, p.b);
    }
    let mut groups: FxHashMap<usize, Vec<usize>> = FxHashMap::default();
    for k in 0..n {
        groups.entry(sets.find(k)).or_default().push(k);
    }
    let mut out: Vec<Family> = Vec::new();
    let mut roots: Vec<usize> = groups
        .keys()
        .copied()
        .filter(|r| groups[r].len() > 1)
        .collect();
    roots.sort_unstable();
    // Each family's derived pairs, in pair order (one pass, not one per family).
    let mut family_edges: FxHashMap<usize, Vec<&&Pair>> = FxHashMap::default();
    for p in &derived {
        family_edges.entry(sets.find(p.a)).or_default().push(p);
    }
    // Same-story and partial-reuse links of each family: (linked article, member).
    type Links = (Vec<usize>, Vec<(usize, usize)>);
    let mut links: FxHashMap<usize, Links> = FxHashMap::default();
    for p in pairs {
        let (ra, rb) = (sets.find(p.a), sets.find(p.b));
        if ra == rb {
            continue;
        }
        for (root, outside, member) in [(ra, p.b, p.a), (rb, p.a, p.b)] {
            if groups.get(&root).is_none_or(|g| g.len() < 2) {
                continue;
            }
            let entry = links.entry(root).or_default();
            match p.relation {
                Relation::SameStory => entry.0.push(outside),
                Relation::PartialReuse => entry.1.push((outside, member)),
                _ => {}
            }
        }
    }
    for root in roots {
        let members = &groups[&root];
        let edges: &[&&Pair] = family_edges.get(&root).map_or(&[], Vec::as_slice);
        // Evidence for being the original: directed edges out minus in, then the date.
        let score = |k: usize| -> f64 {
            edges
                .iter()
                .map(|p| match (p.source, p.a == k, p.b == k) {
                    (Some(Side::A), true, _) | (Some(Side::B), _, true) => p.confidence,
                    (Some(Side::A), _, true) | (Some(Side::B), true, _) => -p.confidence,
                    _ => 0.0,
                })
                .sum()
        };
        let original = members
            .iter()
            .copied()
            .max_by(|&x, &y| {
                score(x)
                    .total_cmp(&score(y))
                    .then_with(|| dates[y].cmp(&dates[x]))
                    .then_with(|| y.cmp(&x))
            })
            .unwrap_or(root);
        // Each member's source: its parent on the tree grown from the original, taking
        // the strongest edge first.
        let mut source: FxHashMap<usize, (usize, &Pair)> = FxHashMap::default();
        let mut reached: FxHashSet<usize> = [original].into_iter().collect();
        let mut frontier = vec![original];
        while !frontier.is_empty() {
            let mut next = Vec::new();
            for &from in &frontier {
                let mut out_edges: Vec<&&&Pair> = edges
                    .iter()
                    .filter(|p| p.a == from || p.b == from)
                    .collect();
                out_edges.sort_by(|x, y| {
                    y.confidence
                        .total_cmp(&x.confidence)
                        .then((x.a, x.b).cmp(&(y.a, y.b)))
                });
                for p in out_edges {
                    let to = if p.a == from { p.b } else { p.a };
                    if reached.insert(to) {
                        source.insert(to, (from, p));
                        next.push(to);
                    }
                }
            }
            next.sort_unstable();
            frontier = next;
        }
        let mut list: Vec<Member> = vec![Member {
            item: original,
            source: None,
            relation: None,
            confidence: 0.0,
        }];
        let mut rest: Vec<usize> = members.iter().copied().filter(|&k| k != original).collect();
        rest.sort_unstable();
        for k in rest {
            let (src, p) = source[&k];
            let agrees = matches!(
                (p.source, p.a == src),
                (Some(Side::A), true) | (Some(Side::B), false)
            );
            list.push(Member {
                item: k,
                source: Some(src),
                relation: Some(p.relation),
                confidence: if agrees { p.confidence } else { 0.0 },
            });
        }
        let (mut same, mut partial) = links.remove(&root).unwrap_or_default();
        same.sort_unstable();
        same.dedup();
        partial.sort_unstable();
        partial.dedup();
        out.push(Family {
            original,
            members: list,
            same_story: same,
            partial_reuse: partial,
        });
    }
    out
}
