//! The planning context: one client's input, its profile, the working
//! calendar, the horizon, and the touches and warnings the rules add.

use std::rc::Rc;

use super::calendar::{Move, WorkingCalendar};
use super::date::{add_days, iso};
use super::draft::{place, Draft, Purpose};
use super::input::PlanInput;
use super::model::{Date, Locale};
use super::output::Warning;
use super::profile::Profile;
use super::rules::offers::Purchases;
use super::texts::{message, Msg};

/// Everything a rule needs while planning one client.
pub struct Ctx<'a> {
    pub input: &'a PlanInput,
    pub profile: Profile,
    /// What the client bought, indexed once (R10).
    pub bought: Rc<Purchases<'a>>,
    pub cal: WorkingCalendar,
    pub from: Date,
    pub to: Date,
    pub drafts: Vec<Draft>,
    pub warnings: Vec<Warning>,
    /// Touches taken out for a gap (R13's merge gap, R7's channel gaps):
    /// day, what it was, the rule and the cause; reported once per cause.
    pub gap_drops: Vec<(Date, String, &'static str, String)>,
    /// R7's channels as [`limits::settle_channel_gaps`] left them, for the
    /// drafts' days then (a book's levelling may move a touch later: then
    /// they are assigned again).
    pub channels: Vec<(Date, super::channels::Assigned)>,
}

impl<'a> Ctx<'a> {
    pub fn locale(&self) -> Locale {
        self.input.locale
    }

    pub fn msg(&self, m: Msg, args: &[&str]) -> String {
        message(self.input.locale, m, args)
    }

    pub fn warn(
        &mut self,
        code: &str,
        m: String,
        rule: &str,
        date: Option<Date>,
        path: Option<&str>,
    ) {
        self.warnings.push(Warning {
            code: code.into(),
            message: m,
            path: path.map(str::to_string),
            rule: Some(rule.into()),
            date: date.map(iso),
            dates: None,
        });
    }

    pub(crate) fn add(&mut self, raw: Date, mv: Move, p: Purpose) -> Option<usize> {
        let d = place(&self.cal, self.from, self.to, raw, mv, p)?;
        self.drafts.push(d);
        Some(self.drafts.len() - 1)
    }

    /// R4: need discovery pauses while a deal is open.
    pub(crate) fn need_paused(&self, d: Date) -> bool {
        self.input.client.open_deal.is_some_and(|since| d >= since)
    }

    /// The first working day from `start` on, within the horizon, that
    /// every purpose of `d` allows and `blocked` does not forbid: a day free
    /// of other touches if one is in reach, else the first such day; `None`
    /// when a deadline or the horizon ends first (R11 freezes, R12 quiet).
    pub(crate) fn free_day_from(
        &self,
        d: &Draft,
        start: Date,
        blocked: impl Fn(Date) -> bool,
    ) -> Option<Date> {
        let mut day = self.cal.on_or_after(start);
        let mut fallback = None;
        for _ in 0..60 {
            let late = d
                .purposes
                .iter()
                .any(|p| p.deadline.is_some_and(|x| day > x));
            if day > self.to || late {
                break;
            }
            if !blocked(day) && d.allows(day) {
                if !self.drafts.iter().any(|x| x.date == day) {
                    return Some(day);
                }
                fallback.get_or_insert(day);
            }
            day = self.cal.on_or_after(add_days(day, 1));
        }
        fallback
    }

    /// Moves `d` to `day`, with a note saying why, and plans it again.
    pub(crate) fn replace_on(&mut self, mut d: Draft, day: Date, note: String) {
        d.moved_from.get_or_insert(d.date);
        d.date = day;
        for p in &mut d.purposes {
            p.date = day;
        }
        if !d.purposes[0].notes.contains(&note) {
            d.purposes[0].notes.push(note);
        }
        self.drafts.push(d);
    }
}
