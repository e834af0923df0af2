//! touchplan: plans post-sale client touches and their reasons.

pub mod engine;
/// The JavaScript boundary (wasm32 only); public for the wasm-bindgen tests.
#[cfg(target_arch = "wasm32")]
#[doc(hidden)]
pub mod wasm;

pub use engine::book::{Book, BookClient, CompactBook, ManagerBook};
pub use engine::error::{InputError, InputErrors};
pub use engine::export::{to_csv, to_csv_with, to_ics, CsvOptions};
pub use engine::model::{Channel, Date, Locale, Role, Segment, TouchKind};
pub use engine::output::{Plan, Touch};
pub use engine::render::render_text;
pub use engine::settings::Settings;

use serde::Serialize;

/// The crate's version, as `version()` reports it to JavaScript.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// Plans one client's touches from a `PlanInput` (CONTRACT.md) given as JSON.
///
/// # Errors
/// Every problem of the input at once, each with code, path and message.
pub fn plan(input: &serde_json::Value) -> Result<Plan, InputErrors> {
    engine::plan::plan_value(input)
}

/// Plans a manager's book (CONTRACT.md `BookInput`): each client as
/// [`plan`] plans it, then each manager's days levelled (DOMAIN.md R16).
///
/// # Errors
/// Problems of the shared part or of `clients` as a whole; a client whose
/// own input is bad fails alone, in its entry of [`Book::clients`].
pub fn plan_book(input: &serde_json::Value) -> Result<Book, InputErrors> {
    engine::book::plan_book(input)
}

/// Plans a book from a JSON text; malformed JSON is an `invalid_json` error.
///
/// # Errors
/// As [`plan_book`], plus `invalid_json`.
pub fn plan_book_json(input: &str) -> Result<Book, InputErrors> {
    match serde_json::from_str::<serde_json::Value>(input) {
        Ok(v) => plan_book(&v),
        Err(e) => Err(InputErrors {
            errors: vec![InputError {
                code: "invalid_json".into(),
                path: String::new(),
                message: e.to_string(),
            }],
        }),
    }
}

/// Plans from a JSON text; malformed JSON is an `invalid_json` error.
///
/// # Errors
/// As [`plan`], plus `invalid_json`.
pub fn plan_json(input: &str) -> Result<Plan, InputErrors> {
    match serde_json::from_str::<serde_json::Value>(input) {
        Ok(v) => plan(&v),
        Err(e) => Err(InputErrors {
            errors: vec![InputError {
                code: "invalid_json".into(),
                path: String::new(),
                message: e.to_string(),
            }],
        }),
    }
}

/// Every policy setting with its default (CONTRACT.md `Settings`, the
/// README's settings table); it serialises as the JSON object `settings`
/// accepts, `reactionGapDays` `null` as it follows R (max(R, 7)).
pub fn default_settings() -> Settings {
    Settings::default()
}

/// An entry of `reasonCatalog()` (CONTRACT.md `Reason`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CatalogReason {
    pub code: &'static str,
    pub kind: &'static str,
    pub title: &'static str,
    pub hint: &'static str,
    pub roles: Vec<&'static str>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub discouraged: bool,
}

/// The reasons catalog in `locale`.
pub fn reason_catalog(locale: Locale) -> Vec<CatalogReason> {
    engine::catalog::CATALOG
        .iter()
        .map(|r| CatalogReason {
            code: r.code,
            kind: r.kind.as_str(),
            title: match locale {
                Locale::Ru => r.title_ru,
                Locale::En => r.title_en,
            },
            hint: match locale {
                Locale::Ru => r.hint_ru,
                Locale::En => r.hint_en,
            },
            roles: r.roles.iter().map(|x| x.as_str()).collect(),
            discouraged: r.discouraged,
        })
        .collect()
}
