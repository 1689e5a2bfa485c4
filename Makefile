# Duban — the two commands a newcomer needs are `make run` and `make test`.
SHELL := /bin/bash

.PHONY: help build run up stop status test test-fast bench faults faults-replicas clean images

help:
	@echo "make run     build if needed, start Kafka, PostgreSQL and all services with demo data; Ctrl-C stops"
	@echo "make up      the same, but return once everything is ready (stop with make stop)"
	@echo "make stop    stop the services and the local infrastructure"
	@echo "make status  what is running"
	@echo "make test    the whole test suite against a real broker and database (starts and stops them)"
	@echo "make test-fast  only the tests that need no broker, database or Keycloak: rule engine, codecs, sheets, drafts, routing, architecture"
	@echo "make bench   measure ingest, latency, a 100,000-task ledger grown to a million at the end, and footprint against this machine's limits (an hour or more; DUBAN_BENCH_MILLION=0 leaves the million out)"
	@echo "make faults  10,000 reports while Kafka, PostgreSQL and services are restarted and killed; fails if one is lost or doubled"
	@echo "make faults-replicas  6,000 reports on three supervision replicas and two of agriculture, clock moves, replicas killed; fails on a lost or doubled report, an alert raised twice or a task not evaluated"
	@echo "make clean   stop, remove build output, all local data and the databases Duban created"
	@echo "make images  container images duban/<service>:<version> with Jib: to the local Docker daemon, or pushed with IMAGE_REGISTRY=host[/path]"

build:
	mvn -B -q install -DskipTests

# The nine deployables' images by Quarkus' container-image route: Jib (profile images of each service's pom), named
# duban/<service>:<project version>, as the Helm chart pulls them. Without IMAGE_REGISTRY Jib hands them to the local
# Docker daemon; with it they are pushed there (helm/duban/README.md, "Images"). IMAGE_TAG overrides the tag.
IMAGE_REGISTRY ?=
IMAGE_TAG ?=
DEPLOYABLES := services/supervision,services/agriculture,services/industry,services/culture-tourism,services/urban-construction,services/reform,services/livelihood,services/gateway,services/notifier
images:
	mvn -B package -DskipTests -Pimages -pl $(DEPLOYABLES) -am \
		-Dquarkus.container-image.build=true -Dquarkus.container-image.group=duban \
		$(if $(IMAGE_REGISTRY),-Dquarkus.container-image.registry=$(IMAGE_REGISTRY) -Dquarkus.container-image.push=true) \
		$(if $(IMAGE_TAG),-Dquarkus.container-image.tag=$(IMAGE_TAG))

run:
	@deploy/local/run.sh run

up:
	@deploy/local/run.sh up

stop:
	@deploy/local/suite.sh stop
	@deploy/local/infra.sh stop

status:
	@deploy/local/suite.sh status
	@deploy/local/infra.sh status
	@DUBAN_INSTANCE=test deploy/local/infra.sh status
	@DUBAN_INSTANCE=bench deploy/local/infra.sh status
	@DUBAN_INSTANCE=test DUBAN_STATE_NAME=faults DUBAN_KAFKA_PORT=29092 DUBAN_KEYCLOAK_PORT=28180 deploy/local/infra.sh status

test:
	@deploy/local/test.sh

test-fast:
	@deploy/local/test-fast.sh

bench:
	@deploy/local/bench.sh

faults:
	@deploy/local/faults.sh

faults-replicas:
	@DUBAN_FAULTS_REPLICAS=3 DUBAN_FAULTS_REPORTS=$${DUBAN_FAULTS_REPORTS:-6000} deploy/local/faults.sh

clean: stop
	@DUBAN_INSTANCE=test deploy/local/infra.sh stop
	@DUBAN_INSTANCE=bench deploy/local/infra.sh stop
	@DUBAN_INSTANCE=test DUBAN_STATE_NAME=faults DUBAN_KAFKA_PORT=29092 DUBAN_KEYCLOAK_PORT=28180 deploy/local/infra.sh stop
	@deploy/local/infra.sh drop-databases
	@DUBAN_INSTANCE=test deploy/local/infra.sh drop-databases
	@DUBAN_INSTANCE=bench deploy/local/infra.sh drop-databases
	@DUBAN_INSTANCE=test DUBAN_STATE_NAME=faults DUBAN_DB_SUFFIX=_faults deploy/local/infra.sh drop-databases
	mvn -B -q clean
	rm -rf .duban
