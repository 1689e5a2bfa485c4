package cn.duban.events.bulletin;

import cn.duban.events.Checks;
import cn.duban.events.EventPayload;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * 督查通报: the weekly bulletin for {@code period} is out, for the county's leaders. The documents are not in the
 * event (a claim check): {@code pdf} and {@code docx} are paths under supervision's API (through the gateway) that a
 * receiver with a leader's or the office's token downloads.
 *
 * <p>The one event that concerns the whole ledger rather than one task: its key and {@code ce_subject} are
 * {@code bulletin-<period>} (see {@link #taskId()}); the sector services' inboxes, which take events of their own
 * sector's task ids, leave it alone.
 *
 * @param totals the headline figures of the bulletin, so a message can say them without the document
 */
public record BulletinIssued(String period, LocalDate asOf, String title, Totals totals, String pdf, String docx,
        String audience, OffsetDateTime issuedAt) implements EventPayload {

    /** Tasks in the ledger and by light; overdue and completed ones; and the change in red since the last period. */
    public record Totals(int tasks, int green, int yellow, int red, int overdue, int completed, int redChange) {
    }

    /** Not a task: the bulletin's subject and Kafka key, {@code bulletin-2022-W23}. */
    @Override
    public String taskId() {
        return period == null ? null : "bulletin-" + period;
    }

    @Override
    public List<String> violations() {
        return Checks.of(this).required("period", period).required("asOf", asOf).required("title", title)
                .required("totals", totals).required("pdf", pdf).required("docx", docx)
                .required("issuedAt", issuedAt).result();
    }
}
