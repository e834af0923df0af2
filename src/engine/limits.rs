//! Limits that shape the floors (R13): merging close touches into one
//! contact where that serves every purpose honestly ("What may merge"),
//! moving the less protected touch where it does not, then the daily and
//! weekly caps, history counted. Merges show on the merged touch itself;
//! only drops are reported.

use std::collections::BTreeMap;

use super::channels::purpose_contact;
use super::context::Ctx;
use super::date::{add_days, week_start};
use super::draft::{Class, Draft, Purpose};
use super::model::{Date, TouchKind};
use super::texts::{kind_name, Msg};

/// How far a touch that cannot share its day may move to find a free one
/// (calendar days either way), when its own rule gives no window.
const MAX_SHIFT_DAYS: i64 = 14;

fn kinds_label(ctx: &Ctx, d: &Draft) -> String {
    let mut names: Vec<&str> = Vec::new();
    for p in &d.purposes {
        let n = kind_name(ctx.locale(), p.kind);
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
fn resort_one(ctx: &mut Ctx, i: usize) {
    let drafts = &mut ctx.drafts;
    let key = |d: &Draft| (d.date, d.class());
    let k = key(&drafts[i]);
    let mut to = i;
    while to > 0 && key(&drafts[to - 1]) > k {
        to -= 1;
    }
    if to < i {
        drafts[to..=i].rotate_right(1);
        return;
    }
    while to + 1 < drafts.len() && key(&drafts[to + 1]) < k {
        to += 1;
    }
    drafts[i..=to].rotate_left(1);
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
) -> bool {
    let d = &ctx.drafts[i];
    let s = &ctx.input.settings;
    // A touch tied to its day stays there; an apology may wait a day or
    // two (never come earlier, R12) for a first day or another apology.
    let apology_only = d
        .purposes
        .iter()
        .all(|p| !p.fixed || p.class == Class::Apology);
    if d.scheduled || (d.purposes.iter().any(|p| p.fixed) && !apology_only) {
        return false;
    }
    let later_only = d.purposes.iter().any(|p| p.fixed);
    let reach = if later_only {
        i64::from(s.apology_max_days)
    } else {
        MAX_SHIFT_DAYS
    };
    let gap = i64::from(s.merge_gap_days).max(1);
    let (weekly, daily) = (s.weekly_cap as usize, s.daily_cap as usize);
    let origin = d.date;
    // Whether another touch keeps `day` from `i`: one on the day itself,
    // one but a scheduled message within the merge gap (if it is kept); and how many
    // others share its week. With the drafts in date order, only the
    // neighbours of the day are read.
    let drafts = &ctx.drafts;
    let around = |lo: Date, hi: Date| {
        let start = drafts.partition_point(|o| o.date < lo);
        let end = start + drafts[start..].partition_point(|o| o.date <= hi);
        (start..end).filter(move |j| *j != i).map(|j| &drafts[j])
    };
    let taken = |day: Date| match counts {
        Some(c) if keep_gap => c.near(day, gap),
        Some(c) => c.on(day) > 0,
        None if keep_gap => around(add_days(day, 1 - gap), add_days(day, gap - 1))
            .any(|o| !o.scheduled || o.date == day),
        None => around(day, day).next().is_some(),
    };
    let in_week = |monday: Date| match counts {
        Some(c) => c.in_week(monday),
        None => around(monday, add_days(monday, 6)).count(),
    };
    let free = |day: Date| {
        if day < ctx.from || day > ctx.to || !ctx.cal.is_working(day) || !d.allows(day) {
            return false;
        }
        if past.on(day) >= daily || taken(day) {
            return false;
        }
        let monday = week_start(day);
        past.in_week(day) + in_week(monday) < weekly
    };
    // A touch with a deadline (E − R, a renewal, an order) looks earlier
    // first, as R14 moves it; the rest later first.
    let earlier_first = !later_only && d.purposes.iter().any(|p| p.deadline.is_some());
    let found = (1..=reach)
        .flat_map(|k| {
            if earlier_first {
                [add_days(origin, -k), add_days(origin, k)]
            } else {
                [add_days(origin, k), add_days(origin, -k)]
            }
        })
        .filter(|day| !later_only || *day > origin)
        .find(|day| free(*day));
    match found {
        Some(day) => {
            let d = &mut ctx.drafts[i];
            d.moved_from.get_or_insert(origin);
            d.date = day;
            true
        }
        None => false,
    }
}

/// Moves draft `i` keeping the merge gap to other touches (see
/// [`relocate_with`]); the drafts are in [`sort`]'s order.
fn relocate(ctx: &mut Ctx, past: &Past, i: usize) -> bool {
    relocate_with(ctx, past, i, None, true)
}

/// Under a cap: a day keeping the merge gap, else any day keeping the caps.
fn relocate_capped(ctx: &mut Ctx, past: &Past, i: usize, counts: Option<&Counts>) -> bool {
    relocate_with(ctx, past, i, counts, true) || relocate_with(ctx, past, i, counts, false)
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
        // Two touches a day apart that cannot move: they may stay on
        // their own days; the same day is settled by the daily cap.
        i += 1;
        hole = i + 1;
    }
    close_hole(ctx, i, &mut hole);
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

/// R13, "What may merge": touches that stay closer than the merge gap
/// could neither merge (different people, or purposes that do not share a
/// contact) nor move to a day keeping the gap, since the client's own
/// rhythm leaves none; each keeps its day, which its rule allows within the
/// caps, and the plan says so once, with every such day.
pub fn report_close(ctx: &mut Ctx) {
    let gap = i64::from(ctx.input.settings.merge_gap_days).max(1);
    if gap < 2 {
        return;
    }
    let days: Vec<Date> = ctx
        .drafts
        .iter()
        .filter(|d| !d.scheduled)
        .map(|d| d.date)
        .collect();
    let close: Vec<Date> = days
        .windows(2)
        .filter(|p| (p[1] - p[0]).num_days() < gap)
        .flat_map(|p| [p[0], p[1]])
        .collect();
    if close.is_empty() {
        return;
    }
    let m = ctx.msg(Msg::WarnMergeGap, &[&gap.to_string()]);
    for day in close {
        ctx.warn("merge_gap", m.clone(), "R13", Some(day), None);
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
