//! Helpers shared by the integration tests.
#![allow(dead_code)]

use serde_json::{json, Value};
use touchplan::{Plan, Touch, TouchKind};

/// Reads a sample client from `examples/clients/`.
pub fn sample(name: &str) -> Value {
    let path = format!(
        "{}/examples/clients/{name}.json",
        env!("CARGO_MANIFEST_DIR")
    );
    serde_json::from_str(&std::fs::read_to_string(path).expect("sample exists"))
        .expect("sample is JSON")
}

/// Every sample client in `examples/clients/`, by file name.
pub const EXAMPLES: &[&str] = &[
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

/// The channels generated inputs draw from, the ones most clients accept.
pub const COMMON_CHANNELS: &[&str] = &["phone", "email", "messenger", "visit", "sms"];

/// Every contact role of the contract.
pub const ROLES: &[&str] = &[
    "decision_maker",
    "influencer",
    "technical",
    "user",
    "buyer",
    "other",
];

/// Plans, panicking with the errors on bad input.
pub fn plan(v: &Value) -> Plan {
    touchplan::plan(v).unwrap_or_else(|e| panic!("{e}"))
}

/// A minimal valid input around `client`.
pub fn input(client: Value) -> Value {
    json!({ "today": "2026-11-24", "client": client })
}

/// Every purpose of a touch (a merged touch counts each of its kinds).
pub fn purposes(t: &Touch) -> Vec<TouchKind> {
    t.purposes.clone().unwrap_or_else(|| vec![t.kind])
}

/// Counts the manager's purposes of the given kinds in `[from, to)`.
pub fn count_manager(plan: &Plan, from: &str, to: &str, kinds: &[TouchKind]) -> usize {
    plan.touches
        .iter()
        .filter(|t| !t.automated && t.date.as_str() >= from && t.date.as_str() < to)
        .map(|t| {
            purposes(t)
                .into_iter()
                .filter(|k| kinds.contains(k))
                .count()
        })
        .sum()
}

/// The manager's touches (automated messages left out), by date.
pub fn manager(plan: &Plan) -> Vec<&Touch> {
    plan.touches.iter().filter(|t| !t.automated).collect()
}

/// Whether a touch carries the reason `code` at any rank.
pub fn has_reason(t: &Touch, code: &str) -> bool {
    t.reasons.iter().any(|r| r.code == code)
}

pub fn touches_of(plan: &Plan, kind: TouchKind) -> Vec<&Touch> {
    plan.touches
        .iter()
        .filter(|t| purposes(t).contains(&kind))
        .collect()
}

pub fn has_warning(plan: &Plan, code: &str) -> bool {
    plan.warnings.iter().any(|w| w.code == code)
}

/// SplitMix64: the generators' deterministic random numbers (plan and
/// book hashes).
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    /// 0..n
    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    /// lo..=hi
    pub fn range(&mut self, lo: i64, hi: i64) -> i64 {
        lo + self.below((hi - lo + 1) as u64) as i64
    }
    pub fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
    pub fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[self.below(xs.len() as u64) as usize]
    }
    /// A few distinct items of `xs`, in `xs`' order.
    pub fn some<'a>(&mut self, xs: &[&'a str], max: usize) -> Vec<&'a str> {
        let n = 1 + self.below(max as u64) as usize;
        let mut chosen: Vec<usize> = (0..n)
            .map(|_| self.below(xs.len() as u64) as usize)
            .collect();
        chosen.sort_unstable();
        chosen.dedup();
        chosen.into_iter().map(|i| xs[i]).collect()
    }
}

/// The widget's demo client cut down (review 11's tests): segment A, a
/// 30-day cycle, one order on 13 Nov 2026, one decision maker, Анна; today
/// 24 Nov 2026; the client accepts `channels`.
pub fn monthly_a(channels: &[&str]) -> Value {
    json!({
        "today": "2026-11-24",
        "client": {
            "id": "m",
            "segment": "A",
            "orderCycleDays": 30,
            "channels": channels,
            "orders": [{ "date": "2026-11-13", "amount": 100000 }],
            "contacts": [{ "name": "Анна", "role": "decision_maker" }]
        }
    })
}

/// The widget's demo client (www/, review 11): segment A, a 30-day cycle,
/// a shipment failure on 23 Nov 2026, a supply contract ending 31 Mar 2027.
pub fn widget_sample() -> Value {
    json!({
        "today": "2026-11-24",
        "client": {
            "id": "c-100",
            "name": "ООО «Тестовый клиент»",
            "segment": "A",
            "orderCycleDays": 30,
            "channels": ["phone", "visit", "messenger", "email"],
            "orders": [
                { "date": "2026-09-15", "amount": 1050000 },
                { "date": "2026-10-14", "amount": 1120500 },
                { "date": "2026-11-13", "amount": 1200000.5 }
            ],
            "contacts": [
                {
                    "name": "Анна Смирнова",
                    "role": "decision_maker",
                    "birthday": "--12-05",
                    "channels": ["phone", "messenger", "email"]
                },
                { "name": "Иван Петров", "role": "buyer", "channels": ["phone", "email"] }
            ],
            "expiries": [{ "date": "2027-03-31", "what": "Договор поставки" }],
            "incidents": [{ "date": "2026-11-23", "summary": "Задержка отгрузки" }]
        }
    })
}
