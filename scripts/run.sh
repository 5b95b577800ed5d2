#!/usr/bin/env bash
# The two Quick-start entry points (`npm run demo`, `npm test`), runnable on a fresh clone:
# they install pnpm (with npm: corepack's signature check fails against the registry here),
# the workspace dependencies, and — for tests — the Debian packages of the real servers.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
PNPM_VERSION="$(node -p "require('./package.json').packageManager.split('@')[1]")"

bootstrap() {
  if ! command -v pnpm >/dev/null 2>&1 || [[ "$(pnpm --version 2>/dev/null)" != "$PNPM_VERSION" ]]; then
    echo "» installing pnpm@$PNPM_VERSION with npm"
    npm install -g --silent --no-audit --no-fund "pnpm@$PNPM_VERSION" >/dev/null
  fi
  echo "» pnpm install"
  pnpm install --frozen-lockfile --reporter=append-only | tail -n 5
}

install_servers() {
  # Radicale, Xandikos, Cyrus 3.10 (bookworm-backports), Redis, python3-caldav: idempotent, fast when present.
  if [[ -x packages/testkit/servers/install.sh ]]; then
    if [[ "$(id -u)" == 0 ]]; then bash packages/testkit/servers/install.sh
    else echo "» not root: assuming the server packages are installed (packages/testkit/servers/install.sh needs root)"; fi
  fi
}

case "${1:-}" in
  test)
    bootstrap
    install_servers
    echo "» build, typecheck, publint + attw"
    pnpm exec turbo run build typecheck check:package --output-logs=errors-only
    echo "» size budgets"
    node scripts/size.mjs
    echo "» vitest: unit, types and integration (real servers started by @cal/testkit)"
    mkdir -p .reports
    set +e
    pnpm exec vitest run --reporter=default --reporter=json --outputFile.json=.reports/vitest.json
    status=$?
    set -e
    node scripts/summary.mjs .reports/vitest.json || status=1
    exit $status
    ;;
  demo)
    bootstrap
    pnpm exec turbo run build --output-logs=errors-only
    node demo/run.mjs
    ;;
  *)
    echo "usage: scripts/run.sh test|demo" >&2
    exit 2
    ;;
esac
