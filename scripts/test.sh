#!/usr/bin/env bash
# Runs every test: formatting and lints, native tests of the core, tests of the build's own
# scripts, component tests in headless Chromium, end-to-end tests of the release build in
# headless Chromium, and its core flows in WebKit and Firefox ESR.
set -euo pipefail
source "$(dirname "$0")/ensure-tools.sh"
cd "$ROOT"
# Each step says when it starts (seconds since the tools were ready), so a run's log gives
# every step's time.
SECONDS=0
step() { printf '\n=== %s (at %d s)\n' "$*" "$SECONDS"; }

step "cargo fmt --check"
cargo fmt --check
cargo fmt --check --manifest-path tools/wasm-split/Cargo.toml
step "cargo clippy (native and wasm32; the build's tools/wasm-split)"
cargo clippy --all-targets --locked -- -D warnings
cargo clippy --target wasm32-unknown-unknown --all-targets --locked -- -D warnings
cargo clippy --locked --manifest-path tools/wasm-split/Cargo.toml --target-dir "$(bash scripts/tools-target.sh)" -- -D warnings
step "native tests (domain core)"
cargo test --locked
step "tests of the build's scripts and web/ sources (node:test)"
node --test tests/build/
step "component tests (wasm-bindgen-test, headless Chromium)"
CHROMEDRIVER=/usr/bin/chromedriver WASM_BINDGEN_TEST_TIMEOUT=120 \
  cargo test --locked --target wasm32-unknown-unknown --test components --features no-split
step "release build (trunk)"
trunk build --release
step "test build with the panic-test feature (for tests/e2e/panic.test.mjs)"
RD_FEATURES=panic-test trunk build --dist target/dist-panic
step "end-to-end tests (Playwright, headless Chromium)"
node --test --test-concurrency=1 tests/e2e/
step "core flows in WebKit and Firefox ESR (WebDriver)"
node --test --test-concurrency=1 tests/engines/
