package cn.duban.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import io.restassured.response.Response;

/**
 * Property-based request bodies for write endpoints: from one valid body, a seeded generator derives random and
 * malformed JSON, wrong types, huge values, out-of-range numbers and dates, odd Unicode and unknown names. The same
 * seed gives the same cases, so a failure is replayed by its seed ({@code -Dduban.fuzz.seed=…}).
 */
public final class BadInput {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String[] ODD = {"\u0000", "\ud800", "\udfff", "\u202e", "\u200b", "\ufeff", "\uffff",
            "𠜎𠜱", "😀", "ﷺ", "\\", "\"", "'; drop table submission; --", "<script>", "%s%n", "\r\n", "平遥县\t"};
    private static final String[] DATES = {"2022-02-30", "2022-13-01", "0000-00-00", "+999999999-12-31", "2022/09/30",
            "2022-9-30", "", "30.09.2022", "2022-09-30T25:00:00", "-2022-01-01", "2022-09-30T09:00:00+25:00", "1e10"};
    private static final String[] NUMBERS = {"-1", "-0", "1e400", "-1e400", "1e-400", "99999999999999999999999999",
            "101", "2147483648", "-2147483649", "0.0000000001", "NaN", "Infinity", "1.5", "0x10", "007", "1e20"};

    private final Random random;
    private final JsonNode valid;

    public BadInput(long seed, String validJson) {
        this.random = new Random(seed);
        try {
            this.valid = JSON.readTree(validJson);
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON: " + validJson, e);
        }
    }

    /**
     * The seed: {@code -Dduban.fuzz.seed=N}, or {@code =random} to explore new cases (from the clock); by default a
     * fixed one, so that {@code make test} asks the same thousands of questions every run and a red build is never
     * luck. Print it with every failure.
     */
    public static long seed() {
        String configured = System.getProperty("duban.fuzz.seed", "20221128");
        return configured.equals("random") ? System.nanoTime() : Long.parseLong(configured);
    }

    /** Cases per endpoint: {@code -Dduban.fuzz.cases}, else {@code defaultCases}. */
    public static int cases(int defaultCases) {
        return Integer.getInteger("duban.fuzz.cases", defaultCases);
    }

    /**
     * Sends {@code cases} requests made by {@code call} and fails, naming the seed and the case, on a 5xx, on a refusal
     * that is not application/problem+json, and on a refusal after which {@code stored} (what the endpoint may write:
     * rows, outbox events) changed.
     */
    public static void assertAnsweredCleanly(String endpoint, long seed, int cases, Supplier<Response> call,
            LongSupplier stored) {
        for (int i = 0; i < cases; i++) {
            long before = stored.getAsLong();
            Response response = call.get();
            int status = response.statusCode();
            String replay = "seed " + seed + " (-Dduban.fuzz.seed), case " + i + ", " + endpoint + " → " + status + " "
                    + abbreviate(response.asString());
            if (status < 200 || status >= 500) {
                throw new AssertionError("bad input must be a 4xx: " + replay);
            }
            if (status >= 400) {
                String type = response.contentType();
                if (type == null || !type.startsWith("application/problem+json")) {
                    throw new AssertionError("a refusal must be application/problem+json, not " + type + ": " + replay);
                }
                if (stored.getAsLong() != before) {
                    throw new AssertionError("stored or published although refused: " + replay);
                }
            }
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 300 ? s : s.substring(0, 300) + "… (" + s.length() + " chars)";
    }

    /** One body; most are wrong in one or more ways, some happen to be valid (the endpoint must then accept them). */
    public String next() {
        return switch (random.nextInt(12)) {
            case 0 -> randomText(random.nextInt(200));
            case 1 -> truncated();
            case 2 -> randomJson(random.nextInt(4));
            case 3 -> "[".repeat(1 + random.nextInt(3000)) + "]".repeat(random.nextInt(2));
            case 4 -> write(mutate(valid.deepCopy(), 1 + random.nextInt(3)));
            default -> write(mutate(valid.deepCopy(), 1));
        };
    }

    /** A value for one cell of a sheet (CSV, xlsx): odd text, a bad date or number, a huge string, or nothing. */
    public String nextCell() {
        return switch (random.nextInt(6)) {
            case 0 -> DATES[random.nextInt(DATES.length)];
            case 1 -> NUMBERS[random.nextInt(NUMBERS.length)];
            case 2 -> huge();
            case 3 -> oddText();
            case 4 -> "";
            default -> randomText(random.nextInt(50));
        };
    }

    /** A few bytes of {@code valid} flipped, or it cut short: a damaged upload. */
    public byte[] damage(byte[] valid) {
        byte[] copy = java.util.Arrays.copyOf(valid, random.nextBoolean() ? valid.length : random.nextInt(valid.length));
        int flips = copy.length == 0 ? 0 : 1 + random.nextInt(8);
        for (int i = 0; i < flips; i++) {
            copy[random.nextInt(copy.length)] = (byte) random.nextInt(256);
        }
        return copy;
    }

    public int nextInt(int bound) {
        return random.nextInt(bound);
    }

    private JsonNode mutate(JsonNode node, int times) {
        JsonNode result = node;
        for (int i = 0; i < times; i++) {
            List<JsonNode> containers = new ArrayList<>();
            collect(result, containers);
            if (containers.isEmpty()) {
                return NODES.textNode(oddText()); // a scalar: replace it whole
            }
            JsonNode target = containers.get(random.nextInt(containers.size()));
            if (target instanceof ObjectNode object) {
                List<String> names = new ArrayList<>();
                object.fieldNames().forEachRemaining(names::add);
                String name = names.isEmpty() || random.nextInt(8) == 0 ? oddName() : names.get(random.nextInt(names.size()));
                if (random.nextInt(10) == 0) {
                    object.remove(name);
                } else {
                    object.set(name, value(object.get(name)));
                }
            } else if (target instanceof ArrayNode array) {
                if (array.isEmpty() || random.nextBoolean()) {
                    array.add(value(null));
                } else {
                    array.set(random.nextInt(array.size()), value(array.get(0)));
                }
            }
        }
        return result;
    }

    private JsonNode value(JsonNode like) {
        int kind = random.nextInt(11);
        return switch (kind) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.booleanNode(random.nextBoolean());
            case 2 -> NODES.textNode(DATES[random.nextInt(DATES.length)]);
            case 3 -> number();
            case 4 -> NODES.textNode(huge());
            case 5 -> NODES.textNode(oddText());
            case 6 -> NODES.arrayNode().add(like == null ? NODES.textNode(oddText()) : like.deepCopy());
            case 7 -> NODES.objectNode().put(oddName(), oddText());
            case 8 -> hugeArray(like);
            case 9 -> NODES.textNode(NUMBERS[random.nextInt(NUMBERS.length)]);
            default -> like == null ? NODES.textNode("不存在的指标") : mutate(like.deepCopy(), 1);
        };
    }

    private JsonNode number() {
        return switch (random.nextInt(5)) {
            case 0 -> NODES.numberNode(random.nextLong());
            case 1 -> NODES.numberNode(-random.nextInt(1000) - 1);
            case 2 -> NODES.numberNode(new java.math.BigDecimal("1e" + random.nextInt(400)));
            case 3 -> NODES.numberNode(random.nextDouble() * 1000);
            default -> NODES.numberNode(new java.math.BigDecimal("-1e-" + random.nextInt(400)));
        };
    }

    private JsonNode hugeArray(JsonNode like) {
        ArrayNode array = NODES.arrayNode();
        int n = 21 + random.nextInt(200);
        for (int i = 0; i < n; i++) {
            array.add(like == null ? NODES.textNode("x" + i) : like.deepCopy());
        }
        return array;
    }

    private String huge() {
        String unit = random.nextBoolean() ? "进" : "a";
        return unit.repeat(1000 + random.nextInt(9000));
    }

    private String oddText() {
        StringBuilder out = new StringBuilder();
        int n = 1 + random.nextInt(6);
        for (int i = 0; i < n; i++) {
            out.append(ODD[random.nextInt(ODD.length)]);
        }
        return out.toString();
    }

    private String oddName() {
        return random.nextBoolean() ? "unknownField" + random.nextInt(10) : oddText();
    }

    private String truncated() {
        String whole = write(valid);
        return whole.substring(0, random.nextInt(Math.max(1, whole.length() - 1)));
    }

    private String randomText(int length) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < length; i++) {
            out.appendCodePoint(random.nextInt(4) == 0 ? random.nextInt(0x10000) : 32 + random.nextInt(95));
        }
        return out.toString();
    }

    private String randomJson(int depth) {
        JsonNode node = depth == 0 ? value(null) : switch (random.nextInt(3)) {
            case 0 -> NODES.arrayNode().add(NODES.textNode(randomJson(depth - 1)));
            case 1 -> NODES.objectNode().put(oddName(), randomJson(depth - 1));
            default -> value(null);
        };
        return write(node);
    }

    private static void collect(JsonNode node, List<JsonNode> containers) {
        if (node.isContainerNode()) {
            containers.add(node);
            for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
                collect(it.next(), containers);
            }
        }
    }

    private static String write(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
