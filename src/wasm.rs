//! The JavaScript boundary: the only file with `#[wasm_bindgen]`.
//!
//! It converts values and errors and holds no planning logic. Inputs arrive
//! as JS objects and become `serde_json::Value`s for the engine through
//! [`JsonReader`], which accepts JSON data only (no NaN, BigInt, function,
//! Set, …), each refusal an error at its path in the input's locale; it
//! recurses at most [`MAX_DEPTH`] levels and calls into JS only through
//! imports that catch exceptions, so a throwing getter or a revoked Proxy
//! is an error, not a leak of the wasm stack. Plans leave as plain JS
//! objects made by `JSON.parse`
//! from the plan's JSON (maps are objects, `None` is `null` or absent as the
//! contract says). Errors are thrown as real `Error` objects named
//! `TouchPlanError` with `code`, `path`, `message` and
//! `errors[]` (every problem of the input).
//!
//! A panic is a bug: the hook reports it with `console.error`, then the
//! instance traps (`unreachable`, since the release build aborts on panic)
//! and is poisoned. `www/api.js` detects that and re-instantiates it.

// Built in three parts (scripts/build.sh): feature `plan` alone gives the
// wasm that plans (what the first plan needs), `export` alone the one with
// `toIcs` and `toCsv`, and `book` alone the one with `planBook` (which
// plans each client itself, then levels); `pkg/touchplan.js` loads the
// other two beside the first. Natively and in the wasm tests all are on.
// Helpers one part does not use are left out of it by the linker.
#![cfg_attr(
    not(all(feature = "plan", feature = "export", feature = "book")),
    allow(dead_code, unused_imports)
)]

use js_sys::{Array, JsString, Reflect};
use serde::Serialize;
use serde_json::{Map, Number, Value};
use wasm_bindgen::prelude::*;

use crate::engine::error::{InputError, InputErrors};
use crate::engine::model::{Locale, Text};
use crate::engine::output::Plan;
use crate::engine::texts;

#[cfg(feature = "plan")]
// The contract's types for pkg/touchplan.d.ts.
#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = include_str!("types.d.ts");

/// `planMany` refuses batches larger than this (CONTRACT.md "Limits"): it
/// holds every plan at once, about 120 KB of JS heap each for an
/// example-sized client, and Chromium's heap ends near 4 GB (BENCH.md).
/// `planEach` (www/api.js) has no limit.
const MAX_BATCH: u32 = crate::engine::input::limits::MAX_PLAN_MANY as u32;

#[cfg(feature = "plan")]
/// Plans one client (CONTRACT.md `plan(input)`).
///
/// # Errors
/// Throws a `TouchPlanError` listing every problem of the input.
#[wasm_bindgen(js_name = plan, unchecked_return_type = "Plan")]
pub fn plan_js(
    #[wasm_bindgen(unchecked_param_type = "PlanInput")] input: JsValue,
) -> Result<JsValue, JsValue> {
    install_panic_hook();
    match plan_one(&input) {
        Ok(plan) => to_js(&plan),
        Err(errors) => Err(error_object(&errors)),
    }
}

#[cfg(feature = "plan")]
/// Plans one client from its JSON text, for `www/api.js`: it writes a
/// plain-data input as JSON in one pass (far cheaper than reading it value
/// by value through the boundary, BENCH.md) and calls `plan` instead
/// whenever this refuses anything, so that every refusal is still worded
/// by [`JsonReader`] and the engine. Not part of the public API.
///
/// # Errors
/// Throws a `TouchPlanError` listing the problems (`invalid_json` for a
/// text that is not JSON).
#[doc(hidden)]
#[wasm_bindgen(js_name = __planJson, unchecked_return_type = "Plan")]
pub fn plan_json_js(text: &str) -> Result<JsValue, JsValue> {
    install_panic_hook();
    match crate::plan_json(text) {
        Ok(plan) => to_js(&plan),
        Err(errors) => Err(error_object(&errors)),
    }
}

#[cfg(feature = "book")]
/// Plans a manager's book (CONTRACT.md `planBook(input)`, DOMAIN.md R16):
/// each client as `plan` plans it, then each manager's days levelled; a
/// client whose input is bad fails alone, in its entry (`errors`).
///
/// # Errors
/// Throws a `TouchPlanError` when the shared part (`today`, `company`,
/// `settings`, …) or the `clients` list is bad, or a value is not JSON data.
#[wasm_bindgen(js_name = planBook, unchecked_return_type = "Book")]
pub fn plan_book_js(
    #[wasm_bindgen(unchecked_param_type = "BookInput")] input: JsValue,
) -> Result<JsValue, JsValue> {
    install_panic_hook();
    let (value, refused) = JsonReader::read_book(&input);
    if !refused.is_empty() {
        return Err(error_object(&InputErrors { errors: refused }));
    }
    match crate::plan_book(&value) {
        Ok(book) => to_js(&book.compact()),
        Err(errors) => Err(error_object(&errors)),
    }
}

#[cfg(feature = "book")]
/// Plans a book from its JSON text, for `www/api.js` (as `__planJson`).
/// Not part of the public API.
///
/// # Errors
/// As `planBook`, plus `invalid_json`.
#[doc(hidden)]
#[wasm_bindgen(js_name = __planBookJson, unchecked_return_type = "Book")]
pub fn plan_book_json_js(text: &str) -> Result<JsValue, JsValue> {
    install_panic_hook();
    match crate::plan_book_json(text) {
        Ok(book) => to_js(&book.compact()),
        Err(errors) => Err(error_object(&errors)),
    }
}

#[cfg(feature = "plan")]
/// The refusal of an input past the whole input's limits, in `locale`
/// ("ru" by default), for `www/api.js`: it counts values and text as the
/// reader does while writing the JSON text, and once past the limits with
/// nothing else refused, this is the one error the reader would give,
/// without reading 200,000 values through the boundary first. Not part of
/// the public API.
///
/// # Errors
/// Always: the `TouchPlanError` (`too_many`, path "").
#[doc(hidden)]
#[wasm_bindgen(js_name = __tooLarge)]
pub fn too_large_js(locale: Option<String>) -> Result<(), JsValue> {
    let locale = locale
        .as_deref()
        .and_then(Locale::parse)
        .unwrap_or_default();
    Err(error_object(&single("too_many", "", &too_large(locale))))
}

#[cfg(feature = "plan")]
/// One input through the reader and the engine. The reader's refusals come
/// first; the engine's errors are kept where no refusal already names the
/// field (or a field above it), so every problem is reported once.
fn plan_one(input: &JsValue) -> Result<Plan, InputErrors> {
    let (value, refused) = JsonReader::read_input(input);
    if refused.is_empty() {
        return crate::plan(&value);
    }
    // A refusal of the whole input covers whatever the engine would add.
    if refused.iter().any(|r| r.path.is_empty()) {
        return Err(InputErrors { errors: refused });
    }
    // Refused: no plan, but every other problem of the input still counts.
    match crate::engine::input::validate(&value) {
        Ok(_) => Err(InputErrors { errors: refused }),
        Err(engine) => {
            let mut errors = refused;
            let kept: Vec<InputError> = engine
                .errors
                .into_iter()
                .filter(|e| !errors.iter().any(|r| covers(&r.path, &e.path)))
                .collect();
            errors.extend(kept);
            Err(InputErrors { errors })
        }
    }
}

#[cfg(feature = "plan")]
/// True when `path` is `above` or a field inside it.
fn covers(above: &str, path: &str) -> bool {
    above.is_empty()
        || path == above
        || path
            .strip_prefix(above)
            .is_some_and(|rest| rest.starts_with('.') || rest.starts_with('['))
}

#[cfg(feature = "plan")]
/// Plans each input independently: a bad input yields `{ error }` in its
/// place and the others still plan.
///
/// # Errors
/// Throws a `TouchPlanError` when `inputs` is not an array or is longer
/// than 20,000.
#[wasm_bindgen(
    js_name = planMany,
    unchecked_return_type = "(Plan | { error: TouchPlanError })[]"
)]
pub fn plan_many_js(
    #[wasm_bindgen(unchecked_param_type = "PlanInput[]")] inputs: JsValue,
) -> Result<Array, JsValue> {
    install_panic_hook();
    let locale = Locale::default();
    // Through catching imports: `inputs` may be a revoked Proxy.
    let length = match try_is_array(&inputs) {
        Ok(true) => Reflect::get(&inputs, &JsValue::from_str("length"))
            .ok()
            .and_then(|n| n.as_f64()),
        _ => None,
    };
    let Some(length) = length else {
        return Err(error_object(&single(
            "invalid_type",
            "",
            EXPECTED_ARRAY.get(locale),
        )));
    };
    if length > f64::from(MAX_BATCH) {
        return Err(error_object(&single("too_many", "", TOO_MANY.get(locale))));
    }
    let length = length as u32;
    let out = Array::new_with_length(length);
    for i in 0..length {
        let planned = match Reflect::get_u32(&inputs, i) {
            Ok(input) => plan_one(&input),
            Err(e) => Err(single("invalid_type", "", &unreadable(locale, &e))),
        };
        let item = match planned {
            Ok(plan) => to_js(&plan)?,
            Err(errors) => {
                let wrapper = js_sys::Object::new();
                set(&wrapper, "error", &error_object(&errors));
                wrapper.into()
            }
        };
        out.set(i, item);
    }
    Ok(out)
}

#[cfg(feature = "plan")]
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

#[cfg(feature = "plan")]
/// Every policy setting with its default, as the object `settings` accepts
/// (see [`crate::default_settings`]).
#[wasm_bindgen(js_name = defaultSettings, unchecked_return_type = "Settings")]
pub fn default_settings_js() -> Result<JsValue, JsValue> {
    install_panic_hook();
    to_js(&crate::default_settings())
}

#[cfg(feature = "export")]
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

#[cfg(feature = "export")]
/// The plan as CSV (RFC 4180), see [`crate::to_csv_with`]. `opts.separator`
/// is `","` (default), `";"` or a tab; `opts.bom: true` starts the file with
/// a UTF-8 byte-order mark. `{ separator: ";", bom: true }` is what a
/// spreadsheet with a Russian locale opens as columns.
///
/// # Errors
/// Throws a `TouchPlanError`: `invalid_type`, path `plan`, when `plan` is
/// not a plan; `unknown_value`, path `opts.separator`, for another
/// separator; `invalid_type`, path `opts.bom`, when `bom` is not a boolean.
#[wasm_bindgen(js_name = toCsv)]
pub fn to_csv_js(
    #[wasm_bindgen(unchecked_param_type = "Plan")] plan: JsValue,
    #[wasm_bindgen(
        unchecked_optional_param_type = "{ separator?: \",\" | \";\" | \"\\t\"; bom?: boolean }"
    )]
    opts: Option<JsValue>,
) -> Result<String, JsValue> {
    install_panic_hook();
    let plan = plan_value(&plan)?;
    let locale = Locale::parse(&plan.locale).unwrap_or_default();
    let mut options = crate::CsvOptions::default();
    if let Some(o) = opts.filter(JsValue::is_object) {
        let field = |name: &str| {
            Reflect::get(&o, &JsValue::from_str(name))
                .ok()
                .filter(|v| !v.is_undefined())
        };
        if let Some(v) = field("separator") {
            let sep = v.as_string().and_then(|s| {
                let mut chars = s.chars();
                chars.next().filter(|_| chars.next().is_none())
            });
            options.separator = sep
                .filter(|c| crate::CsvOptions::SEPARATORS.contains(c))
                .ok_or_else(|| {
                    error_object(&single(
                        "unknown_value",
                        "opts.separator",
                        BAD_SEPARATOR.get(locale),
                    ))
                })?;
        }
        if let Some(v) = field("bom") {
            options.bom = v.as_bool().ok_or_else(|| {
                error_object(&single("invalid_type", "opts.bom", BAD_BOM.get(locale)))
            })?;
        }
    }
    Ok(crate::to_csv_with(&plan, options))
}

#[cfg(feature = "plan")]
/// The engine's version, e.g. "0.1.0".
#[wasm_bindgen(js_name = version)]
pub fn version_js() -> String {
    crate::VERSION.to_string()
}

#[cfg(feature = "plan")]
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

#[cfg(feature = "export")]
/// A plan handed back by JS (for the exports), in the plan's own locale.
fn plan_value(plan: &JsValue) -> Result<Plan, JsValue> {
    let locale = Reflect::get(plan, &JsValue::from_str("locale"))
        .ok()
        .and_then(|v| v.as_string())
        .and_then(|s| Locale::parse(&s))
        .unwrap_or_default();
    let (value, refused) = JsonReader::read(plan, locale);
    let parsed = if refused.is_empty() {
        serde_json::from_value(value).map_err(|e| e.to_string())
    } else {
        Err(refused[0].message.clone())
    };
    parsed.map_err(|e| {
        error_object(&single(
            "invalid_type",
            "plan",
            &format!("{}: {e}", EXPECTED_PLAN.get(locale)),
        ))
    })
}

/// How deep a JS value may nest: `PlanInput` needs 5 levels
/// (`company.contentPlan[0].categories[0]`); unknown fields get room to
/// spare, but never enough to exhaust the stack.
pub const MAX_DEPTH: usize = 64;
/// Values read from one input at most: the engine's limit on the whole
/// input (CONTRACT.md "Limits"), so that a larger one is refused unread.
const MAX_VALUES: usize = crate::engine::input::limits::MAX_VALUES;
/// Its limit on text, in characters: a character is one or two UTF-16
/// units, so reading stops only past twice as many units, where the text
/// is surely too long (and the engine says so for anything between).
const MAX_CHARS: usize = crate::engine::input::limits::MAX_CHARS;
const MAX_UNITS: usize = 2 * MAX_CHARS;
/// A list longer than this is refused unread, a string longer than
/// `MAX_TEXT` undecoded: both are far beyond every contract limit.
const MAX_LIST: u32 = 100_000;
const MAX_TEXT: u32 = 100_000;
/// The largest list and string limits, named in those refusals.
const LIST_LIMIT: usize = 10_000;
const TEXT_LIMIT: usize = 1_000;

// Imports that catch what JS throws (a getter, a Proxy trap): an uncaught
// exception would unwind through wasm frames and leak the shadow stack.
#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(catch, js_namespace = Array, js_name = isArray)]
    fn try_is_array(value: &JsValue) -> Result<bool, JsValue>;
    #[wasm_bindgen(catch, js_namespace = Object, js_name = keys)]
    fn try_keys(value: &JsValue) -> Result<Array, JsValue>;
    #[wasm_bindgen(catch, js_namespace = ["Object", "prototype", "toString"], js_name = call)]
    fn try_type_tag(value: &JsValue) -> Result<JsString, JsValue>;
    #[wasm_bindgen(catch, js_namespace = ["String", "prototype", "isWellFormed"], js_name = call)]
    fn try_is_well_formed(text: &JsValue) -> Result<bool, JsValue>;
}

/// Reads a JS value as JSON data, collecting a refusal (code, path,
/// message in the locale) for every value JSON has no place for; a refused
/// value reads as `null`.
struct JsonReader {
    locale: Locale,
    errors: Vec<InputError>,
    /// The objects and arrays being read, to recognise a cycle.
    ancestors: Vec<JsValue>,
    values: usize,
    /// UTF-16 units of text read so far (strings and field names).
    units: usize,
    too_large: bool,
    /// A book (`planBook`): the whole-input limits are each client's, which
    /// the engine checks client by client; the clients list reads in full.
    book: bool,
}

impl JsonReader {
    /// A `PlanInput`, in its own `locale`.
    fn read_input(input: &JsValue) -> (Value, Vec<InputError>) {
        let locale = Self::read_input_locale(input);
        Self::read(input, locale)
    }

    /// The input's own `locale`, read leniently.
    fn read_input_locale(input: &JsValue) -> Locale {
        if input.is_object() {
            Reflect::get(input, &JsValue::from_str("locale"))
                .ok()
                .and_then(|v| v.as_string())
                .and_then(|s| Locale::parse(&s))
                .unwrap_or_default()
        } else {
            Locale::default()
        }
    }

    fn read(value: &JsValue, locale: Locale) -> (Value, Vec<InputError>) {
        Self::read_with(value, locale, false)
    }

    /// A `BookInput`, in its own `locale`, each client within its limits.
    fn read_book(input: &JsValue) -> (Value, Vec<InputError>) {
        let locale = Self::read_input_locale(input);
        Self::read_with(input, locale, true)
    }

    fn read_with(value: &JsValue, locale: Locale, book: bool) -> (Value, Vec<InputError>) {
        let mut reader = JsonReader {
            locale,
            errors: Vec::new(),
            ancestors: Vec::new(),
            values: 0,
            units: 0,
            too_large: false,
            book,
        };
        let value = reader.value(value, "");
        (value, reader.errors)
    }

    fn refuse(&mut self, code: &str, path: &str, message: String) -> Value {
        self.errors.push(InputError {
            code: code.into(),
            path: path.into(),
            message,
        });
        Value::Null
    }

    fn not_json(&mut self, path: &str, what: &str) -> Value {
        let m = NOT_JSON.get(self.locale).replace("{0}", what);
        self.refuse("invalid_type", path, m)
    }

    /// The whole input is past its size limits: refused once, as a whole,
    /// and nothing more is read.
    fn oversize(&mut self) -> Value {
        if !self.too_large {
            self.too_large = true;
            let m = too_large(self.locale);
            self.refuse("too_many", "", m);
        }
        Value::Null
    }

    fn value(&mut self, v: &JsValue, path: &str) -> Value {
        self.values += 1;
        if self.too_large || (!self.book && self.values > MAX_VALUES) {
            return self.oversize();
        }
        if v.is_null() || v.is_undefined() {
            Value::Null
        } else if let Some(b) = v.as_bool() {
            Value::Bool(b)
        } else if let Some(n) = v.as_f64() {
            self.number(n, path)
        } else if v.is_string() {
            self.string(v, path)
        } else if v.is_bigint() {
            self.not_json(path, KIND_BIGINT.get(self.locale))
        } else if v.is_symbol() {
            self.not_json(path, KIND_SYMBOL.get(self.locale))
        } else if v.is_function() {
            self.not_json(path, KIND_FUNCTION.get(self.locale))
        } else {
            self.container(v, path)
        }
    }

    fn number(&mut self, n: f64, path: &str) -> Value {
        if !n.is_finite() {
            let shown = if n.is_nan() {
                "NaN"
            } else if n > 0.0 {
                "Infinity"
            } else {
                "-Infinity"
            };
            let m = NOT_FINITE.get(self.locale).replace("{0}", shown);
            return self.refuse("out_of_range", path, m);
        }
        // Integers stay integers (`12`, not `12.0`) as JSON.parse would give.
        if n.fract() == 0.0 && n.abs() <= 9_007_199_254_740_992.0 {
            Value::Number(Number::from(n as i64))
        } else {
            Number::from_f64(n).map_or(Value::Null, Value::Number)
        }
    }

    fn string(&mut self, v: &JsValue, path: &str) -> Value {
        let js: &JsString = v.unchecked_ref();
        let units = js.length();
        if units > MAX_TEXT {
            let m = texts::message(
                self.locale,
                texts::Msg::TooLong,
                &[&TEXT_LIMIT.to_string(), &units.to_string()],
            );
            return self.refuse("too_long", path, m);
        }
        self.units += units as usize;
        if !self.book && self.units > MAX_UNITS {
            return self.oversize();
        }
        let s = v.as_string().unwrap_or_default();
        // Decoding replaces a lone surrogate with U+FFFD; a name would then
        // no longer match the CRM's, so such text is refused, never altered.
        // (isWellFormed is missing before Firefox 119: ask unit by unit.)
        if s.contains('\u{FFFD}') && !try_is_well_formed(v).unwrap_or_else(|_| js.is_valid_utf16())
        {
            let m = LONE_SURROGATE.get(self.locale).to_string();
            return self.refuse("invalid_type", path, m);
        }
        Value::String(s)
    }

    fn container(&mut self, v: &JsValue, path: &str) -> Value {
        let is_array = match try_is_array(v) {
            Ok(a) => a,
            Err(e) => return self.unreadable(path, &e),
        };
        if !is_array {
            match try_type_tag(v) {
                Ok(tag) if tag == "[object Object]" => {}
                Ok(tag) => {
                    let tag = String::from(tag);
                    let kind = tag
                        .strip_prefix("[object ")
                        .and_then(|t| t.strip_suffix(']'))
                        .unwrap_or(&tag)
                        .to_string();
                    return self.not_json(path, &kind);
                }
                Err(e) => return self.unreadable(path, &e),
            }
        }
        if self.ancestors.iter().any(|a| js_sys::Object::is(a, v)) {
            let m = CYCLE.get(self.locale).to_string();
            return self.refuse("invalid_type", path, m);
        }
        if self.ancestors.len() >= MAX_DEPTH {
            let m = TOO_DEEP
                .get(self.locale)
                .replace("{0}", &MAX_DEPTH.to_string());
            return self.refuse("too_deep", path, m);
        }
        self.ancestors.push(v.clone());
        let out = if is_array {
            self.array(v, path)
        } else {
            self.object(v, path)
        };
        self.ancestors.pop();
        out
    }

    fn array(&mut self, v: &JsValue, path: &str) -> Value {
        let len = match Reflect::get(v, &JsValue::from_str("length")) {
            Ok(len) => len.as_f64().unwrap_or(0.0),
            Err(e) => return self.unreadable(path, &e),
        };
        if len > f64::from(MAX_LIST) {
            let m = texts::message(
                self.locale,
                texts::Msg::TooMany,
                &[&LIST_LIMIT.to_string(), &len.to_string()],
            );
            return self.refuse("too_many", path, m);
        }
        let len = len as u32;
        let mut out = Vec::with_capacity(len as usize);
        for i in 0..len {
            let item_path = format!("{path}[{i}]");
            // Past the largest contract limit, items are counted, not read:
            // the engine refuses the list with its own limit. Past the
            // whole input's limits, nothing more is read.
            if (!self.book && i as usize > LIST_LIMIT) || self.too_large {
                out.push(Value::Null);
                continue;
            }
            match Reflect::get_u32(v, i) {
                Ok(item) => out.push(self.value(&item, &item_path)),
                Err(e) => out.push(self.unreadable(&item_path, &e)),
            }
        }
        Value::Array(out)
    }

    fn object(&mut self, v: &JsValue, path: &str) -> Value {
        let keys = match try_keys(v) {
            Ok(keys) => keys,
            Err(e) => return self.unreadable(path, &e),
        };
        if keys.length() > MAX_LIST {
            let m = texts::message(
                self.locale,
                texts::Msg::TooMany,
                &[&LIST_LIMIT.to_string(), &keys.length().to_string()],
            );
            return self.refuse("too_many", path, m);
        }
        let mut out = Map::new();
        for key in keys.iter() {
            if self.too_large {
                break;
            }
            let name = key.as_string().unwrap_or_default();
            self.units += key.unchecked_ref::<JsString>().length() as usize;
            if !self.book && self.units > MAX_UNITS {
                return self.oversize();
            }
            let field_path = field_path(path, &name);
            let field = match Reflect::get(v, &key) {
                Ok(field) => field,
                Err(e) => {
                    self.unreadable(&field_path, &e);
                    continue;
                }
            };
            // As JSON: a field holding `undefined` is absent.
            if field.is_undefined() {
                continue;
            }
            let value = self.value(&field, &field_path);
            out.insert(name, value);
        }
        Value::Object(out)
    }

    /// A value whose reading threw (a getter, a revoked Proxy).
    fn unreadable(&mut self, path: &str, e: &JsValue) -> Value {
        let m = unreadable(self.locale, e);
        self.refuse("invalid_type", path, m)
    }
}

/// The whole input's refusal, as the engine words it.
fn too_large(locale: Locale) -> String {
    texts::message(
        locale,
        texts::Msg::TooLarge,
        &[
            &texts::grouped(locale, MAX_VALUES),
            &texts::grouped(locale, MAX_CHARS),
        ],
    )
}

/// `path.name`, or `path["name"]` for a name a dotted path cannot show
/// (empty, or holding `.`, `[`, `]` or `"`), so that every path names one
/// field.
fn field_path(path: &str, name: &str) -> String {
    let plain = !name.is_empty() && !name.contains(['.', '[', ']', '"']);
    match (plain, path.is_empty()) {
        (true, true) => name.to_string(),
        (true, false) => format!("{path}.{name}"),
        (false, _) => format!("{path}[{}]", Value::String(name.to_string())),
    }
}

fn unreadable(locale: Locale, e: &JsValue) -> String {
    let detail = Reflect::get(e, &JsValue::from_str("message"))
        .ok()
        .and_then(|m| m.as_string())
        .or_else(|| e.as_string())
        .unwrap_or_default();
    UNREADABLE.get(locale).replace("{0}", &detail)
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
    ru: "не более 20 000 входных данных за один вызов (больше — через planEach)",
    en: "at most 20,000 inputs in one call (more through planEach)",
};
const UNKNOWN_LOCALE: Text = Text {
    ru: "ожидается \"ru\" или \"en\"",
    en: "expected \"ru\" or \"en\"",
};
const NOT_JSON: Text = Text {
    ru: "ожидаются данные JSON (текст, число, да/нет, список или объект), получено: {0}",
    en: "expected JSON data (text, number, true/false, list or object), got: {0}",
};
const KIND_BIGINT: Text = Text {
    ru: "BigInt",
    en: "a BigInt",
};
const KIND_SYMBOL: Text = Text {
    ru: "Symbol",
    en: "a Symbol",
};
const KIND_FUNCTION: Text = Text {
    ru: "функция",
    en: "a function",
};
const NOT_FINITE: Text = Text {
    ru: "ожидается конечное число, получено {0}",
    en: "expected a finite number, got {0}",
};
const LONE_SURROGATE: Text = Text {
    ru: "текст содержит одиночный суррогат UTF-16 (не является корректным Юникодом)",
    en: "the text holds a lone UTF-16 surrogate (not valid Unicode)",
};
const CYCLE: Text = Text {
    ru: "значение ссылается само на себя (цикл)",
    en: "the value refers to itself (a cycle)",
};
const TOO_DEEP: Text = Text {
    ru: "вложенность глубже {0} уровней",
    en: "nested deeper than {0} levels",
};
const UNREADABLE: Text = Text {
    ru: "значение нельзя прочитать: {0}",
    en: "the value cannot be read: {0}",
};
const BAD_SEPARATOR: Text = Text {
    ru: "ожидается разделитель \",\", \";\" или табуляция",
    en: "expected the separator \",\", \";\" or a tab",
};
const BAD_BOM: Text = Text {
    ru: "ожидается true или false",
    en: "expected true or false",
};
const EXPECTED_PLAN: Text = Text {
    ru: "ожидается план, который вернул plan()",
    en: "expected a plan returned by plan()",
};
