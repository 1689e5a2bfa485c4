package cn.duban.events.progress;

import java.math.BigDecimal;

/** A cumulative figure against one of the task's targets, in the target's unit. */
public record Figure(String metric, BigDecimal value) {
}
