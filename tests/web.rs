//! The wasm boundary in headless Chromium: every export, the error objects,
//! a forced panic and a 1,000-client batch.
//!
//! Run with `npm test`, or directly:
//! `CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown --test web`
//! (the runner and the browser flags are in `.cargo/config.toml` and
//! `webdriver.json`).
#![cfg(target_arch = "wasm32")]

use js_sys::{Array, Reflect, JSON};
use touchplan::wasm::{
    force_panic, plan_js, plan_many_js, reason_catalog_js, to_csv_js, to_ics_js, version_js,
};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const TYPICAL: &str =
    r#"{"today":"2026-11-24","client":{"id":"c1","orders":[{"date":"2026-10-01"}]}}"#;

fn js(json: &str) -> JsValue {
    JSON::parse(json).expect("test JSON parses")
}

fn get(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &JsValue::from_str(key)).expect("object")
}

fn string(v: &JsValue, key: &str) -> String {
    get(v, key)
        .as_string()
        .unwrap_or_else(|| panic!("{key} is a string"))
}

fn array(v: &JsValue, key: &str) -> Array {
    let value = get(v, key);
    assert!(Array::is_array(&value), "{key} is an array");
    Array::from(&value)
}

fn is_iso_date(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
}

/// Checks the shape CONTRACT.md promises for a plan of `client_id`.
fn assert_plan(plan: &JsValue, client_id: &str, today: &str) {
    assert_eq!(string(plan, "clientId"), client_id);
    let horizon = get(plan, "horizon");
    assert_eq!(string(&horizon, "from"), today);
    assert!(is_iso_date(&string(&horizon, "to")));
    let touches = array(plan, "touches");
    assert!(touches.length() > 0, "a client with an order gets touches");
    let dates: Vec<String> = touches.iter().map(|t| string(&t, "date")).collect();
    assert!(dates.iter().all(|d| is_iso_date(d)), "{dates:?}");
    assert!(dates.windows(2).all(|w| w[0] <= w[1]), "sorted: {dates:?}");
    assert!(dates.iter().all(|d| d.as_str() >= today), "{dates:?}");
    for t in touches.iter() {
        assert!(!string(&t, "kind").is_empty());
        assert!(!string(&t, "channel").is_empty());
        assert!(get(&t, "automated").as_bool().is_some());
        assert!(string(&t, "rule").starts_with('R'));
        assert!(!string(&t, "why").is_empty());
        let reasons = array(&t, "reasons");
        assert!(reasons.length() >= 1);
        let first = reasons.get(0);
        assert!(!string(&first, "code").is_empty());
        assert!(!string(&first, "title").is_empty());
        assert!(get(&first, "score").as_f64().is_some());
    }
    let summary = get(plan, "summary");
    assert_eq!(
        get(&summary, "total").as_f64(),
        Some(f64::from(touches.length()))
    );
    assert!(get(&summary, "byKind").is_object());
    assert!(Array::is_array(&get(&summary, "byMonth")));
    assert!(get(&summary, "perCycle").is_object());
    // JSON-compatible output: absent ratios are null, never undefined.
    assert!(Reflect::has(&summary, &"standardToMandatory".into()).unwrap());
    assert!(Array::is_array(&get(plan, "warnings")));
}

/// Checks a thrown value is a real `Error` named `TouchPlanError` whose
/// `code`, `path` and `message` are those of `errors[0]`.
fn assert_touchplan_error(thrown: &JsValue) -> Array {
    let error = thrown
        .dyn_ref::<js_sys::Error>()
        .expect("thrown value is an Error");
    assert_eq!(String::from(error.name()), "TouchPlanError");
    let errors = array(thrown, "errors");
    assert!(errors.length() >= 1);
    let first = errors.get(0);
    assert_eq!(string(thrown, "code"), string(&first, "code"));
    assert_eq!(string(thrown, "path"), string(&first, "path"));
    assert_eq!(String::from(error.message()), string(&first, "message"));
    assert!(!String::from(error.message()).is_empty());
    errors
}

fn has_error(errors: &Array, code: &str, path: &str) -> bool {
    errors
        .iter()
        .any(|e| string(&e, "code") == code && string(&e, "path") == path)
}

#[wasm_bindgen_test]
fn version_is_the_crate_version() {
    assert_eq!(version_js(), env!("CARGO_PKG_VERSION"));
}

#[wasm_bindgen_test]
fn plan_returns_a_plan_as_plain_objects() {
    let plan = plan_js(js(TYPICAL)).expect("typical input plans");
    assert_plan(&plan, "c1", "2026-11-24");
    // Plain objects, not Maps: JSON.stringify sees every field.
    let text = String::from(JSON::stringify(&plan).unwrap());
    assert!(text.contains("\"touches\":[{"), "{text}");
}

#[wasm_bindgen_test]
fn plan_is_a_pure_function() {
    let a = JSON::stringify(&plan_js(js(TYPICAL)).unwrap()).unwrap();
    let b = JSON::stringify(&plan_js(js(TYPICAL)).unwrap()).unwrap();
    assert_eq!(String::from(a), String::from(b));
}

#[wasm_bindgen_test]
fn plan_throws_every_problem_at_once() {
    let thrown =
        plan_js(js(r#"{"today":"2026-13-45","client":{}}"#)).expect_err("bad input is rejected");
    let errors = assert_touchplan_error(&thrown);
    assert!(has_error(&errors, "invalid_date", "today"), "{errors:?}");
    assert!(
        has_error(&errors, "missing_field", "client.id"),
        "{errors:?}"
    );
}

#[wasm_bindgen_test]
fn plan_rejects_non_objects_with_a_touchplan_error() {
    for input in [JsValue::UNDEFINED, JsValue::NULL, JsValue::from(42)] {
        let thrown = plan_js(input).expect_err("not an input");
        assert_touchplan_error(&thrown);
    }
}

#[wasm_bindgen_test]
fn plan_many_fails_each_bad_input_alone() {
    let inputs = js(&format!(
        r#"[{TYPICAL}, {{"today":"2026-11-24","client":{{"id":"c2","orders":[{{"date":"nope"}}]}}}}, {TYPICAL}]"#
    ));
    let out = plan_many_js(inputs).expect("an array plans");
    assert_eq!(out.length(), 3);
    assert_plan(&out.get(0), "c1", "2026-11-24");
    assert_plan(&out.get(2), "c1", "2026-11-24");
    let bad = out.get(1);
    assert!(!Reflect::has(&bad, &"touches".into()).unwrap());
    let errors = assert_touchplan_error(&get(&bad, "error"));
    assert!(has_error(&errors, "invalid_date", "client.orders[0].date"));
}

#[wasm_bindgen_test]
fn plan_many_needs_an_array() {
    let thrown = plan_many_js(js(TYPICAL)).expect_err("an object is not a batch");
    assert_eq!(string(&thrown, "code"), "invalid_type");
    assert_touchplan_error(&thrown);
}

#[wasm_bindgen_test]
fn plan_many_plans_a_thousand_clients() {
    let inputs = Array::new();
    for i in 0..1000 {
        let month = 1 + i % 12;
        let day = 1 + i % 28;
        inputs.push(&js(&format!(
            r#"{{"today":"2026-11-24","locale":"{}","client":{{"id":"client-{i}",
                "segment":"{}","orders":[{{"date":"2026-{month:02}-{day:02}","amount":{}}}]}}}}"#,
            if i % 2 == 0 { "ru" } else { "en" },
            ["A+", "A", "B", "C", "D"][i % 5],
            1000 + i * 10,
        )));
    }
    let out = plan_many_js(inputs.into()).expect("a batch plans");
    assert_eq!(out.length(), 1000);
    for (i, plan) in out.iter().enumerate() {
        assert!(
            !Reflect::has(&plan, &"error".into()).unwrap(),
            "client {i}: {:?}",
            JSON::stringify(&plan)
        );
        assert_plan(&plan, &format!("client-{i}"), "2026-11-24");
    }
}

#[wasm_bindgen_test]
fn reason_catalog_in_both_locales() {
    let ru = Array::from(&reason_catalog_js(None).unwrap());
    let en = Array::from(&reason_catalog_js(Some("en".into())).unwrap());
    assert!(ru.length() > 0);
    assert_eq!(ru.length(), en.length());
    let explicit_ru = reason_catalog_js(Some("ru".into())).unwrap();
    assert_eq!(
        String::from(JSON::stringify(&explicit_ru).unwrap()),
        String::from(JSON::stringify(&ru).unwrap()),
        "Russian is the default"
    );
    for (r, e) in ru.iter().zip(en.iter()) {
        assert_eq!(string(&r, "code"), string(&e, "code"));
        assert!(["mandatory", "standard", "lifecycle"].contains(&string(&r, "kind").as_str()));
        assert!(!string(&r, "title").is_empty());
        assert!(!string(&r, "hint").is_empty());
        assert!(Array::is_array(&get(&r, "roles")));
    }
    assert!(ru
        .iter()
        .zip(en.iter())
        .any(|(r, e)| string(&r, "title") != string(&e, "title")));
}

#[wasm_bindgen_test]
fn reason_catalog_rejects_an_unknown_locale() {
    let thrown = reason_catalog_js(Some("de".into())).expect_err("no German");
    assert_touchplan_error(&thrown);
    assert_eq!(string(&thrown, "code"), "unknown_value");
    assert_eq!(string(&thrown, "path"), "locale");
}

#[wasm_bindgen_test]
fn to_ics_has_one_event_per_touch() {
    let plan = plan_js(js(TYPICAL)).unwrap();
    let touches = array(&plan, "touches").length() as usize;
    let ics = to_ics_js(plan.clone(), None).unwrap();
    assert!(ics.starts_with("BEGIN:VCALENDAR\r\n"));
    assert!(ics.ends_with("END:VCALENDAR\r\n"));
    assert_eq!(ics.matches("BEGIN:VEVENT\r\n").count(), touches);
    assert!(ics.contains("DTSTAMP:20261124T000000Z\r\n"));
    let named = to_ics_js(plan, Some(js(r#"{"calendarName":"Клиенты А"}"#))).unwrap();
    assert!(named.contains("X-WR-CALNAME:Клиенты А\r\n"));
}

#[wasm_bindgen_test]
fn to_csv_has_a_header_and_one_row_per_touch() {
    let plan = plan_js(js(TYPICAL)).unwrap();
    let touches = array(&plan, "touches").length() as usize;
    let csv = to_csv_js(plan, None).unwrap();
    assert!(csv.starts_with("Клиент,Дата,Вид касания,"));
    assert!(csv.contains(",client_id,date,kind,"));
    let excel = to_csv_js(
        plan_js(js(TYPICAL)).unwrap(),
        Some(js(r#"{"separator":";","bom":true}"#)),
    )
    .unwrap();
    assert!(excel.starts_with("\u{feff}Клиент;Дата;Вид касания;"));
    // Texts hold no line breaks here, so rows are lines.
    assert_eq!(csv.matches("\r\n").count(), touches + 1);
}

#[wasm_bindgen_test]
fn exports_reject_what_is_not_a_plan() {
    for thrown in [
        to_ics_js(js(r#"{"touches":3}"#), None).unwrap_err(),
        to_csv_js(JsValue::NULL, None).unwrap_err(),
    ] {
        assert_touchplan_error(&thrown);
        assert_eq!(string(&thrown, "code"), "invalid_type");
        assert_eq!(string(&thrown, "path"), "plan");
    }
}

#[wasm_bindgen(inline_js = r#"
export function callCatching(f) {
    try { f(); return null; } catch (e) { return e; }
}
export function spyConsoleError() {
    const seen = [];
    const original = console.error;
    console.error = (...args) => { seen.push(args.join(" ")); original.apply(console, args); };
    return () => { console.error = original; return seen.join("\n"); };
}
"#)]
extern "C" {
    #[wasm_bindgen(js_name = callCatching)]
    fn call_catching(f: &Closure<dyn FnMut()>) -> JsValue;
    #[wasm_bindgen(js_name = spyConsoleError)]
    fn spy_console_error() -> js_sys::Function;
}

/// A panic is reported through `console.error` and traps the instance with
/// a `WebAssembly.RuntimeError`; recovery by re-instantiation is the JS
/// wrapper's job, tested in tests/node and tests/e2e/.
#[wasm_bindgen_test]
fn forced_panic_reports_and_traps() {
    let stop_spying = spy_console_error();
    let closure = Closure::<dyn FnMut()>::new(force_panic);
    let thrown = call_catching(&closure);
    let logged = stop_spying.call0(&JsValue::NULL).unwrap().as_string();
    // The closure's borrow flag is poisoned by the trap: never drop it.
    std::mem::forget(closure);
    assert!(
        thrown.is_instance_of::<js_sys::WebAssembly::RuntimeError>(),
        "{thrown:?}"
    );
    let logged = logged.unwrap_or_default();
    assert!(logged.contains("forced panic (test only)"), "{logged}");
}
