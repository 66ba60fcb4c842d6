//! The text model: normalization (with a map back to original offsets), the layout of
//! an article into units (headline, dateline, caption, body paragraphs …), and sentences.

pub mod layout;
pub mod marks;
pub mod normalize;
pub mod segment;
pub mod words;

pub use layout::{Paragraph, UnitKind};
pub use normalize::Normalized;
pub use segment::Sentence;
