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
/// someone whose role its catalog reason suits (the buyer receives a
/// shipment, the technician checks operability); else by its kind.
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
        for role in roles {
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

/// R7: personal channels first; the meeting and first day in person.
fn preference(kind: TouchKind) -> &'static [Channel] {
    use Channel::*;
    match kind {
        TouchKind::Meeting | TouchKind::FirstDay | TouchKind::Onboarding => {
            &[Visit, Phone, Messenger, Email, Staff, Event, Letter, Sms]
        }
        TouchKind::Event => &[Phone, Visit, Messenger, Email, Letter, Event, Sms],
        _ => &[Phone, Visit, Messenger, Email, Staff, Event, Letter, Sms],
    }
}

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

/// Assigns a contact and a channel to every touch, in date order.
pub fn assign(ctx: &Ctx) -> Vec<(Channel, Option<usize>, bool)> {
    let s = &ctx.input.settings;
    let mut last_use: BTreeMap<Channel, Date> = BTreeMap::new();
    let mut history: Vec<_> = ctx.input.client.history.iter().collect();
    history.sort_by_key(|h| h.date);
    let mut last_manager: Option<Channel> = None;
    for h in &history {
        last_use.insert(h.channel, h.date);
        last_manager = Some(h.channel);
    }
    let people = contacts(ctx);
    let mut out = Vec::with_capacity(ctx.drafts.len());
    for (d, &contact) in ctx.drafts.iter().zip(&people) {
        let kind = d.main().kind;
        if let Some(ch) = d.channel {
            // R9: a scheduled message is outside other touches' channel gaps.
            out.push((ch, contact, false));
            continue;
        }
        let list = accepted(ctx, contact);
        if d.automated() {
            let ch = s
                .automated_channels
                .iter()
                .copied()
                .find(|c| list.contains(c))
                .unwrap_or(s.automated_channels[0]);
            last_use.insert(ch, d.date);
            out.push((ch, contact, false));
            continue;
        }
        // Manager touches: no mass channels, SMS only as a last resort.
        let mut options: Vec<Channel> = preference(kind)
            .iter()
            .copied()
            .filter(|c| list.contains(c))
            .collect();
        if options.is_empty() {
            options = list.clone();
        }
        // R12: the company may choose its own channel for an apology (a
        // letter, seed 001).
        if let (Class::Apology, Some(ch)) = (d.class(), s.apology_channel) {
            options = vec![ch];
        }
        // R7, R12: a key touch is a call or a visit where accepted, ahead of
        // rotation; the annual meeting is a visit where the person accepts one.
        let personal = |c: &Channel| matches!(c, Channel::Phone | Channel::Visit);
        if is_key(d) && options.iter().any(personal) {
            options.retain(personal);
            if kind == TouchKind::Meeting && options.contains(&Channel::Visit) {
                options.retain(|c| *c == Channel::Visit);
            }
        }
        let gap_ok = |c: Channel, lu: &BTreeMap<Channel, Date>| {
            lu.get(&c)
                .is_none_or(|u| (d.date - *u).num_days() >= i64::from(s.channel_gap(c)))
        };
        let rotate = options.len() > 1;
        let pick = options
            .iter()
            .copied()
            .find(|c| (!rotate || Some(*c) != last_manager) && gap_ok(*c, &last_use))
            .or_else(|| {
                options
                    .iter()
                    .copied()
                    .find(|c| !rotate || Some(*c) != last_manager)
            });
        let (ch, gap_broken) = match pick {
            Some(c) => (c, !gap_ok(c, &last_use)),
            None => (options[0], !gap_ok(options[0], &last_use)),
        };
        last_use.insert(ch, d.date);
        last_manager = Some(ch);
        out.push((ch, contact, gap_broken));
    }
    out
}
