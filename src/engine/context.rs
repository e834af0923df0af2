//! The planning context: one client's input, its profile, the working
//! calendar, the horizon, and the touches and warnings the rules add.

use super::calendar::{Move, WorkingCalendar};
use super::date::iso;
use super::draft::{place, Draft, Purpose};
use super::input::PlanInput;
use super::model::{Date, Locale};
use super::output::Warning;
use super::profile::Profile;
use super::texts::{message, Msg};

/// Everything a rule needs while planning one client.
pub struct Ctx<'a> {
    pub input: &'a PlanInput,
    pub profile: Profile,
    pub cal: WorkingCalendar,
    pub from: Date,
    pub to: Date,
    pub drafts: Vec<Draft>,
    pub warnings: Vec<Warning>,
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
}
