package cn.duban.supervision.draft;

import cn.duban.supervision.engine.TargetType;
import cn.duban.supervision.engine.Strength;
import cn.duban.supervision.draft.Quantities.Quantity;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The targets of one commitment: each quantity with the metric it measures, how it is judged and how hard it is
 * meant. Judgement from the words around the figure: 增长/提高…% → GROWTH; 控制在…以内, 不超过 → CEILING; 达…%, 一半以上,
 * rates and red lines → LEVEL; 涉及, 惠及, 确保…不发生, 分时分批 → SCOPE; a 总投资 beside this year's investment →
 * PROJECT_TOTAL; anything else an AMOUNT to accumulate.
 */
public final class Targets {
    public static final String INVESTMENT = "投资";
    private static final Pattern INVESTMENT_BEFORE = Pattern.compile("(总投资|投资)[^,，;；、]{0,3}$");
    private static final Pattern GROWTH_BEFORE = Pattern.compile("(增长|增速|提高|提升)(?:了)?$");
    private static final Pattern CEILING_BEFORE = Pattern.compile("(控制在|不超过|不高于|低于|降至|降到)$");
    private static final Pattern LEVEL_BEFORE = Pattern.compile("(达到|达|保持在|稳定在|不低于)$");
    private static final Pattern SCOPE_WORDS = Pattern.compile("涉及|惠及|覆盖|分时分批|分年|逐年|不发生");
    private static final Pattern FUND = Pattern.compile("([\\p{IsHan}]{2}资金)");
    private static final Pattern TRAILING = Pattern.compile("(?:工程|建设|任务)$");
    private static final Pattern VERB_BEFORE = Pattern.compile("(?:达到|达|控制在|提高|提升|增长|为|至|到)$");
    private static final String AFTER_STOPS = ",，;；。、:：的和及与等(（“《";

    private Targets() {
    }

    /**
     * @param text the report
     * @param start start of the commitment
     * @param end end of the commitment
     * @param context words before the commitment in its paragraph, for a fund named once for a list (衔接资金)
     */
    public static List<DraftTarget> of(String text, int start, int end, String context) {
        List<Quantity> quantities = Quantities.find(text, start, end);
        boolean annualInvestment = quantities.stream().anyMatch(q -> q.isMoney() && investment(text, start, q)
                && !text.substring(Math.max(start, q.start() - 4), q.start()).contains("总投资"));
        List<DraftTarget> targets = new ArrayList<>();
        for (Quantity q : quantities) {
            String before = text.substring(clauseStart(text, start, q.start()), q.start());
            String metric;
            TargetType type = TargetType.AMOUNT;
            if (q.isMoney()) {
                boolean invest = investment(text, start, q);
                boolean total = before.endsWith("总投资") || before.matches(".*总投资[0-9.]*$");
                metric = invest ? INVESTMENT : moneyMetric(before, context, text.substring(start, q.start()),
                        text.startsWith("用于", q.end()));
                if (invest && total && annualInvestment) {
                    type = TargetType.PROJECT_TOTAL;
                }
            } else if (q.isPercent()) {
                String stem = stripVerbs(Language.phraseBefore(VERB_BEFORE.matcher(before).replaceAll("")));
                if (GROWTH_BEFORE.matcher(before).find()) {
                    type = TargetType.GROWTH;
                    metric = stem.endsWith("率") ? stem : "增长率";
                } else if (CEILING_BEFORE.matcher(before).find() || after(text, q, end).startsWith("以内")
                        || after(text, q, end).startsWith("以下")) {
                    type = TargetType.CEILING;
                    metric = stem.isEmpty() ? "比率" : stem;
                } else {
                    type = TargetType.LEVEL;
                    metric = q.written().equals("一半") ? stem + "占比" : stem.isEmpty() ? "比率" : stem;
                }
            } else {
                metric = nounAfter(text, q, end);
                if (metric.isEmpty() && q.end() < end && ChineseNumbers.isDigit(text.charAt(q.end()))) {
                    // 8124户17087名脱贫人口: the figures share the noun after the last of them
                    Quantity next = quantities.stream().filter(x -> x.start() == q.end()).findFirst().orElse(null);
                    metric = next == null ? "" : nounAfter(text, next, end);
                }
                if (metric.length() < 2) {
                    metric = stripVerbs(Language.phraseBefore(before));
                }
                if (metric.isEmpty()) {
                    metric = "数量";
                }
                if (CEILING_BEFORE.matcher(before).find()) {
                    type = TargetType.CEILING;
                } else if (text.substring(start, end).contains("红线") || text.substring(start, end).contains("保有量")) {
                    type = TargetType.LEVEL;
                }
            }
            if (type == TargetType.AMOUNT && !q.isMoney() && SCOPE_WORDS.matcher(text.substring(start, end)).find()) {
                type = TargetType.SCOPE;
            }
            targets.add(new DraftTarget(metric, q.unit(), q.value(), type, strength(text, start, q.start()), null,
                    true, Provenance.report(text, q.start(), q.end(), rule(type))));
        }
        return targets;
    }

    private static String rule(TargetType type) {
        return switch (type) {
            case GROWTH -> "增长/提高后的百分数为增长目标";
            case CEILING -> "控制在…以内为上限";
            case LEVEL -> "达到的水平、比率或红线为水平目标";
            case SCOPE -> "涉及/惠及/确保不发生/分时分批的数为范围";
            case PROJECT_TOTAL -> "另有当年投资时，总投资仅作背景";
            case AMOUNT -> "数量与计量单位（万亩折亩、亿元折万元）";
        };
    }

    private static boolean investment(String text, int start, Quantity q) {
        return INVESTMENT_BEFORE.matcher(text.substring(Math.max(start, q.start() - 8), q.start())).find();
    }

    /** 争取授信支持10亿元 → 授信支持; 切出370万元用于… → the fund the paragraph named (衔接资金). */
    private static String moneyMetric(String before, String context, String commitmentBefore, boolean allocation) {
        String phrase = stripVerbs(Language.phraseBefore(before));
        if (phrase.length() >= 2 && !allocation) {
            return phrase;
        }
        Matcher fund = FUND.matcher(commitmentBefore + " " + (context == null ? "" : context));
        String last = null;
        while (fund.find()) {
            last = fund.group(1);
        }
        return last != null ? last : "资金";
    }

    /** The strength word in force at {@code at}: the last 确保/务必 (MUST) or 力争/争取 (STRIVE) before it in its clause group. */
    static Strength strength(String text, int start, int at) {
        String before = text.substring(start, at);
        int semicolon = Math.max(before.lastIndexOf(';'), before.lastIndexOf('；'));
        String scope = before.substring(semicolon + 1);
        int must = Math.max(scope.lastIndexOf("确保"), scope.lastIndexOf("务必"));
        int strive = Math.max(scope.lastIndexOf("力争"), scope.lastIndexOf("争取"));
        if (must < 0 && strive < 0) {
            return null;
        }
        return must > strive ? Strength.MUST : Strength.STRIVE;
    }

    private static String after(String text, Quantity q, int end) {
        return text.substring(q.end(), Math.min(end, q.end() + 4));
    }

    /** 6万亩高标准农田 → 高标准农田; 2万亩耕地质量提升项目 → 耕地质量提升. */
    private static String nounAfter(String text, Quantity q, int end) {
        int i = q.end();
        while (i < end && AFTER_STOPS.indexOf(text.charAt(i)) < 0 && !ChineseNumbers.isDigit(text.charAt(i))
                && i - q.end() < 14) {
            i++;
        }
        String noun = Language.nounPhrase(text.substring(q.end(), i));
        return TRAILING.matcher(noun).replaceAll("");
    }

    private static String stripVerbs(String phrase) {
        return phrase.replaceAll("(?:提高|增长|达到|达|控制在|控制|为|完成|实现)$", "").replaceAll("^(?:实现|完成|达到)", "");
    }

    private static int clauseStart(String text, int start, int at) {
        for (int i = at - 1; i >= start; i--) {
            if (",，;；。:：".indexOf(text.charAt(i)) >= 0) {
                return i + 1;
            }
        }
        return start;
    }
}
