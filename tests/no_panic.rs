//! The engine's own no-panic property (issue 15), beside the JS fuzzer
//! (`npm run fuzz`): the example inputs with arbitrary JSON put at the
//! contract's paths and unknown ones plan or fail with errors that carry a
//! code and a message, and never panic.

use proptest::prelude::*;
use serde_json::{Map, Value};

const KEYS: &[&str] = &[
    "today",
    "horizonMonths",
    "locale",
    "client",
    "company",
    "settings",
    "id",
    "name",
    "segment",
    "saleType",
    "orderCycleDays",
    "mandatoryPerOrder",
    "mandatorySteps",
    "orders",
    "date",
    "amount",
    "categories",
    "promo",
    "items",
    "service",
    "start",
    "end",
    "reactionDays",
    "kind",
    "frozenFrom",
    "frozenTo",
    "promoUntil",
    "expiries",
    "what",
    "contacts",
    "role",
    "birthday",
    "channels",
    "interests",
    "industry",
    "annualRevenue",
    "flags",
    "loyal",
    "openDeal",
    "since",
    "incidents",
    "summary",
    "history",
    "channel",
    "reason",
    "contentPlan",
    "title",
    "until",
    "pilot",
    "delivery",
    "events",
    "country",
    "holidays",
    "workdays",
    "weeklyCap",
    "dailyCap",
    "segments",
    "A",
    "channelGaps",
    "phone",
    "annualMeeting",
    "automatedChannels",
    "__proto__",
];

fn leaf() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        (-40i64..4000).prop_map(Value::from),
        any::<f64>()
            .prop_map(|f| serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number)),
        "[0-9]{4}-[0-9]{2}-[0-9]{2}".prop_map(Value::String),
        "(19|20|21)[0-9]{2}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])".prop_map(Value::String),
        "--[0-9]{2}-[0-9]{2}".prop_map(Value::String),
        "\\PC{0,12}".prop_map(Value::String),
        prop::sample::select(KEYS).prop_map(|k| Value::String(k.to_string())),
        prop::sample::select(
            &[
                "phone",
                "email",
                "A+",
                "C",
                "transactional",
                "consultative",
                "decision_maker",
                "en",
                "RU",
                "none",
                "always",
                "manager",
                "market_analytics",
                "shipment"
            ][..]
        )
        .prop_map(|k| Value::String(k.to_string())),
    ]
}

fn json() -> impl Strategy<Value = Value> {
    leaf().prop_recursive(5, 96, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((prop::sample::select(KEYS), inner), 0..6).prop_map(|fields| {
                Value::Object(
                    fields
                        .into_iter()
                        .map(|(k, v)| (k.to_string(), v))
                        .collect::<Map<_, _>>(),
                )
            }),
        ]
    })
}

fn examples() -> Vec<Value> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/clients");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    files
        .iter()
        .map(|f| serde_json::from_str(&std::fs::read_to_string(f).unwrap()).unwrap())
        .collect()
}

/// Puts `value` at the place `steps` lead to: each step picks a key of an
/// object (or adds one from KEYS) or an item of a list.
fn put(target: &mut Value, steps: &[usize], value: Value) {
    let Some((&step, rest)) = steps.split_first() else {
        *target = value;
        return;
    };
    match target {
        Value::Object(map) if !map.is_empty() && (rest.is_empty() || step % 5 != 0) => {
            let key = map.keys().nth(step % map.len()).unwrap().clone();
            put(map.get_mut(&key).unwrap(), rest, value);
        }
        Value::Object(map) => {
            map.insert(KEYS[step % KEYS.len()].to_string(), value);
        }
        Value::Array(items) if !items.is_empty() => {
            let i = step % items.len();
            put(&mut items[i], rest, value);
        }
        other => *other = value,
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn mutated_examples_never_panic(
        which in 0usize..6,
        edits in prop::collection::vec((prop::collection::vec(any::<usize>(), 0..6), json()), 1..4),
    ) {
        let all = examples();
        let mut input = all[which % all.len()].clone();
        for (steps, value) in edits {
            put(&mut input, &steps, value);
        }
        match touchplan::plan(&input) {
            Ok(plan) => {
                for w in plan.touches.windows(2) {
                    prop_assert!(w[0].date <= w[1].date);
                }
                prop_assert!(plan.touches.iter().all(|t| !t.reasons.is_empty()));
            }
            Err(errors) => {
                prop_assert!(!errors.errors.is_empty());
                prop_assert!(errors.errors.iter().all(|e| !e.code.is_empty() && !e.message.is_empty()));
            }
        }
    }
}
