#!/usr/bin/env bash
# Starts and stops Duban's services as plain JVM processes (the packaged Quarkus apps), on the ports of
# docs/operations.md, against the dev instance of deploy/local/infra.sh.
#
#   deploy/local/suite.sh start|stop|status
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
STATE="$ROOT/.duban/dev"
PROFILE=${DUBAN_PROFILE:-demo}
# name:port, in start order: supervision first, so its ledger is on duban.tasks.v1 when the sectors read it;
# the gateway (the one origin, and Keycloak's public hostname) last.
SERVICES=(supervision:8081 agriculture:8082 industry:8083 culture-tourism:8084 urban-construction:8085 reform:8086 livelihood:8087 notifier:8088 gateway:8080)

say() { printf '[suite] %s\n' "$*"; }
die() { printf '[suite] ERROR: %s\n' "$*" >&2; exit 1; }
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }
ready() { curl -fsS "http://127.0.0.1:$1/q/health/ready" >/dev/null 2>&1; }

start() {
  mkdir -p "$STATE/pids" "$STATE/logs"
  export DUBAN_LOG_DIR="$STATE/logs" # each service's JSON log (<name>.json.log) beside its console log
  local entry name port jar pid
  for entry in "${SERVICES[@]}"; do
    name=${entry%%:*}; port=${entry##*:}
    jar="$ROOT/services/$name/target/quarkus-app/quarkus-run.jar"
    pid="$STATE/pids/$name.pid"
    [ -f "$jar" ] || die "$jar is missing: run 'make build' first"
    if alive "$pid"; then say "$name already running on :$port"; continue; fi
    port_open "$port" && die "port $port ($name) is taken by another process: stop it first"
    # Each service logs in to the broker as itself, with the password infra.sh made for it (docs/security.md).
    local kafka_password=""
    if [ "$name" != gateway ]; then
      kafka_password=$(cat "$STATE/kafka-credentials/$name" 2>/dev/null) \
        || die "no Kafka password for $name in $STATE/kafka-credentials: start the broker first (deploy/local/infra.sh start)"
    fi
    # Loopback only: Quarkus' production default is every interface (docs/security.md, "Local exposure").
    DUBAN_KAFKA_PASSWORD="$kafka_password" QUARKUS_HTTP_HOST=127.0.0.1 nohup setsid java $(jvm_options) \
      -Dquarkus.profile="$PROFILE" -jar "$jar" >"$STATE/logs/$name.log" 2>&1 </dev/null &
    echo $! >"$pid"
    # The ledger first: the sector services read it from duban.tasks.v1 as they start.
    if [ "$name" = supervision ]; then wait_ready supervision "$port" $((SECONDS + 150)); fi
  done
  local deadline=$((SECONDS + 150))
  for entry in "${SERVICES[@]}"; do
    [ "${entry%%:*}" = supervision ] || wait_ready "${entry%%:*}" "${entry##*:}" "$deadline"
  done
}

# The services' JVM options, from the one file make bench measures them with.
jvm_options() { grep -v '^#' "$ROOT/deploy/local/service-jvm.options" | xargs; }

wait_ready() {
  local name=$1 port=$2 deadline=$3
  until ready "$port"; do
    alive "$STATE/pids/$name.pid" || { tail -30 "$STATE/logs/$name.log" >&2; die "$name exited (log: $STATE/logs/$name.log)"; }
    [ $SECONDS -lt "$deadline" ] || { tail -30 "$STATE/logs/$name.log" >&2; die "$name not ready on :$port in time"; }
    sleep 0.5
  done
  say "$name ready on http://127.0.0.1:$port"
}

stop() {
  # All at once, then wait: each takes up to ~20 s to stop (docs/operations.md, Health), one after another minutes.
  local entry name pid p deadline=$((SECONDS + 30))
  for entry in "${SERVICES[@]}"; do
    name=${entry%%:*}; pid="$STATE/pids/$name.pid"
    alive "$pid" || { rm -f "$pid"; continue; }
    kill "$(cat "$pid")" 2>/dev/null || true
  done
  for entry in "${SERVICES[@]}"; do
    name=${entry%%:*}; pid="$STATE/pids/$name.pid"
    [ -f "$pid" ] || continue
    p=$(cat "$pid")
    while kill -0 "$p" 2>/dev/null && [ $SECONDS -lt $deadline ]; do sleep 0.5; done
    kill -0 "$p" 2>/dev/null && { say "$name did not stop in 30 s; killing it"; kill -9 "$p" 2>/dev/null || true; }
    rm -f "$pid"; say "$name stopped"
  done
}

status() {
  local entry name port
  for entry in "${SERVICES[@]}"; do
    name=${entry%%:*}; port=${entry##*:}
    if alive "$STATE/pids/$name.pid"; then
      if ready "$port"; then say "$name: ready on :$port"; else say "$name: running, not ready, on :$port"; fi
    else say "$name: stopped"; fi
  done
}

case "${1:-status}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) die "usage: $0 start|stop|status" ;;
esac
