//! R14: working days. The built-in Russian production calendar plus the
//! host's own holidays and extra working days.

use std::cell::Cell;

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
    /// Days already decided from `first` on (0: not yet, 1: off, 2:
    /// working): the rules ask about the same days again and again.
    first: Date,
    known: Vec<Cell<u8>>,
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
            first: Date::MIN,
            known: Vec::new(),
        }
    }

    /// Remembers each day of `from..=to` once decided (the planning span
    /// with room on either side); other days are decided every time.
    pub fn remembering(mut self, from: Date, to: Date) -> Self {
        let days = (to - from).num_days() + 1;
        if days > 0 {
            self.first = from;
            self.known = vec![Cell::new(0); days as usize];
        }
        self
    }

    /// Whether the built-in table knows `year` (always true without it).
    pub fn covers(&self, year: i32) -> bool {
        !self.russian || (calendar_ru::FIRST_YEAR..=calendar_ru::LAST_YEAR).contains(&year)
    }

    /// A working day: not a weekend nor a holiday, unless declared working.
    pub fn is_working(&self, d: Date) -> bool {
        if let Some(slot) = self.slot(d).map(|i| &self.known[i]) {
            if slot.get() == 0 {
                slot.set(if self.decide(d) { 2 } else { 1 });
            }
            return slot.get() == 2;
        }
        self.decide(d)
    }

    /// `d`'s index in `known`, if remembered there.
    fn slot(&self, d: Date) -> Option<usize> {
        if self.known.is_empty() {
            return None;
        }
        usize::try_from((d - self.first).num_days())
            .ok()
            .filter(|i| *i < self.known.len())
    }

    fn decide(&self, d: Date) -> bool {
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
        // A run of days off is never longer than a few weeks; the bound
        // only guards against a host declaring a whole year off.
        const REACH: i64 = 400;
        if let Some(at) = self.slot(d) {
            // Within the remembered span: walk the slots, deciding a day
            // only the first time it is asked about.
            for k in 0..REACH {
                let Some(slot) = usize::try_from(at as i64 + k * dir)
                    .ok()
                    .and_then(|i| self.known.get(i))
                else {
                    return self.step_from(d, k, dir);
                };
                let working = match slot.get() {
                    0 => {
                        let w = self.decide(add_days(d, k * dir));
                        slot.set(if w { 2 } else { 1 });
                        w
                    }
                    v => v == 2,
                };
                if working {
                    return add_days(d, k * dir);
                }
            }
            return d;
        }
        self.step_from(d, 0, dir)
    }

    /// [`Self::step`] from its `k`th day on, day by day.
    fn step_from(&self, d: Date, k: i64, dir: i64) -> Date {
        let mut x = add_days(d, k * dir);
        for _ in k..400 {
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
