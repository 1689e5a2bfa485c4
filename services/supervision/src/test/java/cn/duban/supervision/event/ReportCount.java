package cn.duban.supervision.event;

import cn.duban.supervision.repository.ProgressReport;
import io.quarkus.narayana.jta.QuarkusTransaction;

/** How many reports supervision stored for a task, straight from its database. */
final class ReportCount {
    private ReportCount() {
    }

    static long of(String taskId) {
        return QuarkusTransaction.requiringNew().call(() -> ProgressReport.count("taskId", taskId));
    }
}
