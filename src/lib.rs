//! Recovery Diary: a patient's diary after a minimally invasive lumbar decompression.
//!
//! `domain` is the pure core (native tests); `app` is the Yew front end (wasm only).

pub mod domain;

#[cfg(target_arch = "wasm32")]
pub mod app;
