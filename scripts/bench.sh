#!/usr/bin/env bash
# Builds what the benchmark needs and prints every performance figure: sizes, open and save
# times (numbers, no verdicts). BENCH_BASE=<git rev> also builds that revision and compares
# its open times.
set -euo pipefail
source "$(dirname "$0")/ensure-tools.sh"
cd "$ROOT"
trunk build --release
# BENCH_BASE=<git rev>: that build too, measured in the same run (section 3b).
if [ -n "${BENCH_BASE:-}" ]; then
  base_tree="$ROOT/target/bench-base"
  rm -rf "$base_tree"; git worktree prune
  git worktree add --detach "$base_tree" "$BENCH_BASE"
  ln -s "$ROOT/node_modules" "$base_tree/node_modules"   # its build hook runs wasm-opt from npm
  # A base from before the code split (no scripts/build-wasm.sh) and the counter are built as
  # they are: RUSTFLAGS= drops the relocations this build keeps for wasm-split
  # (.cargo/config.toml above them would add them). A split base needs them.
  base_env=(env RUSTFLAGS=)
  [ -f "$base_tree/scripts/build-wasm.sh" ] && base_env=(env)
  # A base whose build ran wasm-split-cli (before tools/wasm-split) needs that installed.
  if grep -qs 'wasm-split-cli "' "$base_tree/scripts/build-wasm.sh" && ! command -v wasm-split-cli >/dev/null; then
    cargo install --locked wasm_split_cli_support --version 0.2.4 --features build-binary
  fi
  (cd "$base_tree" && "${base_env[@]}" CARGO_TARGET_DIR="$ROOT/target" trunk build --release --dist "$ROOT/target/dist-base")
  git worktree remove --force "$base_tree"
  export BENCH_BASE_DIST="$ROOT/target/dist-base"
fi
(cd bench/counter && cargo fetch --locked --quiet && RUSTFLAGS= trunk build --release)
echo
echo "5. Native evaluation of every rule:"
cargo run --quiet --release --example evaluate_five_years
node scripts/bench.mjs
