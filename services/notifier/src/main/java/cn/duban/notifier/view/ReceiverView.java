package cn.duban.notifier.view;

import cn.duban.notifier.repository.Receiver;
import java.time.OffsetDateTime;
import java.util.List;

/** A receiver as shown: no secret, only whether it has one; a robot's URL with its tokens masked. */
public record ReceiverView(String name, String kind, String url, List<String> to, boolean hasSecret, String language,
        boolean provisioned, OffsetDateTime createdAt, String createdBy, OffsetDateTime updatedAt, String updatedBy) {

    public static ReceiverView of(Receiver r) {
        return new ReceiverView(r.name, r.kind.id(), r.urlShown, r.recipients, r.secretSealed != null, r.language,
                r.provisioned, r.createdAt, r.createdBy, r.updatedAt, r.updatedBy);
    }
}
