#!/usr/bin/env bash
# Builds Duban (mvn install -DskipTests) if anything under services/, libs/ or deploy/ changed since the packaged jars
# were written; make run and make bench start from it.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"

needs_build() {
  local jar newer
  for jar in services/{supervision,agriculture,industry,culture-tourism,urban-construction,reform,livelihood,notifier,gateway}/target/quarkus-app/quarkus-run.jar \
             deploy/local/infra/target/classpath.txt harness/bench/target/classpath.txt; do
    [ -f "$jar" ] || return 0
    newer=$(find services libs deploy/local/infra harness/bench pom.xml -type f -newer "$jar" -not -path '*/target/*' -print -quit)
    [ -z "$newer" ] || return 0
  done
  return 1
}

if needs_build; then
  echo "[build] building Duban (mvn install -DskipTests; the first build downloads dependencies)"
  mvn -B -q install -DskipTests
fi
