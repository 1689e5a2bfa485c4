package cn.duban.events;

import java.util.Arrays;
import java.util.Optional;

/** The six parts (六个聚焦) of the work plan, in the report's order; each has one sector service. */
public enum Sector {
    AGRICULTURE("agriculture", "AGR", "三农"),
    INDUSTRY("industry", "IND", "工业"),
    CULTURE_TOURISM("culture-tourism", "CUL", "文旅"),
    URBAN_CONSTRUCTION("urban-construction", "URB", "城乡建设"),
    REFORM("reform", "REF", "重点改革"),
    LIVELIHOOD("livelihood", "LIV", "民生");

    private final String id;
    private final String code;
    private final String label;

    Sector(String id, String code, String label) {
        this.id = id;
        this.code = code;
        this.label = label;
    }

    /** The sector's name in Chinese, as the office writes it (sheets, exports, the page), e.g. {@code 城乡建设}. */
    public String label() {
        return label;
    }

    public static Optional<Sector> fromLabel(String label) {
        return Arrays.stream(values()).filter(s -> s.label.equals(label)).findFirst();
    }

    /** The name used in URLs, events and configuration, e.g. {@code culture-tourism}. */
    public String id() {
        return id;
    }

    /** The three-letter code inside task ids, e.g. {@code CUL} in {@code 2022-CUL-004}. */
    public String code() {
        return code;
    }

    public static Optional<Sector> fromId(String id) {
        return Arrays.stream(values()).filter(s -> s.id.equals(id)).findFirst();
    }

    /** The sector a task id names, e.g. {@code 2022-AGR-003} → agriculture. */
    public static Optional<Sector> ofTaskId(String taskId) {
        if (taskId == null) {
            return Optional.empty();
        }
        String[] parts = taskId.split("-");
        if (parts.length != 3) {
            return Optional.empty();
        }
        return Arrays.stream(values()).filter(s -> s.code.equals(parts[1])).findFirst();
    }
}
