//! What a sentence says, in comparable pieces: content terms, numbers, dates, names,
//! direct quotes (with speakers), attribution cues and negations.

pub mod cues;
pub mod dates;
pub mod names;
pub mod numbers;
pub mod quotes;

pub use dates::{DateMention, DateValue};
pub use names::{NameMention, WordUsage};
pub use numbers::NumberMention;
pub use quotes::{Quote, Speaker};
