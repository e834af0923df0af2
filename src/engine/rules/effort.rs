//! R8, "effort follows value" (DOMAIN "How the rules combine"): for the
//! same client data, a lower segment never gets more touches in total
//! (manager and automated together) than a higher one, and never more
//! manager touches.
//!
//! The limits (R13's merge gap and caps, R7's channel gaps) shape each plan
//! by how crowded it is, and a higher segment's plan is the more crowded
//! (greetings, the annual meeting, events, more personal touches): it may
//! lose to merges and drops what a lower segment keeps. So the rule is
//! kept by construction: the next higher segment's plan is drafted for the
//! same data (held to this rule in turn, up to A+), and where this plan has
//! more, its least protected touches give way — automated ones first —
//! each reported as dropped.

use crate::engine::context::Ctx;
use crate::engine::draft::Draft;
use crate::engine::model::Segment;
use crate::engine::plan::draft_as;
use crate::engine::texts::Msg;

/// Manager and total touches of a plan's drafts.
fn counts(drafts: &[Draft]) -> (usize, usize) {
    let manager = drafts.iter().filter(|d| !d.automated()).count();
    (manager, drafts.len())
}

/// The next higher segment's counts for the same data, that plan held to
/// this rule too; `None` for the top segment.
fn higher_counts(ctx: &Ctx) -> Option<(Segment, usize, usize)> {
    let k = Segment::ALL
        .iter()
        .position(|s| *s == ctx.profile.segment)?;
    let higher = *Segment::ALL.get(k.checked_sub(1)?)?;
    let mut h = draft_as(ctx.input, Some(higher));
    cap_by_higher_segment(&mut h);
    let (manager, total) = counts(&h.drafts);
    Some((higher, manager, total))
}

/// Holds this plan to the next higher segment's counts (see the module).
pub fn cap_by_higher_segment(ctx: &mut Ctx) {
    if ctx.drafts.is_empty() {
        return;
    }
    let Some((higher, max_manager, max_total)) = higher_counts(ctx) else {
        return;
    };
    let cause = ctx.msg(Msg::CauseEffort, &[higher.as_str()]);
    loop {
        let (manager, total) = counts(&ctx.drafts);
        let over_manager = manager > max_manager;
        if !over_manager && total <= max_total {
            break;
        }
        // The least protected touch, the latest of equals: a manager's
        // where there are too many of those, else an automated one first.
        let pick = |automated: bool| {
            (0..ctx.drafts.len())
                .filter(|&i| !ctx.drafts[i].scheduled && ctx.drafts[i].automated() == automated)
                .max_by_key(|&i| (ctx.drafts[i].class(), ctx.drafts[i].date))
        };
        let victim = if over_manager {
            pick(false)
        } else {
            pick(true).or_else(|| pick(false))
        };
        let Some(i) = victim else { break };
        crate::engine::limits::drop_for_gap(ctx, i, "R8", cause.clone());
    }
}
