//! `unspin trace`: read the article and its candidate sources, trace, print.

use std::io::Write;

use anyhow::{Context, Result};
use unspin_core::trace::Derivation;
use unspin_core::{Article, Config, trace};

use crate::args::TraceArgs;
use crate::commands::Outcome;
use crate::input::read_path;

pub fn run(args: &TraceArgs, cfg: &Config) -> Result<Outcome> {
    let opts = args.input.read_options();
    let article = read_path(&args.article, &opts)?;
    let sources: Vec<Article> = args
        .sources
        .iter()
        .map(|p| read_path(p, &opts))
        .collect::<Result<_>>()?;
    let t = trace(&article, &sources, cfg);
    if let Some(path) = &args.html {
        std::fs::write(path, unspin_report::html::trace(&t))
            .with_context(|| format!("cannot write {}", path.display()))?;
    }
    let out = if args.json {
        unspin_report::trace::json(&t)
    } else {
        unspin_report::trace::text(&t)
    };
    let mut stdout = std::io::stdout().lock();
    stdout.write_all(out.as_bytes())?;
    stdout.flush()?;
    Ok(if t.derivation == Derivation::None {
        Outcome::NotFound
    } else {
        Outcome::Found
    })
}
