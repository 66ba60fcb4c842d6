//! The commands. Each one reads its inputs, calls the library and writes its output.

use std::io::{IsTerminal, Write};

use anyhow::{Context, Result};
use unspin_core::Config;
use unspin_report::text::Color;

use crate::args::{Cli, ColorChoice, Command, CompareArgs, EvalCommand};
use crate::input::read_path;

/// What a successful run found, as the exit code says it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    Found,
    NotFound,
}

impl Outcome {
    pub fn code(self) -> u8 {
        match self {
            Outcome::Found => 0,
            Outcome::NotFound => 1,
        }
    }
}

pub fn run(cli: Cli) -> Result<Outcome> {
    let cfg = load_config(cli.config.as_deref())?;
    match cli.command {
        Command::Compare(args) => compare(&args, &cfg),
        Command::Trace(args) => crate::trace_cmd::run(&args, &cfg),
        Command::Scan(args) => crate::scan_cmd::run(&args, &cfg),
        Command::Generate(args) => crate::generate_cmd::run(&args),
        Command::Index(which) => crate::index_cmd::run(&which),
        Command::Match(args) => crate::index_cmd::run_match(&args, &cfg),
        Command::Config => {
            let text = toml::to_string(&cfg).context("cannot print the configuration")?;
            std::io::stdout().lock().write_all(text.as_bytes())?;
            Ok(Outcome::Found)
        }
        Command::Eval(which) => {
            let report = match which {
                EvalCommand::Corpus(a) => {
                    let threads = std::thread::available_parallelism().map_or(1, usize::from);
                    crate::eval::corpus::run(&a.path, a.predictions.as_deref(), &cfg, threads)?
                }
                EvalCommand::Meter(a) => {
                    crate::eval::meter::run(&a.path, a.predictions.as_deref(), &cfg)?
                }
                EvalCommand::Pairs(a) => {
                    crate::eval::pairs::run(&a.path, a.predictions.as_deref(), &cfg)?
                }
                EvalCommand::Msrp(a) => crate::eval::msrp::run(&a.path, a.predictions.as_deref())?,
                EvalCommand::Clough(a) => {
                    crate::eval::clough::run(&a.path, a.predictions.as_deref(), &cfg)?
                }
            };
            let mut stdout = std::io::stdout().lock();
            stdout.write_all(report.as_bytes())?;
            Ok(Outcome::Found)
        }
    }
}

/// The defaults, with a TOML file's fields over them.
fn load_config(path: Option<&std::path::Path>) -> Result<Config> {
    let Some(path) = path else {
        return Ok(Config::default());
    };
    let text =
        std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
    let table: toml::Table = toml::from_str(&text)
        .with_context(|| format!("{}: invalid configuration", path.display()))?;
    if let Some((key, value)) = bad_number(&table, "") {
        anyhow::bail!(
            "{}: invalid configuration: {key} = {value}: thresholds and weights are finite and \
             not negative",
            path.display()
        );
    }
    toml::Value::Table(table)
        .try_into()
        .with_context(|| format!("{}: invalid configuration", path.display()))
}

/// The first number of `table` (by key, tables searched in turn) that no threshold or
/// weight can be: NaN, infinite or negative.
fn bad_number(table: &toml::Table, prefix: &str) -> Option<(String, String)> {
    table.iter().find_map(|(key, value)| {
        let key = format!("{prefix}{key}");
        match value {
            toml::Value::Float(f) if !f.is_finite() || *f < 0.0 => Some((key, f.to_string())),
            toml::Value::Integer(i) if *i < 0 => Some((key, i.to_string())),
            toml::Value::Table(inner) => bad_number(inner, &format!("{key}.")),
            _ => None,
        }
    })
}

fn compare(args: &CompareArgs, cfg: &Config) -> Result<Outcome> {
    let opts = args.input.read_options();
    let a = read_path(&args.a, &opts)?;
    let b = read_path(&args.b, &opts)?;
    let cmp = unspin_core::compare(&a, &b, cfg);
    if let Some(path) = &args.html {
        let page = unspin_report::html::render(&cmp);
        std::fs::write(path, page).with_context(|| format!("cannot write {}", path.display()))?;
    }
    let out = if args.json {
        unspin_report::json::render(&cmp)
    } else {
        unspin_report::text::render(&cmp, color(args.color))
    };
    let mut stdout = std::io::stdout().lock();
    stdout.write_all(out.as_bytes())?;
    stdout.flush()?;
    Ok(
        if cmp.verdict.relation == unspin_core::verdict::Relation::Unrelated {
            Outcome::NotFound
        } else {
            Outcome::Found
        },
    )
}

fn color(choice: ColorChoice) -> Color {
    match choice {
        ColorChoice::Always => Color::Always,
        ColorChoice::Never => Color::Never,
        ColorChoice::Auto => {
            let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
            if !no_color && std::io::stdout().is_terminal() {
                Color::Always
            } else {
                Color::Never
            }
        }
    }
}
