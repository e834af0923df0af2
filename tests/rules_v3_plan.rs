//! DOMAIN v3: where cycles start, service clients, expected orders, effort
//! follows value, need lead, event slots, the annual meeting, greetings,
//! what may merge, key touches, influencers and grouped warnings. Each test
//! fails if its rule is taken out of the engine.

mod common;

use common::*;
use serde_json::{json, Value};
use touchplan::Channel;
use touchplan::TouchKind::*;

fn at(today: &str, client: Value) -> Value {
    json!({ "today": today, "horizonMonths": 12, "client": client })
}

fn total(v: &Value) -> (usize, usize) {
    let p = plan(v);
    let auto = p.touches.iter().filter(|t| t.automated).count();
    (p.touches.len() - auto, auto)
}

#[test]
fn r2_client_with_nothing_sold_gets_no_order_touches_and_one_warning() {
    let c = json!({ "id": "c", "contacts": [{ "name": "Ольга", "role": "decision_maker" }] });
    let p = plan(&at("2026-12-01", c));
    assert!(touches_of(&p, Mandatory).is_empty(), "nothing to fulfil");
    assert!(touches_of(&p, Check).is_empty(), "nothing bought to check");
    assert!(p.touches.iter().all(|t| t.expected != Some(true)));
    assert_eq!(
        p.warnings.iter().filter(|w| w.code == "no_orders").count(),
        1
    );
    assert!(!touches_of(&p, Standard).is_empty());
    assert!(!touches_of(&p, Need).is_empty());
}

#[test]
fn r2_touches_of_expected_orders_say_expected() {
    let c = json!({ "id": "c", "saleType": "transactional", "orderCycleDays": 30,
                    "orders": [{ "date": "2026-11-30" }] });
    let p = plan(&at("2026-12-01", c));
    let expected: Vec<_> = p
        .touches
        .iter()
        .filter(|t| t.expected == Some(true))
        .collect();
    assert!(!expected.is_empty());
    // The real order's own fulfilment is a fact, not expected.
    let first = touches_of(&p, Mandatory)[0];
    assert!(first.date.as_str() < "2026-12-30" && first.expected != Some(true));
    for t in p.touches.iter().filter(|t| t.why.contains("ожидаем")) {
        assert_eq!(t.expected, Some(true), "{}: {}", t.date, t.why);
    }
}

#[test]
fn r2_service_client_gets_service_steps_not_shipments() {
    let c = json!({ "id": "c", "kind": "person",
                    "orders": [{ "date": "2026-11-27", "amount": 42000 }],
                    "service": { "kind": "membership", "start": "2026-12-01", "end": "2027-11-30" } });
    let p = plan(&at("2026-12-01", c));
    let codes: Vec<&str> = p
        .touches
        .iter()
        .flat_map(|t| t.reasons.iter().map(|r| r.code.as_str()))
        .collect();
    for banned in [
        "shipment",
        "acceptance",
        "shelf_display",
        "sell_through",
        "documents",
    ] {
        assert!(
            !codes.contains(&banned),
            "{banned} planned for a membership"
        );
    }
    assert!(codes.contains(&"usage_check"));
    assert_eq!(p.summary.per_cycle.cycle_days, 365);
    let campaign = json!({ "id": "c", "orders": [{ "date": "2026-11-20", "amount": 300000 }],
                           "service": { "kind": "campaign", "start": "2026-12-07", "end": "2027-03-07" } });
    let p = plan(&at("2026-12-01", campaign));
    let codes: Vec<&str> = p
        .touches
        .iter()
        .flat_map(|t| t.reasons.iter().map(|r| r.code.as_str()))
        .collect();
    assert!(
        codes.contains(&"campaign_midway_stats") && codes.contains(&"final_report"),
        "{codes:?}"
    );
    assert!(!codes.contains(&"shipment"));
}

#[test]
fn r3_r8_effort_follows_value_and_top_ups_only_for_a_and_b() {
    let client = |seg: &str| {
        json!({ "id": "c", "segment": seg, "saleType": "transactional", "orderCycleDays": 30,
        "orders": [{ "date": "2026-10-30", "amount": 400000 }, { "date": "2026-11-30", "amount": 400000 }],
        "contacts": [{ "name": "ЛПР", "role": "decision_maker" }, { "name": "Закупщик", "role": "buyer" }] })
    };
    let counts: Vec<(usize, usize)> = ["A", "B", "C", "D"]
        .iter()
        .map(|s| total(&at("2026-12-01", client(s))))
        .collect();
    for w in counts.windows(2) {
        assert!(w[1].0 + w[1].1 <= w[0].0 + w[0].1, "{counts:?}");
        assert!(w[1].0 <= w[0].0, "{counts:?}");
    }
    let d = counts[3].0 + counts[3].1;
    let a = counts[0].0 + counts[0].1;
    assert!(d * 10 <= a * 8, "D {d} not ≤ 80% of A {a}");
    let p = plan(&at("2026-12-01", client("C")));
    assert!(p.touches.iter().all(|t| t.rule != "R3"), "no top-ups for C");
}

#[test]
fn r8_segment_from_annual_revenue_thresholds() {
    let mut v = at(
        "2026-12-01",
        json!({ "id": "c", "saleType": "consultative", "annualRevenue": 9000000,
                                          "orders": [{ "date": "2026-06-01" }] }),
    );
    v["settings"] =
        json!({ "revenueSegments": { "A+": 20000000, "A": 5000000, "B": 1000000, "C": 200000 } });
    assert_eq!(
        plan(&v).summary.by_kind[&Meeting],
        1,
        "9M is an A client: annual meeting"
    );
    v["client"]["annualRevenue"] = json!(100000);
    let p = plan(&v);
    assert_eq!(p.summary.per_cycle.need, 1, "below C's threshold: D");
}

#[test]
fn r4_consultative_need_leads_the_order_by_need_lead_days() {
    let c = json!({ "id": "c", "saleType": "consultative", "orderCycleDays": 365,
                    "orders": [{ "date": "2026-06-15", "amount": 8000000 }] });
    let p = plan(&at("2026-12-01", c));
    let needs = touches_of(&p, Need);
    assert_eq!(needs.len(), 2, "{needs:?}");
    // The expected order is 2027-06-15: the first need at least 60 days ahead.
    assert!(needs[0].date.as_str() <= "2027-04-16", "{}", needs[0].date);
    assert!(needs.iter().all(|t| t.date.as_str() < "2027-06-15"));
    assert!(
        needs[1].date.as_str() < "2027-06-07",
        "not days before an 8M order: {}",
        needs[1].date
    );
}

#[test]
fn r4_passed_need_slot_is_caught_up_not_skipped() {
    // Expected order 2026-12-20, 60 days before is long past: still one need touch before it.
    let c = json!({ "id": "c", "saleType": "consultative", "orderCycleDays": 365,
                    "orders": [{ "date": "2025-12-20" }] });
    let p = plan(&at("2026-12-01", c));
    assert!(touches_of(&p, Need)
        .iter()
        .any(|t| t.date.as_str() < "2026-12-20"));
}

#[test]
fn r2_event_slots_fall_in_fixed_months_and_do_not_slide() {
    let c = json!({ "id": "c", "saleType": "consultative", "orders": [{ "date": "2026-06-01" }] });
    for today in ["2026-12-01", "2027-01-20"] {
        let p = plan(&at(today, c.clone()));
        let months: Vec<&str> = touches_of(&p, Event)
            .iter()
            .map(|t| &t.date[5..7])
            .collect();
        assert!(
            months.iter().all(|m| *m == "03" || *m == "10"),
            "{today}: {months:?}"
        );
        assert_eq!(months.len(), 2);
    }
    // A 3-month horizon without March or October squeezes in no invitation.
    let mut v = at("2026-11-02", c);
    v["horizonMonths"] = json!(3);
    assert!(touches_of(&plan(&v), Event).is_empty());
}

#[test]
fn r8_private_person_gets_no_meeting_and_no_events() {
    let c = json!({ "id": "c", "kind": "person", "segment": "A", "saleType": "consultative",
                    "orders": [{ "date": "2026-06-01" }] });
    let p = plan(&at("2026-12-01", c));
    assert_eq!(p.summary.by_kind[&Meeting], 0);
    assert!(touches_of(&p, Event).is_empty());
}

#[test]
fn r2_one_annual_meeting_per_twelve_months() {
    let c = json!({ "id": "c", "segment": "A", "saleType": "consultative", "orders": [{ "date": "2026-06-01" }] });
    let p = plan(&at("2026-12-18", c));
    assert_eq!(touches_of(&p, Meeting).len(), 1);
    let mut c2 = json!({ "id": "c", "segment": "A", "saleType": "consultative", "orders": [{ "date": "2026-06-01" }] });
    c2["history"] =
        json!([{ "date": "2026-02-10", "channel": "visit", "reason": "annual_meeting" }]);
    let p = plan(&at("2026-12-01", c2));
    let m = touches_of(&p, Meeting);
    assert_eq!(m.len(), 1);
    assert!(
        m[0].date.as_str() >= "2027-02-08" && m[0].date.as_str() <= "2027-02-12",
        "{}",
        m[0].date
    );
}

#[test]
fn merge_never_carries_a_purpose_for_another_person() {
    // The meeting with the director and a mandatory step for the warehouse head on nearby days.
    let c = json!({ "id": "c", "segment": "A", "saleType": "transactional", "orderCycleDays": 30,
        "orders": [{ "date": "2026-11-16", "amount": 500000 }],
        "channels": ["phone", "email", "visit"],
        "contacts": [{ "name": "Директор", "role": "decision_maker" }, { "name": "Склад", "role": "user" }] });
    let mut v = at("2026-12-01", c);
    v["settings"] = json!({ "annualMeeting": "--12-17" });
    let p = plan(&v);
    let meeting = touches_of(&p, Meeting);
    assert_eq!(meeting.len(), 1);
    assert_eq!(meeting[0].contact.as_deref(), Some("Директор"));
    assert_eq!(meeting[0].channel, Channel::Visit);
    for t in &p.touches {
        let kinds = purposes(t);
        if kinds.len() > 1 {
            assert!(
                t.contacts.is_none(),
                "{} merges purposes of several people: {:?}",
                t.date,
                t.contacts
            );
        }
    }
}

#[test]
fn greeting_never_rides_on_a_sales_touch() {
    let c = json!({ "id": "c", "segment": "A", "saleType": "transactional", "orderCycleDays": 30,
        "orders": [{ "date": "2026-11-30", "amount": 500000 }],
        "contacts": [{ "name": "Анна", "role": "decision_maker", "birthday": "--12-28" }, { "name": "Олег", "role": "buyer" }] });
    let p = plan(&at("2026-12-01", c));
    for t in p.touches.iter().filter(|t| purposes(t).contains(&Greeting)) {
        for k in purposes(t) {
            assert!(
                matches!(k, Greeting | Standard),
                "{}: greeting merged with {k:?}",
                t.date
            );
        }
        assert!(!t.automated);
    }
    let ny = p
        .touches
        .iter()
        .find(|t| t.reasons.iter().any(|r| r.code == "new_year"))
        .expect("New Year");
    assert_eq!(
        ny.kind,
        Greeting,
        "New Year stays a greeting: {:?}",
        purposes(ny)
    );
}

#[test]
fn key_touches_go_by_phone_or_visit_when_accepted() {
    let c = json!({ "id": "c", "channels": ["messenger", "phone", "email"],
        "orders": [{ "date": "2026-11-25", "amount": 300000 }],
        "service": { "kind": "campaign", "start": "2026-12-07", "end": "2027-03-07" },
        "contacts": [{ "name": "Анна", "role": "decision_maker", "channels": ["messenger", "phone"] }] });
    let p = plan(&at("2026-12-01", c));
    for t in &p.touches {
        let kinds = purposes(t);
        let key = kinds
            .iter()
            .any(|k| matches!(k, FirstDay | Renewal | Apology | Meeting))
            || t.reasons
                .iter()
                .any(|r| r.code == "reaction_check" && r.score == 1.0 && t.why.contains("оследн"));
        if key && !t.automated && t.scheduled != Some(true) {
            assert!(
                matches!(t.channel, Channel::Phone | Channel::Visit),
                "{} {:?} by {:?}",
                t.date,
                t.kind,
                t.channel
            );
        }
    }
}

#[test]
fn r15_each_influencer_hears_from_us_every_quarter() {
    let c = json!({ "id": "c", "segment": "A", "saleType": "consultative", "orderCycleDays": 365,
        "orders": [{ "date": "2026-06-15", "amount": 8000000 }],
        "contacts": [{ "name": "Директор", "role": "decision_maker" }, { "name": "Главный инженер", "role": "influencer" },
                     { "name": "Механик", "role": "technical" }] });
    let p = plan(&at("2027-01-01", c));
    for q in [
        ("2027-01-01", "2027-04-01"),
        ("2027-04-01", "2027-07-01"),
        ("2027-07-01", "2027-10-01"),
        ("2027-10-01", "2028-01-01"),
    ] {
        assert!(
            p.touches.iter().any(|t| t.date.as_str() >= q.0
                && t.date.as_str() < q.1
                && t.contact.as_deref() == Some("Главный инженер")),
            "no touch to the influencer in {q:?}"
        );
    }
}

#[test]
fn warnings_are_grouped_one_per_code_and_cause_with_dates() {
    for file in [
        "transactional-monthly",
        "consultative-a",
        "distributor-a",
        "gym-member",
        "bakery-incident",
        "no-orders",
    ] {
        let p = plan(&sample(file));
        assert!(
            p.warnings.iter().all(|w| w.code != "merged"),
            "{file}: merges are not warnings"
        );
        let mut seen = std::collections::BTreeSet::new();
        for w in &p.warnings {
            assert!(
                seen.insert((w.code.clone(), w.message.clone())),
                "{file}: twice {}",
                w.message
            );
            if let Some(ds) = &w.dates {
                assert_eq!(w.date.as_ref(), ds.first());
            }
        }
        assert!(
            p.warnings.len() <= 10,
            "{file}: {} warnings",
            p.warnings.len()
        );
    }
}

/// R13 ("How the rules combine": touches are merged into one contact that
/// carries every purpose rather than dropped; every drop is reported with
/// its rule): bakery-incident's weekly orders have two steps each. Where
/// holidays or the caps put acceptance beside shipment (orders of about
/// 28 Dec 2026, 11 Jan 2027 and 1 Nov 2027), the one contact names both
/// steps; only an order without any working day before the next (about
/// 4 Jan 2027) goes unplanned, with a `dropped` warning.
#[test]
fn r13_merged_fulfilment_steps_are_named_on_the_touch_or_warned() {
    let p = plan(&sample("bakery-incident"));
    let mut steps: std::collections::BTreeMap<String, Vec<&str>> = Default::default();
    for t in &p.touches {
        let Some(at) = t.why.find("(около ") else {
            continue;
        };
        let Some(len) = t.why[at..].find(')') else {
            continue;
        };
        let order = t.why[at..at + len].to_string();
        // The horizon may end between an order's shipment and acceptance.
        if t.date.as_str() > "2027-11-27" {
            continue;
        }
        for step in ["Отгрузка заказа", "Приёмка заказа"] {
            if t.why.contains(step) {
                steps.entry(order.clone()).or_default().push(step);
            }
        }
    }
    assert_eq!(p.horizon.to, "2027-11-30");
    assert!(steps.len() >= 40, "{} orders", steps.len());
    // A step dropped for the merge gap (R13) is named in its warning.
    let warned = |o: &str, step: &str| {
        p.warnings
            .iter()
            .any(|w| w.code == "dropped" && w.message.contains(&format!("{o}): {step}")))
    };
    let missing: Vec<&String> = steps
        .iter()
        .filter(|(o, s)| {
            !["Отгрузка заказа", "Приёмка заказа"]
                .iter()
                .all(|step| s.contains(step) || warned(o, step))
        })
        .map(|(o, _)| o)
        .collect();
    assert!(missing.is_empty(), "a step named nowhere: {missing:?}");
    // The order with no working day at all is reported.
    assert!(p.warnings.iter().any(|w| w.code == "dropped"
        && w.dates
            .as_ref()
            .is_some_and(|d| d.contains(&"2027-01-04".to_string()))));
}

/// R2 (service clients), R11: a membership bought as an order with a
/// yearly `orderCycleDays` still ends at its service end; its need touches
/// ask about the next period, dated by that end (club-membership: 30 Nov
/// 2027), not about a "next project" of an order expected about 20 Nov.
#[test]
fn r11_need_touch_of_a_membership_with_a_cycle_asks_about_the_next_period() {
    let p = plan(&sample("club-membership"));
    let need: Vec<_> = p.touches.iter().filter(|t| t.kind == Need).collect();
    assert!(!need.is_empty());
    for t in &need {
        assert!(!t.why.contains("проект"), "{}: {}", t.date, t.why);
        assert!(t.why.contains("30 ноября 2027"), "{}: {}", t.date, t.why);
    }
}
