//! The input unit of unspin: one article's text and its metadata.
//!
//! Readers (the `unspin-ingest` crate) build an [`Article`] from bytes; the core never
//! reads files itself. All spans the core reports are byte offsets into [`Article::text`].

use std::fmt;

/// A byte range `[start, end)` into an article's text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Span {
        Span {
            start,
            end: end.max(start),
        }
    }

    pub fn len(&self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(&self) -> bool {
        self.end == self.start
    }

    /// The smallest span covering both.
    pub fn cover(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }

    /// The text of this span, or "" when the span does not fall on char boundaries of `text`.
    pub fn slice(self, text: &str) -> &str {
        text.get(self.start..self.end).unwrap_or("")
    }
}

/// A calendar date without time of day (news metadata rarely has a trustworthy time).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CivilDate {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

impl CivilDate {
    /// A date when the fields form a plausible calendar date, else `None`.
    pub fn new(year: i32, month: u8, day: u8) -> Option<CivilDate> {
        let max_day = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
            2 => 28,
            _ => return None,
        };
        ((1..=max_day).contains(&day) && (1000..=9999).contains(&year)).then_some(CivilDate {
            year,
            month,
            day,
        })
    }

    /// Days since 1970-01-01 (negative before), by the proleptic Gregorian calendar.
    pub fn days_since_epoch(self) -> i64 {
        // Howard Hinnant's days_from_civil: years start in March, so a leap day ends one.
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }
}

impl fmt::Display for CivilDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// Metadata kept with an article. Every field is optional: plain text often has none.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Meta {
    /// Where the article came from (a path or a record locator), for messages and reports.
    pub origin: String,
    pub title: Option<String>,
    pub date: Option<CivilDate>,
    pub url: Option<String>,
    /// Publisher or site name when the input says it (HTML meta, JSON field).
    pub site: Option<String>,
}

/// One article: its decoded text and metadata.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Article {
    pub text: String,
    pub meta: Meta,
}

impl Article {
    pub fn new(origin: impl Into<String>, text: impl Into<String>) -> Article {
        Article {
            text: text.into(),
            meta: Meta {
                origin: origin.into(),
                ..Meta::default()
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::CivilDate;

    #[test]
    fn days_since_epoch_across_leap_days_and_centuries() {
        for ((y, m, d), days) in [
            ((1970, 1, 1), 0),
            ((1969, 12, 31), -1),
            ((2000, 3, 1), 11_017),
            ((2024, 2, 29), 19_782),
            ((1000, 1, 1), -354_285),
            ((9999, 12, 31), 2_932_896),
        ] {
            let date = CivilDate::new(y, m, d).expect("a valid date");
            assert_eq!(date.days_since_epoch(), days, "{date}");
        }
    }
}
