//! The pure core of Recovery Diary: no web-sys, no Yew. Tested natively with `cargo test`.

pub mod calendar;
pub mod change;
pub mod format;
pub mod model;
pub mod summary;

#[cfg(test)]
mod generate;
