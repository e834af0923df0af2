//! R5: the post-purchase check after real, valuable purchases, and the
//! service period's onboarding and first day.

use crate::engine::calendar::Move;
use crate::engine::context::Ctx;
use crate::engine::date::add_days;
use crate::engine::draft::{place, Class, Purpose};
use crate::engine::model::{Date, SaleType, ServiceKind, TouchKind};
use crate::engine::texts::{human_date, Msg};

use super::renewals::service_notes;

/// A real purchase R5 checks: the day the check counts from (the order, or
/// the first day of the service period it bought) and the day of the
/// purchase itself, from which a check in `history` satisfies it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Purchase {
    base: Date,
    since: Date,
    service_start: bool,
}

/// R5: the purchases that deserve a check — the first order, every order
/// of a consultative sale, a transactional order of at least
/// `checkMinAmount`, and the start of a service period — never expected
/// orders, nor orders after today.
fn purchases(ctx: &Ctx) -> Vec<Purchase> {
    let p = &ctx.profile;
    let min = ctx.input.settings.check_min_amount;
    let client = &ctx.input.client;
    let first = client.orders.iter().map(|o| o.date).min();
    // An order within one period length before the service starts bought
    // that period (R2): one check, after the first day.
    let sv = client.service.as_ref();
    let mut out: Vec<Purchase> = client
        .orders
        .iter()
        .filter(|o| o.date <= ctx.from)
        .filter(|o| {
            p.sale_type == SaleType::Consultative
                || Some(o.date) == first
                || o.amount.is_some_and(|a| a >= min)
        })
        .map(|o| match sv {
            // The purchase of a period that starts later: the check follows
            // its first day, never before it.
            Some(sv)
                if o.date <= sv.start
                    && o.date >= add_days(sv.start, -(sv.end - sv.start).num_days()) =>
            {
                Purchase {
                    base: sv.start,
                    since: o.date,
                    service_start: true,
                }
            }
            _ => Purchase {
                base: o.date,
                since: o.date,
                service_start: false,
            },
        })
        .collect();
    if let Some(sv) = &client.service {
        if sv.start <= ctx.to && !out.iter().any(|x| x.base == sv.start) {
            out.push(Purchase {
                base: sv.start,
                since: sv.start,
                service_start: true,
            });
        }
    }
    out.sort();
    // One check per base day: the earliest purchase behind it counts.
    out.dedup_by_key(|x| x.base);
    out
}

/// R13: a check recorded in `history` on or after the purchase, by anyone.
fn checked_since(ctx: &Ctx, since: Date) -> bool {
    ctx.input
        .client
        .history
        .iter()
        .any(|h| h.date >= since && h.reason.as_deref() == Some("post_purchase_check"))
}

/// R5: the post-purchase check after each real purchase that deserves one,
/// after the days of silence and by day `checkByDay`; when today is past
/// that, as soon as possible up to `checkLateDays`, noted as late.
pub fn post_purchase_checks(ctx: &mut Ctx) {
    if ctx.profile.sub_month {
        return;
    }
    let s = &ctx.input.settings;
    let (silence, by) = (i64::from(s.silence_days), i64::from(s.check_by_day));
    let late_days = i64::from(s.check_late_days).max(by);
    for pur in purchases(ctx) {
        if checked_since(ctx, pur.since) {
            continue;
        }
        let earliest = add_days(pur.base, silence + 1);
        let on_time = add_days(pur.base, by);
        let late = on_time < ctx.from;
        let deadline = if late {
            add_days(pur.base, late_days)
        } else {
            on_time
        };
        if deadline < ctx.from {
            continue;
        }
        // R1/R5: a late check's why says it is late, as its note does.
        let (service_msg, order_msg) = if late {
            (Msg::WhyCheckServiceLate, Msg::WhyCheckLate)
        } else {
            (Msg::WhyCheckService, Msg::WhyCheck)
        };
        let why = if pur.service_start {
            ctx.msg(service_msg, &[&by.to_string()])
        } else {
            ctx.msg(
                order_msg,
                &[&human_date(ctx.locale(), pur.base), &by.to_string()],
            )
        };
        let mut pu = Purpose::new(
            TouchKind::Check,
            Class::PostPurchaseCheck,
            "R5",
            Some("post_purchase_check"),
            why,
        );
        let raw = earliest.max(ctx.from);
        pu.not_before = Some(raw);
        pu.deadline = Some(deadline);
        pu.since = Some(pur.since);
        if late {
            pu.notes
                .push(ctx.msg(Msg::NoteCheckLate, &[&by.to_string()]));
        }
        ctx.add(raw, Move::Later, pu);
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
        // R2: the preparation follows the service kind.
        let m = match sv.kind {
            Some(ServiceKind::Campaign) => Msg::WhyOnboardingCampaign,
            Some(ServiceKind::Membership | ServiceKind::Subscription) => {
                Msg::WhyOnboardingMembership
            }
            Some(ServiceKind::Contract) => Msg::WhyOnboardingContract,
            Some(ServiceKind::Policy) => Msg::WhyOnboardingPolicy,
            None => Msg::WhyOnboarding,
        };
        let why = ctx.msg(m, &[&human_date(ctx.locale(), sv.start)]);
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
