package cn.duban.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import cn.duban.events.EncodedEvent;
import cn.duban.events.Envelope;
import cn.duban.events.EventCodec;
import cn.duban.events.Sector;
import cn.duban.events.Topics;
import cn.duban.events.task.TaskSnapshot;
import cn.duban.events.task.TaskUpdated;
import cn.duban.testsupport.LocalInfra;
import cn.duban.testsupport.TestTasks;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * Issue 14, "events can be forged": the broker had no authentication, so anyone on the network could write any topic,
 * and a forged TaskUpdated added a unit to a task. Now every client logs in (SCRAM-SHA-512) as its own principal and
 * the broker's ACLs let each service do only its own work: here an outsider and the agriculture service's own login
 * try what an attacker would, against the real broker and services.
 */
class ForgedEventAttackTest extends OnTheRunningSuite {
    private static final String TASK = "2022-AGR-007"; // lead unit 县农业农村局, co-unit 县财政局

    @Test
    void aClientWithoutTheRightPasswordCannotEvenListTheTopics() {
        Map<String, Object> wrongPassword = new HashMap<>(LocalInfra.kafkaClientConfig("agriculture"));
        wrongPassword.put("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required"
                + " username=\"agriculture\" password=\"guessed\";");
        try (Admin admin = Admin.create(withTimeouts(wrongPassword))) {
            assertThatThrownBy(() -> admin.listTopics().names().get(20, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(SaslAuthenticationException.class);
        }
        Map<String, Object> noLogin = withTimeouts(new HashMap<>(Map.of("bootstrap.servers", LocalInfra.kafkaBootstrapServers())));
        try (Admin admin = Admin.create(noLogin)) {
            assertThatThrownBy(() -> admin.listTopics().names().get(20, TimeUnit.SECONDS)).as("no login, no answer")
                    .isInstanceOf(Exception.class);
        }
    }

    @Test
    void aSectorsOwnLoginCannotForgeTaskEventsNorAnotherSectorsProgressAndTheTaskKeepsItsUnits() {
        List<String> unitsBefore = coUnits();
        assertThat(unitsBefore).containsExactly("县财政局");
        TaskSnapshot task = TestTasks.farmland(TASK); // any snapshot of the task would do: none may be written
        EncodedEvent forgedTask = EventCodec.encode(Envelope.of("supervision", "system", OffsetDateTime.now(),
                new TaskUpdated(task, "forged")));

        try (KafkaProducer<String, byte[]> agriculture = producer("agriculture")) {
            assertThatThrownBy(() -> send(agriculture, Topics.TASKS, forgedTask)).as("a task event")
                    .hasCauseInstanceOf(TopicAuthorizationException.class);
            assertThatThrownBy(() -> send(agriculture, Topics.progress(Sector.INDUSTRY), forgedTask))
                    .as("industry's progress").hasCauseInstanceOf(TopicAuthorizationException.class);
            assertThatThrownBy(() -> send(agriculture, Topics.ALERTS, forgedTask)).as("an alert")
                    .hasCauseInstanceOf(TopicAuthorizationException.class);
        }
        // The notifier reads tasks and alerts and writes neither.
        try (KafkaProducer<String, byte[]> notifier = producer("notifier")) {
            assertThatThrownBy(() -> send(notifier, Topics.TASKS, forgedTask)).as("the notifier, a task event")
                    .hasCauseInstanceOf(TopicAuthorizationException.class);
        }
        // Nothing reached the sector service: the task still has its one co-unit.
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(coUnits()).isEqualTo(unitsBefore));
    }

    private static List<String> coUnits() {
        return ReportJourneyTest.as("agriculture").get(suite.url("agriculture") + "/api/agriculture/tasks/{id}", TASK)
                .then().statusCode(200).extract().jsonPath().getList("coUnits");
    }

    private static KafkaProducer<String, byte[]> producer(String principal) {
        Map<String, Object> config = withTimeouts(new HashMap<>(LocalInfra.kafkaClientConfig(principal)));
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 15_000);
        return new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    private static void send(KafkaProducer<String, byte[]> producer, String topic, EncodedEvent event) throws Exception {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, event.key(), event.value());
        event.headers().forEach((k, v) -> record.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
        try {
            producer.send(record).get(20, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e;
        } catch (org.apache.kafka.common.KafkaException e) {
            throw new ExecutionException(e); // metadata refused before sending: the same refusal
        }
    }

    private static Map<String, Object> withTimeouts(Map<String, Object> config) {
        config.put("request.timeout.ms", 10_000);
        config.put("default.api.timeout.ms", 15_000);
        return config;
    }
}
