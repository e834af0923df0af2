//! ISO `YYYY-MM-DD` dates, parsed and printed by hand: chrono's formatting
//! machinery costs about 18 KB of gzipped wasm and we need one format only.

use chrono::{Datelike, Duration, Months, NaiveDate, Weekday};

use super::model::Date;

/// Parses a strict ISO calendar date (`2026-11-22`); `None` otherwise.
pub fn parse_iso(s: &str) -> Option<Date> {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let num = |r: std::ops::Range<usize>| -> Option<u32> {
        let mut n = 0u32;
        for &c in &b[r] {
            if !c.is_ascii_digit() {
                return None;
            }
            n = n * 10 + u32::from(c - b'0');
        }
        Some(n)
    };
    NaiveDate::from_ymd_opt(num(0..4)? as i32, num(5..7)?, num(8..10)?)
}

/// Parses `--MM-DD` (a yearless birthday); returns (month, day).
pub fn parse_month_day(s: &str) -> Option<(u32, u32)> {
    let b = s.as_bytes();
    if b.len() != 7 || &b[..2] != b"--" || b[4] != b'-' {
        return None;
    }
    let two = |i: usize| -> Option<u32> {
        let (a, c) = (b[i], b[i + 1]);
        (a.is_ascii_digit() && c.is_ascii_digit())
            .then(|| u32::from(a - b'0') * 10 + u32::from(c - b'0'))
    };
    let (m, d) = (two(2)?, two(5)?);
    // 2000 is a leap year, so 02-29 is accepted.
    NaiveDate::from_ymd_opt(2000, m, d).map(|_| (m, d))
}

/// Formats as `YYYY-MM-DD`.
pub fn iso(d: Date) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
}

/// Formats as `YYYY-MM`.
pub fn year_month(d: Date) -> String {
    format!("{:04}-{:02}", d.year(), d.month())
}

/// `d` plus `n` days (negative goes back).
pub fn add_days(d: Date, n: i64) -> Date {
    d.checked_add_signed(Duration::days(n)).unwrap_or(d)
}

/// `d` plus `n` calendar months, clamped to the month's last day.
pub fn add_months(d: Date, n: u32) -> Date {
    d.checked_add_months(Months::new(n)).unwrap_or(d)
}

/// Days from `a` to `b` (positive when `b` is later).
pub fn days_between(a: Date, b: Date) -> i64 {
    (b - a).num_days()
}

/// Monday of `d`'s week: caps count per calendar week, Monday–Sunday (R13).
pub fn week_start(d: Date) -> Date {
    add_days(d, -i64::from(d.weekday().num_days_from_monday()))
}

/// Saturday or Sunday.
pub fn is_weekend(d: Date) -> bool {
    matches!(d.weekday(), Weekday::Sat | Weekday::Sun)
}

/// The day `month`/`day` falls on in `year`; 29 February becomes 1 March in
/// common years, so that a birthday is never greeted before the day (R9).
pub fn in_year(year: i32, month: u32, day: u32) -> Option<Date> {
    NaiveDate::from_ymd_opt(year, month, day).or_else(|| {
        (month == 2 && day == 29)
            .then(|| NaiveDate::from_ymd_opt(year, 3, 1))
            .flatten()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_only_strict_iso_dates() {
        assert_eq!(iso(parse_iso("2026-11-22").unwrap()), "2026-11-22");
        for bad in [
            "31.02.2026",
            "2026-02-31",
            "2026-1-22",
            "2026/11/22",
            "",
            "２０２６-11-22",
            "2026-11-22T00:00",
        ] {
            assert!(parse_iso(bad).is_none(), "{bad}");
        }
    }

    #[test]
    fn month_day_accepts_leap_day_and_rejects_nonsense() {
        assert_eq!(parse_month_day("--02-29"), Some((2, 29)));
        assert_eq!(parse_month_day("--13-01"), None);
        assert_eq!(parse_month_day("02-29"), None);
    }

    #[test]
    fn leap_day_birthday_falls_on_first_of_march_in_common_years() {
        assert_eq!(iso(in_year(2027, 2, 29).unwrap()), "2027-03-01");
        assert_eq!(iso(in_year(2028, 2, 29).unwrap()), "2028-02-29");
    }

    #[test]
    fn months_clamp_to_month_end() {
        let d = parse_iso("2026-01-31").unwrap();
        assert_eq!(iso(add_months(d, 1)), "2026-02-28");
    }
}
