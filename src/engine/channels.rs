//! R15 (whom to touch) and R7 (which channel, rotated, with minimum gaps).

use std::collections::BTreeMap;

use super::context::Ctx;
use chrono::Datelike;

use super::catalog;
use super::date::{add_days, add_months};
use super::draft::{Class, Draft, Purpose};
use super::model::{Channel, Date, Role, TouchKind};
use super::settings::VisitPolicy;

/// The roles R15 wants for a touch kind, best first.
fn wanted_roles(kind: TouchKind) -> &'static [Role] {
    match kind {
        TouchKind::Mandatory => &[Role::Technical, Role::User, Role::Buyer],
        TouchKind::Onboarding => &[Role::User, Role::Technical],
        TouchKind::Check => &[Role::User, Role::Buyer, Role::DecisionMaker],
        _ => &[Role::DecisionMaker, Role::Influencer],
    }
}

/// R15: the contact for a touch kind: one of the wanted role, else the
/// decision maker, else the first contact.
pub fn contact_for(ctx: &Ctx, kind: TouchKind) -> Option<usize> {
    let contacts = &ctx.input.client.contacts;
    if contacts.is_empty() {
        return None;
    }
    for role in wanted_roles(kind) {
        if let Some(i) = contacts.iter().position(|c| c.role == Some(*role)) {
            return Some(i);
        }
    }
    contacts
        .iter()
        .position(|c| c.role == Some(Role::DecisionMaker))
        .or(Some(0))
}

/// R15: whom a purpose is for: the person it names; for a mandatory step,
/// someone outside the decision group whose role its catalog reason suits
/// (the buyer receives a shipment, the technician checks operability);
/// else by its kind (the decision maker only without a user).
pub fn purpose_contact(ctx: &Ctx, p: &Purpose) -> Option<usize> {
    if p.contact.is_some() {
        return p.contact;
    }
    let contacts = &ctx.input.client.contacts;
    if p.kind == TouchKind::Mandatory {
        let roles = p
            .reason
            .and_then(catalog::find)
            .map_or(&[][..], |r| r.roles);
        let group = [Role::DecisionMaker, Role::Influencer];
        for role in roles.iter().filter(|r| !group.contains(r)) {
            if let Some(i) = contacts.iter().position(|c| c.role == Some(*role)) {
                return Some(i);
            }
        }
    }
    contact_for(ctx, p.kind)
}

/// Who the touch is for: its most protected purpose's person.
pub fn touch_contact(ctx: &Ctx, d: &Draft) -> Option<usize> {
    purpose_contact(ctx, d.main())
}

/// The decision makers (R9 greets them); without roles, the first contact.
pub fn decision_makers(ctx: &Ctx) -> Vec<usize> {
    let contacts = &ctx.input.client.contacts;
    let dms: Vec<usize> = (0..contacts.len())
        .filter(|&i| contacts[i].role == Some(Role::DecisionMaker))
        .collect();
    if dms.is_empty() && !contacts.is_empty() && contacts.iter().all(|c| c.role.is_none()) {
        vec![0]
    } else {
        dms
    }
}

/// Channels the client (and the contact, where it says) accepts, under the
/// segment's visit policy.
fn accepted(ctx: &Ctx, contact: Option<usize>) -> Vec<Channel> {
    let client = &ctx.input.client;
    let base = client
        .channels
        .clone()
        .unwrap_or_else(|| vec![Channel::Phone, Channel::Email]);
    let mut list = match contact.and_then(|i| client.contacts[i].channels.as_ref()) {
        Some(own) => {
            let both: Vec<Channel> = own.iter().copied().filter(|c| base.contains(c)).collect();
            if both.is_empty() {
                base
            } else {
                both
            }
        }
        None => base,
    };
    // The annual meeting too is a visit only where the person accepts one;
    // else it is a call of its own (DOMAIN "What may merge").
    match ctx.profile.policy.visits {
        // Visits only where the client accepts nothing else.
        VisitPolicy::No if list.len() > 1 => list.retain(|c| *c != Channel::Visit),
        _ => {}
    }
    list
}

/// R7: how far a channel is from the best one for a touch kind (0 best):
/// personal contacts first (seed 004); the meeting and first day in
/// person; a greeting by a call or a personal message (R9).
fn rank(kind: TouchKind, c: Channel) -> i64 {
    use Channel::*;
    match (kind, c) {
        (TouchKind::Meeting | TouchKind::FirstDay | TouchKind::Onboarding, Visit) => 0,
        (TouchKind::Meeting | TouchKind::FirstDay | TouchKind::Onboarding, Phone) => 1,
        (TouchKind::Greeting, Phone) => 0,
        (TouchKind::Greeting, Messenger) => 1,
        (TouchKind::Greeting, Visit) => 4,
        (_, Phone) => 0,
        (_, Visit) => 1,
        (_, Messenger) => 3,
        (_, Email | Staff | Event) => 4,
        (_, Letter) => 5,
        (_, Sms) => 8,
        _ => 6,
    }
}

/// How much a touch wants its best channel when rotation leaves the
/// personal channels to only some touches (R7: "prefer them for every
/// manager touch where accepted"). Key touches first (they go ahead of
/// rotation anyway), then the onboarding and the post-purchase check, then
/// the need touch before an order — the one that meets competitors when
/// the client is most exposed (R4) —, the other need discovery, greetings,
/// mandatory steps, the other check-ins, standard touches and invitations.
/// One touch of a level outweighs `LEVEL_BASE` touches of the level below,
/// so that where a need touch mid-cycle and the pre-order one follow each
/// other every cycle, the pre-order ones take the calls even when the
/// horizon holds one mid-cycle touch more.
fn weight(d: &Draft) -> i64 {
    let level = |p: &Purpose| match p.class {
        Class::Apology
        | Class::Renewal
        | Class::LastReactionCheck
        | Class::FirstDay
        | Class::AnnualMeeting => 10,
        Class::Onboarding | Class::PostPurchaseCheck => 9,
        Class::Need if p.reason == Some("need_before_order") => 8,
        Class::Need => 7,
        Class::Greeting => 6,
        Class::Mandatory => 5,
        Class::ReactionCheck => 4,
        Class::Standard => 3,
        Class::EventInvitation => 2,
        Class::Automated => 1,
    };
    let top = d.purposes.iter().map(level).max().unwrap_or(1);
    LEVEL_BASE.pow(top)
}

/// The step between two levels of `weight`.
const LEVEL_BASE: i64 = 8;

/// R7: key touches — first day, renewal, apology, the last reaction-window
/// check, the annual meeting — are made by phone or visit where accepted.
fn is_key(d: &Draft) -> bool {
    d.purposes.iter().any(|p| {
        matches!(
            p.class,
            Class::Apology
                | Class::Renewal
                | Class::LastReactionCheck
                | Class::FirstDay
                | Class::AnnualMeeting
        )
    })
}

/// R15: the contact of every touch; then each influencer gets at least
/// `influencerTouchesPerQuarter` of the decision group's touches in every
/// calendar quarter the horizon fully covers.
fn contacts(ctx: &Ctx) -> Vec<Option<usize>> {
    let mut out: Vec<Option<usize>> = ctx.drafts.iter().map(|d| touch_contact(ctx, d)).collect();
    let people = &ctx.input.client.contacts;
    let want = ctx.input.settings.influencer_touches_per_quarter as usize;
    let influencers: Vec<usize> = (0..people.len())
        .filter(|&i| people[i].role == Some(Role::Influencer))
        .collect();
    if influencers.is_empty() || want == 0 {
        return out;
    }
    let shareable = |d: &Draft| {
        !d.automated()
            && !d.scheduled
            && d.purposes.iter().all(|p| {
                p.contact.is_none()
                    && matches!(
                        p.kind,
                        TouchKind::Standard | TouchKind::Need | TouchKind::Event
                    )
            })
    };
    let mut q = quarter_start(ctx.from);
    if q < ctx.from {
        q = add_months(q, 3);
    }
    while add_days(add_months(q, 3), -1) <= ctx.to {
        let end = add_months(q, 3);
        let inside = |d: &Draft| d.date >= q && d.date < end;
        for &f in &influencers {
            let mut have = ctx
                .drafts
                .iter()
                .zip(&out)
                .filter(|(d, c)| inside(d) && **c == Some(f))
                .count();
            for (d, c) in ctx.drafts.iter().zip(out.iter_mut()) {
                if have >= want {
                    break;
                }
                let from_dm = c.is_some_and(|c| people[c].role == Some(Role::DecisionMaker));
                if inside(d) && shareable(d) && from_dm {
                    *c = Some(f);
                    have += 1;
                }
            }
        }
        q = end;
    }
    out
}

fn quarter_start(d: Date) -> Date {
    let m = (d.month0() / 3) * 3 + 1;
    Date::from_ymd_opt(d.year(), m, 1).unwrap_or(d)
}

/// The channels a manager touch may take, best first, and whether the touch
/// goes ahead of rotation (a key touch or a greeting kept personal).
fn manager_options(ctx: &Ctx, d: &Draft, contact: Option<usize>) -> (Vec<Channel>, bool) {
    let s = &ctx.input.settings;
    let kind = d.main().kind;
    let list = accepted(ctx, contact);
    // No mass channels for a manager; SMS only as a last resort.
    let mass = |c: &Channel| matches!(c, Channel::Newsletter | Channel::Portal | Channel::Social);
    let mut options: Vec<Channel> = list.iter().copied().filter(|c| !mass(c)).collect();
    if options.is_empty() {
        options = list.clone();
    }
    // R12: the company may choose its own channel for an apology (a
    // letter, seed 001).
    if let (Class::Apology, Some(ch)) = (d.class(), s.apology_channel) {
        return (vec![ch], true);
    }
    let personal = |c: &Channel| matches!(c, Channel::Phone | Channel::Visit);
    let mut ahead = false;
    if is_key(d) && options.iter().any(personal) {
        // R7, R12: a key touch is a call or a visit where accepted, ahead of
        // rotation; the annual meeting is a visit where the person accepts one.
        options.retain(personal);
        ahead = true;
        if kind == TouchKind::Meeting && options.contains(&Channel::Visit) {
            options.retain(|c| *c == Channel::Visit);
        }
    } else if kind == TouchKind::Greeting
        && s.greetings_ahead_of_rotation
        && options
            .iter()
            .any(|c| matches!(c, Channel::Phone | Channel::Messenger))
    {
        // R9: personally and informally — a call or a personal message.
        options.retain(|c| matches!(c, Channel::Phone | Channel::Messenger));
        ahead = true;
    }
    options.sort_by_key(|c| rank(kind, *c));
    (options, ahead)
}

/// Manager touches remembered by the assignment: the last few channels,
/// most recent first.
const DEPTH: usize = 3;
type Recent = [Option<Channel>; DEPTH];
/// Two manager touches in a row on one channel (R7's rotation).
const SAME_IN_A_ROW: i64 = 1 << 50;
/// The same, where the second touch is a greeting kept personal ahead of
/// rotation (R9, `greetingsAheadOfRotation`): better there than anywhere
/// else.
const SAME_AHEAD: i64 = 1 << 46;
/// The same, where the second touch is a key touch made by phone or visit:
/// it goes ahead of rotation (R7), so repeating the channel breaks nothing
/// and no touch before it gives up its call for it; only where that costs
/// no personal contact do the touches before it change channel.
const SAME_BEFORE_KEY: i64 = 1;
/// A channel used again before its minimum gap (R7): above any sum of
/// `weight` × rank over a plan (10 levels of base 8, rank ≤ 8, a few
/// hundred touches stay under 2^42).
const GAP_BROKEN: i64 = 1 << 42;
/// A manager's SMS where another channel is accepted (R7).
const SMS_LAST_RESORT: i64 = 1 << 41;

/// A touch's channel, its contact (an index into the client's contacts)
/// and whether it breaks the channel's minimum gap (R7).
pub type Assigned = (Channel, Option<usize>, bool);

/// Assigns a contact and a channel to every touch, and says which touches
/// break a channel's minimum gap. Automated touches take marketing's
/// channel; the manager's touches get the cheapest sequence of channels
/// (dynamic programming over the last few): rotation first, then the
/// channels' minimum gaps, then personal channels for the most protected
/// purposes (R7).
pub fn assign(ctx: &Ctx) -> Vec<Assigned> {
    let s = &ctx.input.settings;
    let gap = |c: Channel| i64::from(s.channel_gap(c));
    let mut history: Vec<_> = ctx.input.client.history.iter().collect();
    history.sort_by_key(|h| h.date);
    let people = contacts(ctx);
    let mut out: Vec<(Channel, Option<usize>, bool)> = Vec::with_capacity(ctx.drafts.len());
    // Uses that do not depend on the manager's choices: history and
    // marketing's automated touches.
    let mut fixed: Vec<(Date, Channel)> = history.iter().map(|h| (h.date, h.channel)).collect();
    // The latest of those uses per channel: a channel keeps its gap to all
    // of them exactly when it keeps it to the latest.
    let mut latest: BTreeMap<Channel, Date> = BTreeMap::new();
    for &(day, c) in &fixed {
        let l = latest.entry(c).or_insert(day);
        *l = (*l).max(day);
    }
    let mut manager: Vec<usize> = Vec::new();
    for (i, (d, &contact)) in ctx.drafts.iter().zip(&people).enumerate() {
        if let Some(ch) = d.channel {
            // R9: a scheduled message is outside other touches' channel
            // gaps, not outside rotation: the manager prepares it, so it is
            // one of the consecutive manager touches (R7).
            manager.push(i);
            out.push((ch, contact, false));
        } else if d.automated() {
            // Marketing's first channel the contact accepts, another one
            // where that keeps a channel's minimum gap.
            let list = accepted(ctx, contact);
            let usable: Vec<Channel> = s
                .automated_channels
                .iter()
                .copied()
                .filter(|c| list.contains(c))
                .collect();
            let clear = |c: &Channel| {
                latest
                    .get(c)
                    .is_none_or(|day| (d.date - *day).num_days() >= gap(*c))
            };
            let ch = usable
                .iter()
                .copied()
                .find(clear)
                .or(usable.first().copied())
                .unwrap_or(s.automated_channels[0]);
            fixed.push((d.date, ch));
            let l = latest.entry(ch).or_insert(d.date);
            *l = (*l).max(d.date);
            out.push((ch, contact, false));
        } else {
            manager.push(i);
            out.push((Channel::Phone, contact, false));
        }
    }
    let (options, ahead): (Vec<Vec<Channel>>, Vec<bool>) = manager
        .iter()
        .map(|&i| match ctx.drafts[i].channel {
            Some(ch) => (vec![ch], true),
            None => manager_options(ctx, &ctx.drafts[i], people[i]),
        })
        .unzip();
    let scheduled: Vec<bool> = manager
        .iter()
        .map(|&i| ctx.drafts[i].channel.is_some())
        .collect();
    let dates: Vec<Date> = manager.iter().map(|&i| ctx.drafts[i].date).collect();
    let key: Vec<bool> = manager.iter().map(|&i| is_key(&ctx.drafts[i])).collect();
    // The fixed uses of each channel in date order: whether one comes
    // within a channel's gap of a manager's touch is one search, the same
    // for every state.
    let mut fixed_days: BTreeMap<Channel, Vec<Date>> = BTreeMap::new();
    for &(day, c) in &fixed {
        fixed_days.entry(c).or_default().push(day);
    }
    for days in fixed_days.values_mut() {
        days.sort_unstable();
    }
    let near_fixed = |day: Date, c: Channel| {
        let g = gap(c);
        fixed_days.get(&c).is_some_and(|days| {
            let at = days.partition_point(|x| (day - *x).num_days() >= g);
            days.get(at)
                .is_some_and(|x| (day - *x).num_days().abs() < g)
        })
    };
    let mut start: Recent = [None; DEPTH];
    for (k, h) in history.iter().rev().take(DEPTH).enumerate() {
        start[k] = Some(h.channel);
    }
    // A state: the last DEPTH channels as base-12 digits, most recent
    // first, `None` 0 and a channel its index + 1 — an index into `seen`,
    // and the next state is one division away.
    const BASE: usize = 12;
    const STATES: usize = BASE * BASE * BASE;
    let digit = |c: Channel| c as usize + 1;
    let start = start
        .iter()
        .fold(0, |acc, c| acc * BASE + c.map_or(0, digit));
    // layers[n]: every reachable recent-channels state after the n-th
    // manager touch, with its cost and the state it came from.
    let mut layers: Vec<Vec<(u16, i64, u32)>> = vec![vec![(start as u16, 0, 0)]];
    // Where each state is in the layer being built (u32::MAX: not there),
    // reset after each layer.
    let mut seen: Vec<u32> = vec![u32::MAX; STATES];
    for (n, opts) in options.iter().enumerate() {
        let d = &ctx.drafts[manager[n]];
        let w = weight(d);
        let kind = d.main().kind;
        let single = opts.len() == 1 && (n == 0 || options[n - 1].len() == 1);
        let same = if key[n] && ahead[n] {
            SAME_BEFORE_KEY
        } else if ahead[n] {
            SAME_AHEAD
        } else {
            SAME_IN_A_ROW
        };
        // Per option, what does not depend on the state: its digit, its
        // cost, a fixed use within its gap, and whether the manager's
        // touch k + 1 back is within its gap.
        let per: Vec<(usize, i64, bool, [bool; DEPTH])> = opts
            .iter()
            .map(|&c| {
                let mut within = [false; DEPTH];
                // R9: a scheduled message keeps no channel gap, nor do the
                // others to it.
                for (k, x) in within.iter_mut().enumerate() {
                    *x = k < n
                        && !scheduled[n]
                        && !scheduled[n - 1 - k]
                        && (dates[n] - dates[n - 1 - k]).num_days().abs() < gap(c);
                }
                let mut cost = w * rank(kind, c);
                // R7: a manager's SMS only where nothing else serves
                // (concrete figures, seed 000), never to free a better
                // channel for another touch.
                if c == Channel::Sms && opts.len() > 1 {
                    cost += SMS_LAST_RESORT;
                }
                let near = !scheduled[n] && near_fixed(dates[n], c);
                (digit(c), cost, near, within)
            })
            .collect();
        let mut next: Vec<(u16, i64, u32)> = Vec::new();
        for (from, &(state, cost, _)) in layers[n].iter().enumerate() {
            let state = usize::from(state);
            let recent = [state / (BASE * BASE), (state / BASE) % BASE, state % BASE];
            for &(c, base, near, within) in &per {
                let mut add = base;
                if recent[0] == c && !single {
                    add += same;
                }
                if near || (0..DEPTH).any(|k| within[k] && recent[k] == c) {
                    add += GAP_BROKEN;
                }
                let to = c * BASE * BASE + state / BASE;
                let total = cost + add;
                match seen[to] {
                    u32::MAX => {
                        seen[to] = next.len() as u32;
                        next.push((to as u16, total, from as u32));
                    }
                    j if next[j as usize].1 <= total => {}
                    j => next[j as usize] = (to as u16, total, from as u32),
                }
            }
        }
        for &(state, _, _) in &next {
            seen[usize::from(state)] = u32::MAX;
        }
        layers.push(next);
    }
    // The cheapest end, traced back.
    let mut at = layers
        .last()
        .and_then(|l| {
            l.iter()
                .enumerate()
                .min_by_key(|(j, (_, cost, _))| (*cost, *j))
                .map(|(j, _)| j)
        })
        .unwrap_or(0);
    for n in (0..manager.len()).rev() {
        let (state, _, from) = layers[n + 1][at];
        let c = usize::from(state) / (BASE * BASE);
        if let Some(&ch) = options[n].iter().find(|&&o| digit(o) == c) {
            out[manager[n]].0 = ch;
        }
        at = from as usize;
    }
    // R7: which touches come closer than their channel's minimum gap, each
    // with the earlier touch it conflicts with.
    let mut last_use: BTreeMap<Channel, (Date, Option<usize>)> = BTreeMap::new();
    for h in &history {
        last_use.insert(h.channel, (h.date, None));
    }
    for (i, d) in ctx.drafts.iter().enumerate() {
        if d.channel.is_some() {
            continue;
        }
        let c = out[i].0;
        if let Some(&(day, j)) = last_use.get(&c) {
            if (d.date - day).num_days() < gap(c) {
                out[i].2 = true;
                if let Some(j) = j {
                    out[j].2 = true;
                }
            }
        }
        last_use.insert(c, (d.date, Some(i)));
    }
    out
}

/// R7: the warning for touches closer than `channel`'s minimum gap.
pub fn gap_warning(ctx: &Ctx, channel: Channel) -> String {
    let locale = ctx.locale();
    let days = super::texts::count(
        locale,
        ctx.input.settings.channel_gap(channel),
        super::texts::Counted::Day,
    );
    ctx.msg(
        super::texts::Msg::WarnChannelGap,
        &[super::texts::channel_name(locale, channel), &days],
    )
}
