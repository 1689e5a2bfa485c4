package cn.duban.supervision.draft;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The report's time words as dates of its year (DESIGN.md: 5月底 = 31 May, 10月底前 = 31 October, 年内 and 年底前 =
 * 31 December) and the dated steps they name (确保5月底试运行 → 试运行 by 31 May).
 */
public final class DueDates {
    private static final String MONTH = "(1[0-2]|[1-9]|十[一二]?|[一二三四五六七八九])";
    private static final Pattern END_OF_MONTH = Pattern.compile(MONTH + "月(?:底|末)(?:之?前)?");
    private static final Pattern DAY = Pattern.compile(MONTH + "月(3[01]|[12][0-9]|[1-9])日(?:之?前)?");
    private static final Pattern HALF_OR_QUARTER = Pattern.compile(
            "(上半年|下半年|(?:第)?([一二三四1-4])季度(?:末|底)?)(?:之?前)?");
    private static final Pattern YEAR_END = Pattern.compile("年内|年底前|年底|年末|今年|当年|本年度|全年");
    /** 用3年左右时间: a commitment over several years; this year's ledger takes this year's part (year end). */
    private static final Pattern YEARS = Pattern.compile("用([0-9一二三四五两]+)年(?:左右)?(?:时间)?");

    /** Steps a report dates, the longest first (主体完工 before 完工, 投产运行 read as 投产). */
    private static final List<String> STAGES = List.of("主体完工", "编制完成", "入区建设", "投入使用", "全部完工", "试运行",
            "交总账", "投产", "并网", "完工", "竣工", "开工", "通车", "建成", "批准", "获批", "验收", "投用", "开园", "上线",
            "入驻");
    /** Steps that complete the commitment: when dated, the task is due then. */
    private static final List<String> COMPLETING = List.of("编制完成", "投入使用", "交总账", "投产", "并网", "完工", "竣工",
            "通车", "建成", "批准", "验收", "投用", "开园", "上线");

    private DueDates() {
    }

    /** A time word and the date it means; {@code yearEnd} for 年内 and its kind, which only says "this year". */
    public record DatePhrase(LocalDate date, int start, int end, boolean yearEnd, boolean multiYear) {
    }

    /** A dated step: the stage word, its date and the span from the time word to the stage word. */
    public record Step(String name, LocalDate due, int start, int end, boolean completes) {
    }

    public static List<DatePhrase> phrases(String text, int from, int to, int year) {
        String s = text.substring(from, to);
        List<DatePhrase> found = new ArrayList<>();
        Matcher m = END_OF_MONTH.matcher(s);
        while (m.find()) {
            int month = month(m.group(1));
            found.add(new DatePhrase(YearMonth.of(year, month).atEndOfMonth(), from + m.start(), from + m.end(),
                    month == 12, false));
        }
        m = DAY.matcher(s);
        while (m.find()) {
            found.add(new DatePhrase(LocalDate.of(year, month(m.group(1)), Integer.parseInt(m.group(2))),
                    from + m.start(), from + m.end(), false, false));
        }
        m = HALF_OR_QUARTER.matcher(s);
        while (m.find()) {
            int month = m.group(1).startsWith("上半年") ? 6 : m.group(1).startsWith("下半年") ? 12
                    : 3 * quarter(m.group(2));
            found.add(new DatePhrase(YearMonth.of(year, month).atEndOfMonth(), from + m.start(), from + m.end(),
                    month == 12, false));
        }
        m = YEAR_END.matcher(s);
        while (m.find()) {
            int at = from + m.start();
            boolean inside = found.stream().anyMatch(p -> at >= p.start() && at < p.end());
            boolean partOfYear = at > 0 && Character.isDigit(text.charAt(at - 1)); // 2022年底: the year itself
            if (!inside && !partOfYear) {
                found.add(new DatePhrase(LocalDate.of(year, 12, 31), at, from + m.end(), true, false));
            }
        }
        m = YEARS.matcher(s);
        while (m.find()) {
            found.add(new DatePhrase(LocalDate.of(year, 12, 31), from + m.start(), from + m.end(), true, true));
        }
        found.sort(Comparator.comparingInt(DatePhrase::start));
        return found;
    }

    /**
     * The dated steps: a stage word within the clause after a time word (确保5月底试运行, 年底前务必全部完工,
     * 力争年底前获得省政府批准), or 完成…编制 after one (年底前务必完成国土空间规划编制 → 编制完成).
     */
    public static List<Step> steps(String text, List<DatePhrase> phrases, int to) {
        List<Step> steps = new ArrayList<>();
        for (DatePhrase p : phrases) {
            if (p.multiYear()) {
                continue;
            }
            int end = clauseEnd(text, p.end(), to);
            String after = text.substring(p.end(), end);
            Optional<Step> step = Optional.empty();
            int best = Integer.MAX_VALUE;
            for (String stage : STAGES) {
                int at = after.indexOf(stage);
                if (at >= 0 && at <= 14 && at < best) {
                    best = at;
                    String name = switch (stage) {
                        case "全部完工" -> "完工";
                        case "获批" -> "批准";
                        default -> stage;
                    };
                    step = Optional.of(new Step(name, p.date(), p.start(), p.end() + at + stage.length(),
                            COMPLETING.contains(name)));
                }
            }
            if (step.isEmpty()) {
                Matcher compile = Pattern.compile("^[^,，;；。]{0,4}完成[^,，;；。]{1,16}?编制").matcher(after);
                if (compile.find()) {
                    step = Optional.of(new Step("编制完成", p.date(), p.start(), p.end() + compile.end(), true));
                }
            }
            step.ifPresent(steps::add);
        }
        return steps;
    }

    private static int clauseEnd(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (",，;；。:：".indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return to;
    }

    private static int month(String m) {
        return switch (m) {
            case "一" -> 1;
            case "二" -> 2;
            case "三" -> 3;
            case "四" -> 4;
            case "五" -> 5;
            case "六" -> 6;
            case "七" -> 7;
            case "八" -> 8;
            case "九" -> 9;
            case "十" -> 10;
            case "十一" -> 11;
            case "十二" -> 12;
            default -> Integer.parseInt(m);
        };
    }

    private static int quarter(String q) {
        return switch (q) {
            case "一", "1" -> 1;
            case "二", "2" -> 2;
            case "三", "3" -> 3;
            default -> 4;
        };
    }
}
