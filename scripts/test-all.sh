#!/usr/bin/env bash
# Runs every test of the repository on a fresh machine: set-up (system packages, npm ci, build),
# then lint and type checks, then each workspace's vitest suite (unit, integration, simulators,
# container layout and end-to-end in headless Chromium). Prints one closing line
# "tests: N passed, N failed" summed over every suite.
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh test || exit 1

status=0
echo "== lint"
npm run lint --silent || status=1
echo "== typecheck"
npm run typecheck --silent || status=1

rm -rf test-results
mkdir -p test-results
for ws in $(node -p 'require("./package.json").workspaces.join(" ")'); do
  if ! node -e 'process.exit(require("./'"$ws"'/package.json").scripts?.test ? 0 : 1)'; then continue; fi
  echo "== test $ws"
  out="$PWD/test-results/$(echo "$ws" | tr / -).json"
  (cd "$ws" && npx vitest run --reporter=default --reporter=json --outputFile.json="$out") || status=1
done

node scripts/summarize-tests.mjs test-results || status=1
exit $status
