package cn.duban.faults;

import cn.duban.testsupport.KeycloakTokens;
import cn.duban.testsupport.LocalInfra;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

/**
 * make faults: streams progress reports through the six sector services while the broker is stopped and started,
 * supervision is killed (SIGKILL) and restarted, a sector service is restarted while it relays, and PostgreSQL is
 * stopped and started, and a burst of alerts goes through the notifier while it is restarted and its webhook is down;
 * then proves from the databases and the broker that every accepted report is at supervision exactly once, nothing
 * refused was stored, every injected malformed event is on the DLQ, every alert reached the webhook exactly once
 * (NotifierBurst), and that readiness told the truth during the outages while liveness stayed up. Exit status 0 only
 * if all of that holds.
 *
 * <p>With DUBAN_FAULTS_REPLICAS=3 (make faults-replicas, issue 21) it runs three supervision replicas and two of the
 * agriculture service instead, and its faults are theirs: the clock moved at different replicas, a supervision
 * replica killed for good and the first one killed and restarted, an agriculture replica killed while reports
 * alternate between the two; besides lost and doubled reports it counts alerts raised twice, after a last clock
 * move tasks not evaluated, and what an alert-stream client at each replica missed or got twice ({@link StreamClients}).
 */
public final class FaultRun {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration DOWN_WITHIN = Duration.ofSeconds(30);
    private static final Duration UP_WITHIN = Duration.ofSeconds(90);
    private static final Duration OUTAGE = Duration.ofSeconds(20);

    private final Services services;
    private final Infra infra;
    private final KeycloakTokens tokens;
    private final Reporters reporters;
    private final Malformed malformed;
    private final NotifierBurst notifier;
    private final int notifierAlerts = Integer.parseInt(System.getenv().getOrDefault("DUBAN_FAULTS_ALERTS", "300"));
    private final Tally tally = new Tally();
    private final String runId;
    private final int total;
    private final boolean stopPostgres;
    private final long started = System.nanoTime();
    private final List<String> timeline = Collections.synchronizedList(new ArrayList<>());
    private final List<String> failures = Collections.synchronizedList(new ArrayList<>());
    private volatile boolean loadDone;
    private volatile int liveSamples;
    private volatile int liveAnswersNot200;
    private final int replicas;
    private volatile boolean notifierRan;
    private StreamClients streams;

    private FaultRun(Services services, Infra infra, String issuer, String runId, int total, boolean stopPostgres,
            int replicas) {
        this.services = services;
        this.infra = infra;
        this.tokens = KeycloakTokens.at(issuer);
        this.replicas = replicas;
        java.util.concurrent.atomic.AtomicInteger turn = new java.util.concurrent.atomic.AtomicInteger();
        // with a second agriculture replica, its reports alternate between the two, as behind a load balancer
        this.reporters = new Reporters(runId, sector -> replicas > 1 && sector.equals("agriculture")
                && turn.getAndIncrement() % 2 == 1 ? services.url("agriculture@2") : services.url(sector), tokens);
        this.malformed = new Malformed(runId);
        this.notifier = new NotifierBurst(runId, services, tokens, timeline, failures);
        this.runId = runId;
        this.total = total;
        this.stopPostgres = stopPostgres;
    }

    public static void main(String[] args) throws InterruptedException {
        int total = Integer.parseInt(System.getenv().getOrDefault("DUBAN_FAULTS_REPORTS", "10000"));
        int clients = Integer.parseInt(System.getenv().getOrDefault("DUBAN_FAULTS_CLIENTS", "24"));
        // Paced, so that on a fast machine the load still outlasts the faults (about 3 minutes of them idle).
        double rate = Double.parseDouble(System.getenv().getOrDefault("DUBAN_FAULTS_RATE", "30"));
        boolean stopPostgres = !"skip".equals(System.getenv("DUBAN_FAULTS_POSTGRES"));
        int replicas = Integer.parseInt(System.getenv().getOrDefault("DUBAN_FAULTS_REPLICAS", "1"));
        Path root = LocalInfra.root();
        Path out = root.resolve("harness/faults/target/run");
        String runId = UUID.randomUUID().toString().substring(0, 8);
        long t0 = System.nanoTime();
        LocalInfra.ensureStarted();
        String issuer = LocalInfra.keycloakIssuer();
        Services services = new Services(root, out.resolve("logs"), issuer, replicas, replicas > 1 ? 2 : 1);
        Infra infra = new Infra(root, out.resolve("infra.log"));
        // make faults bounds the run with timeout(1): its SIGTERM must not leave eight services behind.
        Runtime.getRuntime().addShutdownHook(new Thread(services::stopAll, "stop-services"));
        int status;
        try {
            services.startAll();
            System.out.printf("[faults] run %s: infrastructure and %d service processes up in %d s; logs in %s%n", runId,
                    services.names().size(), seconds(t0), out.resolve("logs"));
            status = new FaultRun(services, infra, issuer, runId, total, stopPostgres, replicas).run(clients, rate);
        } catch (RuntimeException e) {
            e.printStackTrace();
            status = 2;
        } finally {
            services.stopAll();
        }
        System.out.printf("[faults] finished in %d s, exit %d%n", seconds(t0), status);
        System.exit(status);
    }

    private int run(int clients, double rate) throws InterruptedException {
        List<Reporters.Work> work = assignedTasks();
        say("%d tasks over six sectors; %d reports from %d clients at up to %.0f/s; every %dth report deliberately "
                + "invalid", work.size(), total, clients, rate, Reporters.INVALID_EVERY);
        if (replicas > 1) {
            List<String> supervisions = services.names().stream().filter(n -> Services.serviceOf(n).equals("supervision"))
                    .toList();
            streams = new StreamClients(services, tokens, tally, supervisions,
                    line -> timeline.add(String.format("%4d s  %s", seconds(started), line)));
            streams.start();
            say("%d alert-stream clients reading, one at each supervision replica", supervisions.size());
        }
        Thread faults = new Thread(replicas > 1 ? this::replicaFaults : this::faults, "faults");
        faults.start();
        Thread ticker = new Thread(() -> {
            while (!loadDone) {
                Pause.of(Duration.ofSeconds(30));
                say("%d sent, %d accepted, %d retries", reporters.sent.get(), reporters.accepted.size(),
                        reporters.retried.get());
            }
        }, "ticker");
        ticker.setDaemon(true);
        ticker.start();
        Thread liveness = new Thread(this::watchLiveness, "liveness");
        liveness.setDaemon(true);
        liveness.start();
        long loadStart = System.nanoTime();
        reporters.run(work, total, clients, rate);
        loadDone = true;
        say("load done in %d s: %d accepted, %d refused", seconds(loadStart), reporters.accepted.size(),
                reporters.refused.size());
        faults.join();
        if (replicas > 1) {
            services.awaitReady("supervision", Services.READY_WITHIN);
            services.awaitReady("agriculture@2", Services.READY_WITHIN);
        }
        converge();
        if (notifierRan) {
            notifier.converge();
        }
        return report();
    }

    /**
     * The fault schedule, paced by the load: each fault while reports keep streaming in. Supervision's kill comes
     * last of the four because its restart is the slowest (a minute or more at this load) and holds the schedule.
     */
    private void faults() {
        // Injected just before the broker goes: supervision, behind the load, parks some while the broker is away.
        step(0.05, "inject 10 malformed events, then broker outage", () -> {
            malformed.inject(10);
            brokerOutage();
        });
        step(0.20, "restart agriculture while it relays", () -> {
            int before = tally.unpublished("agriculture");
            services.stop("agriculture");
            int after = tally.unpublished("agriculture");
            timeline.add(String.format("      agriculture outbox unpublished: %d before SIGTERM, %d after shutdown", before,
                    after));
            services.start("agriculture", false);
            services.awaitReady("agriculture", Services.READY_WITHIN);
        });
        if (stopPostgres && infra.canStopPostgres()) {
            step(0.30, "database outage", this::databaseOutage);
        } else {
            failures.add("PostgreSQL outage not run (DUBAN_FAULTS_POSTGRES=skip or no pg_ctlcluster)");
        }
        // Still in supervision's backlog when it is killed: parked before the kill, redelivered after it.
        step(0.40, "inject 10 malformed events", () -> malformed.inject(10));
        step(0.45, "kill -9 supervision, restart", () -> {
            services.kill("supervision");
            services.start("supervision", false);
            services.awaitReady("supervision", Services.READY_WITHIN);
        });
        // Alerts to people while the notifier is restarted and its receiver is down: each delivered exactly once.
        step(0.55, "notifier: 300 alerts to a webhook, notifier restarted, webhook down 15 s", () -> {
            notifierRan = true;
            notifier.prepare();
            notifier.run(notifierAlerts, Duration.ofSeconds(45));
        });
        step(0.80, "inject 10 malformed events", () -> malformed.inject(10));
    }

    /**
     * The replicas' faults (issue 21), paced by the load: the business clock moved at one replica and then another,
     * a supervision replica killed for good (its partitions must move to the others), an agriculture replica killed
     * and restarted while reports alternate between the two, and the first supervision killed and restarted.
     */
    private void replicaFaults() {
        step(0.05, "inject 10 malformed events", () -> malformed.inject(10));
        step(0.12, "move the clock to 2022-04-01 at supervision@2", () -> moveClock("supervision@2", "2022-04-01T09:00:00+08:00"));
        step(0.25, "kill -9 supervision@2, not restarted", () -> services.kill("supervision@2"));
        step(0.38, "move the clock to 2022-05-01 at supervision@3", () -> moveClock("supervision@3", "2022-05-01T09:00:00+08:00"));
        // restarted without waiting: the load goes on meanwhile, as it would behind a load balancer
        step(0.50, "kill -9 agriculture@2, start again", () -> {
            services.kill("agriculture@2");
            services.start("agriculture@2", false);
        });
        step(0.65, "move the clock to 2022-06-01 at supervision@3", () -> moveClock("supervision@3", "2022-06-01T09:00:00+08:00"));
        step(0.80, "kill -9 supervision, start again", () -> {
            services.kill("supervision");
            services.start("supervision", false);
        });
    }

    /** The office moves the business clock at one replica; returns the re-evaluation it queued there. */
    private long moveClock(String replica, String now) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(services.url(replica) + "/api/supervision/admin/clock"))
                    .header("Authorization", tokens.bearer("supervisor")).header("Content-Type", "application/json")
                    .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString("{\"now\":\"" + now + "\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 202) {
                throw new IllegalStateException("moving the clock at " + replica + ": " + response.statusCode() + " "
                        + response.body());
            }
            return JSON.readTree(response.body()).path("evaluation").path("id").asLong();
        } catch (IOException e) {
            throw new IllegalStateException("moving the clock at " + replica, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * After the faults: one more clock move, and its re-evaluation must go through the whole ledger with no task left
     * out or failing, whichever replicas died on the way (a task it found unchanged since its last evaluation counts
     * as gone through). Returns how many tasks it did not evaluate.
     */
    private int tasksNotEvaluated() {
        int ledger = get(services.url("supervision") + "/api/supervision/tasks?size=1", "supervisor").path("total").asInt();
        long run = moveClock("supervision", "2022-07-01T09:00:00+08:00");
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode state = get(services.url("supervision") + "/api/supervision/admin/evaluations/" + run, "supervisor");
            if ("DONE".equals(state.path("state").asText()) || "FAILED".equals(state.path("state").asText())) {
                int evaluated = state.path("evaluated").asInt();
                int unchanged = state.path("unchanged").asInt();
                int failed = state.path("failed").asInt();
                say("the last re-evaluation: %s, %d of %d tasks evaluated, %d unchanged, %d could not be",
                        state.path("state").asText(), evaluated, ledger, unchanged, failed);
                return Math.max(0, ledger - evaluated - unchanged) + failed;
            }
            Pause.of(Duration.ofSeconds(1));
        }
        failures.add("the last re-evaluation did not finish in 5 minutes");
        return ledger;
    }

    /**
     * Liveness over the whole run, rebalances and outages included: a service that answers must answer 200; one
     * being restarted does not answer at all (status 0), which is not a liveness failure.
     */
    private void watchLiveness() {
        while (!loadDone) {
            for (String s : services.names()) {
                int status = services.health(s, "live");
                if (status != 200 && status != 0) {
                    liveAnswersNot200++;
                    timeline.add(String.format("%4d s  %s /q/health/live answered %d", seconds(started), s, status));
                }
            }
            liveSamples++;
            Pause.of(Duration.ofSeconds(1));
        }
    }

    /** Kafka stopped; meanwhile industry is restarted with reports in its outbox that the broker cannot take. */
    private void brokerOutage() {
        infra.stopKafka();
        outage("broker", () -> restartWithBacklog("industry"), infra::startKafka);
        services.awaitReady("industry", Services.READY_WITHIN);
    }

    private void databaseOutage() {
        infra.stopPostgres();
        outage("database", () -> { }, infra::startPostgres);
    }

    /**
     * SIGTERM to a sector service while its outbox holds accepted reports not yet relayed, then a start: they must
     * reach supervision once, from the restarted service.
     */
    private void restartWithBacklog(String service) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (tally.unpublished(service) == 0 && System.nanoTime() < deadline) {
            Pause.of(Duration.ofMillis(500));
        }
        int before = tally.unpublished(service);
        services.stop(service);
        int after = tally.unpublished(service);
        timeline.add(String.format("      %s restarted during the outage: outbox unpublished %d before SIGTERM, %d after "
                + "shutdown", service, before, after));
        if (before == 0) {
            failures.add(service + " had no unrelayed reports when it was restarted during the broker outage");
        }
        services.start(service, false);
    }

    /**
     * While something is down: readiness must turn 503 on supervision and agriculture within {@link #DOWN_WITHIN},
     * liveness must stay 200 on every service; once it is back, readiness must be 200 again by itself.
     */
    private void outage(String what, Runnable meanwhile, Runnable recover) {
        long down = System.nanoTime();
        List<String> probed = List.of("supervision", "agriculture");
        Map<String, Long> notReady = new java.util.HashMap<>();
        int liveFailures = 0;
        while (System.nanoTime() - down < OUTAGE.toNanos() || notReady.size() < probed.size()) {
            for (String s : probed) {
                if (!notReady.containsKey(s) && services.health(s, "ready") == 503) {
                    notReady.put(s, System.nanoTime() - down);
                }
            }
            liveFailures += liveAnswersNot200();
            if (System.nanoTime() - down > DOWN_WITHIN.toNanos()) {
                break;
            }
            Pause.of(Duration.ofMillis(500));
        }
        meanwhile.run();
        recover.run();
        long back = System.nanoTime();
        Map<String, Long> ready = new java.util.HashMap<>();
        while (ready.size() < probed.size() && System.nanoTime() - back < UP_WITHIN.toNanos()) {
            for (String s : probed) {
                if (!ready.containsKey(s) && services.health(s, "ready") == 200) {
                    ready.put(s, System.nanoTime() - back);
                }
            }
            liveFailures += liveAnswersNot200();
            Pause.of(Duration.ofMillis(500));
        }
        for (String s : probed) {
            String line = String.format("      %s down: %s ready %s after %s, live failures %d, ready again %s after recovery",
                    what, s, notReady.containsKey(s) ? "503" : "NOT 503", millis(notReady.get(s)), liveFailures,
                    ready.containsKey(s) ? "200" : "NOT 200", millis(ready.get(s)));
            timeline.add(line);
            if (!notReady.containsKey(s) || !ready.containsKey(s)) {
                failures.add("health: " + line.strip());
            }
        }
        if (liveFailures > 0) {
            failures.add("health: liveness failed " + liveFailures + " times during the " + what + " outage");
        }
    }

    /** Services answering /q/health/live with anything but 200; one being restarted does not answer and is not counted. */
    private int liveAnswersNot200() {
        int count = 0;
        for (String s : services.names()) {
            int status = services.health(s, "live");
            if (status != 200 && status != 0) {
                count++;
            }
        }
        return count;
    }

    private void step(double fraction, String name, Runnable action) {
        awaitProgress(() -> loadDone || reporters.sent.get() >= fraction * total);
        if (loadDone && !name.startsWith("inject")) {
            failures.add(name + " ran after the load had finished, so it proves nothing about reports in flight");
        }
        long t = System.nanoTime();
        String at = String.format("%4d s  at %5d sent", seconds(started), reporters.sent.get());
        try {
            action.run();
            timeline.add(at + "  " + name + " (" + seconds(t) + " s)");
        } catch (RuntimeException e) {
            timeline.add(at + "  " + name + " FAILED: " + e.getMessage());
            failures.add(name + ": " + e + (e.getCause() == null ? "" : " (cause: " + e.getCause() + ")"));
        }
    }

    /** Waits until the sectors' outboxes are empty, supervision has committed every offset and its count settles. */
    private void converge() {
        long start = System.nanoTime();
        int lastStored = -1;
        while (System.nanoTime() - start < Duration.ofMinutes(5).toNanos()) {
            try {
                int unpublished = tally.unpublished();
                long lag = tally.supervisionLag();
                int stored = tally.atSupervision(reporters.marker()).size();
                if (unpublished == 0 && lag == 0 && stored == lastStored) {
                    say("settled in %d s: outboxes empty, supervision's lag 0", seconds(start));
                    return;
                }
                lastStored = stored;
            } catch (RuntimeException e) {
                say("still settling: %s", e.getMessage());
            }
            Pause.of(Duration.ofSeconds(2));
        }
        failures.add("did not settle in 5 minutes (outbox rows unpublished or supervision lagging)");
    }

    private int report() {
        Map<String, List<Tally.Stored>> stored = tally.atSupervision(reporters.marker());
        int atSectors = tally.atSectors(reporters.marker());
        Tally.DeadLetters dlq = tally.deadLetters(runId);
        int accepted = reporters.accepted.size();
        long lost = reporters.accepted.keySet().stream().filter(id -> !stored.containsKey(id)).count();
        long duplicated = stored.values().stream().mapToInt(rows -> rows.size() - 1).sum();
        long refusedStored = reporters.refused.stream().filter(stored::containsKey).count();
        long unknownStored = stored.keySet().stream()
                .filter(id -> !reporters.accepted.containsKey(id) && !reporters.refused.contains(id)).count();
        String clientSum = Tally.checksum(reporters.accepted.values().stream()
                .map(a -> new Tally.Stored(a.reportId(), a.investment())).toList());
        String storedSum = Tally.checksum(reporters.accepted.keySet().stream().filter(stored::containsKey)
                .map(id -> stored.get(id).get(0)).toList());

        System.out.println();
        System.out.println("[faults] timeline");
        timeline.forEach(line -> System.out.println("  " + line));
        System.out.println();
        System.out.println("| sent | accepted (202) | refused (4xx) | at sectors | stored at supervision | lost | duplicated "
                + "| refused but stored | DLQ (injected) |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        System.out.printf("| %d | %d | %d | %d | %d | %d | %d | %d | %d (%d) |%n", reporters.sent.get(), accepted,
                reporters.refused.size(), atSectors, stored.size(), lost, duplicated, refusedStored, dlq.distinct(),
                malformed.sent());
        System.out.printf("DLQ: %d records parked from %d places (%d second copies, read by dead-letter-offset)%n",
                dlq.total(), dlq.distinct(), dlq.copies());
        System.out.printf("checksum over report ids and figures: accepted %s, at supervision %s%n", clientSum, storedSum);
        System.out.printf("requests: %d attempts, %d retries with the same Idempotency-Key, %d without a final answer%n",
                reporters.attempts.get(), reporters.retried.get(), reporters.unanswered.get());

        if (notifierRan) {
            System.out.println();
            System.out.println("[faults] the notifier");
            notifier.report();
        }
        if (replicas > 1) {
            Tally.TwiceRaised twice = tally.alertsRaisedTwice();
            int notEvaluated = tasksNotEvaluated();
            System.out.println();
            System.out.printf("[faults] %d supervision replicas, 2 of agriculture: lost %d, duplicated %d, alerts raised"
                    + " twice %d (%d AlertRaised events; %d naming an alert raised before, %d open twice at supervision;"
                    + " %d copies of an event sent again after a crash, dropped by event id), tasks not evaluated %d%n",
                    replicas, lost, duplicated, twice.sameAlertAgain() + twice.openTwice(), twice.raisedEvents(),
                    twice.sameAlertAgain(), twice.openTwice(), twice.redelivered(), notEvaluated);
            if (twice.sameAlertAgain() + twice.openTwice() > 0) {
                failures.add((twice.sameAlertAgain() + twice.openTwice()) + " alerts raised twice");
            }
            if (twice.raisedEvents() == 0) {
                failures.add("no alert was raised, so the run proves nothing about raising them once");
            }
            if (notEvaluated > 0) {
                failures.add(notEvaluated + " tasks not evaluated by the last re-evaluation");
            }
            streamTally(streams.finish());
        }
        System.out.printf("liveness: %d rounds over the %d service processes during the load, %d answers other than 200%n",
                liveSamples, services.names().size(), liveAnswersNot200);
        if (liveAnswersNot200 > 0) {
            failures.add("liveness answered other than 200 " + liveAnswersNot200 + " times");
        }
        if (lost > 0) {
            failures.add(lost + " accepted reports lost");
        }
        if (duplicated > 0) {
            failures.add(duplicated + " reports stored more than once");
        }
        if (refusedStored > 0 || unknownStored > 0) {
            failures.add((refusedStored + unknownStored) + " reports stored that were refused or never accepted");
        }
        if (atSectors != accepted) {
            failures.add("the sector services stored " + atSectors + " reports for " + accepted + " accepted");
        }
        // The DLQ is at-least-once (a crash between the dead letter's ack and supervision's mark leaves a copy):
        // what must hold is that every injected record is there and nothing else is, counted by where it came from.
        if (dlq.distinct() != malformed.sent() || dlq.injected() != malformed.sent()) {
            failures.add("DLQ holds " + dlq.distinct() + " records (" + dlq.injected() + " of them injected) for "
                    + malformed.sent() + " injected");
        }
        if (!clientSum.equals(storedSum)) {
            failures.add("checksums differ");
        }
        reporters.unexpected.stream().limit(10).forEach(u -> failures.add("unexpected answer: " + u));
        if (reporters.unexpected.size() > 10) {
            failures.add("… and " + (reporters.unexpected.size() - 10) + " more unexpected answers");
        }
        if (failures.isEmpty()) {
            System.out.println(replicas > 1
                    ? "[faults] PASS: with " + replicas + " supervision replicas nothing accepted was lost or doubled, no alert"
                            + " was raised twice, every task was evaluated, no stream client missed a notice or got one"
                            + " twice, every malformed event is on the DLQ"
                    : "[faults] PASS: nothing accepted was lost or doubled, nothing refused was stored, every malformed"
                            + " event is on the DLQ, every alert reached its webhook exactly once, health told the truth");
            return 0;
        }
        failures.forEach(f -> System.out.println("[faults] FAIL: " + f));
        return 1;
    }

    /** What the alert-stream clients heard against supervision's alert_notice table; a miss or a double fails the run. */
    private void streamTally(List<StreamClients.Result> results) {
        for (StreamClients.Result r : results) {
            System.out.printf("  %s's client: started after #%d, positions %d..%d, %d expected, %d received over %d "
                    + "connections %s, missed %d, doubled %d, at or before its start %d, resyncs %d%n", r.home(), r.start(),
                    r.first(), r.last(), r.expected(), r.received(), r.servedBy().size(), r.servedBy(), r.missed(),
                    r.doubled(), r.beforeStart(), r.resyncs());
            if (r.expected() == 0) {
                failures.add(r.home() + "'s stream client heard no notice, so it proves nothing");
            }
        }
        int expected = results.stream().mapToInt(StreamClients.Result::expected).sum();
        int missed = results.stream().mapToInt(StreamClients.Result::missed).sum();
        int doubled = results.stream().mapToInt(StreamClients.Result::doubled).sum();
        int reconnections = results.stream().mapToInt(StreamClients.Result::resumed).sum();
        int beforeStart = results.stream().mapToInt(StreamClients.Result::beforeStart).sum();
        System.out.printf("[faults] stream clients: %d, notices expected %d, missed %d, doubled %d, at or before a "
                + "client's start %d (%d reconnections with Last-Event-ID)%n", results.size(), expected, missed, doubled,
                beforeStart, reconnections);
        if (missed > 0 || doubled > 0 || beforeStart > 0) {
            failures.add("alert streams: " + missed + " notices missed, " + doubled + " sent twice, " + beforeStart
                    + " sent at or before a client's start");
        }
        if (reconnections == 0) {
            failures.add("no stream client reconnected, so the run proves nothing about resuming");
        }
    }

    /** The tasks each sector service knows, once all of supervision's ledger has reached them. */
    private List<Reporters.Work> assignedTasks() {
        int ledger = get(services.url("supervision") + "/api/supervision/tasks?size=1", "supervisor").path("total").asInt();
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (true) {
            List<Reporters.Work> work = new ArrayList<>();
            for (String sector : Services.SECTORS) {
                get(services.url(sector) + "/api/" + sector + "/tasks", sector).path("items")
                        .forEach(t -> work.add(new Reporters.Work(sector, t.path("id").asText())));
            }
            if (work.size() >= ledger) {
                return work;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the sector services know " + work.size() + " of " + ledger + " tasks");
            }
            Pause.of(Duration.ofSeconds(1));
        }
    }

    private JsonNode get(String url, String user) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                    .header("Authorization", tokens.bearer(user)).timeout(Duration.ofSeconds(30)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + url + ": " + response.statusCode() + " " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("GET " + url, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void awaitProgress(BooleanSupplier condition) {
        while (!condition.getAsBoolean()) {
            Pause.of(Duration.ofMillis(200));
        }
    }

    private void say(String format, Object... args) {
        System.out.printf("[faults] %4d s  %s%n", seconds(started), String.format(format, args));
    }

    private static long seconds(long since) {
        return Duration.ofNanos(System.nanoTime() - since).toSeconds();
    }

    private static String millis(Long nanos) {
        return nanos == null ? "-" : Duration.ofNanos(nanos).toMillis() + " ms";
    }
}
