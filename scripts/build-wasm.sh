#!/usr/bin/env bash
# Trunk's `build` hook (Trunk.toml): the Rust part of the build. The wasm is split into
# chunks, which Trunk's own Rust pipeline cannot do, so this runs five steps:
#   1. cargo builds the app (relocations kept: .cargo/config.toml);
#   2. wasm-split (tools/wasm-split: wasm-split-cli's library) cuts each `#[wasm_split]`
#      point into a module of its own, with the chunks they share, and writes the manifest
#      of which files each point loads;
#      (a release build fails here if the main module holds float formatting or parsing:
#      scripts/check-main-module.mjs);
#   3. wasm-bindgen makes recovery-diary.js + recovery-diary_bg.wasm from the main module;
#   4. link-splits.mjs merges home's chunks into one module (wasm-merge, binaryen from npm)
#      and writes the chunks' loader, web/split-loader.js filled from the manifest;
#   5. wasm-opt (binaryen from npm) shrinks every .wasm of a release build.
# Writes into Trunk's staging directory. Features: RD_FEATURES (e.g. panic-test).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
OUT="${TRUNK_STAGING_DIR:?run by trunk}"
PROFILE="${TRUNK_PROFILE:-debug}"
NAME=recovery-diary
cd "$ROOT"
echo "build-wasm: profile $PROFILE, features ${RD_FEATURES:-none}" >&2
args=(--bin "$NAME" --target wasm32-unknown-unknown --locked --offline)
[[ "$PROFILE" == release ]] && args+=(--release)
[[ -n "${RD_FEATURES:-}" ]] && args+=(--features "$RD_FEATURES")
cargo build "${args[@]}"
TARGET_DIR="$(cargo metadata --format-version 1 --no-deps --offline | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).target_directory))')"
WASM="$TARGET_DIR/wasm32-unknown-unknown/$PROFILE/$NAME.wasm"
SPLIT="$(mktemp -d)"
trap 'rm -rf "$SPLIT"' EXIT
"$(bash scripts/wasm-split-tool.sh)" "$WASM" "$SPLIT" --out-name "$NAME"
# RD_KEEP_SPLIT=<dir>: a copy of the modules as wasm-split leaves them, function names
# still in them, to see what each one carries (scripts/module-sizes.mjs).
if [[ -n "${RD_KEEP_SPLIT:-}" ]]; then
  mkdir -p "$RD_KEEP_SPLIT" && cp "$SPLIT"/*.wasm "$RD_KEEP_SPLIT"/
fi
# The first open must not carry float formatting or parsing: checked by the function names,
# which the main module still has here.
if [[ "$PROFILE" == release ]]; then
  node scripts/check-main-module.mjs "$SPLIT/$NAME.wasm"
fi
wasm-bindgen "$SPLIT/$NAME.wasm" --out-dir "$OUT" --out-name "$NAME" --target web \
  --no-typescript --keep-lld-exports
# Release builds lose the function names too (wasm-opt would drop them anyway).
if [[ "$PROFILE" == release ]]; then
  node scripts/strip-custom.mjs --names "$OUT/${NAME}_bg.wasm"
  node scripts/link-splits.mjs --strip-names "$SPLIT" "$OUT" "$NAME"
else
  node scripts/strip-custom.mjs "$OUT/${NAME}_bg.wasm"
  node scripts/link-splits.mjs "$SPLIT" "$OUT" "$NAME"
fi
if [[ "$PROFILE" == release ]]; then
  for f in "$OUT"/*.wasm; do
    "$ROOT/node_modules/.bin/wasm-opt" -Oz --strip-debug --strip-producers "$f" -o "$f"
  done
fi
