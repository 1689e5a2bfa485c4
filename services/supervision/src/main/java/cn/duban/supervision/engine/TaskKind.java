package cn.duban.supervision.engine;

import java.util.Collection;
import java.util.Optional;

/** 指标 / 项目 / 工作: an economic indicator, a construction or investment project, a work measure. */
public enum TaskKind {
    INDICATOR("指标"),
    PROJECT("项目"),
    WORK("工作");

    private final String chinese;

    TaskKind(String chinese) {
        this.chinese = chinese;
    }

    public String chinese() {
        return chinese;
    }

    /** The kind a word names: {@code PROJECT}, {@code project} or 项目. */
    public static Optional<TaskKind> named(String word) {
        String w = word.strip();
        for (TaskKind kind : values()) {
            if (kind.name().equalsIgnoreCase(w) || kind.chinese.equals(w)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    /**
     * The kind a ledger that does not name one implies (docs/commitments.md): an economic-indicator flag or a growth
     * target makes an indicator, a key-project flag or an investment target a project, anything else a work measure.
     */
    public static TaskKind implied(Collection<String> flags, Collection<TargetType> types, boolean hasInvestment) {
        if (flags.contains("经济指标") || types.contains(TargetType.GROWTH)) {
            return INDICATOR;
        }
        if (flags.contains("重点项目") || hasInvestment || types.contains(TargetType.PROJECT_TOTAL)) {
            return PROJECT;
        }
        return WORK;
    }
}
