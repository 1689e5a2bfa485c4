#!/usr/bin/env bash
# The web page's end-to-end test (harness/e2e, DashboardBrowserTest) drives Debian's Chromium through
# Playwright; Playwright's own browser downloads are never used. This makes sure Chromium is installed, with a
# Chinese font so that the test's screenshots are readable.
set -euo pipefail
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
{ command -v fc-list >/dev/null 2>&1 && [ -n "$(fc-list :lang=zh 2>/dev/null)" ]; } || missing+=(fonts-noto-cjk)
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "[browser] installing ${missing[*]} for the browser tests"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  exit 0
fi
if [[ " ${missing[*]} " == *" chromium "* ]]; then
  echo "[browser] Chromium is missing: install it (Debian: sudo apt-get install chromium fonts-noto-cjk) or set" \
       "DUBAN_CHROMIUM to a Chromium binary; the browser test in harness/e2e needs it." >&2
  exit 1
fi
echo "[browser] no Chinese font (sudo apt-get install fonts-noto-cjk): screenshots will show boxes" >&2
