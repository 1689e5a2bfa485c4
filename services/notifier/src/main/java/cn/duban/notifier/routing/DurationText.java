package cn.duban.notifier.routing;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;

/** Prometheus' duration notation, as Alertmanager's routes use it: "30s", "5m", "4h", "1d", "1h30m", "0s". */
public final class DurationText {
    private static final Pattern WHOLE = Pattern.compile("^((\\d+)w)?((\\d+)d)?((\\d+)h)?((\\d+)m(?!s))?((\\d+)s)?((\\d+)ms)?$");

    private DurationText() {
    }

    public static Optional<Duration> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        java.util.regex.Matcher m = WHOLE.matcher(text.trim());
        if (!m.matches() || text.trim().isEmpty()) {
            return Optional.empty();
        }
        Duration d = Duration.ZERO;
        d = d.plusDays(7 * number(m.group(2))).plusDays(number(m.group(4))).plusHours(number(m.group(6)))
                .plusMinutes(number(m.group(8))).plusSeconds(number(m.group(10))).plusMillis(number(m.group(12)));
        return Optional.of(d);
    }

    private static long number(String group) {
        return group == null ? 0 : Long.parseLong(group);
    }
}
