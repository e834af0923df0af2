//! The pure planning engine: no wasm-bindgen types, no clock, no randomness.

pub mod catalog;
pub mod error;
pub mod export;
pub mod model;
pub mod output;
