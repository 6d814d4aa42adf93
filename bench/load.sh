#!/usr/bin/env bash
# The server load figures, against the release server binary (target/release/vaksam-server,
# or VAKSAM_SERVER_BIN; tools/build.sh makes it). Each tool starts its own servers on a
# fresh database on free loopback ports and stops them; PostgreSQL is a throwaway server
# this script starts from Debian's packages (tools/postgres.sh) and stops at the end.
#   (a) ingest: records/s and p50/p95/p99 of POST /api/v1/sync at batch 10 and 50, SQLite
#       and PostgreSQL, the same tool
#   (b) p99 of normal phones' small /sync with and without a flood of /enroll (SQLite)
#   (c) a reconnect storm: 5,000 phones × 3 records within 10 s, against one server on
#       SQLite, one on PostgreSQL and two on one PostgreSQL; all phones of one
#       municipality, then of five
set -euo pipefail
cd "$(dirname "$0")/.."
test -x "${VAKSAM_SERVER_BIN:-target/release/vaksam-server}" || { echo "build the server first: tools/build.sh" >&2; exit 1; }
# 5,000 phones are 5,000 sockets.
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"
PG_DIR=$(mktemp -d /tmp/vaksam-bench-pg.XXXXXX)
trap 'tools/postgres.sh stop "$PG_DIR"' EXIT
VAKSAM_BENCH_PG=$(tools/postgres.sh start "$PG_DIR")
export VAKSAM_BENCH_PG

echo "## Server ingest (records/s, p99) at batch 10 and 50, SQLite and PostgreSQL"
for backend in sqlite postgres; do
  for batch in 10 50; do node bench/ingest.mjs 10 "$batch" 4 "$backend"; echo; done
done
echo "## A normal client's /sync while another floods /enroll"
node bench/enroll_flood.mjs 10 40 8
echo
echo "## Reconnect storm: 5,000 phones × 3 records within 10 s"
for m in 1 5; do
  node bench/storm.mjs 5000 3 10 sqlite 1 "$m"; echo
  node bench/storm.mjs 5000 3 10 postgres 1 "$m"; echo
  node bench/storm.mjs 5000 3 10 postgres 2 "$m"; echo
done
