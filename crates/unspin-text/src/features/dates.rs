//! Dates in running text: full dates, month-and-year, years, months, weekdays and
//! relative dates ("last month"), normalized so "November 07, 2025" equals "7 Nov 2025".
//! Relative dates are resolved against the article's own date when it is known.

use std::ops::Range;
use std::sync::OnceLock;

use regex::Regex;

use crate::article::CivilDate;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct DateValue {
    pub year: Option<i32>,
    pub month: Option<u8>,
    pub day: Option<u8>,
    /// 1 = Monday … 7 = Sunday.
    pub weekday: Option<u8>,
    /// Relative expression, in (unit, offset): e.g. (Month, -1) for "last month".
    pub relative: Option<(RelUnit, i8)>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RelUnit {
    Day,
    Week,
    Month,
    Year,
}

impl DateValue {
    pub fn civil(&self) -> Option<CivilDate> {
        CivilDate::new(self.year?, self.month?, self.day?)
    }

    /// Two mentions of the same granularity that disagree: a real date change.
    pub fn conflicts(&self, other: &DateValue) -> bool {
        let differ =
            |a: Option<i64>, b: Option<i64>| matches!((a, b), (Some(x), Some(y)) if x != y);
        let y = |d: &DateValue| d.year.map(i64::from);
        let m = |d: &DateValue| d.month.map(i64::from);
        let dd = |d: &DateValue| d.day.map(i64::from);
        let any_field = |d: &DateValue| d.year.is_some() || d.month.is_some() || d.day.is_some();
        if any_field(self) && any_field(other) {
            return differ(y(self), y(other))
                || differ(m(self), m(other))
                || differ(dd(self), dd(other));
        }
        if let (Some(a), Some(b)) = (self.weekday, other.weekday) {
            return a != b;
        }
        // "yesterday" and "last year" are of different granularity: no conflict.
        if let (Some((ua, a)), Some((ub, b))) = (self.relative, other.relative) {
            return ua == ub && a != b;
        }
        false
    }

    /// Whether the mention pins a point in time on its own (has a year, or a month and day).
    pub fn is_absolute(&self) -> bool {
        self.year.is_some() || (self.month.is_some() && self.day.is_some())
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateMention {
    /// Range in the text given to [`find_dates`], shifted by its `offset`.
    pub range: Range<usize>,
    pub value: DateValue,
}

const MONTHS: &str = r"(January|February|March|April|May|June|July|August|September|October|November|December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept\.?|Sep\.?|Oct\.?|Nov\.?|Dec\.?)";

struct Patterns {
    month_day_year: Regex,
    day_month_year: Regex,
    month_year: Regex,
    iso: Regex,
    year: Regex,
    month: Regex,
    weekday: Regex,
    relative: Regex,
}

fn patterns() -> &'static Patterns {
    static P: OnceLock<Patterns> = OnceLock::new();
    P.get_or_init(|| Patterns {
        month_day_year: Regex::new(&format!(r"\b{MONTHS}\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(\d{{4}})\b)?")).expect("regex"),
        day_month_year: Regex::new(&format!(r"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTHS}(?:,?\s+(\d{{4}})\b)?")).expect("regex"),
        month_year: Regex::new(&format!(r"\b{MONTHS}\s*,?\s+(\d{{4}})\b")).expect("regex"),
        iso: Regex::new(r"\b(\d{4})-(\d{2})-(\d{2})\b").expect("regex"),
        year: Regex::new(r"\b(1[89]\d\d|20\d\d)\b").expect("regex"),
        month: Regex::new(r"\b(January|February|April|June|July|August|September|October|November|December)\b").expect("regex"),
        weekday: Regex::new(r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b").expect("regex"),
        relative: Regex::new(r"(?i)\b(?:(yesterday|today|tomorrow)|(?:(last|this|next|previous|past|coming|following)\s+(week|month|year|weekend)))\b").expect("regex"),
    })
}

fn month_number(name: &str) -> Option<u8> {
    let key: String = name
        .trim_end_matches('.')
        .chars()
        .take(3)
        .collect::<String>()
        .to_lowercase();
    let idx = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ]
    .iter()
    .position(|m| *m == key)?;
    Some(idx as u8 + 1)
}

const YEAR_CONTEXT: &[&str] = &[
    "in", "since", "until", "till", "by", "from", "of", "year", "early", "late", "mid", "before",
    "after", "during", "through", "to", "between", "and", "or", "spring", "summer", "autumn",
    "fall", "winter", "season",
];

/// All date mentions in `text`, non-overlapping, in order. `anchor` (the article date)
/// resolves relative mentions to a year and month.
pub fn find_dates(text: &str, offset: usize, anchor: Option<CivilDate>) -> Vec<DateMention> {
    let p = patterns();
    let mut found: Vec<(Range<usize>, DateValue)> = Vec::new();
    let num = |s: Option<regex::Match<'_>>| s.and_then(|m| m.as_str().parse::<i64>().ok());
    // Five of the eight patterns need a digit; most sentences have none, and running a
    // regex costs even when it finds nothing (this runs for every sentence).
    let digits = text.bytes().any(|b| b.is_ascii_digit());
    let with_digits = |re| if digits { Some(re) } else { None };
    // "November 7, 2025" (month, day, year groups) and "7 November 2025" (day, month, year).
    for (re, month_group, day_group) in [(&p.month_day_year, 1, 2), (&p.day_month_year, 2, 1)]
        .into_iter()
        .filter(|_| digits)
    {
        for c in re.captures_iter(text) {
            let month = c.get(month_group).and_then(|m| month_number(m.as_str()));
            let day = num(c.get(day_group))
                .filter(|d| (1..=31).contains(d))
                .map(|d| d as u8);
            if let (Some(month), Some(day)) = (month, day) {
                let year = num(c.get(3)).map(|y| y as i32);
                let value = DateValue {
                    year,
                    month: Some(month),
                    day: Some(day),
                    ..DateValue::default()
                };
                found.push((c.get(0).map_or(0..0, |m| m.range()), value));
            }
        }
    }
    for c in with_digits(&p.month_year)
        .into_iter()
        .flat_map(|re| re.captures_iter(text))
    {
        let month = c.get(1).and_then(|m| month_number(m.as_str()));
        let year = num(c.get(2)).map(|y| y as i32);
        found.push((
            c.get(0).map_or(0..0, |m| m.range()),
            DateValue {
                year,
                month,
                ..DateValue::default()
            },
        ));
    }
    for c in with_digits(&p.iso)
        .into_iter()
        .flat_map(|re| re.captures_iter(text))
    {
        let (y, m, d) = (num(c.get(1)), num(c.get(2)), num(c.get(3)));
        if let (Some(y), Some(m), Some(d)) = (y, m, d)
            && CivilDate::new(y as i32, m as u8, d as u8).is_some()
        {
            found.push((
                c.get(0).map_or(0..0, |m| m.range()),
                DateValue {
                    year: Some(y as i32),
                    month: Some(m as u8),
                    day: Some(d as u8),
                    ..DateValue::default()
                },
            ));
        }
    }
    for m in with_digits(&p.year)
        .into_iter()
        .flat_map(|re| re.find_iter(text))
    {
        // "1,937" or "2025.5" are numbers, not years.
        let before = text[..m.start()].chars().next_back();
        let after = text[m.end()..].chars().next();
        if before.is_some_and(|c| c == ',' || c == '.' || c == '$' || c == '#')
            || after.is_some_and(|c| {
                c == ',' && text[m.end() + 1..].starts_with(|d: char| d.is_ascii_digit())
            })
        {
            continue;
        }
        // A bare year needs date context: "in 2004", "since 2022,", "(1968)", "2019." —
        // not "employs 1800 workers".
        let head = text[..m.start()].trim_end();
        let prev_word = head
            .rsplit(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("")
            .to_lowercase();
        let prev_char = head.chars().next_back();
        let context = YEAR_CONTEXT.contains(&prev_word.as_str())
            || prev_char.is_none_or(|c| matches!(c, '(' | ',' | '-' | '/'))
            || after
                .is_none_or(|c| matches!(c, '.' | ',' | ';' | ':' | ')' | '!' | '?' | '"' | '\''));
        if !context {
            continue;
        }
        found.push((
            m.range(),
            DateValue {
                year: m.as_str().parse().ok(),
                ..DateValue::default()
            },
        ));
    }
    for m in p.month.find_iter(text) {
        found.push((
            m.range(),
            DateValue {
                month: month_number(m.as_str()),
                ..DateValue::default()
            },
        ));
    }
    for m in p.weekday.find_iter(text) {
        let wd = [
            "Monday",
            "Tuesday",
            "Wednesday",
            "Thursday",
            "Friday",
            "Saturday",
            "Sunday",
        ]
        .iter()
        .position(|w| *w == m.as_str());
        found.push((
            m.range(),
            DateValue {
                weekday: wd.map(|w| w as u8 + 1),
                ..DateValue::default()
            },
        ));
    }
    for c in p.relative.captures_iter(text) {
        let rel = if let Some(word) = c.get(1) {
            match word.as_str().to_lowercase().as_str() {
                "yesterday" => (RelUnit::Day, -1),
                "tomorrow" => (RelUnit::Day, 1),
                _ => (RelUnit::Day, 0),
            }
        } else {
            let dir = c.get(2).map_or("", |m| m.as_str()).to_lowercase();
            let unit = match c.get(3).map_or("", |m| m.as_str()).to_lowercase().as_str() {
                "month" => RelUnit::Month,
                "year" => RelUnit::Year,
                _ => RelUnit::Week,
            };
            let off = match dir.as_str() {
                "last" | "previous" | "past" => -1,
                "next" | "coming" | "following" => 1,
                _ => 0,
            };
            (unit, off)
        };
        let mut value = DateValue {
            relative: Some(rel),
            ..DateValue::default()
        };
        if let Some(anchor) = anchor {
            resolve(&mut value, anchor);
        }
        found.push((c.get(0).map_or(0..0, |m| m.range()), value));
    }
    // Longest first at each start; drop mentions overlapping an earlier kept one.
    found.sort_by(|a, b| a.0.start.cmp(&b.0.start).then(b.0.end.cmp(&a.0.end)));
    let mut out: Vec<DateMention> = Vec::with_capacity(found.len());
    for (range, value) in found {
        if out
            .last()
            .is_some_and(|prev| range.start < prev.range.end - offset)
        {
            continue;
        }
        out.push(DateMention {
            range: range.start + offset..range.end + offset,
            value,
        });
    }
    out
}

fn resolve(value: &mut DateValue, anchor: CivilDate) {
    let Some((unit, off)) = value.relative else {
        return;
    };
    match unit {
        RelUnit::Month => {
            let total = anchor.year * 12 + i32::from(anchor.month) - 1 + i32::from(off);
            value.year = Some(total.div_euclid(12));
            value.month = Some(total.rem_euclid(12) as u8 + 1);
        }
        RelUnit::Year => value.year = Some(anchor.year + i32::from(off)),
        RelUnit::Day | RelUnit::Week => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, expect: &[(&str, &str)]) {
        let got: Vec<(String, String)> = find_dates(text, 0, CivilDate::new(2025, 11, 7))
            .into_iter()
            .map(|d| (text[d.range.clone()].to_string(), describe(&d.value)))
            .collect();
        let expect: Vec<(String, String)> = expect
            .iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect();
        assert_eq!(got, expect);
    }

    fn describe(v: &DateValue) -> String {
        format!("{:?}-{:?}-{:?} wd{:?}", v.year, v.month, v.day, v.weekday)
            .replace("Some(", "")
            .replace(')', "")
            .replace("None", "_")
    }

    #[test]
    fn full_dates_in_both_orders() {
        check(
            "On October 20, 2023 and 7 Nov. 2025.",
            &[
                ("October 20, 2023", "2023-10-20 wd_"),
                ("7 Nov. 2025", "2025-11-7 wd_"),
            ],
        );
    }

    #[test]
    fn years_weekdays_relative() {
        check(
            "Since 2004, on Friday, last month; 400,2004 is not a year.",
            &[
                ("2004", "2004-_-_ wd_"),
                ("Friday", "_-_-_ wd5"),
                ("last month", "2025-10-_ wd_"),
            ],
        );
    }

    #[test]
    fn modal_may_is_not_a_month() {
        check("He may go. In August he went.", &[("August", "_-8-_ wd_")]);
        check(
            "It employs 1800 workers, built in 1968.",
            &[("1968", "1968-_-_ wd_")],
        );
    }

    #[test]
    fn conflicts_by_granularity() {
        let d = |s: &str| {
            find_dates(s, 0, CivilDate::new(2025, 11, 7))
                .remove(0)
                .value
        };
        assert!(d("October 20, 2023").conflicts(&d("last month")));
        assert!(!d("October 2025").conflicts(&d("last month")));
        assert!(d("Monday").conflicts(&d("Friday")));
        assert!(!d("Monday").conflicts(&d("last week")));
        // Unresolved relative dates (no article date) conflict only at one granularity.
        let r = |s: &str| find_dates(s, 0, None).remove(0).value;
        assert!(r("last year").conflicts(&r("next year")));
        assert!(!r("yesterday").conflicts(&r("last year")));
        assert!(!r("next month").conflicts(&r("today")));
    }
}
