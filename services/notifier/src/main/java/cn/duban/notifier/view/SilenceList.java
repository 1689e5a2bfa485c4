package cn.duban.notifier.view;

import java.time.OffsetDateTime;
import java.util.List;

/** The silences not yet over, with the business time they were judged at. */
public record SilenceList(List<SilenceView> items, int total, OffsetDateTime businessTime) {
}
