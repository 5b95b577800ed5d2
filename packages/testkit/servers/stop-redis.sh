#!/usr/bin/env bash
# Stop the Redis started by start-redis.sh (by PID).   usage: stop-redis.sh [DATADIR] [--purge]
set -uo pipefail
SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=lib.sh
. "$SCRIPT_DIR/lib.sh"
DATADIR="${1:-${TMPDIR:-/tmp}/cal-servers/redis}"
stop_pidfile redis "$DATADIR/redis.pid"
[[ "${2:-}" == --purge ]] && rm -rf "$DATADIR" && echo "removed $DATADIR"
exit 0
