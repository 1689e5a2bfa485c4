package cn.duban.testsupport;

import cn.duban.events.Envelope;
import cn.duban.events.Sector;
import cn.duban.events.task.Milestone;
import cn.duban.events.task.TaskAssigned;
import cn.duban.events.task.TaskSnapshot;
import cn.duban.events.task.Target;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/** Tasks a test makes for itself, with ids no other test and no seed ledger uses. */
public final class TestTasks {
    private TestTasks() {
    }

    /** A fresh id of {@code sector}, e.g. 9412-AGR-077: the year 9xxx keeps it apart from real ledgers. */
    public static String newId(Sector sector) {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return (9000 + r.nextInt(1000)) + "-" + sector.code() + "-" + String.format("%03d", r.nextInt(1000));
    }

    /** Like 2022's 6万亩高标准农田: 60000 亩 and 9000 万元, a 开工 milestone, due at year end. */
    public static TaskSnapshot farmland(String id) {
        return new TaskSnapshot(id, 2022, Sector.ofTaskId(id).orElseThrow().id(), "启建6万亩高标准农田",
                "投资9000万元,启建6万亩高标准农田", List.of("一、测试", "挖潜增产促增收"), "县农业农村局",
                List.of("县财政局"), "分管农业农村工作的副县长",
                List.of(new Target("高标准农田", "亩", new BigDecimal("60000")),
                        new Target(Target.INVESTMENT, "万元", new BigDecimal("9000"))),
                List.of(new Milestone("开工", LocalDate.of(2022, 4, 30))), LocalDate.of(2022, 1, 1),
                LocalDate.of(2022, 12, 31), LocalDate.of(2022, 12, 31), "MONTHLY", List.of("重点项目"));
    }

    /** Publishes the task on duban.tasks.v1 as supervision would. */
    public static void assign(TaskSnapshot task) {
        KafkaTestClient.send(Envelope.of("supervision", "test", OffsetDateTime.now(), new TaskAssigned(task)));
    }
}
