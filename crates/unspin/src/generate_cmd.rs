//! `unspin generate --from PATH... --out DIR`: a corpus with planted copy families.
//!
//! Writes DIR/corpus.jsonl (`{"id", "title", "date", "text"}` per document) and
//! DIR/truth.jsonl (`{"id", "kind": "original" | "exact" | "near" | "rewrite" |
//! "singleton", "family": n | null, "source": id | null}`), line k describing the
//! document on line k of corpus.jsonl.

use std::io::{BufWriter, Write};

use anyhow::{Context, Result, bail};
use serde_json::json;
use unspin_generate::{GenConfig, generate};
use unspin_index::corpus;

use crate::args::GenerateArgs;
use crate::commands::Outcome;

pub fn run(args: &GenerateArgs) -> Result<Outcome> {
    let (items, unreadable) = corpus::read_all(&args.from, &args.input.read_options());
    let skipped = unreadable.len();
    let pool: Vec<unspin_core::Article> = items.into_iter().map(|i| i.article).collect();
    if pool.is_empty() {
        bail!(
            "no articles to build from in {}",
            args.from
                .iter()
                .map(|p| p.display().to_string())
                .collect::<Vec<_>>()
                .join(", ")
        );
    }
    let docs = generate(
        &pool,
        &GenConfig {
            docs: args.docs,
            family_share: args.family_share,
            seed: args.seed,
            min_words: args.min_words,
        },
    );
    std::fs::create_dir_all(&args.out)
        .with_context(|| format!("cannot create {}", args.out.display()))?;
    let create = |name: &str| -> Result<BufWriter<std::fs::File>> {
        let path = args.out.join(name);
        Ok(BufWriter::new(std::fs::File::create(&path).with_context(
            || format!("cannot create {}", path.display()),
        )?))
    };
    let (mut corpus_out, mut truth_out) = (create("corpus.jsonl")?, create("truth.jsonl")?);
    for (k, d) in docs.iter().enumerate() {
        let id = format!("d{k}");
        serde_json::to_writer(
            &mut corpus_out,
            &json!({"id": id, "title": d.title, "date": d.date.to_string(), "text": d.text}),
        )?;
        corpus_out.write_all(b"\n")?;
        serde_json::to_writer(
            &mut truth_out,
            &json!({"id": id, "kind": d.kind.as_str(), "family": d.family, "source": d.source.map(|s| format!("d{s}"))}),
        )?;
        truth_out.write_all(b"\n")?;
    }
    corpus_out.flush()?;
    truth_out.flush()?;
    let families = docs
        .iter()
        .filter_map(|d| d.family)
        .max()
        .map_or(0, |f| f + 1);
    eprintln!(
        "unspin: {} documents ({families} planted families) from {} articles ({skipped} unreadable) → {}",
        docs.len(),
        pool.len(),
        args.out.display()
    );
    Ok(Outcome::Found)
}
