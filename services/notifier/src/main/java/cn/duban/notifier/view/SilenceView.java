package cn.duban.notifier.view;

import cn.duban.notifier.repository.Silence;
import java.time.OffsetDateTime;
import java.util.List;

/** A silence (静默) and whether it mutes now, in business time. */
public record SilenceView(String id, List<String> matchers, OffsetDateTime startsAt, OffsetDateTime endsAt,
        String comment, String createdBy, OffsetDateTime createdAt, String endedBy, OffsetDateTime endedAt,
        boolean active) {

    public static SilenceView of(Silence s, OffsetDateTime now) {
        return new SilenceView(s.id, s.matchers, s.startsAt, s.endsAt, s.comment, s.createdBy, s.createdAt, s.endedBy,
                s.endedAt, !s.startsAt.isAfter(now) && s.endsAt.isAfter(now));
    }
}
