//! Session-5 fixes of the fifth review's findings (second set): whom the
//! mandatory steps reach (R15), warnings true to the case ("What the
//! manager reads"), reasons for private persons (R8, R10), top-ups that
//! give way (R3, R13), need touches without orders (R2).

mod common;

use common::{plan, sample};
use touchplan::{Plan, TouchKind};

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

fn example(name: &str) -> Plan {
    plan(&sample(name))
}

/// R15: mandatory touches go to the people who use what was sold
/// (technical, user, buyer); the decision maker only without one. The
/// campaign's interim statistics and final report reach the client's
/// `user`, who also gets the onboarding and the check.
#[test]
fn mandatory_steps_go_to_the_user_not_the_decision_maker() {
    let p = example("advertising-campaign");
    let steps: Vec<_> = p
        .touches
        .iter()
        .filter(|t| t.kind == TouchKind::Mandatory)
        .collect();
    assert!(steps.len() >= 2, "the campaign has its mandatory steps");
    for t in steps {
        assert_eq!(
            t.contact.as_deref(),
            Some("Дмитрий Лебедев"),
            "{}: a mandatory step goes to the user",
            t.date
        );
    }
    for name in EXAMPLES {
        let v = sample(name);
        let users = v["client"]["contacts"].as_array().is_some_and(|cs| {
            cs.iter()
                .any(|c| matches!(c["role"].as_str(), Some("technical" | "user" | "buyer")))
        });
        if !users {
            continue;
        }
        for t in plan(&v)
            .touches
            .iter()
            .filter(|t| t.kind == TouchKind::Mandatory)
        {
            assert!(
                matches!(t.role.as_deref(), Some("technical" | "user" | "buyer")),
                "{name} {}: mandatory touch to {:?} ({:?}) though the client has a user",
                t.date,
                t.contact,
                t.role
            );
        }
    }
}
