package cn.duban.supervision.draft;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the quantities of a commitment (a number and a measure word) and normalises them as the ledger does
 * (docs/ledger.md, "Targets"): 万亩 → 亩 (76万亩 = 760000 亩), 亿元 → 万元 (31亿元 = 310000 万元), 名 and 人口 → 人;
 * 万吨 stays a unit of its own (134 万吨). Numbers with no measure word (108国道), ordinals (第293号), time spans
 * (3年), specifications (110千伏) and anything inside quotes or 《》 are not quantities.
 */
public final class Quantities {
    /** Measure words a target may have, the longest first so that 万吨 wins over 吨 and 人次 over 人. */
    static final List<String> UNITS = List.of("个百分点", "平方米", "公里", "万吨", "人次", "人口", "%", "％", "亩", "头",
            "只", "羽", "吨", "条", "座", "个", "项", "户", "所", "处", "段", "人", "名", "场", "元", "家", "台", "张", "套",
            "辆", "米", "件", "批", "次");
    /** Measure words that follow a Chinese numeral only in set phrases (一批, 一次办, 一套人马), not as counts. */
    private static final List<String> ARABIC_ONLY = List.of("批", "次", "件", "套");
    /** Units of measure, not counts: after a lone Chinese digit they are more likely a name (二亩沟煤矿) than a figure. */
    private static final List<String> MEASURES = List.of("亩", "吨", "万吨", "公里", "米", "平方米", "元", "%", "％");

    private Quantities() {
    }

    /** One quantity in the text: normalised value and unit, where it stands, and whether it was written 亿元. */
    public record Quantity(BigDecimal value, String unit, int start, int end, String written) {
        public boolean isMoney() {
            return unit.equals("万元") || unit.equals("元") || unit.equals("亿元");
        }

        public boolean isPercent() {
            return unit.equals("%");
        }
    }

    /** Every quantity in {@code text} between {@code from} and {@code to}, in order. */
    public static List<Quantity> find(String text, int from, int to) {
        List<Quantity> found = new ArrayList<>();
        boolean quoted = false;
        int book = 0;
        int i = from;
        while (i < to) {
            char c = text.charAt(i);
            if (c == '“') {
                quoted = true;
            } else if (c == '”') {
                quoted = false;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == '《') {
                book++;
            } else if (c == '》') {
                book = Math.max(0, book - 1);
            }
            if (quoted || book > 0 || !ChineseNumbers.isNumeral(c) || c == '.') {
                i++;
                continue;
            }
            int end = i;
            while (end < to && ChineseNumbers.isNumeral(text.charAt(end))) {
                end++;
            }
            Optional<Quantity> quantity = read(text, i, end, to);
            quantity.ifPresent(found::add);
            i = quantity.map(Quantity::end).orElse(end);
        }
        return found;
    }

    private static Optional<Quantity> read(String text, int start, int numeralEnd, int limit) {
        String numeral = text.substring(start, numeralEnd);
        if (start > 0 && text.charAt(start - 1) == '第') {
            return Optional.empty();
        }
        if (numeral.equals("一半") || text.startsWith("一半", start)) {
            return Optional.of(new Quantity(BigDecimal.valueOf(50), "%", start, start + 2, "一半"));
        }
        boolean arabic = ChineseNumbers.isDigit(numeral.charAt(0));
        String unit = UNITS.stream().filter(u -> text.startsWith(u, numeralEnd) && numeralEnd + u.length() <= limit)
                .findFirst().orElse(null);
        if (unit == null) {
            return Optional.empty();
        }
        if (!arabic && (ARABIC_ONLY.contains(unit) || !acceptableChinese(numeral)
                || numeral.length() == 1 && MEASURES.contains(unit))) {
            return Optional.empty();
        }
        int end = numeralEnd + unit.length();
        String written = text.substring(start, end);
        char last = numeral.charAt(numeral.length() - 1);
        String digits = numeral;
        String normalUnit = unit;
        if (unit.equals("元") && (last == '万' || last == '亿') && numeral.length() > 1) {
            digits = numeral.substring(0, numeral.length() - 1);
            normalUnit = last == '万' ? "万元" : "亿元";
        } else if (unit.equals("吨") && last == '万' && numeral.length() > 1) {
            digits = numeral.substring(0, numeral.length() - 1); // 134万吨: the ledger keeps 万吨 as a unit
            normalUnit = "万吨";
        }
        Optional<BigDecimal> value = ChineseNumbers.parse(digits);
        if (value.isEmpty() || value.get().signum() <= 0) {
            return Optional.empty();
        }
        BigDecimal v = value.get();
        if (normalUnit.equals("亿元")) {
            v = v.multiply(BigDecimal.valueOf(10_000));
            normalUnit = "万元";
        }
        normalUnit = switch (normalUnit) {
            case "名", "人口" -> "人";
            case "％", "个百分点" -> "%";
            default -> normalUnit;
        };
        return Optional.of(new Quantity(ChineseNumbers.plain(v), normalUnit, start, end, written));
    }

    /** A Chinese numeral counts when it is a real number (五千, 两千, 百万, 三所) — not 百 alone or 五大. */
    private static boolean acceptableChinese(String numeral) {
        if (numeral.length() >= 2) {
            return true;
        }
        char c = numeral.charAt(0);
        return c != '十' && c != '百' && c != '千' && c != '万' && c != '亿';
    }

    /** A money amount in 万元 back as 亿元, the unit the ledger keeps for economic indicators. */
    public static Quantity inYi(Quantity q) {
        if (!q.unit().equals("万元")) {
            return q;
        }
        return new Quantity(ChineseNumbers.plain(q.value().divide(BigDecimal.valueOf(10_000))), "亿元", q.start(),
                q.end(), q.written());
    }
}
