#!/usr/bin/env bash
# Start a throw-away Xandikos (Debian package 0.2.x, git-backed CalDAV/CardDAV) on loopback.
# Adapted from the reference scripts described in /work/shared/reference/servers.md (section B).
#
# usage: start-xandikos.sh [PORT|0] [DATADIR]
#   PORT     TCP port on 127.0.0.1 (default 0 = pick a free one)
#   DATADIR  directory for the git store, log, pid (default ${TMPDIR:-/tmp}/cal-servers/xandikos)
# env:
#   XANDIKOS_USER / XANDIKOS_PASS  principal name (/USER/) and Basic-auth credentials (default test / test)
#   XANDIKOS_AUTH   basic | none   (default basic)
#        none  = the stock /usr/bin/xandikos CLI. Xandikos itself has NO authentication: any (or no)
#                credentials are accepted and every request is served as the single principal /USER/
#                (a wrong password gets 207, not 401).
#        basic = xandikos-basic-auth.py (next to this script): the same XandikosBackend/XandikosApp served
#                by aiohttp with a tiny Basic-auth middleware (401 + WWW-Authenticate on bad credentials).
#                Upstream's recommendation for auth is a reverse proxy; this avoids installing one.
#   XANDIKOS_DEFAULTS=1  also create /USER/calendars/calendar and /USER/contacts/addressbook
#   START_TIMEOUT        seconds to wait for /health (default 30)
# Writes: DATADIR/xandikos.pid, DATADIR/xandikos.log,
#         DATADIR/server.env (BASE_URL PORT USERNAME PASSWORD AUTH PID),
#         DATADIR/cal.env    (CAL_XANDIKOS_URL CAL_XANDIKOS_USER CAL_XANDIKOS_PASS).
# Quirks (servers.md B.2): a bad/unknown sync token gives 500 (traceback), not 403; sync tokens are bare
# git SHA-1s, not URIs; recurring events match a time-range only on their first instance; `expand` and
# free-busy are broken for recurrences; the MKCALENDAR response namespace is mistyped (`carldav`);
# calendar-home-set is /USER/calendars/.
set -euo pipefail
SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=lib.sh
. "$SCRIPT_DIR/lib.sh"

PORT="${1:-0}"
DATADIR="${2:-${TMPDIR:-/tmp}/cal-servers/xandikos}"
USER_NAME="${XANDIKOS_USER:-test}"
USER_PASS="${XANDIKOS_PASS:-test}"
AUTH="${XANDIKOS_AUTH:-basic}"
DEFAULTS="${XANDIKOS_DEFAULTS:-0}"
TIMEOUT="${START_TIMEOUT:-30}"

mkdir -p "$DATADIR"
DATADIR="$(cd "$DATADIR" && pwd)"
PIDFILE="$DATADIR/xandikos.pid"
ENVFILE="$DATADIR/server.env"

if [[ -f "$PIDFILE" ]] && kill -0 "$(cat "$PIDFILE")" 2>/dev/null; then
  if [[ -f "$ENVFILE" ]]; then
    # shellcheck disable=SC1090
    . "$ENVFILE"
    if curl -sf -o /dev/null --max-time 2 "$BASE_URL/health"; then
      echo "xandikos already running (pid $(cat "$PIDFILE"))"; cat "$ENVFILE"; exit 0
    fi
  fi
  echo "an unhealthy xandikos (pid $(cat "$PIDFILE")) owns $DATADIR: stopping it first"
  "$SCRIPT_DIR/stop-xandikos.sh" "$DATADIR"
fi
rm -f "$ENVFILE" "$DATADIR/cal.env"

# ---- install packages if missing (xandikos depends on python3-aiohttp, used by the auth wrapper) --
ensure_pkgs xandikos curl

[[ "$PORT" == 0 ]] && PORT="$(free_port)"
mkdir -p "$DATADIR/store"

case "$AUTH" in
  none)
    args=(/usr/bin/xandikos -d "$DATADIR/store" -l 127.0.0.1 -p "$PORT" --current-user-principal "/$USER_NAME/" --autocreate)
    [[ "$DEFAULTS" == 1 ]] && args+=(--defaults)
    ;;
  basic)
    args=(/usr/bin/python3 "$SCRIPT_DIR/xandikos-basic-auth.py" "$DATADIR/store" 127.0.0.1 "$PORT" "$USER_NAME" "$USER_PASS" "$DEFAULTS")
    ;;
  *) echo "XANDIKOS_AUTH must be basic|none" >&2; exit 2 ;;
esac

nohup "${args[@]}" >>"$DATADIR/xandikos.log" 2>&1 < /dev/null &
PID=$!
echo "$PID" > "$PIDFILE"

BASE_URL="http://127.0.0.1:$PORT"
deadline=$((SECONDS + TIMEOUT))
until curl -sf -o /dev/null --max-time 2 "$BASE_URL/health"; do
  if ! kill -0 "$PID" 2>/dev/null; then
    echo "xandikos exited during start-up; log:" >&2; tail -n 30 "$DATADIR/xandikos.log" >&2; rm -f "$PIDFILE"; exit 1
  fi
  if ((SECONDS >= deadline)); then
    echo "xandikos did not answer within ${TIMEOUT}s; log:" >&2; tail -n 30 "$DATADIR/xandikos.log" >&2
    "$SCRIPT_DIR/stop-xandikos.sh" "$DATADIR" >&2; exit 1
  fi
  sleep 0.1
done

write_env "$ENVFILE" "BASE_URL=$BASE_URL" "PORT=$PORT" "USERNAME=$USER_NAME" "PASSWORD=$USER_PASS" \
  "AUTH=$AUTH" "PID=$PID"
write_env "$DATADIR/cal.env" "CAL_XANDIKOS_URL=$BASE_URL/" "CAL_XANDIKOS_USER=$USER_NAME" \
  "CAL_XANDIKOS_PASS=$USER_PASS"
echo "xandikos $(dpkg-query -W -f='${Version}' xandikos) up (pid $PID, auth=$AUTH)"
echo "BASE_URL=$BASE_URL  user=$USER_NAME"
echo "principal: $BASE_URL/$USER_NAME/   calendar-home-set: $BASE_URL/$USER_NAME/calendars/"
