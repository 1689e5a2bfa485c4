package cn.duban.supervision.engine;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Optional;

/**
 * How a target is judged (目标类型, docs/commitments.md): the one place that says, per type, what progress and "met"
 * mean, what is planned on a date and whether the target counts towards the task's percent at all.
 *
 * <p>Percentages are unrounded, 0..100; {@code planned} is the share of the task's planned curve reached on the date
 * (0..1, from {@link PlannedCurve}). A target whose {@link #donePercent} is empty is left out of the task's percent
 * on both sides (done and planned), so it can neither make a task look ahead nor make it lag.
 */
public enum TargetType {
    /** 累计量: an amount to add over the period (投资9000万元, 6万亩), counted from the baseline already done. */
    AMOUNT("累计量") {
        @Override
        public Optional<BigDecimal> donePercent(TargetFacts t) {
            return Optional.of(t.reported() == null ? BigDecimal.ZERO : percent(t.reported().subtract(t.start()), t.value()));
        }

        @Override
        public Optional<Boolean> isMet(TargetFacts t) {
            return Optional.of(t.reported() != null && t.reported().subtract(t.start()).compareTo(t.value()) >= 0);
        }

        @Override
        public Optional<BigDecimal> plannedValue(TargetFacts t, BigDecimal planned) {
            return Optional.of(t.start().add(t.value().multiply(planned)));
        }
    },
    /**
     * 达到值: a level to reach (a floor), e.g. 环保绩效B级一半以上; from the baseline, if any, up to the value. Without a
     * baseline nobody knows where the level stood (严守76万亩耕地红线 is held, not built from zero), so it counts only
     * from its first reported figure, as a limit or a rate does.
     */
    LEVEL("达到值") {
        @Override
        public Optional<BigDecimal> donePercent(TargetFacts t) {
            if (t.reported() == null) {
                return t.baseline() == null ? Optional.empty() : Optional.of(BigDecimal.ZERO);
            }
            BigDecimal rise = t.value().subtract(t.start());
            if (rise.signum() <= 0) { // already at the level when the year began: holding it is all
                return Optional.of(isMet(t).orElseThrow() ? HUNDRED : BigDecimal.ZERO);
            }
            return Optional.of(percent(t.reported().subtract(t.start()), rise));
        }

        @Override
        public Optional<Boolean> isMet(TargetFacts t) {
            return Optional.of(t.reported() != null && t.reported().compareTo(t.value()) >= 0);
        }

        @Override
        public Optional<BigDecimal> plannedValue(TargetFacts t, BigDecimal planned) {
            BigDecimal rise = t.value().subtract(t.start()).max(BigDecimal.ZERO);
            return Optional.of(t.value().min(t.start().add(rise.multiply(planned))));
        }
    },
    /** 上限: a limit not to pass all year (失业率控制在4.5%以内): inside it is met, over it is a RED finding. */
    CEILING("上限") {
        @Override
        public Optional<BigDecimal> donePercent(TargetFacts t) {
            return t.reported() == null ? Optional.empty() : Optional.of(isMet(t).orElseThrow() ? HUNDRED : BigDecimal.ZERO);
        }

        @Override
        public Optional<Boolean> isMet(TargetFacts t) {
            return t.reported() == null ? Optional.empty() : Optional.of(t.reported().compareTo(t.value()) <= 0);
        }

        @Override
        public Optional<BigDecimal> plannedValue(TargetFacts t, BigDecimal planned) {
            return Optional.of(t.value());
        }
    },
    /**
     * 增长率: a growth rate in % over last year (地区生产总值增长8%), reported as the rate so far (累计同比). A rate does
     * not accumulate: at or above the target rate is on track on any date, below it earns the share reached.
     */
    GROWTH("增长率") {
        @Override
        public Optional<BigDecimal> donePercent(TargetFacts t) {
            return t.reported() == null ? Optional.empty() : Optional.of(percent(t.reported(), t.value()));
        }

        @Override
        public Optional<Boolean> isMet(TargetFacts t) {
            return t.reported() == null ? Optional.empty() : Optional.of(t.reported().compareTo(t.value()) >= 0);
        }

        @Override
        public Optional<BigDecimal> plannedValue(TargetFacts t, BigDecimal planned) {
            return Optional.of(t.value());
        }
    },
    /** 总投资: a multi-year project's total, context only: never progress, never met, never late. */
    PROJECT_TOTAL("总投资"),
    /**
     * 范围: the size of what is started or pushed on (启动涉及10个乡镇的供水保障工程), not a quantity to complete; the
     * task is judged by its milestones instead ({@link Progress}).
     */
    SCOPE("范围");

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final String chinese;

    TargetType(String chinese) {
        this.chinese = chinese;
    }

    public String chinese() {
        return chinese;
    }

    // A type that does not override these (a project total, a scope) is no quantity: never counted, met or planned.

    /** How much of this target is done, 0..100 (over-fulfilment does not make up for another target); empty: not counted. */
    public Optional<BigDecimal> donePercent(TargetFacts target) {
        return Optional.empty();
    }

    /** Whether the target is met by what was reported; empty when the type has no such verdict or nothing is reported. */
    public Optional<Boolean> isMet(TargetFacts target) {
        return Optional.empty();
    }

    /** The value planned by a date in the target's unit, given the planned share (0..1) of the task's curve then. */
    public Optional<BigDecimal> plannedValue(TargetFacts target, BigDecimal planned) {
        return Optional.empty();
    }

    /**
     * The planned percent of a counted target given the task curve's planned percent: an amount or a level follows
     * the curve; a limit or a rate holds from the first day, so it is planned whole.
     */
    public BigDecimal plannedPercent(BigDecimal curvePercent) {
        return switch (this) {
            case AMOUNT, LEVEL -> curvePercent;
            case CEILING, GROWTH -> HUNDRED;
            case PROJECT_TOTAL, SCOPE -> BigDecimal.ZERO;
        };
    }

    /** Whether the target waits for its first figure before it counts: a limit, a rate, a level with no baseline. */
    public boolean awaitsFirstFigure(TargetFacts target) {
        return target.reported() == null
                && (this == CEILING || this == GROWTH || this == LEVEL && target.baseline() == null);
    }

    /** Whether a task whose targets are all of this kind (or left out) is judged by its milestones. */
    public boolean judgedByMilestones() {
        return this == SCOPE;
    }

    /** The type a Chinese or English word names: {@code CEILING}, {@code ceiling} or 上限. */
    public static Optional<TargetType> named(String word) {
        String w = word.strip();
        for (TargetType type : values()) {
            if (type.name().equalsIgnoreCase(w) || type.chinese.equals(w)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    private static BigDecimal percent(BigDecimal part, BigDecimal whole) {
        if (part.signum() <= 0) {
            return BigDecimal.ZERO;
        }
        return part.multiply(HUNDRED).divide(whole, MathContext.DECIMAL64).min(HUNDRED);
    }
}
