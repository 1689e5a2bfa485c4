#!/usr/bin/env bash
# make test: a fresh test instance of Kafka (port 19092) and the *_test databases, the whole Maven build with
# every test, then the test broker is stopped whatever happened. The demo instance is not touched.
set -uo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"
export DUBAN_INSTANCE=test

deploy/local/infra.sh stop >/dev/null 2>&1
rm -rf .duban/test/kafka
trap 'deploy/local/infra.sh stop' EXIT
mvn -B -q install -DskipTests -pl deploy/local/infra || exit 1
deploy/local/fonts.sh --required || exit 1   # the papers' tests read PDFs set in Noto CJK
[ -n "${DUBAN_CHROMIUM:-}" ] || deploy/local/browser.sh || exit 1
deploy/local/api-lint.sh || exit 1   # installs the OpenAPI linter the OpenApiLintTests run
deploy/local/infra.sh start || exit 1
mvn -B verify "$@"
