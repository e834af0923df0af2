//! R9: greetings — birthdays on the day (a scheduled message on a day off),
//! New Year before the holidays, by segment policy.

use chrono::Datelike;

use crate::engine::calendar::Move;
use crate::engine::channels::decision_makers;
use crate::engine::context::Ctx;
use crate::engine::date::{add_days, in_year};
use crate::engine::draft::{Class, Draft, Purpose};
use crate::engine::model::{Channel, Date, Role, TouchKind};
use crate::engine::settings::GreetingPolicy;
use crate::engine::texts::{human_date, Msg};

/// The async personal channel a contact accepts, for a scheduled greeting.
fn async_channel(ctx: &Ctx, contact: usize) -> Option<Channel> {
    let c = &ctx.input.client;
    let accepted: Vec<Channel> = c.contacts[contact]
        .channels
        .clone()
        .or_else(|| c.channels.clone())
        .unwrap_or_else(|| vec![Channel::Phone, Channel::Email]);
    [Channel::Messenger, Channel::Email, Channel::Sms]
        .into_iter()
        .find(|ch| accepted.contains(ch))
}

/// R9: birthdays on the day, New Year before the holidays, by segment policy.
pub fn greetings(ctx: &mut Ctx) {
    let policy = ctx.profile.policy.greetings;
    if policy == GreetingPolicy::Never {
        return;
    }
    let plan = &ctx.input.company.content_plan;
    let birthday_offer = crate::engine::reasons::birthday_offer(ctx);
    let new_year_offer = |y: i32| {
        plan.iter().any(|i| {
            i.reason == "new_year"
                && ((i.date.year() == y && i.date.month() == 12)
                    || (i.date.year() == y + 1 && i.date.month() == 1))
        })
    };
    let always = policy == GreetingPolicy::Always;
    let dms = decision_makers(ctx);
    // Birthdays of the decision makers and influencers (seed 004 keeps
    // both in the dossier), each greeted on their own day.
    let mut greeted = dms.clone();
    greeted.extend(
        (0..ctx.input.client.contacts.len())
            .filter(|&i| ctx.input.client.contacts[i].role == Some(Role::Influencer)),
    );
    if always || birthday_offer {
        for &ci in &greeted {
            let Some(b) = ctx.input.client.contacts[ci].birthday else {
                continue;
            };
            let name = ctx.input.client.contacts[ci].name.clone();
            for y in ctx.from.year()..=ctx.to.year() {
                let Some(day) = in_year(y, b.month, b.day) else {
                    continue;
                };
                if day < ctx.from || day > ctx.to {
                    continue;
                }
                let mut pu = Purpose::new(
                    TouchKind::Greeting,
                    Class::Greeting,
                    "R9",
                    Some("birthday"),
                    String::new(),
                );
                pu.fixed = true;
                pu.not_before = Some(day);
                pu.contact = Some(ci);
                // R9: the company's birthday offer goes in the greeting.
                let offer = if birthday_offer {
                    format!(" {}", ctx.msg(Msg::ReasonBirthdayOffer, &[]))
                } else {
                    String::new()
                };
                if ctx.cal.is_working(day) {
                    pu.why = ctx.msg(Msg::WhyBirthday, &[&name]) + &offer;
                    ctx.drafts.push(Draft::on_day(day, pu, None));
                } else if let Some(ch) = async_channel(ctx, ci) {
                    // On a day off: a message prepared ahead, sent on the day.
                    pu.why = ctx.msg(Msg::WhyBirthdayScheduled, &[&name]) + &offer;
                    ctx.drafts.push(Draft::on_day(day, pu, Some(ch)));
                } else {
                    // No message channel: the first working day after, and
                    // the text says the day has passed.
                    pu.why = ctx.msg(
                        Msg::WhyBirthdayMoved,
                        &[&name, &human_date(ctx.locale(), day)],
                    ) + &offer;
                    ctx.add(day, Move::Later, pu);
                }
            }
        }
    }
    // New Year: each decision maker and influencer, each in a touch of
    // their own (R9); the first on the last working day before the
    // holidays, the next ones on the nearest working days before it that
    // keep the merge gap.
    for y in ctx.from.year()..=ctx.to.year() {
        if !(always || new_year_offer(y)) {
            continue;
        }
        let Some(eve) = in_year(y, 12, 31) else {
            continue;
        };
        let last = ctx.cal.on_or_before(eve);
        let mut day = last;
        let people: Vec<Option<usize>> = if greeted.is_empty() {
            vec![dms.first().copied()]
        } else {
            greeted.iter().copied().map(Some).collect()
        };
        for (n, person) in people.into_iter().enumerate() {
            if n > 0 {
                // R13: the merge gap from the greeting after it, as these
                // are different people and never merge.
                let gap = i64::from(ctx.input.settings.merge_gap_days).max(1);
                day = ctx.cal.on_or_before(add_days(day, -gap));
            }
            if day < ctx.from || day > ctx.to {
                continue;
            }
            let why = if day == last {
                ctx.msg(Msg::WhyNewYear, &[])
            } else {
                ctx.msg(Msg::WhyNewYearEarlier, &[])
            };
            let mut pu = Purpose::new(
                TouchKind::Greeting,
                Class::Greeting,
                "R9",
                Some("new_year"),
                why,
            );
            pu.fixed = true;
            pu.contact = person;
            ctx.drafts.push(Draft::on_day(day, pu, None));
        }
    }
    // Greetings are standard touches of R2's count: each replaces the
    // standard slot of its window, the manager's or (segments C, D)
    // marketing's. Where two slots share the window (a cycle's months do
    // not follow the calendar's), it replaces the one nearest its day: the
    // other stays a touch of its own, so that the greeting never both
    // replaces one slot and absorbs the next (R8: a segment with greetings
    // would come out with fewer touches than one without).
    let greeting_days: Vec<Date> = ctx
        .drafts
        .iter()
        .filter(|d| d.has_kind(TouchKind::Greeting) && !d.automated())
        .map(|d| d.date)
        .collect();
    // For each greeting in turn, the nearest standard slot left whose window
    // holds it: found among the slots only, all taken out in one pass.
    let slots: Vec<(usize, (Date, Date))> = ctx
        .drafts
        .iter()
        .enumerate()
        .filter(|(_, d)| d.purposes.len() == 1 && d.main().kind == TouchKind::Standard)
        .filter_map(|(i, d)| d.main().slot_window.map(|w| (i, w)))
        .collect();
    let mut replaced = vec![false; slots.len()];
    for g in greeting_days {
        let nearest = (0..slots.len())
            .filter(|&k| {
                let (a, b) = slots[k].1;
                !replaced[k] && g >= a && g < b
            })
            .min_by_key(|&k| ((ctx.drafts[slots[k].0].date - g).num_days().abs(), k));
        if let Some(k) = nearest {
            replaced[k] = true;
        }
    }
    let mut gone = vec![false; ctx.drafts.len()];
    for (k, (i, _)) in slots.iter().enumerate() {
        gone[*i] = replaced[k];
    }
    let mut at = 0;
    ctx.drafts.retain(|_| {
        at += 1;
        !gone[at - 1]
    });
}
