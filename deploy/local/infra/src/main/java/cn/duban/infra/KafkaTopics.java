package cn.duban.infra;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * Creates Duban's topics if they are missing, and so also tells whether the broker answers.
 * Usage: {@code KafkaTopics <bootstrap-servers> [timeout-seconds]}; exits 0 when every topic exists.
 */
public final class KafkaTopics {

    /** name → partitions; task events are kept forever because sector services rebuild from them. */
    static final Map<String, Integer> PARTITIONS = Map.of(
            "duban.tasks.v1", 6,
            "duban.progress.v1", 12,
            "duban.alerts.v1", 6,
            "duban.tasks.v1.dlq", 1,
            "duban.progress.v1.dlq", 1,
            "duban.alerts.v1.dlq", 1);

    public static void main(String[] args) throws Exception {
        String bootstrap = args.length > 0 ? args[0] : "127.0.0.1:9092";
        int timeoutSeconds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        try (Admin admin = Admin.create(props)) {
            while (true) {
                try {
                    ensure(admin);
                    System.out.println("topics ready on " + bootstrap);
                    return;
                } catch (ExecutionException e) {
                    if (System.nanoTime() > deadline) {
                        System.err.println("Kafka at " + bootstrap + " did not answer: " + e.getCause());
                        System.exit(1);
                    }
                    Thread.sleep(500);
                }
            }
        }
    }

    private static void ensure(Admin admin) throws ExecutionException, InterruptedException {
        Set<String> existing = admin.listTopics().names().get();
        List<NewTopic> missing = new ArrayList<>();
        PARTITIONS.forEach((name, partitions) -> {
            if (!existing.contains(name)) {
                NewTopic topic = new NewTopic(name, partitions, (short) 1);
                if (name.equals("duban.tasks.v1")) {
                    topic.configs(Map.of("retention.ms", "-1"));
                }
                missing.add(topic);
            }
        });
        if (!missing.isEmpty()) {
            try {
                admin.createTopics(missing).all().get();
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof org.apache.kafka.common.errors.TopicExistsException)) {
                    throw e;
                }
            }
        }
    }
}
