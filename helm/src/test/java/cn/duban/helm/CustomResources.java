package cn.duban.helm;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The custom resources the chart renders, checked against the part of their CRDs' schemas the chart uses: Strimzi's
 * KafkaTopic and KafkaUser (kafka.strimzi.io/v1beta2, Strimzi 0.4x–0.5x) and the Prometheus Operator's
 * ServiceMonitor (monitoring.coreos.com/v1). The CRDs themselves ship only inside their operators' GitHub releases
 * and Helm charts, out of this build's reach, so the fields below are written from their API references: only
 * fields listed here may appear, with the types and values given, and required fields must be there. A field the
 * chart starts using must be added here with the reference in hand.
 */
final class CustomResources {

    private CustomResources() {
    }

    interface Shape {
        void check(String path, Object value, List<String> problems);
    }

    record Obj(Map<String, Shape> fields, Set<String> required) implements Shape {
        @Override
        public void check(String path, Object value, List<String> problems) {
            if (!(value instanceof Map<?, ?> map)) {
                problems.add(path + ": not an object");
                return;
            }
            for (String r : required) {
                if (!map.containsKey(r)) {
                    problems.add(path + "." + r + ": required");
                }
            }
            map.forEach((k, v) -> {
                Shape shape = fields.get(k);
                if (shape == null) {
                    problems.add(path + "." + k + ": unknown field");
                } else {
                    shape.check(path + "." + k, v, problems);
                }
            });
        }
    }

    record Arr(Shape items) implements Shape {
        @Override
        public void check(String path, Object value, List<String> problems) {
            if (!(value instanceof List<?> list)) {
                problems.add(path + ": not an array");
                return;
            }
            for (int i = 0; i < list.size(); i++) {
                items.check(path + "[" + i + "]", list.get(i), problems);
            }
        }
    }

    /** A string, one of {@code allowed} unless that is empty. */
    record Str(Set<String> allowed) implements Shape {
        @Override
        public void check(String path, Object value, List<String> problems) {
            if (!(value instanceof String s)) {
                problems.add(path + ": not a string");
            } else if (!allowed.isEmpty() && !allowed.contains(s)) {
                problems.add(path + ": " + s + " is not one of " + allowed);
            }
        }
    }

    record Int(int min) implements Shape {
        @Override
        public void check(String path, Object value, List<String> problems) {
            if (!(value instanceof Integer i) || i < min) {
                problems.add(path + ": not an integer of at least " + min);
            }
        }
    }

    /** A map of names to scalars (labels, annotations, topic config). */
    record Scalars() implements Shape {
        @Override
        public void check(String path, Object value, List<String> problems) {
            if (!(value instanceof Map<?, ?> map)) {
                problems.add(path + ": not an object");
            } else {
                map.forEach((k, v) -> {
                    if (v instanceof Map || v instanceof List) {
                        problems.add(path + "." + k + ": not a scalar");
                    }
                });
            }
        }
    }

    static final Shape STRING = new Str(Set.of());

    static Obj obj(Map<String, Shape> fields, String... required) {
        return new Obj(fields, Set.of(required));
    }

    static final Obj METADATA = obj(Map.of("name", STRING, "namespace", STRING, "labels", new Scalars(),
            "annotations", new Scalars()), "name");

    static final Shape LABEL_SELECTOR = obj(Map.of("matchLabels", new Scalars()));

    /** KafkaTopic, kafka.strimzi.io/v1beta2 (Strimzi API reference, KafkaTopicSpec). */
    static final Obj KAFKA_TOPIC = obj(Map.of("apiVersion", new Str(Set.of("kafka.strimzi.io/v1beta2")),
            "kind", new Str(Set.of("KafkaTopic")), "metadata", METADATA,
            "spec", obj(Map.of("topicName", STRING, "partitions", new Int(1), "replicas", new Int(1),
                    "config", new Scalars()))), "apiVersion", "kind", "metadata", "spec");

    /** An ACL rule of a KafkaUser (AclRule, AclRuleTopicResource, AclRuleGroupResource, ...). */
    static final Obj ACL_RULE = obj(Map.of(
            "resource", obj(Map.of("type", new Str(Set.of("topic", "group", "cluster", "transactionalId")),
                    "name", STRING, "patternType", new Str(Set.of("literal", "prefix"))), "type"),
            "operations", new Arr(new Str(Set.of("Read", "Write", "Create", "Delete", "Alter", "Describe",
                    "ClusterAction", "AlterConfigs", "DescribeConfigs", "IdempotentWrite", "All"))),
            "host", STRING,
            "type", new Str(Set.of("allow", "deny"))), "resource", "operations");

    /** KafkaUser, kafka.strimzi.io/v1beta2 (KafkaUserSpec, KafkaUserScramSha512ClientAuthentication, simple authorization). */
    static final Obj KAFKA_USER = obj(Map.of("apiVersion", new Str(Set.of("kafka.strimzi.io/v1beta2")),
            "kind", new Str(Set.of("KafkaUser")), "metadata", METADATA,
            "spec", obj(Map.of(
                    "authentication", obj(Map.of("type", new Str(Set.of("tls", "tls-external", "scram-sha-512"))), "type"),
                    "authorization", obj(Map.of("type", new Str(Set.of("simple")), "acls", new Arr(ACL_RULE)), "type")),
                    "authentication")), "apiVersion", "kind", "metadata", "spec");

    /** ServiceMonitor, monitoring.coreos.com/v1 (ServiceMonitorSpec, Endpoint, NamespaceSelector). */
    static final Obj SERVICE_MONITOR = obj(Map.of("apiVersion", new Str(Set.of("monitoring.coreos.com/v1")),
            "kind", new Str(Set.of("ServiceMonitor")), "metadata", METADATA,
            "spec", obj(Map.of("selector", LABEL_SELECTOR,
                    "namespaceSelector", obj(Map.of("matchNames", new Arr(STRING))),
                    "podTargetLabels", new Arr(STRING), "targetLabels", new Arr(STRING), "jobLabel", STRING,
                    "endpoints", new Arr(obj(Map.of("port", STRING, "path", STRING, "interval", STRING,
                            "scheme", new Str(Set.of("http", "https")), "scrapeTimeout", STRING)))),
                    "selector", "endpoints")), "apiVersion", "kind", "metadata", "spec");

    static final Map<String, Obj> KINDS = Map.of("KafkaTopic", KAFKA_TOPIC, "KafkaUser", KAFKA_USER,
            "ServiceMonitor", SERVICE_MONITOR);

    static boolean isCustom(Map<String, Object> manifest) {
        return KINDS.containsKey((String) manifest.get("kind"));
    }

    /** What is wrong with a custom resource; empty when nothing. */
    static List<String> problems(Map<String, Object> manifest) {
        List<String> problems = new ArrayList<>();
        KINDS.get((String) manifest.get("kind")).check("", manifest, problems);
        return problems;
    }
}
