#!/usr/bin/env bash
# make bench: builds if needed, starts a fresh bench instance of the local infrastructure (Kafka on 39092, the
# *_bench databases; never the demo's or the tests'), runs cn.duban.bench.Bench — which starts the packaged
# services itself — and stops the broker whatever happened. Figures go to docs/benchmarks.md, docs/bench/ (the
# machine-readable results.json and the pictures) and .duban/bench/ (logs, flight recordings).
# DUBAN_BENCH_SCALE=0.1 runs every phase ten times smaller, to try the harness.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"
export DUBAN_INSTANCE=bench

deploy/local/build.sh
deploy/local/infra.sh stop >/dev/null 2>&1 || true
rm -rf .duban/bench/kafka
trap 'deploy/local/infra.sh stop' EXIT
infra_t0=$(date +%s%N)
deploy/local/infra.sh start
# Part of "the whole suite ready within 40 s of make run": the broker and Keycloak come first.
export DUBAN_BENCH_INFRA_SECONDS=$(awk "BEGIN { printf \"%.1f\", ($(date +%s%N) - $infra_t0) / 1e9 }")
while IFS= read -r line; do export "${line?}"; done < <(deploy/local/infra.sh env)
java -Xmx512m -Dduban.root="$ROOT" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "harness/bench/target/classes:$(cat harness/bench/target/classpath.txt)" \
  cn.duban.bench.Bench
