package cn.duban.supervision.draft;

import cn.duban.supervision.draft.ReportOutline.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits the plan's paragraphs into commitments the way the office splits a report into tasks (docs/ledger.md, "How
 * tasks were split"), in plain rules:
 * <ul>
 * <li>A paragraph's opening phrase (挖潜增产促增收。) names it; short sentences with no comma (稳就业。) head what
 * follows. Neither is a task. A sentence opening with 其中 continues the commitment before it.</li>
 * <li>Sentences and their semicolon parts are separate commitments. Within one, a comma clause that is a deliverable
 * of its own — a quantity, a date, a 《title》, a named project, place or body — opens a new commitment once the
 * current one already holds an action; lead-ins (投资9000万元, 以…为重点, 依托…) join what follows, and purposes,
 * guarantees and dates (提高…, 确保…, 年底前投产, 增长20%) join what precedes. This year's investment (当年完成投资34亿元)
 * stays with the total it is part of.</li>
 * <li>A list (、) of separately delivered items is split into one commitment per item: items each with its own
 * money, named items closed by 等项目/等节展/等系列改革, or items that are each a works project (…改造、…工程).</li>
 * </ul>
 */
public final class Commitments {

    /** Where a commitment came from: a part of the plan, the main indicators, or the livelihood matters. */
    public enum Origin {
        PART, INDICATOR, MATTER
    }

    /** One commitment: its span and the section names it belongs to. */
    public record Commitment(int start, int end, List<String> section, Origin origin, int part) {
    }

    private static final String CLAUSE_STOPS = ",，:：";
    private static final Pattern LEAD = Pattern.compile(
            "^(?:以.+为(?:重点|统领|引擎|示范|主线|契机|牵引|抓手|核心|突破口|载体|目标)|依托.+|立足.+|围绕.+|按照.+|对照.+|秉持.+|针对.+|借助.+"
                    + "|.{1,12}要以.+为.+|(?:总)?投资[0-9.]+(?:万|亿)元|对.+(?:项目|工程))$");
    private static final Pattern TAIL = Pattern.compile("^(?:提高|促进|确保|务必|增长|同比增长|引领|进一步|切实|不断|努力|真正|让|为|使|"
            + "满足|丰富|解决|缓解|有效|破解|壮大|提升|助力|实现|形成|增加|蹚出|交出|弘扬|决不|筑牢|严防|吸引|放大|延伸|整体推动|最大限度|"
            + "尽最大努力|协同|逐步|惠及|覆盖|年内|年底|今年|当年|上半年|下半年|[0-9一二三四五六七八九十]{1,2}月)");
    private static final Pattern STRIVE_OPENING = Pattern.compile("^(?:力争|争取)");
    private static final Pattern RATE = Pattern.compile("率|占比|比重");
    private static final Pattern PROJECT_WORD = Pattern.compile("项目|工程|产业园|物流园|示范园|果园|生产线|变电站|厂房|批发市场|"
            + "消防站|殡仪馆|骨灰堂|大道|管网|敬老院|养老中心|小学|中学|学校|医院|中心|基地|规划|条例|公园|体育馆|图书馆|水厂|煤矿|风电|电站");
    private static final Pattern NOT_A_PROJECT = Pattern.compile("^.{0,4}(?:机制|制度|体系|政策|用地|资金)");
    private static final Pattern CATEGORY_CLOSE = Pattern.compile("等(?:系列改革|项目|节展|节会|改革)");
    private static final Pattern WORKS = Pattern.compile("(?:改造|工程|项目|建设)$");
    private static final Pattern INVESTMENT_ONLY = Pattern.compile("^(?:年内|当年|今年)?完成(?:\\S{0,2})?投资[0-9.]+(?:万|亿)元(?:以上)?$");
    private static final Pattern MATTER_ITEM = Pattern.compile("(?:^|(?<=[:：;；。]))\\s*(\\d{1,2}[.．、]|（\\d{1,2}）)");
    private static final Pattern MATTERS_NAME = Pattern.compile("[一二三四五六七八九十0-9]+件民生实事");

    private Commitments() {
    }

    public static List<Commitment> find(String text, ReportOutline outline) {
        List<Commitment> found = new ArrayList<>();
        for (int p = 0; p < outline.parts().size(); p++) {
            ReportOutline.Part part = outline.parts().get(p);
            for (Span paragraph : part.paragraphs()) {
                found.addAll(paragraph(text, paragraph, part.heading(), p));
            }
        }
        if (outline.livelihoodMatters() != null) {
            found.addAll(matters(text, outline.livelihoodMatters()));
        }
        return found;
    }

    private static List<Commitment> paragraph(String text, Span paragraph, String partHeading, int part) {
        List<Span> sentences = split(text, paragraph.start(), paragraph.end(), "。！？!?");
        String name = null;
        int first = 0;
        if (sentences.size() > 1) {
            Span opening = sentences.get(0);
            String words = text.substring(opening.start(), opening.end());
            if (words.length() <= 16 && words.chars().noneMatch(Character::isDigit)) {
                name = words;
                first = 1;
            }
        }
        List<String> section = new ArrayList<>();
        if (!partHeading.isEmpty()) {
            section.add(partHeading);
        }
        if (name != null) {
            section.add(name);
        }
        if (section.isEmpty()) {
            section.add(text.substring(paragraph.start(), Math.min(paragraph.end(), paragraph.start() + 12)));
        }
        List<Span> groups = new ArrayList<>();
        for (int s = first; s < sentences.size(); s++) {
            Span sentence = sentences.get(s);
            String words = text.substring(sentence.start(), sentence.end());
            if (isHeadline(words) && s < sentences.size() - 1) {
                continue;
            }
            if (words.startsWith("其中") && !groups.isEmpty()) {
                Span last = groups.remove(groups.size() - 1);
                groups.add(new Span(last.start(), sentence.end()));
                continue;
            }
            for (Span piece : split(text, sentence.start(), sentence.end(), ";；")) {
                groups.addAll(group(text, piece));
            }
        }
        return groups.stream().map(g -> new Commitment(g.start(), g.end(), List.copyOf(section), Origin.PART, part))
                .toList();
    }

    /** 稳就业。压实责任。持续推进师资均衡。: a short sentence with no comma heads the sentences after it. */
    static boolean isHeadline(String sentence) {
        return sentence.length() <= 12 && sentence.chars().noneMatch(c -> ",，;；、".indexOf(c) >= 0)
                && sentence.chars().noneMatch(Character::isDigit);
    }

    private static final class Group {
        int start;
        int end;
        boolean hasAction;
        boolean hasTotal;
        boolean hasDeliverable;

        Group(int start, int end) {
            this.start = start;
            this.end = end;
        }
    }

    private enum Role {
        LEAD, TAIL, ACTION
    }

    private static List<Span> group(String text, Span piece) {
        List<Span> out = new ArrayList<>();
        Group current = null;
        for (Span clause : split(text, piece.start(), piece.end(), CLAUSE_STOPS)) {
            String words = text.substring(clause.start(), clause.end());
            List<Span> items = listItems(text, clause);
            if (items.size() >= 2) {
                if (current != null && (current.hasDeliverable || current.hasAction)) {
                    out.add(new Span(current.start, current.end));
                } else if (current != null) {
                    items.set(0, new Span(current.start, items.get(0).end()));
                }
                out.addAll(items.subList(0, items.size() - 1));
                Span last = items.get(items.size() - 1);
                current = new Group(last.start(), last.end());
                current.hasAction = true;
                current.hasDeliverable = true;
                continue;
            }
            Role role = role(text, clause);
            boolean deliverable = isDeliverable(text, clause);
            if (current == null) {
                current = new Group(clause.start(), clause.end());
            } else if (role == Role.ACTION && deliverable && current.hasAction
                    && !(current.hasTotal && INVESTMENT_ONLY.matcher(words).matches())) {
                out.add(new Span(current.start, current.end));
                current = new Group(clause.start(), clause.end());
            } else {
                current.end = clause.end();
            }
            current.hasAction |= role == Role.ACTION;
            current.hasDeliverable |= deliverable && role != Role.LEAD;
            current.hasTotal |= words.contains("总投资");
        }
        if (current != null) {
            out.add(new Span(current.start, current.end));
        }
        return out;
    }

    private static Role role(String text, Span clause) {
        String words = text.substring(clause.start(), clause.end());
        if (LEAD.matcher(words).matches()) {
            return Role.LEAD;
        }
        if (TAIL.matcher(words).find() || words.length() <= 4) {
            return Role.TAIL;
        }
        if (ChineseNumbers.isDigit(words.charAt(0)) && Language.isBareNounPhrase(words)) {
            return Role.TAIL; // 重点完成58个综合性村庄规划,3个整治类村庄规划: the second shares the first one's verb
        }
        if (RATE.matcher(words).find() && !Quantities.find(text, clause.start(), clause.end()).isEmpty()) {
            return Role.TAIL;
        }
        if (STRIVE_OPENING.matcher(words).find() && !words.contains("《") && Quantities
                .find(text, clause.start(), clause.end()).stream().allMatch(Quantities.Quantity::isMoney)) {
            return Role.TAIL;
        }
        return Role.ACTION;
    }

    /** A clause that could be a task of its own: it names a quantity, a date, a document, a project, a place or a body. */
    static boolean isDeliverable(String text, Span clause) {
        String words = text.substring(clause.start(), clause.end());
        if (!Quantities.find(text, clause.start(), clause.end()).isEmpty() || words.contains("《")
                || !DueDates.phrases(text, clause.start(), clause.end(), 2000).isEmpty()) {
            return true;
        }
        Matcher m = PROJECT_WORD.matcher(words);
        while (m.find()) {
            if (!NOT_A_PROJECT.matcher(words.substring(m.end())).find()) {
                return true;
            }
        }
        return Language.namesAPlaceOrBody(words);
    }

    /** The items of a list of separately delivered things, or nothing if the clause is not such a list. */
    static List<Span> listItems(String text, Span clause) {
        String words = text.substring(clause.start(), clause.end());
        if (!words.contains("、") && !words.contains("”“")) {
            return List.of();
        }
        List<Quantities.Quantity> money = Quantities.find(text, clause.start(), clause.end()).stream()
                .filter(Quantities.Quantity::isMoney).toList();
        List<Span> byComma = split(text, clause.start(), clause.end(), "、");
        long itemsWithMoney = byComma.stream()
                .filter(i -> money.stream().anyMatch(q -> q.start() >= i.start() && q.end() <= i.end())).count();
        if (itemsWithMoney >= 2) {
            int lastMoney = money.get(money.size() - 1).end();
            int close = words.indexOf('等', lastMoney - clause.start());
            int cut = close < 0 ? clause.end() : clause.start() + close;
            return extendLast(split(text, clause.start(), cut, "、"), clause.end());
        }
        Matcher category = CATEGORY_CLOSE.matcher(words);
        if (category.find()) {
            int cut = clause.start() + category.start();
            List<Span> items = new ArrayList<>();
            for (Span item : split(text, clause.start(), cut, "、")) {
                items.addAll(splitNamed(text, item));
            }
            if (items.size() >= 2 && items.stream().allMatch(i -> i.end() - i.start() >= 4)) {
                return extendLast(items, clause.end());
            }
            return List.of();
        }
        if (byComma.size() >= 2 && byComma.stream().allMatch(i -> i.end() - i.start() >= 6)
                && byComma.stream().filter(i -> WORKS.matcher(text.substring(i.start(), i.end())).find()).count() >= 2
                && !words.contains("等")) {
            return byComma;
        }
        return List.of();
    }

    /** Within a named list, adjacent quoted names (“一网通办”“证照分离”) and 和 also separate items. */
    private static List<Span> splitNamed(String text, Span item) {
        List<Span> out = new ArrayList<>();
        int start = item.start();
        boolean quoted = false;
        for (int i = item.start(); i < item.end(); i++) {
            char c = text.charAt(i);
            if (c == '“') {
                if (i > start && text.charAt(i - 1) == '”') {
                    out.add(new Span(start, i));
                    start = i;
                }
                quoted = true;
            } else if (c == '”') {
                quoted = false;
            } else if (c == '和' && !quoted && i > start) {
                out.add(new Span(start, i));
                start = i + 1;
            }
        }
        out.add(new Span(start, item.end()));
        return out;
    }

    private static List<Span> extendLast(List<Span> items, int end) {
        List<Span> out = new ArrayList<>(items);
        Span last = out.remove(out.size() - 1);
        out.add(new Span(last.start(), end));
        return out;
    }

    private static List<Commitment> matters(String text, Span paragraph) {
        String words = text.substring(paragraph.start(), paragraph.end());
        Matcher name = MATTERS_NAME.matcher(words);
        List<String> section = List.of("民生实事", name.find() ? name.group() : "民生实事");
        List<Commitment> out = new ArrayList<>();
        Matcher m = MATTER_ITEM.matcher(words);
        List<int[]> marks = new ArrayList<>();
        while (m.find()) {
            marks.add(new int[] {m.start(1), m.end(1)});
        }
        for (int i = 0; i < marks.size(); i++) {
            int start = paragraph.start() + marks.get(i)[1];
            int limit = i + 1 < marks.size() ? paragraph.start() + marks.get(i + 1)[0] : paragraph.end();
            int end = start;
            while (end < limit && ";；。".indexOf(text.charAt(end)) < 0) {
                end++;
            }
            if (end > start) {
                out.add(new Commitment(start, end, section, Origin.MATTER, -1));
            }
        }
        return out;
    }

    /** Splits at any of {@code stops} outside quotes, brackets and 《》, trimming each piece; empty pieces are dropped. */
    static List<Span> split(String text, int from, int to, String stops) {
        List<Span> out = new ArrayList<>();
        int depth = 0;
        int start = from;
        for (int i = from; i <= to; i++) {
            char c = i < to ? text.charAt(i) : 0;
            if (c == '“' || c == '《' || c == '（' || c == '(') {
                depth++;
            } else if ((c == '”' || c == '》' || c == '）' || c == ')') && depth > 0) {
                depth--;
            }
            if (i == to || depth == 0 && stops.indexOf(c) >= 0) {
                Span piece = ReportOutline.trimmed(text, new Span(start, i));
                if (piece.end() > piece.start()) {
                    out.add(piece);
                }
                start = i + 1;
            }
        }
        return out;
    }
}
