#!/usr/bin/env bash
# Lighthouse figures of the app's first visit (mobile preset and slow 3G), see bench/lighthouse.mjs.
#   bash bench/lighthouse.sh [runs = 3]
# Installs bench/node_modules from bench/package-lock.json (npm registry only; Lighthouse
# runs Debian's /usr/bin/chromium, no browser is downloaded) when lighthouse is missing or
# not the pinned version. Needs tools/build.sh first (target/release/vaksam-server).
set -euo pipefail
cd "$(dirname "$0")"
want=$(node -p 'require("./package.json").dependencies.lighthouse')
have=$(node -p 'try { require("./node_modules/lighthouse/package.json").version } catch { "" }')
if [ "$have" != "$want" ]; then
  echo "bench/lighthouse.sh: installing lighthouse $want in bench/node_modules (npm ci)" >&2
  npm ci --no-audit --no-fund >&2
fi
exec node lighthouse.mjs "$@"
