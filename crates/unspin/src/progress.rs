//! Progress bars on stderr, drawn only when stderr is a terminal (never in pipes, logs
//! or CI), so that stdout stays data and stderr stays readable.

use std::io::IsTerminal;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// A bar for `what` with a known total.
pub fn bar(what: &str) -> ProgressBar {
    styled(what, "{prefix} {wide_bar} {pos}/{len} eta {eta}")
}

/// A counter for `what` without a known total.
pub fn counter(what: &str) -> ProgressBar {
    styled(what, "{prefix} {pos}")
}

fn styled(what: &str, template: &str) -> ProgressBar {
    let target = if std::io::stderr().is_terminal() {
        ProgressDrawTarget::stderr()
    } else {
        ProgressDrawTarget::hidden()
    };
    let bar = ProgressBar::with_draw_target(None, target);
    bar.set_style(
        ProgressStyle::with_template(template).unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    bar.set_prefix(what.to_string());
    bar
}
