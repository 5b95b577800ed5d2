#!/usr/bin/env bash
# Stop every server that start-all.sh (or the vitest globalSetup) started under DATAROOT, by PID.
# usage: stop-all.sh DATAROOT [--purge]      (--purge also deletes DATAROOT)
set -uo pipefail
SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="${1:?usage: stop-all.sh DATAROOT [--purge]}"
for n in radicale xandikos cyrus redis; do
  [[ -d "$ROOT/$n" ]] && "$SCRIPT_DIR/stop-$n.sh" "$ROOT/$n" &
done
wait
[[ "${2:-}" == --purge ]] && rm -rf "$ROOT" && echo "removed $ROOT"
exit 0
