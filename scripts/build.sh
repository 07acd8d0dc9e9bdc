#!/usr/bin/env bash
# npm packages (only when the lock file changed since the last install) and the build of the panel
# and the orchestrator. Used by scripts/setup.sh (native run, tests) and by the Dockerfile.
set -euo pipefail
cd "$(dirname "$0")/.."
stamp=node_modules/.spotdesk-lock-stamp
if [ ! -f "$stamp" ] || ! cmp -s package-lock.json "$stamp"; then
  echo "spotdesk: installing npm packages"
  npm ci --no-audit --no-fund --loglevel=error
  cp package-lock.json "$stamp"
fi
echo "spotdesk: building"
npm run build --silent
