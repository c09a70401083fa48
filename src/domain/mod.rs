//! The pure core of Recovery Diary: no web-sys, no Yew. Tested natively with `cargo test`.

pub mod calendar;
pub mod change;
pub mod config;
pub mod emergency;
pub mod export;
pub mod format;
pub mod i18n;
pub mod identity;
pub mod import;
pub(crate) mod known_fields;
pub mod measures;
pub mod model;
pub mod number;
pub mod questionnaire;
pub mod questions;
pub mod reminder;
pub mod report;
pub mod rules;
mod strict_json;
pub mod summary;
pub mod timed;
pub mod trends;

// proptest is a native-only dev-dependency.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod fuzz;
#[cfg(all(test, not(target_arch = "wasm32")))]
pub(crate) mod generate;
