#!/usr/bin/env bash
# Installs the runtime npm packages of a staged tree (scripts/stage-app.sh) for the platform this
# runs on. Native modules (better-sqlite3, argon2) are built or picked here, never copied from a
# machine of another architecture.
set -euo pipefail
dest="${1:?usage: install-prod-deps.sh DEST}"
cd "$dest"
npm ci --omit=dev --no-audit --no-fund --loglevel=error \
  --workspace backend --workspace sim/exchange --workspace sim/freqtrade
# Fail the build here, not at the first start, if a native module does not load.
node -e "require('better-sqlite3')(':memory:').close(); require('argon2')"
