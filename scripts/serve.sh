#!/usr/bin/env bash
# Builds the app (release profile) and serves it on http://127.0.0.1:8080
set -euo pipefail
source "$(dirname "$0")/ensure-tools.sh"
cd "$ROOT"
exec trunk serve --release "$@"
