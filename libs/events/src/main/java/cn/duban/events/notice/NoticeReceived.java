package cn.duban.events.notice;

import cn.duban.events.Checks;
import cn.duban.events.EventPayload;
import java.time.OffsetDateTime;
import java.util.List;

/** 签收: a unit of the task confirmed it received the notice. */
public record NoticeReceived(String noticeNumber, String taskId, OffsetDateTime receivedAt, String receivedBy)
        implements EventPayload {

    @Override
    public List<String> violations() {
        return Checks.of(this).required("noticeNumber", noticeNumber).required("taskId", taskId)
                .required("receivedAt", receivedAt).result();
    }
}
