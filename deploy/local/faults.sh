#!/usr/bin/env bash
# make faults: the packaged services under faults (harness/faults, FaultRun) on an instance of their own — broker
# 127.0.0.1:29092, databases duban_*_faults (DUBAN_FAULTS_DB_SUFFIX moves them), Keycloak 127.0.0.1:28180, state in
# .duban/faults — so it never meets make test's (19092, *_test, 18180) or the demo's. It stops and starts the machine's PostgreSQL server once
# (DUBAN_FAULTS_POSTGRES=skip leaves it alone). Everything it started is stopped, whatever happened.
set -uo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"
export DUBAN_INSTANCE=test DUBAN_STATE_NAME=faults
export DUBAN_KAFKA_PORT=${DUBAN_FAULTS_KAFKA_PORT:-29092} DUBAN_DB_SUFFIX=${DUBAN_FAULTS_DB_SUFFIX:-_faults}
export DUBAN_KEYCLOAK_PORT=${DUBAN_FAULTS_KEYCLOAK_PORT:-28180} DUBAN_KEYCLOAK_WAIT=${DUBAN_KEYCLOAK_WAIT:-300}
export DUBAN_GATEWAY_PORT=${DUBAN_FAULTS_GATEWAY_PORT:-28080} # Keycloak's public hostname (the issuer); no gateway runs

deploy/local/infra.sh stop >/dev/null 2>&1
rm -rf .duban/faults/kafka
trap 'deploy/local/infra.sh stop' EXIT
if [ "${DUBAN_FAULTS_SKIP_BUILD:-}" != 1 ]; then
  mvn -B -q package -DskipTests -pl harness/faults -am || exit 1
fi
# Bounded: on this 2-core machine a run takes about 7 minutes idle; a hung wait must not hold CI for hours.
timeout --signal=TERM --kill-after=120 "${DUBAN_FAULTS_TIMEOUT:-35m}" java -Xmx512m -Dduban.root="$ROOT" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -cp "harness/faults/target/classes:$(cat harness/faults/target/classpath.txt)" cn.duban.faults.FaultRun
