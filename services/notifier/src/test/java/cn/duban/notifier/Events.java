package cn.duban.notifier;

import cn.duban.events.Envelope;
import cn.duban.events.alert.AlertAcknowledged;
import cn.duban.events.alert.AlertEscalated;
import cn.duban.events.alert.AlertRaised;
import cn.duban.events.alert.AlertResolved;
import cn.duban.events.task.Milestone;
import cn.duban.events.task.Target;
import cn.duban.events.task.TaskAssigned;
import cn.duban.events.task.TaskSnapshot;
import cn.duban.testsupport.KafkaTestClient;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/** Supervision's events, as supervision publishes them, put on the test broker. Each test makes its own tasks. */
public final class Events {
    public static final ZoneOffset SHANGHAI = ZoneOffset.ofHours(8);

    private Events() {
    }

    /** A fresh task id of a sector, e.g. 2031-AGR-4821 (year 2031 so it never meets the seed ledger). */
    public static String taskId(String code) {
        return "2031-" + code + "-" + (1000 + Math.abs(UUID.randomUUID().hashCode() % 9000));
    }

    public static void assign(String taskId, String sector, String title, LocalDate deadline, String leadUnit,
            List<String> coUnits, String leader, OffsetDateTime at) {
        TaskSnapshot task = new TaskSnapshot(taskId, 2031, sector, title, title + "（原文）", List.of(), leadUnit, coUnits, leader,
                List.of(new Target("高标准农田", "亩", new BigDecimal("60000"))),
                List.of(new Milestone("试运行", deadline.minusMonths(1))), deadline.minusMonths(6), deadline, deadline, "MONTHLY", List.of());
        KafkaTestClient.send(Envelope.of("supervision", "system", at, new TaskAssigned(task)));
    }

    public static String raise(String taskId, String rule, String light, List<String> units, String reason, OffsetDateTime at) {
        String alertId = "AL-" + UUID.randomUUID();
        KafkaTestClient.send(Envelope.of("supervision", "system", at,
                new AlertRaised(alertId, taskId, rule, light, null, 1, units, reason, false, at)));
        return alertId;
    }

    public static void escalate(String alertId, String taskId, String rule, int level, String to, OffsetDateTime at) {
        KafkaTestClient.send(Envelope.of("supervision", "system", at, new AlertEscalated(alertId, taskId, rule, level, to, at)));
    }

    public static void acknowledge(String alertId, String taskId, String by, OffsetDateTime at) {
        KafkaTestClient.send(Envelope.of("supervision", by, at, new AlertAcknowledged(alertId, taskId, by, at)));
    }

    public static void resolve(String alertId, String taskId, String rule, OffsetDateTime at) {
        KafkaTestClient.send(Envelope.of("supervision", "system", at, new AlertResolved(alertId, taskId, rule, "情况已消除", at)));
    }

    /** Sets the notifier's business time: an event stamped {@code at} (the resolve of an alert nobody heard of). */
    public static void clockTo(OffsetDateTime at) {
        resolve("AL-clock-" + UUID.randomUUID(), "2031-AGR-0001", "DUE_SOON", at);
    }

    public static OffsetDateTime now() {
        return OffsetDateTime.now(SHANGHAI);
    }

    private static final java.time.Instant STARTED = java.time.Instant.now();
    private static final OffsetDateTime TEN_TODAY = java.time.LocalDate.now(SHANGHAI).atTime(10, 0).atOffset(SHANGHAI);

    /**
     * A business time in office hours that runs on with the wall clock: today 10:00 in Shanghai plus the time since the
     * tests began. Robots keep quiet at night, so a test that is not about quiet hours must not depend on when it runs.
     */
    public static OffsetDateTime daytime() {
        return TEN_TODAY.plus(java.time.Duration.between(STARTED, java.time.Instant.now()));
    }
}
