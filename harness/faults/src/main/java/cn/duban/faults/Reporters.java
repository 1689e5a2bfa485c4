package cn.duban.faults;

import cn.duban.testsupport.KeycloakTokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Department systems posting progress reports: many concurrent clients, each owning some tasks (so its cumulative
 * figures rise in order), every report under its own Idempotency-Key and retried with that key on a timeout, a
 * dropped connection or a 5xx until the service gives a final answer. Every {@value #INVALID_EVERY}th report is
 * deliberately invalid (an unknown metric): it must be refused and never stored.
 */
final class Reporters {
    static final int INVALID_EVERY = 50;
    private static final Duration GIVE_UP_AFTER = Duration.ofMinutes(5);
    private static final ObjectMapper JSON = new ObjectMapper();

    record Work(String sector, String taskId) {
    }

    record Accepted(String requestId, String reportId, BigDecimal investment) {
    }

    private final String runId;
    private final Function<String, String> sectorUrl;
    private final KeycloakTokens tokens;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(3)).build();

    final Map<String, Accepted> accepted = new ConcurrentHashMap<>();
    final Set<String> refused = ConcurrentHashMap.newKeySet();
    /** Refusals and give-ups a valid report should never meet: printed, and they fail the run. */
    final ConcurrentLinkedQueue<String> unexpected = new ConcurrentLinkedQueue<>();
    final AtomicInteger sent = new AtomicInteger();
    final AtomicInteger attempts = new AtomicInteger();
    final AtomicInteger retried = new AtomicInteger();
    final AtomicInteger unanswered = new AtomicInteger();

    Reporters(String runId, Function<String, String> sectorUrl, KeycloakTokens tokens) {
        this.runId = runId;
        this.sectorUrl = sectorUrl;
        this.tokens = tokens;
    }

    /** The narrative that marks this run's reports, so supervision's copy can be found and counted. */
    String marker() {
        return "faults " + runId + " ";
    }

    /** {@code total} reports from {@code clients} threads, report n not before n / {@code rate} seconds. */
    void run(List<Work> work, int total, int clients, double rate) throws InterruptedException {
        AtomicInteger tickets = new AtomicInteger();
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        for (int c = 0; c < clients; c++) {
            List<Work> mine = new ArrayList<>();
            for (int i = c; i < work.size(); i += clients) {
                mine.add(work.get(i));
            }
            if (!mine.isEmpty()) {
                pool.submit(() -> client(mine, tickets, total, start, rate));
            }
        }
        pool.shutdown();
        if (!pool.awaitTermination(30, TimeUnit.MINUTES)) {
            pool.shutdownNow();
            throw new IllegalStateException("the clients did not finish in 30 minutes");
        }
    }

    private void client(List<Work> mine, AtomicInteger tickets, int total, long start, double rate) {
        long[] investment = new long[mine.size()];
        int next = 0;
        try {
            for (int ticket = tickets.getAndIncrement(); ticket < total; ticket = tickets.getAndIncrement()) {
                Pause.until(start + (long) (ticket * 1e9 / rate));
                int i = next++ % mine.size();
                boolean invalid = ticket % INVALID_EVERY == INVALID_EVERY - 1;
                investment[i] += invalid ? 0 : 1;
                send(mine.get(i), BigDecimal.valueOf(investment[i]), invalid);
            }
        } catch (RuntimeException e) {
            unexpected.add("client stopped: " + e);
        }
    }

    private void send(Work work, BigDecimal investment, boolean invalid) {
        String requestId = UUID.randomUUID().toString();
        String body = invalid
                ? "{\"asOf\":\"2022-09-30\",\"figures\":[{\"metric\":\"不存在的指标\",\"value\":1}],\"narrative\":\""
                        + marker() + requestId + "\"}"
                : "{\"asOf\":\"2022-09-30\",\"investment\":" + investment + ",\"confirmed\":true,\"narrative\":\""
                        + marker() + requestId + "\"}";
        URI uri = URI.create(sectorUrl.apply(work.sector()) + "/api/" + work.sector() + "/tasks/" + work.taskId()
                + "/progress");
        sent.incrementAndGet();
        long deadline = System.nanoTime() + GIVE_UP_AFTER.toNanos();
        Duration backoff = Duration.ofMillis(200);
        for (int attempt = 1; ; attempt++) {
            attempts.incrementAndGet();
            if (attempt > 1) {
                retried.incrementAndGet();
            }
            int status;
            String answer;
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri)
                        .timeout(Duration.ofSeconds(10))
                        .header("Authorization", tokens.bearer(work.sector()))
                        .header("Content-Type", "application/json")
                        .header("Idempotency-Key", requestId)
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                status = response.statusCode();
                answer = response.body();
            } catch (IOException e) {
                status = 0; // timeout, refused or dropped connection: the outcome is unknown, so ask again
                answer = e.toString();
            } catch (RuntimeException e) {
                status = 0; // no token while Keycloak is busy
                answer = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
            if (status == 202 && !invalid) {
                accepted.put(requestId, new Accepted(requestId, reportId(answer), investment));
                return;
            }
            if (status >= 400 && status < 500 && status != 401 && status != 408 && status != 429) {
                if (invalid) {
                    refused.add(requestId);
                } else {
                    unexpected.add(status + " for a valid report on " + work.taskId() + ": " + answer);
                }
                return;
            }
            if (status == 202) {
                unexpected.add("202 for an invalid report on " + work.taskId() + ": " + answer);
                return;
            }
            if (status == 401) {
                tokens.forget(work.sector());
            }
            if (System.nanoTime() > deadline) {
                unanswered.incrementAndGet();
                unexpected.add("no final answer in " + GIVE_UP_AFTER + " for " + requestId + " on " + work.taskId()
                        + "; last: " + status + " " + answer);
                return;
            }
            Pause.of(backoff);
            backoff = backoff.multipliedBy(2).compareTo(Duration.ofSeconds(3)) > 0 ? Duration.ofSeconds(3)
                    : backoff.multipliedBy(2);
        }
    }

    private static String reportId(String answer) {
        try {
            JsonNode node = JSON.readTree(answer);
            return node.path("reportId").asText(null);
        } catch (IOException e) {
            return null;
        }
    }
}
