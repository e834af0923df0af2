//! Session 7, issue 14 (review 8, advertising-campaign): a service client's
//! cycle is its period (R2), so in transactional sales R4's second need
//! touch falls mid-period, not "as early as possible" as in consultative
//! sales.

mod common;

use common::{plan, purposes};
use serde_json::{json, Value};
use touchplan::{Plan, TouchKind};

/// examples/clients/advertising-campaign.json as of review 8, with the
/// sale type as given.
fn campaign(sale_type: &str) -> Value {
    json!({
        "today": "2026-11-24",
        "horizonMonths": 3,
        "client": {
            "id": "adv-campaign",
            "name": "Салон мебели «Уют»",
            "segment": "B",
            "saleType": sale_type,
            "orders": [{ "date": "2026-11-20", "amount": 180000, "categories": ["наружная реклама"] }],
            "service": { "kind": "campaign", "start": "2026-12-01", "end": "2027-01-31", "reactionDays": 7 },
            "channels": ["phone", "messenger", "email"],
            "contacts": [
                { "name": "Елена Соколова", "role": "decision_maker", "birthday": "--12-13", "channels": ["phone", "messenger"] },
                { "name": "Дмитрий Лебедев", "role": "user" }
            ],
            "flags": { "birthdayOffer": true }
        }
    })
}

/// The dates of the manager's touches carrying a need-discovery purpose.
fn need_dates(p: &Plan) -> Vec<&str> {
    p.touches
        .iter()
        .filter(|t| !t.automated && purposes(t).contains(&TouchKind::Need))
        .map(|t| t.date.as_str())
        .collect()
}

/// R2 + R4 (review 8): the campaign runs 1 Dec 2026 – 31 Jan 2027, its
/// next "order" is the renewal. Transactional: one need touch a few working
/// days before the renewal decision (27 Jan) and the other mid-period —
/// about 31 Dec, a holiday, so the last working day before the holidays,
/// 30 Dec, where it joins the renewal call to the same decision maker.
/// Not 9 Dec (day 8 of 62), which was the consultative "as early as
/// possible" placement.
#[test]
fn transactional_service_client_gets_its_second_need_touch_mid_period() {
    let p = plan(&campaign("transactional"));
    let dates = need_dates(&p);
    assert_eq!(dates, ["2026-12-30", "2027-01-27"], "{:#?}", p.touches);
    let mid = p.touches.iter().find(|t| t.date == "2026-12-30").unwrap();
    assert_eq!(mid.contact.as_deref(), Some("Елена Соколова"), "{mid:?}");
    assert!(purposes(mid).contains(&TouchKind::Renewal), "{mid:?}");
}

/// R4: a consultative client keeps `needLeadDays` (60) for its first need
/// touch: the period's "order" is 1 Feb 2027, 60 days before is 3 Dec,
/// after the first days of the period (R4, R5) it falls in early December.
#[test]
fn consultative_service_client_keeps_need_lead_days() {
    let p = plan(&campaign("consultative"));
    let dates = need_dates(&p);
    assert!(
        dates.first().is_some_and(|d| *d < "2026-12-15"),
        "{dates:?}"
    );
}

/// R2 + R4 + R8: segment D has one need touch a cycle; in transactional
/// sales it is the one before the order — for a service, a few working days
/// before the renewal decision (27 Jan 2027), not early in the period.
#[test]
fn transactional_service_client_of_segment_d_keeps_the_touch_before_the_renewal() {
    let mut v = campaign("transactional");
    v["client"]["segment"] = json!("D");
    let p = plan(&v);
    assert_eq!(need_dates(&p), ["2027-01-27"], "{:#?}", p.touches);
}
