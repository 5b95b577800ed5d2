#!/usr/bin/env bash
# Start a throw-away Radicale (Debian package 3.1.x) CalDAV/CardDAV server on loopback.
# Adapted from the reference scripts described in /work/shared/reference/servers.md (section A).
#
# usage: start-radicale.sh [PORT|0] [DATADIR]
#   PORT     TCP port on 127.0.0.1 (default 0 = pick a free one)
#   DATADIR  directory for config, htpasswd, collections, log, pid (default ${TMPDIR:-/tmp}/cal-servers/radicale)
# env:
#   RADICALE_USER / RADICALE_PASS   test credentials          (default test / test)
#   RADICALE_AUTH                   plain | bcrypt | none     (default plain)
#   START_TIMEOUT                   seconds to wait for HTTP  (default 30)
#
# Idempotent: a healthy server started by this script from DATADIR is reused (the PORT argument is then
# ignored); an unhealthy one is stopped first.
# Writes: DATADIR/radicale.pid, DATADIR/radicale.log,
#         DATADIR/server.env (BASE_URL PORT USERNAME PASSWORD AUTH PID, shell-quoted),
#         DATADIR/cal.env    (CAL_RADICALE_URL CAL_RADICALE_USER CAL_RADICALE_PASS, what the tests read).
# Quirks (servers.md A): HTTP/1.0 without keep-alive; calendar-home-set = principal (/USER/); `expand` is
# ignored and free-busy unsupported; an update PUT returns 201 (not 204); DELETE returns 200; UID
# conflicts 409; a bad sync token 403 <valid-sync-token/>.
set -euo pipefail
SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=lib.sh
. "$SCRIPT_DIR/lib.sh"

PORT="${1:-0}"
DATADIR="${2:-${TMPDIR:-/tmp}/cal-servers/radicale}"
USER_NAME="${RADICALE_USER:-test}"
USER_PASS="${RADICALE_PASS:-test}"
AUTH="${RADICALE_AUTH:-plain}"
TIMEOUT="${START_TIMEOUT:-30}"

mkdir -p "$DATADIR"
DATADIR="$(cd "$DATADIR" && pwd)"
PIDFILE="$DATADIR/radicale.pid"
ENVFILE="$DATADIR/server.env"

# ---- reuse a running instance -------------------------------------------------------------
if [[ -f "$PIDFILE" ]] && kill -0 "$(cat "$PIDFILE")" 2>/dev/null; then
  if [[ -f "$ENVFILE" ]]; then
    # shellcheck disable=SC1090
    . "$ENVFILE"
    if curl -s -o /dev/null --max-time 2 -X OPTIONS "$BASE_URL/"; then
      echo "radicale already running (pid $(cat "$PIDFILE"))"; cat "$ENVFILE"; exit 0
    fi
  fi
  echo "an unhealthy radicale (pid $(cat "$PIDFILE")) owns $DATADIR: stopping it first"
  "$SCRIPT_DIR/stop-radicale.sh" "$DATADIR"
fi
rm -f "$ENVFILE" "$DATADIR/cal.env"

# ---- install packages if missing (radicale pulls in python3) -----------------------------
pkgs=(radicale curl)
[[ "$AUTH" == bcrypt ]] && pkgs+=(python3-bcrypt python3-passlib)
ensure_pkgs "${pkgs[@]}"

[[ "$PORT" == 0 ]] && PORT="$(free_port)"

# ---- config ---------------------------------------------------------------------------------
mkdir -p "$DATADIR/collections"
case "$AUTH" in
  plain)
    printf '%s:%s\n' "$USER_NAME" "$USER_PASS" > "$DATADIR/users"
    AUTH_CFG=$'type = htpasswd\nhtpasswd_filename = '"$DATADIR/users"$'\nhtpasswd_encryption = plain' ;;
  bcrypt)
    # cost 4: tests should not pay for key stretching
    /usr/bin/python3 - "$USER_NAME" "$USER_PASS" > "$DATADIR/users" <<'PY'
import sys, bcrypt
print("%s:%s" % (sys.argv[1], bcrypt.hashpw(sys.argv[2].encode(), bcrypt.gensalt(rounds=4)).decode()))
PY
    AUTH_CFG=$'type = htpasswd\nhtpasswd_filename = '"$DATADIR/users"$'\nhtpasswd_encryption = bcrypt' ;;
  none)
    AUTH_CFG=$'type = none' ;;
  *) echo "RADICALE_AUTH must be plain|bcrypt|none" >&2; exit 2 ;;
esac

cat > "$DATADIR/config" <<EOF
[server]
hosts = 127.0.0.1:$PORT
max_connections = 20
timeout = 30

[auth]
$AUTH_CFG
# no artificial 1 s delay after a failed login (tests do wrong-password checks)
delay = 0

[rights]
type = owner_only

[storage]
filesystem_folder = $DATADIR/collections

[web]
type = none

[logging]
level = info
mask_passwords = True
EOF

# ---- start ----------------------------------------------------------------------------------
# --config replaces the default search path (/etc/radicale/config, ~/.config/radicale/config)
nohup /usr/bin/radicale --config "$DATADIR/config" >>"$DATADIR/radicale.log" 2>&1 < /dev/null &
PID=$!
echo "$PID" > "$PIDFILE"

BASE_URL="http://127.0.0.1:$PORT"
deadline=$((SECONDS + TIMEOUT))
# readiness: OPTIONS / answers with any HTTP status
until code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 -X OPTIONS "$BASE_URL/") && [[ "$code" != 000 ]]; do
  if ! kill -0 "$PID" 2>/dev/null; then
    echo "radicale exited during start-up; log:" >&2; tail -n 30 "$DATADIR/radicale.log" >&2; rm -f "$PIDFILE"; exit 1
  fi
  if ((SECONDS >= deadline)); then
    echo "radicale did not answer within ${TIMEOUT}s; log:" >&2; tail -n 30 "$DATADIR/radicale.log" >&2
    "$SCRIPT_DIR/stop-radicale.sh" "$DATADIR" >&2; exit 1
  fi
  sleep 0.1
done

write_env "$ENVFILE" "BASE_URL=$BASE_URL" "PORT=$PORT" "USERNAME=$USER_NAME" "PASSWORD=$USER_PASS" \
  "AUTH=$AUTH" "PID=$PID"
write_env "$DATADIR/cal.env" "CAL_RADICALE_URL=$BASE_URL/" "CAL_RADICALE_USER=$USER_NAME" \
  "CAL_RADICALE_PASS=$USER_PASS"
echo "radicale $(dpkg-query -W -f='${Version}' radicale) up (pid $PID)"
echo "BASE_URL=$BASE_URL  user=$USER_NAME  auth=$AUTH"
echo "principal: $BASE_URL/$USER_NAME/"
