//! Events and the annual meeting (R2, R8): invitations to at least
//! `eventsPerYear` events in consultative sales, and the annual results
//! meeting for A+ and A.

use chrono::Datelike;

use crate::engine::calendar::Move;
use crate::engine::context::Ctx;
use crate::engine::date::{add_days, add_months, in_year, iso};
use crate::engine::draft::{Class, Purpose};
use crate::engine::model::{Date, SaleType, TouchKind};
use crate::engine::settings::EventPolicy;
use crate::engine::texts::Msg;

/// Twelve-month windows from `from` (for "a year" counts).
fn year_windows(ctx: &Ctx) -> Vec<(Date, Date)> {
    let mut out = Vec::new();
    let mut start = ctx.from;
    let mut k = 0;
    while start <= ctx.to {
        k += 12;
        let next = add_months(ctx.from, k);
        out.push((start, add_days(next, -1).min(ctx.to)));
        start = next;
    }
    out
}

/// R2: invitations to at least `eventsPerYear` events in consultative sales.
pub fn events(ctx: &mut Ctx) {
    let p = ctx.profile.clone();
    if p.sale_type != SaleType::Consultative || p.policy.events == EventPolicy::None {
        return;
    }
    let automated = p.policy.events == EventPolicy::Automated;
    let s = &ctx.input.settings;
    let (per_year, lead) = (s.events_per_year, i64::from(s.event_invite_lead_days));
    let company = &ctx.input.company;
    let mut known: Vec<(Date, String)> = company
        .events
        .iter()
        .map(|e| (e.date, e.title.clone()))
        .collect();
    known.extend(
        company
            .content_plan
            .iter()
            .filter(|i| i.reason == "event_invitation")
            .map(|i| (i.date, i.title.clone())),
    );
    known.sort();
    known.dedup();
    for (ws, we) in year_windows(ctx) {
        let mut placed = 0;
        for (date, title) in known.iter().filter(|(d, _)| *d >= ws && *d <= we) {
            let why = ctx.msg(Msg::WhyEvent, &[title, &iso(*date)]);
            let mut pu = Purpose::new(
                TouchKind::Event,
                Class::EventInvitation,
                "R2",
                Some("event_invitation"),
                why,
            );
            pu.fixed = true;
            pu.deadline = Some(add_days(*date, -1));
            pu.automated = automated;
            if ctx
                .add(add_days(*date, -lead).max(ctx.from), Move::Nearest, pu)
                .is_some()
            {
                placed += 1;
            }
        }
        // Fewer known events than the floor: slots to fill from the plan.
        let missing = per_year.saturating_sub(placed);
        let span = (we - ws).num_days();
        for i in 0..missing {
            let raw = add_days(ws, span * i64::from(i + 1) / i64::from(missing + 1));
            let why = ctx.msg(Msg::WhyEventSlot, &[&per_year.to_string()]);
            let mut pu = Purpose::new(TouchKind::Event, Class::EventInvitation, "R2", None, why);
            pu.automated = automated;
            ctx.add(raw, Move::Nearest, pu);
        }
    }
}

/// R2/R8: the annual results meeting for A+ and A.
pub fn annual_meeting(ctx: &mut Ctx) {
    let p = ctx.profile.clone();
    if !p.policy.annual_meeting {
        return;
    }
    let s = &ctx.input.settings;
    let last = ctx
        .input
        .client
        .history
        .iter()
        .filter(|h| h.reason.as_deref() == Some("annual_meeting"))
        .map(|h| h.date)
        .max();
    let mut dates = Vec::new();
    match last {
        Some(l) => {
            let mut k = 12;
            loop {
                let d = add_months(l, k);
                if d > ctx.to {
                    break;
                }
                dates.push(d.max(ctx.from));
                k += 12;
            }
        }
        None => {
            for y in ctx.from.year()..=ctx.to.year() {
                if let Some(d) = in_year(y, s.meeting_month, s.meeting_day) {
                    dates.push(d);
                }
            }
        }
    }
    dates.dedup();
    for d in dates {
        let why = ctx.msg(Msg::WhyMeeting, &[p.segment.as_str()]);
        let pu = Purpose::new(
            TouchKind::Meeting,
            Class::AnnualMeeting,
            "R2",
            Some("annual_meeting"),
            why,
        );
        ctx.add(d, Move::Nearest, pu);
    }
}
