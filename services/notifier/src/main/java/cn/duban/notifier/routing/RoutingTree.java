package cn.duban.notifier.routing;

import cn.duban.text.Text;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The routing tree, checked and with every default filled in. A notice enters at the root (which matches
 * everything); at each node the children are tried in order and the first that matches takes it, unless it says
 * {@code continue}, in which case the next siblings are tried as well; a node none of whose children matched takes
 * the notice itself. Each node that takes it names a receiver and an aggregation group. Pure: no clock, no I/O.
 */
public final class RoutingTree {
    public static final Duration DEFAULT_GROUP_WAIT = Duration.ofSeconds(30);
    public static final Duration DEFAULT_GROUP_INTERVAL = Duration.ofMinutes(5);
    public static final Duration DEFAULT_REPEAT_INTERVAL = Duration.ofHours(4);

    private final Node root;

    private RoutingTree(Node root) {
        this.root = root;
    }

    /** A problem in a submitted tree: where ({@code routes[1].matchers[0]}) and why. */
    public record Problem(String where, Text why) {
    }

    /** Where a notice goes: which node, which receiver, which group. */
    public record Destination(String routePath, String receiver, List<String> groupBy, Duration groupWait,
            Duration groupInterval, Duration repeatInterval) {

        /** The values of the groupBy labels for these labels: the group's identity within its route. */
        public List<String> groupKey(Labels labels) {
            if (groupBy.contains(Labels.ALL)) {
                return List.of(Labels.TASK_ID + "=" + labels.value(Labels.TASK_ID),
                        Labels.ALERT_ID + "=" + labels.value(Labels.ALERT_ID));
            }
            return groupBy.stream().map(name -> name + "=" + labels.value(name)).toList();
        }
    }

    private record Node(String path, List<Matcher> matchers, boolean continueMatching, Destination destination,
            List<Node> children) {
    }

    /**
     * Checks {@code spec} and fills in inherited settings. {@code receiverExists} says whether a receiver name is
     * configured; every problem found is listed, none is thrown.
     */
    public static Result compile(RouteSpec spec, Predicate<String> receiverExists) {
        List<Problem> problems = new ArrayList<>();
        if (spec == null) {
            return new Result(null, List.of(new Problem("", Text.of("路由树为空", "the routing tree is empty"))));
        }
        if (!spec.matchers().isEmpty()) {
            problems.add(new Problem("matchers", Text.of("根路由匹配一切，不能有匹配条件", "the root route matches everything and takes no matchers")));
        }
        if (spec.receiver() == null || spec.receiver().isBlank()) {
            problems.add(new Problem("receiver", Text.of("根路由必须指定接收方", "the root route needs a receiver")));
        }
        Destination defaults = new Destination("", spec.receiver(), List.of(), DEFAULT_GROUP_WAIT,
                DEFAULT_GROUP_INTERVAL, DEFAULT_REPEAT_INTERVAL);
        Node root = node(spec, "", defaults, receiverExists, problems);
        return new Result(problems.isEmpty() ? new RoutingTree(root) : null, problems);
    }

    public record Result(RoutingTree tree, List<Problem> problems) {
    }

    private static Node node(RouteSpec spec, String path, Destination parent, Predicate<String> receiverExists,
            List<Problem> problems) {
        String at = path.isEmpty() ? "" : path + ".";
        List<Matcher> matchers = new ArrayList<>();
        for (int i = 0; i < spec.matchers().size(); i++) {
            try {
                matchers.add(Matcher.parse(spec.matchers().get(i)));
            } catch (Matcher.BadMatcher e) {
                problems.add(new Problem(at + "matchers[" + i + "]", e.why()));
            }
        }
        String receiver = spec.receiver() != null ? spec.receiver() : parent.receiver();
        if (spec.receiver() != null && !receiverExists.test(spec.receiver())) {
            problems.add(new Problem(at + "receiver", Text.of("没有名为“%s”的接收方，请先 POST /api/notify/receivers",
                    "no receiver named '%s'; POST /api/notify/receivers first", spec.receiver())));
        }
        List<String> groupBy = spec.groupBy() != null ? spec.groupBy() : parent.groupBy();
        for (String name : groupBy) {
            if (!Labels.NAMES.contains(name) && !Labels.ALL.equals(name)) {
                problems.add(new Problem(at + "groupBy", Text.of("没有名为 %s 的标签", "no label named %s", name)));
            }
        }
        Destination destination = new Destination(path, receiver, List.copyOf(groupBy),
                duration(spec.groupWait(), parent.groupWait(), at + "groupWait", problems),
                duration(spec.groupInterval(), parent.groupInterval(), at + "groupInterval", problems),
                duration(spec.repeatInterval(), parent.repeatInterval(), at + "repeatInterval", problems));
        if (destination.groupInterval().isZero()) {
            problems.add(new Problem(at + "groupInterval", Text.of("分组间隔必须大于 0", "groupInterval must be more than 0")));
        }
        if (destination.repeatInterval().isZero()) {
            problems.add(new Problem(at + "repeatInterval", Text.of("重复间隔必须大于 0", "repeatInterval must be more than 0")));
        }
        List<Node> children = new ArrayList<>();
        for (int i = 0; i < spec.routes().size(); i++) {
            RouteSpec child = spec.routes().get(i);
            String childPath = at + "routes[" + i + "]";
            if (child == null) {
                problems.add(new Problem(childPath, Text.of("子路由为空", "the route is empty")));
                continue;
            }
            children.add(node(child, childPath, destination, receiverExists, problems));
        }
        return new Node(path, List.copyOf(matchers), Boolean.TRUE.equals(spec.continueMatching()), destination,
                List.copyOf(children));
    }

    private static Duration duration(String text, Duration inherited, String where, List<Problem> problems) {
        if (text == null) {
            return inherited;
        }
        return DurationText.parse(text).orElseGet(() -> {
            problems.add(new Problem(where, Text.of("无法识别时长“%s”，应形如 30s、5m、4h、1d", "cannot read the duration '%s'; "
                    + "write e.g. 30s, 5m, 4h, 1d", text)));
            return inherited;
        });
    }

    /** Every destination of a notice with these labels, in tree order; never empty (the root takes what no child does). */
    public List<Destination> route(Labels labels) {
        List<Destination> found = new ArrayList<>();
        take(root, labels, found);
        return found;
    }

    /** Receiver names the tree sends to. */
    public Set<String> receivers() {
        Set<String> names = new java.util.TreeSet<>();
        collect(root, names);
        return names;
    }

    private static void collect(Node node, Set<String> names) {
        names.add(node.destination().receiver());
        node.children().forEach(child -> collect(child, names));
    }

    private static boolean take(Node node, Labels labels, List<Destination> found) {
        if (!node.matchers().stream().allMatch(m -> m.matches(labels))) {
            return false;
        }
        boolean childTook = false;
        for (Node child : node.children()) {
            if (take(child, labels, found)) {
                childTook = true;
                if (!child.continueMatching()) {
                    break;
                }
            }
        }
        if (!childTook) {
            found.add(node.destination());
        }
        return true;
    }
}
