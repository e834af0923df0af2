//! R14: working days. The built-in Russian production calendar plus the
//! host's own holidays and extra working days.

use chrono::Datelike;

use super::calendar_ru;
use super::date::{add_days, is_weekend};
use super::model::Date;

/// Which way a touch moves off a non-working day (DOMAIN.md "How the rules
/// combine").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Move {
    /// Touches with a deadline: last check before E − R, renewal, pre-order need.
    Earlier,
    /// Touches that must not come early: first day, onboarding, check, apology, greeting.
    Later,
    /// Everything else.
    Nearest,
}

/// Decides whether a day is a working day.
#[derive(Debug, Clone)]
pub struct WorkingCalendar {
    russian: bool,
    /// Sorted.
    holidays: Vec<Date>,
    /// Sorted.
    workdays: Vec<Date>,
}

impl WorkingCalendar {
    /// `russian`: use the built-in production calendar; `holidays` and
    /// `workdays`: the host's overrides, which win over the built-in table.
    pub fn new(russian: bool, holidays: &[Date], workdays: &[Date]) -> Self {
        let mut h = holidays.to_vec();
        h.sort_unstable();
        h.dedup();
        let mut w = workdays.to_vec();
        w.sort_unstable();
        w.dedup();
        WorkingCalendar {
            russian,
            holidays: h,
            workdays: w,
        }
    }

    /// Whether the built-in table knows `year` (always true without it).
    pub fn covers(&self, year: i32) -> bool {
        !self.russian || (calendar_ru::FIRST_YEAR..=calendar_ru::LAST_YEAR).contains(&year)
    }

    /// A working day: not a weekend nor a holiday, unless declared working.
    pub fn is_working(&self, d: Date) -> bool {
        if self.workdays.binary_search(&d).is_ok() {
            return true;
        }
        if self.holidays.binary_search(&d).is_ok() {
            return false;
        }
        let key = (d.year(), d.month(), d.day());
        if self.russian {
            if calendar_ru::WORKING_WEEKENDS.binary_search(&key).is_ok() {
                return true;
            }
            if calendar_ru::DAYS_OFF.binary_search(&key).is_ok() {
                return false;
            }
        }
        !is_weekend(d)
    }

    /// `d` itself if working, else the first working day after it.
    pub fn on_or_after(&self, d: Date) -> Date {
        self.step(d, 1)
    }

    /// `d` itself if working, else the last working day before it.
    pub fn on_or_before(&self, d: Date) -> Date {
        self.step(d, -1)
    }

    fn step(&self, d: Date, dir: i64) -> Date {
        let mut x = d;
        // A run of days off is never longer than a few weeks; the bound
        // only guards against a host declaring a whole year off.
        for _ in 0..400 {
            if self.is_working(x) {
                return x;
            }
            x = add_days(x, dir);
        }
        d
    }

    /// Moves `d` to a working day in the direction `m` asks.
    pub fn move_day(&self, d: Date, m: Move) -> Date {
        match m {
            Move::Earlier => self.on_or_before(d),
            Move::Later => self.on_or_after(d),
            Move::Nearest => {
                let (b, a) = (self.on_or_before(d), self.on_or_after(d));
                if (d - b) <= (a - d) {
                    b
                } else {
                    a
                }
            }
        }
    }

    /// The working day `n` working days before `d`.
    pub fn working_days_before(&self, d: Date, n: u32) -> Date {
        let mut x = d;
        let mut left = n;
        let mut guard = 0;
        while left > 0 && guard < 2000 {
            x = add_days(x, -1);
            if self.is_working(x) {
                left -= 1;
            }
            guard += 1;
        }
        x
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::date::parse_iso;

    fn d(s: &str) -> Date {
        parse_iso(s).unwrap()
    }

    #[test]
    fn russian_new_year_holidays_and_working_saturday() {
        let cal = WorkingCalendar::new(true, &[], &[]);
        assert!(!cal.is_working(d("2026-01-05")));
        assert!(cal.is_working(d("2026-01-12")));
        assert!(
            cal.is_working(d("2025-11-01")),
            "Saturday 1 Nov 2025 is a working day"
        );
        assert!(!cal.is_working(d("2025-11-03")));
    }

    #[test]
    fn host_overrides_win_over_the_built_in_table() {
        let cal = WorkingCalendar::new(true, &[d("2026-11-25")], &[d("2026-01-05")]);
        assert!(!cal.is_working(d("2026-11-25")));
        assert!(cal.is_working(d("2026-01-05")));
    }

    #[test]
    fn moves_follow_the_direction() {
        let cal = WorkingCalendar::new(true, &[], &[]);
        // Saturday 2026-11-28.
        assert_eq!(
            cal.move_day(d("2026-11-28"), Move::Earlier),
            d("2026-11-27")
        );
        assert_eq!(cal.move_day(d("2026-11-28"), Move::Later), d("2026-11-30"));
        assert_eq!(
            cal.move_day(d("2026-11-28"), Move::Nearest),
            d("2026-11-27")
        );
        assert_eq!(
            cal.move_day(d("2026-11-29"), Move::Nearest),
            d("2026-11-30")
        );
        assert_eq!(cal.working_days_before(d("2026-12-02"), 3), d("2026-11-27"));
    }

    #[test]
    fn without_country_calendar_only_weekends_are_off() {
        let cal = WorkingCalendar::new(false, &[], &[]);
        assert!(cal.is_working(d("2026-01-05")));
        assert!(cal.covers(2040));
        assert!(!WorkingCalendar::new(true, &[], &[]).covers(2040));
    }
}
