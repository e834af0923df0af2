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
