package cn.duban.events.notice;

import cn.duban.events.Checks;
import cn.duban.events.EventPayload;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * 督办通知单: the office issued a numbered formal notice on a task, by hand or because an alert reached the office's
 * level; the units must reply (回执) by {@code replyBy}.
 *
 * @param noticeNumber   year and number, e.g. {@code 2022-7} (the path's {number})
 * @param documentNumber the 文号 as printed, e.g. {@code 〔2022〕第7号}
 * @param alertId        the escalated alert it was issued for; null when issued by hand
 */
public record NoticeIssued(String noticeNumber, String documentNumber, String taskId, String alertId, boolean automatic,
        List<String> units, String late, String requirement, LocalDate replyBy, OffsetDateTime issuedAt,
        String issuedBy) implements EventPayload {

    public NoticeIssued {
        units = units == null ? List.of() : List.copyOf(units);
    }

    @Override
    public List<String> violations() {
        return Checks.of(this).required("noticeNumber", noticeNumber).required("documentNumber", documentNumber)
                .required("taskId", taskId).required("late", late).required("requirement", requirement)
                .required("replyBy", replyBy).required("issuedAt", issuedAt).result();
    }
}
