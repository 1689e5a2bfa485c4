package cn.duban.platform.messaging;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * The settings of an admin client of this service: the broker's address and the service's login, as Quarkus
 * gathers every {@code kafka.*} property into the {@code default-kafka-broker} map, without the producer and
 * consumer settings an admin client does not know.
 */
public final class KafkaClients {
    private KafkaClients() {
    }

    public static Map<String, Object> adminConfig(Map<String, Object> defaultKafkaBroker) {
        Map<String, Object> config = new HashMap<>();
        Set<String> known = AdminClientConfig.configNames();
        defaultKafkaBroker.forEach((key, value) -> {
            if (known.contains(key)) {
                config.put(key, value);
            }
        });
        return config;
    }
}
