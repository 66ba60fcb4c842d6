//! unspin-report: renderers of a [`Comparison`](unspin_core::Comparison).
//!
//! One model, three views, one file each: [`text`] for terminals, [`json`] for
//! machines (the documented, versioned `unspin.compare/1` format) and [`html`] for
//! people (one self-contained page with the two articles side by side). A
//! [`Trace`](unspin_core::trace::Trace) has its JSON and text views in [`trace`] and its
//! page in [`html::trace()`].
//!
//! Architecture invariant: renderers are pure functions from a comparison to a string;
//! they never write files or decide anything the core did not.

pub mod html;
pub mod json;
pub mod text;
pub mod trace;

/// Numbers in every JSON format are rounded to 3 decimals, so output is stable and
/// readable.
pub fn round(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

/// `n` and its noun, plural unless `n` is 1: "1 change", "3 changes".
pub fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn one_thing_is_singular_and_others_are_plural() {
        assert_eq!(super::count(1, "change"), "1 change");
        assert_eq!(super::count(0, "change"), "0 changes");
        assert_eq!(super::count(12, "change"), "12 changes");
    }
}
