//! R2–R4: the order cycle's cadence — mandatory touches (R2), standard
//! touches by policy and automated top-ups to the 2:1 target (R3), and need
//! discovery (R4).

use std::collections::HashMap;

use chrono::Datelike;

use crate::engine::calendar::Move;
use crate::engine::catalog;
use crate::engine::context::Ctx;
use crate::engine::date::{add_days, iso, week_start};
use crate::engine::draft::{Class, Purpose};
use crate::engine::model::{Date, Locale, SaleType, TouchKind};
use crate::engine::texts::Msg;

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

/// R2, R3 (standard by policy), R4: mandatory, standard and need discovery.
pub fn cycles(ctx: &mut Ctx) {
    let spans = cycle_spans(ctx);
    let s = &ctx.input.settings;
    let (silence, lead) = (i64::from(s.silence_days), s.pre_order_lead_workdays);
    let p = ctx.profile.clone();
    let mut need_months: Vec<(i32, u32)> = Vec::new();
    for (cs, ce) in spans {
        let len = i64::from(p.cycle_days);
        // Mandatory touches (R2): after each order (transactional), spread
        // over the cycle while the product is in use (consultative).
        // Fulfilment steps follow one another on working days.
        let step = if 2 * i64::from(p.mandatory) < len - 1 {
            2
        } else {
            1
        };
        let mut prev_step = cs;
        for (j, code) in p.mandatory_codes.iter().enumerate() {
            let j = j as i64;
            let title = catalog::find(code).map_or(*code, |r| {
                if ctx.locale() == Locale::Ru {
                    r.title_ru
                } else {
                    r.title_en
                }
            });
            let (raw, why) = match p.sale_type {
                SaleType::Transactional => {
                    let day = ctx
                        .cal
                        .on_or_after(add_days(prev_step, if j == 0 { 1 } else { step }));
                    prev_step = day;
                    (day, ctx.msg(Msg::WhyMandatoryOrder, &[&iso(cs), title]))
                }
                SaleType::Consultative => {
                    let off =
                        ((j as f64 + 0.5) * len as f64 / f64::from(p.mandatory)).round() as i64;
                    (add_days(cs, off), ctx.msg(Msg::WhyMandatoryInUse, &[title]))
                }
            };
            let mut pu = Purpose::new(
                TouchKind::Mandatory,
                Class::Mandatory,
                "R2",
                Some(code),
                why,
            );
            pu.deadline = Some(add_days(ce, -1));
            ctx.add(raw, Move::Later, pu);
        }
        if p.sub_month {
            // R2: a sub-month cycle gets one need touch a month, before an order.
            let key = (ce.year(), ce.month());
            if p.policy.need_per_cycle > 0 && !need_months.contains(&key) && !ctx.need_paused(ce) {
                need_months.push(key);
                let why = ctx.msg(Msg::WhyNeedMonthly, &[&iso(ce)]);
                pre_order_need(ctx, ce, why);
            }
            continue;
        }
        // Standard touches (R2): C a cycle, one a month, after the silence.
        let c = i64::from(p.cycle_months);
        for j in 0..c {
            let off = (((j as f64 + 0.5) * len as f64) / c as f64).round() as i64;
            let raw = add_days(cs, off.max(silence + 1));
            let window = (add_days(cs, j * len / c), add_days(cs, (j + 1) * len / c));
            let mut pu = if p.policy.standard_by_manager {
                Purpose::new(
                    TouchKind::Standard,
                    Class::Standard,
                    "R2",
                    None,
                    ctx.msg(Msg::WhyStandard, &[]),
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
        // Need discovery (R4): one before the expected order, one early.
        if !ctx.need_paused(ce) && p.policy.need_per_cycle >= 1 {
            let why = ctx.msg(Msg::WhyNeedBeforeOrder, &[&lead.to_string(), &iso(ce)]);
            pre_order_need(ctx, ce, why);
        }
        let early_off = match p.sale_type {
            // Transactional: mid-cycle, sharing the day of the standard touch.
            SaleType::Transactional if p.cycle_months == 1 => (len as f64 / 2.0).round() as i64,
            SaleType::Transactional => len / 2,
            SaleType::Consultative => {
                ((len as f64 * s.early_need_share).round() as i64).max(silence + 1)
            }
        }
        .max(silence + 1);
        let raw = add_days(cs, early_off);
        if p.policy.need_per_cycle >= 2 && !ctx.need_paused(raw) {
            let why = ctx.msg(Msg::WhyNeedEarly, &[]);
            let mut pu = Purpose::new(
                TouchKind::Need,
                Class::Need,
                "R4",
                Some("need_early_cycle"),
                why,
            );
            pu.not_before = Some(add_days(cs, silence + 1));
            ctx.add(raw, Move::Nearest, pu);
        }
    }
}

/// R4: the need-discovery touch a few working days before the expected
/// order `ce`, never on or after it.
fn pre_order_need(ctx: &mut Ctx, ce: Date, why: String) {
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
    ctx.add(raw, Move::Earlier, pu);
}

/// R3: automated standard touches up to the 2:1 target, on the free days
/// of each cycle (a week already at its cap gets none: they give way first).
pub fn top_ups(ctx: &mut Ctx) {
    let p = ctx.profile.clone();
    let s = &ctx.input.settings;
    let target = s.standard_per_mandatory * p.mandatory;
    let standard = if p.sub_month { 1 } else { p.cycle_months };
    let n = target.saturating_sub(standard);
    if n == 0 {
        return;
    }
    let silence = i64::from(s.silence_days);
    let cap = s.weekly_cap as usize;
    let merge_gap = i64::from(s.merge_gap_days);
    let why = ctx.msg(Msg::WhyTopUp, &[&s.standard_per_mandatory.to_string()]);
    let mut taken = Taken::new(ctx);
    for (cs, ce) in cycle_spans(ctx) {
        // The cycle's working days after the silence: the same for each of
        // its top-ups, so found once.
        let first = add_days(cs, silence + 1).max(ctx.from);
        let days: Vec<Date> = first
            .iter_days()
            .take_while(|d| *d < ce && *d <= ctx.to)
            .filter(|d| ctx.cal.is_working(*d))
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
            let Some((dist, day)) = best else { break };
            if dist < merge_gap {
                break;
            }
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
