#!/usr/bin/env bash
# Install everything the @cal/testkit real-server scripts and the integration tests need on Debian 12, as root:
#   radicale, xandikos, redis-server, Cyrus IMAP 3.10 (bookworm-backports, via a private apt state that leaves
#   /etc/apt untouched, plus the empty libclamav11 stand-in: servers.md C.3), sasl2-bin, python3-caldav
#   (reference client), curl, jq.
# Idempotent and quick when everything is installed already (only dpkg-query runs, no apt-get update).
# Never uninstalls anything. Packaged system services are kept from starting (policy-rc.d, see lib.sh).
#
# usage: sudo packages/testkit/servers/install.sh        (CI: run it first, then the tests)
# env:   CYRUS_VERSION=3.10|3.6 (default 3.10), APT_BPO_DIR (private apt state, default ${TMPDIR:-/tmp}/cal-apt-bpo)
set -euo pipefail
SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=lib.sh
. "$SCRIPT_DIR/lib.sh"
t0=$SECONDS
ensure_pkgs curl jq python3-minimal radicale xandikos redis-server python3-caldav
ensure_cyrus "${CYRUS_VERSION:-3.10}"
for p in radicale xandikos redis-server cyrus-imapd cyrus-caldav python3-caldav curl jq; do
  printf '%-14s %s\n' "$p" "$(installed_ver "$p")"
done
echo "install.sh: all present ($((SECONDS - t0)) s)"
