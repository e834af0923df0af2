//! The rules that place touches, one module per rule or rule family; each
//! module is the only place touches of its rule come from:
//!
//! - [`cadence`]: R2–R4 — mandatory, standard and need-discovery touches
//!   of each order cycle, and R3's automated top-ups.
//! - [`checks`]: R5 — post-purchase checks, onboarding and the first day.
//! - [`reaction`]: R6 — check-ins within the reaction window.
//! - [`greetings`]: R9 — birthdays and New Year.
//! - [`offers`]: R10 — content-plan items and offers; automated items.
//! - [`renewals`]: R11 — the service period's renewal, other terms ending.
//! - [`apologies`]: R12 — apology and follow-up after an incident.
//! - [`events`]: R2/R8 — event invitations and the annual meeting.
//! - [`effort`]: R8 — a lower segment never gets more touches than a
//!   higher one for the same data (applied after the limits).
//!
//! Limits (R13) come after, in `limits`; whom and how (R15, R7) in
//! `channels`.

pub mod apologies;
pub mod cadence;
pub mod checks;
pub mod effort;
pub mod events;
pub mod greetings;
pub mod offers;
pub mod reaction;
pub mod renewals;

use super::context::Ctx;
use super::model::Date;
use super::texts::{human_date, Msg};

/// Places every floor touch: each rule in turn, in this order.
pub fn place_floors(ctx: &mut Ctx) {
    cadence::cycles(ctx);
    checks::post_purchase_checks(ctx);
    checks::service_start(ctx);
    renewals::renewal(ctx);
    renewals::expiries(ctx);
    apologies::apologies(ctx);
    events::events(ctx);
    events::annual_meeting(ctx);
    greetings::greetings(ctx);
    offers::automated_content(ctx);
    offers::hobby_novelties(ctx);
    offers::personal_items(ctx);
    reaction::last_reaction_check(ctx);
    if let Some(since) = ctx.input.client.open_deal {
        let m = ctx.msg(Msg::WarnNeedPaused, &[&human_date(ctx.locale(), since)]);
        ctx.warn("need_paused", m, "R4", Some(since), Some("client.openDeal"));
    }
}

/// How many things of one day a touch names; the rest are counted.
const NAMED_PER_DAY: usize = 3;

/// Dated things (failures, terms ending) one per day, as one touch serves
/// them (R13: one purpose, one touch): each day's distinct texts, the
/// first [`NAMED_PER_DAY`] named and joined, the rest counted with `more`;
/// days and texts in input order, exact repeats once.
pub(crate) fn by_day<'a>(
    ctx: &Ctx,
    items: impl Iterator<Item = (Date, &'a str)>,
    more: Msg,
) -> Vec<(Date, String)> {
    let mut days: Vec<(Date, Vec<&str>, usize)> = Vec::new();
    let mut seen = std::collections::BTreeSet::new();
    for (date, text) in items {
        if !seen.insert((date, text)) {
            continue;
        }
        let k = match days.iter().position(|(d, _, _)| *d == date) {
            Some(k) => k,
            None => {
                days.push((date, Vec::new(), 0));
                days.len() - 1
            }
        };
        let (_, named, count) = &mut days[k];
        if named.len() < NAMED_PER_DAY {
            named.push(text);
        } else {
            *count += 1;
        }
    }
    days.into_iter()
        .map(|(date, named, count)| {
            let mut text = named.join("; ");
            if count > 0 {
                text.push_str(&ctx.msg(more, &[&count.to_string()]));
            }
            (date, text)
        })
        .collect()
}
