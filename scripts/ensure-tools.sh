#!/usr/bin/env bash
# Installs what the build and the tests need, skipping whatever is already there.
# Sourced by serve.sh and test.sh (it also puts the tools on PATH).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TRUNK_VERSION=0.21.14
# Firefox's WebDriver server, for the core flows in Firefox ESR (tests/engines).
GECKODRIVER_VERSION=0.37.1
# wasm-bindgen-cli must be exactly the wasm-bindgen version in Cargo.lock.
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ {getline; gsub(/version = |"/, ""); print; exit}' "$ROOT/Cargo.lock")
export PATH="$HOME/.cargo/bin:$ROOT/node_modules/.bin:$PATH"

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
say() { printf '[ensure-tools] %s\n' "$*"; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi
if [ "$(trunk --version 2>/dev/null || true)" != "trunk $TRUNK_VERSION" ]; then
  say "installing trunk $TRUNK_VERSION (about 8 minutes on 2 cores)"
  cargo install --locked trunk --version "$TRUNK_VERSION"
fi
if [ "$(wasm-bindgen --version 2>/dev/null || true)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION"
  # Not --locked: its lockfile pins a crate version the registry mirror lacks.
  cargo install --force wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi
if [ "$( (geckodriver --version 2>/dev/null || true) | head -1 | cut -d' ' -f1-2)" != "geckodriver $GECKODRIVER_VERSION" ]; then
  say "installing geckodriver $GECKODRIVER_VERSION (about 5 minutes on 2 cores)"
  cargo install --locked geckodriver --version "$GECKODRIVER_VERSION"
fi
if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
  say "installing chromium and chromium-driver from Debian"
  as_root apt-get update
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y chromium chromium-driver
fi
# WebKit (WebKitGTK's MiniBrowser and its WebDriver server, on a virtual X display) and
# Firefox ESR, for the core flows in tests/engines. Debian's current versions: its security
# updates replace older ones in the archive, so an exact version would stop installing.
if ! command -v WebKitWebDriver >/dev/null 2>&1 || ! command -v Xvfb >/dev/null 2>&1 || ! command -v firefox-esr >/dev/null 2>&1; then
  say "installing webkit2gtk-driver, xvfb and firefox-esr from Debian"
  as_root apt-get update
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends webkit2gtk-driver xvfb firefox-esr
fi
# pdftotext reads the printed report back in the e2e tests.
if ! command -v pdftotext >/dev/null 2>&1; then
  say "installing poppler-utils (pdftotext) from Debian"
  as_root apt-get update
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y poppler-utils
fi
if [ ! -f "$ROOT/node_modules/.package-lock.json" ] || [ "$ROOT/package-lock.json" -nt "$ROOT/node_modules/.package-lock.json" ]; then
  say "installing npm packages from package-lock.json"
  (cd "$ROOT" && npm ci --no-audit --no-fund)
fi
# Trunk builds offline, so every crate must be on disk first; the build's own wasm-split
# (wasm-split-cli's library, plus the split's manifest) is built here once.
(cd "$ROOT" && cargo fetch --locked --quiet && cargo fetch --locked --quiet --manifest-path tools/wasm-split/Cargo.toml)
if [ ! -x "$(bash "$ROOT/scripts/tools-target.sh")/release/wasm-split" ]; then
  say "building tools/wasm-split (about 2 minutes on 2 cores, once per machine)"
fi
bash "$ROOT/scripts/wasm-split-tool.sh" >/dev/null
