package cn.duban.notifier.routing;

import cn.duban.text.Text;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One of Alertmanager's matchers: {@code light=RED}, {@code sector=~agriculture|industry}, {@code light!=GREEN},
 * {@code rule!~DUE_.*}. Regular expressions are anchored at both ends, as in Alertmanager; a value may be quoted
 * ({@code unit="县农业农村局"}).
 */
public record Matcher(String name, Op op, String value, Pattern pattern) {

    public enum Op {
        EQUAL("="), NOT_EQUAL("!="), REGEX("=~"), NOT_REGEX("!~");

        private final String symbol;

        Op(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }
    }

    private static final Pattern SYNTAX = Pattern.compile("^\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*(=~|!~|!=|=)\\s*(.*?)\\s*$");

    /** Reads a matcher, or says in both languages why it cannot be read. */
    public static Matcher parse(String text) throws BadMatcher {
        if (text == null || text.isBlank()) {
            throw new BadMatcher(Text.of("匹配条件为空", "the matcher is empty"));
        }
        java.util.regex.Matcher m = SYNTAX.matcher(text);
        if (!m.matches()) {
            throw new BadMatcher(Text.of("无法识别匹配条件“%s”，应形如 light=RED、sector=~agriculture|industry、light!=GREEN",
                    "cannot read the matcher '%s'; write e.g. light=RED, sector=~agriculture|industry, light!=GREEN", text));
        }
        String name = m.group(1);
        if (!Labels.NAMES.contains(name)) {
            throw new BadMatcher(Text.of("没有名为 %s 的标签；可用：%s", "no label named %s; use one of %s", name,
                    String.join("、", Labels.NAMES.stream().sorted().toList())));
        }
        Op op = switch (m.group(2)) {
            case "=" -> Op.EQUAL;
            case "!=" -> Op.NOT_EQUAL;
            case "=~" -> Op.REGEX;
            default -> Op.NOT_REGEX;
        };
        String value = unquote(m.group(3));
        Pattern pattern = null;
        if (op == Op.REGEX || op == Op.NOT_REGEX) {
            try {
                pattern = Pattern.compile("^(?:" + value + ")$");
            } catch (PatternSyntaxException e) {
                throw new BadMatcher(Text.of("“%s”中的正则表达式有误：%s", "the regular expression in '%s' is invalid: %s",
                        text, e.getDescription()));
            }
        }
        return new Matcher(name, op, value, pattern);
    }

    public boolean matches(Labels labels) {
        return switch (op) {
            case EQUAL -> labels.values(name).stream().anyMatch(value::equals);
            case NOT_EQUAL -> labels.values(name).stream().noneMatch(value::equals);
            case REGEX -> labels.values(name).stream().anyMatch(v -> pattern.matcher(v).matches());
            case NOT_REGEX -> labels.values(name).stream().noneMatch(v -> pattern.matcher(v).matches());
        };
    }

    @Override
    public String toString() {
        return name + op.symbol() + value;
    }

    private static String unquote(String value) {
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            return value.substring(1, value.length() - 1).replace("\\\"", "\"");
        }
        return value;
    }

    /** A matcher that cannot be read, and why. */
    public static final class BadMatcher extends Exception {
        private final transient Text why;

        public BadMatcher(Text why) {
            super(why.en());
            this.why = why;
        }

        public Text why() {
            return why;
        }
    }
}
