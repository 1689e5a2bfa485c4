#!/usr/bin/env bash
# The office's papers (bulletins, notices, instructions as PDF and Word) are set in Noto CJK read from the machine
# (docs/papers.md); without it they answer 503 服务器缺少中文字体. make run and make test make sure it is there.
# --required: fail when it cannot be installed (the tests read the papers); otherwise only say so.
set -euo pipefail
noto=/usr/share/fonts/opentype/noto
[ -n "${DUBAN_PAPERS_FONTS_SERIF:-}" ] && exit 0   # the deployment points at fonts of its own
[ -r "$noto/NotoSerifCJK-Regular.ttc" ] && [ -r "$noto/NotoSansCJK-Regular.ttc" ] && [ -r "$noto/NotoSansCJK-Bold.ttc" ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "[fonts] installing fonts-noto-cjk for the office's papers (docs/papers.md)"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-noto-cjk >/dev/null
  exit 0
fi
echo "[fonts] Noto CJK is missing: the papers (PDF, Word) answer 503 until it is installed" \
     "(Debian: sudo apt-get install fonts-noto-cjk; other fonts: docs/papers.md)" >&2
[ "${1:-}" = --required ] && exit 1
exit 0
