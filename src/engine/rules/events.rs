//! Events and the annual meeting (R2, R8): invitations to at least
//! `eventsPerYear` events in consultative sales, and the annual results
//! meeting for A+ and A.

use chrono::Datelike;

use crate::engine::calendar::Move;
use crate::engine::context::Ctx;
use crate::engine::date::{add_days, add_months, in_year};
use crate::engine::draft::{place, Class, Purpose};
use crate::engine::model::{ClientKind, Date, SaleType, TouchKind};
use crate::engine::settings::EventPolicy;
use crate::engine::texts::{human_date, Msg};

/// R2: invitations to at least `eventsPerYear` events a calendar year in
/// consultative sales (not to private persons, R8): each known event of the
/// company gets one, 1–6 weeks ahead; the years short of known events get
/// slots in the fixed months `eventSlotMonths`, so that they neither slide
/// with `today` nor crowd a short horizon.
pub fn events(ctx: &mut Ctx) {
    let p = ctx.profile.clone();
    if p.sale_type != SaleType::Consultative
        || p.policy.events == EventPolicy::None
        || ctx.input.client.kind == ClientKind::Person
    {
        return;
    }
    let automated = p.policy.events == EventPolicy::Automated;
    let s = &ctx.input.settings;
    let (per_year, lead) = (s.events_per_year, i64::from(s.event_invite_lead_days));
    let slot_months = s.event_slot_months.clone();
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
    for year in ctx.from.year()..=ctx.to.year() {
        let in_year: Vec<&(Date, String)> =
            known.iter().filter(|(d, _)| d.year() == year).collect();
        for (date, title) in &in_year {
            if *date <= ctx.from {
                continue;
            }
            let why = ctx.msg(Msg::WhyEvent, &[title, &human_date(ctx.locale(), *date)]);
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
            ctx.add(add_days(*date, -lead).max(ctx.from), Move::Nearest, pu);
        }
        // Fewer known events than the floor: slots in the fixed months not
        // already holding a known event.
        let missing = (per_year as usize).saturating_sub(in_year.len());
        let months = slot_months
            .iter()
            .copied()
            .filter(|m| !in_year.iter().any(|(d, _)| d.month() == *m))
            .take(missing);
        for m in months {
            let Some(first) = Date::from_ymd_opt(year, m, 1) else {
                continue;
            };
            let last = add_days(add_months(first, 1), -1);
            let why = ctx.msg(Msg::WhyEventSlotMonth, &[&per_year.to_string()]);
            // The invitation is the slot's own reason; what the manager
            // lacks is the event itself, which the warning asks for.
            let mut pu = Purpose::new(
                TouchKind::Event,
                Class::EventInvitation,
                "R2",
                Some("event_invitation"),
                why,
            );
            pu.automated = automated;
            pu.not_before = Some(first);
            pu.deadline = Some(last);
            pu.slot_window = Some((first, add_months(first, 1)));
            // Only a slot really placed (inside the horizon) is warned of,
            // on its own date; a company with events in other years is told
            // which year lacks them.
            let Some(i) = ctx.add(add_days(first, 14), Move::Nearest, pu) else {
                continue;
            };
            let placed = ctx.drafts[i].date;
            let m = if known.is_empty() {
                ctx.msg(Msg::WarnNoCompanyEvents, &[])
            } else {
                ctx.msg(Msg::WarnNoCompanyEventsInYear, &[&year.to_string()])
            };
            ctx.warn(
                "no_company_events",
                m,
                "R2",
                Some(placed),
                Some("company.events"),
            );
        }
    }
}

/// R2/R8: the annual results meeting for A+ and A businesses: in the second
/// half of December (`annualMeeting`), or 12 months after the last one in
/// `history` (as soon as possible when that is already past); never two
/// within twelve months.
pub fn annual_meeting(ctx: &mut Ctx) {
    let p = ctx.profile.clone();
    if !p.policy.annual_meeting || ctx.input.client.kind == ClientKind::Person {
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
    let mut raws = Vec::new();
    match last {
        Some(l) => {
            let mut k = 12;
            loop {
                let d = add_months(l, k);
                if d > ctx.to {
                    break;
                }
                raws.push(d.max(ctx.from));
                k += 12;
            }
        }
        None => {
            for y in ctx.from.year()..=ctx.to.year() {
                if let Some(d) = in_year(y, s.meeting_month, s.meeting_day) {
                    raws.push(d);
                }
            }
        }
    }
    raws.dedup();
    let mut previous = last;
    for raw in raws {
        let why = ctx.msg(Msg::WhyMeeting, &[]);
        let pu = Purpose::new(
            TouchKind::Meeting,
            Class::AnnualMeeting,
            "R2",
            Some("annual_meeting"),
            why,
        );
        let Some(d) = place(&ctx.cal, ctx.from, ctx.to, raw, Move::Nearest, pu.clone()) else {
            continue;
        };
        // Twelve months apart at least: else one working day later, if any.
        let d = match previous {
            Some(prev) if d.date < add_months(prev, 12) => {
                match place(&ctx.cal, ctx.from, ctx.to, raw, Move::Later, pu) {
                    Some(later) if later.date >= add_months(prev, 12) => later,
                    _ => continue,
                }
            }
            _ => d,
        };
        previous = Some(d.date);
        ctx.drafts.push(d);
    }
}
