//! R12 with R13: one apology and one follow-up for a day's failures, not
//! one each. Fuzz seed 1 (issue 15): 2,000 copies of one failure made
//! 2,000 apologies on one day, and one plan took 9 s natively, 20–43 s in
//! wasm, while the merge gap pass tried to make room among them.

mod common;

use common::{plan, sample, touches_of};
use serde_json::{json, Value};
use touchplan::TouchKind;

fn with_failures(failures: Vec<Value>) -> Value {
    let mut v = sample("bakery-incident");
    v["client"]["incidents"] = Value::Array(failures);
    v
}

#[test]
fn a_days_failures_get_one_apology_that_names_them() {
    // 2,000 failures on 30 Dec: five distinct summaries, repeated.
    let failures = (0..2000)
        .map(|i| json!({"date": "2026-12-30", "summary": format!("Сбой номер {}", i % 5)}))
        .collect();
    let p = plan(&with_failures(failures));
    let apologies: Vec<_> = touches_of(&p, TouchKind::Apology);
    // The message the next day, the call after the holidays, the follow-up.
    assert_eq!(
        apologies.len(),
        3,
        "{:?}",
        apologies.iter().map(|t| &t.date).collect::<Vec<_>>()
    );
    let call = apologies
        .iter()
        .find(|t| t.scheduled != Some(true) && t.why.contains("Лично извиниться"))
        .expect("the apology call");
    // Three named, the other two distinct ones counted; no repeats.
    assert!(
        call.why
            .contains("Сбой номер 0; Сбой номер 1; Сбой номер 2"),
        "{}",
        call.why
    );
    assert!(
        call.why.contains("и ещё сбоев в тот день: 2"),
        "{}",
        call.why
    );
    assert_eq!(call.why.matches("Сбой номер 0").count(), 1, "{}", call.why);
}

#[test]
fn failures_on_different_days_are_each_named() {
    let mut v = sample("gym-member");
    v["client"]["incidents"] = json!([
        {"date": "2026-11-20", "summary": "Опоздала машина"},
        {"date": "2026-11-27", "summary": "Не та мука"}
    ]);
    let p = plan(&v);
    let text: String = touches_of(&p, TouchKind::Apology)
        .iter()
        .map(|t| format!("{} {:?}", t.why, t.notes))
        .collect();
    for day in [
        "Сбой 20 ноября 2026: «Опоздала машина»",
        "Сбой 27 ноября 2026: «Не та мука»",
    ] {
        assert!(text.contains(day), "{day} not in {text}");
    }
}

/// R11 with R13, the same for terms ending (fuzz seed 1, case 922096:
/// 2,000 copies of one expiry took 380 ms in wasm, 100 ms natively).
#[test]
fn terms_ending_on_one_day_get_one_reminder_that_names_them() {
    let mut v = sample("gym-member");
    v["client"]["expiries"] = (0..2000)
        .map(|i| json!({"date": "2027-06-01", "what": format!("Полис {}", i % 5)}))
        .collect();
    let p = plan(&v);
    let reminders: Vec<_> = p
        .touches
        .iter()
        .filter(|t| t.why.contains("Полис"))
        .collect();
    assert_eq!(
        reminders.len(),
        1,
        "{:?}",
        reminders.iter().map(|t| &t.date).collect::<Vec<_>>()
    );
    let why = &reminders[0].why;
    assert!(
        why.contains("Полис 0; Полис 1; Полис 2 и ещё сроков в тот день: 2"),
        "{why}"
    );
}
