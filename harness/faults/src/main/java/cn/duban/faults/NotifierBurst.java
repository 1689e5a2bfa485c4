package cn.duban.faults;

import cn.duban.testsupport.KeycloakTokens;
import cn.duban.events.EncodedEvent;
import cn.duban.events.Envelope;
import cn.duban.events.EventCodec;
import cn.duban.events.alert.AlertRaised;
import cn.duban.testsupport.LocalInfra;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The notifier under faults: a burst of alerts (AlertRaised on duban.alerts.v1, as supervision publishes them, each
 * on a task of its own) routed one message per alert to a webhook on the loopback interface, while the notifier is
 * restarted (SIGTERM) and the webhook is down for a while. Every alert must reach the webhook in exactly one message,
 * with exactly one delivery of that message: nothing lost, nothing repeated.
 */
final class NotifierBurst {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String runId;
    private final Services services;
    private final KeycloakTokens tokens;
    private final List<String> timeline;
    private final List<String> failures;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** Deliveries by message id (the CloudEvent's id), and the alerts each message carried. */
    private final Map<String, AtomicInteger> deliveries = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> messagesPerAlert = new ConcurrentHashMap<>();
    private final AtomicBoolean down = new AtomicBoolean();
    private final AtomicInteger refusedWhileDown = new AtomicInteger();
    private final List<String> injected = new ArrayList<>();
    private HttpServer hook;

    NotifierBurst(String runId, Services services, KeycloakTokens tokens, List<String> timeline, List<String> failures) {
        this.runId = runId;
        this.services = services;
        this.tokens = tokens;
        this.timeline = timeline;
        this.failures = failures;
    }

    /** The webhook, a receiver for it and a route that sends each of this run's alerts on its own. */
    void prepare() {
        try {
            hook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        hook.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            int status = 200;
            if (down.get()) {
                status = 503;
                refusedWhileDown.incrementAndGet();
            } else if (exchange.getRequestURI().getPath().equals("/burst")) {
                JsonNode event = JSON.readTree(body);
                deliveries.computeIfAbsent(event.path("id").asText(), k -> new AtomicInteger()).incrementAndGet();
                if (deliveries.get(event.path("id").asText()).get() == 1) {
                    event.path("data").path("notices").forEach(n ->
                            messagesPerAlert.computeIfAbsent(n.path("alertId").asText(), k -> new AtomicInteger()).incrementAndGet());
                }
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        hook.start();
        String base = "http://127.0.0.1:" + hook.getAddress().getPort();
        call("POST", "/api/notify/receivers", "{\"name\": \"faults-burst-%s\", \"kind\": \"webhook\", \"url\": \"%s/burst\", \"secret\": \"%s\"}"
                .formatted(runId, base, UUID.randomUUID()), 201);
        call("POST", "/api/notify/receivers", "{\"name\": \"faults-other-%s\", \"kind\": \"webhook\", \"url\": \"%s/other\"}"
                .formatted(runId, base), 201);
        call("PUT", "/api/notify/routes", """
                {"receiver": "faults-other-%1$s", "groupBy": ["sector"], "groupWait": "30s", "groupInterval": "5m", "repeatInterval": "24h",
                 "routes": [{"receiver": "faults-burst-%1$s", "matchers": ["taskId=~2099-.*"], "groupBy": ["..."],
                             "groupWait": "0s", "groupInterval": "1s"}]}
                """.formatted(runId), 200);
    }

    private static final Duration MIN_OUTAGE = Duration.ofSeconds(15);
    private static final Duration MAX_OUTAGE = Duration.ofMinutes(2);

    /** The webhook has been down its 15 s and has refused at least one delivery. */
    private boolean outageMayEnd(long downSince) {
        return System.nanoTime() - downSince >= MIN_OUTAGE.toNanos() && refusedWhileDown.get() > 0;
    }

    /**
     * {@code count} alerts over about {@code over}; the notifier restarted a third of the way, the webhook down after
     * two thirds for 15 s — and longer, up to two minutes, until it has refused a delivery: the notifier may still be
     * restarting when the outage begins, and an outage nobody tried to deliver into proves nothing about retries.
     */
    void run(int count, Duration over) {
        long started = System.nanoTime();
        long step = over.toNanos() / count;
        long downSince = 0;
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerConfig(),
                new StringSerializer(), new ByteArraySerializer())) {
            Thread restart = null;
            for (int i = 0; i < count; i++) {
                Pause.until(started + i * step);
                send(producer, i);
                if (i == count / 3) {
                    restart = new Thread(this::restartNotifier, "restart-notifier");
                    restart.start();
                }
                if (i == 2 * count / 3) {
                    down.set(true);
                    downSince = System.nanoTime();
                    timeline.add(String.format("      notifier burst: webhook down (503) at alert %d of %d", i, count));
                }
                if (down.get() && outageMayEnd(downSince)) {
                    down.set(false);
                }
            }
            while (down.get() && !outageMayEnd(downSince) && System.nanoTime() - downSince < MAX_OUTAGE.toNanos()) {
                Thread.sleep(200);
            }
            if (down.getAndSet(false)) {
                timeline.add(String.format("      notifier burst: webhook up again after %d s",
                        Duration.ofNanos(System.nanoTime() - downSince).toSeconds()));
            }
            if (restart != null) {
                restart.join();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        timeline.add(String.format("      notifier burst: %d alerts injected; the webhook refused %d deliveries while down",
                count, refusedWhileDown.get()));
    }

    private void restartNotifier() {
        int pending = pending();
        services.stop("notifier");
        services.start("notifier", false);
        timeline.add(String.format("      notifier restarted (SIGTERM) during the burst with %d messages unsent in its outbox", pending));
        services.awaitReady("notifier", Services.READY_WITHIN);
    }

    private void send(KafkaProducer<String, byte[]> producer, int i) {
        String taskId = String.format("2099-AGR-%04d", i);
        String alertId = "AL-faults-" + runId + "-" + i;
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(8)).withHour(10); // business hours: no quiet-hours hold
        EncodedEvent event = EventCodec.encode(Envelope.of("supervision", "system", now, new AlertRaised(alertId, taskId,
                "OVERDUE", "RED", null, 1, List.of("县农业农村局"), "faults run " + runId, false, now)));
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(event.topic(), event.key(), event.value());
        event.headers().forEach((k, v) -> record.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
        try {
            producer.send(record).get(60, TimeUnit.SECONDS);
            injected.add(alertId);
        } catch (Exception e) {
            failures.add("notifier burst: could not inject alert " + i + ": " + e);
        }
    }

    /** Waits until every injected alert reached the webhook and the notifier's outbox is empty (at most 5 minutes). */
    void converge() {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < deadline) {
            if (messagesPerAlert.keySet().containsAll(injected) && pending() == 0) {
                Pause.of(Duration.ofSeconds(3)); // anything repeated would arrive now
                return;
            }
            Pause.of(Duration.ofSeconds(2));
        }
    }

    /** Prints the table and adds failures; true when every alert arrived exactly once. */
    void report() {
        long lost = injected.stream().filter(a -> !messagesPerAlert.containsKey(a)).count();
        long inSeveralMessages = messagesPerAlert.values().stream().filter(n -> n.get() > 1).count();
        long repeatedDeliveries = deliveries.values().stream().mapToInt(n -> n.get() - 1).sum();
        System.out.println("| alerts injected | messages delivered | alerts delivered | lost | in more than one message | deliveries repeated | refused while down |");
        System.out.println("|---|---|---|---|---|---|---|");
        System.out.printf("| %d | %d | %d | %d | %d | %d | %d |%n", injected.size(), deliveries.size(),
                messagesPerAlert.size(), lost, inSeveralMessages, repeatedDeliveries, refusedWhileDown.get());
        if (lost > 0) {
            failures.add("notifier: " + lost + " alerts never reached the webhook");
        }
        if (inSeveralMessages > 0 || repeatedDeliveries > 0) {
            failures.add("notifier: " + inSeveralMessages + " alerts in more than one message, " + repeatedDeliveries
                    + " messages delivered more than once");
        }
        if (refusedWhileDown.get() == 0) {
            failures.add("notifier: the webhook outage refused nothing, so it proved nothing about retries");
        }
        if (hook != null) {
            hook.stop(0);
        }
    }

    /** Messages in the burst receiver's outbox not yet delivered. */
    private int pending() {
        try (Connection c = DriverManager.getConnection(LocalInfra.jdbcUrl("notifier"), LocalInfra.dbUser(), "");
                java.sql.PreparedStatement query = c.prepareStatement("select count(*) from outbound_message m "
                        + "join receiver r on r.id = m.receiver_id where m.status = 'PENDING' and r.name = ?")) {
            query.setString(1, "faults-burst-" + runId);
            ResultSet rs = query.executeQuery();
            rs.next();
            return rs.getInt(1);
        } catch (SQLException e) {
            return -1;
        }
    }

    private void call(String method, String path, String body, int expected) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(services.url("notifier") + path))
                    .header("Authorization", tokens.bearer("supervisor")).header("Content-Type", "application/json")
                    .timeout(Duration.ofSeconds(30)).method(method, HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                throw new IllegalStateException(method + " " + path + ": " + response.statusCode() + " " + response.body());
            }
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The super user's login: the run injects records where no service may write. */
    private static Map<String, Object> producerConfig() {
        Map<String, Object> config = new java.util.HashMap<>(LocalInfra.kafkaClientConfig());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        return config;
    }
}
