#!/usr/bin/env bash
# Start a throw-away Cyrus IMAP (3.10 from bookworm-backports, or Debian bookworm 3.6) with its HTTP module serving
# CalDAV + CardDAV + JMAP (incl. JMAP for Calendars) on loopback. Run as root (master drops to user cyrus).
# Adapted from the reference scripts described in /work/shared/reference/servers.md (section C).
# Runs `master` as a plain background process (no systemd, no /etc/imapd.conf, no /var/lib/cyrus):
# every path (config, databases, spool, sockets, locks, search index) lives under DATADIR.
#
# usage: start-cyrus.sh [HTTP_PORT|0] [DATADIR]
#   HTTP_PORT  TCP port on 127.0.0.1 for HTTP (CalDAV/JMAP) (default 0 = pick a free one)
#   DATADIR    default ${TMPDIR:-/tmp}/cal-servers/cyrus   (must be reachable by the 'cyrus' user:
#              every parent directory needs o+x; a `mktemp -d` dir itself is fine, it gets chowned)
# env:
#   CYRUS_USERS       space-separated user:password list to provision  (default "test:test")
#                     the second one (if any) is written to cal.env as CAL_CYRUS_USER2/CAL_CYRUS_PASS2
#                     the first one is written to server.env as USERNAME/PASSWORD
#   CYRUS_ADMIN_PASS  password of the IMAP admin 'cyrus'              (default admin)
#   CYRUS_IMAP_PORT   IMAP port on 127.0.0.1 (used for provisioning)   (default 0 = free port)
#   CYRUS_SEARCH      xapian | none   (default xapian: needed by CalendarEvent/query text/title filters;
#                     a rolling squatter indexes new events ~100-300 ms after they are written)
#   CYRUS_JMAP_NONSTANDARD  yes | no (default yes). With "no" (the Cyrus default) the session has NO calendars
#                     capability at all (3.6 has no urn:ietf:params:jmap:calendars); only useful to show that
#   CYRUS_VERSION     3.6 (bookworm, JMAP calendars only as the Cyrus extension
#                     https://cyrusimap.org/ns/jmap/calendars) | 3.10 (default; bookworm-backports 3.10.1: IETF
#                     urn:ietf:params:jmap:calendars). Switching up/down re-installs the packages;
#                     use a fresh DATADIR per version (3.10 upgrades mailboxes in place, no way back).
#   APT_BPO_DIR       private apt lists/cache for the backports install (default ${TMPDIR:-/tmp}/cal-apt-bpo)
#   START_TIMEOUT     seconds to wait for HTTP (default 60)
# Writes: DATADIR/cyrus.pid (master pid), DATADIR/server.env, DATADIR/master.log, DATADIR/imip/*.eml,
#   DATADIR/cal.env (CAL_CYRUS_URL CAL_CYRUS_DAV_URL CAL_CYRUS_JMAP_URL CAL_CYRUS_JMAP_CAPABILITY CAL_CYRUS_USER
#   CAL_CYRUS_PASS CAL_CYRUS_INDEX_CMD CAL_CYRUS_IMAP_PORT CAL_CYRUS_ADMIN_USER CAL_CYRUS_ADMIN_PASS)
#   (iTIP/iMIP mail that Cyrus "sends" for events with participants goes to a sink script, not to a MTA)
# Auth: HTTP Basic / IMAP LOGIN, checked by SASL auxprop against DATADIR/lib/sasldb2 (saslpasswd2).
# Quirks (servers.md C.4, C.2/C.3): an anonymous PROPFIND on / or /dav/ gets 207 <unauthenticated/>, not 401
# (send Basic auth preemptively); /.well-known/caldav -> 301 /dav/calendars, /.well-known/jmap -> 301 /jmap;
# 403 (not 409) for UID conflicts and MKCALENDAR on an existing path; sync tokens `data:,<uidvalidity>-<modseq>`;
# the JMAP session's apiUrl is relative ("/jmap/"); title/text search is eventually consistent (rolling
# squatter, 100-300 ms): run "$INDEX_CMD <user>" before asserting on it. Cyrus logs only via syslog(3): with no
# /dev/log only master's stderr reaches DATADIR/master.log.
set -euo pipefail
SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=lib.sh
. "$SCRIPT_DIR/lib.sh"

PORT="${1:-0}"
DATADIR="${2:-${TMPDIR:-/tmp}/cal-servers/cyrus}"
USERS="${CYRUS_USERS:-test:test}"
ADMIN_PASS="${CYRUS_ADMIN_PASS:-admin}"
IMAP_PORT="${CYRUS_IMAP_PORT:-0}"
SEARCH="${CYRUS_SEARCH:-xapian}"
NONSTD="${CYRUS_JMAP_NONSTANDARD:-yes}"
CYRUS_VERSION="${CYRUS_VERSION:-3.10}"
TIMEOUT="${START_TIMEOUT:-60}"
JMAP_CAL_CAP="https://cyrusimap.org/ns/jmap/calendars"   # replaced by the IETF name if the session has it
BIN=/usr/lib/cyrus/bin

mkdir -p "$DATADIR"
DATADIR="$(cd "$DATADIR" && pwd)"
PIDFILE="$DATADIR/cyrus.pid"
ENVFILE="$DATADIR/server.env"

if [[ -f "$PIDFILE" ]] && kill -0 "$(cat "$PIDFILE")" 2>/dev/null; then
  if [[ -f "$ENVFILE" ]]; then
    # shellcheck disable=SC1090
    . "$ENVFILE"
    if [[ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 3 -u "$USERNAME:$PASSWORD" "$BASE_URL/jmap/")" == 200 ]]; then
      echo "cyrus already running (pid $(cat "$PIDFILE"))"; cat "$ENVFILE"; exit 0
    fi
  fi
  echo "an unhealthy cyrus (pid $(cat "$PIDFILE")) owns $DATADIR: stopping it first"
  "$SCRIPT_DIR/stop-cyrus.sh" "$DATADIR"
fi
rm -f "$ENVFILE" "$DATADIR/cal.env"

# ---- install packages if missing (lib.sh: private apt state for the backports, libclamav11 stand-in) --
ensure_cyrus "$CYRUS_VERSION"

[[ "$PORT" == 0 ]] && PORT="$(free_port)"
[[ "$IMAP_PORT" == 0 ]] && IMAP_PORT="$(free_port)"
[[ "$IMAP_PORT" == "$PORT" ]] && IMAP_PORT="$(free_port)"

# ---- directories --------------------------------------------------------------------------------
D="$DATADIR"
mkdir -p "$D"/{etc,spool,sieve,search,imip,bin} "$D"/run/{proc,lock,socket} "$D"/lib/{db,log,msg,user,quota,sync}

# iMIP sink. Cyrus talks SMTP to `sendmail -bs` (also just to read the SIZE limit it reports in the
# JMAP session), so the sink speaks minimal SMTP and stores every accepted message as DATADIR/imip/*.eml
cat > "$D/bin/sendmail-sink" <<EOF
#!/usr/bin/python3
import sys, time
OUT = "$D/imip"
if "-bs" not in sys.argv[1:]:                       # classic "sendmail rcpt... < message"
    data = sys.stdin.buffer.read()
    open("%s/%d.eml" % (OUT, time.time_ns()), "wb").write(b"X-Sendmail-Args: " + " ".join(sys.argv[1:]).encode() + b"\\r\\n" + data)
    sys.exit(0)
rd, wr = sys.stdin.buffer, sys.stdout.buffer
def say(*lines):
    for i, l in enumerate(lines):
        wr.write(l.encode() + b"\\r\\n")
    wr.flush()
say("220 localhost sendmail-sink ESMTP")
mail_from, rcpts = "", []
while True:
    line = rd.readline()
    if not line:
        break
    cmd = line.decode("utf-8", "replace").strip()
    verb = cmd.split(" ", 1)[0].upper()
    if verb in ("EHLO", "HELO", "LHLO"):
        say("250-localhost", "250-SIZE 52428800", "250-8BITMIME", "250 ENHANCEDSTATUSCODES")
    elif verb == "MAIL":
        mail_from, rcpts = cmd[10:], []; say("250 2.1.0 OK")
    elif verb == "RCPT":
        rcpts.append(cmd[8:]); say("250 2.1.5 OK")
    elif verb == "DATA":
        say("354 go ahead"); body = []
        while True:
            l = rd.readline()
            if not l or l.rstrip(b"\\r\\n") == b".":
                break
            body.append(l[1:] if l.startswith(b"..") else l)
        hdr = ("X-Envelope-From: %s\\r\\nX-Envelope-To: %s\\r\\n" % (mail_from, ", ".join(rcpts))).encode()
        open("%s/%d.eml" % (OUT, time.time_ns()), "wb").write(hdr + b"".join(body))
        say("250 2.0.0 queued")
    elif verb in ("RSET", "NOOP"):
        say("250 2.0.0 OK")
    elif verb == "QUIT":
        say("221 2.0.0 bye"); break
    else:
        say("502 5.5.2 not implemented")
EOF
chmod 755 "$D/bin/sendmail-sink"

# ---- imapd.conf ---------------------------------------------------------------------------------
SEARCH_CFG=""
if [[ "$SEARCH" == xapian ]]; then
  SEARCH_CFG="search_engine: xapian
search_index_headers: no
search_batchsize: 8192
defaultsearchtier: t1
t1searchpartition-default: $D/search
sync_log: yes
sync_log_channels: squatter"
fi
cat > "$D/etc/imapd.conf" <<EOF
# generated by start-cyrus.sh
configdirectory: $D/lib
defaultpartition: default
partition-default: $D/spool
sievedir: $D/sieve
proc_path: $D/run/proc
mboxname_lockpath: $D/run/lock
lmtpsocket: $D/run/socket/lmtp
idlesocket: $D/run/socket/idle
notifysocket: $D/run/socket/notify
servername: localhost
syslog_prefix: cyrus-test
umask: 077

admins: cyrus
# "user/test", INBOX children shown at top level
altnamespace: yes
unixhierarchysep: yes
virtdomains: off
allowplaintext: yes
sasl_pwcheck_method: auxprop
sasl_auxprop_plugin: sasldb
sasl_sasldb_path: $D/lib/sasldb2
sasl_mech_list: PLAIN LOGIN
# INBOX is created on first successful login (we log in once over IMAP in this script)
autocreate_quota: 0

# JMAP needs conversations
conversations: yes
conversations_db: twoskip
httpmodules: caldav carddav jmap
httpallowcompress: no
# 3.6: JMAP calendars/contacts exist only as non-standard extensions (https://cyrusimap.org/ns/jmap/...);
# without this 3.6 has no calendars capability at all. 3.10: urn:ietf:params:jmap:calendars is always on
jmap_nonstandard_extensions: $NONSTD
caldav_historical_age: -1
sendmail: $D/bin/sendmail-sink
$SEARCH_CFG
EOF

# ---- cyrus.conf ---------------------------------------------------------------------------------
C="-C $D/etc/imapd.conf"
SQUATTER=""
[[ "$SEARCH" == xapian ]] && SQUATTER="  squatter cmd=\"$BIN/squatter $C -R\""
cat > "$D/etc/cyrus.conf" <<EOF
# generated by start-cyrus.sh -- master does not pass -C on to its children, so every cmd has it
START {
  recover cmd="$BIN/ctl_cyrusdb $C -r"
}
SERVICES {
  imap cmd="$BIN/imapd $C" listen="127.0.0.1:$IMAP_PORT" prefork=0
  http cmd="$BIN/httpd $C" listen="127.0.0.1:$PORT" prefork=0
  lmtpunix cmd="$BIN/lmtpd $C" listen="$D/run/socket/lmtp" prefork=0
}
EVENTS {
  checkpoint cmd="$BIN/ctl_cyrusdb $C -c" period=30
}
DAEMON {
$SQUATTER
}
EOF

# ---- users (SASL db) ----------------------------------------------------------------------------
rm -f "$D/lib/sasldb2"
printf '%s' "$ADMIN_PASS" | saslpasswd2 -p -c -f "$D/lib/sasldb2" -u localhost cyrus
for up in $USERS; do
  printf '%s' "${up#*:}" | saslpasswd2 -p -c -f "$D/lib/sasldb2" -u localhost "${up%%:*}"
done

chown -R cyrus:mail "$D"
if ! runuser -u cyrus -- test -w "$D/lib"; then
  echo "the 'cyrus' user cannot write $D/lib (a parent directory is not world-searchable?)" >&2; exit 1
fi

# ---- start master (foreground process in the background; it switches to the cyrus user itself) ---
cd "$D"
nohup "$BIN/master" -C "$D/etc/imapd.conf" -M "$D/etc/cyrus.conf" -p "$D/run/master.pid" \
  >>"$D/master.log" 2>&1 </dev/null &
PID=$!
echo "$PID" > "$PIDFILE"
cd - >/dev/null
# if anything below fails, do not leave a half-started server behind
trap 'rc=$?; if ((rc)); then echo "start failed (rc=$rc), stopping master $PID" >&2; "$SCRIPT_DIR/stop-cyrus.sh" "$DATADIR" >&2; fi' EXIT

BASE_URL="http://127.0.0.1:$PORT"
first="${USERS%% *}"; U1="${first%%:*}"; P1="${first#*:}"
# a second account (if provisioned) for scheduling tests: invite -> attendee inbox -> reply
second=""; [[ "$USERS" == *" "* ]] && { rest="${USERS#* }"; second="${rest%% *}"; }
U2="${second%%:*}"; P2="${second#*:}"
deadline=$((SECONDS + TIMEOUT))
until [[ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$BASE_URL/jmap/")" != 000 ]]; do
  if ! kill -0 "$PID" 2>/dev/null; then
    echo "cyrus master exited during start-up; log:" >&2; tail -n 30 "$D/master.log" >&2; exit 1
  fi
  if ((SECONDS >= deadline)); then echo "cyrus did not answer within ${TIMEOUT}s" >&2; exit 1; fi
  sleep 0.1
done

# ---- provision: IMAP login autocreates INBOX; a CalDAV PROPFIND autocreates Default/Inbox/Outbox --
for up in $USERS; do
  u="${up%%:*}"; p="${up#*:}"
  curl -s --max-time 10 "imap://127.0.0.1:$IMAP_PORT/" -u "$u:$p" -X 'LIST "" "*"' >/dev/null \
    || { echo "IMAP login for $u failed" >&2; exit 1; }
  code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 -u "$u:$p" -X PROPFIND -H 'Depth: 1' \
    "$BASE_URL/dav/calendars/user/$u/")
  [[ "$code" == 207 ]] || { echo "CalDAV provisioning for $u failed (HTTP $code)" >&2; exit 1; }
done
session=$(curl -s --max-time 10 -u "$U1:$P1" "$BASE_URL/jmap/")
[[ "$session" == *'"urn:ietf:params:jmap:calendars"'* ]] && JMAP_CAL_CAP="urn:ietf:params:jmap:calendars"
if [[ "$NONSTD" == yes && "$session" != *"$JMAP_CAL_CAP"* ]]; then
  echo "JMAP session lacks $JMAP_CAL_CAP:" >&2; echo "$session" | head -c 600 >&2; exit 1
fi

INDEX_CMD="runuser -u cyrus -- $BIN/squatter -C $D/etc/imapd.conf -i -u"
write_env "$ENVFILE" "BASE_URL=$BASE_URL" "PORT=$PORT" "IMAP_PORT=$IMAP_PORT" "USERNAME=$U1" "PASSWORD=$P1" \
  "USERS=$USERS" "ADMIN_USER=cyrus" "ADMIN_PASS=$ADMIN_PASS" "JMAP_SESSION_URL=$BASE_URL/jmap/" \
  "JMAP_CALENDARS_CAPABILITY=$JMAP_CAL_CAP" "CALDAV_PRINCIPAL=$BASE_URL/dav/principals/user/$U1/" \
  "CALDAV_HOME=$BASE_URL/dav/calendars/user/$U1/" "INDEX_CMD=$INDEX_CMD" "PID=$PID"
write_env "$DATADIR/cal.env" "CAL_CYRUS_URL=$BASE_URL" "CAL_CYRUS_DAV_URL=$BASE_URL/dav/" \
  "CAL_CYRUS_JMAP_URL=$BASE_URL/jmap/" "CAL_CYRUS_JMAP_CAPABILITY=$JMAP_CAL_CAP" "CAL_CYRUS_USER=$U1" \
  "CAL_CYRUS_PASS=$P1" "CAL_CYRUS_INDEX_CMD=$INDEX_CMD" "CAL_CYRUS_IMAP_PORT=$IMAP_PORT" \
  "CAL_CYRUS_ADMIN_USER=cyrus" "CAL_CYRUS_ADMIN_PASS=$ADMIN_PASS" \
  ${second:+"CAL_CYRUS_USER2=$U2" "CAL_CYRUS_PASS2=$P2"}
chmod 644 "$ENVFILE" "$DATADIR/cal.env"

echo "cyrus $(dpkg-query -W -f='${Version}' cyrus-imapd) up (master pid $PID)"
echo "BASE_URL=$BASE_URL  user=$U1   (IMAP 127.0.0.1:$IMAP_PORT, admin cyrus)"
echo "JMAP session: $BASE_URL/jmap/ (also /.well-known/jmap -> 301 /jmap)   capability: $JMAP_CAL_CAP"
echo "CalDAV: principal $BASE_URL/dav/principals/user/$U1/  home $BASE_URL/dav/calendars/user/$U1/"
echo "index now (text/title queries): $INDEX_CMD $U1"
