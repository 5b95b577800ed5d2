#!/usr/bin/env bash
# Stop the Radicale started by start-radicale.sh (by PID).   usage: stop-radicale.sh [DATADIR] [--purge]
set -uo pipefail
SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=lib.sh
. "$SCRIPT_DIR/lib.sh"
DATADIR="${1:-${TMPDIR:-/tmp}/cal-servers/radicale}"
stop_pidfile radicale "$DATADIR/radicale.pid"
[[ "${2:-}" == --purge ]] && rm -rf "$DATADIR" && echo "removed $DATADIR"
exit 0
