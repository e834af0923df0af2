//! R12: after an incident, an apology the next working day and a follow-up
//! later.

use crate::engine::calendar::Move;
use crate::engine::context::Ctx;
use crate::engine::date::{add_days, iso};
use crate::engine::draft::{Class, Purpose};
use crate::engine::model::TouchKind;
use crate::engine::texts::Msg;

/// R12: an apology the next working day, a follow-up later.
pub fn apologies(ctx: &mut Ctx) {
    let s = &ctx.input.settings;
    let (delay, follow) = (i64::from(s.apology_delay_days), i64::from(s.follow_up_days));
    for inc in ctx.input.client.incidents.clone() {
        let follow_day = add_days(inc.date, follow);
        if follow_day < ctx.from {
            continue;
        }
        let note = ctx.msg(Msg::NoteIncident, &[&iso(inc.date), &inc.summary]);
        let apology_day = add_days(inc.date, delay.max(1));
        let why = ctx.msg(Msg::WhyApology, &[&iso(inc.date), &inc.summary]);
        let mut pu = Purpose::new(
            TouchKind::Apology,
            Class::Apology,
            "R12",
            Some("apology"),
            why,
        );
        pu.fixed = true;
        pu.not_before = Some(apology_day.min(ctx.cal.on_or_after(ctx.from)));
        pu.notes = vec![note.clone()];
        ctx.add(apology_day.max(ctx.from), Move::Later, pu);
        let why = ctx.msg(Msg::WhyFollowUp, &[&follow.to_string()]);
        let mut pu = Purpose::new(
            TouchKind::Apology,
            Class::Standard,
            "R12",
            Some("apology_follow_up"),
            why,
        );
        pu.not_before = Some(follow_day);
        pu.notes = vec![note];
        ctx.add(follow_day, Move::Later, pu);
    }
}
