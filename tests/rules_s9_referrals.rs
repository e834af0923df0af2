//! Review 11, finding 5: a referral request led touches four days after a
//! check whose outcome is unknown and a week after a shipment failure.
//! DOMAIN catalog: "asking for a referral (after a positive check …)",
//! upsell likewise; R5: "After a check, and only then, upsell/consumables
//! and asking for a referral become eligible reasons"; R1: every text is
//! true on the touch's day.

mod common;

use common::{has_reason, monthly_a, plan, widget_sample};
use serde_json::{json, Value};
use touchplan::Plan;

fn client(incident: bool) -> Value {
    let mut v = monthly_a(&["phone", "messenger", "email"]);
    if incident {
        v["client"]["incidents"] =
            json!([{ "date": "2026-11-23", "summary": "Задержка отгрузки" }]);
    }
    v
}

/// Touches that lead with, or suggest, asking for a referral or an upsell.
fn after_check_reasons(p: &Plan) -> Vec<String> {
    p.touches
        .iter()
        .filter(|t| {
            has_reason(t, "referral") || has_reason(t, "upsell") || t.why.contains("рекомендац")
        })
        .map(|t| t.date.clone())
        .collect()
}

/// The widget sample's only check (26 Nov) follows the 13 Nov order
/// after the 23 Nov shipment failure: nothing says it went well, so no
/// touch asks for a referral or offers more (30 Nov and 27 Jan led with
/// «Просьба о рекомендации»); another reason leads them.
#[test]
fn no_referral_or_upsell_after_a_check_a_failure_leaves_open() {
    for (name, v) in [("widget", widget_sample()), ("minimal", client(true))] {
        let p = plan(&v);
        assert_eq!(after_check_reasons(&p), Vec::<String>::new(), "{name}");
        for t in p
            .touches
            .iter()
            .filter(|t| t.date == "2026-11-30" || t.date == "2026-11-27")
        {
            let lead = &t.reasons[0].code;
            assert_ne!(lead, "referral", "{name} {}", t.date);
        }
    }
}

/// Without the failure the same client's check stands: the referral is
/// asked after it (at most twice a year), never before it.
#[test]
fn a_check_without_a_failure_still_opens_the_referral() {
    let p = plan(&client(false));
    let check = p
        .touches
        .iter()
        .find(|t| has_reason(t, "post_purchase_check"))
        .expect("the check")
        .date
        .clone();
    let led: Vec<&str> = p
        .touches
        .iter()
        .filter(|t| t.reasons[0].code == "referral" || t.why.contains("рекомендац"))
        .map(|t| t.date.as_str())
        .collect();
    assert!(!led.is_empty() && led.len() <= 2, "{led:?}");
    assert!(
        led.iter().all(|d| *d > check.as_str()),
        "{led:?} vs {check}"
    );
}
