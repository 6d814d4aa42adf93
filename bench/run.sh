#!/usr/bin/env bash
# Reproduces every figure in BENCHMARKS.md. Needs tools/setup.sh and tools/build.sh first.
set -euo pipefail
cd "$(dirname "$0")/.."
echo "## Transfer size"; node bench/size.mjs
echo; echo "## Tap to saved"; node bench/save_latency.mjs 60
echo; echo "## Search per keystroke"
cargo run --release -q -p vaksam-core --example search_bench 50
node bench/search_latency.mjs 5
echo; bench/load.sh
