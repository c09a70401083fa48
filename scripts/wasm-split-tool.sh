#!/usr/bin/env bash
# Builds tools/wasm-split (offline; cargo skips it when nothing changed) and prints the path
# of its binary. Used by ensure-tools.sh and build-wasm.sh. Its target directory is outside
# the clone, like the other installed tools, so a fresh clone recompiles only the tool's own
# crate, not its dependencies.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
TARGET="$(bash "$ROOT/scripts/tools-target.sh")"
cargo build --release --locked --offline --quiet --manifest-path "$ROOT/tools/wasm-split/Cargo.toml" --target-dir "$TARGET" >&2
echo "$TARGET/release/wasm-split"
