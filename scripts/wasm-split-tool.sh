#!/usr/bin/env bash
# Builds tools/wasm-split (offline, once: cargo skips it when nothing changed) and prints
# the path of its binary. Used by ensure-tools.sh and build-wasm.sh.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
TARGET="$ROOT/target/tools"
cargo build --release --locked --offline --quiet --manifest-path "$ROOT/tools/wasm-split/Cargo.toml" --target-dir "$TARGET" >&2
echo "$TARGET/release/wasm-split"
