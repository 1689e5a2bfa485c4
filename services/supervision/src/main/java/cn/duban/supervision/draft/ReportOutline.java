package cn.duban.supervision.draft;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shape of a government work report: the review of last year (工作回顾), the plan (工作安排) with its main
 * indicators (主要经济指标), its numbered parts (一、二、… or （一）（二）…) and their paragraphs, and the year's
 * livelihood matters (民生实事). A text with no plan heading (a pasted excerpt) is all plan.
 */
public record ReportOutline(int year, boolean yearFound, Span review, Span plan, Span indicators,
        List<Part> parts, Span livelihoodMatters) {

    /** A stretch of the report, {@code start} inclusive, {@code end} exclusive. */
    public record Span(int start, int end) {
    }

    /** A numbered part of the plan: its heading line and its paragraphs (one line each). */
    public record Part(String heading, Span headingSpan, List<Span> paragraphs) {
    }

    private static final Pattern PLAN_HEADING = Pattern.compile(
            "^(?:(\\d{4})年|今年|新的一年)?(?:主要)?(?:工作安排|工作任务|重点工作|工作部署)$");
    private static final Pattern REVIEW_HEADING = Pattern.compile("^(?:(\\d{4})年|过去一年|去年)?(?:工作)?回顾$");
    private static final Pattern PART = Pattern.compile("^(?:[一二三四五六七八九十]{1,3}、|（[一二三四五六七八九十]{1,3}）|\\([一二三四五六七八九十]{1,3}\\))");
    private static final Pattern INDICATORS = Pattern.compile("主要(?:经济)?(?:指标|预期目标)");
    private static final Pattern MATTERS = Pattern.compile("民生实事");

    public static ReportOutline of(String text, Integer givenYear) {
        List<Span> lines = lines(text);
        Span review = null;
        Span plan = null;
        Integer year = givenYear;
        Integer reviewedYear = null;
        int planLine = -1;
        for (int i = 0; i < lines.size(); i++) {
            String line = text.substring(lines.get(i).start(), lines.get(i).end()).strip();
            Matcher m = PLAN_HEADING.matcher(line);
            if (planLine < 0 && m.matches()) {
                planLine = i;
                if (year == null && m.group(1) != null) {
                    year = Integer.parseInt(m.group(1));
                }
            }
            Matcher r = REVIEW_HEADING.matcher(line);
            if (planLine < 0 && review == null && r.matches()) {
                review = new Span(lines.get(i).end(), text.length());
                if (r.group(1) != null) {
                    reviewedYear = Integer.parseInt(r.group(1));
                }
            }
        }
        boolean yearFound = year != null || reviewedYear != null;
        if (year == null) {
            year = reviewedYear != null ? reviewedYear + 1 : Optional.ofNullable(firstYear(text)).orElse(2022);
            yearFound = reviewedYear != null || firstYear(text) != null;
        }
        int planStartLine = planLine < 0 ? 0 : planLine + 1;
        int planEndLine = lines.size();
        for (int i = planStartLine; i < lines.size() && planLine >= 0; i++) {
            String line = text.substring(lines.get(i).start(), lines.get(i).end()).strip();
            if (i > planStartLine && isTopHeading(line)) {
                planEndLine = i;
                break;
            }
        }
        if (review != null && planLine >= 0) {
            review = new Span(review.start(), lines.get(planLine).start());
        }
        plan = new Span(planStartLine < lines.size() ? lines.get(planStartLine).start() : text.length(),
                planEndLine < lines.size() ? lines.get(planEndLine).start() : text.length());

        Span indicators = null;
        Span matters = null;
        List<Part> parts = new ArrayList<>();
        Part current = null;
        List<Span> looseParagraphs = new ArrayList<>();
        for (int i = planStartLine; i < planEndLine; i++) {
            Span span = trimmed(text, lines.get(i));
            if (span.start() >= span.end()) {
                continue;
            }
            String line = text.substring(span.start(), span.end());
            if (PART.matcher(line).find() && !line.contains("。") && line.length() <= 80) {
                current = new Part(line, span, new ArrayList<>());
                parts.add(current);
            } else if (indicators == null && INDICATORS.matcher(line).find() && hasFigures(line)) {
                indicators = span;
            } else if (MATTERS.matcher(line).find() && numberedItems(line)) {
                matters = span;
                current = null;
            } else if (current != null) {
                current.paragraphs().add(span);
            } else {
                looseParagraphs.add(span);
            }
        }
        if (parts.isEmpty() && !looseParagraphs.isEmpty() && (planLine < 0 || indicators == null)) {
            // an excerpt or a plan with no numbered parts: its paragraphs form one part with no heading
            parts.add(new Part("", null, looseParagraphs));
        }
        return new ReportOutline(year, yearFound, review, plan, indicators, parts, matters);
    }

    /** A line that opens a new top-level section after the plan (建设人民满意政府, 报告用语注释 …). */
    private static boolean isTopHeading(String line) {
        return !line.isEmpty() && line.length() <= 20 && !line.contains("。") && !line.contains(",")
                && !line.contains("，") && !PART.matcher(line).find() && !line.matches(".*\\d{4}-\\d{2}-\\d{2}.*");
    }

    private static boolean hasFigures(String line) {
        return line.chars().anyMatch(Character::isDigit);
    }

    private static boolean numberedItems(String line) {
        return Pattern.compile("(?:^|[:：;；。])\\s*(?:\\d{1,2}[.．、]|（\\d{1,2}）)").matcher(line).find();
    }

    private static Integer firstYear(String text) {
        Matcher m = Pattern.compile("(20\\d{2})年").matcher(text);
        return m.find() ? Integer.parseInt(m.group(1)) : null;
    }

    static List<Span> lines(String text) {
        List<Span> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || text.charAt(i) == '\n') {
                lines.add(new Span(start, i));
                start = i + 1;
            }
        }
        return lines;
    }

    static Span trimmed(String text, Span span) {
        int s = span.start();
        int e = span.end();
        while (s < e && Character.isWhitespace(text.charAt(s)) || s < e && text.charAt(s) == '\u3000') {
            s++;
        }
        while (e > s && (Character.isWhitespace(text.charAt(e - 1)) || text.charAt(e - 1) == '\u3000')) {
            e--;
        }
        return new Span(s, e);
    }
}
