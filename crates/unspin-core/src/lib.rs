//! unspin-core: the pure heart of unspin.
//!
//! Data flow: [`Article`] → [`doc::Doc`] (normalized text, units, sentences and their
//! features) → [`align::align`] (sentence groups) → [`changes::detect`] (typed changes) →
//! [`verdict::decide`] (relation, source, coverage) → [`compare::Comparison`].
//!
//! Architecture invariant: nothing in this crate touches files, the clock, the
//! environment or a random source, and no public function panics on any input. Every
//! offset it returns is a byte offset into [`Article::text`].

pub mod align;
pub mod article;
pub mod changes;
pub mod compare;
pub mod config;
pub mod diff;
pub mod doc;
pub mod features;
pub mod text;
pub mod trace;
pub mod verdict;

pub use article::{Article, CivilDate, Meta, Span};
pub use compare::{Comparison, compare, compare_docs};
pub use config::Config;
pub use trace::{Trace, trace};

#[cfg(test)]
mod tests;
