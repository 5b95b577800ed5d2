# shellcheck shell=bash
# Helpers shared by the start-/stop-/install scripts in this directory. Sourced, never executed.
#
# Facts these helpers rely on (see /work/shared/reference/servers.md, "Common contract"):
# - Debian 12 container, run as root, no systemd. Packaged services must never start during an install
#   (Redis would grab 6379, Cyrus 143/8008): a temporary /usr/sbin/policy-rc.d denies them.
# - On the reference machine `python3` on PATH was a pyenv shim that cannot see Debian's dist-packages,
#   so every Python call uses /usr/bin/python3 explicitly.
# - Several start scripts may run at the same time (start-all.sh, the vitest globalSetup, two test runs):
#   every apt/dpkg step is serialised on one lock file, and package checks are repeated under the lock.

CAL_APT_LOCK="${CAL_APT_LOCK:-/tmp/cal-testkit-apt.lock}"
export DEBIAN_FRONTEND=noninteractive
# apt >= 1.9.11 waits for a dpkg lock held by someone else (unattended-upgrades, another CI step)
CAL_APT_WAIT=(-o DPkg::Lock::Timeout=600)

pkg_installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "ok installed"; }
installed_ver() { dpkg-query -W -f='${Status} ${Version}' "$1" 2>/dev/null | awk '/ok installed/ {print $4}'; }

# Run "$@" while invoke-rc.d is denied, so that no packaged system service starts during an install.
with_policy() {
  local tmp=""
  if [[ ! -e /usr/sbin/policy-rc.d ]]; then
    printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d; chmod +x /usr/sbin/policy-rc.d; tmp=1
  fi
  local rc=0; "$@" || rc=$?
  [[ -n "$tmp" ]] && rm -f /usr/sbin/policy-rc.d
  return $rc
}

# Take / release the shared apt lock (fd 9). Not re-entrant: release before taking it again.
apt_lock()   { exec 9>>"$CAL_APT_LOCK"; flock -w 900 9 || { echo "timed out waiting for $CAL_APT_LOCK" >&2; return 1; }; }
apt_unlock() { flock -u 9 2>/dev/null; exec 9>&-; }

# ensure_pkgs PKG...: install the missing ones from the system's apt sources (--no-install-recommends).
# Quick (only dpkg-query) when everything is installed. `apt-get update` runs only when apt cannot see a
# package (a fresh Docker image has no lists at all), or once more after a failed install.
ensure_pkgs() {
  local need=() p
  for p in "$@"; do pkg_installed "$p" || need+=("$p"); done
  ((${#need[@]})) || return 0
  if ((EUID != 0)); then
    echo "missing Debian packages: ${need[*]} (run packages/testkit/servers/install.sh as root)" >&2; return 1
  fi
  apt_lock || return 1
  need=(); for p in "$@"; do pkg_installed "$p" || need+=("$p"); done   # a parallel script may have won
  local rc=0
  if ((${#need[@]})); then
    echo "installing: ${need[*]}"
    apt-cache show "${need[@]}" >/dev/null 2>&1 || apt-get "${CAL_APT_WAIT[@]}" update -qq || rc=$?
    if ((rc == 0)); then
      with_policy apt-get "${CAL_APT_WAIT[@]}" install -y -qq --no-install-recommends "${need[@]}" >/dev/null \
        || { apt-get "${CAL_APT_WAIT[@]}" update -qq \
             && with_policy apt-get "${CAL_APT_WAIT[@]}" install -y -qq --no-install-recommends "${need[@]}" >/dev/null; } \
        || rc=$?
    fi
  fi
  apt_unlock
  return $rc
}

# ensure_cyrus 3.10|3.6: cyrus-common/-imapd/-caldav of that version (plus SASL tools) are installed.
ensure_cyrus() {
  local want="$1" pkgs=(cyrus-common cyrus-imapd cyrus-caldav)
  # curl: readiness + IMAP provisioning; python3-minimal: iMIP sink and free-port picker;
  # sasl2-bin: saslpasswd2; libsasl2-modules-db: the sasldb auxprop plugin
  ensure_pkgs curl python3-minimal sasl2-bin libsasl2-modules-db || return 1
  case "$want" in 3.6|3.10) ;; *) echo "CYRUS_VERSION must be 3.6 or 3.10" >&2; return 2 ;; esac
  cyrus_is() { [[ "$(installed_ver cyrus-caldav)" == "$1".* && "$(installed_ver cyrus-imapd)" == "$1".* \
                  && "$(installed_ver cyrus-common)" == "$1".* ]]; }
  cyrus_is "$want" && return 0
  if ((EUID != 0)); then echo "cyrus $want is not installed (run packages/testkit/servers/install.sh as root)" >&2; return 1; fi
  apt_lock || return 1
  local rc=0
  cyrus_is "$want" || _install_cyrus "$want" || rc=$?
  apt_unlock
  return $rc
}

_install_cyrus() {
  local want="$1" pkgs=(cyrus-common cyrus-imapd cyrus-caldav) ver
  if [[ "$want" == 3.6 ]]; then
    apt-cache show cyrus-imapd >/dev/null 2>&1 || apt-get "${CAL_APT_WAIT[@]}" update -qq
    ver="$(apt-cache madison cyrus-common | awk '$3 ~ /^3\.6\./ {print $3; exit}')"
    [[ -n "$ver" ]] || { apt-get "${CAL_APT_WAIT[@]}" update -qq; ver="$(apt-cache madison cyrus-common | awk '$3 ~ /^3\.6\./ {print $3; exit}')"; }
    [[ -n "$ver" ]] || { echo "no cyrus 3.6 in the configured apt sources" >&2; return 1; }
    echo "installing: cyrus $ver (bookworm)"
    with_policy apt-get "${CAL_APT_WAIT[@]}" install -y -qq --no-install-recommends --allow-downgrades \
      "${pkgs[@]/%/=$ver}" >/dev/null
    return
  fi
  # 3.10: bookworm-backports has 3.10.1 (the IETF urn:ietf:params:jmap:calendars; 3.6 only has the Cyrus
  # extension https://cyrusimap.org/ns/jmap/calendars, servers.md C.2/C.3). Its own apt state lives in
  # APT_BPO_DIR so /etc/apt is left alone (-o Dir::Etc::sourcelist/sourceparts/State::Lists/Cache).
  local B="${APT_BPO_DIR:-${TMPDIR:-/tmp}/cal-apt-bpo}"
  mkdir -p "$B/lists/partial" "$B/cache/archives/partial"
  printf '%s\n' 'deb http://deb.debian.org/debian bookworm main' \
    'deb http://deb.debian.org/debian bookworm-updates main' \
    'deb http://deb.debian.org/debian-security bookworm-security main' \
    'deb http://deb.debian.org/debian bookworm-backports main' > "$B/sources.list"
  local O=(-o "Dir::Etc::sourcelist=$B/sources.list" -o "Dir::Etc::sourceparts=-" -o "Dir::State::Lists=$B/lists"
           -o "Dir::Cache=$B/cache" -o "APT::Get::List-Cleanup=0")
  apt-get "${CAL_APT_WAIT[@]}" "${O[@]}" update -qq || return 1
  # cyrus-common 3.10.1-3~bpo12+1 depends on libclamav11 (>= 1.0.0), which bookworm no longer ships (clamav
  # 1.4 / libclamav12), so apt says "not installable". Only cyr_virusscan links libclamav (httpd and
  # libcyrus do not, checked with ldd), so an empty stand-in package satisfies the dependency
  # (servers.md C.3). Skipped when it is installed already or if Debian ever ships a real candidate
  # again. `apt-cache policy` prints "Candidate: (none)" for a name that is only referenced, and nothing
  # at all for an unknown name: both mean "no candidate".
  local cand
  cand="$(apt-cache "${O[@]}" policy libclamav11 2>/dev/null | awk '/Candidate:/ {print $2; exit}')"
  if [[ -z "$(installed_ver libclamav11)" && ( -z "$cand" || "$cand" == "(none)" ) ]]; then
    echo "installing: empty stand-in libclamav11 1.0.0+dummy1"
    mkdir -p "$B/dummy/DEBIAN"
    printf '%s\n' 'Package: libclamav11' 'Version: 1.0.0+dummy1' 'Architecture: all' \
      'Maintainer: calendar-sdk-ci <ci@localhost>' \
      'Description: empty stand-in for libclamav11 (needed by cyrus-common 3.10.1~bpo12, gone from bookworm)' \
      > "$B/dummy/DEBIAN/control"
    dpkg-deb --build "$B/dummy" "$B/libclamav11-dummy.deb" >/dev/null || return 1
    dpkg -i "$B/libclamav11-dummy.deb" >/dev/null || return 1
  fi
  echo "installing: cyrus 3.10 from bookworm-backports"
  with_policy apt-get "${CAL_APT_WAIT[@]}" "${O[@]}" install -y -qq --no-install-recommends --allow-downgrades \
    -t bookworm-backports "${pkgs[@]}" >/dev/null
}

# free_port: print a TCP port that is free on 127.0.0.1 right now. The kernel picks it (bind to port 0);
# without /usr/bin/python3 a random port that /proc/net/tcp{,6} does not list is used instead.
free_port() {
  if [[ -x /usr/bin/python3 ]]; then
    /usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
    return
  fi
  local p _
  for _ in $(seq 1 500); do
    p=$((20000 + RANDOM % 40000))
    grep -qi ":$(printf '%04X' "$p") " /proc/net/tcp /proc/net/tcp6 2>/dev/null || { echo "$p"; return; }
  done
  return 1
}

# stop_pidfile NAME PIDFILE: SIGTERM the pid, wait up to 10 s, then SIGKILL. Gone, or a zombie waiting for
# its (re)parent to reap it, counts as stopped.
stop_pidfile() {
  local name="$1" pidfile="$2" pid
  if [[ ! -f "$pidfile" ]]; then echo "$name not running (no $pidfile)"; return 0; fi
  pid="$(cat "$pidfile")"
  if [[ "$pid" =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null
    local _
    for _ in $(seq 1 100); do pid_alive "$pid" || break; sleep 0.1; done
    pid_alive "$pid" && { echo "$name pid $pid ignored SIGTERM, sending SIGKILL"; kill -KILL "$pid" 2>/dev/null; }
    echo "$name (pid $pid) stopped"
  else
    echo "$name not running (stale pid $pid)"
  fi
  rm -f "$pidfile"
}
pid_alive() { kill -0 "$1" 2>/dev/null && [[ "$(sed -E 's/.*\) ([A-Za-z]).*/\1/' "/proc/$1/stat" 2>/dev/null)" != Z ]]; }

# write_env FILE NAME=VALUE...: shell-quoted (printf %q) assignments, one per line, so `. FILE` works.
write_env() {
  local file="$1" kv; shift
  : > "$file.tmp"
  for kv in "$@"; do printf '%s=%q\n' "${kv%%=*}" "${kv#*=}" >> "$file.tmp"; done
  mv -f "$file.tmp" "$file"
}
