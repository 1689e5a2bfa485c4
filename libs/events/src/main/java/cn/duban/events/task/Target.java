package cn.duban.events.task;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.math.BigDecimal;

/** A quantity a task must reach, e.g. 高标准农田 60000 亩, or 投资 9000 万元. */
public record Target(String metric, String unit, BigDecimal value) {

    /** Investment targets are reported in the report's {@code investment} field rather than as a figure. */
    public static final String INVESTMENT = "投资";

    @JsonIgnore
    public boolean isInvestment() {
        return INVESTMENT.equals(metric);
    }
}
