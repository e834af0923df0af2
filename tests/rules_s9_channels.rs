//! Review 11 (the widget's demo client), findings 1, 2 and 13: R7's
//! rotation and the personal channels of the manager's touches.
//!
//! DOMAIN R7: "no two consecutive manager touches on the same channel when
//! the client allows more than one"; "prefer them [visit, call, meeting]
//! for every manager touch where accepted"; "Key touches … go by phone or
//! visit whenever the contact accepts one, ahead of rotation; rotation
//! shapes the other touches". "How the rules combine": a birthday message
//! scheduled on a day off is outside "the merge gap and the channel gaps of
//! other touches" — not outside rotation.

mod common;

use common::{has_reason, manager, monthly_a, plan, widget_sample};
use serde_json::json;
use touchplan::{Channel, Plan, Touch, TouchKind};

/// A key touch (R7): it goes by phone or visit ahead of rotation.
fn key(t: &Touch) -> bool {
    matches!(
        t.kind,
        TouchKind::Meeting | TouchKind::FirstDay | TouchKind::Renewal
    ) || (t.kind == TouchKind::Apology && has_reason(t, "apology"))
}

/// Consecutive manager touches, the scheduled birthday message included,
/// on one channel where the second is neither a key touch nor a greeting
/// (both go ahead of rotation, R7 and R9).
fn rotation_breaches(p: &Plan) -> Vec<(String, String)> {
    manager(p)
        .windows(2)
        .filter(|w| w[0].channel == w[1].channel)
        .filter(|w| !key(w[1]) && w[1].kind != TouchKind::Greeting)
        .map(|w| (w[0].date.clone(), w[1].date.clone()))
        .collect()
}

/// Pre-order need touches not made by phone, where the manager touch
/// before them is not a call: rotation would have let them have the call.
fn pre_order_not_called(p: &Plan) -> Vec<String> {
    let m = manager(p);
    m.iter()
        .enumerate()
        .filter(|(_, t)| has_reason(t, "need_before_order") && t.channel != Channel::Phone)
        .filter(|(i, _)| *i == 0 || m[i - 1].channel != Channel::Phone)
        .map(|(_, t)| t.date.clone())
        .collect()
}

/// The minimal client: one decision maker with a phone and a messenger,
/// a birthday on Saturday 5 Dec 2026 and a monthly order.
fn minimal() -> serde_json::Value {
    let mut v = monthly_a(&["phone", "messenger"]);
    v["client"]["contacts"][0]["birthday"] = json!("--12-05");
    v
}

/// Finding 1: the birthday message of Saturday 5 Dec is prepared by the
/// manager and sent by messenger; the pre-order need touch of 9 Dec was a
/// second messenger touch in a row. It is a call now.
#[test]
fn a_scheduled_birthday_message_counts_in_rotation() {
    for (name, v) in [("widget", widget_sample()), ("minimal", minimal())] {
        let p = plan(&v);
        let bday = p
            .touches
            .iter()
            .find(|t| t.date == "2026-12-05")
            .expect("the birthday");
        assert_eq!(bday.scheduled, Some(true), "{name}");
        assert_eq!(bday.channel, Channel::Messenger, "{name}");
        let dec9 = p
            .touches
            .iter()
            .find(|t| t.date == "2026-12-09")
            .expect("the pre-order need touch");
        assert!(has_reason(dec9, "need_before_order"), "{name}");
        assert_eq!(dec9.channel, Channel::Phone, "{name}: 9 Dec");
        assert_eq!(rotation_breaches(&p), vec![], "{name}");
    }
}

/// Finding 13 (and 2): where the mid-cycle need touch and the pre-order
/// one follow each other, rotation lets only one of them have the call;
/// the pre-order one takes it (R4: the client is most exposed to
/// competitors right before the order). The widget sample had ten
/// pre-order touches by messenger while the mid-cycle ones got the calls;
/// only the one after the renewal call of 1 Mar (a key touch) stays off
/// the phone. A key touch's call does not push the touches before it off
/// theirs: the annual meeting call of 18 Dec follows the acceptance call
/// of 16 Dec, so that 9 Dec keeps its call.
#[test]
fn pre_order_need_touches_take_the_calls_rotation_leaves() {
    for (name, v) in [("widget", widget_sample()), ("minimal", minimal())] {
        let p = plan(&v);
        assert_eq!(pre_order_not_called(&p), Vec::<String>::new(), "{name}");
        let calls = manager(&p)
            .iter()
            .filter(|t| has_reason(t, "need_before_order") && t.channel == Channel::Phone)
            .count();
        assert!(calls >= 11, "{name}: {calls} pre-order calls");
    }
    let p = plan(&widget_sample());
    let on = |d: &str| p.touches.iter().find(|t| t.date == d).expect(d);
    assert_eq!(on("2026-12-18").kind, TouchKind::Meeting);
    assert_eq!(on("2026-12-18").channel, Channel::Phone);
    assert_eq!(on("2026-12-16").channel, Channel::Phone);
    // The 10 Mar pre-order touch follows the renewal call to the same
    // person: rotation shapes it.
    assert_eq!(on("2027-03-01").kind, TouchKind::Renewal);
    assert_ne!(on("2027-03-10").channel, Channel::Phone);
}
