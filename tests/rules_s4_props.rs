//! Session 4, properties: the cases `tests/properties.rs` found, kept as
//! named regressions. Each test fails if its fix is taken out of the engine.

mod common;

use common::*;
use serde_json::{json, Value};
use touchplan::Plan;
use touchplan::TouchKind::*;

/// R5/R6/R13: the last reaction check falls on the first day (E − R = S)
/// and is meant for another person (the user, the first day for the
/// decision maker). The first day is kept: the check rides on it (any
/// manager touch watches, R6) or stands on a day of its own window.
#[test]
fn r5_first_day_kept_when_the_last_reaction_check_falls_on_it() {
    for kind in ["contract", "campaign"] {
        first_day_kept(kind);
    }
    // E − R on a Sunday moves the check onto the Friday that starts the
    // period: the same one touch.
    let input = json!({"client":{"channels":["phone"],"contacts":[{"name":"Aa","role":"decision_maker"},{"name":"AA","role":"user"}],"history":[],"id":"p","orders":[],"saleType":"transactional","segment":"A+","service":{"end":"2025-06-21","kind":"contract","reactionDays":13,"start":"2025-06-06"}},"horizonMonths":5,"locale":"en","today":"2025-01-22"});
    assert_first_day_touch(&plan(&input), "2025-06-06");
}

/// E − R on the service's first day: the first day and the last check are
/// one touch to the first day's person (a campaign's check went to the user
/// and the first day was dropped by the daily cap).
fn first_day_kept(kind: &str) {
    let input = json!({"client":{"channels":["phone"],"contacts":[{"name":"Aa","role":"decision_maker"},{"name":"aa","role":"user"}],"flags":{"birthdayOffer":false},"history":[],"id":"p","incidents":[],"orders":[],"saleType":"transactional","segment":"A+","service":{"end":"2025-06-24","kind":kind,"reactionDays":6,"start":"2025-06-18"}},"horizonMonths":2,"locale":"en","today":"2025-05-14"});
    let p = plan(&input);
    assert_first_day_touch(&p, "2025-06-18");
    // The last check is still there, no later than E − R.
    assert!(p
        .touches
        .iter()
        .any(|t| t.date.as_str() <= "2025-06-18" && purposes(t).contains(&Check)));
}

/// The first touch from the service's first day `start` on stands on that
/// day and carries the first-day purpose.
fn assert_first_day_touch(p: &Plan, start: &str) {
    let first = p
        .touches
        .iter()
        .find(|t| t.date.as_str() >= start)
        .expect("a touch on the first day");
    assert_eq!(first.date, start);
    assert!(purposes(first).contains(&FirstDay), "{first:?}");
}

fn totals(input: &Value, segment: &str) -> (usize, usize) {
    let mut v = input.clone();
    v["client"]["segment"] = json!(segment);
    let p = plan(&v);
    (
        p.touches.iter().filter(|t| !t.automated).count(),
        p.touches.len(),
    )
}

/// R8: from A+ down to D, neither the manager's touches nor all touches
/// ever grow.
fn assert_effort_follows_segment(input: &Value) {
    let counts: Vec<(&str, (usize, usize))> = ["A+", "A", "B", "C", "D"]
        .into_iter()
        .map(|s| (s, totals(input, s)))
        .collect();
    for w in counts.windows(2) {
        let ((_, (hm, ht)), (_, (lm, lt))) = (w[0], w[1]);
        assert!(lt <= ht && lm <= hm, "{counts:?}");
    }
}

/// R8: effort follows value, strictly, for a private person on an 11-day
/// cycle over 17 months.
#[test]
fn r8_lower_segment_never_gets_more_touches_on_a_short_cycle() {
    let input = json!({"client":{"channels":["phone"],"contacts":[{"name":"aa","role":"buyer"},{"name":"aa","role":"decision_maker"}],"flags":{"birthdayOffer":false},"history":[],"id":"p","incidents":[],"kind":"person","orderCycleDays":11,"orders":[{"categories":["x"],"date":"2025-02-08","promo":false}],"saleType":"consultative","segment":"A+"},"horizonMonths":17,"locale":"en","today":"2025-08-19"});
    assert_effort_follows_segment(&input);
}

/// R9/R8: where a cycle's months put two standard slots in December, the
/// New Year greeting stands for the one nearest its day; the other stays a
/// touch of its own, so A (greeted) keeps as many touches as B (not
/// greeted). It used to replace the first slot and absorb the second: A 23
/// touches, B 25.
#[test]
fn r9_greeting_stands_for_the_nearest_slot_of_its_month() {
    let input = json!({"client":{"channels":["phone"],"contacts":[],"flags":{"birthdayOffer":false},"history":[],"id":"p","incidents":[],"kind":"person","orders":[],"saleType":"transactional","segment":"A+","service":{"end":"2026-05-16","kind":"contract","reactionDays":1,"start":"2025-10-16"}},"horizonMonths":15,"locale":"en","today":"2025-10-03"});
    assert_effort_follows_segment(&input);
    let mut a = input.clone();
    a["client"]["segment"] = json!("A");
    let p = plan(&a);
    let december: Vec<_> = p
        .touches
        .iter()
        .filter(|t| t.date.starts_with("2025-12"))
        .collect();
    assert_eq!(december.len(), 2, "{december:?}");
    assert!(december.iter().any(|t| purposes(t) == vec![Greeting]));
}
