package cn.duban.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Points a {@code @QuarkusTest} at the real test broker and the service's own test database, and makes it trust
 * {@link TestTokens}' signed tokens. Use with
 * {@code @QuarkusTestResource(value = DubanInfraResource.class, initArgs = @ResourceArg(name = "service", value = "supervision"))}.
 */
public class DubanInfraResource implements QuarkusTestResourceLifecycleManager {
    private String service;

    @Override
    public void init(Map<String, String> initArgs) {
        service = initArgs.get("service");
        if (service == null) {
            throw new IllegalArgumentException("DubanInfraResource needs the init arg 'service'");
        }
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new java.util.HashMap<>(TestTokens.serviceConfig());
        config.putAll(Map.of(
                "kafka.bootstrap.servers", LocalInfra.kafkaBootstrapServers(),
                "quarkus.datasource.jdbc.url", LocalInfra.jdbcUrl(service),
                "quarkus.datasource.username", LocalInfra.dbUser(),
                // the service's own broker login: tests meet the ACLs production has
                "duban.kafka.password", LocalInfra.kafkaPassword(service)));
        return config;
    }

    @Override
    public void stop() {
        // The broker and database serve the next test module too; make test stops them.
    }
}
