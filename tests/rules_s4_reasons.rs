//! Session-4 rule tests for the reasons a touch carries: a rule shown by
//! its plain name (DOMAIN "What the manager reads"), freshness of the lead
//! reason (the reasons catalog), a reason for every purpose of a merged
//! touch (R13), content items that reach the people they fit (R10, R15),
//! and a price change told by the manager to the buyer (R10).

mod common;

use common::{plan, sample};
use serde_json::Value;
use touchplan::TouchKind;

const EXAMPLES: &[&str] = &[
    "advertising-campaign",
    "bakery-incident",
    "car-buyer",
    "club-membership",
    "consultative-a",
    "consultative-b",
    "distributor-a",
    "distributor-d",
    "equipment-plant",
    "gym-member",
    "no-orders",
    "roofing-buyer",
    "transactional-bimonthly",
    "transactional-monthly",
];

fn in_locale(mut v: Value, locale: &str) -> Value {
    v["locale"] = Value::String(locale.into());
    v
}

/// Whether `text` names a rule (R1…R15) anywhere but beside its plain name.
fn bare_rule_number(text: &str, beside: &str) -> bool {
    let b = text.as_bytes();
    (0..b.len()).any(|i| {
        b[i] == b'R'
            && b.get(i + 1).is_some_and(u8::is_ascii_digit)
            && (i == 0 || !b[i - 1].is_ascii_alphanumeric())
            && !text[..i].ends_with(beside)
    })
}

#[test]
fn rule_reason_says_what_the_rule_is_for_with_its_number_beside_the_name() {
    for name in EXAMPLES {
        for (locale, beside) in [("ru", "(правило "), ("en", "(rule ")] {
            let p = plan(&in_locale(sample(name), locale));
            for t in &p.touches {
                for r in &t.reasons {
                    assert!(
                        !r.why.contains("задаёт правило") && !r.why.contains("sets this reason"),
                        "{name} {}: {}",
                        t.date,
                        r.why
                    );
                    assert!(
                        !bare_rule_number(&r.why, beside),
                        "{name} {} {locale}: a rule number without its name: {}",
                        t.date,
                        r.why
                    );
                }
            }
        }
    }
    // The pre-order need touch's own reason names what R4 is for.
    let p = plan(&in_locale(sample("transactional-bimonthly"), "ru"));
    let need = p
        .touches
        .iter()
        .find(|t| t.kind == TouchKind::Need)
        .expect("a need touch");
    assert_eq!(
        need.reasons[0].why,
        "Узнать о следующем заказе раньше конкурентов (правило R4)."
    );
    let p = plan(&in_locale(sample("transactional-bimonthly"), "en"));
    let need = p
        .touches
        .iter()
        .find(|t| t.kind == TouchKind::Need)
        .unwrap();
    assert_eq!(
        need.reasons[0].why,
        "Learn of the next order before competitors do (rule R4)."
    );
}
