#!/bin/sh
# Prepares the data directory and hands over to supervisord, which runs the orchestrator and
# every bot. The image and the native run (scripts/run-native.sh) both start here.
set -eu

SPOTDESK_APP_DIR="${SPOTDESK_APP_DIR:-$(cd "$(dirname "$0")" && pwd)}"
SPOTDESK_DATA_DIR="${SPOTDESK_DATA_DIR:-/data}"
export SPOTDESK_APP_DIR SPOTDESK_DATA_DIR

fail() {
  echo "spotdesk: $*" >&2
  exit 1
}

command -v supervisord >/dev/null 2>&1 ||
  fail "supervisord is not installed; install the Debian package 'supervisor' (apt-get install supervisor)"
command -v node >/dev/null 2>&1 || fail "node is not installed; Spotdesk needs Node.js 20"
[ -f "$SPOTDESK_APP_DIR/backend/dist/main.js" ] ||
  fail "the orchestrator is not built in $SPOTDESK_APP_DIR; run 'npm run build' first"

mkdir -p "$SPOTDESK_DATA_DIR" 2>/dev/null ||
  fail "cannot create the data directory $SPOTDESK_DATA_DIR; create it and make it writable by $(id -un)"
for sub in db bots strategies backups run logs; do
  mkdir -p "$SPOTDESK_DATA_DIR/$sub" 2>/dev/null ||
    fail "cannot create $SPOTDESK_DATA_DIR/$sub; make $SPOTDESK_DATA_DIR writable by $(id -un)"
done
probe="$SPOTDESK_DATA_DIR/run/.write-probe"
( : >"$probe" ) 2>/dev/null && rm -f "$probe" ||
  fail "the data directory $SPOTDESK_DATA_DIR is not writable by $(id -un); fix its owner or mount a writable volume"
# Bot configs hold their API credentials and the DB holds sealed secrets: only the owner may look.
chmod 700 "$SPOTDESK_DATA_DIR" "$SPOTDESK_DATA_DIR/run" "$SPOTDESK_DATA_DIR/bots" "$SPOTDESK_DATA_DIR/db" "$SPOTDESK_DATA_DIR/backups" 2>/dev/null ||
  fail "cannot restrict $SPOTDESK_DATA_DIR to its owner (chmod 700); make $(id -un) the owner of that directory"

# Refuse a bad environment, a newer database or a lost secret key before supervisord starts, so the
# one clear message is the last thing printed instead of a restart loop.
node "$SPOTDESK_APP_DIR/backend/dist/preflight.js" || exit 1

# The orchestrator's log goes to this process's stdout when that is a terminal, a pipe or a file
# (Docker's log driver rotates it); supervisord cannot reopen a socket (systemd's journal, a parent's
# socketpair), so then it goes to logs/orchestrator.log, rotated by supervisord.
if [ -S /dev/stdout ] || ! [ -w /dev/stdout ]; then
  SPOTDESK_ORCHESTRATOR_LOG="$SPOTDESK_DATA_DIR/logs/orchestrator.log"
  SPOTDESK_ORCHESTRATOR_LOG_MAXBYTES=20MB
else
  SPOTDESK_ORCHESTRATOR_LOG=/dev/fd/1
  SPOTDESK_ORCHESTRATOR_LOG_MAXBYTES=0
fi
export SPOTDESK_ORCHESTRATOR_LOG SPOTDESK_ORCHESTRATOR_LOG_MAXBYTES

# The offline demo runs sim/exchange beside the bots (supervisord.conf reads these two).
if [ "${SPOTDESK_SIMULATION:-0}" = "1" ]; then
  SPOTDESK_SIM_EXCHANGE_AUTOSTART=true
else
  SPOTDESK_SIM_EXCHANGE_AUTOSTART=false
fi
SPOTDESK_SIM_EXCHANGE_PORT="${SPOTDESK_SIM_EXCHANGE_PORT:-18001}"
export SPOTDESK_SIM_EXCHANGE_AUTOSTART SPOTDESK_SIM_EXCHANGE_PORT

exec supervisord -n -c "$SPOTDESK_APP_DIR/supervisord.conf"
