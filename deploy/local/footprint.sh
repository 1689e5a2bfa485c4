#!/usr/bin/env bash
# Start time and idle memory of each service, each started alone on an otherwise idle machine against the dev
# instance of the local infrastructure, then of the whole suite. Prints a Markdown table for docs/benchmarks.md.
# Needs the services packaged (make build) and nothing else of Duban running.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"
OUT=.duban/bench
mkdir -p "$OUT"
SERVICES=(supervision:8081 agriculture:8082 industry:8083 culture-tourism:8084 urban-construction:8085 reform:8086 livelihood:8087)
IDLE_SECONDS=${IDLE_SECONDS:-30}

ready() { curl -fsS "http://127.0.0.1:$1/q/health/ready" >/dev/null 2>&1; }
ms() { date +%s%3N; }

deploy/local/infra.sh start >/dev/null
echo "| service | JVM start → ready (ms) | Quarkus \"started in\" (s) | RSS after ${IDLE_SECONDS} s idle (MiB) |"
echo "|---|---|---|---|"
for entry in "${SERVICES[@]}"; do
  name=${entry%%:*}; port=${entry##*:}
  t0=$(ms)
  java -Xms32m -Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Dquarkus.profile=demo -Dquarkus.http.host=127.0.0.1 \
    -jar "services/$name/target/quarkus-app/quarkus-run.jar" >"$OUT/$name.log" 2>&1 &
  pid=$!
  until ready "$port"; do kill -0 $pid 2>/dev/null || { echo "$name died; see $OUT/$name.log" >&2; exit 1; }; sleep 0.05; done
  t1=$(ms)
  sleep "$IDLE_SECONDS"
  rss_kb=$(ps -o rss= -p $pid | tr -d ' ')
  started=$(sed -n 's/.*started in \([0-9.]*\)s.*/\1/p' "$OUT/$name.log" | head -1)
  printf '| %s | %d | %s | %d |\n' "$name" $((t1 - t0)) "$started" $((rss_kb / 1024))
  kill $pid; wait $pid 2>/dev/null || true
done

t0=$(ms)
deploy/local/suite.sh start >/dev/null
t1=$(ms)
sleep "$IDLE_SECONDS"
total=0
for entry in "${SERVICES[@]}"; do
  pid=$(cat ".duban/dev/pids/${entry%%:*}.pid"); total=$((total + $(ps -o rss= -p "$pid" | tr -d ' ')))
done
kafka=$(ps -o rss= -p "$(cat .duban/dev/kafka.pid)" | tr -d ' ')
printf '| **whole suite** (7 services, supervision first) | %d | — | %d (+ Kafka %d) |\n' $((t1 - t0)) $((total / 1024)) $((kafka / 1024))
deploy/local/suite.sh stop >/dev/null
