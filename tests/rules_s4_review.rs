//! Session-4 fixes of the third review's findings: reasons that fit the
//! client (R8, R10, R2), texts true on the day (R1, R5, R9) and warnings
//! that say what to do (DOMAIN "What the manager reads").

mod common;

use common::{has_reason, plan, sample, EXAMPLES};
use touchplan::{Plan, TouchKind};

fn example(name: &str) -> Plan {
    plan(&sample(name))
}

/// R8: a private person gets no event invitation, not even as a
/// suggestion; without company events no touch is led by one.
#[test]
fn person_gets_no_event_invitation_reason() {
    let p = example("roofing-buyer");
    for t in &p.touches {
        assert!(
            t.reasons.iter().all(|r| r.code != "event_invitation"),
            "{} suggests an event invitation to a person",
            t.date
        );
    }
    for name in EXAMPLES {
        let v = sample(name);
        let has_events = v["company"]["events"]
            .as_array()
            .is_some_and(|e| !e.is_empty())
            || v["company"]["contentPlan"]
                .as_array()
                .is_some_and(|c| c.iter().any(|i| i["reason"] == "event_invitation"));
        if has_events {
            continue;
        }
        for t in &plan(&v).touches {
            if t.kind == TouchKind::Event {
                continue;
            }
            assert_ne!(
                t.reasons.first().map(|r| r.code.as_str()),
                Some("event_invitation"),
                "{name} {}: led by an invitation without company events",
                t.date
            );
        }
    }
}

/// R10/R1: "price change" comes only from a content-plan price change,
/// on a day before it takes effect.
#[test]
fn price_change_only_from_content_plan_before_its_date() {
    for name in EXAMPLES {
        let v = sample(name);
        let changes: Vec<String> = v["company"]["contentPlan"]
            .as_array()
            .map(|c| {
                c.iter()
                    .filter(|i| i["reason"] == "price_change")
                    .filter_map(|i| i["date"].as_str().map(str::to_string))
                    .collect()
            })
            .unwrap_or_default();
        for t in &plan(&v).touches {
            if has_reason(t, "price_change") {
                assert!(
                    changes.iter().any(|d| t.date < *d),
                    "{name} {}: a price change suggested with none ahead",
                    t.date
                );
            }
        }
    }
}

/// R2: a service client's suggestions carry only its own service kind's
/// mandatory steps, and no goods fulfilment steps.
#[test]
fn service_steps_follow_the_service_kind() {
    let goods = [
        "shipment",
        "acceptance",
        "documents",
        "shelf_display",
        "sell_through",
    ];
    let cases: &[(&str, &[&str])] = &[
        (
            "advertising-campaign",
            &["usage_check", "stage_acceptance", "policy_documents"],
        ),
        (
            "club-membership",
            &[
                "final_report",
                "campaign_midway_stats",
                "stage_acceptance",
                "policy_documents",
            ],
        ),
        (
            "gym-member",
            &[
                "final_report",
                "campaign_midway_stats",
                "stage_acceptance",
                "policy_documents",
            ],
        ),
    ];
    for (name, foreign) in cases {
        for t in &example(name).touches {
            for r in &t.reasons {
                assert!(
                    !foreign.contains(&r.code.as_str()) && !goods.contains(&r.code.as_str()),
                    "{name} {}: {} is not a step of this service",
                    t.date,
                    r.code
                );
            }
        }
    }
}

/// R2/R5: the onboarding why follows the service kind.
#[test]
fn onboarding_why_follows_the_service_kind() {
    let campaign = example("advertising-campaign");
    let club = example("club-membership");
    let c = touches_of_kind(&campaign, TouchKind::Onboarding);
    let m = touches_of_kind(&club, TouchKind::Onboarding);
    assert!(!c.is_empty() && !m.is_empty());
    for w in &c {
        assert!(w.contains("материал"), "{w}");
        assert!(!w.contains("заняти"), "{w}");
    }
    for w in &m {
        assert!(w.contains("заняти") || w.contains("посещени"), "{w}");
        assert!(!w.contains("материал"), "{w}");
    }
}

fn touches_of_kind(p: &Plan, kind: TouchKind) -> Vec<String> {
    common::touches_of(p, kind)
        .into_iter()
        .map(|t| t.why.clone())
        .collect()
}

/// R5/R1: a late check's why says it is late, never "by day 7".
#[test]
fn late_check_why_says_it_is_late() {
    for name in ["distributor-a", "distributor-d"] {
        let p = example(name);
        let late: Vec<_> = common::touches_of(&p, TouchKind::Check)
            .into_iter()
            .filter(|t| t.notes.iter().flatten().any(|n| n.contains("запоздала")))
            .collect();
        assert!(!late.is_empty(), "{name}: a late check expected");
        for t in late {
            assert!(t.why.contains("запоздала"), "{name} {}: {}", t.date, t.why);
            assert!(!t.why.contains("не позже"), "{name} {}: {}", t.date, t.why);
        }
    }
}

/// R9/R8: a greeting justified by the birthday offer says to include it,
/// in its why and in its reason.
#[test]
fn birthday_offer_greeting_mentions_the_offer() {
    let p = example("advertising-campaign");
    let g: Vec<_> = common::touches_of(&p, TouchKind::Greeting)
        .into_iter()
        .filter(|t| t.reasons.first().is_some_and(|r| r.code == "birthday"))
        .collect();
    assert!(!g.is_empty());
    for t in g {
        assert!(t.why.contains("подарок ко дню рождения"), "{}", t.why);
        assert!(
            t.reasons[0].hint.contains("подарок ко дню рождения"),
            "{}",
            t.reasons[0].hint
        );
    }
}

/// "What the manager reads": event slots without company events get their
/// own warning (add company events), not "fill or skip".
#[test]
fn event_slots_ask_for_company_events() {
    for name in ["consultative-a", "consultative-b"] {
        let p = example(name);
        let slots: Vec<String> = common::touches_of(&p, TouchKind::Event)
            .into_iter()
            .map(|t| t.date.clone())
            .collect();
        assert!(!slots.is_empty(), "{name}");
        let w = p
            .warnings
            .iter()
            .find(|w| w.code == "no_company_events")
            .unwrap_or_else(|| panic!("{name}: no no_company_events warning"));
        assert!(w.message.contains("добавьте события компании"));
        let generic: Vec<String> = p
            .warnings
            .iter()
            .filter(|w| w.code == "no_specific_reason")
            .flat_map(|w| w.dates.clone().unwrap_or_default())
            .collect();
        for d in &slots {
            assert!(!generic.contains(d), "{name} {d}: generic slot warning");
        }
    }
}
