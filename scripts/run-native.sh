#!/usr/bin/env bash
# Runs Spotdesk on this machine with the same process tree as the image: entrypoint.sh →
# supervisord (supervisord.conf) → orchestrator (+ bots). Data goes to ./.data unless
# SPOTDESK_DATA_DIR says otherwise; SPOTDESK_* variables from ./.env are used when not already set.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh runtime

if [ -f .env ]; then
  # Read KEY=VALUE lines literally (no shell evaluation); the environment wins over the file.
  while IFS= read -r line || [ -n "$line" ]; do
    case "$line" in
      SPOTDESK_*=*)
        key="${line%%=*}"
        value="${line#*=}"
        if [ -z "${!key+x}" ]; then export "$key=$value"; fi
        ;;
    esac
  done <.env
fi

export SPOTDESK_APP_DIR="$PWD"
# No Freqtrade or Binance here by default: the native run is the offline demo unless told otherwise
# (SPOTDESK_SIMULATION=0 with Freqtrade installed and SPOTDESK_FREQTRADE_CMD pointing at it).
export SPOTDESK_SIMULATION="${SPOTDESK_SIMULATION:-1}"
export SPOTDESK_DATA_DIR="${SPOTDESK_DATA_DIR:-$PWD/.data}"
echo "spotdesk: starting; data in $SPOTDESK_DATA_DIR, panel on http://${SPOTDESK_HOST:-127.0.0.1}:${SPOTDESK_PORT:-8080}"
exec ./entrypoint.sh
