package cn.duban.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Logins on a local broker (deploy/local/infra.sh): the folder DUBAN_KAFKA_CREDENTIALS holds one password file per
 * principal, {@code admin} (the super user tests and tools use) and each service by its name (docs/security.md).
 */
public final class KafkaLogin {
    private KafkaLogin() {
    }

    /** A principal's name: a service as it logs in ({@code culture_tourism} and {@code culture-tourism} alike). */
    public static String principal(String service) {
        return service.replace('_', '-');
    }

    public static String password(Path credentials, String principal) {
        Path file = credentials.resolve(principal(principal));
        try {
            return Files.readString(file, StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new IllegalStateException("no Kafka password for " + principal + " at " + file, e);
        }
    }

    /** A Kafka client's address and SCRAM login as {@code principal}; add serializers, group and so on. */
    public static Map<String, Object> clientConfig(String bootstrap, Path credentials, String principal) {
        Map<String, Object> config = new HashMap<>();
        config.put("bootstrap.servers", bootstrap);
        config.put("security.protocol", "SASL_PLAINTEXT");
        config.put("sasl.mechanism", "SCRAM-SHA-512");
        config.put("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
                + principal(principal) + "\" password=\"" + password(credentials, principal) + "\";");
        return config;
    }
}
