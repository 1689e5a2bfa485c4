#!/usr/bin/env bash
# The web page's end-to-end test (services/e2e, DashboardBrowserTest) drives Debian's Chromium through
# Playwright; Playwright's own browser downloads are never used. This makes sure Chromium is installed.
set -euo pipefail
if command -v chromium >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "[browser] installing Chromium for the browser tests (apt-get install chromium)"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  exit 0
fi
echo "[browser] Chromium is missing: install it (Debian: sudo apt-get install chromium) or set DUBAN_CHROMIUM" \
     "to a Chromium binary; the browser test in services/e2e needs it." >&2
exit 1
