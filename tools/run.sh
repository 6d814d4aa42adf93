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
PORT="${ADDR##*:}"
# Passkeys need a domain, not an address: the console is opened at localhost.
INVITE=$(target/release/vaksam-server admin invite --kommunkod 0428 --email samordnare@vingaker.example \
  --role coordinator --name "Samordnare Vingåker" --public-url "http://localhost:$PORT")
cat <<MSG

  Vaksam runs on http://localhost:$PORT  (the app; open it on a phone through a TLS proxy, see README)
  Enrollment code for a test employee in Vingåker: $CODE
  The console: open this one-time link to create a passkey and sign in as Vingåker's coordinator:
    $INVITE
  More invites: VAKSAM_DB=$VAKSAM_DB target/release/vaksam-server admin invite --kommunkod 0428 --email x@y.se --role dpo --public-url http://localhost:$PORT
  More codes:  VAKSAM_DB=$VAKSAM_DB target/release/vaksam-server enroll --kommunkod 0138 --name "Namn"
  Register:    VAKSAM_DB=$VAKSAM_DB target/release/vaksam-server incidents --kommunkod 0428 --format csv
  Stop with Ctrl-C.

MSG
exec target/release/vaksam-server serve --addr "$ADDR"
