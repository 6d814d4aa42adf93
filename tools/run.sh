#!/usr/bin/env bash
# Installs what is missing, builds, and runs Vaksam on localhost with a fresh SQLite file,
# after printing an enrollment code to try the app with.
set -euo pipefail
cd "$(dirname "$0")/.."
ADDR="${VAKSAM_ADDR:-127.0.0.1:8080}"
tools/setup.sh
tools/build.sh
mkdir -p .run
rm -f .run/vaksam.db .run/vaksam.db-wal .run/vaksam.db-shm
export VAKSAM_DB="sqlite://$PWD/.run/vaksam.db"
CODE=$(target/release/vaksam-server enroll --kommunkod 0428 --name "Testperson Vingåker")
cat <<MSG

  Vaksam runs on http://$ADDR
  Enrollment code for a test employee in Vingåker: $CODE
  More codes:  VAKSAM_DB=$VAKSAM_DB target/release/vaksam-server enroll --kommunkod 0138 --name "Namn"
  Register:    VAKSAM_DB=$VAKSAM_DB target/release/vaksam-server incidents --kommunkod 0428 --format csv
  Stop with Ctrl-C.

MSG
exec target/release/vaksam-server serve --addr "$ADDR"
