//! Session 4, placement: touches the rules ask for are placed or reported,
//! never silently lost; slots stay in their month; service periods keep
//! their silence and true texts; warnings say what can be done. Each test
//! fails if its fix is taken out of the engine.

mod common;

use common::*;
use touchplan::{Plan, TouchKind::*};

/// Every date a warning with `code` concerns.
fn warning_dates(p: &Plan, code: &str) -> Vec<String> {
    p.warnings
        .iter()
        .filter(|w| w.code == code)
        .flat_map(|w| {
            w.dates
                .clone()
                .unwrap_or_default()
                .into_iter()
                .chain(w.date.clone())
        })
        .collect()
}

fn months(p: &Plan) -> Vec<String> {
    p.summary.by_month.iter().map(|m| m.month.clone()).collect()
}

#[test]
fn r13_every_weekly_order_keeps_its_fulfilment_steps_or_says_why() {
    let p = plan(&sample("bakery-incident"));
    let dropped = warning_dates(&p, "dropped");
    // Weekly expected orders from the last one, 2026-11-30.
    let start = chrono::NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
    for k in 0..51 {
        let cs = start + chrono::Days::new(7 * k);
        let ce = cs + chrono::Days::new(7);
        let (a, b) = (cs.to_string(), ce.to_string());
        let steps: usize = p
            .touches
            .iter()
            .filter(|t| t.date > a && t.date < b)
            .map(|t| match &t.purposes {
                // Two steps merged into one contact list their kind once.
                Some(v) if v == &vec![Mandatory] => 2,
                _ => purposes(t).iter().filter(|k| **k == Mandatory).count(),
            })
            .sum();
        // The warning is dated by the order's own day (R14's grouped
        // warning lists every such order in `dates`).
        let said = dropped.iter().any(|d| *d >= a && *d < b);
        assert!(
            steps >= 2 || said,
            "order of {a}: {steps} fulfilment steps and no warning"
        );
    }
}

#[test]
fn r13_cap_moves_a_touch_to_a_free_day_of_its_window_before_dropping_it() {
    let p = plan(&sample("bakery-incident"));
    let msgs: Vec<&str> = p
        .warnings
        .iter()
        .filter(|w| w.code == "dropped")
        .map(|w| w.message.as_str())
        .collect();
    assert!(
        msgs.iter().all(|m| !m.contains("в день")),
        "the daily cap drops nothing where the week has free days: {msgs:?}"
    );
    // R2: marketing's standard touch in every month of a short cycle.
    for m in months(&p) {
        assert!(
            p.touches
                .iter()
                .any(|t| t.date.starts_with(&m) && purposes(t).contains(&Standard)),
            "no standard touch in {m}"
        );
    }
}

#[test]
fn r4_short_cycle_need_touch_every_month_never_in_the_silence() {
    let p = plan(&sample("bakery-incident"));
    for m in months(&p) {
        let n = p
            .touches
            .iter()
            .filter(|t| t.date.starts_with(&m) && purposes(t).contains(&Need))
            .count();
        assert_eq!(n, 1, "need touches in {m}");
    }
    // The delivery of 2026-11-30 (day 0): no need touch on days 1–3.
    assert!(touches_of(&p, Need)
        .iter()
        .all(|t| t.date.as_str() > "2026-12-03"));
}

#[test]
fn r2_standard_slot_stays_in_its_month_over_the_new_year_holidays() {
    for name in [
        "car-buyer",
        "club-membership",
        "equipment-plant",
        "roofing-buyer",
        "transactional-bimonthly",
    ] {
        let p = plan(&sample(name));
        assert!(
            p.touches.iter().any(|t| t.date.starts_with("2027-01")
                && !t.automated
                && purposes(t).contains(&Standard)),
            "{name}: no standard touch in January 2027"
        );
    }
}

/// R6: the gaps the watch bounds are those inside the stretch (the last
/// 30 days before E − R): a standard touch a week before the stretch does
/// not call for an extra check-in at its start.
#[test]
fn r6_watch_gaps_are_counted_inside_the_stretch_only() {
    let v = serde_json::json!({"today":"2026-04-21","horizonMonths":9,"locale":"en","client":{
        "id":"p","kind":"person","segment":"B","channels":["phone"],"orderCycleDays":177,
        "saleType":"transactional","orders":[{"date":"2025-10-03","categories":["x"]}],
        "service":{"kind":"contract","start":"2026-08-31","end":"2027-01-13","reactionDays":3}}});
    let p = plan(&v);
    // Stretch 2026-12-11 … 2027-01-10; the renewal on 12-14 is within G.
    assert!(
        !p.touches
            .iter()
            .any(|t| t.rule == "R6" && t.date.as_str() < "2026-12-14"),
        "an extra check-in before the renewal"
    );
}
