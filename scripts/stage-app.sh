#!/usr/bin/env bash
# Copies what the image runs from this (built) checkout into DEST, the tree that becomes /app:
# compiled orchestrator and migrations, built panel, simulators, bundled strategies, Freqtrade
# config templates, supervisord.conf, entrypoint.sh and the package manifests that
# scripts/install-prod-deps.sh installs from. The Dockerfile and the container-layout test both
# build their tree with this script.
set -euo pipefail
cd "$(dirname "$0")/.."
dest="${1:?usage: stage-app.sh DEST}"
[ -f backend/dist/main.js ] && [ -f frontend/dist/index.html ] ||
  { echo "stage-app: build first (npm run build)" >&2; exit 1; }

rm -rf "$dest"
mkdir -p "$dest"
copy() { # copy <path>...: keeps the relative layout
  for path in "$@"; do
    mkdir -p "$dest/$(dirname "$path")"
    cp -R "$path" "$dest/$path"
  done
}
copy package.json package-lock.json .npmrc entrypoint.sh supervisord.conf
copy backend/package.json backend/dist backend/drizzle
copy frontend/package.json frontend/dist
copy sim/exchange/package.json sim/exchange/bin sim/exchange/src
copy sim/freqtrade/package.json sim/freqtrade/bin sim/freqtrade/src
copy tests/package.json
copy strategies freqtrade_config
copy scripts/install-prod-deps.sh scripts/healthcheck.mjs
find "$dest" -name '*.test.*' -delete
echo "stage-app: staged into $dest"
