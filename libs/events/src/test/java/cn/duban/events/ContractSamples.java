package cn.duban.events;

import cn.duban.events.alert.AlertAcknowledged;
import cn.duban.events.alert.AlertEscalated;
import cn.duban.events.alert.AlertRaised;
import cn.duban.events.alert.AlertResolved;
import cn.duban.events.alert.ReminderSent;
import cn.duban.events.bulletin.BulletinIssued;
import cn.duban.events.instruction.InstructionAcknowledged;
import cn.duban.events.instruction.InstructionAnswered;
import cn.duban.events.instruction.InstructionIssued;
import cn.duban.events.instruction.InstructionOverdue;
import cn.duban.events.notice.NoticeIssued;
import cn.duban.events.notice.NoticeOverdue;
import cn.duban.events.notice.NoticeReceived;
import cn.duban.events.notice.NoticeReplied;
import cn.duban.events.progress.AssignmentAcknowledged;
import cn.duban.events.progress.CompletionClaimed;
import cn.duban.events.progress.EvidenceFile;
import cn.duban.events.progress.ExtensionRequested;
import cn.duban.events.progress.Figure;
import cn.duban.events.progress.ProgressReported;
import cn.duban.events.task.Milestone;
import cn.duban.events.task.TaskAssigned;
import cn.duban.events.task.TaskClosed;
import cn.duban.events.task.TaskSnapshot;
import cn.duban.events.task.TaskUpdated;
import cn.duban.events.task.Target;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** One valid, fully filled payload of every event type, as the services publish them. */
final class ContractSamples {
    static final OffsetDateTime AT = OffsetDateTime.parse("2022-06-01T09:00:00+08:00");
    static final String TASK = "2022-AGR-003";

    private ContractSamples() {
    }

    static TaskSnapshot task() {
        return new TaskSnapshot(TASK, 2022, "agriculture", "新建高标准农田6万亩", "新建高标准农田6万亩,年底前完成",
                List.of("一、聚焦乡村振兴"), "县农业农村局", List.of("县财政局"), "分管农业农村工作的副县长",
                List.of(new Target("高标准农田", "亩", new BigDecimal("60000"))),
                List.of(new Milestone("开工", LocalDate.of(2022, 4, 30))), LocalDate.of(2022, 1, 1),
                LocalDate.of(2022, 12, 31), LocalDate.of(2022, 12, 31), "MONTHLY", List.of("民生实事"));
    }

    static EvidenceFile evidence() {
        return new EvidenceFile("EV-1", "现场.jpg", "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                "image/jpeg", 183_000, AT.minusDays(3), new EvidenceFile.Place(37.2, 112.18), false);
    }

    static EventPayload of(EventType type) {
        return switch (type) {
            case TASK_ASSIGNED -> new TaskAssigned(task());
            case TASK_UPDATED -> new TaskUpdated(task(), "extension approved");
            case TASK_CLOSED -> new TaskClosed(TASK, "COMPLETED", LocalDate.of(2022, 11, 30), task());
            case PROGRESS_REPORTED -> new ProgressReported("r-1", TASK, "agriculture", "县农业农村局",
                    LocalDate.of(2022, 5, 31), List.of(new Figure("高标准农田", new BigDecimal("6000"))),
                    new BigDecimal("1200.5"), 10, List.of("开工"), "已完成6000亩", "资金到位慢", "加快施工",
                    List.of("https://example.org/photo-1.jpg", "EV-1"), false, AT, "alice", "r-0", "数字有误",
                    List.of(evidence()));
            case ASSIGNMENT_ACKNOWLEDGED -> new AssignmentAcknowledged(TASK, "县农业农村局", AT, "alice");
            case EXTENSION_REQUESTED -> new ExtensionRequested("x-1", TASK, "县农业农村局", LocalDate.of(2023, 3, 31),
                    "雨季停工", AT, "alice");
            case COMPLETION_CLAIMED -> new CompletionClaimed("c-1", TASK, "县农业农村局", LocalDate.of(2022, 11, 20),
                    "全部建成", List.of("验收报告.pdf", "EV-1"), AT, "alice", List.of(evidence()));
            case ALERT_RAISED -> new AlertRaised("a-1", TASK, "MILESTONE_OVERDUE", "RED", "开工", 1,
                    List.of("县农业农村局"), "开工 was due 2022-04-30", false, AT);
            case ALERT_ESCALATED -> new AlertEscalated("a-1", TASK, "MILESTONE_OVERDUE", 2, "分管农业农村工作的副县长", AT);
            case ALERT_ACKNOWLEDGED -> new AlertAcknowledged("a-1", TASK, "alice", AT);
            case ALERT_RESOLVED -> new AlertResolved("a-1", TASK, "MILESTONE_OVERDUE", "开工 reached", AT);
            case REMINDER_SENT -> new ReminderSent("m-1", TASK, "a-1", List.of("县农业农村局"), "请尽快开工", false, AT,
                    "system");
            case NOTICE_ISSUED -> new NoticeIssued("2022-7", "〔2022〕第7号", TASK, "a-1", true, List.of("县农业农村局"),
                    "开工节点已逾期", "请于5日内报送整改措施", LocalDate.of(2022, 6, 6), AT, "system");
            case NOTICE_RECEIVED -> new NoticeReceived("2022-7", TASK, AT, "alice");
            case NOTICE_REPLIED -> new NoticeReplied("2022-7", TASK, "县农业农村局", "已落实施工队伍", false, AT, "alice");
            case NOTICE_OVERDUE -> new NoticeOverdue("2022-7", TASK, List.of("县农业农村局"), LocalDate.of(2022, 6, 6),
                    "分管农业农村工作的副县长", AT);
            case INSTRUCTION_ISSUED -> new InstructionIssued("i-1", TASK, "请加快进度，月底前报结果", "leader",
                    "分管农业农村工作的副县长", List.of("县农业农村局"), LocalDate.of(2022, 6, 30), AT);
            case INSTRUCTION_ACKNOWLEDGED -> new InstructionAcknowledged("i-1", TASK, AT, "alice");
            case INSTRUCTION_ANSWERED -> new InstructionAnswered("i-1", TASK, "已完成3万亩", false, AT, "alice");
            case INSTRUCTION_OVERDUE -> new InstructionOverdue("i-1", TASK, List.of("县农业农村局"),
                    LocalDate.of(2022, 6, 30), "leader", AT);
            case BULLETIN_ISSUED -> new BulletinIssued("2022-W23", LocalDate.of(2022, 6, 12),
                    "督查通报（2022年第23周）", new BulletinIssued.Totals(177, 150, 20, 7, 3, 1, 2),
                    "/api/supervision/bulletins/2022-W23.pdf?asOf=2022-06-12",
                    "/api/supervision/bulletins/2022-W23.docx?asOf=2022-06-12", "leaders", AT);
        };
    }
}
