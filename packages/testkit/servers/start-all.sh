#!/usr/bin/env bash
# Start the real servers in parallel, each in DATAROOT/<name>, on free loopback ports.
#
# usage: start-all.sh DATAROOT
# env:   CAL_SERVERS=radicale,xandikos,cyrus,redis   (default: all four; comma or space separated)
#        plus every variable the single start-*.sh scripts read (RADICALE_USER, CYRUS_VERSION, ...)
# Writes DATAROOT/cal.env: the CAL_* variables of every started server (see SERVERS.md), shell-quoted:
#   set -a; . "$DATAROOT/cal.env"; set +a
# If any server fails, its output is printed, everything started here is stopped again, and the exit code is 1.
set -uo pipefail
SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="${1:?usage: start-all.sh DATAROOT}"
read -r -a names <<< "$(echo "${CAL_SERVERS:-radicale,xandikos,cyrus,redis}" | tr ',' ' ')"
for n in "${names[@]}"; do
  case "$n" in radicale|xandikos|cyrus|redis) ;; *) echo "unknown server '$n' in CAL_SERVERS" >&2; exit 2 ;; esac
done
mkdir -p "$ROOT"; ROOT="$(cd "$ROOT" && pwd)"
# the cyrus user must be able to traverse DATAROOT to reach DATAROOT/cyrus (a `mktemp -d` dir is 0700)
chmod o+x "$ROOT"

declare -A pids
t0=${EPOCHREALTIME/./}   # microseconds (bash 5)
for n in "${names[@]}"; do
  "$SCRIPT_DIR/start-$n.sh" 0 "$ROOT/$n" > "$ROOT/$n.start.log" 2>&1 &
  pids[$n]=$!
done
failed=()
for n in "${names[@]}"; do wait "${pids[$n]}" || failed+=("$n"); done

if ((${#failed[@]})); then
  for n in "${failed[@]}"; do echo "---- $n failed to start:" >&2; tail -n 40 "$ROOT/$n.start.log" >&2; done
  for n in "${names[@]}"; do "$SCRIPT_DIR/stop-$n.sh" "$ROOT/$n" >/dev/null 2>&1; done
  exit 1
fi
cat /dev/null > "$ROOT/cal.env"
for n in "${names[@]}"; do cat "$ROOT/$n/cal.env" >> "$ROOT/cal.env"; done
printf 'CAL_SERVERS_DATA_ROOT=%q\n' "$ROOT" >> "$ROOT/cal.env"
ms=$(( (${EPOCHREALTIME/./} - t0) / 1000 ))
echo "started ${names[*]} in ${ms} ms; env: $ROOT/cal.env"
