//! unspin-index: the corpus and index layer.
//!
//! [`corpus`] streams articles out of files and folders (text, Markdown, HTML, JSON,
//! JSON Lines, gzip, WARC as in CC-NEWS), giving each a stable content-hash id and
//! reporting every unreadable item with its path and reason instead of stopping.
//!
//! Architecture invariant: this crate may read the file system; it never writes to
//! stdout/stderr and never exits the process. Memory use does not grow with corpus
//! size while reading: items are handed to a callback one at a time.

pub mod articles;
pub mod corpus;
pub mod fingerprint;
pub mod scan;
pub mod store;
