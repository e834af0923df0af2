//! R2–R4: the order cycle's cadence — mandatory touches (R2), standard
//! touches by policy and automated top-ups to the 2:1 target (R3), and need
//! discovery (R4).

use std::collections::HashMap;

use chrono::Datelike;

use crate::engine::calendar::Move;
use crate::engine::catalog;
use crate::engine::context::Ctx;
use crate::engine::date::{add_days, add_months, week_start};
use crate::engine::draft::{Class, Purpose};
use crate::engine::model::{ClientKind, Date, Locale, SaleType, TouchKind};
use crate::engine::texts::{human_date, kind_name, Msg};

/// The cycles intersecting the horizon: (start, next expected order).
pub fn cycle_spans(ctx: &Ctx) -> Vec<(Date, Date)> {
    let p = &ctx.profile;
    let len = i64::from(p.cycle_days);
    let mut k = (ctx.from - p.anchor).num_days().div_euclid(len);
    let mut out = Vec::new();
    loop {
        let cs = add_days(p.anchor, k * len);
        if cs > ctx.to {
            break;
        }
        out.push((cs, add_days(cs, len)));
        k += 1;
    }
    out
}

/// What a cycle's start is: a real order (or the purchase of a service
/// period), an expected order, or neither (R2 "where cycles start").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Start {
    Order,
    Expected,
    /// The service period bought: its steps follow the service (R2).
    Period,
    /// Today, or a period not (yet) bought: nothing to fulfil.
    Nothing,
}

fn start_of(ctx: &Ctx, cs: Date) -> Start {
    let p = &ctx.profile;
    if p.nothing_sold {
        Start::Nothing
    } else if p.service_client {
        if cs == p.anchor {
            Start::Period
        } else {
            Start::Nothing
        }
    } else if cs == p.anchor {
        if p.anchored_on_order {
            Start::Order
        } else {
            Start::Nothing
        }
    } else {
        Start::Expected
    }
}

/// The title of a catalog reason in the plan's locale.
fn reason_title(ctx: &Ctx, code: &'static str) -> &'static str {
    catalog::find(code).map_or(code, |r| {
        if ctx.locale() == Locale::Ru {
            r.title_ru
        } else {
            r.title_en
        }
    })
}

/// R2, R3 (standard by policy), R4: mandatory, standard and need discovery.
pub fn cycles(ctx: &mut Ctx) {
    let p = ctx.profile.clone();
    if p.nothing_sold {
        let m = ctx.msg(Msg::WarnNoOrders, &[]);
        ctx.warn("no_orders", m, "R2", None, Some("client.orders"));
    }
    let mut need_months: Vec<(i32, u32)> = Vec::new();
    let mut standard_months: Vec<(i32, u32)> = Vec::new();
    for (cs, ce) in cycle_spans(ctx) {
        let start = start_of(ctx, cs);
        mandatory_touches(ctx, cs, ce, start);
        if p.sub_month {
            sub_month_touches(ctx, cs, ce, &mut need_months, &mut standard_months);
            continue;
        }
        standard_touches(ctx, cs);
        need_touches(ctx, cs, ce, start);
    }
}

/// R2: mandatory touches of a cycle: after each order (transactional),
/// spread over the cycle while the product is in use (consultative), or the
/// service period's own steps. None where nothing was sold.
fn mandatory_touches(ctx: &mut Ctx, cs: Date, ce: Date, start: Start) {
    let p = ctx.profile.clone();
    if start == Start::Nothing {
        return;
    }
    let len = i64::from(p.cycle_days);
    let expected = start == Start::Expected;
    let about = human_date(ctx.locale(), cs);
    // Fulfilment steps follow one another on working days.
    let step = if 2 * i64::from(p.mandatory) < len - 1 {
        2
    } else {
        1
    };
    let mut prev_step = cs;
    // Steps that find no working day before the next order (holidays).
    let mut no_day: Vec<&str> = Vec::new();
    for (j, code) in p.mandatory_codes.iter().enumerate() {
        let j = j as i64;
        let title = reason_title(ctx, code);
        let spread = add_days(
            cs,
            ((j as f64 + 0.5) * len as f64 / f64::from(p.mandatory)).round() as i64,
        );
        let (raw, why) = match (start, p.sale_type) {
            (Start::Period, _) => {
                let day = match *code {
                    // The final report follows the period's end.
                    "final_report" => add_days(ce, 0),
                    _ => spread,
                };
                (day, ctx.msg(Msg::WhyServiceStep, &[title]))
            }
            (_, SaleType::Transactional) => {
                // The step's working day, before the next order: later
                // first; where holidays push it past that, the last working
                // day before the next order, never before the previous step
                // (then the two steps are one contact, R13).
                let last = add_days(ce, -1);
                let mut day = ctx
                    .cal
                    .on_or_after(add_days(prev_step, if j == 0 { 1 } else { step }));
                if day > last {
                    day = ctx.cal.on_or_before(last);
                    if j > 0 {
                        day = day.max(prev_step);
                    }
                }
                if day <= cs || day > last {
                    // R13: no working day for it at all; the plan says so
                    // where the horizon holds the order, once per order.
                    if last >= ctx.from && add_days(cs, 1) <= ctx.to {
                        no_day.push(title);
                    }
                    continue;
                }
                prev_step = day;
                let m = if expected {
                    Msg::WhyMandatoryExpected
                } else {
                    Msg::WhyMandatoryOrder
                };
                (day, ctx.msg(m, &[&about, title]))
            }
            (_, SaleType::Consultative) => {
                let m = if expected {
                    Msg::WhyMandatoryInUseExpected
                } else {
                    Msg::WhyMandatoryInUse
                };
                (spread, ctx.msg(m, &[title, &about]))
            }
        };
        let mut pu = Purpose::new(
            TouchKind::Mandatory,
            Class::Mandatory,
            "R2",
            Some(code),
            why,
        );
        if start != Start::Period || *code != "final_report" {
            pu.deadline = Some(add_days(ce, -1));
        }
        pu.expected = expected;
        pu.since = Some(cs);
        // Fulfilment never comes before its order; otherwise a step has
        // no "must not come early" rule and goes to the nearest working
        // day (R14).
        pu.not_before = Some(add_days(cs, 1));
        ctx.add(raw, Move::Nearest, pu);
    }
    if !no_day.is_empty() {
        // What the manager reads: one warning per set of steps, whose
        // `dates` are the orders' (about) days; each step named once.
        let mut steps: Vec<&str> = Vec::new();
        for t in no_day {
            if !steps.contains(&t) {
                steps.push(t);
            }
        }
        let m = if steps.len() == 1 {
            Msg::WarnFulfilmentNoDay
        } else {
            Msg::WarnFulfilmentNoDays
        };
        let m = ctx.msg(m, &[&steps.join(", ")]);
        ctx.warn("dropped", m, "R14", Some(cs), None);
    }
}

/// R2: a cycle under a month: one need touch a calendar month, before an
/// order and after the days of silence that follow the one before it (R4,
/// R5), by the manager; and one standard touch a month by marketing.
fn sub_month_touches(
    ctx: &mut Ctx,
    cs: Date,
    ce: Date,
    need_months: &mut Vec<(i32, u32)>,
    standard_months: &mut Vec<(i32, u32)>,
) {
    let p = ctx.profile.clone();
    let key = (ce.year(), ce.month());
    if p.policy.need_per_cycle > 0 && !ctx.need_paused(ce) {
        if let Some(day) = sub_month_need_day(ctx, cs, ce) {
            let month = (day.year(), day.month());
            if !need_months.contains(&month) {
                need_months.push(month);
                let why = ctx.msg(Msg::WhyNeedMonthly, &[&human_date(ctx.locale(), ce)]);
                let mut pu = Purpose::new(
                    TouchKind::Need,
                    Class::Need,
                    "R4",
                    Some("need_before_order"),
                    why,
                );
                let silence = i64::from(ctx.input.settings.silence_days);
                pu.not_before = Some(add_days(cs, silence + 1).max(ctx.from));
                pu.deadline = Some(add_days(ce, -1));
                pu.expected = true;
                ctx.add(day, Move::Earlier, pu);
            }
        }
    }
    if !standard_months.contains(&key) {
        standard_months.push(key);
        let Some(first) = ce.with_day(1) else { return };
        let last = add_days(add_months(first, 1), -1);
        let why = ctx.msg(Msg::WhyStandardMonthlyAutomated, &[]);
        let mut pu = Purpose::new(TouchKind::Standard, Class::Automated, "R2", None, why);
        pu.automated = true;
        pu.slot_window = Some((first, last));
        pu.not_before = Some(first);
        pu.deadline = Some(last);
        ctx.add(add_days(first, 14), Move::Nearest, pu);
    }
}

/// The day of a short cycle's need touch: a working day after the days of
/// silence that follow the cycle's order and before the next order, as
/// near the pre-order day (R4) as a day free of other touches allows.
fn sub_month_need_day(ctx: &Ctx, cs: Date, ce: Date) -> Option<Date> {
    let s = &ctx.input.settings;
    let first = add_days(cs, i64::from(s.silence_days) + 1).max(ctx.from);
    let last = add_days(ce, -1).min(ctx.to);
    let pre = ctx.cal.working_days_before(ce, s.pre_order_lead_workdays);
    let days: Vec<Date> = first
        .iter_days()
        .take_while(|d| *d <= last)
        .filter(|d| ctx.cal.is_working(*d))
        .collect();
    let free = |d: &&Date| !ctx.drafts.iter().any(|x| x.date == **d);
    let near = |d: &&Date| ((**d - pre).num_days().abs(), **d);
    days.iter()
        .filter(free)
        .min_by_key(near)
        .or_else(|| days.iter().min_by_key(near))
        .copied()
}

/// R2: C standard touches a cycle, one a month, after the silence; by the
/// manager or, by segment policy (R8), by marketing.
fn standard_touches(ctx: &mut Ctx, cs: Date) {
    let p = ctx.profile.clone();
    let silence = i64::from(ctx.input.settings.silence_days);
    let len = i64::from(p.cycle_days);
    let c = i64::from(p.cycle_months);
    for j in 0..c {
        let off = (((j as f64 + 0.5) * len as f64) / c as f64).round() as i64;
        let raw = add_days(cs, off.max(silence + 1));
        // One a month (R2): the slot's window is the calendar month it
        // falls in, from its share of the cycle on; a move off a day off
        // stays inside it (later into the month when earlier leaves it),
        // and a greeting in that month stands for it (R9).
        let month = raw.with_day(1).unwrap_or(raw);
        let window = (add_days(cs, j * len / c).max(month), add_months(month, 1));
        let inside = |d: Date| d >= window.0 && d < window.1;
        let near = ctx.cal.move_day(raw, Move::Nearest);
        let raw = [near, ctx.cal.on_or_after(raw), ctx.cal.on_or_before(raw)]
            .into_iter()
            .find(|d| inside(*d))
            .unwrap_or(near);
        let mut pu = if p.policy.standard_by_manager {
            let m = match ctx.input.client.kind {
                ClientKind::Person => Msg::WhyStandardForPerson,
                ClientKind::Business => Msg::WhyStandard,
            };
            Purpose::new(
                TouchKind::Standard,
                Class::Standard,
                "R2",
                None,
                ctx.msg(m, &[]),
            )
        } else {
            let mut a = Purpose::new(
                TouchKind::Standard,
                Class::Automated,
                "R8",
                None,
                ctx.msg(Msg::WhyStandardAutomated, &[p.segment.as_str()]),
            );
            a.automated = true;
            a
        };
        pu.slot_window = Some(window);
        ctx.add(raw, Move::Nearest, pu);
    }
}

/// How far after an expected order a service period may end for that
/// order to be its renewal (a month).
const RENEWAL_NEAR_DAYS: i64 = 31;

/// R4: need discovery. Transactional: one a few working days before the
/// expected order (what it will hold, never when), one mid-cycle.
/// Consultative: the first at least `needLeadDays` before the expected order
/// or decision, the second between it and the order. A service client's
/// cycle is its period and its order the renewal (R2). A slot already passed
/// is caught up as soon as possible, never on or after the order. Without
/// anything sold there is no expected order: one touch a cycle finds needs.
fn need_touches(ctx: &mut Ctx, cs: Date, ce: Date, start: Start) {
    let p = ctx.profile.clone();
    let s = &ctx.input.settings;
    let silence = i64::from(s.silence_days);
    let per_cycle = p.policy.need_per_cycle;
    if per_cycle == 0 {
        return;
    }
    let len = i64::from(p.cycle_days);
    // After an order: no need discovery in its first days (R4, R5).
    let quiet_until = match start {
        Start::Nothing => cs,
        _ => add_days(cs, silence + 1),
    };
    // After a service period, nothing is bought until the client renews:
    // one touch a cycle asks whether a next period is wanted.
    let after_period = p.service_client && start == Start::Nothing;
    if p.nothing_sold || after_period {
        // R2: a client without orders still gets the policy's need touches
        // on the default cycle (2, 1 for D): mid-cycle and at its end.
        // No expected order: no deadline either, so both go to the
        // nearest working day (R14).
        let second = p.nothing_sold && per_cycle >= 2;
        let raws = if second {
            vec![len / 2, len - 1]
        } else {
            vec![len / 2]
        };
        for (n, offset) in raws.into_iter().enumerate() {
            let raw = add_days(cs, offset);
            if ctx.need_paused(raw) {
                continue;
            }
            // R1: nothing was ordered yet, so no "next" order: mid-cycle
            // the client's current tasks, at the cycle's end a first step.
            let (m, code) = if after_period {
                (Msg::WhyNeedAfterPeriod, "need_early_cycle")
            } else if n == 0 {
                (Msg::WhyNeedFirstOrderTasks, "need_client_tasks")
            } else {
                (Msg::WhyNeedFirstOrder, "need_first_order")
            };
            let why = ctx.msg(m, &[]);
            let pu = Purpose::new(TouchKind::Need, Class::Need, "R4", Some(code), why);
            ctx.add(raw, Move::Nearest, pu);
        }
        return;
    }
    if ctx.need_paused(ce) && ctx.need_paused(cs.max(ctx.from)) {
        return;
    }
    // A service client's next "order" is the renewal at the period's end;
    // so is that of a membership or policy bought as an order with its own
    // cycle, when the period ends about the expected order (R11: the
    // renewal, not a "next project").
    let renewal_end = ctx
        .input
        .client
        .service
        .as_ref()
        .map(|sv| sv.end)
        .filter(|end| p.service_client || (*end > cs && *end <= add_days(ce, RENEWAL_NEAR_DAYS)));
    let about = human_date(ctx.locale(), renewal_end.unwrap_or(ce));
    let (lead_msg, second_msg) = match (renewal_end.is_some(), ctx.input.client.kind) {
        (true, _) => (Msg::WhyNeedRenewalLead, Msg::WhyNeedRenewalSecond),
        (false, ClientKind::Person) => (Msg::WhyNeedLeadPerson, Msg::WhyNeedSecondPerson),
        (false, ClientKind::Business) => (Msg::WhyNeedLead, Msg::WhyNeedSecond),
    };
    // A service period's next "order" is its renewal, decided at the end:
    // need discovery leads it as in consultative sales.
    let sale_type = if p.service_client {
        SaleType::Consultative
    } else {
        p.sale_type
    };
    match sale_type {
        SaleType::Transactional => {
            if !ctx.need_paused(ce) {
                let lead = ctx.input.settings.pre_order_lead_workdays;
                let order_day = human_date(ctx.locale(), ce);
                let why = ctx.msg(
                    Msg::WhyNeedBeforeOrder,
                    &[&plural_workdays(ctx, lead), &order_day],
                );
                pre_order_need(ctx, ce, why, true);
            }
            let raw = add_days(cs, (len as f64 / 2.0).round() as i64).max(quiet_until);
            if per_cycle >= 2 && !ctx.need_paused(raw) {
                let why = ctx.msg(Msg::WhyNeedMidCycle, &[]);
                let mut pu = Purpose::new(
                    TouchKind::Need,
                    Class::Need,
                    "R4",
                    Some("need_early_cycle"),
                    why,
                );
                pu.not_before = Some(quiet_until);
                pu.deadline = Some(add_days(ce, -1));
                ctx.add(raw, Move::Nearest, pu);
            }
        }
        SaleType::Consultative => {
            let earliest = quiet_until.max(ctx.from);
            let last_day = add_days(ce, -1);
            // R2 + R4: a service client's cycle is its period and its next
            // "order" the renewal. In transactional sales one need touch
            // goes mid-period and the other a few working days before the
            // renewal decision, as before an order; in consultative sales
            // the first goes `needLeadDays` ahead, the second mid-way.
            let renewal_before = renewal_end
                .filter(|_| p.sale_type == SaleType::Transactional)
                .map(|end| {
                    ctx.cal
                        .working_days_before(end, ctx.input.settings.pre_order_lead_workdays)
                        .min(last_day)
                        .max(earliest)
                });
            let first_raw = match renewal_before {
                Some(_) => add_days(cs, (len as f64 / 2.0).round() as i64),
                None => add_days(ce, -i64::from(ctx.input.settings.need_lead_days)),
            };
            // Caught up: a slot already passed goes as soon as possible.
            let first = first_raw.max(quiet_until).max(earliest);
            if first > last_day {
                return;
            }
            // R14: a mid-period touch has no deadline of its own, so it
            // moves to the nearest working day; a lead touch moves earlier.
            let first_move = if renewal_before.is_some() {
                Move::Nearest
            } else {
                Move::Earlier
            };
            let mut days = vec![(first, "need_early_cycle", lead_msg, first_move)];
            if per_cycle >= 2 {
                let second = renewal_before
                    .unwrap_or_else(|| add_days(first, (last_day - first).num_days() / 2));
                if (second - first).num_days() >= 7 {
                    days.push((second, "need_before_order", second_msg, Move::Earlier));
                }
            } else if let Some(before) = renewal_before {
                // Segment D keeps only the touch before the order (R8),
                // as in transactional sales of goods.
                days = vec![(before, "need_before_order", second_msg, Move::Earlier)];
            }
            for (raw, code, m, mv) in days {
                if ctx.need_paused(raw) {
                    continue;
                }
                let why = ctx.msg(m, &[&about]);
                let mut pu = Purpose::new(TouchKind::Need, Class::Need, "R4", Some(code), why);
                pu.not_before = Some(earliest);
                pu.deadline = Some(last_day);
                pu.expected = start != Start::Period;
                ctx.add(raw, mv, pu);
            }
        }
    }
}

/// "5 рабочих дней" / "5 working days".
fn plural_workdays(ctx: &Ctx, n: u32) -> String {
    crate::engine::texts::count(ctx.locale(), n, crate::engine::texts::Counted::WorkingDay)
}

/// R4: the need-discovery touch a few working days before the expected
/// order `ce`, never on or after it.
fn pre_order_need(ctx: &mut Ctx, ce: Date, why: String, expected: bool) {
    let raw = ctx
        .cal
        .working_days_before(ce, ctx.input.settings.pre_order_lead_workdays);
    let mut pu = Purpose::new(
        TouchKind::Need,
        Class::Need,
        "R4",
        Some("need_before_order"),
        why,
    );
    pu.deadline = Some(add_days(ce, -1));
    pu.expected = expected;
    // Caught up when its day has passed but the order has not come.
    let raw = if raw < ctx.from && ce > ctx.from {
        ctx.from
    } else {
        raw
    };
    ctx.add(raw, Move::Earlier, pu);
}

/// R3: automated standard touches up to the 2:1 target, on the free days
/// each cycle has left once limits have shaped the plan: a week at its cap,
/// a day with a touch, a freeze (R11) and the quiet after a failure (R12)
/// get none. Top-ups give way first.
pub fn top_ups(ctx: &mut Ctx) {
    let p = ctx.profile.clone();
    // R3/R8: top-ups by segment policy (on for A+, A, B); a cycle under a
    // month has its standard touches by marketing already (R2).
    if !p.policy.top_ups || p.sub_month || p.nothing_sold {
        return;
    }
    let s = &ctx.input.settings;
    let target = s.standard_per_mandatory * p.mandatory;
    let standard = if p.sub_month { 1 } else { p.cycle_months };
    let n = target.saturating_sub(standard);
    if n == 0 {
        return;
    }
    let silence = i64::from(s.silence_days);
    let cap = s.weekly_cap as usize;
    let gap = i64::from(s.merge_gap_days).max(1);
    let why = ctx.msg(Msg::WhyTopUp, &[&s.standard_per_mandatory.to_string()]);
    let mut taken = Taken::new(ctx);
    let mut no_room: Vec<Date> = Vec::new();
    for (cs, ce) in cycle_spans(ctx) {
        if start_of(ctx, cs) == Start::Nothing {
            continue;
        }
        // R3 "proposes the missing standard touches": the manager's own
        // standard purposes in the cycle count against the target — R2's
        // monthly ones, greetings ("greetings are standard touches and do
        // count among the C"), offers and the apology follow-up (DOMAIN:
        // "standard (offers and the apology follow-up included)") —, so a
        // cycle holding more of them than R2's C needs fewer top-ups.
        let have = ctx
            .drafts
            .iter()
            .filter(|d| d.date >= cs && d.date < ce)
            .flat_map(|d| &d.purposes)
            .filter(|p| !p.automated && matches!(p.class, Class::Standard | Class::Greeting))
            .count() as u32;
        let n = n.min(target.saturating_sub(have));
        // The cycle's working days after the silence: the same for each of
        // its top-ups, so found once.
        let first = add_days(cs, silence + 1).max(ctx.from);
        let days: Vec<Date> = first
            .iter_days()
            .take_while(|d| *d < ce && *d <= ctx.to)
            .filter(|d| ctx.cal.is_working(*d) && !blocked(ctx, *d))
            .collect();
        for _ in 0..n {
            // The day farthest from every planned touch; the earliest of equals.
            let mut best: Option<(i64, Date)> = None;
            for &d in &days {
                if taken.week_load(d) >= cap {
                    continue;
                }
                let dist = taken.distance(d);
                if best.is_none_or(|(bd, _)| dist > bd) {
                    best = Some((dist, d));
                }
            }
            // Farthest first, and never closer than the merge gap to
            // another touch: a top-up merges with no manager's touch (R13).
            let Some((_, day)) = best.filter(|(dist, _)| *dist >= gap) else {
                // A day was free but for the merge gap: the top-up gives
                // way to the touch beside it, and the plan says so (R13).
                if let Some((_, day)) = best.filter(|(dist, _)| *dist >= 1) {
                    let label = format!(
                        "{}{}",
                        kind_name(ctx.locale(), TouchKind::Standard),
                        ctx.msg(Msg::LabelAutomated, &[])
                    );
                    let cause = ctx.msg(Msg::CauseMergeGap, &[&gap.to_string()]);
                    ctx.gap_drops.push((day, label, "R13", cause));
                    break;
                }
                // R3: caps leave no room; the plan says so. A cycle the
                // horizon cuts off has its top-ups after the horizon: no
                // warning blames the caps for that.
                if ce > ctx.from && ce <= add_days(ctx.to, 1) {
                    no_room.push(cs.max(ctx.from));
                }
                break;
            };
            let mut pu = Purpose::new(
                TouchKind::Standard,
                Class::Automated,
                "R3",
                None,
                why.clone(),
            );
            pu.automated = true;
            if let Some(i) = ctx.add(day, Move::Nearest, pu) {
                taken.insert(ctx.drafts[i].date);
            }
        }
    }
    for d in no_room {
        let m = ctx.msg(Msg::WarnTopUpNoRoom, &[]);
        ctx.warn("dropped", m, "R3", Some(d), None);
    }
}

/// Days no automated touch may take: a past touch's day (R13), a freeze
/// (R11), the quiet after a failure (R12).
fn blocked(ctx: &Ctx, d: Date) -> bool {
    let c = &ctx.input.client;
    let quiet = i64::from(ctx.input.settings.quiet_after_incident_days);
    c.history.iter().any(|h| h.date == d)
        || c.service
            .as_ref()
            .and_then(|sv| sv.frozen)
            .is_some_and(|(f, t)| d >= f && d <= t)
        || c.incidents
            .iter()
            .any(|i| d >= i.date && d <= add_days(i.date, quiet))
}

/// The days touches are planned on, kept while top-ups are added: sorted,
/// for the distance to the nearest one (R3), and counted per calendar week
/// with `history` (R13's weekly cap).
struct Taken {
    /// Sorted; a day appears once per touch on it.
    days: Vec<Date>,
    /// Monday of the week → touches in it, planned and past.
    per_week: HashMap<Date, usize>,
}

impl Taken {
    fn new(ctx: &Ctx) -> Self {
        let mut days: Vec<Date> = ctx.drafts.iter().map(|d| d.date).collect();
        days.sort_unstable();
        let mut per_week = HashMap::new();
        let history = ctx.input.client.history.iter().map(|h| h.date);
        for d in days.iter().copied().chain(history) {
            *per_week.entry(week_start(d)).or_default() += 1;
        }
        Taken { days, per_week }
    }

    fn insert(&mut self, d: Date) {
        let at = self.days.partition_point(|x| *x < d);
        self.days.insert(at, d);
        *self.per_week.entry(week_start(d)).or_default() += 1;
    }

    /// Touches in `d`'s week, history included (R13).
    fn week_load(&self, d: Date) -> usize {
        self.per_week.get(&week_start(d)).copied().unwrap_or(0)
    }

    /// Days from `d` to the nearest planned touch; `i64::MAX` when none is.
    fn distance(&self, d: Date) -> i64 {
        let at = self.days.partition_point(|x| *x < d);
        let after = self.days.get(at).map(|x| (*x - d).num_days());
        let before = at.checked_sub(1).map(|i| (d - self.days[i]).num_days());
        after.into_iter().chain(before).min().unwrap_or(i64::MAX)
    }
}

/// R4, R13: a need touch mid-cycle that also carries the pre-order need
/// touch (the caps or the merge gap put them on one contact) says both
/// purposes in its why — what goes into the next expected order, and when
/// that order is expected — not only the mid-cycle one ("How the rules
/// combine": a merge shows on the merged touch itself).
pub fn merged_need_why(ctx: &Ctx, d: &crate::engine::draft::Draft) -> Option<String> {
    // A service client's "order" is its renewal, worded by R11's touches.
    if ctx.profile.service_client {
        return None;
    }
    let mid = ctx.msg(Msg::WhyNeedMidCycle, &[]);
    let has_mid = d
        .purposes
        .iter()
        .any(|p| p.reason == Some("need_early_cycle") && p.why == mid);
    let order = d
        .purposes
        .iter()
        .filter(|p| p.reason == Some("need_before_order"))
        .find_map(|p| p.deadline)?;
    if !has_mid {
        return None;
    }
    let about = human_date(ctx.locale(), add_days(order, 1));
    Some(ctx.msg(Msg::WhyNeedMidCycleAndOrder, &[&about]))
}

/// R13: a touch that carries several fulfilment steps of one order (holidays
/// or the caps put them on one contact) names every step in its why, not
/// only the first: the merge shows on the touch ("How the rules combine").
pub fn merged_steps_why(ctx: &Ctx, d: &crate::engine::draft::Draft) -> Option<String> {
    let main = d.main();
    if main.kind != TouchKind::Mandatory || main.rule != "R2" {
        return None;
    }
    let code = main.reason?;
    let about = human_date(ctx.locale(), main.since?);
    let mut titles: Vec<&'static str> = Vec::new();
    for p in &d.purposes {
        if p.kind == TouchKind::Mandatory && p.rule == "R2" && p.since == main.since {
            if let Some(c) = p.reason {
                let t = reason_title(ctx, c);
                if !titles.contains(&t) {
                    titles.push(t);
                }
            }
        }
    }
    if titles.len() < 2 {
        return None;
    }
    // Only the transactional steps' sentence, recognised by rebuilding it.
    let one = reason_title(ctx, code);
    let all = titles.join(", ");
    [Msg::WhyMandatoryExpected, Msg::WhyMandatoryOrder]
        .into_iter()
        .find(|m| ctx.msg(*m, &[&about, one]) == main.why)
        .map(|m| ctx.msg(m, &[&about, &all]))
}
