#!/usr/bin/env bash
# Installs everything Vaksam needs to build, run and test, skipping what is already there.
# Only crates.io, npm and Debian's packages are used: no tool may download binaries itself.
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
# wasm-bindgen-cli must equal the wasm-bindgen crate in Cargo.lock.
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)

say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }

# sqlite3: upgrade tests put a database in the state an older Vaksam left it.
# libssl-dev, pkg-config: webauthn-rs (the console's passkeys) builds on OpenSSL.
# python3-aiosmtpd: the real local SMTP server the console's mail tests start.
# postgresql: the server suite runs against a real PostgreSQL too (tools/postgres.sh starts
# a throwaway one; the package's own cluster is not used).
APT_PACKAGES="chromium chromium-driver sqlite3 libssl-dev pkg-config python3-aiosmtpd postgresql"
missing=""
for p in $APT_PACKAGES; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
if [ -n "$missing" ]; then
  say "installing Debian's$missing"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  # shellcheck disable=SC2086
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $missing >/dev/null
fi

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if [ "$(trunk --version 2>/dev/null || true)" != "trunk $TRUNK_VERSION" ]; then
  say "installing trunk $TRUNK_VERSION (several minutes)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

if [ "$(wasm-bindgen --version 2>/dev/null || true)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (several minutes)"
  # Without --locked: its lockfile wants crates newer than the registry here serves.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

if [ ! -x tools/node_modules/.bin/wasm-opt ] || [ ! -d tools/node_modules/oidc-provider ]; then
  say "installing wasm-opt (binaryen 132) and oidc-provider (the OpenID provider of the tests) from npm"
  (cd tools && npm ci --no-audit --no-fund --loglevel=error)
fi

# jsqr: the enrollment letters' QR codes are read back as a phone's camera would.
if [ ! -d tests/e2e/node_modules/@playwright/test ] || [ ! -d tests/e2e/node_modules/jsqr ]; then
  say "installing Playwright, axe-core and jsQR from npm (the browser is Debian's)"
  (cd tests/e2e && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error)
fi

say "fetching crates"
cargo fetch --quiet
say "ready"
