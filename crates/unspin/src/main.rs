//! The `unspin` binary: parse arguments, run a command, map the outcome to an exit code.
//!
//! Exit codes (as grep and ripgrep): 0 = related articles found, 1 = none, 2 = error.
//! A closed stdout (broken pipe) exits 0. Data goes to stdout, everything else to stderr.

mod args;
mod commands;
mod eval;
mod generate_cmd;
mod index_cmd;
mod input;
mod progress;
mod scan_cmd;
mod scan_report;
mod trace_cmd;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let args = args::Cli::parse();
    match commands::run(args) {
        Ok(outcome) => ExitCode::from(outcome.code()),
        Err(err) => {
            for cause in err.chain() {
                if let Some(io) = cause.downcast_ref::<std::io::Error>()
                    && io.kind() == std::io::ErrorKind::BrokenPipe
                {
                    return ExitCode::SUCCESS;
                }
            }
            eprintln!("unspin: error: {err:#}");
            ExitCode::from(2)
        }
    }
}
