#!/usr/bin/env bash
# Reproduces every figure in BENCHMARKS.md. Needs tools/setup.sh and tools/build.sh first.
set -euo pipefail
cd "$(dirname "$0")/.."
# A missed budget is reported (exit status in the summary at the end), not a reason to stop.
missed=()
echo "## Transfer size"; node bench/size.mjs || missed+=("size")
echo; echo "## First visit in Lighthouse"; bash bench/lighthouse.sh 3 || missed+=("lighthouse")
echo; echo "## Tap to saved"; node bench/save_latency.mjs 60
echo; echo "## Search per keystroke"
cargo run --release -q -p vaksam-core --example search_bench 50
node bench/search_latency.mjs 5
echo; bench/load.sh
if [ ${#missed[@]} -gt 0 ]; then echo; echo "targets missed: ${missed[*]}"; exit 1; fi
