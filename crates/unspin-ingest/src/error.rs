//! Why an input could not be read; every message names the input.

use thiserror::Error;

#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum ReadError {
    #[error("{origin}: empty input, no article to read")]
    Empty { origin: String },
    #[error("{origin}: not text ({reason}); is this a binary file?")]
    Binary { origin: String, reason: String },
    #[error("{origin}: too large ({size} bytes, the limit is {limit} bytes)")]
    TooLarge {
        origin: String,
        size: usize,
        limit: usize,
    },
    #[error("{origin}: no article text found: {detail}")]
    NoText { origin: String, detail: String },
    #[error("{origin}: invalid JSON at line {line}, column {column}: {message}")]
    Json {
        origin: String,
        line: usize,
        column: usize,
        message: String,
    },
    #[error("{origin}: the JSON record has no article text (expected a string field {fields})")]
    JsonNoText { origin: String, fields: String },
}
