#!/usr/bin/env bash
# Stop the Cyrus master started by start-cyrus.sh (master SIGTERMs its children).
# usage: stop-cyrus.sh [DATADIR] [--purge]
set -uo pipefail
SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=lib.sh
. "$SCRIPT_DIR/lib.sh"
DATADIR="${1:-${TMPDIR:-/tmp}/cal-servers/cyrus}"
[[ -d "$DATADIR" ]] && DATADIR="$(cd "$DATADIR" && pwd)"
stop_pidfile "cyrus master" "$DATADIR/cyrus.pid"

# Children (httpd/imapd/squatter) started for this DATADIR normally exit with the master; SIGTERM any
# straggler individually, by pid, matched on this instance's own config path. Reads /proc directly:
# procps (`ps`) is not installed on a minimal Debian image.
leftovers() {
  local d cmd
  for d in /proc/[0-9]*; do
    cmd="$( { tr '\0' ' ' < "$d/cmdline"; } 2>/dev/null)" || continue   # the process may be gone
    [[ "$cmd" == *"$DATADIR/etc/imapd.conf"* ]] && echo "${d#/proc/}"
  done
}
left=""
for _ in $(seq 1 30); do
  left="$(leftovers)"
  [[ -z "$left" ]] && break
  sleep 0.1
done
for p in $left; do echo "terminating leftover cyrus process $p"; kill -TERM "$p" 2>/dev/null; done
[[ "${2:-}" == --purge ]] && rm -rf "$DATADIR" && echo "removed $DATADIR"
exit 0
