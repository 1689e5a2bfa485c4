package cn.duban.supervision.view;

import cn.duban.supervision.repository.Notice;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** A 督办通知单 as the API shows it; {@code number} is the path's {number}, {@code documentNumber} the 文号. */
public record NoticeView(String number, String documentNumber, String taskId, String alertId, boolean automatic,
        List<String> units, String late, String requirement, LocalDate replyBy, Notice.State state,
        OffsetDateTime issuedAt, String issuedBy, OffsetDateTime receivedAt, String receivedBy,
        OffsetDateTime repliedAt, String repliedBy, String reply, OffsetDateTime escalatedAt, String escalatedTo,
        String pdf) {

    public static NoticeView of(Notice n) {
        return new NoticeView(n.id, n.documentNumber(), n.taskId, n.alertId, n.automatic, n.units, n.late,
                n.requirement, n.replyBy, n.state, n.trail.issuedAt, n.issuedBy, n.trail.receivedAt, n.trail.receivedBy,
                n.trail.answeredAt, n.trail.answeredBy, n.trail.answer, n.escalatedAt, n.escalatedTo,
                "/api/supervision/tasks/" + n.taskId + "/notices/" + n.id + ".pdf");
    }
}
