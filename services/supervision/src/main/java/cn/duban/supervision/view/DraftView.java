package cn.duban.supervision.view;

import cn.duban.supervision.draft.DraftTask;
import cn.duban.supervision.draft.ReviewState;
import cn.duban.supervision.repository.LedgerDraft;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** A draft ledger as the office reviews it; task offsets refer to {@code report}. */
public record DraftView(String id, int year, boolean yearFound, String state, String sourceName,
        OffsetDateTime createdAt, String createdBy, OffsetDateTime publishedAt, String publishedBy,
        Map<String, String> published, Counts counts, String report, List<DraftTask> tasks) {

    /** How many tasks are proposed, accepted and rejected. */
    public record Counts(long proposed, long accepted, long rejected) {
        static Counts of(List<DraftTask> tasks) {
            return new Counts(count(tasks, ReviewState.PROPOSED), count(tasks, ReviewState.ACCEPTED),
                    count(tasks, ReviewState.REJECTED));
        }

        private static long count(List<DraftTask> tasks, ReviewState state) {
            return tasks.stream().filter(t -> t.state() == state).count();
        }
    }

    /** A draft in the list of drafts. */
    public record Summary(String id, int year, String state, String sourceName, OffsetDateTime createdAt,
            String createdBy, OffsetDateTime publishedAt, Counts counts) {
        public static Summary of(LedgerDraft d) {
            return new Summary(d.id, d.year, d.state.name(), d.sourceName, d.createdAt, d.createdBy, d.publishedAt,
                    Counts.of(d.tasks));
        }
    }

    public static DraftView of(LedgerDraft d) {
        return new DraftView(d.id, d.year, d.yearFound, d.state.name(), d.sourceName, d.createdAt, d.createdBy,
                d.publishedAt, d.publishedBy, d.published, Counts.of(d.tasks), d.report, d.tasks);
    }
}
