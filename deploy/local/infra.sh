#!/usr/bin/env bash
# Duban's local infrastructure without Docker: one Apache Kafka broker (KRaft, official jars resolved by
# Maven) and one PostgreSQL database per service (on the local server, or an embedded one where none runs).
#
#   deploy/local/infra.sh start|stop|status|env|drop-databases [kafka|postgres|keycloak|mail]
#
# Keycloak (the identity provider, realm deploy/keycloak/duban-realm.json) runs from the official distribution
# that Maven unpacks, on a JDK 21 or newer found under /usr/lib/jvm (or DUBAN_KEYCLOAK_JAVA_HOME), in memory:
# every start imports the demo realm afresh.
#
# DUBAN_INSTANCE=dev (default, `make run`), test (`make test`) or bench (`make bench`): each has its own broker
# port, data folder and databases, so tests and benchmarks never touch demo data and can run while the demo runs.
# DUBAN_KAFKA_PORT, DUBAN_DB_SUFFIX, DUBAN_KEYCLOAK_PORT and DUBAN_GATEWAY_PORT move an instance elsewhere (two
# work trees testing at once on one machine).
#
# The dev instance also runs GreenMail, a local SMTP server (the official standalone jar, resolved by Maven), on
# 127.0.0.1 only: the notifier mails there and anyone reads the mail over IMAP, POP3 or GreenMail's REST API
# (docs/notifier.md). DUBAN_MAIL_PORT moves its SMTP port; IMAP, POP3 and the API follow it (+118, +85, +55).
#
# Keycloak's public hostname is the gateway (http://127.0.0.1:$GW_PORT): its login pages and every token's
# issuer name the one origin clients use; services discover the realm on Keycloak itself (the backchannel).
# DUBAN_STATE_NAME gives such a moved instance its own folder under .duban/ (make faults: a test instance beside
# make test's).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
INSTANCE=${DUBAN_INSTANCE:-dev}
case "$INSTANCE" in
  dev)   KAFKA_PORT=${DUBAN_KAFKA_PORT:-9092};  DB_SUFFIX=${DUBAN_DB_SUFFIX-};        KC_PORT=${DUBAN_KEYCLOAK_PORT:-8180};  GW_PORT=${DUBAN_GATEWAY_PORT:-8080};  MAIL_PORT=${DUBAN_MAIL_PORT:-3025} ;;
  test)  KAFKA_PORT=${DUBAN_KAFKA_PORT:-19092}; DB_SUFFIX=${DUBAN_DB_SUFFIX:-_test};  KC_PORT=${DUBAN_KEYCLOAK_PORT:-18180}; GW_PORT=${DUBAN_GATEWAY_PORT:-18080}; MAIL_PORT=${DUBAN_MAIL_PORT:-13025} ;;
  bench) KAFKA_PORT=${DUBAN_KAFKA_PORT:-39092}; DB_SUFFIX=${DUBAN_DB_SUFFIX:-_bench}; KC_PORT=${DUBAN_KEYCLOAK_PORT:-38280}; GW_PORT=${DUBAN_GATEWAY_PORT:-38080}; MAIL_PORT=${DUBAN_MAIL_PORT:-33025} ;;
  *) echo "DUBAN_INSTANCE must be dev, test or bench, not '$INSTANCE'" >&2; exit 2 ;;
esac
CONTROLLER_PORT=$((KAFKA_PORT + 1))
PG_HOST=${DUBAN_PG_HOST:-127.0.0.1}
PG_PORT=${DUBAN_PG_PORT:-5432}
PG_USER=${DUBAN_PG_USER:-postgres}
SERVICES=(supervision agriculture industry culture_tourism urban_construction reform livelihood notifier)
STATE="$ROOT/.duban/${DUBAN_STATE_NAME:-$INSTANCE}"
SHARED_STATE="$ROOT/.duban/shared"
INFRA="$ROOT/deploy/local/infra"

say() { printf '[infra:%s] %s\n' "$INSTANCE" "$*"; }
die() { printf '[infra:%s] ERROR: %s\n' "$INSTANCE" "$*" >&2; exit 1; }
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

check_java() {
  command -v java >/dev/null || die "no 'java' on PATH: install a JDK 17 or newer"
  local major
  major=$(java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
  [ "${major%%.*}" -ge 17 ] 2>/dev/null || die "Java $major is too old: Duban needs JDK 17 or newer"
}

check_disk() {
  local free_kb
  free_kb=$(df -Pk "$ROOT" | awk 'NR==2 {print $4}')
  [ "$free_kb" -ge 1048576 ] || die "less than 1 GiB free on the disk holding $ROOT ($((free_kb / 1024)) MiB): free some space"
}

# The classpath of the broker and of the tools in deploy/local/infra, built once by Maven.
tools_classpath() {
  local cp="$INFRA/target/classpath.txt"
  if [ ! -s "$cp" ] || [ ! -d "$INFRA/target/classes/cn" ] || [ "$INFRA/pom.xml" -nt "$cp" ]; then
    say "resolving the Kafka broker and tools with Maven (first time only)" >&2
    mvn -B -q -f "$INFRA/pom.xml" package -DskipTests >"$SHARED_STATE/infra-build.log" 2>&1 \
      || { tail -20 "$SHARED_STATE/infra-build.log" >&2; die "could not build deploy/local/infra (log: $SHARED_STATE/infra-build.log)"; }
  fi
  printf '%s:%s' "$INFRA/target/classes" "$(cat "$cp")"
}

tool() { local main=$1; shift; java -Xmx128m -cp "$(tools_classpath)" "cn.duban.infra.$main" "$@"; }

# One password per Kafka principal, made once per state folder from /dev/urandom, mode 600: admin (the super user
# that sets the broker up; tests and tools use it), controller (the broker's own link to its controller) and one
# per service, which logs in as itself (docs/security.md, "The broker").
KAFKA_PRINCIPALS=(admin controller supervision notifier agriculture industry culture-tourism urban-construction reform livelihood)
kafka_credentials() {
  local dir="$STATE/kafka-credentials" p
  (umask 077; mkdir -p "$dir")
  for p in "${KAFKA_PRINCIPALS[@]}"; do
    [ -s "$dir/$p" ] || (umask 077; head -c 24 /dev/urandom | base64 | tr -d '/+=\n' >"$dir/$p.new" && mv "$dir/$p.new" "$dir/$p")
  done
  echo "$dir"
}

kafka_start() {
  local dir="$STATE/kafka" pid="$STATE/kafka.pid"
  if alive "$pid"; then
    say "Kafka already running on 127.0.0.1:$KAFKA_PORT (pid $(cat "$pid"))"
    return
  fi
  port_open "$KAFKA_PORT" && die "port $KAFKA_PORT is taken by a process that is not this Duban broker: stop it or set DUBAN_KAFKA_PORT"
  port_open "$CONTROLLER_PORT" && die "port $CONTROLLER_PORT (Kafka controller) is taken: stop that process or set DUBAN_KAFKA_PORT"
  check_disk
  local cp; cp=$(tools_classpath)
  local creds; creds=$(kafka_credentials)
  local admin_pw controller_pw
  admin_pw=$(cat "$creds/admin"); controller_pw=$(cat "$creds/controller")
  # Data from before the broker required logins holds no admin login: kept aside, never deleted. Supervision
  # publishes every task again to the new cluster by itself (docs/operations.md).
  if [ -f "$dir/data/meta.properties" ] && [ ! -f "$dir/sasl" ]; then
    local aside; aside="$STATE/kafka-before-logins-$(date +%Y%m%d%H%M%S)"
    say "the broker's data predates Kafka logins: moved to $aside; starting a new cluster"
    mv "$dir" "$aside"
  fi
  (umask 077; mkdir -p "$dir/data")
  # Clients log in with SCRAM-SHA-512 as their own principal and may do only what KafkaSetup grants; the broker's link
  # to its controller uses PLAIN with a static login, as KRaft controllers cannot read SCRAM logins. Everything binds
  # 127.0.0.1: plain TCP carries the SASL exchange, never the password itself (SCRAM), but the data travels in clear.
  (umask 077; cat >"$dir/server.properties" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$CONTROLLER_PORT
listeners=SASL_PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$CONTROLLER_PORT
advertised.listeners=SASL_PLAINTEXT://127.0.0.1:$KAFKA_PORT
controller.listener.names=CONTROLLER
listener.security.protocol.map=CONTROLLER:SASL_PLAINTEXT,SASL_PLAINTEXT:SASL_PLAINTEXT
inter.broker.listener.name=SASL_PLAINTEXT
sasl.enabled.mechanisms=SCRAM-SHA-512
sasl.mechanism.inter.broker.protocol=SCRAM-SHA-512
listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="admin" password="$admin_pw";
sasl.mechanism.controller.protocol=PLAIN
listener.name.controller.sasl.enabled.mechanisms=PLAIN
listener.name.controller.plain.sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="controller" password="$controller_pw" user_controller="$controller_pw";
authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer
super.users=User:admin;User:controller
allow.everyone.if.no.acl.found=false
log.dirs=$dir/data
num.partitions=6
auto.create.topics.enable=false
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
PROPS
  )
  if [ ! -f "$dir/data/meta.properties" ]; then
    local cluster_id
    # A URL-safe base64 UUID, as Kafka's own: never starting with '-', which the format tool would read as an option.
    cluster_id=-
    while [ "${cluster_id:0:1}" = - ]; do
      cluster_id=$(head -c16 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=')
    done
    # The super user's login is written into the new cluster's metadata; KafkaSetup adds the services' logins.
    java -Xmx256m -cp "$cp" kafka.tools.StorageTool format -t "$cluster_id" -c "$dir/server.properties" \
      --add-scram "SCRAM-SHA-512=[name=admin,password=$admin_pw]" \
      >"$STATE/kafka-format.log" 2>&1 || { cat "$STATE/kafka-format.log" >&2; die "could not format Kafka storage in $dir/data"; }
    touch "$dir/sasl"
  fi
  say "starting Kafka on 127.0.0.1:$KAFKA_PORT (log: $STATE/kafka.log)"
  nohup setsid java -Xms256m -Xmx768m -XX:+UseG1GC -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
    -cp "$cp" kafka.Kafka "$dir/server.properties" >"$STATE/kafka.log" 2>&1 </dev/null 9>&- &
  echo $! >"$pid"
  if ! tool KafkaSetup "127.0.0.1:$KAFKA_PORT" "$creds" 90 >"$STATE/topics.log" 2>&1; then
    tail -30 "$STATE/kafka.log" "$STATE/topics.log" >&2
    kafka_stop
    die "Kafka did not become ready on 127.0.0.1:$KAFKA_PORT in 90 s (see $STATE/kafka.log)"
  fi
  say "Kafka ready on 127.0.0.1:$KAFKA_PORT: topics, logins and ACLs in place"
}

stop_pid() {
  local name=$1 pid=$2
  alive "$pid" || { rm -f "$pid"; return 0; }
  local p; p=$(cat "$pid")
  kill "$p" 2>/dev/null || true
  for _ in $(seq 1 60); do kill -0 "$p" 2>/dev/null || break; sleep 0.5; done
  if kill -0 "$p" 2>/dev/null; then
    say "$name did not stop in 30 s; killing it"
    kill -9 "$p" 2>/dev/null || true
  fi
  rm -f "$pid"
  say "$name stopped"
}

kafka_stop() { stop_pid Kafka "$STATE/kafka.pid"; }

# A JDK 21+ for Keycloak: DUBAN_KEYCLOAK_JAVA_HOME, else JAVA_HOME, else the newest under /usr/lib/jvm.
keycloak_java_home() {
  local candidate major
  for candidate in "${DUBAN_KEYCLOAK_JAVA_HOME:-}" "${JAVA_HOME:-}" $(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -rV); do
    [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] && [ -f "$candidate/release" ] || continue
    major=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$candidate/release")
    [ "${major:-0}" -ge 21 ] && { echo "${candidate%/}"; return; }
  done
  die "Keycloak needs a JDK 21 or newer: install one (e.g. Debian openjdk-21-jdk) or set DUBAN_KEYCLOAK_JAVA_HOME"
}

# The admin console's password (user admin, master realm): made once per state folder from /dev/urandom, kept
# beside the broker's data, readable by this user only; every start of this instance uses it (docs/security.md).
keycloak_admin_password() {
  local file="$STATE/keycloak-admin-password"
  if [ ! -s "$file" ]; then
    (umask 077; head -c 24 /dev/urandom | base64 | tr -d '/+=\n' >"$file.new" && mv "$file.new" "$file")
  fi
  chmod 600 "$file"
  cat "$file"
}

keycloak_start() {
  local pid="$STATE/keycloak.pid" url="http://127.0.0.1:$KC_PORT/realms/duban/.well-known/openid-configuration"
  if alive "$pid"; then
    say "Keycloak already running on 127.0.0.1:$KC_PORT (pid $(cat "$pid"))"
    return
  fi
  port_open "$KC_PORT" && die "port $KC_PORT is taken by a process that is not this Duban Keycloak: stop it or set DUBAN_KEYCLOAK_PORT"
  local java_home; java_home=$(keycloak_java_home)
  tools_classpath >/dev/null # unpacks the distribution on first use
  local home; home=$(ls -d "$INFRA"/target/keycloak/keycloak-*/ | head -1)
  mkdir -p "$home/data/import"
  cp "$ROOT/deploy/keycloak/duban-realm.json" "$home/data/import/duban-realm.json"
  say "starting Keycloak on 127.0.0.1:$KC_PORT (log: $STATE/keycloak.log)"
  # The public hostname is the gateway's, fixed, so that every token names one issuer however the client
  # reached Keycloak, and login pages link back through the gateway. The backchannel (discovery, keys, token
  # endpoint) answers with whatever address a service used, so services reach Keycloak directly.
  # The admin console's user is admin with this instance's generated password, never a demo one: docs/security.md.
  local admin_password; admin_password=$(keycloak_admin_password)
  # The realm's web client admits this instance's gateway and, next to it, the page's own port (the end-to-end tests
  # run supervision there): Keycloak fills the realm file's ${...} placeholders from the environment.
  DUBAN_REALM_GATEWAY_ORIGIN="http://127.0.0.1:$GW_PORT" DUBAN_REALM_WEB_ORIGIN="http://127.0.0.1:$((GW_PORT + 1))" \
  JAVA_HOME="$java_home" JAVA_OPTS_KC_HEAP="-Xms64m -Xmx512m" \
    KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD="$admin_password" nohup setsid "$home/bin/kc.sh" start-dev \
    --http-host=127.0.0.1 --http-port="$KC_PORT" --http-management-port=$((KC_PORT + 1)) \
    --hostname="http://127.0.0.1:$GW_PORT" --hostname-backchannel-dynamic=true --proxy-headers=xforwarded \
    --db=dev-mem --import-realm --log-level=warn \
    >"$STATE/keycloak.log" 2>&1 </dev/null 9>&- &
  echo $! >"$pid"
  # The first start also builds Keycloak's optimized image (about a minute on 2 idle cores); a busy machine
  # may need longer: DUBAN_KEYCLOAK_WAIT seconds.
  local wait_s=${DUBAN_KEYCLOAK_WAIT:-300}
  for _ in $(seq 1 $((wait_s * 2))); do
    if curl -fsS -o /dev/null "$url" 2>/dev/null; then
      say "Keycloak ready on 127.0.0.1:$KC_PORT: issuer http://127.0.0.1:$GW_PORT/realms/duban (through the gateway)"
      return
    fi
    alive "$pid" || break
    sleep 0.5
  done
  tail -30 "$STATE/keycloak.log" >&2
  keycloak_stop
  die "Keycloak did not become ready on 127.0.0.1:$KC_PORT in $wait_s s (see $STATE/keycloak.log; DUBAN_KEYCLOAK_WAIT=300 waits longer)"
}

keycloak_stop() { stop_pid Keycloak "$STATE/keycloak.pid"; }

mail_start() {
  local pid="$STATE/mail.pid" jar="$INFRA/target/greenmail/greenmail-standalone.jar"
  if alive "$pid"; then
    say "GreenMail already running: SMTP 127.0.0.1:$MAIL_PORT (pid $(cat "$pid"))"
    return
  fi
  port_open "$MAIL_PORT" && die "port $MAIL_PORT (SMTP) is taken by a process that is not this Duban GreenMail: stop it or set DUBAN_MAIL_PORT"
  tools_classpath >/dev/null # copies the GreenMail jar on first use
  [ -f "$jar" ] || die "$jar is missing: mvn -f deploy/local/infra/pom.xml package"
  say "starting GreenMail (local SMTP) on 127.0.0.1:$MAIL_PORT (log: $STATE/mail.log)"
  # Any address receives; any login reads its own mailbox (no authentication): a demo server, on loopback only.
  nohup setsid java -Xms16m -Xmx128m -Dgreenmail.hostname=127.0.0.1 -Dgreenmail.auth.disabled \
    -Dgreenmail.smtp.port="$MAIL_PORT" -Dgreenmail.imap.port=$((MAIL_PORT + 118)) -Dgreenmail.pop3.port=$((MAIL_PORT + 85)) \
    -Dgreenmail.api.hostname=127.0.0.1 -Dgreenmail.api.port=$((MAIL_PORT + 55)) \
    -jar "$jar" >"$STATE/mail.log" 2>&1 </dev/null 9>&- &
  echo $! >"$pid"
  for _ in $(seq 1 120); do
    if port_open "$MAIL_PORT" && curl -fsS -o /dev/null "http://127.0.0.1:$((MAIL_PORT + 55))/api/service/readiness" 2>/dev/null; then
      say "GreenMail ready: SMTP 127.0.0.1:$MAIL_PORT, IMAP $((MAIL_PORT + 118)), POP3 $((MAIL_PORT + 85)), mail over HTTP http://127.0.0.1:$((MAIL_PORT + 55))/api/user/<address>/messages"
      return
    fi
    alive "$pid" || break
    sleep 0.5
  done
  tail -20 "$STATE/mail.log" >&2
  mail_stop
  die "GreenMail did not start (see $STATE/mail.log)"
}

mail_stop() { stop_pid GreenMail "$STATE/mail.pid"; }

databases() { local s; for s in "${SERVICES[@]}"; do printf 'duban_%s%s ' "$s" "$DB_SUFFIX"; done; }

postgres_start() {
  local rc=0
  # shellcheck disable=SC2046
  tool PostgresDatabases "$PG_HOST" "$PG_PORT" "$PG_USER" $(databases) >"$STATE/postgres.log" 2>&1 || rc=$?
  if [ "$rc" -eq 3 ]; then
    embedded_postgres_start
    # shellcheck disable=SC2046
    tool PostgresDatabases "$PG_HOST" "$PG_PORT" "$PG_USER" $(databases) >"$STATE/postgres.log" 2>&1 || rc=$?
  fi
  [ "$rc" -eq 0 ] || { cat "$STATE/postgres.log" >&2; die "could not prepare the PostgreSQL databases at $PG_HOST:$PG_PORT"; }
  say "PostgreSQL ready at $PG_HOST:$PG_PORT, databases: $(databases)"
}

embedded_postgres_start() {
  local pid="$SHARED_STATE/embedded-postgres.pid"
  alive "$pid" && return
  [ "$PG_HOST" = 127.0.0.1 ] || die "no PostgreSQL answers at $PG_HOST:$PG_PORT"
  [ "$(id -u)" -ne 0 ] || die "no PostgreSQL answers at 127.0.0.1:$PG_PORT, and an embedded one cannot run as root (PostgreSQL refuses): start the local server (pg_ctlcluster ... main start) or run as a normal user"
  say "no PostgreSQL at 127.0.0.1:$PG_PORT: starting an embedded one (data: $SHARED_STATE/postgres)"
  nohup setsid java -Xmx128m -cp "$(tools_classpath)" cn.duban.infra.EmbeddedPostgresServer "$PG_PORT" \
    "$SHARED_STATE/postgres" >"$SHARED_STATE/embedded-postgres.log" 2>&1 </dev/null 9>&- &
  echo $! >"$pid"
  for _ in $(seq 1 120); do port_open "$PG_PORT" && return; sleep 0.5; done
  die "embedded PostgreSQL did not start (see $SHARED_STATE/embedded-postgres.log)"
}

status() {
  if alive "$STATE/kafka.pid"; then say "kafka: running on 127.0.0.1:$KAFKA_PORT (pid $(cat "$STATE/kafka.pid"))"
  else say "kafka: stopped"; fi
  if alive "$STATE/keycloak.pid"; then say "keycloak: running on 127.0.0.1:$KC_PORT (pid $(cat "$STATE/keycloak.pid"))"
  else say "keycloak: stopped"; fi
  if alive "$STATE/mail.pid"; then say "mail: GreenMail SMTP on 127.0.0.1:$MAIL_PORT, API http://127.0.0.1:$((MAIL_PORT + 55)) (pid $(cat "$STATE/mail.pid"))"
  else say "mail: stopped"; fi
  if port_open "$PG_PORT"; then say "postgres: answering at $PG_HOST:$PG_PORT"
  else say "postgres: not answering at $PG_HOST:$PG_PORT"; fi
}

mkdir -p "$STATE" "$SHARED_STATE"
cmd=${1:-status}; what=${2:-all}
# One starter at a time per instance: test modules and make targets may race.
exec 9>"$STATE/.lock"; flock 9
case "$cmd" in
  start)
    check_java
    case "$what" in
      kafka) kafka_start ;; postgres) postgres_start ;; keycloak) keycloak_start ;; mail) mail_start ;;
      # The local mail server belongs to the demo (make run); tests start their own in the test JVM.
      all) postgres_start; kafka_start; keycloak_start; [ "$INSTANCE" != dev ] || mail_start ;;
      *) die "unknown component $what" ;;
    esac ;;
  stop)
    case "$what" in
      kafka) kafka_stop ;;
      keycloak) keycloak_stop ;;
      mail) mail_stop ;;
      postgres) stop_pid "embedded PostgreSQL" "$SHARED_STATE/embedded-postgres.pid" ;;
      # The embedded server is shared by both instances; the dev instance owns its lifetime.
      all) mail_stop; keycloak_stop; kafka_stop; [ "$INSTANCE" != dev ] || stop_pid "embedded PostgreSQL" "$SHARED_STATE/embedded-postgres.pid" ;;
      *) die "unknown component $what" ;;
    esac ;;
  status) status ;;
  drop-databases)
    # make clean: the databases this instance created go with its broker data (docs/operations.md)
    if port_open "$PG_PORT"; then
      # shellcheck disable=SC2046
      tool PostgresDatabases --drop "$PG_HOST" "$PG_PORT" "$PG_USER" $(databases) >"$STATE/postgres.log" 2>&1 \
        || { cat "$STATE/postgres.log" >&2; die "could not drop the databases at $PG_HOST:$PG_PORT"; }
      say "dropped databases: $(databases)"
    else
      say "no PostgreSQL at $PG_HOST:$PG_PORT: no database to drop"
    fi ;;
  env)
    echo "KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:$KAFKA_PORT"
    # One password file per Kafka principal (admin, and each service by its name), mode 600.
    echo "DUBAN_KAFKA_CREDENTIALS=$(kafka_credentials)"
    echo "DUBAN_DB_URL_PREFIX=jdbc:postgresql://$PG_HOST:$PG_PORT/duban_"
    echo "DUBAN_DB_SUFFIX=$DB_SUFFIX"
    echo "DUBAN_DB_USER=$PG_USER"
    # Where services discover the realm and fetch its keys (Keycloak itself, the backchannel) ...
    echo "DUBAN_OIDC_AUTH_SERVER_URL=http://127.0.0.1:$KC_PORT/realms/duban"
    # ... and the issuer every token names: the realm seen through the gateway.
    echo "DUBAN_OIDC_ISSUER=http://127.0.0.1:$GW_PORT/realms/duban"
    echo "DUBAN_KEYCLOAK_URL=http://127.0.0.1:$KC_PORT"
    # The admin console's password (user admin), made on Keycloak's first start; mode 600.
    echo "DUBAN_KEYCLOAK_ADMIN_PASSWORD_FILE=$STATE/keycloak-admin-password"
    echo "DUBAN_GATEWAY_URL=http://127.0.0.1:$GW_PORT"
    echo "DUBAN_SMTP_PORT=$MAIL_PORT"
    echo "DUBAN_MAIL_API_URL=http://127.0.0.1:$((MAIL_PORT + 55))" ;;
  *) die "usage: $0 start|stop|status|env|drop-databases [kafka|postgres|keycloak|mail]" ;;
esac
