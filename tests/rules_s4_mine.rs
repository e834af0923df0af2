//! Review 3: R14's `movedFrom` and R3's top-up warning say only what is so.

mod common;

use chrono::{Datelike, NaiveDate, Weekday};
use common::{plan, sample};

/// Days off of the Russian production calendar in 2026–2027 (weekends
/// aside), and the working Saturday.
const HOLIDAYS: &[&str] = &[
    "2026-01-01",
    "2026-01-02",
    "2026-01-05",
    "2026-01-06",
    "2026-01-07",
    "2026-01-08",
    "2026-01-09",
    "2026-02-23",
    "2026-03-09",
    "2026-05-01",
    "2026-05-11",
    "2026-06-12",
    "2026-11-04",
    "2026-12-31",
    "2027-01-01",
    "2027-01-04",
    "2027-01-05",
    "2027-01-06",
    "2027-01-07",
    "2027-01-08",
    "2027-02-22",
    "2027-02-23",
    "2027-03-08",
    "2027-05-03",
    "2027-05-10",
    "2027-06-14",
    "2027-11-04",
    "2027-11-05",
    "2027-12-31",
];
const WORKING_SATURDAYS: &[&str] = &["2027-02-20"];

fn is_day_off(iso: &str) -> bool {
    let d = NaiveDate::parse_from_str(iso, "%Y-%m-%d").expect("an ISO date");
    let weekend = matches!(d.weekday(), Weekday::Sat | Weekday::Sun);
    (weekend && !WORKING_SATURDAYS.contains(&iso)) || HOLIDAYS.contains(&iso)
}

/// R14: "moved from" tells the manager the original day was a day off;
/// a touch the caps or a merge shifted between working days just has its
/// date (bakery-incident had seven such labels, distributor-a and
/// equipment-plant one each).
#[test]
fn r14_moved_from_names_only_days_off() {
    for name in [
        "bakery-incident",
        "distributor-a",
        "equipment-plant",
        "club-membership",
        "transactional-monthly",
        "consultative-a",
    ] {
        let p = plan(&sample(name));
        for t in &p.touches {
            if let Some(from) = &t.moved_from {
                assert!(
                    is_day_off(from),
                    "{name} {}: moved from working day {from}",
                    t.date
                );
            }
        }
    }
}

/// R3: a cycle the horizon cuts off has its top-ups after the horizon; no
/// `dropped` warning sends the head of sales to the weekly cap for it.
#[test]
fn r3_no_top_up_warning_for_a_cycle_cut_by_the_horizon() {
    let p = plan(&sample("transactional-bimonthly"));
    let cut = p
        .warnings
        .iter()
        .filter(|w| w.code == "dropped" && w.rule.as_deref() == Some("R3"))
        .count();
    assert_eq!(cut, 0, "{:?}", p.warnings);
}

/// R12/R13 (fuzz case 352475): the apology's immediate message never lands
/// on a day a past touch already holds (the daily cap counts history); it
/// takes the next free day before the call.
#[test]
fn r12_apology_message_skips_a_day_with_a_past_touch() {
    let v = serde_json::json!({
        "today": "2026-11-24", "horizonMonths": 3,
        "client": {
            "id": "f", "saleType": "transactional", "orderCycleDays": 30, "mandatoryPerOrder": 2,
            "history": [
                { "date": "2026-11-20", "channel": "phone" },
                { "date": "2026-11-24", "channel": "email", "reason": "post_purchase_check" }
            ],
            "incidents": [{ "date": "2026-11-23", "summary": "Задержка отгрузки" }]
        },
        "settings": { "apologyDelayDays": 5 }
    });
    let p = plan(&v);
    assert!(
        p.touches.iter().all(|t| t.date != "2026-11-24"),
        "{:?}",
        p.touches.first()
    );
    let apologies: Vec<_> = p
        .touches
        .iter()
        .filter(|t| t.kind == touchplan::TouchKind::Apology && t.rule == "R12")
        .collect();
    assert!(!apologies.is_empty());
    assert!(
        apologies[0].date.as_str() >= "2026-11-25" && apologies[0].date.as_str() <= "2026-11-30"
    );
}
