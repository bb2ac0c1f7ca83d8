#!/usr/bin/env bash
# Installs the npm packages (devDependencies: Playwright's driver, benchmark
# peers) exactly as package-lock.json pins them, with `npm ci`, but only when
# node_modules is missing or was installed from a different lockfile.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "$CONVPLAY_ROOT"

[ -f package-lock.json ] || die "package-lock.json is missing: the lockfile must be committed"
command -v npm >/dev/null 2>&1 || die "npm missing: run scripts/install_packages.sh test"

# The stamp holds the hash of the lockfile node_modules was installed from.
stamp=node_modules/.convplay-lockfile.sha256
want="$(sha256sum package-lock.json package.json | sha256sum | cut -d' ' -f1)"
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
  exit 0
fi

say "installing npm packages (npm ci)"
start=$SECONDS
# Playwright must never download a browser of its own: the suites use Debian's.
PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error ||
  die "npm ci failed (is package-lock.json in step with package.json? run 'npm install' and commit both)"
printf '%s\n' "$want" > "$stamp"
say "npm packages installed in $((SECONDS - start)) s"
