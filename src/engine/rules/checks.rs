//! R5: the post-purchase check after valuable orders, and the service
//! period's onboarding and first day.

use crate::engine::calendar::Move;
use crate::engine::context::Ctx;
use crate::engine::date::{add_days, iso};
use crate::engine::draft::{place, Class, Purpose};
use crate::engine::model::{Date, SaleType, TouchKind};
use crate::engine::texts::Msg;

use super::cadence::cycle_spans;
use super::renewals::service_notes;

/// R5: the post-purchase check after valuable orders, past and expected.
pub fn post_purchase_checks(ctx: &mut Ctx) {
    let p = ctx.profile.clone();
    if p.sub_month {
        return;
    }
    let s = &ctx.input.settings;
    let orders = &ctx.input.client.orders;
    let min = s.check_min_amount;
    let first = orders.iter().map(|o| o.date).min();
    let mut dates: Vec<Date> = orders
        .iter()
        .filter(|o| {
            p.sale_type == SaleType::Consultative
                || Some(o.date) == first
                || o.amount.is_some_and(|a| a >= min)
        })
        .map(|o| o.date)
        .collect();
    let projected_checked =
        p.sale_type == SaleType::Consultative || p.typical_amount.is_some_and(|a| a >= min);
    if projected_checked {
        dates.extend(
            cycle_spans(ctx)
                .into_iter()
                .map(|(_, ce)| ce)
                .filter(|d| *d > p.anchor),
        );
    }
    dates.sort_unstable();
    dates.dedup();
    let (silence, by) = (i64::from(s.silence_days), i64::from(s.check_by_day));
    for o in dates {
        let deadline = add_days(o, by);
        if deadline < ctx.from {
            continue;
        }
        let why = ctx.msg(Msg::WhyCheck, &[&iso(o), &by.to_string()]);
        let mut pu = Purpose::new(
            TouchKind::Check,
            Class::PostPurchaseCheck,
            "R5",
            Some("post_purchase_check"),
            why,
        );
        pu.not_before = Some(add_days(o, silence + 1));
        pu.deadline = Some(deadline);
        ctx.add(add_days(o, silence + 1), Move::Later, pu);
    }
}

/// R5: onboarding before the service period starts, the first day on it.
pub fn service_start(ctx: &mut Ctx) {
    let Some(sv) = ctx.input.client.service.clone() else {
        return;
    };
    let s = &ctx.input.settings;
    if sv.start > ctx.from {
        let raw = add_days(sv.start, -i64::from(s.onboarding_lead_days)).max(ctx.from);
        let why = ctx.msg(Msg::WhyOnboarding, &[&iso(sv.start)]);
        let mut pu = Purpose::new(
            TouchKind::Onboarding,
            Class::Onboarding,
            "R5",
            Some("onboarding"),
            why,
        );
        pu.deadline = Some(add_days(sv.start, -1));
        if let Some(d) = place(&ctx.cal, ctx.from, ctx.to, raw, Move::Later, pu) {
            if d.date < sv.start {
                ctx.drafts.push(d);
            }
        }
    }
    let why = ctx.msg(Msg::WhyFirstDay, &[]);
    let mut pu = Purpose::new(
        TouchKind::FirstDay,
        Class::FirstDay,
        "R5",
        Some("first_day"),
        why,
    );
    pu.fixed = true;
    pu.not_before = Some(sv.start);
    pu.notes = service_notes(ctx, &sv);
    if sv.start >= ctx.from {
        ctx.add(sv.start, Move::Later, pu);
    }
}
