//! `compare` of two ~1,000-word articles (target: ≤ 5 ms on one core).
//!
//! The articles are the example corpus's original and its LLM-style rewrite, each
//! repeated four and a half times with the places renamed so the parts are distinct stories.
//! Run: `cargo bench -p unspin-core --bench compare`.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use unspin_core::verdict::Relation;
use unspin_core::{Article, Config, compare};

const ORIGINAL: &str = include_str!("../../../examples/corpus/original.md");
const REWRITE: &str = include_str!("../../../examples/corpus/rewrite-llm.txt");

/// The story four times over (and a half), with the bridge and towns renamed.
fn scaled(text: &str) -> String {
    let bridges = ["Harlan", "Corvin", "Bellamy", "Dorset", "Ellery"];
    let towns = ["Dunmore", "Eastleigh", "Fordham", "Grange", "Hollins"];
    let mut out: Vec<String> = bridges
        .iter()
        .zip(towns)
        .map(|(bridge, town)| text.replace("Harlan", bridge).replace("Dunmore", town))
        .collect();
    let last = out.pop().unwrap_or_default();
    out.push(last.split("\n\n").take(5).collect::<Vec<_>>().join("\n\n"));
    out.join("\n\n")
}

fn bench(c: &mut Criterion) {
    let a = Article::new("original", scaled(ORIGINAL));
    let b = Article::new("rewrite", scaled(REWRITE));
    let words = |t: &str| t.split_whitespace().count();
    eprintln!("articles: {} and {} words", words(&a.text), words(&b.text));
    let cfg = Config::default();
    let result = compare(&a, &b, &cfg);
    assert_eq!(result.verdict.relation, Relation::Rewrite);
    assert!(
        result.changes.len() >= 30,
        "{} changes",
        result.changes.len()
    );
    c.bench_function("compare 1000-word rewrite", |bench| {
        bench.iter(|| compare(black_box(&a), black_box(&b), &cfg))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
