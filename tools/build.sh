#!/usr/bin/env bash
# Builds the app with trunk (offline) and the server with the app embedded.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export TRUNK_SKIP_VERSION_CHECK=true
trunk build --release --offline
cargo build --release -p vaksam-server
