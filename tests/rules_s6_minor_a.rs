//! Session-6 minor fixes of the sixth review (set A): moves off
//! non-working days (R14) and the texts of a client without orders (R1).

mod common;

use common::{plan, sample};
use touchplan::{Plan, TouchKind};

fn example(name: &str) -> Plan {
    plan(&sample(name))
}

/// The touch moved off `from`, panicking when there is none.
fn moved_off<'a>(p: &'a Plan, from: &str) -> &'a touchplan::Touch {
    p.touches
        .iter()
        .find(|t| t.moved_from.as_deref() == Some(from))
        .unwrap_or_else(|| panic!("a touch is moved off {from}"))
}

/// R14: a touch without a deadline goes to the nearest working day. A
/// client without orders has no expected order, so its need touches have
/// none: Sunday 28 Feb and Sunday 26 Sep go to Monday (1 day), not Friday
/// (2 days). A consultative mandatory step has neither a deadline in
/// R14's list nor a "must not come early" rule: Saturday 22 May goes to
/// Friday 21 May.
#[test]
fn touches_without_a_deadline_move_to_the_nearest_working_day() {
    let p = example("no-orders");
    assert_eq!(moved_off(&p, "2027-02-28").date, "2027-03-01");
    assert_eq!(moved_off(&p, "2027-09-26").date, "2027-09-27");
    let p = example("club-membership");
    let t = moved_off(&p, "2027-05-22");
    assert_eq!(t.kind, TouchKind::Mandatory);
    assert_eq!(t.date, "2027-05-21");
}
