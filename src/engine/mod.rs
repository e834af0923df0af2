//! The pure planning engine: no wasm-bindgen types, no clock, no randomness.
//!
//! Data flow: `input` (validation) → `profile` (R2, R8) → `rules` (one
//! module per rule that places touches, on the shared `context`) → `limits`
//! (R13 merges and caps) → `channels` (R7 channels, R15 contacts) →
//! `reasons` (R1, R10) → `plan` (output and summary) → `export`
//! (iCalendar, CSV). A manager's `book` plans many clients to drafts, lets
//! `level` (R16) even out the manager's days, then renders each plan.

pub mod book;
pub mod calendar;
pub mod calendar_ru;
#[cfg(test)]
#[path = "calendar_ru_tests.rs"]
mod calendar_ru_tests;
pub mod catalog;
pub mod channels;
pub mod context;
pub mod date;
pub mod draft;
pub mod error;
pub mod export;
pub mod input;
pub mod level;
pub mod limits;
pub mod model;
pub mod output;
pub mod plan;
pub mod profile;
pub mod reasons;
pub mod render;
pub mod rules;
pub mod settings;
pub mod texts;
