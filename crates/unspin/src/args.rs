//! Command-line arguments, as typed values.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

/// unspin finds rewritten copies of news articles, traces each copy to its source and
/// shows exactly what the rewrite changed.
#[derive(Debug, Parser)]
#[command(name = "unspin", version, about, long_about = None)]
pub struct Cli {
    /// Read thresholds and weights from this TOML file (any field of the defaults shown
    /// by `unspin config`; the rest keep their defaults).
    #[arg(long, global = true, value_name = "FILE")]
    pub config: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Compare two articles: their relation, which one is the source, and every change.
    ///
    /// Exit status: 0 when the articles are related (one derives from the other, or both
    /// tell the same story), 1 when unrelated, 2 on error.
    Compare(CompareArgs),
    /// Trace an article to its candidate sources: which sentences derive from which
    /// source (verbatim or reworded), which are new, and what was changed.
    ///
    /// Exit status: 0 when some of the article derives from a source, 1 when none, 2 on error.
    Trace(TraceArgs),
    /// Find every copy family in a corpus (files and folders: txt, md, html, json,
    /// jsonl[.gz], warc[.gz]), with each family's original and who copied whom.
    ///
    /// Exit status: 0 when some family was found, 1 when none, 2 on error.
    Scan(ScanArgs),
    /// Make a test corpus with planted copy families from real articles, and its
    /// ground truth (for `unspin eval corpus` and benchmarks).
    Generate(GenerateArgs),
    /// The on-disk index: add articles, check it.
    #[command(subcommand)]
    Index(IndexCommand),
    /// Which indexed articles this article copies or is copied by.
    ///
    /// Exit status: 0 when some match was found, 1 when none, 2 on error.
    Match(MatchArgs),
    /// Print the configuration in effect, as TOML.
    Config,
    /// Measure quality on labelled data (../shared/data).
    #[command(subcommand)]
    Eval(EvalCommand),
}

#[derive(Debug, clap::Args)]
pub struct TraceArgs {
    /// The article to trace.
    pub article: PathBuf,
    /// Candidate sources (one or more).
    #[arg(long = "from", required = true, num_args = 1..)]
    pub sources: Vec<PathBuf>,
    /// Print one JSON object (schema unspin.trace/1) instead of the text view.
    #[arg(long)]
    pub json: bool,
    /// Also write a self-contained HTML report to FILE.
    #[arg(long, value_name = "FILE")]
    pub html: Option<PathBuf>,
    #[command(flatten)]
    pub input: InputArgs,
}

#[derive(Debug, clap::Args)]
pub struct ScanArgs {
    /// Files and folders to scan (folders recursively).
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// Folder for families.jsonl, pairs.jsonl, skipped.jsonl, summary.json and report/.
    #[arg(long, value_name = "DIR")]
    pub out: PathBuf,
    /// Threads for verification (default: the number of cores).
    #[arg(long, value_name = "N")]
    pub threads: Option<usize>,
    /// Leave out the HTML report (report/): the JSON outputs only, for large corpora.
    #[arg(long)]
    pub no_report: bool,
    /// Add the inputs to this on-disk index (created when absent) and find the families
    /// among everything it holds.
    #[arg(long, value_name = "DIR")]
    pub index: Option<PathBuf>,
    #[command(flatten)]
    pub input: InputArgs,
}

#[derive(Debug, Subcommand)]
pub enum IndexCommand {
    /// Add articles (files and folders, as for scan); already indexed ones are skipped.
    Add(IndexAddArgs),
    /// Read every indexed article back and check it against its id.
    Check(IndexDirArgs),
}

#[derive(Debug, clap::Args)]
pub struct IndexAddArgs {
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// The index folder (created when absent).
    #[arg(long, value_name = "DIR")]
    pub index: PathBuf,
    /// Articles per commit: a crash loses at most one batch.
    #[arg(long, default_value_t = 500)]
    pub batch: usize,
    #[command(flatten)]
    pub input: InputArgs,
}

#[derive(Debug, clap::Args)]
pub struct IndexDirArgs {
    #[arg(long, value_name = "DIR")]
    pub index: PathBuf,
}

#[derive(Debug, clap::Args)]
pub struct MatchArgs {
    pub article: PathBuf,
    #[arg(long, value_name = "DIR")]
    pub index: PathBuf,
    /// Print JSON lines (schema unspin.match/1).
    #[arg(long)]
    pub json: bool,
    /// Also list articles on the same story that copy nothing.
    #[arg(long)]
    pub same_story: bool,
    #[command(flatten)]
    pub input: InputArgs,
}

#[derive(Debug, clap::Args)]
pub struct GenerateArgs {
    /// Articles to build from (files and folders).
    #[arg(long = "from", required = true, num_args = 1..)]
    pub from: Vec<PathBuf>,
    /// Folder for corpus.jsonl and truth.jsonl.
    #[arg(long, value_name = "DIR")]
    pub out: PathBuf,
    /// Number of documents to write.
    #[arg(long, default_value_t = 1000)]
    pub docs: usize,
    /// Share of the documents in planted families.
    #[arg(long, default_value_t = 0.4)]
    pub family_share: f64,
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Leave out pool articles shorter than this (short wire items are templates).
    #[arg(long, default_value_t = 120)]
    pub min_words: usize,
    #[command(flatten)]
    pub input: InputArgs,
}

#[derive(Debug, Subcommand)]
pub enum EvalCommand {
    /// A corpus made by `unspin generate`: pair precision/recall, family ARI, originals.
    Corpus(EvalArgs),
    /// METER: wholly / partially / non-derived newspaper articles (DIR holds pairs.tsv).
    Meter(EvalArgs),
    /// Generic pairs: a TSV of id, a, b, label (derived | independent).
    Pairs(EvalArgs),
    /// MSRP: the aligner's sentence similarity as a paraphrase judgement (5-fold CV).
    Msrp(EvalArgs),
    /// Clough-Stevenson: cut / light / heavy / non answers against their sources.
    Clough(EvalArgs),
}

#[derive(Debug, clap::Args)]
pub struct EvalArgs {
    /// The data set (a folder or a file, as the data set comes).
    pub path: PathBuf,
    /// Write one JSON line per item to FILE.
    #[arg(long, value_name = "FILE")]
    pub predictions: Option<PathBuf>,
}

#[derive(Debug, clap::Args)]
pub struct CompareArgs {
    /// The first article (.txt, .md, .html, .json; other names are sniffed).
    pub a: PathBuf,
    /// The second article.
    pub b: PathBuf,
    /// Print one JSON object (schema unspin.compare/1) instead of the text view.
    #[arg(long)]
    pub json: bool,
    /// Also write a self-contained HTML report to FILE.
    #[arg(long, value_name = "FILE")]
    pub html: Option<PathBuf>,
    /// When to colour the text view.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    #[command(flatten)]
    pub input: InputArgs,
}

#[derive(Debug, Clone, clap::Args)]
pub struct InputArgs {
    /// Read inputs as this format instead of guessing from the name and content.
    #[arg(long, value_enum)]
    pub format: Option<FormatArg>,
    /// Refuse inputs larger than this many bytes.
    #[arg(long, default_value_t = 10 * 1024 * 1024, value_name = "BYTES")]
    pub max_bytes: usize,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum FormatArg {
    Text,
    Markdown,
    Html,
    Json,
}
