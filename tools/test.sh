#!/usr/bin/env bash
# Installs what is missing, then runs every test: formatting and lints, core and server
# (native, over real HTTP, against SQLite and against a real PostgreSQL that this script
# starts and stops), the storage layer in headless Chromium
# (wasm-bindgen-test), and the whole app in headless Chromium (Playwright + axe-core).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export TRUNK_SKIP_VERSION_CHECK=true CHROMEDRIVER=/usr/bin/chromedriver

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "set-up"
tools/setup.sh

step "format and lints"
cargo fmt --all -- --check
cargo clippy --quiet -p vaksam-core -p vaksam-server --all-targets -- -D warnings
cargo clippy --quiet -p vaksam-i18n --features compile --all-targets -- -D warnings
cargo clippy --quiet -p vaksam --target wasm32-unknown-unknown --all-targets -- -D warnings

step "translations: every file checked, what each language has not translated yet"
cargo test --quiet -p vaksam-i18n --features compile
cargo run --quiet -p vaksam-i18n --features compile --bin vaksam-i18n -- check locales

step "core and server tests (native, SQLite)"
cargo test -p vaksam-core -p vaksam-server

step "server tests against PostgreSQL"
PG_DIR=$(mktemp -d /tmp/vaksam-pg.XXXXXX)
trap 'tools/postgres.sh stop "$PG_DIR"' EXIT
VAKSAM_TEST_POSTGRES=$(tools/postgres.sh start "$PG_DIR")
export VAKSAM_TEST_POSTGRES
# The same package selection as above, so nothing is compiled again (the core's own tests
# run again, in a second).
cargo test -p vaksam-core -p vaksam-server --tests
unset VAKSAM_TEST_POSTGRES
tools/postgres.sh stop "$PG_DIR"
trap - EXIT

step "build the app and the server"
tools/build.sh

step "storage, crash-screen and translation tests in headless Chromium (wasm-bindgen-test)"
cargo test -p vaksam --target wasm32-unknown-unknown --test web --test crash --test i18n

step "app tests in headless Chromium (Playwright)"
cd tests/e2e
npx --no-install playwright test
