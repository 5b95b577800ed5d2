#!/usr/bin/env bash
# Start a throw-away Redis (Debian redis-server 7.0) on loopback, no persistence.
# Adapted from the reference scripts described in /work/shared/reference/servers.md (section D).
#
# usage: start-redis.sh [PORT|0] [DATADIR]
#   PORT     TCP port on 127.0.0.1 (default 0 = pick a free one)
#   DATADIR  default ${TMPDIR:-/tmp}/cal-servers/redis   (config, log, pid; no RDB/AOF is written)
# env: REDIS_PASS (optional: requirepass), START_TIMEOUT (default 20)
# Writes: DATADIR/redis.pid, DATADIR/redis.log, DATADIR/server.env (REDIS_URL HOST PORT PASSWORD PID),
#         DATADIR/cal.env (CAL_REDIS_URL).
# Quirk (servers.md D): with a password the URL is redis://default:PASS@...; `redis-cli -u redis://:PASS@...`
# fails with WRONGPASS.
set -euo pipefail
SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=lib.sh
. "$SCRIPT_DIR/lib.sh"

PORT="${1:-0}"
DATADIR="${2:-${TMPDIR:-/tmp}/cal-servers/redis}"
PASS="${REDIS_PASS:-}"
TIMEOUT="${START_TIMEOUT:-20}"

mkdir -p "$DATADIR"
DATADIR="$(cd "$DATADIR" && pwd)"
PIDFILE="$DATADIR/redis.pid"
ENVFILE="$DATADIR/server.env"

if [[ -f "$PIDFILE" ]] && kill -0 "$(cat "$PIDFILE")" 2>/dev/null; then
  if [[ -f "$ENVFILE" ]]; then
    # shellcheck disable=SC1090
    . "$ENVFILE"
    if [[ "$(REDISCLI_AUTH="$PASSWORD" redis-cli -h 127.0.0.1 -p "$PORT" ping 2>/dev/null)" == PONG ]]; then
      echo "redis already running (pid $(cat "$PIDFILE"))"; cat "$ENVFILE"; exit 0
    fi
  fi
  echo "an unhealthy redis (pid $(cat "$PIDFILE")) owns $DATADIR: stopping it first"
  "$SCRIPT_DIR/stop-redis.sh" "$DATADIR"
fi
rm -f "$ENVFILE" "$DATADIR/cal.env"

# ---- install if missing; lib.sh keeps the package's own service (6379) from starting ------------
# redis-server depends on redis-tools (redis-cli, used for the readiness check)
ensure_pkgs redis-server

[[ "$PORT" == 0 ]] && PORT="$(free_port)"

cat > "$DATADIR/redis.conf" <<EOF
bind 127.0.0.1
protected-mode yes
port $PORT
daemonize no
dir $DATADIR
logfile $DATADIR/redis.log
pidfile $DATADIR/redis-server.pid
# no persistence at all
save ""
appendonly no
databases 16
EOF
[[ -n "$PASS" ]] && echo "requirepass $PASS" >> "$DATADIR/redis.conf"

nohup /usr/bin/redis-server "$DATADIR/redis.conf" >/dev/null 2>&1 </dev/null &
PID=$!
echo "$PID" > "$PIDFILE"

deadline=$((SECONDS + TIMEOUT))
until [[ "$(REDISCLI_AUTH="$PASS" redis-cli -h 127.0.0.1 -p "$PORT" ping 2>/dev/null)" == PONG ]]; do
  if ! kill -0 "$PID" 2>/dev/null; then
    echo "redis exited during start-up; log:" >&2; tail -n 20 "$DATADIR/redis.log" >&2; rm -f "$PIDFILE"; exit 1
  fi
  if ((SECONDS >= deadline)); then
    echo "redis did not answer within ${TIMEOUT}s; log:" >&2; tail -n 20 "$DATADIR/redis.log" >&2
    "$SCRIPT_DIR/stop-redis.sh" "$DATADIR" >&2; exit 1
  fi
  sleep 0.05
done

URL="redis://127.0.0.1:$PORT"; [[ -n "$PASS" ]] && URL="redis://default:$PASS@127.0.0.1:$PORT"
write_env "$ENVFILE" "REDIS_URL=$URL" "HOST=127.0.0.1" "PORT=$PORT" "PASSWORD=$PASS" "PID=$PID"
write_env "$DATADIR/cal.env" "CAL_REDIS_URL=$URL"
echo "redis $(dpkg-query -W -f='${Version}' redis-server) up (pid $PID)"
echo "REDIS_URL=redis://127.0.0.1:$PORT"
