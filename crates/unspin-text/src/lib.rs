//! unspin-text: what one article says.
//!
//! [`Article`] → [`doc::Doc`]: normalized text with a map back to the original bytes,
//! the article's units (headline, dateline, caption, body …), its sentences, and each
//! sentence's features (content terms, numbers, dates, names, quotes with speakers,
//! attribution cues, negations).
//!
//! Architecture invariant: this crate analyses one article at a time and knows nothing
//! of any other article (comparison lives in `unspin-core`); it does no I/O, reads no
//! environment, clock or random source, and never panics on any input. Every offset it
//! returns is a byte offset into [`Article::text`].

pub mod article;
pub mod doc;
pub mod features;
pub mod text;

pub use article::{Article, CivilDate, Meta, Span};
