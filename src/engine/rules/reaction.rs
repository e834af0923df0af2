//! R6: the reaction window of a service period — the last check-in no
//! later than E − R, and in the watch stretch before it (the last
//! `reactionWatchDays`) the manager's touches no more than G apart; a
//! warning for any gap over G that merges and caps leave. Automated touches
//! are not check-ins; frozen days (R11) do not count toward a gap.

use crate::engine::calendar::Move;
use crate::engine::channels::purpose_contact;
use crate::engine::context::Ctx;
use crate::engine::date::add_days;
use crate::engine::draft::{place, Class, Draft, Purpose};
use crate::engine::limits::may_merge;
use crate::engine::model::{Date, ServiceKind, TouchKind};
use crate::engine::texts::{human_date, Msg};

/// R6: the watch stretch of the service period.
struct Watch {
    /// The first day of the stretch: `reactionWatchDays` before E − R, or
    /// the start when the period is shorter.
    begin: Date,
    /// E − R.
    last: Date,
    /// G: the largest gap between the manager's touches.
    g: i64,
    code: &'static str,
    frozen: Option<(Date, Date)>,
}

/// R6: the service period's watch stretch, if E − R is not before its start.
fn watch(ctx: &Ctx) -> Option<Watch> {
    let sv = ctx.input.client.service.as_ref()?;
    let s = &ctx.input.settings;
    let r = sv.reaction_days.unwrap_or(s.reaction_days);
    let last = add_days(sv.end, -i64::from(r));
    if last < sv.start {
        return None;
    }
    let begin = add_days(last, -i64::from(s.reaction_watch_days)).max(sv.start);
    let code = if sv.kind == Some(ServiceKind::Campaign) {
        "campaign_results"
    } else {
        "reaction_check"
    };
    Some(Watch {
        begin,
        last,
        g: i64::from(s.gap_for(r)),
        code,
        frozen: sv.frozen,
    })
}

impl Watch {
    fn is_frozen(&self, d: Date) -> bool {
        self.frozen.is_some_and(|(f, t)| d >= f && d <= t)
    }

    /// Days from `a` to `b`, frozen days not counted (R11).
    fn gap(&self, a: Date, b: Date) -> i64 {
        let frozen = self.frozen.map_or(0, |(f, t)| {
            let (lo, hi) = (f.max(add_days(a, 1)), t.min(add_days(b, -1)));
            (hi - lo).num_days().max(-1) + 1
        });
        (b - a).num_days() - frozen
    }

    /// The day `g` unfrozen days after `a`.
    fn after(&self, a: Date, g: i64) -> Date {
        let mut d = a;
        let mut n = 0;
        while n < g {
            d = add_days(d, 1);
            if !self.is_frozen(d) {
                n += 1;
            }
        }
        d
    }
}

/// The days of the manager's planned touches, in order.
fn manager_days(ctx: &Ctx) -> Vec<Date> {
    let mut days: Vec<Date> = ctx
        .drafts
        .iter()
        .filter(|d| !d.automated())
        .map(|d| d.date)
        .collect();
    days.sort_unstable();
    days.dedup();
    days
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
    // The last check is about the decision ahead, campaign or not: "first
    // results" would be stale near the end and repeat the check-ins' lead
    // (R1 freshness).
    let code = "reaction_check";
    let why = ctx.msg(
        Msg::WhyReactionLast,
        &[&human_date(ctx.locale(), last), &r.to_string()],
    );
    let mut pu = Purpose::new(
        TouchKind::Check,
        Class::LastReactionCheck,
        "R6",
        Some(code),
        why,
    );
    pu.deadline = Some(last);
    // A check-in watches the period: never before its first day.
    pu.not_before = Some(add_days(last, -g).max(sv.start));
    // E − R on (or, off working days, moved onto) the first day itself:
    // the first-day touch is the last
    // check-in moment too, so the check goes to the same person and merges
    // into it instead of pushing the first day out of its day.
    if ctx.cal.on_or_before(last) <= ctx.cal.on_or_after(sv.start) {
        pu.contact = crate::engine::channels::contact_for(ctx, TouchKind::FirstDay);
    }
    ctx.add(last, Move::Earlier, pu);
}

/// R6: check-ins where the manager's touches already planned leave a gap
/// over G in the watch stretch. Runs after merges, so that it sees the days
/// touches really fall on.
pub fn fill_reaction_gaps(ctx: &mut Ctx) {
    let Some(w) = watch(ctx) else {
        return;
    };
    if w.last < ctx.from {
        return;
    }
    let begin = w.begin.max(ctx.from);
    // The gaps R6 bounds are those inside the stretch: a touch before it
    // does not pull the watch earlier than its first day.
    let mut prev = begin;
    for _ in 0..400 {
        let next = manager_days(ctx)
            .into_iter()
            .find(|d| *d > prev && *d <= w.last)
            .unwrap_or(w.last);
        if w.gap(prev, next) <= w.g {
            if next >= w.last {
                break;
            }
            prev = next;
            continue;
        }
        let target = w.after(prev, w.g);
        let mut day = ctx.cal.on_or_before(target);
        if day <= prev || w.is_frozen(day) {
            day = ctx.cal.on_or_after(add_days(prev, 1));
        }
        if w.is_frozen(day) {
            day = ctx.cal.on_or_after(target);
        }
        if day >= next {
            // Days off fill the gap: nothing fits, the check warns later.
            if next >= w.last {
                break;
            }
            prev = next;
            continue;
        }
        let why = ctx.msg(Msg::WhyReactionGap, &[&w.g.to_string()]);
        let mut pu = Purpose::new(
            TouchKind::Check,
            Class::ReactionCheck,
            "R6",
            Some(w.code),
            why,
        );
        pu.deadline = Some(w.last);
        // A marketing message already due in the gap becomes the manager's
        // check-in carrying that content: one contact, not two (the
        // watch needs a person, R6; effort follows value, R8).
        if let Some(i) = carrier(ctx, prev, day) {
            let at = ctx.drafts[i].date;
            pu.date = at;
            // Any manager touch watches (R6): it asks the person that
            // message was for.
            pu.contact = purpose_contact(ctx, ctx.drafts[i].main());
            ctx.drafts[i].purposes.push(pu);
            ctx.drafts[i].purposes.sort_by_key(|p| p.class);
            prev = at;
            continue;
        }
        // R13 settles a check-in that cannot keep its day by moving it,
        // out of the gap it was for (and the next pass plans another): it
        // takes a day of the gap where it stands, or none.
        let Some(d) = standing(ctx, &pu, prev, day, next) else {
            if next >= w.last {
                break;
            }
            prev = next;
            continue;
        };
        let at = d.date;
        ctx.drafts.push(d);
        prev = at.max(add_days(prev, 1));
    }
}

/// The check-in of `pu` on the latest working day of `(prev, day]` that
/// R13 leaves in the gap up to `next`: a touch on or before `prev` within
/// the merge gap of it must merge with it onto a day inside the gap, since
/// merging into it, or moving away from it (a check with a deadline looks
/// earlier first), leaves the gap open.
fn standing(ctx: &Ctx, pu: &Purpose, prev: Date, day: Date, next: Date) -> Option<Draft> {
    let gap = i64::from(ctx.input.settings.merge_gap_days).max(1);
    let inside = |d: Date| d > prev && d < next;
    let mut at = day;
    while at > prev {
        if ctx.cal.is_working(at) {
            let d = place(&ctx.cal, ctx.from, ctx.to, at, Move::Earlier, pu.clone())?;
            let stands = ctx.drafts.iter().all(|o| {
                o.date > prev
                    || (o.date - d.date).num_days().abs() >= gap
                    || (o.scheduled && o.date != d.date)
                    || (may_merge(ctx, o, &d) && Draft::merged_date(o, &d).is_some_and(inside))
            });
            if stands && inside(d.date) {
                return Some(d);
            }
        }
        at = add_days(at, -1);
    }
    None
}

/// The latest automated touch of marketing's content or invitation (not an
/// R3 top-up) in `(prev, by]`, all for one person; it keeps its day.
fn carrier(ctx: &Ctx, prev: Date, by: Date) -> Option<usize> {
    (0..ctx.drafts.len())
        .filter(|&i| {
            let d = &ctx.drafts[i];
            d.date > prev
                && d.date <= by
                && d.automated()
                && !d.scheduled
                && d.purposes.iter().all(|p| {
                    matches!(p.kind, TouchKind::Standard | TouchKind::Event)
                        && p.rule != "R3"
                        && purpose_contact(ctx, p) == purpose_contact(ctx, d.main())
                })
        })
        .max_by_key(|&i| (ctx.drafts[i].date, i))
}

/// R6: after merges and caps, report any gap over G between the manager's
/// touches that remains in the watch stretch.
pub fn check_reaction_gaps(ctx: &mut Ctx) {
    let Some(w) = watch(ctx) else {
        return;
    };
    let begin = w.begin.max(ctx.from);
    if w.last < begin {
        return;
    }
    let days: Vec<Date> = manager_days(ctx)
        .into_iter()
        .filter(|d| *d >= begin && *d <= w.last)
        .collect();
    let found: Vec<(Date, Date)> = days
        .windows(2)
        .filter(|p| w.gap(p[0], p[1]) > w.g)
        .map(|p| (p[0], p[1]))
        .collect();
    for (a, b) in found {
        // No working day between the two (long holidays): no call can be
        // added there (R14; only R9's and R12's messages go on days off),
        // so the warning says what to do on the touch before them.
        let workday_between = add_days(a, 1)
            .iter_days()
            .take_while(|d| *d < b)
            .any(|d| ctx.cal.is_working(d));
        let m = if workday_between {
            ctx.msg(Msg::WarnGapExceeded, &[&w.g.to_string()])
        } else {
            let l = ctx.locale();
            ctx.msg(
                Msg::WarnGapHolidays,
                &[&w.g.to_string(), &human_date(l, a), &human_date(l, b)],
            )
        };
        ctx.warn("gap_exceeded", m, "R6", Some(a), Some("client.service"));
    }
}
