package cn.duban.infra;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * Makes a local broker ready for Duban, and so also tells whether it answers: as the super user {@code admin} it
 * creates the topics that are missing, keeps duban.tasks.v1 compacted, gives every service its own SCRAM login and
 * grants each exactly what it does (docs/events.md, "Who may write what"). Every step is idempotent.
 * Usage: {@code KafkaSetup <bootstrap-servers> <credentials-folder> [timeout-seconds]}; the folder holds one password
 * file per principal (admin and each service), made by deploy/local/infra.sh. Exits 0 when all is in place.
 */
public final class KafkaSetup {

    static final String TASKS = "duban.tasks.v1";
    static final String ALERTS = "duban.alerts.v1";
    static final String PROGRESS_DEAD_LETTERS = "duban.progress.v1.dlq";
    static final List<String> SECTORS = List.of("agriculture", "industry", "culture-tourism", "urban-construction",
            "reform", "livelihood");
    /** Every principal but the super user admin; each service logs in as one of these. */
    static final List<String> SERVICES = concat(List.of("supervision", "notifier"), SECTORS);

    /** name → partitions. Task events are compacted, never deleted: sector services rebuild from them. */
    static Map<String, Integer> topics() {
        Map<String, Integer> topics = new LinkedHashMap<>();
        topics.put(TASKS, 6);
        SECTORS.forEach(sector -> topics.put(progress(sector), 6));
        topics.put(ALERTS, 6);
        topics.put(TASKS + ".dlq", 1);
        topics.put(PROGRESS_DEAD_LETTERS, 1);
        topics.put(ALERTS + ".dlq", 1);
        return topics;
    }

    static String progress(String sector) {
        return "duban.progress." + sector + ".v1";
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: KafkaSetup <bootstrap-servers> <credentials-folder> [timeout-seconds]");
            System.exit(2);
        }
        String bootstrap = args[0];
        Path credentials = Path.of(args[1]);
        int timeoutSeconds = args.length > 2 ? Integer.parseInt(args[2]) : 60;
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000);
        props.putAll(login("admin", password(credentials, "admin")));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        try (Admin admin = Admin.create(props)) {
            while (true) {
                try {
                    ensureTopics(admin);
                    ensureLogins(admin, credentials);
                    ensureAcls(admin);
                    System.out.println("topics, logins and ACLs ready on " + bootstrap);
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

    /** The client settings of a SCRAM-SHA-512 login over plain TCP (loopback only: docs/security.md). */
    static Map<String, String> login(String user, String password) {
        return Map.of(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT",
                SaslConfigs.SASL_MECHANISM, "SCRAM-SHA-512",
                SaslConfigs.SASL_JAAS_CONFIG, "org.apache.kafka.common.security.scram.ScramLoginModule required"
                        + " username=\"" + user + "\" password=\"" + password + "\";");
    }

    static String password(Path credentials, String principal) throws IOException {
        return Files.readString(credentials.resolve(principal), StandardCharsets.UTF_8).trim();
    }

    private static void ensureTopics(Admin admin) throws ExecutionException, InterruptedException {
        Set<String> existing = admin.listTopics().names().get();
        List<NewTopic> missing = new ArrayList<>();
        topics().forEach((name, partitions) -> {
            if (!existing.contains(name)) {
                NewTopic topic = new NewTopic(name, partitions, (short) 1);
                if (name.equals(TASKS)) {
                    topic.configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
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
        // A broker made before the topic was compacted keeps its data; compaction applies from now on.
        ConfigResource tasks = new ConfigResource(ConfigResource.Type.TOPIC, TASKS);
        admin.incrementalAlterConfigs(Map.of(tasks, List.of(
                new AlterConfigOp(new ConfigEntry(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT),
                        AlterConfigOp.OpType.SET),
                new AlterConfigOp(new ConfigEntry(TopicConfig.RETENTION_MS_CONFIG, ""), AlterConfigOp.OpType.DELETE))))
                .all().get();
    }

    private static void ensureLogins(Admin admin, Path credentials) throws ExecutionException, InterruptedException {
        List<UserScramCredentialUpsertion> logins = new ArrayList<>();
        for (String service : SERVICES) {
            try {
                logins.add(new UserScramCredentialUpsertion(service,
                        new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 8192), password(credentials, service)));
            } catch (IOException e) {
                throw new IllegalStateException("no password file for " + service + " in " + credentials, e);
            }
        }
        admin.alterUserScramCredentials(List.copyOf(logins)).all().get();
    }

    /** What each principal may do; anything not granted is refused (allow.everyone.if.no.acl.found=false). */
    static List<AclBinding> acls() {
        List<AclBinding> acls = new ArrayList<>();
        // Supervision reads every sector's progress, publishes tasks and alerts and parks what it cannot read.
        SECTORS.forEach(sector -> acls.add(allow("supervision", topic(progress(sector)), AclOperation.READ)));
        acls.add(allow("supervision", topic(TASKS), AclOperation.WRITE));
        acls.add(allow("supervision", topic(ALERTS), AclOperation.WRITE));
        acls.add(allow("supervision", topic(PROGRESS_DEAD_LETTERS), AclOperation.WRITE));
        // A sector writes only its own progress; it reads tasks and alerts.
        for (String sector : SECTORS) {
            acls.add(allow(sector, topic(progress(sector)), AclOperation.WRITE));
            acls.addAll(readersOfTasksAndAlerts(sector));
        }
        acls.addAll(readersOfTasksAndAlerts("notifier"));
        // Each service's consumer groups begin with its name (supervision, agriculture.alerts, notifier.tasks …).
        for (String service : SERVICES) {
            acls.add(allow(service, new ResourcePattern(ResourceType.GROUP, service, PatternType.PREFIXED),
                    AclOperation.READ));
        }
        return acls;
    }

    private static List<AclBinding> readersOfTasksAndAlerts(String principal) {
        return List.of(allow(principal, topic(TASKS), AclOperation.READ),
                allow(principal, topic(ALERTS), AclOperation.READ),
                allow(principal, topic(TASKS + ".dlq"), AclOperation.WRITE),
                allow(principal, topic(ALERTS + ".dlq"), AclOperation.WRITE));
    }

    private static ResourcePattern topic(String name) {
        return new ResourcePattern(ResourceType.TOPIC, name, PatternType.LITERAL);
    }

    private static AclBinding allow(String principal, ResourcePattern resource, AclOperation operation) {
        return new AclBinding(resource, new AccessControlEntry("User:" + principal, "*", operation, AclPermissionType.ALLOW));
    }

    private static void ensureAcls(Admin admin) throws ExecutionException, InterruptedException {
        admin.createAcls(acls()).all().get(); // creating an existing binding again changes nothing
    }

    private static <T> List<T> concat(Collection<T> a, Collection<T> b) {
        List<T> all = new ArrayList<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }
}
