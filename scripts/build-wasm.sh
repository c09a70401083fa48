#!/usr/bin/env bash
# Trunk's `build` hook (Trunk.toml): the Rust part of the build, in five steps, because the
# wasm is split into chunks (issue 11 part 3), which Trunk's own Rust pipeline cannot do:
#   1. cargo builds the app (relocations kept: .cargo/config.toml);
#   2. wasm-split-cli cuts each `#[wasm_split]` screen (src/app/lazy.rs) into a chunk;
#   3. wasm-bindgen makes recovery-diary.js + recovery-diary_bg.wasm from the main part;
#   4. link-module.mjs rewrites the chunks' loader and merges home's chunks into one
#      (wasm-merge, binaryen from npm);
#   5. wasm-opt (binaryen from npm) shrinks every .wasm.
# Writes into Trunk's staging directory. Features: RD_FEATURES (e.g. panic-test).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
OUT="${TRUNK_STAGING_DIR:?run by trunk}"
PROFILE="${TRUNK_PROFILE:-debug}"
cd "$ROOT"
echo "build-wasm: profile $PROFILE, features ${RD_FEATURES:-none}" >&2
args=(--bin recovery-diary --target wasm32-unknown-unknown --locked --offline)
[[ "$PROFILE" == release ]] && args+=(--release)
[[ -n "${RD_FEATURES:-}" ]] && args+=(--features "$RD_FEATURES")
cargo build "${args[@]}"
TARGET_DIR="$(cargo metadata --format-version 1 --no-deps --offline | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).target_directory))')"
WASM="$TARGET_DIR/wasm32-unknown-unknown/$PROFILE/recovery-diary.wasm"
SPLIT="$(mktemp -d)"
trap 'rm -rf "$SPLIT"' EXIT
wasm-split-cli "$WASM" "$SPLIT"
wasm-bindgen "$SPLIT/main.wasm" --out-dir "$OUT" --out-name recovery-diary --target web \
  --no-typescript --keep-lld-exports
rm "$SPLIT/main.wasm"
cp "$SPLIT"/*.wasm "$OUT/"
if [[ "$PROFILE" == release ]]; then
  node scripts/strip-custom.mjs --names "$OUT"/*.wasm
else
  node scripts/strip-custom.mjs "$OUT"/*.wasm
fi
# The link module (the chunks' loader), rewritten for the diary, and home's chunks merged
# into one: see scripts/link-module.mjs.
node scripts/link-module.mjs "$SPLIT/__wasm_split.js" "$OUT/__wasm_split.js"
if [[ "$PROFILE" == release ]]; then
  for f in "$OUT"/*.wasm; do
    "$ROOT/node_modules/.bin/wasm-opt" -Oz --strip-debug --strip-producers "$f" -o "$f"
  done
fi
