#!/usr/bin/env bash
# The API documents under standard tools (issue 16):
#   deploy/local/api-lint.sh openapi FILE...   Redocly CLI's recommended rules (deploy/local/redocly.yaml)
#   deploy/local/api-lint.sh asyncapi FILE     the AsyncAPI initiative's own parser (@asyncapi/parser)
#   deploy/local/api-lint.sh                   installs both and does nothing else
# Each prints a JSON report on stdout and exits non-zero on any error. The tools are installed once from the npm
# registry into .duban/tools, at pinned versions; the tests (OpenApiLintTest, AsyncApiContractTest) call this.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
REDOCLY=2.77.0
PARSER=3.6.6
TOOLS="$ROOT/.duban/tools/api-lint-$REDOCLY-$PARSER"
if [ ! -x "$TOOLS/node_modules/.bin/redocly" ] || [ ! -d "$TOOLS/node_modules/@asyncapi/parser" ]; then
  command -v npm >/dev/null 2>&1 || { echo "[api-lint] npm is missing (Debian: apt-get install npm)" >&2; exit 2; }
  mkdir -p "$TOOLS"
  echo "[api-lint] installing @redocly/cli $REDOCLY and @asyncapi/parser $PARSER into $TOOLS" >&2
  npm install --prefix "$TOOLS" --no-audit --no-fund --silent "@redocly/cli@$REDOCLY" "@asyncapi/parser@$PARSER" >&2
fi
[ $# -gt 0 ] || exit 0
kind=$1
shift
case "$kind" in
  openapi)
    export REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true
    exec "$TOOLS/node_modules/.bin/redocly" lint --config "$ROOT/deploy/local/redocly.yaml" --format=json "$@" ;;
  asyncapi)
    exec env DUBAN_API_LINT_TOOLS="$TOOLS" node "$ROOT/deploy/local/asyncapi-validate.cjs" "$@" ;;
  *)
    echo "usage: $0 [openapi FILE... | asyncapi FILE]" >&2; exit 2 ;;
esac
