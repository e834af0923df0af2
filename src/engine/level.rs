//! R16: a manager's day is finite. Across the clients of one manager, the
//! personal touches of a working day are capped; flexible touches move
//! inside their own window to the least loaded working day, keeping each
//! client's own rules, and what stays over capacity is reported with the
//! clients that fill it, in the order they keep the day.

use std::collections::BTreeMap;

use super::context::Ctx;
use super::date::{add_days, week_start};
use super::draft::{Class, Draft};
use super::model::{Date, Segment, TouchKind};

/// A touch levelling moved: the client (its index in the book), its day
/// before and after, and the load of the day it left.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Moved {
    pub client: usize,
    pub from: Date,
    pub to: Date,
    pub load: u32,
    pub kind: TouchKind,
}

/// One working day of a manager: personal touches before and after levelling.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DayLoad {
    pub date: Date,
    pub before: u32,
    pub after: u32,
}

/// A day still over capacity and the clients filling it, the ones that
/// keep it first (protection, then segment, then book order).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Overload {
    pub date: Date,
    pub load: u32,
    pub clients: Vec<usize>,
}

/// What levelling one manager's clients gives.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Levelled {
    pub days: Vec<DayLoad>,
    pub moves: Vec<Moved>,
    pub overloads: Vec<Overload>,
}

/// A touch the manager makes in person: R16 counts these, not automated
/// touches nor scheduled messages.
pub fn personal(d: &Draft) -> bool {
    !d.automated() && !d.scheduled
}

/// A personal touch that may move: none of its purposes is tied to its
/// day (birthdays, first days, events, an agreed meeting) and no apology
/// nor its follow-up (R12 names their days).
fn flexible(d: &Draft) -> bool {
    let tied = |p: &super::draft::Purpose| p.fixed || p.kind == TouchKind::Apology;
    personal(d) && !d.purposes.iter().any(tied)
}

/// Which of two clients' touches keeps a full day: the lower key.
fn keep_key(ctx: &Ctx, d: &Draft, client: usize) -> (Class, Segment, usize) {
    (d.class(), ctx.profile.segment, client)
}

/// Whether draft `i` of a client may stand on `day` by the client's own
/// rules: the horizon, a working day, every purpose's window, the merge gap
/// to its other touches, the daily and weekly caps with history counted.
fn fits(ctx: &Ctx, i: usize, day: Date) -> bool {
    let d = &ctx.drafts[i];
    let s = &ctx.input.settings;
    if day < ctx.from || day > ctx.to || !ctx.cal.is_working(day) || !d.allows(day) {
        return false;
    }
    // R11: a renewal with no deadline of its own never goes later.
    let renewal = d.purposes.iter().any(|p| p.class == Class::Renewal);
    if renewal && day > d.date && d.purposes.iter().all(|p| p.deadline.is_none()) {
        return false;
    }
    if !purposes_allow(ctx, d, day) {
        return false;
    }
    // R2: an order's fulfilment steps keep their order (shipment before
    // acceptance): the move crosses no other step of the same order.
    let step_of = |o: &Draft| {
        o.purposes
            .iter()
            .filter(|p| p.kind == TouchKind::Mandatory)
            .filter_map(|p| p.since)
            .collect::<Vec<Date>>()
    };
    let orders = step_of(d);
    if !orders.is_empty() {
        let (lo, hi) = (d.date.min(day), d.date.max(day));
        let crosses = ctx.drafts.iter().enumerate().any(|(j, o)| {
            j != i && o.date >= lo && o.date <= hi && step_of(o).iter().any(|s| orders.contains(s))
        });
        if crosses {
            return false;
        }
    }
    let gap = i64::from(s.merge_gap_days).max(1);
    let others = ctx.drafts.iter().enumerate().filter(|(j, _)| *j != i);
    let close = others
        .clone()
        .any(|(_, o)| o.date == day || (!o.scheduled && (o.date - day).num_days().abs() < gap));
    if close {
        return false;
    }
    let history = &ctx.input.client.history;
    if history.iter().filter(|h| h.date == day).count() >= s.daily_cap as usize {
        return false;
    }
    let monday = week_start(day);
    let sunday = add_days(monday, 6);
    let in_week = |x: Date| x >= monday && x <= sunday;
    let week = history.iter().filter(|h| in_week(h.date)).count()
        + others.filter(|(_, o)| in_week(o.date)).count();
    week < s.weekly_cap as usize
}

/// What each purpose's own rule says beyond its window (R16's list):
/// need discovery never goes later (it must stay "before the order" and,
/// in consultative sales, `needLeadDays` ahead of it) and the touch a few
/// working days before an order, whose text counts those days, stays on
/// its day; a post-purchase check goes later only within its
/// `checkByDay` days, and one already late never does (R5: the first day
/// possible).
fn purposes_allow(ctx: &Ctx, d: &Draft, day: Date) -> bool {
    let later = day > d.date;
    let by = i64::from(ctx.input.settings.check_by_day);
    d.purposes.iter().all(|p| match p.class {
        Class::Need => p.reason != Some("need_before_order") && !later,
        Class::PostPurchaseCheck => !later || p.since.is_some_and(|s| day <= add_days(s, by)),
        _ => true,
    })
}

/// The working days within `slack` working days of `day`, either way,
/// nearest first, earlier before later at the same distance.
fn window(ctx: &Ctx, day: Date, slack: u32) -> Vec<Date> {
    let mut days = Vec::new();
    let (mut early, mut late) = (day, day);
    for _ in 0..slack {
        early = ctx.cal.on_or_before(add_days(early, -1));
        late = ctx.cal.on_or_after(add_days(late, 1));
        days.push(early);
        days.push(late);
    }
    days
}

/// Levelling passes at most: each pass moves only off days over capacity
/// to days under it, so passes end; a few catch what one pass leaves.
const MAX_PASSES: usize = 4;

/// One levelling pass over the days still over capacity, in date order.
fn level_pass(
    book: &mut [Ctx],
    members: &[usize],
    capacity: u32,
    slack: u32,
    load: &mut BTreeMap<Date, u32>,
    moves: &mut Vec<Moved>,
) {
    // Touches only move to days under capacity, so the days over it and
    // their flexible touches are known before the first move.
    let mut over: BTreeMap<Date, Vec<(usize, usize)>> = load
        .iter()
        .filter(|(_, n)| **n > capacity)
        .map(|(d, _)| (*d, Vec::new()))
        .collect();
    for &c in members {
        for (i, d) in book[c].drafts.iter().enumerate() {
            if let Some(list) = over.get_mut(&d.date).filter(|_| flexible(d)) {
                list.push((c, i));
            }
        }
    }
    for (day, mut on_day) in over {
        // The touch that keeps the day least goes first.
        on_day.sort_by_key(|&(c, i)| std::cmp::Reverse(keep_key(&book[c], &book[c].drafts[i], c)));
        for (c, i) in on_day {
            let n = load.get(&day).copied().unwrap_or(0);
            if n <= capacity {
                break;
            }
            let ctx = &book[c];
            let target = window(ctx, day, slack)
                .into_iter()
                .enumerate()
                .filter(|(_, t)| load.get(t).copied().unwrap_or(0) < capacity)
                .filter(|(_, t)| fits(ctx, i, *t))
                .min_by_key(|(rank, t)| (load.get(t).copied().unwrap_or(0), *rank));
            if let Some((_, to)) = target {
                let kind = book[c].drafts[i].main().kind;
                book[c].drafts[i].date = to;
                *load.entry(day).or_default() -= 1;
                *load.entry(to).or_default() += 1;
                moves.push(Moved {
                    client: c,
                    from: day,
                    to,
                    load: n,
                    kind,
                });
            }
        }
    }
}

/// R16: levels the personal touches of one manager's clients (`members`,
/// indices into `book`) to `capacity` a working day, moving each flexible
/// touch at most `slack` working days. Days are settled in date order; on
/// a day over capacity the touches that keep it least move first.
pub fn level(book: &mut [Ctx], members: &[usize], capacity: u32, slack: u32) -> Levelled {
    let mut load: BTreeMap<Date, u32> = BTreeMap::new();
    for &c in members {
        for d in book[c].drafts.iter().filter(|d| personal(d)) {
            *load.entry(d.date).or_default() += 1;
        }
    }
    let before = load.clone();
    let mut moves = Vec::new();
    // Passes until nothing moves: a touch that could not move in one pass
    // (its client's gap blocked the quiet day) may fit in the next, once
    // the touch in its way has itself moved (review of R16, C6).
    for _ in 0..MAX_PASSES {
        let moved = moves.len();
        level_pass(book, members, capacity, slack, &mut load, &mut moves);
        if moves.len() == moved {
            break;
        }
    }
    let mut days: BTreeMap<Date, DayLoad> = BTreeMap::new();
    for (date, n) in &before {
        days.entry(*date)
            .or_insert(DayLoad {
                date: *date,
                before: 0,
                after: 0,
            })
            .before = *n;
    }
    for (date, n) in &load {
        days.entry(*date)
            .or_insert(DayLoad {
                date: *date,
                before: 0,
                after: 0,
            })
            .after = *n;
    }
    let mut filling: BTreeMap<Date, Vec<(Class, Segment, usize)>> = load
        .iter()
        .filter(|(_, n)| **n > capacity)
        .map(|(d, _)| (*d, Vec::new()))
        .collect();
    for &c in members {
        let ctx = &book[c];
        for d in ctx.drafts.iter().filter(|d| personal(d)) {
            if let Some(list) = filling.get_mut(&d.date) {
                let key = keep_key(ctx, d, c);
                // A client's touches come together, so its entry on the
                // day, if any, is the last one (no scan of the day's list).
                match list.last_mut().filter(|k| k.2 == c) {
                    Some(k) => *k = (*k).min(key),
                    None => list.push(key),
                }
            }
        }
    }
    let overloads = filling
        .into_iter()
        .map(|(date, mut keys)| {
            keys.sort();
            Overload {
                date,
                load: load.get(&date).copied().unwrap_or(0),
                clients: keys.into_iter().map(|(_, _, c)| c).collect(),
            }
        })
        .collect();
    Levelled {
        days: days
            .into_values()
            .filter(|d| d.before + d.after > 0)
            .collect(),
        moves,
        overloads,
    }
}
