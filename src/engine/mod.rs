//! The pure planning engine: no wasm-bindgen types, no clock, no randomness.

pub mod calendar;
pub mod calendar_ru;
#[cfg(test)]
#[path = "calendar_ru_tests.rs"]
mod calendar_ru_tests;
pub mod catalog;
pub mod date;
pub mod error;
pub mod input;
pub mod model;
pub mod output;
pub mod settings;
pub mod texts;
