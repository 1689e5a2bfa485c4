package cn.duban.supervision.draft;

import cn.duban.events.Sector;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The sector of a plan part from the words of its heading (…在推动三农工作上有变化 → agriculture), or, for a part
 * with no telling heading, from the words of its paragraphs. The word that decided is kept as the field's source.
 */
public final class SectorWords {
    private static final Map<Sector, List<String>> WORDS = Map.of(
            Sector.AGRICULTURE, List.of("三农", "乡村振兴", "农业", "农村", "农民"),
            Sector.INDUSTRY, List.of("工业", "园区", "企业", "产业转型", "招商"),
            Sector.CULTURE_TOURISM, List.of("文旅", "旅游", "文化", "古城"),
            Sector.URBAN_CONSTRUCTION, List.of("城乡建设", "宜居", "城市", "城建", "规划"),
            Sector.REFORM, List.of("改革", "放管服"),
            Sector.LIVELIHOOD, List.of("民生", "社会事业", "教育", "医疗", "养老", "就业", "安全生产"));

    private SectorWords() {
    }

    /** The deciding word and its sector: the sector whose words come last in the heading's 在推动…上 phrase, else most. */
    public record Decision(Sector sector, String word, int at) {
    }

    public static Optional<Decision> decide(String words) {
        int focus = words.lastIndexOf("在推动");
        String scope = focus >= 0 ? words.substring(focus) : words;
        int offset = focus >= 0 ? focus : 0;
        Decision best = null;
        int bestCount = 0;
        for (Sector sector : Sector.values()) {
            int count = 0;
            Decision first = null;
            for (String word : WORDS.get(sector)) {
                int at = scope.indexOf(word);
                while (at >= 0) {
                    count++;
                    if (first == null || at + offset < first.at()) {
                        first = new Decision(sector, word, at + offset);
                    }
                    at = scope.indexOf(word, at + word.length());
                }
            }
            if (count > bestCount) {
                best = first;
                bestCount = count;
            }
        }
        return Optional.ofNullable(best);
    }
}
