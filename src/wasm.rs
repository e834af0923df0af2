//! The JavaScript boundary: the only file with `#[wasm_bindgen]`.
//!
//! It converts values and errors and holds no planning logic. Inputs arrive
//! as JS objects and become `serde_json::Value`s for the engine (through
//! serde-wasm-bindgen); plans leave as plain JS objects made by `JSON.parse`
//! from the plan's JSON (maps are objects, `None` is `null` or absent as the
//! contract says). Errors are thrown as real `Error` objects named
//! `TouchPlanError` with `code`, `path`, `message` and
//! `errors[]` (every problem of the input).
//!
//! A panic is a bug: the hook reports it with `console.error`, then the
//! instance traps (`unreachable`, since the release build aborts on panic)
//! and is poisoned. `www/api.js` detects that and re-instantiates it.

use js_sys::{Array, Reflect};
use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::engine::error::{InputError, InputErrors};
use crate::engine::model::{Locale, Text};
use crate::engine::output::Plan;

// The contract's types for pkg/touchplan.d.ts.
#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = include_str!("types.d.ts");

/// `planMany` refuses batches larger than this (CONTRACT.md "Limits").
const MAX_BATCH: u32 = 100_000;

/// Plans one client (CONTRACT.md `plan(input)`).
///
/// # Errors
/// Throws a `TouchPlanError` listing every problem of the input.
#[wasm_bindgen(js_name = plan, unchecked_return_type = "Plan")]
pub fn plan_js(
    #[wasm_bindgen(unchecked_param_type = "PlanInput")] input: JsValue,
) -> Result<JsValue, JsValue> {
    install_panic_hook();
    let input = input_value(&input).map_err(|e| error_object(&e))?;
    match crate::plan(&input) {
        Ok(plan) => to_js(&plan),
        Err(errors) => Err(error_object(&errors)),
    }
}

/// Plans each input independently: a bad input yields `{ error }` in its
/// place and the others still plan.
///
/// # Errors
/// Throws a `TouchPlanError` when `inputs` is not an array or is longer
/// than 100,000.
#[wasm_bindgen(
    js_name = planMany,
    unchecked_return_type = "(Plan | { error: TouchPlanError })[]"
)]
pub fn plan_many_js(
    #[wasm_bindgen(unchecked_param_type = "PlanInput[]")] inputs: JsValue,
) -> Result<Array, JsValue> {
    install_panic_hook();
    let locale = Locale::default();
    if !Array::is_array(&inputs) {
        return Err(error_object(&single(
            "invalid_type",
            "",
            EXPECTED_ARRAY.get(locale),
        )));
    }
    let inputs = Array::from(&inputs);
    if inputs.length() > MAX_BATCH {
        return Err(error_object(&single("too_many", "", TOO_MANY.get(locale))));
    }
    let out = Array::new_with_length(inputs.length());
    for (i, input) in inputs.iter().enumerate() {
        let planned = input_value(&input).and_then(|v| crate::plan(&v));
        let item = match planned {
            Ok(plan) => to_js(&plan)?,
            Err(errors) => {
                let wrapper = js_sys::Object::new();
                set(&wrapper, "error", &error_object(&errors));
                wrapper.into()
            }
        };
        out.set(i as u32, item);
    }
    Ok(out)
}

/// The reasons catalog in `locale` ("ru" by default).
///
/// # Errors
/// Throws a `TouchPlanError` (`unknown_value`, path `locale`) for a locale
/// other than "ru" or "en".
#[wasm_bindgen(js_name = reasonCatalog, unchecked_return_type = "Reason[]")]
pub fn reason_catalog_js(
    #[wasm_bindgen(unchecked_optional_param_type = "Locale")] locale: Option<String>,
) -> Result<JsValue, JsValue> {
    install_panic_hook();
    let locale = match locale.as_deref() {
        None => Locale::default(),
        Some(s) => Locale::parse(s).ok_or_else(|| {
            error_object(&single(
                "unknown_value",
                "locale",
                UNKNOWN_LOCALE.get(Locale::default()),
            ))
        })?,
    };
    to_js(&crate::reason_catalog(locale))
}

/// Every policy setting with its default, as the object `settings` accepts
/// (see [`crate::default_settings`]).
#[wasm_bindgen(js_name = defaultSettings, unchecked_return_type = "Settings")]
pub fn default_settings_js() -> Result<JsValue, JsValue> {
    install_panic_hook();
    to_js(&crate::default_settings())
}

/// The plan as an iCalendar file (RFC 5545), see [`crate::to_ics`].
///
/// # Errors
/// Throws a `TouchPlanError` (`invalid_type`, path `plan`) when `plan` is
/// not a plan.
#[wasm_bindgen(js_name = toIcs)]
pub fn to_ics_js(
    #[wasm_bindgen(unchecked_param_type = "Plan")] plan: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "{ calendarName?: string }")] opts: Option<
        JsValue,
    >,
) -> Result<String, JsValue> {
    install_panic_hook();
    let plan = plan_value(&plan)?;
    let name = opts
        .filter(JsValue::is_object)
        .and_then(|o| Reflect::get(&o, &JsValue::from_str("calendarName")).ok())
        .and_then(|v| v.as_string());
    Ok(crate::to_ics(&plan, name.as_deref()))
}

/// The plan as CSV (RFC 4180), see [`crate::to_csv`].
///
/// # Errors
/// Throws a `TouchPlanError` (`invalid_type`, path `plan`) when `plan` is
/// not a plan.
#[wasm_bindgen(js_name = toCsv)]
pub fn to_csv_js(
    #[wasm_bindgen(unchecked_param_type = "Plan")] plan: JsValue,
) -> Result<String, JsValue> {
    install_panic_hook();
    let plan = plan_value(&plan)?;
    Ok(crate::to_csv(&plan))
}

/// The engine's version, e.g. "0.1.0".
#[wasm_bindgen(js_name = version)]
pub fn version_js() -> String {
    crate::VERSION.to_string()
}

/// Test only: panics, so that tests can check the panic report and the
/// wrapper's recovery. Not part of the public API.
#[doc(hidden)]
#[wasm_bindgen(js_name = __forcePanic)]
pub fn force_panic() {
    install_panic_hook();
    panic!("touchplan: forced panic (test only)");
}

fn install_panic_hook() {
    console_error_panic_hook::set_once();
}

/// A JS input as the engine's JSON value. Non-JSON values (functions,
/// symbols, BigInts) are an `invalid_type` error at the root.
fn input_value(input: &JsValue) -> Result<serde_json::Value, InputErrors> {
    serde_wasm_bindgen::from_value(input.clone()).map_err(|e| {
        single(
            "invalid_type",
            "",
            &format!("{}: {e}", EXPECTED_OBJECT.get(Locale::default())),
        )
    })
}

/// A plan handed back by JS (for the exports), in the plan's own locale.
fn plan_value(plan: &JsValue) -> Result<Plan, JsValue> {
    serde_wasm_bindgen::from_value(plan.clone()).map_err(|e| {
        let locale = Reflect::get(plan, &JsValue::from_str("locale"))
            .ok()
            .and_then(|v| v.as_string())
            .and_then(|s| Locale::parse(&s))
            .unwrap_or_default();
        error_object(&single(
            "invalid_type",
            "plan",
            &format!("{}: {e}", EXPECTED_PLAN.get(locale)),
        ))
    })
}

/// A value as plain JS objects, through a JSON text: `serde_json` in wasm,
/// then the engine's native `JSON.parse`. Measured faster than building the
/// objects field by field with serde-wasm-bindgen (BENCH.md: 17% on one
/// plan, 7% on a batch), because a plan carries thousands of short strings
/// and each one crossing on its own pays a `TextDecoder` call.
fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    let text = serde_json::to_string(value).map_err(|e| JsValue::from_str(&e.to_string()))?;
    js_sys::JSON::parse(&text)
}

fn single(code: &str, path: &str, message: &str) -> InputErrors {
    InputErrors {
        errors: vec![InputError {
            code: code.into(),
            path: path.into(),
            message: message.into(),
        }],
    }
}

/// A JS `Error` named `TouchPlanError` carrying the first problem's code,
/// path and message, and every problem in `errors`.
fn error_object(errors: &InputErrors) -> JsValue {
    let first = errors.errors.first();
    let message = first.map_or("", |e| e.message.as_str());
    let error = js_sys::Error::new(message);
    error.set_name("TouchPlanError");
    set(
        &error,
        "code",
        &first.map_or("internal", |e| &e.code).into(),
    );
    set(&error, "path", &first.map_or("", |e| &e.path).into());
    let all = Array::new();
    for e in &errors.errors {
        let item = js_sys::Object::new();
        set(&item, "code", &e.code.as_str().into());
        set(&item, "path", &e.path.as_str().into());
        set(&item, "message", &e.message.as_str().into());
        all.push(&item);
    }
    set(&error, "errors", &all);
    error.into()
}

fn set(target: &JsValue, key: &str, value: &JsValue) {
    // Setting a property on a fresh, unfrozen object cannot fail.
    let _ = Reflect::set(target, &JsValue::from_str(key), value);
}

// Messages of the errors found at the boundary itself.
const EXPECTED_ARRAY: Text = Text {
    ru: "ожидается массив входных данных",
    en: "expected an array of inputs",
};
const TOO_MANY: Text = Text {
    ru: "не более 100 000 входных данных за один вызов",
    en: "at most 100,000 inputs in one call",
};
const UNKNOWN_LOCALE: Text = Text {
    ru: "ожидается \"ru\" или \"en\"",
    en: "expected \"ru\" or \"en\"",
};
const EXPECTED_OBJECT: Text = Text {
    ru: "ожидается объект PlanInput",
    en: "expected a PlanInput object",
};
const EXPECTED_PLAN: Text = Text {
    ru: "ожидается план, который вернул plan()",
    en: "expected a plan returned by plan()",
};
