//! Cross-check of the generated Russian production calendar (`calendar_ru.rs`,
//! made from the `PyPI` package `holidays` by `scripts/gen_ru_calendar.py`)
//! against facts written down here by hand from the Government decrees on
//! transferring days off and from Labor Code article 112. Included from the
//! engine as `#[cfg(test)] #[path = "calendar_ru_tests.rs"] mod calendar_ru_tests;`.

use crate::engine::calendar_ru::*;
use chrono::{Datelike, NaiveDate, Weekday};

/// The 14 public holiday days of Labor Code art. 112 as (month, day).
const JANUARY_HOLIDAYS: [(u32, u32); 8] = [
    (1, 1),
    (1, 2),
    (1, 3),
    (1, 4),
    (1, 5),
    (1, 6),
    (1, 7),
    (1, 8),
];
const OTHER_HOLIDAYS: [(u32, u32); 6] = [(2, 23), (3, 8), (5, 1), (5, 9), (6, 12), (11, 4)];

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_else(|| panic!("invalid date {y}-{m}-{d}"))
}

fn is_weekend(d: NaiveDate) -> bool {
    matches!(d.weekday(), Weekday::Sat | Weekday::Sun)
}

fn in_year(list: &[(i32, u32, u32)], year: i32) -> Vec<(u32, u32)> {
    list.iter()
        .filter(|&&(y, _, _)| y == year)
        .map(|&(_, m, d)| (m, d))
        .collect()
}

fn is_day_off(y: i32, m: u32, d: u32) -> bool {
    DAYS_OFF.contains(&(y, m, d))
}

fn is_working_weekend(y: i32, m: u32, d: u32) -> bool {
    WORKING_WEEKENDS.contains(&(y, m, d))
}

// ---- Structure -------------------------------------------------------------

#[test]
fn covers_at_least_2025_to_2027() {
    let covered = FIRST_YEAR..=LAST_YEAR;
    for year in 2025..=2027 {
        assert!(
            covered.contains(&year),
            "{year} not in {FIRST_YEAR}..={LAST_YEAR}"
        );
    }
}

#[test]
fn lists_are_strictly_sorted() {
    for (name, list) in [
        ("DAYS_OFF", DAYS_OFF),
        ("WORKING_WEEKENDS", WORKING_WEEKENDS),
    ] {
        for pair in list.windows(2) {
            assert!(
                pair[0] < pair[1],
                "{name} not sorted or has a duplicate: {:?} then {:?}",
                pair[0],
                pair[1]
            );
        }
    }
}

#[test]
fn all_dates_valid_and_within_covered_years() {
    for &(y, m, d) in DAYS_OFF.iter().chain(WORKING_WEEKENDS) {
        assert!(
            (FIRST_YEAR..=LAST_YEAR).contains(&y),
            "{y}-{m}-{d} outside {FIRST_YEAR}..={LAST_YEAR}"
        );
        date(y, m, d);
    }
}

#[test]
fn days_off_are_monday_to_friday() {
    for &(y, m, d) in DAYS_OFF {
        assert!(
            !is_weekend(date(y, m, d)),
            "DAYS_OFF has {y}-{m}-{d}, a {:?}",
            date(y, m, d).weekday()
        );
    }
}

#[test]
fn working_weekends_are_saturday_or_sunday() {
    for &(y, m, d) in WORKING_WEEKENDS {
        assert!(
            is_weekend(date(y, m, d)),
            "WORKING_WEEKENDS has {y}-{m}-{d}, a {:?}",
            date(y, m, d).weekday()
        );
    }
}

// ---- Labor Code art. 112, every covered year -------------------------------

#[test]
fn every_public_holiday_on_a_weekday_is_off() {
    for y in FIRST_YEAR..=LAST_YEAR {
        for (m, d) in JANUARY_HOLIDAYS.into_iter().chain(OTHER_HOLIDAYS) {
            if !is_weekend(date(y, m, d)) {
                assert!(is_day_off(y, m, d), "{y}-{m}-{d} is a public holiday");
            }
        }
    }
}

/// Each of the 14 holiday days yields one weekday off: a non-January holiday
/// on a weekend is carried to a weekday, and the decree transfers two of the
/// January 1-8 days that fall on a weekend (any further ones are lost). A
/// working Saturday/Sunday is always paid back with one more weekday off.
#[test]
fn days_off_balance_per_year() {
    for y in FIRST_YEAR..=LAST_YEAR {
        let jan_weekend = JANUARY_HOLIDAYS
            .iter()
            .filter(|&&(m, d)| is_weekend(date(y, m, d)))
            .count();
        let expected = 14 - jan_weekend.saturating_sub(2);
        let off = in_year(DAYS_OFF, y).len();
        let worked = in_year(WORKING_WEEKENDS, y).len();
        assert_eq!(
            off - worked,
            expected,
            "{y}: {off} weekday days off, {worked} working weekend days"
        );
    }
}

// ---- Per-year facts from the decrees ---------------------------------------

/// 2022: decree of 29.09.2021 No. 1648. Jan 1 (Sat) -> May 3, Jan 2 (Sun) ->
/// May 10, Sat Mar 5 worked -> Mon Mar 7; May 1 (Sun) -> May 2, Jun 12 (Sun)
/// -> Jun 13 by art. 112.
#[test]
fn year_2022() {
    if !(FIRST_YEAR..=LAST_YEAR).contains(&2022) {
        return;
    }
    assert_eq!(
        in_year(DAYS_OFF, 2022),
        [
            (1, 3),
            (1, 4),
            (1, 5),
            (1, 6),
            (1, 7),
            (2, 23),
            (3, 7),
            (3, 8),
            (5, 2),
            (5, 3),
            (5, 9),
            (5, 10),
            (6, 13),
            (11, 4),
        ]
    );
    assert_eq!(in_year(WORKING_WEEKENDS, 2022), [(3, 5)]);
}

/// 2023: decree of 29.08.2022 No. 1505. Jan 1 (Sun) -> Feb 24, Jan 8 (Sun)
/// -> May 8; Nov 4 (Sat) -> Nov 6 by art. 112. No working weekend.
#[test]
fn year_2023() {
    if !(FIRST_YEAR..=LAST_YEAR).contains(&2023) {
        return;
    }
    assert_eq!(
        in_year(DAYS_OFF, 2023),
        [
            (1, 2),
            (1, 3),
            (1, 4),
            (1, 5),
            (1, 6),
            (2, 23),
            (2, 24),
            (3, 8),
            (5, 1),
            (5, 8),
            (5, 9),
            (6, 12),
            (11, 6),
        ]
    );
    assert!(in_year(WORKING_WEEKENDS, 2023).is_empty());
}

/// 2024: decree of 10.08.2023 No. 1306. Sat Apr 27 worked -> Mon Apr 29,
/// Sat Nov 2 worked -> Tue Apr 30, Jan 6 (Sat) -> May 10, Sat Dec 28 worked
/// -> Mon Dec 30, Jan 7 (Sun) -> Tue Dec 31.
#[test]
fn year_2024() {
    if !(FIRST_YEAR..=LAST_YEAR).contains(&2024) {
        return;
    }
    assert_eq!(
        in_year(DAYS_OFF, 2024),
        [
            (1, 1),
            (1, 2),
            (1, 3),
            (1, 4),
            (1, 5),
            (1, 8),
            (2, 23),
            (3, 8),
            (4, 29),
            (4, 30),
            (5, 1),
            (5, 9),
            (5, 10),
            (6, 12),
            (11, 4),
            (12, 30),
            (12, 31),
        ]
    );
    assert_eq!(
        in_year(WORKING_WEEKENDS, 2024),
        [(4, 27), (11, 2), (12, 28)]
    );
}

/// 2025: decree of 04.10.2024 No. 1335. Jan 4 (Sat) -> May 2, Jan 5 (Sun)
/// -> Dec 31, Feb 23 (Sun) -> May 8, Mar 8 (Sat) -> Jun 13, Sat Nov 1
/// worked -> Mon Nov 3.
#[test]
fn year_2025() {
    assert_eq!(
        in_year(DAYS_OFF, 2025),
        [
            (1, 1),
            (1, 2),
            (1, 3),
            (1, 6),
            (1, 7),
            (1, 8),
            (5, 1),
            (5, 2),
            (5, 8),
            (5, 9),
            (6, 12),
            (6, 13),
            (11, 3),
            (11, 4),
            (12, 31),
        ]
    );
    assert_eq!(in_year(WORKING_WEEKENDS, 2025), [(11, 1)]);
    // Not carried over: the decree moved these weekend holidays elsewhere.
    assert!(!is_day_off(2025, 2, 24));
    assert!(!is_day_off(2025, 3, 10));
}

/// 2026: decree of 24.09.2025 No. 1466. Jan 3 (Sat) -> Fri Jan 9, Jan 4
/// (Sun) -> Thu Dec 31; Mar 8 (Sun) -> Mar 9 and May 9 (Sat) -> May 11 by
/// art. 112. Feb 23 is a Monday. No working weekend.
#[test]
fn year_2026() {
    assert_eq!(
        in_year(DAYS_OFF, 2026),
        [
            (1, 1),
            (1, 2),
            (1, 5),
            (1, 6),
            (1, 7),
            (1, 8),
            (1, 9),
            (2, 23),
            (3, 9),
            (5, 1),
            (5, 11),
            (6, 12),
            (11, 4),
            (12, 31),
        ]
    );
    assert!(in_year(WORKING_WEEKENDS, 2026).is_empty());
}

/// 2027: fixed holidays and the art. 112 carry-overs (May 1 Sat -> May 3,
/// May 9 Sun -> May 10, Jun 12 Sat -> Jun 14) are derived independently; the
/// decree's own transfers (Jan 2 Sat -> Fri Nov 5, Jan 3 Sun -> Fri Dec 31,
/// Sat Feb 20 worked -> Mon Feb 22) are as `holidays` 0.108 cites the 2027
/// decree and were not checked against the decree text itself.
#[test]
fn year_2027() {
    assert_eq!(
        in_year(DAYS_OFF, 2027),
        [
            (1, 1),
            (1, 4),
            (1, 5),
            (1, 6),
            (1, 7),
            (1, 8),
            (2, 22),
            (2, 23),
            (3, 8),
            (5, 3),
            (5, 10),
            (6, 14),
            (11, 4),
            (11, 5),
            (12, 31),
        ]
    );
    assert_eq!(in_year(WORKING_WEEKENDS, 2027), [(2, 20)]);
}

#[test]
fn ordinary_days_are_not_listed() {
    // A plain Tuesday, a plain Saturday, and days next to holidays.
    assert!(!is_day_off(2025, 3, 11));
    assert!(!is_working_weekend(2025, 3, 15));
    assert!(!is_day_off(2025, 1, 9));
    assert!(!is_day_off(2026, 1, 12));
    assert!(!is_day_off(2026, 12, 30));
    assert!(!is_working_weekend(2026, 1, 3));
    assert!(!is_working_weekend(2025, 1, 4));
}
