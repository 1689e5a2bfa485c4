#!/usr/bin/env bash
# make test-fast: the tests that need no Kafka, PostgreSQL or Keycloak (rule engine, codecs, sheets, evidence files,
# drafts, routing, architecture), in the modules that hold them. Nothing of the infrastructure is started; the S3
# store's test runs its own in-memory S3 server.
# Every class annotated @QuarkusTest (or @QuarkusIntegrationTest, ...) is left out by name, through surefire's
# excludesFile: Quarkus 3.33 builds an application for a @QuarkusTest class as soon as JUnit loads it, so a JUnit
# tag would still load them; surefire's excludes keep them from being loaded at all (README.md, "Two commands").
# Extra arguments go to Maven (e.g. -o).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"

# The six sector services hold only @QuarkusTest classes, harness/e2e needs the running suite: neither is here.
MODULES=libs/text,libs/events,libs/platform,libs/sector-kit,services/supervision,services/notifier,services/gateway

excludes=$(mktemp)
trap 'rm -f "$excludes"' EXIT
{ grep -rlE --include='*.java' '^@Quarkus(Integration|Main|Component)?Test\b' libs/*/src/test services/*/src/test || true; } \
    | sed -E 's#^.*/src/test/java/##' > "$excludes"

deploy/local/api-lint.sh   # the AsyncAPI parser AsyncApiContractTest runs (installed once)

# Quarkus' code generation only prepares @QuarkusTest runs, which are not made here.
mvn -B test -pl "$MODULES" -am -T 2 -Dsurefire.excludesFile="$excludes" -Dquarkus.generate-code.skip=true "$@"
