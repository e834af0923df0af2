//! Limits that shape the floors (R13): merging close touches into one
//! contact where that serves every purpose honestly ("What may merge"),
//! moving the less protected touch where it does not, then the daily and
//! weekly caps, history counted. Merges show on the merged touch itself;
//! only drops are reported.

use std::collections::BTreeMap;

use super::channels::{purpose_contact, Assigned};
use super::context::Ctx;
use super::date::{add_days, week_start};
use super::draft::{Class, Draft, Purpose};
use super::model::{Date, TouchKind};
use super::texts::{purpose_word, Msg};

/// How far a touch that cannot share its day may move to find a free one
/// (calendar days either way), when its own rule gives no window.
const MAX_SHIFT_DAYS: i64 = 14;

fn kinds_label(ctx: &Ctx, d: &Draft) -> String {
    let mut names: Vec<&str> = Vec::new();
    for p in &d.purposes {
        let n = purpose_word(ctx.locale(), p.kind, p.reason.into_iter());
        if !names.contains(&n) {
            names.push(n);
        }
    }
    names.join(" + ")
}

/// The person a purpose is for (R15).
fn person(ctx: &Ctx, p: &Purpose) -> Option<usize> {
    purpose_contact(ctx, p)
}

/// DOMAIN "What may merge": one contact serves every purpose honestly — the
/// same person; an automated touch never absorbs a manager's purpose (a
/// manager's call may carry marketing's standard content or invitation,
/// which then needs no touch of its own, except under a month's cycle,
/// where standard touches are marketing's, R2); a greeting only with a manager's standard touch
/// (not an offer, need discovery, an invitation or a mandatory step); the
/// annual meeting stays a meeting and takes only less protected purposes;
/// scheduled messages stand alone.
pub fn may_merge(ctx: &Ctx, a: &Draft, b: &Draft) -> bool {
    if a.scheduled || b.scheduled {
        return false;
    }
    // Every purpose of both; asked many times per pass, so not collected.
    let all = || a.purposes.iter().chain(&b.purposes);
    if a.automated() != b.automated() {
        let auto = if a.automated() { a } else { b };
        // R3's top-ups are marketing's own extra touches: never folded into
        // a manager's (that would make a higher segment's plan shorter).
        let content_only = auto
            .purposes
            .iter()
            .all(|p| matches!(p.kind, TouchKind::Standard | TouchKind::Event) && p.rule != "R3");
        // R2: under a month the manager has no time for standard touches:
        // marketing's standard touch keeps a day of its own.
        let short_cycle_standard = ctx.profile.sub_month && auto.has_kind(TouchKind::Standard);
        if !content_only || short_cycle_standard || all().any(|p| p.kind == TouchKind::Greeting) {
            return false;
        }
    }
    let who = person(ctx, a.main());
    if all().any(|p| person(ctx, p) != who) {
        return false;
    }
    // An apology and its follow-up are about the failure: they carry no
    // sales or marketing purpose (standard, offer, need discovery,
    // greeting, invitation).
    if all().any(|p| p.kind == TouchKind::Apology)
        && all().any(|p| {
            matches!(
                p.class,
                Class::Need
                    | Class::Standard
                    | Class::Greeting
                    | Class::EventInvitation
                    | Class::Automated
            ) && p.kind != TouchKind::Apology
        })
    {
        return false;
    }
    let has = |k: TouchKind| all().any(|p| p.kind == k);
    if has(TouchKind::Greeting)
        && !all().all(|p| {
            p.kind == TouchKind::Greeting
                || (p.kind == TouchKind::Standard && p.rule != "R10" && !p.automated)
        })
    {
        return false;
    }
    if has(TouchKind::Meeting)
        && !all().all(|p| {
            p.kind == TouchKind::Meeting
                || (p.class > Class::AnnualMeeting
                    && !matches!(p.kind, TouchKind::Greeting | TouchKind::Event))
        })
    {
        return false;
    }
    true
}

/// Merges draft `other` into `keep`; returns where the merged one is.
fn merge_into(ctx: &mut Ctx, keep: usize, other: usize, date: Date) -> usize {
    let b = ctx.drafts.remove(other);
    let keep = if other < keep { keep - 1 } else { keep };
    ctx.drafts[keep].absorb(b, date);
    keep
}

/// Date order, most protected first on a day (the plan's order).
pub fn sort(ctx: &mut Ctx) {
    ctx.drafts
        .sort_by(|a, b| a.date.cmp(&b.date).then(a.class().cmp(&b.class())));
}

/// What [`sort`] does when only draft `i` is out of order (its day or its
/// class just changed): it moves past the neighbours it now sorts before
/// or after, no further, and never past an equal one (the sort is stable).
/// One draft's move instead of a pass over them all, after every merge.
/// Returns where draft `i` now is.
fn resort_one(ctx: &mut Ctx, i: usize) -> usize {
    let drafts = &mut ctx.drafts;
    let key = |d: &Draft| (d.date, d.class());
    let k = key(&drafts[i]);
    let mut to = i;
    while to > 0 && key(&drafts[to - 1]) > k {
        to -= 1;
    }
    if to < i {
        drafts[to..=i].rotate_right(1);
        return to;
    }
    while to + 1 < drafts.len() && key(&drafts[to + 1]) < k {
        to += 1;
    }
    drafts[i..=to].rotate_left(1);
    to
}

/// Past touches per day and per week (R13 counts them).
struct Past {
    day: BTreeMap<Date, usize>,
    week: BTreeMap<Date, usize>,
}

impl Past {
    fn new(ctx: &Ctx) -> Self {
        let mut past = Past {
            day: BTreeMap::new(),
            week: BTreeMap::new(),
        };
        for h in &ctx.input.client.history {
            *past.week.entry(week_start(h.date)).or_default() += 1;
            *past.day.entry(h.date).or_default() += 1;
        }
        past
    }

    fn on(&self, d: Date) -> usize {
        self.day.get(&d).copied().unwrap_or(0)
    }

    fn in_week(&self, d: Date) -> usize {
        self.week.get(&week_start(d)).copied().unwrap_or(0)
    }
}

/// The planned touches per day and per week around the horizon, for
/// relocating while the drafts are out of order (the first cap pass):
/// whether a day is taken is then a look at a few days, not at every
/// draft. Kept up to date as drafts move or are dropped; a draft outside
/// the days a relocation reads (the horizon, a merge gap and a week either
/// side) is not counted, since no candidate day can see it.
struct Counts {
    /// Day 0: a Monday, so that weeks are runs of seven days.
    first: Date,
    /// Drafts on each day.
    all: Vec<i32>,
    /// Drafts on each day that are not scheduled messages (they keep the
    /// merge gap).
    open: Vec<i32>,
    /// Drafts in each week.
    week: Vec<i32>,
}

impl Counts {
    fn new(ctx: &Ctx) -> Self {
        let span = i64::from(ctx.input.settings.merge_gap_days).max(1) + 7;
        let first = week_start(add_days(ctx.from, -span));
        let days = (add_days(ctx.to, span) - first).num_days().max(0) as usize + 1;
        let mut counts = Counts {
            first,
            all: vec![0; days],
            open: vec![0; days],
            week: vec![0; days / 7 + 1],
        };
        for d in &ctx.drafts {
            counts.add(d, 1);
        }
        counts
    }

    /// The index of `day`, if it is counted.
    fn slot(&self, day: Date) -> Option<usize> {
        let n = usize::try_from((day - self.first).num_days()).ok()?;
        (n < self.all.len()).then_some(n)
    }

    /// Counts draft `d` in (`by` 1) or out (`by` -1).
    fn add(&mut self, d: &Draft, by: i32) {
        if let Some(n) = self.slot(d.date) {
            self.all[n] += by;
            if !d.scheduled {
                self.open[n] += by;
            }
            self.week[n / 7] += by;
        }
    }

    /// Drafts on `day`.
    fn on(&self, day: Date) -> i32 {
        self.slot(day).map_or(0, |n| self.all[n])
    }

    /// Whether a draft is on `day` or, not a scheduled message, less than
    /// `gap` days from it.
    fn near(&self, day: Date, gap: i64) -> bool {
        self.on(day) > 0
            || (1 - gap..gap).any(|k| {
                self.slot(add_days(day, k))
                    .is_some_and(|n| self.open[n] > 0)
            })
    }

    /// Drafts in the week starting on `monday`.
    fn in_week(&self, monday: Date) -> usize {
        self.slot(monday).map_or(0, |n| self.week[n / 7] as usize)
    }
}

/// Moves draft `i` to the nearest working day its own purposes allow that
/// keeps the merge gap to every other touch and the daily and weekly caps
/// (history counted). Touches tied to their day never move. Returns
/// whether it moved. The other touches are read from `counts` where
/// given (the drafts out of order; `i` itself not counted), else from the
/// drafts, which are then in [`sort`]'s order. With `keep_gap` false, only the caps and a day of
/// its own are kept: a touch that cannot merge may stand a day from
/// another rather than be dropped (R13 drops only when no day exists).
fn relocate_with(
    ctx: &mut Ctx,
    past: &Past,
    i: usize,
    counts: Option<&Counts>,
    keep_gap: bool,
    also: &dyn Fn(Date) -> bool,
) -> bool {
    let d = &ctx.drafts[i];
    let mover = Mover {
        date: d.date,
        scheduled: d.scheduled,
        parts: &[d],
        skip: &[i],
        extra: None,
    };
    match free_day(ctx, past, &mover, counts, keep_gap, also) {
        Some(day) => {
            let d = &mut ctx.drafts[i];
            d.moved_from.get_or_insert(d.date);
            d.date = day;
            true
        }
        None => false,
    }
}

/// A touch looking for a day (see [`free_day`]): on `date`, its purposes
/// those of `parts` together; the other touches are the drafts but those
/// at `skip`, and one more on `extra` (not a scheduled message) if given.
struct Mover<'a> {
    date: Date,
    scheduled: bool,
    parts: &'a [&'a Draft],
    skip: &'a [usize],
    extra: Option<Date>,
}

/// The day [`relocate_with`] moves a touch to, the drafts left as they are.
fn free_day(
    ctx: &Ctx,
    past: &Past,
    m: &Mover,
    counts: Option<&Counts>,
    keep_gap: bool,
    also: &dyn Fn(Date) -> bool,
) -> Option<Date> {
    let s = &ctx.input.settings;
    let gap = i64::from(s.merge_gap_days).max(1);
    let weekly = s.weekly_cap as usize;
    // Whether another touch keeps `day` from the mover: one on the day itself,
    // one but a scheduled message within the merge gap (if it is kept); and how many
    // others share its week. With the drafts in date order, only the
    // neighbours of the day are read.
    let drafts = &ctx.drafts;
    let around = |lo: Date, hi: Date| {
        let start = drafts.partition_point(|o| o.date < lo);
        let end = start + drafts[start..].partition_point(|o| o.date <= hi);
        (start..end)
            .filter(move |j| !m.skip.contains(j))
            .map(|j| (drafts[j].date, drafts[j].scheduled))
            .chain(
                m.extra
                    .filter(|e| (lo..=hi).contains(e))
                    .map(|e| (e, false)),
            )
    };
    let taken = |day: Date| match counts {
        Some(c) if keep_gap => c.near(day, gap),
        Some(c) => c.on(day) > 0,
        None if keep_gap => around(add_days(day, 1 - gap), add_days(day, gap - 1))
            .any(|(date, scheduled)| !scheduled || date == day),
        None => around(day, day).next().is_some(),
    };
    let in_week = |monday: Date| match counts {
        Some(c) => c.in_week(monday),
        None => around(monday, add_days(monday, 6)).count(),
    };
    let free = |day: Date| {
        if taken(day) {
            return false;
        }
        let monday = week_start(day);
        past.in_week(day) + in_week(monday) < weekly
    };
    open_days(ctx, past, m, also)?.find(|day| free(*day))
}

/// The days, nearest first, [`free_day`] may move the touch of `m` to
/// as far as its own purposes, the calendar, `also` and history's daily
/// cap go (the other touches not looked at); `None` for a touch tied to
/// its day.
fn open_days<'a>(
    ctx: &'a Ctx,
    past: &'a Past,
    m: &'a Mover,
    also: &'a dyn Fn(Date) -> bool,
) -> Option<impl Iterator<Item = Date> + 'a> {
    let purposes = || m.parts.iter().flat_map(|d| d.purposes.iter());
    let s = &ctx.input.settings;
    // A touch tied to its day stays there; an apology may wait a day or
    // two (never come earlier, R12) for a first day or another apology.
    let apology_only = purposes().all(|p| !p.fixed || p.class == Class::Apology);
    if m.scheduled || (purposes().any(|p| p.fixed) && !apology_only) {
        return None;
    }
    let later_only = purposes().any(|p| p.fixed);
    let reach = if later_only {
        i64::from(s.apology_max_days)
    } else {
        MAX_SHIFT_DAYS
    };
    let daily = s.daily_cap as usize;
    let origin = m.date;
    // A touch with a deadline (E − R, a renewal, an order) looks earlier
    // first, as R14 moves it; the rest later first.
    let earlier_first = !later_only && purposes().any(|p| p.deadline.is_some());
    let days = (1..=reach)
        .flat_map(move |k| {
            if earlier_first {
                [add_days(origin, -k), add_days(origin, k)]
            } else {
                [add_days(origin, k), add_days(origin, -k)]
            }
        })
        .filter(move |day| {
            (!later_only || *day > origin)
                && *day >= ctx.from
                && *day <= ctx.to
                && ctx.cal.is_working(*day)
                && m.parts
                    .iter()
                    .flat_map(|d| d.purposes.iter())
                    .all(|p| p.allows(*day))
                && also(*day)
                && past.on(*day) < daily
        });
    Some(days)
}

/// Moves draft `i` keeping the merge gap to other touches (see
/// [`relocate_with`]); the drafts are in [`sort`]'s order.
fn relocate(ctx: &mut Ctx, past: &Past, i: usize) -> bool {
    relocate_with(ctx, past, i, None, true, &|_| true)
}

/// Under a cap: a day keeping the merge gap, else any day keeping the caps.
fn relocate_capped(ctx: &mut Ctx, past: &Past, i: usize, counts: Option<&Counts>) -> bool {
    relocate_with(ctx, past, i, counts, true, &|_| true)
        || relocate_with(ctx, past, i, counts, false, &|_| true)
}

/// R13: touches closer than the merge gap become one touch where that is
/// honest; otherwise the less protected one moves to a free day, and only
/// where none exists it is dropped.
pub fn merge_close(ctx: &mut Ctx) {
    let gap = i64::from(ctx.input.settings.merge_gap_days).max(1);
    let past = Past::new(ctx);
    sort(ctx);
    // The pass walks the drafts pairwise, `i` and the next one. A merge
    // takes the next one out: instead of shifting every later draft, the
    // emptied slots form a hole that travels with `i` (`drafts[i + 1..hole]`,
    // the next draft at `hole`), closed whenever a step reads the drafts
    // as a whole (a relocation, a merged touch moving later) and at the end.
    let empty = || Draft {
        date: Date::MIN,
        moved_from: None,
        purposes: Vec::new(),
        scheduled: false,
        channel: None,
    };
    let close_hole = |ctx: &mut Ctx, i: usize, hole: &mut usize| {
        if *hole > i + 1 {
            ctx.drafts.drain(i + 1..*hole);
        }
        *hole = i + 1;
    };
    let key = |d: &Draft| (d.date, d.class());
    let mut i = 0;
    let mut hole = 1;
    let mut guard = 0;
    while hole < ctx.drafts.len() && guard < 100_000 {
        guard += 1;
        let (a, b) = (&ctx.drafts[i], &ctx.drafts[hole]);
        let close = (b.date - a.date).num_days() < gap;
        if !close || a.scheduled || b.scheduled {
            // Next pair: the next draft moves to the hole's front.
            i += 1;
            ctx.drafts.swap(i, hole);
            hole += 1;
            continue;
        }
        let date = Draft::merged_date(a, b).filter(|d| past.on(*d) == 0);
        if let (true, Some(date)) = (may_merge(ctx, a, b), date) {
            let b = std::mem::replace(&mut ctx.drafts[hole], empty());
            hole += 1;
            ctx.drafts[i].absorb(b, date);
            // As `resort_one`: the merged touch moves earlier among the
            // drafts before it, or later past the next ones (the hole
            // closed first).
            let k = key(&ctx.drafts[i]);
            if hole < ctx.drafts.len() && key(&ctx.drafts[hole]) < k {
                close_hole(ctx, i, &mut hole);
                resort_one(ctx, i);
            } else {
                let mut to = i;
                while to > 0 && key(&ctx.drafts[to - 1]) > k {
                    to -= 1;
                }
                ctx.drafts[to..=i].rotate_right(1);
            }
            // Look again from the merged touch's new neighbourhood.
            if i > 0 {
                ctx.drafts.swap(i, hole - 1);
                hole -= 1;
                i -= 1;
            }
            continue;
        }
        // Not mergeable: the less protected one finds another day.
        close_hole(ctx, i, &mut hole);
        let (a, b) = (&ctx.drafts[i], &ctx.drafts[i + 1]);
        let weaker = if a.class() <= b.class() { i + 1 } else { i };
        let stronger = if weaker == i { i + 1 } else { i };
        let moved = if relocate(ctx, &past, weaker) {
            Some(weaker)
        } else if relocate(ctx, &past, stronger) {
            Some(stronger)
        } else {
            None
        };
        if let Some(moved) = moved {
            resort_one(ctx, moved);
            if i > 0 {
                i -= 1;
                hole = i + 1;
            }
            continue;
        }
        // Neither can move to a day keeping the gap and the caps: the less
        // protected one is dropped (DOMAIN: "only when no such day
        // exists"). Two on the same day are the daily cap's to settle.
        let (a, b) = (&ctx.drafts[i], &ctx.drafts[i + 1]);
        if a.date == b.date {
            i += 1;
            hole = i + 1;
            continue;
        }
        // Before a drop, merging may still help one step away: two
        // touches near the weaker one to one person may become one contact
        // and leave it a day.
        if make_room(ctx, &past, weaker, gap) || move_over_weaker(ctx, &past, weaker, gap) {
            i = i.saturating_sub(2);
            hole = i + 1;
            continue;
        }
        let cause = ctx.msg(Msg::CauseMergeGap, &[&gap.to_string()]);
        drop_for_gap(ctx, weaker, "R13", cause);
        i = i.saturating_sub(1);
        hole = i + 1;
    }
    close_hole(ctx, i, &mut hole);
}

/// The drafts (in [`sort`]'s order) less than `gap` days from `day`.
fn within(drafts: &[Draft], day: Date, gap: i64) -> std::ops::Range<usize> {
    let start = drafts.partition_point(|o| (day - o.date).num_days() >= gap);
    let end = start + drafts[start..].partition_point(|o| (o.date - day).num_days() < gap);
    start..end
}

/// DOMAIN: "the less protected one moves": a touch that finds no free day
/// may take a free day only less protected touches keep from it (within
/// its window and the merge gap to every touch at least as protected); those
/// then give way themselves when the pass meets them. A late
/// post-purchase check beside an apology takes the day of a need call.
fn move_over_weaker(ctx: &mut Ctx, past: &Past, w: usize, gap: i64) -> bool {
    let d = &ctx.drafts[w];
    if d.scheduled || d.purposes.iter().any(|p| p.fixed) {
        return false;
    }
    let class = d.class();
    let origin = d.date;
    let daily = ctx.input.settings.daily_cap as usize;
    let earlier_first = d.purposes.iter().any(|p| p.deadline.is_some());
    let found = (1..=MAX_SHIFT_DAYS)
        .flat_map(|k| {
            if earlier_first {
                [add_days(origin, -k), add_days(origin, k)]
            } else {
                [add_days(origin, k), add_days(origin, -k)]
            }
        })
        .find(|&day| {
            day >= ctx.from
                && day <= ctx.to
                && ctx.cal.is_working(day)
                && d.allows(day)
                && past.on(day) < daily
                && !within(&ctx.drafts, day, gap).any(|j| {
                    let o = &ctx.drafts[j];
                    // The day itself stays free of every touch (the daily
                    // cap is settled before the last pass).
                    j != w
                        && (o.date == day
                            || (o.class() <= class
                                && !o.scheduled
                                && (o.date - day).num_days().abs() < gap))
                })
        });
    let Some(day) = found else { return false };
    let d = &mut ctx.drafts[w];
    d.moved_from.get_or_insert(origin);
    d.date = day;
    sort(ctx);
    true
}

/// How far (calendar days) a purpose may travel to join a touch to its own
/// person when that makes room for another (see [`make_room`]).
const ROOM_SHIFT_DAYS: i64 = 4;

/// R13, "merging cannot help" checked one step further, before draft `w`
/// (sorted drafts) is dropped for the merge gap: two touches to one person
/// near it, `w` itself or others, that may honestly be one contact
/// ([`may_merge`]) and are at most [`ROOM_SHIFT_DAYS`] apart become one
/// (every purpose kept, on a day each allows), where that leaves `w` (or
/// the contact it joined) a day keeping the gap and the caps — its own or
/// one it may move to. A weekly order's acceptance joins its
/// shipment, and the month's call about the next order keeps its place.
/// R3's top-ups only take the room there is: none is made for them.
/// Returns whether room was made.
fn make_room(ctx: &mut Ctx, past: &Past, w: usize, gap: i64) -> bool {
    if ctx.drafts[w].purposes.iter().all(|p| p.rule == "R3") {
        return false;
    }
    let wdate = ctx.drafts[w].date;
    let reach = MAX_SHIFT_DAYS;
    let near: Vec<usize> = within(&ctx.drafts, wdate, reach + 1).collect();
    // Pairs: `w` with a neighbour first (the less protected one moves,
    // DOMAIN), then two neighbours of each other around it.
    let k = near.iter().position(|&j| j == w).unwrap_or(0);
    let others: Vec<usize> = near.iter().copied().filter(|&j| j != w).collect();
    let pairs = near
        .windows(2)
        .skip(k.saturating_sub(1))
        .take(2)
        .filter(|p| p.contains(&w))
        .map(|p| (p[0], p[1]))
        .chain(others.windows(2).map(|p| (p[0], p[1])))
        .collect::<Vec<_>>();
    // Read once for every pair not joining `w`: the touches keeping `w`'s
    // own day from it (as `clear` below), and whether any day is open to
    // it at all but for the other touches.
    let (wd, wc) = (ctx.drafts[w].date, ctx.drafts[w].class());
    let blockers: Vec<usize> = within(&ctx.drafts, wd, gap)
        .filter(|&j| {
            let o = &ctx.drafts[j];
            j != w && !o.scheduled && o.class() <= wc
        })
        .collect();
    let w_may_move = {
        let dw = &ctx.drafts[w];
        let alone = Mover {
            date: dw.date,
            scheduled: dw.scheduled,
            parts: &[dw],
            skip: &[],
            extra: None,
        };
        open_days(ctx, past, &alone, &|_| true).is_some_and(|mut days| days.next().is_some())
    };
    for (y, z) in pairs {
        let joins_w = w == y || w == z;
        if !joins_w && !w_may_move && blockers.iter().any(|&j| j != y && j != z) {
            // Merging these two neither clears `w`'s day nor lets it move.
            continue;
        }
        let (dy, dz) = (&ctx.drafts[y], &ctx.drafts[z]);
        if dy.scheduled || dz.scheduled || (dz.date - dy.date).num_days() > ROOM_SHIFT_DAYS {
            continue;
        }
        let Some(first) = Draft::merged_date(dy, dz).filter(|d| past.on(*d) == 0) else {
            continue;
        };
        if !may_merge(ctx, dy, dz) {
            continue;
        }
        // Where the touch needing a day stands clear: no touch at least as
        // protected (a less protected one gives way itself when the pass
        // meets it) closer than the gap, `y` and `z` aside.
        let clear = |day: Date, class: Class, skip: usize| {
            !within(&ctx.drafts, day, gap).any(|j| {
                let o = &ctx.drafts[j];
                j != y
                    && j != z
                    && j != skip
                    && !o.scheduled
                    && o.class() <= class
                    && (o.date - day).num_days().abs() < gap
            })
        };
        // Joining `w`: the contact may take any day between the two that
        // each purpose allows, the merged day first. Otherwise it takes
        // the merged day, and `w` must then stand clear.
        let class = dy.class().min(dz.class());
        // A purpose tied to its day keeps it (the merged day is then that).
        let fixed = dy.purposes.iter().chain(&dz.purposes).any(|p| p.fixed);
        let span = if fixed {
            0
        } else {
            (dz.date - dy.date).num_days() + 1
        };
        let day = if joins_w {
            std::iter::once(first)
                .chain((0..span).map(|k| add_days(dy.date, k)))
                .find(|d| {
                    ctx.cal.is_working(*d)
                        && past.on(*d) == 0
                        && dy.allows(*d)
                        && dz.allows(*d)
                        && clear(*d, class, usize::MAX)
                })
        } else {
            let merged_clear = (first - wd).num_days().abs() >= gap || class > wc;
            let wd_clear = blockers.iter().all(|&j| j == y || j == z);
            (merged_clear && wd_clear).then_some(first)
        };
        if day.is_none() && !joins_w && !w_may_move {
            continue;
        }
        if day.is_none() {
            // No day as it stands: the touch needing one may still move,
            // once the two are one. Tried on the drafts as they are: the
            // merge is made only where the move then finds a day.
            let mover = if joins_w {
                Mover {
                    date: first,
                    scheduled: false,
                    parts: &[dy, dz],
                    skip: &[y, z],
                    extra: None,
                }
            } else {
                let dw = &ctx.drafts[w];
                Mover {
                    date: dw.date,
                    scheduled: dw.scheduled,
                    parts: &[dw],
                    skip: &[y, z, w],
                    extra: Some(first),
                }
            };
            if free_day(ctx, past, &mover, None, true, &|_| true).is_none() {
                continue;
            }
        }
        let (keep, other) = if first == dy.date { (y, z) } else { (z, y) };
        let at = merge_into(ctx, keep, other, day.unwrap_or(first));
        if day.is_some() {
            sort(ctx);
            return true;
        }
        // The drafts in order again (only the merged one is out of it),
        // then the move found above.
        let t = if joins_w {
            at
        } else if other < w {
            w - 1
        } else {
            w
        };
        let to = resort_one(ctx, at);
        let t = match t {
            _ if t == at => to,
            _ if to < at && (to..at).contains(&t) => t + 1,
            _ if to > at && (at + 1..=to).contains(&t) => t - 1,
            _ => t,
        };
        let moved = relocate(ctx, past, t);
        debug_assert!(moved, "the move tried before the merge");
        sort(ctx);
        return true;
    }
    false
}

/// R13: the daily and weekly caps, counting history. Over a cap the least
/// protected touch is merged into a neighbour of its week where that is
/// honest, else moved to a free day, and only otherwise dropped.
pub fn apply_caps(ctx: &mut Ctx) {
    let s = &ctx.input.settings;
    let (weekly, daily) = (s.weekly_cap as usize, s.daily_cap as usize);
    let past = Past::new(ctx);
    // Daily cap against history: a planned touch on a day already used.
    // Relocating leaves the drafts out of order here: the others are
    // counted per day and week instead. A dropped touch is only marked
    // (and no longer counted) until the pass ends, then all of them go in
    // one pass over the drafts instead of shifting every later one per drop.
    let mut counts = Counts::new(ctx);
    let mut dropped = vec![false; ctx.drafts.len()];
    for (i, gone) in dropped.iter_mut().enumerate() {
        let d = &ctx.drafts[i];
        if !d.scheduled && past.on(d.date) + 1 > daily {
            counts.add(d, -1);
            if relocate_capped(ctx, &past, i, Some(&counts)) {
                counts.add(&ctx.drafts[i], 1);
            } else {
                report_drop(ctx, i, Msg::CauseDailyCap);
                *gone = true;
            }
        }
    }
    if dropped.contains(&true) {
        let mut gone = dropped.into_iter();
        ctx.drafts.retain(|_| !gone.next().unwrap_or(false));
    }
    sort(ctx);
    // Daily cap between planned touches.
    let mut i = 0;
    while i + 1 < ctx.drafts.len() {
        if ctx.drafts[i].date == ctx.drafts[i + 1].date {
            let (a, b) = (&ctx.drafts[i], &ctx.drafts[i + 1]);
            if let (true, Some(date)) = (may_merge(ctx, a, b), Draft::merged_date(a, b)) {
                let kept = merge_into(ctx, i, i + 1, date);
                resort_one(ctx, kept);
                continue;
            }
            let j = if a.class() <= b.class() { i + 1 } else { i };
            let k = if j == i { i + 1 } else { i };
            // The weaker one moves; if it is tied to its day, the other.
            if relocate_capped(ctx, &past, j, None) {
                resort_one(ctx, j);
                continue;
            }
            if relocate_capped(ctx, &past, k, None) {
                resort_one(ctx, k);
                continue;
            }
            drop_touch(ctx, j, Msg::CauseDailyCap);
            continue;
        }
        i += 1;
    }
    let mut guard = 0;
    loop {
        guard += 1;
        // The first week over the cap, history counted: the drafts are in
        // date order, so each week is a run of them.
        let drafts = &ctx.drafts;
        let mut over = None;
        let mut start = 0;
        while start < drafts.len() {
            let week = week_start(drafts[start].date);
            let mut end = start + 1;
            while end < drafts.len() && week_start(drafts[end].date) == week {
                end += 1;
            }
            if end - start + past.in_week(week) > weekly {
                over = Some(start..end);
                break;
            }
            start = end;
        }
        let Some(over) = over else { break };
        if guard > 10_000 {
            break;
        }
        let members: Vec<usize> = over.collect();
        let mut by_protection = members.clone();
        by_protection.sort_by(|a, b| {
            ctx.drafts[*b]
                .class()
                .cmp(&ctx.drafts[*a].class())
                .then(b.cmp(a))
        });
        let mut done = false;
        'outer: for &x in &by_protection {
            if ctx.drafts[x].scheduled {
                continue;
            }
            let mut targets: Vec<usize> = members
                .iter()
                .copied()
                .filter(|&y| y != x && !ctx.drafts[y].scheduled)
                .collect();
            targets.sort_by_key(|&y| {
                (
                    (ctx.drafts[y].date - ctx.drafts[x].date).num_days().abs(),
                    y,
                )
            });
            for y in targets {
                let (a, b) = (&ctx.drafts[y], &ctx.drafts[x]);
                let date = Draft::merged_date(a, b).filter(|d| past.on(*d) == 0);
                if let (true, Some(date)) = (may_merge(ctx, a, b), date) {
                    let kept = merge_into(ctx, y, x, date);
                    resort_one(ctx, kept);
                    done = true;
                    break 'outer;
                }
            }
        }
        if !done {
            let x = by_protection
                .iter()
                .copied()
                .find(|&x| !ctx.drafts[x].scheduled)
                .unwrap_or(by_protection[0]);
            if relocate_capped(ctx, &past, x, None) {
                resort_one(ctx, x);
            } else {
                // Taking one out leaves the rest in order.
                drop_touch(ctx, x, Msg::CauseWeeklyCap);
            }
        }
    }
}

/// R13's weekly cap once more after the last merge-gap pass, which may
/// move a touch over less protected ones into a week already full (they
/// mostly leave it for the gap, not always): in a week still over the
/// cap, history counted, the least protected touch (the latest of equals)
/// moves to a day keeping the gap and the caps, and only otherwise goes.
pub fn hold_weekly_cap(ctx: &mut Ctx) {
    let weekly = ctx.input.settings.weekly_cap as usize;
    let past = Past::new(ctx);
    sort(ctx);
    let mut start = 0;
    while start < ctx.drafts.len() {
        let monday = week_start(ctx.drafts[start].date);
        let end = start + ctx.drafts[start..].partition_point(|o| week_start(o.date) == monday);
        if end - start + past.in_week(monday) <= weekly {
            start = end;
            continue;
        }
        let Some(x) = (start..end)
            .filter(|&j| !ctx.drafts[j].scheduled)
            .max_by_key(|&j| (ctx.drafts[j].class(), ctx.drafts[j].date))
        else {
            start = end;
            continue;
        };
        if relocate(ctx, &past, x) {
            sort(ctx);
        } else {
            drop_touch(ctx, x, Msg::CauseWeeklyCap);
        }
        // The week is counted again; a touch moved earlier is in a week
        // that had room for it.
        start = ctx.drafts.partition_point(|o| o.date < monday);
    }
}

/// R7: an automated touch (a top-up, a short cycle's monthly touch, an
/// automated content item) that breaks a channel's minimum gap and could
/// take no other accepted channel moves to a day of its window keeping the
/// merge gap, the caps and that channel's gap; where none exists it is
/// dropped. It gives way first: a manager's touch is never dropped for it.
/// The channels are assigned again after each change.
pub fn settle_channel_gaps(ctx: &mut Ctx) -> Vec<Assigned> {
    let past = Past::new(ctx);
    let mut tried: Vec<Date> = Vec::new();
    for _ in 0..200 {
        sort(ctx);
        let assigned = super::channels::assign(ctx);
        // The least protected automated touch in a conflict, the latest of
        // equals.
        let Some(i) = (0..ctx.drafts.len())
            .filter(|&i| assigned[i].2 && ctx.drafts[i].automated() && !ctx.drafts[i].scheduled)
            .max_by_key(|&i| (ctx.drafts[i].class(), ctx.drafts[i].date))
        else {
            return assigned;
        };
        let ch = assigned[i].0;
        let g = i64::from(ctx.input.settings.channel_gap(ch));
        let uses: Vec<Date> = ctx
            .input
            .client
            .history
            .iter()
            .filter(|h| h.channel == ch)
            .map(|h| h.date)
            .chain(
                (0..ctx.drafts.len())
                    .filter(|&j| j != i && assigned[j].0 == ch && !ctx.drafts[j].scheduled)
                    .map(|j| ctx.drafts[j].date),
            )
            .collect();
        let clear = |day: Date| uses.iter().all(|u| (day - *u).num_days().abs() >= g);
        let origin = ctx.drafts[i].date;
        if !tried.contains(&origin) && relocate_with(ctx, &past, i, None, true, &clear) {
            tried.push(ctx.drafts[i].date);
            continue;
        }
        let days = super::texts::count(ctx.locale(), g as u32, super::texts::Counted::Day);
        let name = super::texts::channel_name(ctx.locale(), ch);
        let cause = ctx.msg(Msg::CauseChannelGap, &[name, &days]);
        drop_for_gap(ctx, i, "R7", cause);
    }
    sort(ctx);
    super::channels::assign(ctx)
}

/// Takes draft `i` out of the plan for a gap (R13's merge gap, R7's
/// channel gaps) that it could keep neither by merging, by moving within
/// its window, nor (automated) by another channel; [`report_gap_drops`]
/// says so once per cause, with every day.
pub fn drop_for_gap(ctx: &mut Ctx, i: usize, rule: &'static str, cause: String) {
    let d = ctx.drafts.remove(i);
    let mut label = kinds_label(ctx, &d);
    // A mandatory step is named in its own words (which order, which
    // step), so the manager knows what to do by hand.
    for p in d.purposes.iter().filter(|p| p.class == Class::Mandatory) {
        label.push_str("; ");
        let first = p.why.split(". ").next().unwrap_or(&p.why);
        label.push_str(first.trim_end_matches('.'));
    }
    if d.automated() {
        label.push_str(ctx.msg(Msg::LabelAutomated, &[]).as_str());
    }
    ctx.gap_drops.push((d.date, label, rule, cause));
}

/// One `dropped` warning per gap cause, naming what was dropped and listing
/// every day (DOMAIN: a drop is reported with its rule).
pub fn report_gap_drops(ctx: &mut Ctx) {
    let drops = std::mem::take(&mut ctx.gap_drops);
    let mut causes: Vec<(&str, &String)> = Vec::new();
    for (_, _, rule, cause) in &drops {
        if !causes.contains(&(*rule, cause)) {
            causes.push((rule, cause));
        }
    }
    for (rule, cause) in causes {
        let mut labels: Vec<&str> = Vec::new();
        for (_, label, _, c) in &drops {
            if c == cause && !labels.contains(&label.as_str()) {
                labels.push(label);
            }
        }
        let text = ctx.msg(Msg::WarnDroppedGap, &[&labels.join("; "), cause]);
        for (day, _, _, c) in &drops {
            if c == cause {
                ctx.warn("dropped", text.clone(), rule, Some(*day), None);
            }
        }
    }
}

fn drop_touch(ctx: &mut Ctx, i: usize, cause: Msg) {
    report_drop(ctx, i, cause);
    ctx.drafts.remove(i);
}

/// The warning for dropping draft `i` (which stays in the drafts).
fn report_drop(ctx: &mut Ctx, i: usize, cause: Msg) {
    let (label, date) = (kinds_label(ctx, &ctx.drafts[i]), ctx.drafts[i].date);
    let cause = ctx.msg(cause, &[]);
    let text = ctx.msg(Msg::WarnDropped, &[&label, &cause]);
    ctx.warn("dropped", text, "R13", Some(date), None);
}
