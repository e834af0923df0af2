//! DOMAIN v3 rule tests for the reasons a touch carries: R1 (every text
//! true on its day, conversation reasons), R10 (offers and their
//! precedence), the catalog's upsell and referral, R15 (reasons by role)
//! and R8 (private persons).

mod common;

use common::{plan, sample};
use serde_json::{json, Value};
use touchplan::engine::output::ReasonSuggestion;
use touchplan::{Plan, Touch, TouchKind};

/// Every suggestion of the plan with its touch.
fn suggestions(p: &Plan) -> Vec<(&Touch, &ReasonSuggestion)> {
    p.touches
        .iter()
        .flat_map(|t| t.reasons.iter().map(move |r| (t, r)))
        .collect()
}

fn campaign_client() -> Value {
    json!({
        "today": "2026-11-24", "horizonMonths": 4, "locale": "en",
        "client": {
            "id": "c", "segment": "B", "saleType": "transactional",
            "orders": [{ "date": "2026-11-20", "amount": 180000, "categories": ["outdoor"] }],
            "service": { "kind": "campaign", "start": "2026-12-01", "end": "2027-01-31", "reactionDays": 7 },
            "channels": ["phone", "messenger", "email"],
            "contacts": [
                { "name": "Elena", "role": "decision_maker", "channels": ["phone", "messenger"] },
                { "name": "Dmitry", "role": "user" }
            ]
        }
    })
}

#[test]
fn r1_campaign_running_only_inside_period() {
    let p = plan(&campaign_client());
    let mut saw_running = false;
    for (t, r) in suggestions(&p) {
        if r.why.contains("campaign is running") {
            saw_running = true;
            assert!(
                t.date.as_str() > "2026-12-01" && t.date.as_str() <= "2027-01-31",
                "'running' said on {}: {r:?}",
                t.date
            );
        }
        // First results and the buyers' response exist only after the launch.
        if ["campaign_results", "buyer_feedback"].contains(&r.code.as_str())
            && !r.why.starts_with("Rule ")
        {
            assert!(
                t.date.as_str() > "2026-12-01" && t.date.as_str() <= "2027-01-31",
                "{} suggested on {}",
                r.code,
                t.date
            );
        }
    }
    assert!(saw_running, "the campaign's own touches say it is running");
}

fn tiles_client(loyal: bool) -> Value {
    json!({
        "today": "2026-11-24", "locale": "en",
        "client": {
            "id": "t", "segment": "A", "saleType": "transactional", "orderCycleDays": 30,
            "orders": [{ "date": "2026-11-10", "amount": 90000, "categories": ["tiles"] }],
            "contacts": [{ "name": "Anna", "role": "decision_maker" }],
            "flags": { "loyal": loyal }
        },
        "company": { "contentPlan": [
            { "date": "2027-02-01", "pilot": "2027-01-05", "reason": "new_products", "title": "New tiles", "categories": ["tiles"] },
            { "date": "2027-05-01", "reason": "price_change", "title": "Tiles up 5%", "categories": ["tiles"] }
        ] }
    })
}

#[test]
fn r1_pilot_only_to_loyal_clients() {
    let p = plan(&tiles_client(false));
    for (t, r) in suggestions(&p) {
        assert!(!r.why.contains("Pilot"), "{}: {r:?}", t.date);
        if r.title == "New tiles" {
            assert!(
                t.date.as_str() >= "2027-02-01",
                "before its date: {}",
                t.date
            );
        }
    }
    assert!(suggestions(&p)
        .iter()
        .any(|(_, r)| r.title == "Tiles up 5%"));
    let p = plan(&tiles_client(true));
    for (t, r) in suggestions(&p) {
        let pilot = r.why.contains("Pilot");
        if r.title == "New tiles" {
            assert_eq!(pilot, t.date.as_str() < "2027-02-01", "{}: {r:?}", t.date);
        } else {
            assert!(!pilot, "{}: {r:?}", t.date);
        }
    }
}

#[test]
fn r1_reasons_never_state_a_future_purchase_as_made() {
    let mut v = tiles_client(false);
    v["client"]["orders"]
        .as_array_mut()
        .unwrap()
        .push(json!({ "date": "2027-01-10", "amount": 90000, "categories": ["pumps"] }));
    let p = plan(&v);
    let mut bought = 0;
    for (t, r) in suggestions(&p) {
        if r.why.contains("The client bought") {
            bought += 1;
            assert!(!r.why.contains("pumps"), "{}: {r:?}", t.date);
        }
    }
    assert!(bought > 0);
}

/// Codes of reasons that need a word with someone at the client.
const CONVERSATION: &[&str] = &[
    "buyer_feedback",
    "referral",
    "upsell",
    "competitor_rumours",
    "client_insights",
    "personal_interests",
    "gift",
];

#[test]
fn r1_conversation_reasons_never_lead_automated() {
    let mut automated = 0;
    for v in [
        sample("distributor-a"),
        campaign_client(),
        sample("advertising-campaign"),
    ] {
        let p = plan(&v);
        for t in p.touches.iter().filter(|t| t.automated) {
            automated += 1;
            for r in &t.reasons {
                assert!(
                    !CONVERSATION.contains(&r.code.as_str()),
                    "{} on the automated touch of {}",
                    r.code,
                    t.date
                );
            }
        }
    }
    assert!(automated > 0);
    // Marketing's automated referral request goes to the manager instead.
    let mut v = sample("distributor-a");
    v["company"]["contentPlan"] = json!([
        { "date": "2027-01-11", "reason": "referral", "title": "Bring a friend", "delivery": "automated" }
    ]);
    let p = plan(&v);
    let t = p
        .touches
        .iter()
        .find(|t| t.reasons.iter().any(|r| r.title == "Bring a friend"))
        .expect("the manager asks for it");
    assert!(!t.automated, "{}", t.date);
}

fn leads(p: &Plan, code: &str) -> Vec<String> {
    p.touches
        .iter()
        .filter(|t| t.reasons[0].code == code)
        .map(|t| t.date.clone())
        .collect()
}

#[test]
fn catalog_upsell_never_leads_standard() {
    for name in [
        "equipment-plant",
        "gym-member",
        "distributor-a",
        "consultative-a",
    ] {
        let p = plan(&sample(name));
        for t in &p.touches {
            if t.kind == TouchKind::Standard {
                assert_ne!(t.reasons[0].code, "upsell", "{name}: {}", t.date);
            }
        }
    }
    // It is still suggested where it belongs: with what was sold.
    let p = plan(&sample("equipment-plant"));
    assert!(suggestions(&p).iter().any(|(_, r)| r.code == "upsell"));
}

#[test]
fn catalog_referral_at_most_twice_a_year() {
    let p = plan(&sample("equipment-plant"));
    let dates = leads(&p, "referral");
    assert!(
        !dates.is_empty(),
        "a satisfied client is asked for a referral"
    );
    for year in ["2026", "2027"] {
        let n = dates.iter().filter(|d| d.starts_with(year)).count();
        assert!(n <= 2, "{n} referral touches in {year}: {dates:?}");
    }
    let mut v = sample("equipment-plant");
    v["settings"] = json!({ "referralsPerYear": 1 });
    let dates = leads(&plan(&v), "referral");
    assert!(
        dates.iter().filter(|d| d.starts_with("2027")).count() <= 1,
        "{dates:?}"
    );
    // A referral already asked for this year (history) counts.
    v["client"]["history"]
        .as_array_mut()
        .unwrap()
        .push(json!({ "date": "2026-11-02", "channel": "phone", "reason": "referral" }));
    v["settings"] = json!({ "referralsPerYear": 1 });
    let dates = leads(&plan(&v), "referral");
    assert!(dates.iter().all(|d| !d.starts_with("2026")), "{dates:?}");
}

#[test]
fn r10_price_change_told_despite_offer_cap() {
    let mut v = sample("distributor-a");
    v["company"]["contentPlan"] = json!([
        { "date": "2027-01-11", "reason": "price_promotion", "title": "Cable promo", "categories": ["кабель"], "until": "2027-01-31" },
        { "date": "2027-02-01", "reason": "price_promotion", "title": "Cable promo 2", "categories": ["кабель"], "until": "2027-02-28" },
        { "date": "2027-02-15", "reason": "price_change", "title": "Cable up 7%", "items": ["ВВГнг 3×2,5"] }
    ]);
    let p = plan(&v);
    let told: Vec<&Touch> = p
        .touches
        .iter()
        .filter(|t| t.reasons.iter().any(|r| r.title == "Cable up 7%"))
        .collect();
    assert_eq!(told.len(), 1, "told once");
    let day = told[0].date.as_str();
    assert!(("2027-01-16".."2027-02-15").contains(&day), "told on {day}");
    // It is not an offer: the month's offers still go out.
    for title in ["Cable promo", "Cable promo 2"] {
        assert!(
            suggestions(&p).iter().any(|(_, r)| r.title == title),
            "{title}"
        );
    }
}

#[test]
fn r10_durable_item_not_offered_before_interval() {
    // The car was bought a week ago: no new model this year.
    let p = plan(&sample("car-buyer"));
    for (t, r) in suggestions(&p) {
        assert_ne!(r.code, "new_products", "{}: {r:?}", t.date);
    }
    // Three years on, the new model is a reason.
    let mut v = sample("car-buyer");
    v["client"]["orders"][0]["date"] = json!("2023-11-20");
    let p = plan(&v);
    assert!(suggestions(&p)
        .iter()
        .any(|(_, r)| r.title == "Новый Skoda Kodiaq 2027 в салоне"));
    // A repeat durable purchase: skis every two years, last ones a year ago.
    let skis = json!({
        "today": "2026-11-24",
        "client": {
            "id": "s", "kind": "person", "segment": "A",
            "orders": [
                { "date": "2023-11-01", "amount": 60000, "categories": ["skis"] },
                { "date": "2025-11-10", "amount": 65000, "categories": ["skis"] }
            ],
            "contacts": [{ "name": "Oleg", "role": "decision_maker" }]
        },
        "company": { "contentPlan": [
            { "date": "2027-01-15", "reason": "new_products", "title": "New skis", "categories": ["skis"] }
        ] }
    });
    let p = plan(&skis);
    assert!(suggestions(&p).iter().all(|(_, r)| r.title != "New skis"));
}

#[test]
fn r10_hobby_novelty_at_once() {
    let v = json!({
        "today": "2026-11-24",
        "client": {
            "id": "g", "kind": "person", "segment": "B",
            "orders": [
                { "date": "2026-08-20", "amount": 4000, "categories": ["board games"] },
                { "date": "2026-09-25", "amount": 3500, "categories": ["board games"] },
                { "date": "2026-11-02", "amount": 5000, "categories": ["board games"] }
            ],
            "channels": ["phone", "messenger"],
            "contacts": [{ "name": "Ilya", "role": "decision_maker" }]
        },
        "company": { "contentPlan": [
            { "date": "2027-01-20", "reason": "new_products", "title": "New game: Wingspan Asia", "categories": ["board games"] }
        ] }
    });
    let p = plan(&v);
    let t = p
        .touches
        .iter()
        .find(|t| {
            t.reasons
                .iter()
                .any(|r| r.title == "New game: Wingspan Asia")
        })
        .expect("the novelty is offered");
    assert!(
        ("2027-01-20".."2027-01-23").contains(&t.date.as_str()),
        "offered on {}",
        t.date
    );
    // Offers stay within the month's cap: a second novelty waits.
    let mut v = v;
    v["company"]["contentPlan"]
        .as_array_mut()
        .unwrap()
        .push(json!({ "date": "2027-01-25", "reason": "new_products", "title": "New game: Cascadia", "categories": ["board games"] }));
    let p = plan(&v);
    let january = p
        .touches
        .iter()
        .filter(|t| {
            t.date.starts_with("2027-01")
                && t.reasons.iter().any(|r| r.title.starts_with("New game"))
        })
        .count();
    assert_eq!(january, 1);
    // Not in the days of silence after the next expected order (15 January).
    v["company"]["contentPlan"] = json!([
        { "date": "2027-01-16", "reason": "new_products", "title": "New game: Cascadia", "categories": ["board games"] }
    ]);
    let p = plan(&v);
    let t = p
        .touches
        .iter()
        .find(|t| t.reasons.iter().any(|r| r.title == "New game: Cascadia"))
        .expect("the novelty is offered");
    assert!(
        ("2027-01-19".."2027-01-23").contains(&t.date.as_str()),
        "offered on {}",
        t.date
    );
}

/// Strategy for the decision group, not for technologists (R15).
const STRATEGY: &[&str] = &[
    "market_analytics",
    "legislation",
    "peer_cases",
    "client_insights",
    "competitor_marketing",
];

#[test]
fn r15_training_to_users_not_director() {
    let p = plan(&sample("equipment-plant"));
    for (t, r) in suggestions(&p) {
        if r.code == "staff_training" {
            assert_ne!(
                t.role.as_deref(),
                Some("decision_maker"),
                "{}: {r:?}",
                t.date
            );
        }
    }
    // A technologist gets usage tips, not strategy cases.
    let v = json!({
        "today": "2026-11-24",
        "client": {
            "id": "tech", "segment": "A", "saleType": "consultative", "industry": "machining",
            "orders": [{ "date": "2026-06-15", "amount": 8000000, "categories": ["mills"] }],
            "contacts": [{ "name": "Igor", "role": "technical" }]
        }
    });
    let p = plan(&v);
    let mut tips = 0;
    for (t, r) in suggestions(&p) {
        assert!(!STRATEGY.contains(&r.code.as_str()), "{}: {r:?}", t.date);
        tips += usize::from(r.code == "better_use");
    }
    assert!(tips > 0);
}

/// Reasons about a company's market, staff and buyers (R8).
const BUSINESS_ONLY: &[&str] = &[
    "market_analytics",
    "legislation",
    "peer_cases",
    "client_insights",
    "competitor_marketing",
    "staff_training",
    "buyer_feedback",
    "industry_humour",
];

#[test]
fn r8_person_texts_speak_to_the_person() {
    for name in ["gym-member", "car-buyer"] {
        for locale in ["ru", "en"] {
            let mut v = sample(name);
            v["locale"] = json!(locale);
            // An industry would make market reasons eligible for a company.
            v["client"]["industry"] = json!("fitness");
            let p = plan(&v);
            for (t, r) in suggestions(&p) {
                assert!(
                    !BUSINESS_ONLY.contains(&r.code.as_str()),
                    "{name} {}: {r:?}",
                    t.date
                );
                for text in [&r.why, &r.hint, &r.title] {
                    let lower = text.to_lowercase();
                    assert!(
                        !lower.contains("бизнес")
                            && !lower.contains("business")
                            && !lower.contains("сотрудник")
                            && !lower.contains("staff"),
                        "{name} {}: {text}",
                        t.date
                    );
                }
            }
        }
    }
    // The standard touch itself speaks of the person.
    let p = plan(&sample("gym-member"));
    for t in p.touches.iter().filter(|t| t.kind == TouchKind::Standard) {
        assert!(!t.why.contains("бизнес"), "{}: {}", t.date, t.why);
    }
}

#[test]
fn r13_history_counts_for_the_freshness_of_reasons() {
    let client = json!({
        "id": "f", "segment": "A", "saleType": "consultative", "orderCycleDays": 365,
        "industry": "construction",
        "orders": [{ "date": "2026-06-02", "amount": 900000, "categories": ["cranes"] }],
        "contacts": [{ "name": "Anna", "role": "decision_maker" }]
    });
    let first_standard = |p: &Plan| {
        p.touches
            .iter()
            .find(|t| t.kind == TouchKind::Standard && !t.automated)
            .map(|t| t.reasons[0].code.clone())
            .expect("a standard touch")
    };
    // The standard touch of 15 January is the plan's first.
    let on = |client: Value| json!({ "today": "2027-01-11", "client": client });
    let p = plan(&on(client.clone()));
    assert_eq!(p.touches[0].kind, TouchKind::Standard);
    let fresh = first_standard(&p);
    let mut with_history = client;
    with_history["history"] =
        json!([{ "date": "2027-01-05", "channel": "phone", "reason": fresh }]);
    let p = plan(&on(with_history));
    assert_ne!(
        first_standard(&p),
        fresh,
        "{fresh} was the last touch's reason"
    );
}

/// R1 freshness, R6 (review 9): a campaign's last reaction-window check
/// leads with the check's own reason (the decision ahead), not with "first
/// results" again, which its check-in before already led with and which is
/// stale near the end of the period.
#[test]
fn r6_campaign_last_check_does_not_repeat_the_check_ins_lead() {
    let p = plan(&sample("advertising-campaign"));
    let checks: Vec<_> = p.touches.iter().filter(|t| t.rule == "R6").collect();
    assert!(checks.len() >= 2, "{checks:?}");
    let last = checks.last().unwrap();
    assert_eq!(
        last.reasons[0].code, "reaction_check",
        "{:?}",
        last.reasons[0]
    );
    let before = checks[checks.len() - 2];
    assert_ne!(before.reasons[0].code, last.reasons[0].code);
}
