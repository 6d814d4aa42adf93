#!/usr/bin/env bash
# The two server load figures of issue 10, against the release server binary
# (target/release/vaksam-server, or VAKSAM_SERVER_BIN; tools/build.sh makes it). Each tool
# starts its own server on a fresh SQLite file on a free loopback port, enrolls its devices
# with the CLI and the API, and stops it.
#   (a) ingest: records/s and p50/p95/p99 of POST /api/v1/sync at batch 10 and 50
#   (b) p99 of normal phones' small /sync with and without a flood of /enroll
set -euo pipefail
cd "$(dirname "$0")/.."
test -x "${VAKSAM_SERVER_BIN:-target/release/vaksam-server}" || { echo "build the server first: tools/build.sh" >&2; exit 1; }
echo "## Server ingest (records/s, p99) at batch 10 and 50"
for batch in 10 50; do node bench/ingest.mjs 10 "$batch" 4; echo; done
echo "## A normal client's /sync while another floods /enroll"
node bench/enroll_flood.mjs 10 40 8
