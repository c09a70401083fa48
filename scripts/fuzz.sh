#!/usr/bin/env bash
# The long fuzz run of the import and storage parsing (src/domain/fuzz.rs): 100,000 cases
# per property by default, optimised build. CI runs 500 per property with the other tests.
# Usage: ./scripts/fuzz.sh [cases]
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
time FUZZ_CASES="${1:-100000}" cargo test --release --locked --lib fuzz -- --test-threads=3
