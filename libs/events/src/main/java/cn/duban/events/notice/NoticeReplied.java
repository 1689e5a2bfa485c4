package cn.duban.events.notice;

import cn.duban.events.Checks;
import cn.duban.events.EventPayload;
import java.time.OffsetDateTime;
import java.util.List;

/** 回执: the unit answered the notice; {@code late} when after its 时限 (the notice had become overdue). */
public record NoticeReplied(String noticeNumber, String taskId, String unit, String reply, boolean late,
        OffsetDateTime repliedAt, String repliedBy) implements EventPayload {

    @Override
    public List<String> violations() {
        return Checks.of(this).required("noticeNumber", noticeNumber).required("taskId", taskId)
                .required("reply", reply).required("repliedAt", repliedAt).result();
    }
}
