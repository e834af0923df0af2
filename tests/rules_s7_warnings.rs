//! Session 7, issue 15 (cost budget) and What the manager reads: a warning
//! whose cause repeats on many days is one warning listing every date, not
//! one warning per order, so a plan at the contract's limits stays short
//! to read and small to build.

mod common;

use common::{input, plan};
use serde_json::{json, Value};
use touchplan::Plan;

/// A transactional client ordering every day: no order leaves a working
/// day for its fulfilment before the next one (R14).
fn daily_orders(locale: &str) -> Plan {
    let orders: Vec<Value> = (1..=20)
        .map(|d| json!({ "date": format!("2026-11-{d:02}"), "amount": 100 }))
        .collect();
    let mut v = input(json!({
        "id": "d", "segment": "A", "saleType": "transactional",
        "orderCycleDays": 1, "orders": orders,
    }));
    v["horizonMonths"] = json!(12);
    v["locale"] = json!(locale);
    plan(&v)
}

/// R14 / What the manager reads: the orders whose fulfilment finds no
/// working day give ONE `dropped` warning whose `dates` hold every such
/// order's day; its message names the steps, not one order's date, in
/// either locale.
#[test]
fn fulfilment_without_a_working_day_is_one_warning_listing_every_order() {
    for (locale, month) in [("ru", "ноября"), ("en", "November")] {
        let p = daily_orders(locale);
        let r14: Vec<_> = p
            .warnings
            .iter()
            .filter(|w| w.code == "dropped" && w.rule.as_deref() == Some("R14"))
            .collect();
        assert_eq!(r14.len(), 1, "{locale}: {r14:?}");
        let dates = r14[0].dates.clone().unwrap_or_default();
        assert!(dates.len() > 300, "{locale}: {} dates", dates.len());
        assert_eq!(r14[0].date.as_ref(), dates.first());
        let m = &r14[0].message;
        assert!(!m.contains(month) && !m.contains("2026"), "{m}");
        assert!(!m.contains("2027"), "{m}");
    }
}

/// What the manager reads ("few"): the same plan carries a handful of
/// warnings, whatever the number of orders.
#[test]
fn a_daily_cycle_plan_carries_a_handful_of_warnings() {
    let p = daily_orders("ru");
    assert!(p.warnings.len() <= 10, "{:?}", p.warnings);
    let mut per_code = std::collections::BTreeMap::<&str, usize>::new();
    for w in &p.warnings {
        *per_code.entry(w.code.as_str()).or_default() += 1;
    }
    assert!(per_code.values().all(|&n| n <= 5), "{per_code:?}");
}
