//! unspin-index: fingerprints, the scan for copy families, and the on-disk index.
//!
//! Articles come from [`corpus`] (the `unspin-corpus` crate, re-exported here): files and
//! folders streamed one article at a time, each with a stable content-hash id.
//!
//! Architecture invariant: this crate may read and write the file system (the index, a
//! scan's temporary file); it never writes to stdout/stderr and never exits the process.

pub use unspin_corpus as corpus;

pub mod articles;
pub mod fingerprint;
mod parallel;
pub mod scan;
pub mod store;
