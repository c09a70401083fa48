//! Recovery Diary: a patient's diary after a minimally invasive lumbar decompression.
//!
//! `domain` is the pure core (native tests); `app` is the Yew front end (wasm only).

pub mod domain;

#[cfg(target_arch = "wasm32")]
pub mod app;

/// The wasm heap: talc, smaller in the first download than the standard library's dlmalloc
/// and at least as fast (its own WebAssembly benchmarks).
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
