#!/usr/bin/env bash
# One set-up for every entry point: system packages where missing, npm packages, build.
#   scripts/setup.sh runtime   supervisor + npm ci + build              (npm start)
#   scripts/setup.sh test      runtime + chromium for end-to-end tests   (npm test)
# Non-interactive; installs Debian packages only when they are missing (needs root for that).
set -euo pipefail
cd "$(dirname "$0")/.."
mode="${1:-runtime}"

need_node() {
  local major
  major="$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo none)"
  if [ "$major" != "20" ]; then
    echo "spotdesk: Node.js 20 is required (found: $major); install Node 20 and try again" >&2
    exit 1
  fi
}

apt_updated=0
ensure_pkg() { # ensure_pkg <command> <debian package>
  command -v "$1" >/dev/null 2>&1 && return 0
  if [ "$(id -u)" != "0" ]; then
    echo "spotdesk: '$1' is missing; install it with: sudo apt-get install -y $2" >&2
    exit 1
  fi
  if [ "$apt_updated" = "0" ]; then
    apt-get update -qq
    apt_updated=1
  fi
  echo "spotdesk: installing $2"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$2" >/dev/null
}

need_node
ensure_pkg supervisord supervisor
if [ "$mode" = "test" ]; then
  ensure_pkg chromium chromium
fi

bash scripts/build.sh
