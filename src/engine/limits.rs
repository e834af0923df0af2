//! Limits that shape the floors (R13): merging close touches into one
//! contact, then the daily and weekly caps, history counted. Every merge and
//! drop is reported.

use std::collections::BTreeMap;

use super::context::Ctx;
use super::date::{iso, week_start};
use super::draft::Draft;
use super::model::{Date, TouchKind};
use super::texts::{kind_name, Msg};

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

fn merge_into(ctx: &mut Ctx, keep: usize, other: usize, date: Date) {
    let b = ctx.drafts.remove(other);
    let keep = if other < keep { keep - 1 } else { keep };
    let dates = format!(
        "{}, {}",
        iso(ctx.drafts[keep].date.min(b.date)),
        iso(ctx.drafts[keep].date.max(b.date))
    );
    ctx.drafts[keep].absorb(b, date);
    let label = kinds_label(ctx, &ctx.drafts[keep]);
    let d = &ctx.drafts[keep];
    // R4 lets need discovery share its day with a standard touch.
    let rule = if d.purposes.len() == 2
        && d.has_kind(TouchKind::Need)
        && d.has_kind(TouchKind::Standard)
    {
        "R4"
    } else {
        "R13"
    };
    let m = ctx.msg(Msg::WarnMerged, &[&dates, &label]);
    ctx.warn("merged", m, rule, Some(date), None);
}

fn sort(ctx: &mut Ctx) {
    ctx.drafts
        .sort_by(|a, b| a.date.cmp(&b.date).then(a.class().cmp(&b.class())));
}

/// R13: touches closer than the merge gap become one touch.
pub fn merge_close(ctx: &mut Ctx) {
    let gap = i64::from(ctx.input.settings.merge_gap_days).max(1);
    sort(ctx);
    let mut i = 0;
    while i + 1 < ctx.drafts.len() {
        let (a, b) = (&ctx.drafts[i], &ctx.drafts[i + 1]);
        let close = (b.date - a.date).num_days() < gap;
        if close && !a.scheduled && !b.scheduled {
            if let Some(date) = Draft::merged_date(a, b) {
                merge_into(ctx, i, i + 1, date);
                sort(ctx);
                // Look again from the merged touch's new neighbourhood.
                i = i.saturating_sub(1);
                continue;
            }
        }
        i += 1;
    }
}

/// R13: the daily and weekly caps, counting history. Over a cap the least
/// protected touch is merged into a neighbour of its week when every
/// purpose allows the day; only otherwise it is dropped.
pub fn apply_caps(ctx: &mut Ctx) {
    let s = &ctx.input.settings;
    let (weekly, daily) = (s.weekly_cap as usize, s.daily_cap as usize);
    let mut past_week: BTreeMap<Date, usize> = BTreeMap::new();
    let mut past_day: BTreeMap<Date, usize> = BTreeMap::new();
    for h in &ctx.input.client.history {
        *past_week.entry(week_start(h.date)).or_default() += 1;
        *past_day.entry(h.date).or_default() += 1;
    }
    // Daily cap against history: a planned touch on a day already used.
    let mut i = 0;
    while i < ctx.drafts.len() {
        let d = ctx.drafts[i].date;
        if past_day.get(&d).copied().unwrap_or(0) + 1 > daily {
            let next = ctx.cal.on_or_after(super::date::add_days(d, 1));
            let free = !ctx.drafts.iter().any(|x| x.date == next)
                && past_day.get(&next).copied().unwrap_or(0) < daily;
            if ctx.drafts[i].allows(next) && free && !ctx.drafts[i].scheduled && next <= ctx.to {
                ctx.drafts[i].moved_from.get_or_insert(d);
                ctx.drafts[i].date = next;
            } else {
                drop_touch(ctx, i, Msg::WarnDropped, "daily cap");
                continue;
            }
        }
        i += 1;
    }
    sort(ctx);
    // Daily cap between planned touches that could not merge.
    let mut i = 0;
    while i + 1 < ctx.drafts.len() {
        if ctx.drafts[i].date == ctx.drafts[i + 1].date {
            let j = if ctx.drafts[i].class() <= ctx.drafts[i + 1].class() {
                i + 1
            } else {
                i
            };
            drop_touch(ctx, j, Msg::WarnDropped, "daily cap");
            continue;
        }
        i += 1;
    }
    loop {
        let mut load: BTreeMap<Date, Vec<usize>> = BTreeMap::new();
        for (i, d) in ctx.drafts.iter().enumerate() {
            load.entry(week_start(d.date)).or_default().push(i);
        }
        let over = load
            .iter()
            .find(|(w, v)| v.len() + past_week.get(*w).copied().unwrap_or(0) > weekly);
        let Some((_, members)) = over else { break };
        let members = members.clone();
        let mut by_protection = members.clone();
        by_protection.sort_by(|a, b| {
            ctx.drafts[*b]
                .class()
                .cmp(&ctx.drafts[*a].class())
                .then(b.cmp(a))
        });
        let mut merged = false;
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
                if let Some(date) = Draft::merged_date(&ctx.drafts[y], &ctx.drafts[x]) {
                    merge_into(ctx, y, x, date);
                    merged = true;
                    break 'outer;
                }
            }
        }
        if !merged {
            drop_touch(ctx, by_protection[0], Msg::WarnDropped, "weekly cap");
        }
        sort(ctx);
    }
}

fn drop_touch(ctx: &mut Ctx, i: usize, m: Msg, why: &str) {
    let d = ctx.drafts.remove(i);
    let label = kinds_label(ctx, &d);
    let cause = match (ctx.locale(), why) {
        (super::model::Locale::Ru, "daily cap") => "не больше касаний в день",
        (super::model::Locale::Ru, _) => "не больше касаний в неделю",
        (_, "daily cap") => "daily cap",
        _ => "weekly cap",
    };
    let text = ctx.msg(m, &[&label, &iso(d.date), cause]);
    ctx.warn("dropped", text, "R13", Some(d.date), None);
}
