//! A corpus of malformed inputs: each gets a clear error with its code and
//! path, never a panic and never a partial plan.

use serde_json::{json, Value};

fn ok_client() -> Value {
    json!({ "id": "c1" })
}

fn with_client(c: Value) -> Value {
    json!({ "today": "2026-11-24", "client": c })
}

fn patch_client(key: &str, v: Value) -> Value {
    let mut c = ok_client();
    c[key] = v;
    with_client(c)
}

fn corpus() -> Vec<(&'static str, Value, &'static str, &'static str)> {
    vec![
        ("not an object", json!([1, 2]), "invalid_type", ""),
        ("null", Value::Null, "invalid_type", ""),
        (
            "no today",
            json!({ "client": ok_client() }),
            "missing_field",
            "today",
        ),
        (
            "today as number",
            json!({ "today": 20261124, "client": ok_client() }),
            "invalid_type",
            "today",
        ),
        (
            "today russian format",
            json!({ "today": "24.11.2026", "client": ok_client() }),
            "invalid_date",
            "today",
        ),
        (
            "today out of range",
            json!({ "today": "1999-12-31", "client": ok_client() }),
            "out_of_range",
            "today",
        ),
        (
            "horizon zero",
            json!({ "today": "2026-11-24", "horizonMonths": 0, "client": ok_client() }),
            "out_of_range",
            "horizonMonths",
        ),
        (
            "horizon 37",
            json!({ "today": "2026-11-24", "horizonMonths": 37, "client": ok_client() }),
            "out_of_range",
            "horizonMonths",
        ),
        (
            "horizon fraction",
            json!({ "today": "2026-11-24", "horizonMonths": 1.5, "client": ok_client() }),
            "out_of_range",
            "horizonMonths",
        ),
        (
            "horizon string",
            json!({ "today": "2026-11-24", "horizonMonths": "12", "client": ok_client() }),
            "invalid_type",
            "horizonMonths",
        ),
        (
            "locale fr",
            json!({ "today": "2026-11-24", "locale": "fr", "client": ok_client() }),
            "unknown_value",
            "locale",
        ),
        (
            "no client",
            json!({ "today": "2026-11-24" }),
            "missing_field",
            "client",
        ),
        (
            "client string",
            json!({ "today": "2026-11-24", "client": "c1" }),
            "invalid_type",
            "client",
        ),
        (
            "no id",
            with_client(json!({})),
            "missing_field",
            "client.id",
        ),
        (
            "empty id",
            with_client(json!({ "id": "" })),
            "missing_field",
            "client.id",
        ),
        (
            "long id",
            with_client(json!({ "id": "x".repeat(257) })),
            "too_long",
            "client.id",
        ),
        (
            "segment E",
            patch_client("segment", json!("E")),
            "unknown_value",
            "client.segment",
        ),
        (
            "sale type",
            patch_client("saleType", json!("retail")),
            "unknown_value",
            "client.saleType",
        ),
        (
            "cycle zero",
            patch_client("orderCycleDays", json!(0)),
            "out_of_range",
            "client.orderCycleDays",
        ),
        (
            "cycle huge",
            patch_client("orderCycleDays", json!(4000)),
            "out_of_range",
            "client.orderCycleDays",
        ),
        (
            "mandatory negative",
            patch_client("mandatoryPerOrder", json!(-1)),
            "out_of_range",
            "client.mandatoryPerOrder",
        ),
        (
            "mandatory 21",
            patch_client("mandatoryPerOrder", json!(21)),
            "out_of_range",
            "client.mandatoryPerOrder",
        ),
        (
            "unknown step",
            patch_client("mandatorySteps", json!(["shipment", "dance"])),
            "unknown_value",
            "client.mandatorySteps[1]",
        ),
        (
            "orders not list",
            patch_client("orders", json!({ "date": "2026-01-01" })),
            "invalid_type",
            "client.orders",
        ),
        (
            "order bad date",
            patch_client(
                "orders",
                json!([{ "date": "2026-01-01" }, { "date": "2026-02-01" }, { "date": "31.02.2026" }]),
            ),
            "invalid_date",
            "client.orders[2].date",
        ),
        (
            "order no date",
            patch_client("orders", json!([{ "amount": 5 }])),
            "missing_field",
            "client.orders[0].date",
        ),
        (
            "order negative amount",
            patch_client("orders", json!([{ "date": "2026-01-01", "amount": -5 }])),
            "out_of_range",
            "client.orders[0].amount",
        ),
        (
            "order amount text",
            patch_client(
                "orders",
                json!([{ "date": "2026-01-01", "amount": "1 200 ₽" }]),
            ),
            "invalid_type",
            "client.orders[0].amount",
        ),
        (
            "order category number",
            patch_client(
                "orders",
                json!([{ "date": "2026-01-01", "categories": [5] }]),
            ),
            "invalid_type",
            "client.orders[0].categories[0]",
        ),
        (
            "too many orders",
            patch_client(
                "orders",
                Value::Array(vec![json!({ "date": "2026-01-01" }); 10_001]),
            ),
            "too_many",
            "client.orders",
        ),
        (
            "service end before start",
            patch_client(
                "service",
                json!({ "start": "2026-12-01", "end": "2026-11-01" }),
            ),
            "end_before_start",
            "client.service.end",
        ),
        (
            "service no end",
            patch_client("service", json!({ "start": "2026-12-01" })),
            "missing_field",
            "client.service.end",
        ),
        (
            "reaction zero",
            patch_client(
                "service",
                json!({ "start": "2026-12-01", "end": "2027-01-01", "reactionDays": 0 }),
            ),
            "out_of_range",
            "client.service.reactionDays",
        ),
        (
            "service kind",
            patch_client(
                "service",
                json!({ "start": "2026-12-01", "end": "2027-01-01", "kind": "lease" }),
            ),
            "unknown_value",
            "client.service.kind",
        ),
        (
            "freeze half",
            patch_client(
                "service",
                json!({ "start": "2026-12-01", "end": "2027-01-01", "frozenFrom": "2026-12-10" }),
            ),
            "missing_field",
            "client.service.frozenTo",
        ),
        (
            "contact no name",
            patch_client("contacts", json!([{ "role": "buyer" }])),
            "missing_field",
            "client.contacts[0].name",
        ),
        (
            "contact role",
            patch_client("contacts", json!([{ "name": "A", "role": "boss" }])),
            "unknown_value",
            "client.contacts[0].role",
        ),
        (
            "birthday bad",
            patch_client("contacts", json!([{ "name": "A", "birthday": "--02-30" }])),
            "invalid_date",
            "client.contacts[0].birthday",
        ),
        (
            "contact channel",
            patch_client("contacts", json!([{ "name": "A", "channels": ["pigeon"] }])),
            "unknown_value",
            "client.contacts[0].channels[0]",
        ),
        (
            "too many contacts",
            patch_client("contacts", Value::Array(vec![json!({ "name": "A" }); 201])),
            "too_many",
            "client.contacts",
        ),
        (
            "channels empty",
            patch_client("channels", json!([])),
            "out_of_range",
            "client.channels",
        ),
        (
            "flags bool",
            patch_client("flags", json!({ "loyal": "yes" })),
            "invalid_type",
            "client.flags.loyal",
        ),
        (
            "open deal date",
            patch_client("openDeal", json!({ "since": "soon" })),
            "invalid_date",
            "client.openDeal.since",
        ),
        (
            "incident summary",
            patch_client("incidents", json!([{ "date": "2026-11-01" }])),
            "missing_field",
            "client.incidents[0].summary",
        ),
        (
            "history channel",
            patch_client(
                "history",
                json!([{ "date": "2026-11-01", "channel": "fax" }]),
            ),
            "unknown_value",
            "client.history[0].channel",
        ),
        (
            "long name",
            patch_client("name", json!("я".repeat(1001))),
            "too_long",
            "client.name",
        ),
        (
            "date year 2200",
            patch_client("orders", json!([{ "date": "2200-01-01" }])),
            "out_of_range",
            "client.orders[0].date",
        ),
        (
            "content reason",
            json!({ "today": "2026-11-24", "client": ok_client(), "company": { "contentPlan": [{ "date": "2026-12-01", "reason": "gossip", "title": "x" }] } }),
            "unknown_value",
            "company.contentPlan[0].reason",
        ),
        (
            "content delivery",
            json!({ "today": "2026-11-24", "client": ok_client(), "company": { "contentPlan": [{ "date": "2026-12-01", "reason": "market_analytics", "title": "x", "delivery": "pigeon" }] } }),
            "unknown_value",
            "company.contentPlan[0].delivery",
        ),
        (
            "country",
            json!({ "today": "2026-11-24", "client": ok_client(), "company": { "country": "US" } }),
            "unknown_value",
            "company.country",
        ),
        (
            "holiday date",
            json!({ "today": "2026-11-24", "client": ok_client(), "company": { "holidays": ["2026-13-01"] } }),
            "invalid_date",
            "company.holidays[0]",
        ),
        (
            "settings cap",
            json!({ "today": "2026-11-24", "client": ok_client(), "settings": { "weeklyCap": 0 } }),
            "out_of_range",
            "settings.weeklyCap",
        ),
        (
            "settings gap channel",
            json!({ "today": "2026-11-24", "client": ok_client(), "settings": { "channelGaps": { "fax": 2 } } }),
            "unknown_value",
            "settings.channelGaps.fax",
        ),
        (
            "settings segment",
            json!({ "today": "2026-11-24", "client": ok_client(), "settings": { "segments": { "B": { "greetings": "sometimes" } } } }),
            "unknown_value",
            "settings.segments.B.greetings",
        ),
        (
            "settings silence",
            json!({ "today": "2026-11-24", "client": ok_client(), "settings": { "silenceDays": 9 } }),
            "out_of_range",
            "settings.silenceDays",
        ),
        // Issue 15: required texts refuse "" and blanks.
        (
            "empty contact name",
            patch_client("contacts", json!([{ "name": "" }])),
            "missing_field",
            "client.contacts[0].name",
        ),
        (
            "blank expiry",
            patch_client("expiries", json!([{ "date": "2027-01-01", "what": "  " }])),
            "missing_field",
            "client.expiries[0].what",
        ),
        (
            "empty incident summary",
            patch_client(
                "incidents",
                json!([{ "date": "2026-11-01", "summary": "" }]),
            ),
            "missing_field",
            "client.incidents[0].summary",
        ),
        (
            "empty event title",
            json!({ "today": "2026-11-24", "client": ok_client(), "company": { "events": [{ "date": "2027-01-10", "title": "" }] } }),
            "missing_field",
            "company.events[0].title",
        ),
        (
            "empty content title",
            json!({ "today": "2026-11-24", "client": ok_client(), "company": { "contentPlan": [{ "date": "2026-12-01", "reason": "market_analytics", "title": "" }] } }),
            "missing_field",
            "company.contentPlan[0].title",
        ),
    ]
}

#[test]
fn every_malformed_input_gets_its_code_and_path() {
    let corpus = corpus();
    assert!(corpus.len() >= 40);
    for (name, input, code, path) in corpus {
        let errors = touchplan::plan(&input).expect_err(name).errors;
        assert!(
            errors.iter().any(|e| e.code == code && e.path == path),
            "{name}: expected {code} at {path:?}, got {errors:?}"
        );
        assert!(
            errors.iter().all(|e| !e.message.is_empty()),
            "{name}: empty message"
        );
    }
}

#[test]
fn all_problems_are_reported_at_once_in_the_input_locale() {
    let input = json!({
        "today": "2026-11-24", "locale": "en", "horizonMonths": 40,
        "client": { "id": "c", "segment": "Z", "orders": [{ "date": "31.02.2026" }] }
    });
    let errors = touchplan::plan(&input).unwrap_err().errors;
    let paths: Vec<&str> = errors.iter().map(|e| e.path.as_str()).collect();
    assert_eq!(
        paths,
        ["horizonMonths", "client.segment", "client.orders[0].date"]
    );
    assert_eq!(
        errors[2].message,
        "expected a date like 2026-11-22, got \"31.02.2026\""
    );
    let ru = touchplan::plan(&json!({ "today": "2026-11-24", "client": { "id": "c", "orders": [{ "date": "31.02.2026" }] } })).unwrap_err();
    assert_eq!(
        ru.errors[0].message,
        "ожидается дата вида 2026-11-22, получено \"31.02.2026\""
    );
}

#[test]
fn deeply_nested_json_text_is_an_error_not_a_stack_overflow() {
    // Issue 15: 5,100 levels under an unknown key.
    let text = format!(
        r#"{{"today":"2026-11-24","client":{{"id":"c1","x":{}{}}}}}"#,
        "[".repeat(5100),
        "]".repeat(5100)
    );
    let errors = touchplan::plan_json(&text).unwrap_err();
    assert_eq!(errors.first().code, "invalid_json");
}

#[test]
fn malformed_json_text_is_an_error() {
    let e = touchplan::plan_json("{\"today\": ").unwrap_err();
    assert_eq!(e.errors[0].code, "invalid_json");
}

mod fuzz {
    use proptest::prelude::*;
    use serde_json::{json, Value};

    fn any_json() -> impl Strategy<Value = Value> {
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::Bool),
            any::<i32>().prop_map(|n| json!(n)),
            any::<f64>()
                .prop_filter("finite", |f| f.is_finite())
                .prop_map(|f| json!(f)),
            "[0-9-]{0,12}".prop_map(Value::String),
            prop_oneof![
                Just("2026-11-24"),
                Just("--02-29"),
                Just("phone"),
                Just("A+"),
                Just("decision_maker")
            ]
            .prop_map(|s| json!(s)),
        ];
        leaf.prop_recursive(4, 48, 6, |inner| {
            let keys = prop_oneof![
                Just("today"),
                Just("client"),
                Just("id"),
                Just("orders"),
                Just("date"),
                Just("service"),
                Just("start"),
                Just("end"),
                Just("contacts"),
                Just("name"),
                Just("birthday"),
                Just("channels"),
                Just("settings"),
                Just("company"),
                Just("contentPlan"),
                Just("horizonMonths"),
                Just("history"),
                Just("segments"),
                Just("x"),
            ];
            prop_oneof![
                proptest::collection::vec(inner.clone(), 0..5).prop_map(Value::Array),
                proptest::collection::btree_map(keys, inner, 0..6).prop_map(|m| Value::Object(
                    m.into_iter().map(|(k, v)| (k.to_string(), v)).collect()
                )),
            ]
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 3000, ..ProptestConfig::default() })]
        /// Arbitrary JSON never panics: a plan or a non-empty list of errors.
        #[test]
        fn arbitrary_input_never_panics(mut v in any_json(), today in any::<bool>()) {
            if today {
                if let Value::Object(m) = &mut v {
                    m.insert("today".into(), json!("2026-11-24"));
                }
            }
            if let Err(e) = touchplan::plan(&v) {
                prop_assert!(!e.errors.is_empty());
            }
        }
    }
}
