package cn.duban.platform.health;

import cn.duban.platform.messaging.KafkaClients;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness is DOWN while no broker answers, within {@link #ANSWER_WITHIN}: Quarkus' own Kafka check waits for the
 * admin client's default minute, so a probe timed out instead of hearing DOWN (found by make faults). Liveness does
 * not use this: a broker outage is waited out, not cured by a restart.
 */
@Readiness
@ApplicationScoped
public class BrokerReadiness implements HealthCheck {
    static final Duration ANSWER_WITHIN = Duration.ofSeconds(2);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    /** Every kafka.* property, the service's broker login included. */
    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafka;

    private volatile Admin admin;

    @Override
    public HealthCheckResponse call() {
        try {
            int nodes = admin().describeCluster(new DescribeClusterOptions().timeoutMs((int) ANSWER_WITHIN.toMillis()))
                    .nodes().get(ANSWER_WITHIN.toMillis() + 500, TimeUnit.MILLISECONDS).size();
            return HealthCheckResponse.named("Kafka broker").up().withData("bootstrap.servers", bootstrapServers)
                    .withData("nodes", nodes).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return down("interrupted");
        } catch (Exception e) {
            return down(e.getCause() != null ? e.getCause().toString() : e.toString());
        }
    }

    private HealthCheckResponse down(String reason) {
        return HealthCheckResponse.named("Kafka broker").down().withData("bootstrap.servers", bootstrapServers)
                .withData("reason", reason).build();
    }

    private Admin admin() {
        if (admin == null) {
            synchronized (this) {
                if (admin == null) {
                    Map<String, Object> config = KafkaClients.adminConfig(kafka);
                    config.putAll(Map.of(
                            AdminClientConfig.CLIENT_ID_CONFIG, "readiness",
                            AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) ANSWER_WITHIN.toMillis(),
                            AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) ANSWER_WITHIN.toMillis(),
                            AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1000));
                    admin = Admin.create(config);
                }
            }
        }
        return admin;
    }

    void close(@Observes ShutdownEvent event) {
        if (admin != null) {
            admin.close(Duration.ofSeconds(1));
        }
    }
}
