//! Session 5: R6 check-ins that pile up where a gap cannot hold, against
//! "effort follows value" (R8) and "no pestering" (R13).

mod common;

use common::{has_warning, manager, plan};
use serde_json::{json, Value};
use touchplan::{Plan, TouchKind};

/// The generated case of `effort_follows_value` (tests/properties.rs):
/// contract 2025-09-23..2026-01-28, reaction time 1 day (E − R = 27 Jan,
/// watch stretch from 28 Dec, G = 7), phone only, a decision maker and a
/// user, no orders.
fn contract_case(segment: &str) -> Value {
    json!({
        "today": "2025-08-25",
        "horizonMonths": 5,
        "locale": "en",
        "client": {
            "id": "p",
            "segment": segment,
            "saleType": "transactional",
            "channels": ["phone"],
            "contacts": [
                {"name": "АA", "role": "decision_maker"},
                {"name": "АA", "role": "user"}
            ],
            "flags": {"birthdayOffer": false},
            "history": [],
            "incidents": [],
            "orders": [],
            "service": {
                "kind": "contract",
                "start": "2025-09-23",
                "end": "2026-01-28",
                "reactionDays": 1
            }
        }
    })
}

fn date(s: &str) -> chrono::NaiveDate {
    chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("ISO date")
}

fn r6_checks(p: &Plan) -> Vec<&str> {
    manager(p)
        .into_iter()
        .filter(|t| t.kind == TouchKind::Check && t.rule == "R6")
        .map(|t| t.date.as_str())
        .collect()
}

/// R6: after the renewal call of Mon 29 Dec 2025 the next working day is
/// Tue 30 Dec, then the New Year holidays run to 11 Jan: the gap to 12 Jan
/// cannot hold G = 7, and a check-in on 30 Dec (a day after a call to
/// another person, inside the merge gap) would not make it hold. Such a
/// check must not be moved out of the gap it was for and planned again on
/// every pass: segment B got three extra checks on 22, 24 and 26 Dec,
/// before the watch stretch (from 28 Dec), where the ordinary cadence
/// holds, and two touches more than segment A (R8: effort follows value).
/// The gap is reported instead (`gap_exceeded`).
#[test]
fn r6_no_check_pile_up_where_the_new_year_gap_cannot_hold() {
    let b = plan(&contract_case("B"));
    let early: Vec<&str> = r6_checks(&b)
        .into_iter()
        .filter(|d| *d < "2025-12-28")
        .collect();
    assert!(
        early.is_empty(),
        "R6 checks before the watch stretch: {early:?}"
    );
    assert!(
        has_warning(&b, "gap_exceeded"),
        "the holiday gap is reported"
    );
    // After the holidays the stretch stays watched: no gap over 7 days
    // between the manager's touches from 12 Jan to the horizon's end.
    let days: Vec<&str> = manager(&b)
        .into_iter()
        .map(|t| t.date.as_str())
        .filter(|d| *d >= "2026-01-12")
        .collect();
    assert!(r6_checks(&b).contains(&"2026-01-20"), "{days:?}");
    for w in days.windows(2) {
        let (x, y) = (date(w[0]), date(w[1]));
        assert!((y - x).num_days() <= 7, "gap {} .. {}", w[0], w[1]);
    }
    let a = plan(&contract_case("A"));
    assert!(
        b.touches.len() <= a.touches.len() + 1,
        "B has {} touches, A {}",
        b.touches.len(),
        a.touches.len()
    );
}
