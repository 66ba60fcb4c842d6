//! Metadata values from loosely formatted fields: dates like "2025-11-07T10:32:00Z",
//! "Fri, 07 Nov 2025 10:32:00 GMT", "26-FEB-1987 15:01:01.79" or "November 7, 2025".

use unspin_core::CivilDate;
use unspin_core::features::dates::find_dates;

pub fn parse_date(value: &str) -> Option<CivilDate> {
    let v = value.trim();
    let b = v.as_bytes();
    if b.len() >= 10 && b[4] == b'-' && b[7] == b'-' {
        let y = v.get(0..4)?.parse().ok()?;
        let m = v.get(5..7)?.parse().ok()?;
        let d = v.get(8..10)?.parse().ok()?;
        return CivilDate::new(y, m, d);
    }
    if let Some(date) = day_mon_year(v) {
        return Some(date);
    }
    find_dates(v, 0, None).iter().find_map(|d| d.value.civil())
}

/// "26-FEB-1987", the form of Reuters-21578's records (and of Oracle's `DD-MON-YYYY`),
/// followed by anything.
fn day_mon_year(v: &str) -> Option<CivilDate> {
    const MONTHS: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let mut parts = v.splitn(3, '-');
    let day = parts.next()?;
    let month = parts.next()?;
    let year = parts.next()?.get(..4)?;
    if !(1..=2).contains(&day.len()) || month.len() != 3 {
        return None;
    }
    let m = MONTHS
        .iter()
        .position(|name| name.eq_ignore_ascii_case(month))?;
    CivilDate::new(year.parse().ok()?, m as u8 + 1, day.parse().ok()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_rfc_and_prose() {
        assert_eq!(
            parse_date("2025-11-07T10:32:00Z"),
            CivilDate::new(2025, 11, 7)
        );
        assert_eq!(
            parse_date("Fri, 07 Nov 2025 10:32:00 GMT"),
            CivilDate::new(2025, 11, 7)
        );
        assert_eq!(parse_date("November 7, 2025"), CivilDate::new(2025, 11, 7));
        assert_eq!(
            parse_date("26-FEB-1987 15:01:01.79"),
            CivilDate::new(1987, 2, 26)
        );
        assert_eq!(parse_date("5-mar-1987"), CivilDate::new(1987, 3, 5));
        assert_eq!(parse_date("31-FEB-1987"), None);
        assert_eq!(parse_date("12-ABC-1987"), None);
        assert_eq!(parse_date("soon"), None);
    }
}
