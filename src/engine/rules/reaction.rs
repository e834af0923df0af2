//! R6: the reaction window of a service period — check-ins no more than G
//! apart from the start to E − R, the last one no later than E − R, and a
//! warning for any gap over G that merges and caps leave.

use crate::engine::calendar::Move;
use crate::engine::context::Ctx;
use crate::engine::date::{add_days, iso};
use crate::engine::draft::{Class, Purpose};
use crate::engine::model::{Date, ServiceKind, TouchKind};
use crate::engine::texts::Msg;

/// R6: the service period's window: (first day planned, E − R, G).
fn reaction_bounds(ctx: &Ctx) -> Option<(Date, Date, i64, &'static str)> {
    let sv = ctx.input.client.service.as_ref()?;
    let r = sv.reaction_days.unwrap_or(ctx.input.settings.reaction_days);
    let g = i64::from(ctx.input.settings.gap_for(r));
    let last = add_days(sv.end, -i64::from(r));
    let campaign = sv.kind == Some(ServiceKind::Campaign);
    let code = if campaign {
        "campaign_results"
    } else {
        "reaction_check"
    };
    (last >= sv.start && last >= ctx.from).then_some((sv.start, last, g, code))
}

/// R6: the last check-in no later than E − R, and not so early that the
/// end goes unwatched.
pub fn last_reaction_check(ctx: &mut Ctx) {
    let Some(sv) = ctx.input.client.service.clone() else {
        return;
    };
    let r = sv.reaction_days.unwrap_or(ctx.input.settings.reaction_days);
    let g = i64::from(ctx.input.settings.gap_for(r));
    let last = add_days(sv.end, -i64::from(r));
    if last < sv.start {
        let m = ctx.msg(Msg::WarnPeriodTooShort, &[]);
        ctx.warn(
            "period_too_short",
            m,
            "R6",
            Some(sv.end),
            Some("client.service"),
        );
        return;
    }
    if last < ctx.from {
        return;
    }
    let campaign = sv.kind == Some(ServiceKind::Campaign);
    let code = if campaign {
        "campaign_results"
    } else {
        "reaction_check"
    };
    let why = ctx.msg(Msg::WhyReactionLast, &[&iso(last), &r.to_string()]);
    let mut pu = Purpose::new(
        TouchKind::Check,
        Class::LastReactionCheck,
        "R6",
        Some(code),
        why,
    );
    pu.deadline = Some(last);
    pu.not_before = Some(add_days(last, -g));
    ctx.add(last, Move::Earlier, pu);
}

/// R6: check-ins where touches already planned leave a gap over G between
/// the start (or the last touch before today) and E − R. Runs after merges,
/// so that it sees the days touches really fall on.
pub fn fill_reaction_gaps(ctx: &mut Ctx) {
    let Some((start, last, g, code)) = reaction_bounds(ctx) else {
        return;
    };
    let begin = start.max(ctx.from);
    let mut prev = if start >= ctx.from {
        start
    } else {
        ctx.input
            .client
            .history
            .iter()
            .map(|h| h.date)
            .filter(|d| *d >= start && *d < ctx.from)
            .max()
            .unwrap_or(ctx.from)
    };
    let mut guard = 0;
    loop {
        guard += 1;
        let next = ctx
            .drafts
            .iter()
            .map(|d| d.date)
            .filter(|d| *d > prev && *d <= last)
            .min()
            .unwrap_or(last);
        if (next - prev).num_days() <= g || guard > 400 {
            if next >= last {
                break;
            }
            prev = next;
            continue;
        }
        let mut day = ctx.cal.on_or_before(add_days(prev, g));
        if day <= prev || day < begin {
            day = ctx.cal.on_or_after(add_days(prev, 1));
        }
        if day >= next {
            // Days off fill the gap: nothing fits, the check warns later.
            prev = next;
            if next >= last {
                break;
            }
            continue;
        }
        let why = ctx.msg(Msg::WhyReactionGap, &[&g.to_string()]);
        let mut pu = Purpose::new(
            TouchKind::Check,
            Class::ReactionCheck,
            "R6",
            Some(code),
            why,
        );
        pu.deadline = Some(last);
        match ctx.add(day, Move::Earlier, pu) {
            Some(i) => prev = ctx.drafts[i].date.max(add_days(prev, 1)),
            None => break,
        }
    }
}

/// R6: after merges and caps, report any gap over G that remains.
pub fn check_reaction_gaps(ctx: &mut Ctx) {
    let Some(sv) = &ctx.input.client.service else {
        return;
    };
    let r = sv.reaction_days.unwrap_or(ctx.input.settings.reaction_days);
    let g = i64::from(ctx.input.settings.gap_for(r));
    let last = add_days(sv.end, -i64::from(r));
    let start = sv.start.max(ctx.from);
    if last < start {
        return;
    }
    let mut days: Vec<Date> = ctx
        .drafts
        .iter()
        .map(|d| d.date)
        .filter(|d| *d >= start && *d <= last)
        .collect();
    days.dedup();
    let mut found = Vec::new();
    for w in days.windows(2) {
        if (w[1] - w[0]).num_days() > g {
            found.push((w[0], w[1]));
        }
    }
    for (a, b) in found {
        let m = ctx.msg(Msg::WarnGapExceeded, &[&iso(a), &iso(b), &g.to_string()]);
        ctx.warn("gap_exceeded", m, "R6", Some(a), Some("client.service"));
    }
}
