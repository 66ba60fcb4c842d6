//! `compare` of inputs no article looks like but a crawl holds: text that never ends a
//! sentence, with tens of thousands of numbers, dates or quotes in that one sentence, and
//! thousands of paragraphs repeating one quote, or of near-identical sentences.
//! Each used to cost n² (a 300,000-number text 66 s, 10,000 quotes 18 s and 3.5 GB,
//! 50,000 near-identical sentences 20 s);
//! these measure that they now grow about as n log n. Compared with themselves, so the
//! whole pipeline, change detection included, runs on the worst case.
//! Run: `cargo bench -p unspin-core --bench pathological`.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use unspin_core::{Article, Config, compare};

const NAMES: &[&str] = &["Berg", "Haddad", "Fischer", "Okoro"];

fn numbers(n: usize) -> String {
    (0..n).map(|i| i.to_string()).collect::<Vec<_>>().join(" ")
}

fn dates(n: usize) -> String {
    (0..n)
        .map(|i| format!("March {}, {}", i % 28 + 1, 1990 + i % 30))
        .collect::<Vec<_>>()
        .join(" and ")
}

fn quotes(n: usize) -> String {
    (0..n)
        .map(|i| format!("{} said \"word {i} here\" and", NAMES[i % NAMES.len()]))
        .collect::<Vec<_>>()
        .join(" ")
}

/// An interview of many answers with the same tag quote: thousands of identical quotes.
fn tags(n: usize) -> String {
    (0..n)
        .map(|i| format!("\"I went there {i},\" he said. \"And back,\" she said."))
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// A ledger of near-identical sentences (the same words but an item number and a day),
/// as long listings are: exhaustive alignment visits every pair sharing a word.
fn ledger(n: usize) -> String {
    (0..n)
        .map(|i| format!("The depot logged item {i} on day {} of the audit.", i % 30))
        .collect::<Vec<_>>()
        .chunks(5)
        .map(|p| p.join(" "))
        .collect::<Vec<_>>()
        .join("\n\n")
}

fn bench(c: &mut Criterion) {
    let cfg = Config::default();
    let mut group = c.benchmark_group("pathological");
    group.sample_size(10);
    for (name, text) in [
        ("40,000 numbers in one sentence", numbers(40_000)),
        ("20,000 dates in one sentence", dates(20_000)),
        ("5,000 quotes in one sentence", quotes(5_000)),
        ("2,000 paragraphs ending in the same quote", tags(2_000)),
        ("20,000 near-identical sentences", ledger(20_000)),
    ] {
        let a = Article::new("a", text.clone());
        let b = Article::new("b", text);
        group.bench_function(name, |bench| {
            bench.iter(|| compare(black_box(&a), black_box(&b), &cfg))
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
