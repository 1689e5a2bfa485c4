package cn.duban.supervision.draft;

import cn.duban.supervision.draft.Quantities.Quantity;
import cn.duban.supervision.draft.ReportOutline.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The main economic indicators as the report states them, in the plan (地区生产总值完成138亿元,同比增长8%) and in the
 * review of last year (地区生产总值完成132.2亿元,增长8.6%), including the paired form 城镇、农村居民人均可支配收入分别
 * 完成39106元、16918元,增长8%、8.5%. Money stays in 亿元 here, the unit the ledger keeps for indicators.
 */
public final class Indicators {
    private static final Pattern STATEMENT = Pattern.compile(
            "([^,，;；:：。]{2,30}?)(分别)?(?:完成|达到|实现|为|达)(?=[0-9])");
    private static final Pattern GROWTH = Pattern.compile("^(?:同比)?(?:分别)?(?:增长|提高)");

    private Indicators() {
    }

    /** One indicator: its name, the level it is to reach (or reached), its growth, and where it is stated. */
    public record Indicator(String metric, Quantity level, Quantity growth, Span span, int metricStart, int metricEnd) {
    }

    /** Every indicator stated between {@code from} and {@code to}, each clause up to its semicolon or full stop. */
    public static List<Indicator> find(String text, int from, int to) {
        List<Indicator> found = new ArrayList<>();
        for (Span sentence : Commitments.split(text, from, to, "。;；")) {
            Matcher m = STATEMENT.matcher(text.substring(sentence.start(), sentence.end()));
            while (m.find()) {
                int subjectStart = sentence.start() + m.start(1);
                int valuesStart = sentence.start() + m.end();
                String subject = m.group(1);
                int colon = Math.max(subject.lastIndexOf(':'), subject.lastIndexOf('：'));
                if (colon >= 0) {
                    subject = subject.substring(colon + 1);
                    subjectStart += colon + 1;
                }
                int clauseEnd = clauseEnd(text, valuesStart, sentence.end());
                List<Quantity> levels = Quantities.find(text, valuesStart, clauseEnd).stream()
                        .map(Quantities::inYi).toList();
                if (levels.isEmpty()) {
                    continue;
                }
                List<Quantity> growths = List.of();
                int end = clauseEnd;
                if (clauseEnd < sentence.end()) {
                    int next = clauseEnd + 1;
                    int nextEnd = clauseEnd(text, next, sentence.end());
                    if (GROWTH.matcher(text.substring(next, nextEnd)).find()) {
                        growths = Quantities.find(text, next, nextEnd).stream().filter(Quantity::isPercent).toList();
                        end = nextEnd;
                    }
                }
                List<String> names = names(subject);
                Span span = new Span(subjectStart, end);
                for (int i = 0; i < names.size() && i < levels.size(); i++) {
                    Quantity growth = i < growths.size() ? growths.get(i)
                            : growths.size() == 1 ? growths.get(0) : null;
                    found.add(new Indicator(names.get(i), levels.get(i), growth, span, subjectStart,
                            subjectStart + subject.length()));
                }
            }
        }
        return found;
    }

    /** 城镇、农村居民人均可支配收入 → 城镇居民人均可支配收入, 农村居民人均可支配收入. */
    static List<String> names(String subject) {
        String s = subject.strip();
        if (!s.contains("、")) {
            return List.of(s);
        }
        String[] parts = s.split("、");
        String last = parts[parts.length - 1];
        List<String> names = new ArrayList<>();
        for (String part : parts) {
            if (part.equals(last) || part.length() >= last.length()) {
                names.add(part);
            } else {
                names.add(part + last.substring(part.length()));
            }
        }
        return names;
    }

    /** Last year's value of {@code metric} as the review states it, if it does. */
    public static Optional<Indicator> baseline(String text, Span review, String metric) {
        if (review == null) {
            return Optional.empty();
        }
        // 全县地区生产总值完成85.6亿元 states last year's 地区生产总值
        return find(text, review.start(), review.end()).stream().filter(i -> i.metric().endsWith(metric)).findFirst();
    }

    private static int clauseEnd(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (",，;；。".indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return to;
    }
}
