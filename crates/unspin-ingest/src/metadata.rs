//! Metadata values from loosely formatted fields: dates like "2025-11-07T10:32:00Z",
//! "Fri, 07 Nov 2025 10:32:00 GMT" or "November 7, 2025".

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
    find_dates(v, 0, None).iter().find_map(|d| d.value.civil())
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
        assert_eq!(parse_date("soon"), None);
    }
}
