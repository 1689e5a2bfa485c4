package cn.duban.events.notice;

import cn.duban.events.Checks;
import cn.duban.events.EventPayload;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** No reply by the notice's 时限: it escalates to the task's responsible leader ({@code escalatedTo}). */
public record NoticeOverdue(String noticeNumber, String taskId, List<String> units, LocalDate replyBy,
        String escalatedTo, OffsetDateTime escalatedAt) implements EventPayload {

    public NoticeOverdue {
        units = units == null ? List.of() : List.copyOf(units);
    }

    @Override
    public List<String> violations() {
        return Checks.of(this).required("noticeNumber", noticeNumber).required("taskId", taskId)
                .required("replyBy", replyBy).required("escalatedAt", escalatedAt).result();
    }
}
