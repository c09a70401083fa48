#!/usr/bin/env bash
# Builds what the benchmark needs and prints every figure of issue 6 (numbers, no verdicts).
set -euo pipefail
source "$(dirname "$0")/ensure-tools.sh"
cd "$ROOT"
trunk build --release
(cd bench/counter && cargo fetch --locked --quiet && trunk build --release)
echo
echo "5. Native evaluation of every rule:"
cargo run --quiet --release --example evaluate_five_years
node scripts/bench.mjs
