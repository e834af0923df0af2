//! Review 11, finding 4: a need purpose merged into another need touch
//! shows on the touch itself. DOMAIN "How the rules combine": "a merge
//! shows on the merged touch itself (`purposes`), not as a warning"; R4:
//! the pre-order touch "asks *what* will be in the next order"; R1: a touch
//! tied to an expected order says "expected".

mod common;

use common::{has_reason, monthly_a, plan, widget_sample};
use serde_json::json;

/// The widget sample's pre-order need touch for the order expected about
/// 12 Jan 2027 (three working days before it is 29 Dec) merged into the
/// mid-cycle call of 28 Dec, whose why spoke only of mid-cycle: the manager
/// would not ask what goes into the January order. The why now says both.
#[test]
fn a_pre_order_purpose_merged_into_the_mid_cycle_touch_is_in_its_why() {
    let mut minimal = monthly_a(&["phone", "messenger"]);
    minimal["client"]["contacts"][0]["birthday"] = json!("--12-05");
    for (name, mut v) in [("widget", widget_sample()), ("minimal", minimal)] {
        let p = plan(&v);
        let t = p
            .touches
            .iter()
            .find(|t| t.date == "2026-12-28")
            .expect("the merged need touch");
        assert!(has_reason(t, "need_before_order"), "{name}");
        assert!(t.why.contains("Середина цикла"), "{name}: {}", t.why);
        assert!(
            t.why
                .contains("что войдёт в следующий ожидаемый заказ (около 12 января 2027)"),
            "{name}: {}",
            t.why
        );
        assert_eq!(t.expected, Some(true), "{name}");
        assert!(p.warnings.iter().all(|w| w.code != "merged"), "{name}");
        v["locale"] = json!("en");
        let p = plan(&v);
        let t = p.touches.iter().find(|t| t.date == "2026-12-28").unwrap();
        assert!(
            t.why
                .contains("what the next expected order (about 12 January 2027) will hold"),
            "{name}: {}",
            t.why
        );
    }
}
