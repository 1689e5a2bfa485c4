package cn.duban.supervision.draft;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.common.Term;
import java.util.List;
import java.util.Set;

/**
 * What the drafter asks of HanLP (portable build: its dictionaries ship in the jar, nothing is downloaded): word
 * segmentation with parts of speech, for the noun phrase a quantity measures (农业生产托管7万亩 → 农业生产托管) and
 * for the places and organisations that make a clause a deliverable of its own (古陶镇尹村黑臭水体治理).
 */
public final class Language {
    private static final Object LOCK = new Object();
    private static volatile Segment segment;

    /** Verbs and words that open a clause rather than name what it measures. */
    private static final Set<String> STOP = Set.of("实施", "完成", "开展", "推进", "培育", "发展", "招聘", "新增", "达到",
            "达", "启动", "启建", "建设", "建成", "打造", "推出", "力争", "争取", "确保", "务必", "全力", "推动", "加快",
            "提升", "实现", "组织", "做好", "抓好", "全面", "累计", "年内", "当年", "今年", "共", "计划", "预计", "控制",
            "控制在", "保持", "为", "在", "对", "使", "切出", "用于", "其中", "增长", "提高", "同比", "分别");

    private Language() {
    }

    private static Segment segment() {
        Segment s = segment;
        if (s == null) {
            synchronized (LOCK) {
                if (segment == null) {
                    segment = HanLP.newSegment().enablePlaceRecognize(true).enableOrganizationRecognize(true);
                }
                s = segment;
            }
        }
        return s;
    }

    public static List<Term> terms(String text) {
        synchronized (LOCK) {
            return segment().seg(text);
        }
    }

    /** Whether the clause names a place or an organisation (HanLP ns/nt, or a person-like name of three characters). */
    public static boolean namesAPlaceOrBody(String clause) {
        for (Term t : terms(clause)) {
            String tag = t.nature.toString();
            if ((tag.startsWith("ns") && t.word.length() >= 2) || (tag.startsWith("nt") && t.word.length() >= 3)
                    || (tag.equals("nr") && t.word.length() >= 3 && !t.word.startsWith("启"))) {
                return true;
            }
        }
        return false;
    }

    /** The words a quantity counts, up to the first verb, adverb, particle or time word (154名卫生医技人员充实… → 卫生医技人员). */
    public static String nounPhrase(String after) {
        StringBuilder phrase = new StringBuilder();
        for (Term t : terms(after)) {
            String tag = t.nature.toString();
            boolean verb = tag.equals("v") || tag.equals("vi");
            if (verb && phrase.length() > 0 || tag.equals("d") || tag.startsWith("p") || tag.startsWith("u")
                    || tag.startsWith("c") || tag.startsWith("t") || tag.startsWith("f") || tag.startsWith("w")
                    || tag.startsWith("m") || STOP.contains(t.word)) {
                break;
            }
            phrase.append(t.word);
        }
        return phrase.toString();
    }

    /** A quantity and what it counts, with no verb of its own (3个整治类村庄规划). */
    public static boolean isBareNounPhrase(String clause) {
        List<Term> terms = terms(clause);
        return !terms.isEmpty() && terms.get(terms.size() - 1).nature.toString().startsWith("n")
                && terms.stream().map(t -> t.nature.toString()).noneMatch(tag -> tag.equals("v") || tag.equals("vi"));
    }

    /**
     * The noun phrase that ends where a quantity begins: the words before it back to a verb that opens the clause, a
     * particle, a number or punctuation. Empty if there is none.
     */
    public static String phraseBefore(String before) {
        List<Term> terms = terms(before);
        StringBuilder phrase = new StringBuilder();
        for (int i = terms.size() - 1; i >= 0; i--) {
            Term t = terms.get(i);
            String tag = t.nature.toString();
            if (STOP.contains(t.word) || tag.startsWith("w") || tag.startsWith("u") || tag.startsWith("p")
                    || tag.startsWith("c") || tag.startsWith("m") || tag.startsWith("q") || tag.startsWith("r")
                    || tag.equals("d") || t.word.matches(".*[,，;；:：、。“”\"《》()（）].*")) {
                break;
            }
            phrase.insert(0, t.word);
            if (phrase.length() >= 12) {
                break;
            }
        }
        return phrase.toString();
    }
}
