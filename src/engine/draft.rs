//! Touches while they are being planned: each carries its purposes, so that
//! merging (R13) keeps every reason and every constraint.

use super::calendar::{Move, WorkingCalendar};
use super::model::{Channel, Date, TouchKind};

/// Protection against caps, most protected first (DOMAIN.md "How the rules
/// combine"): the derived order is the drop order reversed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Class {
    Apology,
    Renewal,
    LastReactionCheck,
    FirstDay,
    Onboarding,
    PostPurchaseCheck,
    Mandatory,
    Need,
    AnnualMeeting,
    ReactionCheck,
    /// Standard touches, offers and the apology follow-up.
    Standard,
    Greeting,
    EventInvitation,
    /// Automated top-ups (R3) and other automated marketing touches.
    Automated,
}

/// One reason a touch exists.
#[derive(Debug, Clone, PartialEq)]
pub struct Purpose {
    pub kind: TouchKind,
    pub class: Class,
    /// The rule that placed it, e.g. "R6".
    pub rule: &'static str,
    /// The catalog reason the rule itself gives, if any.
    pub reason: Option<&'static str>,
    /// One sentence, in the locale.
    pub why: String,
    /// The day the rule asked for, after the working-day move.
    pub date: Date,
    /// Tied to its day (greeting, first day, event, apology).
    pub fixed: bool,
    /// Never earlier than this (a birthday, a start).
    pub not_before: Option<Date>,
    /// Never later than this (E − R, a renewal, an order).
    pub deadline: Option<Date>,
    /// Index into `client.contacts` when the purpose concerns one person.
    pub contact: Option<usize>,
    /// Index into `company.contentPlan` when an item drives it.
    pub content: Option<usize>,
    pub notes: Vec<String>,
    pub automated: bool,
    /// A standard slot of R2's count: a greeting in its window replaces it.
    pub slot_window: Option<(Date, Date)>,
    /// Tied to an expected order, not a fact (R2).
    pub expected: bool,
    /// The purchase, period start or failure it concerns: a touch with the
    /// same reason in `history` since then already served it (R13).
    pub since: Option<Date>,
}

impl Purpose {
    pub fn new(
        kind: TouchKind,
        class: Class,
        rule: &'static str,
        reason: Option<&'static str>,
        why: String,
    ) -> Self {
        Purpose {
            kind,
            class,
            rule,
            reason,
            why,
            date: Date::MIN,
            fixed: false,
            not_before: None,
            deadline: None,
            contact: None,
            content: None,
            notes: Vec::new(),
            automated: false,
            slot_window: None,
            expected: false,
            since: None,
        }
    }

    /// Whether `d` satisfies this purpose's constraints.
    pub fn allows(&self, d: Date) -> bool {
        self.not_before.is_none_or(|n| d >= n) && self.deadline.is_none_or(|x| d <= x)
    }
}

/// A touch being planned.
#[derive(Debug, Clone, PartialEq)]
pub struct Draft {
    pub date: Date,
    pub moved_from: Option<Date>,
    /// Most protected first.
    pub purposes: Vec<Purpose>,
    /// R9: a birthday message prepared ahead for a day off.
    pub scheduled: bool,
    /// Set for scheduled messages; the rest get theirs from R7.
    pub channel: Option<Channel>,
}

impl Draft {
    /// A touch of one purpose on `day` itself; with `scheduled_on`, a
    /// message prepared ahead and sent that day on that channel (R9).
    pub fn on_day(day: Date, mut purpose: Purpose, scheduled_on: Option<Channel>) -> Draft {
        purpose.date = day;
        Draft {
            date: day,
            moved_from: None,
            purposes: vec![purpose],
            scheduled: scheduled_on.is_some(),
            channel: scheduled_on,
        }
    }

    /// The most protected purpose: it names the touch's kind and rule.
    pub fn main(&self) -> &Purpose {
        &self.purposes[0]
    }

    pub fn class(&self) -> Class {
        self.main().class
    }

    pub fn automated(&self) -> bool {
        self.purposes.iter().all(|p| p.automated)
    }

    pub fn allows(&self, d: Date) -> bool {
        self.purposes.iter().all(|p| p.allows(d))
    }

    pub fn has_kind(&self, k: TouchKind) -> bool {
        self.purposes.iter().any(|p| p.kind == k)
    }

    /// The day a merged touch falls on: a fixed purpose's day, else the
    /// most protected purpose's day, if every purpose allows it.
    pub fn merged_date(a: &Draft, b: &Draft) -> Option<Date> {
        // Asked for every pair of close touches: nothing is collected.
        let all = || a.purposes.iter().chain(&b.purposes);
        // The fixed purposes' days, consecutive repeats counted once: one
        // day, or none, or more (`None`).
        let mut fixed: Option<Option<Date>> = Some(None);
        let mut last = None;
        for p in all().filter(|p| p.fixed) {
            if last == Some(p.date) {
                continue;
            }
            last = Some(p.date);
            fixed = match fixed {
                Some(None) => Some(Some(p.date)),
                _ => None,
            };
        }
        match fixed {
            // A purpose tied to its day keeps it; two such days never merge.
            Some(Some(day)) => return all().all(|p| p.allows(day)).then_some(day),
            Some(None) => {}
            None => return None,
        }
        let (first, second) = if a.class() <= b.class() {
            (a, b)
        } else {
            (b, a)
        };
        [first.date, second.date]
            .into_iter()
            .find(|d| all().all(|p| p.allows(*d)))
    }

    /// Merges `b` into `a` on `date`, keeping every purpose.
    pub fn absorb(&mut self, b: Draft, date: Date) {
        if date != self.date {
            self.moved_from = if date == b.date { b.moved_from } else { None };
        }
        self.date = date;
        self.purposes.extend(b.purposes);
        self.purposes.sort_by_key(|p| p.class);
    }
}

/// Puts a purpose on a working day near `raw`, as R14 says for `mv`; `None`
/// when the day falls outside `[from, to]`.
pub fn place(
    cal: &WorkingCalendar,
    from: Date,
    to: Date,
    raw: Date,
    mv: Move,
    p: Purpose,
) -> Option<Draft> {
    let mut date = cal.move_day(raw, mv);
    if date < from && raw >= from {
        date = cal.on_or_after(from);
    }
    if date < from || date > to {
        return None;
    }
    if p.deadline.is_some_and(|dl| date > dl) || p.not_before.is_some_and(|nb| date < nb) {
        // The move broke a constraint: try the other direction.
        let other = match mv {
            Move::Earlier => cal.on_or_after(raw),
            _ => cal.on_or_before(raw),
        };
        if p.allows(other) && other >= from && other <= to {
            date = other;
        } else {
            // No working day in reach keeps the rule's own constraints.
            return None;
        }
    }
    let mut draft = Draft::on_day(date, p, None);
    draft.moved_from = (date != raw).then_some(raw);
    Some(draft)
}
