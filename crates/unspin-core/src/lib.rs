//! unspin-core: how articles relate.
//!
//! Data flow: [`Article`] → [`doc::Doc`] (from `unspin-text`: normalized text, units,
//! sentences and their features) → [`align::align`] (sentence groups) →
//! [`changes::detect`] (typed changes) → [`verdict::decide`] (relation, source,
//! coverage) → [`compare::Comparison`]; [`trace()`] does the same against several sources.
//!
//! The per-article modules of `unspin-text` are re-exported here, so this crate is the
//! one API boundary the renderers and binaries use.
//!
//! Architecture invariant: nothing in this crate touches files, the clock, the
//! environment or a random source, and no public function panics on any input. Every
//! offset it returns is a byte offset into [`Article::text`].

pub mod align;
pub mod changes;
pub mod common_names;
pub mod compare;
pub mod config;
pub mod diff;
pub mod tiling;
pub mod trace;
pub mod verdict;

pub use common_names::CommonNames;
pub use compare::{
    Assessment, ChangesFor, Comparison, assess, compare, compare_docs, compare_docs_in,
};
pub use config::Config;
pub use trace::{Trace, trace};
pub use unspin_text::{Article, CivilDate, Meta, Span, article, doc, features, text};

#[cfg(test)]
mod tests;
