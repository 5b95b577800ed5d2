#!/usr/bin/env bash
# Stop the Xandikos started by start-xandikos.sh (by PID).   usage: stop-xandikos.sh [DATADIR] [--purge]
set -uo pipefail
SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=lib.sh
. "$SCRIPT_DIR/lib.sh"
DATADIR="${1:-${TMPDIR:-/tmp}/cal-servers/xandikos}"
stop_pidfile xandikos "$DATADIR/xandikos.pid"
[[ "${2:-}" == --purge ]] && rm -rf "$DATADIR" && echo "removed $DATADIR"
exit 0
