//! Fuzz case 78920 (seed 1, issue 15): an apology whose call waits four
//! days (`apologyDelayDays`) after a failure, in a campaign's first week.

mod common;

use common::plan;
use serde_json::json;

/// A campaign starting next week, a failure yesterday and a touch the
/// same day: the apology's message, its call four days later and the
/// onboarding call fill the week with the past touch; the onboarding call
/// cannot stand a day before the first day's call to another person.
fn campaign_after_failure() -> serde_json::Value {
    json!({
        "today": "2026-11-24",
        "horizonMonths": 3,
        "client": {
            "id": "adv-campaign",
            "name": "Салон мебели «Уют»",
            "segment": "B",
            "saleType": "transactional",
            "orders": [],
            "service": {"kind": "campaign", "start": "2026-12-01", "end": "2027-01-31", "reactionDays": 7},
            "channels": ["phone", "messenger", "email"],
            "contacts": [
                {"name": "Елена Соколова", "role": "decision_maker", "birthday": "--12-13", "channels": ["phone", "messenger"]},
                {"name": "Дмитрий Лебедев", "role": "user"}
            ],
            "flags": {"birthdayOffer": true},
            "history": [
                {"date": "2026-11-20", "channel": "phone"},
                {"date": "2026-11-23", "channel": "email", "reason": "post_purchase_check"}
            ],
            "incidents": [{"date": "2026-11-23", "summary": "Задержка отгрузки"}]
        },
        "settings": {"apologyDelayDays": 4}
    })
}

#[test]
fn the_apology_message_says_why_it_goes_first_without_blaming_holidays() {
    let p = plan(&campaign_after_failure());
    let call = p
        .touches
        .iter()
        .find(|t| t.date == "2026-11-27")
        .expect("the apology call");
    let text = format!("{} {:?}", call.why, call.notes);
    assert!(!text.contains("праздники"), "no holiday here: {text}");
    assert!(text.contains("сразу после сбоя"), "{text}");
}
