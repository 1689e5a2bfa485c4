package cn.duban.supervision.engine;

import java.util.Objects;

/**
 * The recorded facts a unit's score is computed from, for one period.
 *
 * @param led           tasks the unit leads (牵头)
 * @param coLed         tasks the unit works on as a co-unit (配合); they weigh less, see {@link ScoreWeights#coLedShare()}
 * @param reportsDue    monthly progress reports that fell due
 * @param reportsOnTime of those, the ones in by the due day
 * @param escalations   escalations of the unit's alerts (to level 2 or 3) in the period
 */
public record UnitFacts(String unit, TaskCounts led, TaskCounts coLed, int reportsDue, int reportsOnTime, int escalations) {

    public UnitFacts {
        Objects.requireNonNull(unit, "unit");
        led = led == null ? TaskCounts.none() : led;
        coLed = coLed == null ? TaskCounts.none() : coLed;
        if (reportsDue < 0 || reportsOnTime < 0 || escalations < 0) {
            throw new IllegalArgumentException(unit + ": counts cannot be negative");
        }
        if (reportsOnTime > reportsDue) {
            throw new IllegalArgumentException(unit + ": " + reportsOnTime + " reports on time of " + reportsDue + " due");
        }
    }

    public int tasksLed() {
        return led.tasks();
    }

    public int tasksCoLed() {
        return coLed.tasks();
    }
}
