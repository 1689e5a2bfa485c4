package cn.duban.supervision.draft;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

/**
 * Numbers as a Chinese report writes them: Arabic digits with or without a multiplier (1.2万, 5000万, 1千), Chinese
 * numerals (五千, 两千, 一百五十四, 百万, 十二) and the two mixed. HanLP segments but does not read numerals, so this does.
 */
public final class ChineseNumbers {
    private static final Map<Character, Integer> DIGITS = Map.ofEntries(Map.entry('零', 0), Map.entry('〇', 0),
            Map.entry('一', 1), Map.entry('二', 2), Map.entry('两', 2), Map.entry('三', 3), Map.entry('四', 4),
            Map.entry('五', 5), Map.entry('六', 6), Map.entry('七', 7), Map.entry('八', 8), Map.entry('九', 9));
    private static final Map<Character, Integer> SMALL = Map.of('十', 10, '百', 100, '千', 1000);
    private static final Map<Character, Long> LARGE = Map.of('万', 10_000L, '亿', 100_000_000L);

    private ChineseNumbers() {
    }

    /** Whether {@code c} can be part of a number ({@code 0-9 . 零一二两…十百千万亿}). */
    public static boolean isNumeral(char c) {
        return isDigit(c) || c == '.' || DIGITS.containsKey(c) || SMALL.containsKey(c) || LARGE.containsKey(c);
    }

    public static boolean isChineseNumeral(char c) {
        return DIGITS.containsKey(c) || SMALL.containsKey(c) || LARGE.containsKey(c);
    }

    static boolean isDigit(char c) {
        return (c >= '0' && c <= '9') || (c >= '０' && c <= '９');
    }

    /** The value of a whole numeral, e.g. {@code 1.2万} → 12000, {@code 两千} → 2000; empty if it is not one. */
    public static Optional<BigDecimal> parse(String numeral) {
        if (numeral == null || numeral.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(plain(section(normalise(numeral))));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** 5000, not 5E+3: the ledger and the page show plain numbers. */
    public static BigDecimal plain(BigDecimal v) {
        BigDecimal stripped = v.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private static String normalise(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            out.append(c >= '０' && c <= '９' ? (char) (c - '０' + '0') : c == '．' ? '.' : c);
        }
        return out.toString();
    }

    /** Splits at the largest multiplier (亿, then 万): "3亿5千万" = 3 × 亿 + 5千 × 万. */
    private static BigDecimal section(String s) {
        for (char unit : new char[] {'亿', '万'}) {
            int at = s.lastIndexOf(unit);
            if (at >= 0) {
                String high = s.substring(0, at);
                String low = s.substring(at + 1);
                BigDecimal head = high.isEmpty() ? BigDecimal.ONE : section(high);
                BigDecimal tail = low.isEmpty() ? BigDecimal.ZERO : section(low);
                return head.multiply(BigDecimal.valueOf(LARGE.get(unit))).add(tail);
            }
        }
        return belowTenThousand(s);
    }

    private static BigDecimal belowTenThousand(String s) {
        if (s.isEmpty()) {
            throw new IllegalArgumentException("empty");
        }
        if (s.chars().allMatch(c -> isDigit((char) c) || c == '.')) {
            return new BigDecimal(s);
        }
        BigDecimal total = BigDecimal.ZERO;
        BigDecimal pending = null;
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (isDigit(c)) {
                int end = i;
                while (end < s.length() && (isDigit(s.charAt(end)) || s.charAt(end) == '.')) {
                    end++;
                }
                pending = new BigDecimal(s.substring(i, end));
                i = end;
            } else if (DIGITS.containsKey(c)) {
                pending = BigDecimal.valueOf(DIGITS.get(c));
                i++;
            } else if (SMALL.containsKey(c)) {
                BigDecimal factor = BigDecimal.valueOf(SMALL.get(c));
                total = total.add((pending == null ? BigDecimal.ONE : pending).multiply(factor));
                pending = null;
                i++;
            } else {
                throw new IllegalArgumentException("not a numeral: " + c);
            }
        }
        return pending == null ? total : total.add(pending);
    }
}
