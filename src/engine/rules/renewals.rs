//! R11: renewal of the service period (ahead of its end, before a renewal
//! promotion ends, after a freeze), other terms ending, and the freeze
//! itself: no contact but greetings and the renewal while it lasts.

use crate::engine::calendar::Move;
use crate::engine::context::Ctx;
use crate::engine::date::add_days;
use crate::engine::draft::{Class, Draft, Purpose};
use crate::engine::input::Service;
use crate::engine::model::TouchKind;
use crate::engine::texts::{human_date, kind_name, Msg};

/// The service period's notes (promotion, freeze) that its first day (R5)
/// and its renewal reminder carry.
pub fn service_notes(ctx: &Ctx, sv: &Service) -> Vec<String> {
    let mut notes = Vec::new();
    if let Some(promo) = &sv.promo {
        notes.push(ctx.msg(Msg::NotePromo, &[promo]));
    }
    if let Some((f, t)) = sv.frozen {
        notes.push(ctx.msg(
            Msg::NoteFrozen,
            &[&human_date(ctx.locale(), f), &human_date(ctx.locale(), t)],
        ));
    }
    notes
}

/// R11: the renewal reminder ahead of the service period's end, or before
/// a renewal promotion ends; past a freeze it would fall in.
pub fn renewal(ctx: &mut Ctx) {
    let Some(sv) = ctx.input.client.service.clone() else {
        return;
    };
    // R13: a reminder already made this period (by anyone) served it.
    let reminded = ctx.input.client.history.iter().any(|h| {
        h.date >= sv.start
            && matches!(
                h.reason.as_deref(),
                Some("renewal_reminder" | "promotion_ending")
            )
    });
    if reminded {
        return;
    }
    let s = &ctx.input.settings;
    let mut raw = add_days(sv.end, -i64::from(s.renewal_lead_days));
    let mut code = "renewal_reminder";
    let mut why = ctx.msg(Msg::WhyRenewal, &[&human_date(ctx.locale(), sv.end)]);
    let mut deadline = sv.end;
    let mut rnotes = service_notes(ctx, &sv);
    if let Some(until) = sv.promo_until {
        let before = add_days(until, -i64::from(s.promo_lead_days));
        if until >= ctx.from && until <= sv.end {
            raw = raw.min(before).max(sv.start);
            code = "promotion_ending";
            why = ctx.msg(Msg::WhyRenewalPromo, &[&human_date(ctx.locale(), until)]);
            deadline = until;
            rnotes.push(ctx.msg(Msg::NotePromoUntil, &[&human_date(ctx.locale(), until)]));
            rnotes.push(ctx.msg(Msg::NoteNoOnPhone, &[]));
        }
    }
    let mut mv = Move::Earlier;
    if let Some((f, t)) = sv.frozen {
        if raw >= f && raw <= t {
            raw = add_days(t, 1);
            mv = Move::Later;
            rnotes.push(ctx.msg(
                Msg::NoteFrozenMoved,
                &[&human_date(ctx.locale(), f), &human_date(ctx.locale(), t)],
            ));
            deadline = deadline.max(ctx.cal.on_or_after(raw));
        }
    }
    if sv.end >= ctx.from {
        let raw = raw.max(ctx.from);
        let mut pu = Purpose::new(TouchKind::Renewal, Class::Renewal, "R11", Some(code), why);
        pu.deadline = Some(deadline);
        pu.notes = rnotes;
        pu.since = Some(sv.start);
        ctx.add(raw, mv, pu);
    }
}

/// R11: other terms ending (policies, deposits, warranties).
pub fn expiries(ctx: &mut Ctx) {
    let lead = i64::from(ctx.input.settings.renewal_lead_days);
    // One reminder for the terms ending on one day (R13).
    let items = ctx
        .input
        .client
        .expiries
        .iter()
        .map(|e| (e.date, e.what.as_str()));
    for (date, what) in super::by_day(ctx, items, Msg::MoreExpiries) {
        if date < ctx.from {
            continue;
        }
        let why = ctx.msg(Msg::WhyExpiry, &[&what, &human_date(ctx.locale(), date)]);
        let mut pu = Purpose::new(
            TouchKind::Renewal,
            Class::Renewal,
            "R11",
            Some("expiry_reminder"),
            why,
        );
        pu.deadline = Some(date);
        ctx.add(add_days(date, -lead).max(ctx.from), Move::Earlier, pu);
    }
}

/// R11: during a freeze the client is not contacted except for greetings
/// and the renewal. Every other purpose falling in it moves to the first
/// day after it that its own constraints allow, or is dropped with a
/// warning. Runs after the floors, before merges.
pub fn respect_freeze(ctx: &mut Ctx) {
    let Some((f, t)) = ctx.input.client.service.as_ref().and_then(|s| s.frozen) else {
        return;
    };
    let welcome = |p: &Purpose| matches!(p.kind, TouchKind::Greeting | TouchKind::Renewal);
    let mut away: Vec<Draft> = Vec::new();
    // One pass, the staying drafts kept in their order.
    let drafts = std::mem::take(&mut ctx.drafts);
    ctx.drafts.reserve(drafts.len());
    for mut d in drafts {
        if d.date < f || d.date > t || d.purposes.iter().all(welcome) {
            ctx.drafts.push(d);
            continue;
        }
        if !d.purposes.iter().any(welcome) {
            away.push(d);
            continue;
        }
        // A greeting stays on its day; what rode with it leaves.
        let (stay, leave): (Vec<Purpose>, Vec<Purpose>) =
            d.purposes.drain(..).partition(|p| welcome(p));
        d.purposes = stay;
        away.push(Draft {
            date: d.date,
            moved_from: None,
            purposes: leave,
            scheduled: false,
            channel: None,
        });
        ctx.drafts.push(d);
    }
    away.sort_by(|a, b| a.date.cmp(&b.date).then(a.class().cmp(&b.class())));
    let note = ctx.msg(Msg::NoteMovedPastFreeze, &[]);
    for d in away {
        match ctx.free_day_from(&d, add_days(t, 1), |_| false) {
            Some(day) => ctx.replace_on(d, day, note.clone()),
            None => {
                let kind = kind_name(ctx.locale(), d.main().kind);
                let m = ctx.msg(Msg::WarnDroppedFreeze, &[kind]);
                ctx.warn(
                    "dropped",
                    m,
                    "R11",
                    Some(d.date),
                    Some("client.service.frozenFrom"),
                );
            }
        }
    }
}
