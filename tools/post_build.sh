#!/usr/bin/env bash
# Trunk's post_build hook: the translations' catalogs into the build (and their names and
# the first screen's texts into its index.html), the wasm after the first paint, then the
# service worker's precache list, which must see every file of the build, the catalogs
# included.
set -euo pipefail
: "${TRUNK_STAGING_DIR:?run through trunk}"
cargo run --release --quiet -p vaksam-i18n --features compile --bin vaksam-i18n -- build locales "$TRUNK_STAGING_DIR"
node tools/first_paint.mjs
node tools/precache.mjs
