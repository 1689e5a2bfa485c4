#!/usr/bin/env bash
# make run / make up: build what changed, start Kafka, PostgreSQL, Keycloak and every service with the Pingyao 2022
# demo data, print where to look. `run` then waits and stops everything on Ctrl-C; `up` returns.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"
mode=${1:-run}

deploy/local/fonts.sh || echo "[fonts] could not install fonts-noto-cjk: the papers answer 503 until it is (docs/papers.md)" >&2
deploy/local/build.sh

started=$SECONDS
deploy/local/infra.sh start
deploy/local/suite.sh start

cat <<TXT

Duban is up in $((SECONDS - started)) s, with the Pingyao 2022 ledger (business clock at 2022-03-01 09:00, Asia/Shanghai).
  gateway             http://127.0.0.1:8080   the one origin: /api/**, /api/mobile/me, /realms/duban (login), /openapi
  督办台 (web page)    http://127.0.0.1:8080/    (sign in as supervisor / duban; docs/dashboard.md)
  supervision         http://127.0.0.1:8081/api/supervision/tasks?q=武庙    (Swagger UI: /q/swagger-ui)
  agriculture         http://127.0.0.1:8082/api/agriculture/tasks
  industry            http://127.0.0.1:8083/api/industry/tasks
  culture-tourism     http://127.0.0.1:8084/api/culture-tourism/tasks
  urban-construction  http://127.0.0.1:8085/api/urban-construction/tasks
  reform              http://127.0.0.1:8086/api/reform/tasks
  livelihood          http://127.0.0.1:8087/api/livelihood/tasks
  notifier            http://127.0.0.1:8080/notify/   (通知推送: receivers, routes, silences, deliveries; docs/notifier.md)
  mail (GreenMail)    SMTP 127.0.0.1:3025; read it: curl http://127.0.0.1:3080/api/user/office@duban.local/messages
                      or IMAP 127.0.0.1:3143 / POP3 127.0.0.1:3110 (user office@duban.local, any password)
  Kafka               127.0.0.1:9092   (logins required; as the super user admin, docs/security.md:
                      kcat -b 127.0.0.1:9092 -X security.protocol=SASL_PLAINTEXT -X sasl.mechanisms=SCRAM-SHA-512 \\
                        -X sasl.username=admin -X sasl.password=\$(cat .duban/dev/kafka-credentials/admin) \\
                        -t duban.progress.agriculture.v1 -C -e -J)
  PostgreSQL          127.0.0.1:5432   (databases duban_supervision, duban_agriculture, …, duban_notifier)
  Keycloak            http://127.0.0.1:8180/admin/  (user admin, password in .duban/dev/keycloak-admin-password;
                      realm duban, DEMO users, password duban — docs/security.md)
  logs                .duban/dev/logs/

Every API needs a token. Through the gateway, sign in as the agriculture sector's staff, post a report, and
see it at supervision as the office:
  token() { curl -s -d grant_type=password -d client_id=duban-cli -d username=\$1 -d password=duban \\
            http://127.0.0.1:8080/realms/duban/protocol/openid-connect/token | sed 's/.*"access_token":"\([^"]*\)".*/\1/'; }
  curl -X POST http://127.0.0.1:8080/api/agriculture/tasks/2022-AGR-003/progress -H "Authorization: Bearer \$(token agriculture)" \\
       -H 'Content-Type: application/json' \\
       -d '{"asOf":"2022-02-28","figures":[{"metric":"高标准农田","value":6000}],"investment":1200,"narrative":"已完成6000亩"}'
  curl -H "Authorization: Bearer \$(token supervisor)" http://127.0.0.1:8080/api/supervision/tasks/2022-AGR-003
TXT

if [ "$mode" = up ]; then
  echo "Stop with: make stop"
  exit 0
fi
stop_all() { echo; deploy/local/suite.sh stop; deploy/local/infra.sh stop; exit 0; }
trap stop_all INT TERM
echo "Press Ctrl-C to stop everything."
while true; do sleep 1; done
