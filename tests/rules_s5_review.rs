//! Session-5 fixes of the fifth review's findings (second set): whom the
//! mandatory steps reach (R15), warnings true to the case ("What the
//! manager reads"), reasons for private persons (R8, R10), top-ups that
//! give way (R3, R13), need touches without orders (R2).

mod common;

use common::{plan, sample, EXAMPLES};
use touchplan::{Plan, TouchKind};

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

/// "What the manager reads": the `no_company_events` warning names only the
/// invitation slots really placed without an event, inside the horizon, and
/// never tells a company whose events are known and used that it has none.
#[test]
fn no_company_events_warning_only_for_placed_slots() {
    let p = example("equipment-plant");
    assert!(
        p.touches.iter().any(|t| t.kind == TouchKind::Event),
        "the plant's known events get their invitations"
    );
    assert!(
        !p.warnings.iter().any(|w| w.code == "no_company_events"),
        "the company's events are known and used: {:?}",
        p.warnings
    );
    for name in EXAMPLES {
        let p = example(name);
        let invitations: Vec<&str> = p
            .touches
            .iter()
            .filter(|t| t.kind == TouchKind::Event)
            .map(|t| t.date.as_str())
            .collect();
        for w in p.warnings.iter().filter(|w| w.code == "no_company_events") {
            for d in w.dates.iter().flatten() {
                assert!(
                    d.as_str() >= p.horizon.from.as_str() && d.as_str() <= p.horizon.to.as_str(),
                    "{name}: {d} is outside the horizon"
                );
                assert!(
                    invitations.contains(&d.as_str()),
                    "{name}: {d} names no invitation slot in the plan"
                );
            }
        }
    }
    let a = example("consultative-a");
    let w = a
        .warnings
        .iter()
        .find(|w| w.code == "no_company_events")
        .expect("consultative-a has no company events");
    assert_eq!(
        w.dates.clone().unwrap_or_default(),
        vec!["2027-03-15".to_string(), "2027-10-15".to_string()]
    );
}

/// R8, R10: a private person months after a durable purchase (a car, a
/// membership, a roof) is not led by B2B competitive reasons ("Новый аналог
/// у конкурента", "Упреждение слухов от конкурентов"); care, use, service
/// and interests lead.
#[test]
fn person_touches_are_not_led_by_competitor_reasons() {
    for name in ["car-buyer", "gym-member", "roofing-buyer"] {
        let p = example(name);
        for t in &p.touches {
            let lead = t.reasons.first().map(|r| r.code.as_str());
            assert!(
                !matches!(lead, Some("competitor_analogue" | "competitor_rumours")),
                "{name} {}: a person's touch is led by {lead:?}",
                t.date
            );
        }
    }
}

/// R2: a client without orders still gets need-discovery touches on the
/// default cycle, as many as the formula says — `need` 2 (1 for segment D)
/// — and the header's formula matches the plan.
#[test]
fn client_without_orders_gets_two_need_touches_per_cycle() {
    let p = example("no-orders");
    assert_eq!(p.summary.per_cycle.need, 2, "{:?}", p.summary.per_cycle);
    assert_eq!(p.summary.per_cycle.mandatory, 0);
    let months: Vec<String> = p
        .touches
        .iter()
        .map(|t| t.date[..7].to_string())
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    let need = common::count_manager(&p, "2026-12-01", "2027-12-01", &[TouchKind::Need]);
    assert!(
        need + 1 >= 2 * months.len(),
        "{need} need touches in {} months",
        months.len()
    );
    let mut v = sample("no-orders");
    v["client"]["segment"] = serde_json::json!("D");
    let d = plan(&v);
    assert_eq!(d.summary.per_cycle.need, 1);
}

/// R8: the club member (an annual gym membership) is a private person:
/// no annual results meeting, no event invitations, no business texts.
#[test]
fn club_member_is_a_private_person() {
    let p = example("club-membership");
    assert!(
        p.touches
            .iter()
            .all(|t| !matches!(t.kind, TouchKind::Meeting | TouchKind::Event)),
        "a private person gets no meeting or invitation"
    );
    for t in &p.touches {
        assert!(
            !t.why.contains("бизнес") && !t.why.contains("первым лицом"),
            "{}: {}",
            t.date,
            t.why
        );
    }
}
