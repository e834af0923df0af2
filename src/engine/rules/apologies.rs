//! R12: after an incident, an apology the next working day — a personal
//! message the next day first when holidays put that day too far — a
//! follow-up later to the same person, and quiet from automated marketing.

use crate::engine::calendar::Move;
use crate::engine::context::Ctx;
use crate::engine::date::add_days;
use crate::engine::draft::{Class, Draft, Purpose};
use crate::engine::input::Incident;
use crate::engine::model::{Channel, Date, Role, TouchKind};
use crate::engine::texts::{human_date, Msg};

/// R12: the apology goes to the decision maker, else the first contact.
fn apology_contact(ctx: &Ctx) -> Option<usize> {
    let contacts = &ctx.input.client.contacts;
    contacts
        .iter()
        .position(|c| c.role == Some(Role::DecisionMaker))
        .or((!contacts.is_empty()).then_some(0))
}

/// The asynchronous personal channel the person (else the client) accepts:
/// messenger, else email, else SMS.
fn message_channel(ctx: &Ctx, contact: Option<usize>) -> Option<Channel> {
    let c = &ctx.input.client;
    let accepted: Vec<Channel> = contact
        .and_then(|i| c.contacts[i].channels.clone())
        .or_else(|| c.channels.clone())
        .unwrap_or_else(|| vec![Channel::Phone, Channel::Email]);
    [Channel::Messenger, Channel::Email, Channel::Sms]
        .into_iter()
        .find(|ch| accepted.contains(ch))
}

/// The last day of a touch with this reason in `history`: R13, a touch
/// with the reason since a failure served it. Read once for all the
/// incidents (up to 2,000 of them against 10,000 past touches).
fn last_done(ctx: &Ctx, reason: &str) -> Option<Date> {
    ctx.input
        .client
        .history
        .iter()
        .filter(|h| h.reason.as_deref() == Some(reason))
        .map(|h| h.date)
        .max()
}

/// The apology itself, personal and tied to its day, for the failure of
/// `incident` (its message ahead over holidays, or the call).
fn apology(why: String, person: Option<usize>, incident: Date, notes: Vec<String>) -> Purpose {
    let mut pu = Purpose::new(
        TouchKind::Apology,
        Class::Apology,
        "R12",
        Some("apology"),
        why,
    );
    pu.fixed = true;
    pu.contact = person;
    pu.since = Some(incident);
    pu.notes = notes;
    pu
}

/// The client's failures, one per day (R13: one apology and one follow-up
/// for a day's failures, not one each; see [`super::by_day`]).
fn failures_by_day(ctx: &Ctx) -> Vec<Incident> {
    let c = &ctx.input.client;
    let items = c.incidents.iter().map(|i| (i.date, i.summary.as_str()));
    super::by_day(ctx, items, Msg::MoreFailures)
        .into_iter()
        .map(|(date, summary)| Incident { date, summary })
        .collect()
}

/// R12: an apology the next working day (a scheduled personal message the
/// next day when that is more than `apologyMaxDays` away), a follow-up
/// later, both to the same person.
pub fn apologies(ctx: &mut Ctx) {
    let s = &ctx.input.settings;
    let (delay, follow) = (i64::from(s.apology_delay_days), i64::from(s.follow_up_days));
    let max_days = i64::from(s.apology_max_days);
    let person = apology_contact(ctx);
    let (apologised, followed_up) = (
        last_done(ctx, "apology"),
        last_done(ctx, "apology_follow_up"),
    );
    let done_since = |last: Option<Date>, since: Date| last.is_some_and(|d| d >= since);
    for inc in failures_by_day(ctx) {
        let mut follow_day = add_days(inc.date, follow);
        if follow_day < ctx.from {
            continue;
        }
        // An apology made late (planned only now) is followed up as long
        // after it as the follow-up usually comes after the failure.
        let apology_due = add_days(inc.date, delay.max(1));
        if apology_due < ctx.from && !done_since(apologised, inc.date) {
            follow_day = follow_day.max(add_days(ctx.from, follow - delay.max(1)));
        }
        let note = ctx.msg(
            Msg::NoteIncident,
            &[&human_date(ctx.locale(), inc.date), &inc.summary],
        );
        let apology_day = add_days(inc.date, delay.max(1));
        if !done_since(apologised, inc.date) {
            let call_day = ctx.cal.on_or_after(apology_day.max(ctx.from));
            // R13: the message takes the first day from the next one on that
            // no past touch holds (the daily cap counts `history`); none before
            // the call, no separate message.
            let busy = |d: Date| ctx.input.client.history.iter().any(|h| h.date == d);
            let next_day = add_days(inc.date, 1)
                .iter_days()
                .take_while(|d| *d < call_day)
                .find(|d| !busy(*d))
                .unwrap_or(call_day);
            let mut notes = vec![note.clone()];
            let far = (call_day - inc.date).num_days() > max_days;
            let channel = message_channel(ctx, person);
            let room = next_day < call_day && next_day >= ctx.from && next_day <= ctx.to;
            if let (true, Some(ch)) = (far && room, channel) {
                // Seed 001: the apology is immediate, holidays or not.
                let why = ctx.msg(
                    Msg::WhyApologyMessage,
                    &[&inc.summary, &human_date(ctx.locale(), call_day)],
                );
                let pu = apology(why, person, inc.date, vec![note.clone()]);
                ctx.drafts.push(Draft::on_day(next_day, pu, Some(ch)));
                notes.push(ctx.msg(
                    Msg::NoteApologyMessageSent,
                    &[&human_date(ctx.locale(), next_day)],
                ));
            }
            let why = ctx.msg(
                Msg::WhyApology,
                &[&human_date(ctx.locale(), inc.date), &inc.summary],
            );
            let mut pu = apology(why, person, inc.date, notes);
            pu.not_before = Some(apology_day.min(ctx.cal.on_or_after(ctx.from)));
            ctx.add(apology_day.max(ctx.from), Move::Later, pu);
        }
        if done_since(followed_up, inc.date) {
            continue;
        }
        let why = ctx.msg(Msg::WhyFollowUp, &[&follow.to_string()]);
        let mut pu = Purpose::new(
            TouchKind::Apology,
            Class::Standard,
            "R12",
            Some("apology_follow_up"),
            why,
        );
        pu.not_before = Some(follow_day);
        pu.contact = person;
        pu.since = Some(inc.date);
        pu.notes = vec![note];
        ctx.add(follow_day, Move::Later, pu);
    }
}

/// R12: no automated marketing reaches the client for
/// `quietAfterIncidentDays` after a failure: automated touches in that span
/// move to the first day after it their own constraints allow, or are
/// dropped with a warning. Runs after the floors, before merges.
pub fn quiet_after_incidents(ctx: &mut Ctx) {
    let quiet = i64::from(ctx.input.settings.quiet_after_incident_days);
    if quiet == 0 {
        return;
    }
    let spans: Vec<(Date, Date)> = ctx
        .input
        .client
        .incidents
        .iter()
        .map(|i| (i.date, add_days(i.date, quiet)))
        .collect();
    let frozen = ctx.input.client.service.as_ref().and_then(|s| s.frozen);
    let quiet_on = |d: Date| spans.iter().any(|(a, b)| d >= *a && d <= *b);
    let blocked = |d: Date| quiet_on(d) || frozen.is_some_and(|(f, t)| d >= f && d <= t);
    let (loud, calm): (Vec<Draft>, Vec<Draft>) = std::mem::take(&mut ctx.drafts)
        .into_iter()
        .partition(|d| d.automated() && quiet_on(d.date));
    ctx.drafts = calm;
    let note = ctx.msg(Msg::NoteMovedAfterQuiet, &[&quiet.to_string()]);
    for d in loud {
        let day = ctx.free_day_from(&d, d.date, blocked);
        match day {
            Some(day) => ctx.replace_on(d, day, note.clone()),
            None => {
                let m = ctx.msg(Msg::WarnDroppedQuiet, &[&quiet.to_string()]);
                ctx.warn("dropped", m, "R12", Some(d.date), Some("client.incidents"));
            }
        }
    }
}
