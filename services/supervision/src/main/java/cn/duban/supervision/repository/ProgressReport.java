package cn.duban.supervision.repository;

import cn.duban.events.progress.EvidenceFile;
import cn.duban.events.progress.Figure;
import cn.duban.events.progress.ProgressReported;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.jpa.HibernateHints;
import org.hibernate.type.SqlTypes;

/** A progress report as a unit sent it; corrections are further reports naming the one they correct. */
@Entity
@Table(name = "progress_report")
public class ProgressReport extends PanacheEntityBase {
    @Id
    public String reportId;
    public String eventId;
    public String taskId;
    public String sector;
    public String unit;
    public LocalDate asOf;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<Figure> figures;
    public BigDecimal investment;
    public Integer percent;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> milestonesReached;
    public String narrative;
    public String problems;
    public String nextSteps;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> evidence;
    public boolean completed;
    public OffsetDateTime reportedAt;
    public String reportedBy;
    public String correctionOf;
    public String correctionReason;
    public OffsetDateTime receivedAt;
    /** The uploaded files among {@link #evidence}, as the sector service read them. */
    @JdbcTypeCode(SqlTypes.JSON)
    public List<EvidenceFile> evidenceFiles;

    public static ProgressReport of(String eventId, ProgressReported r, OffsetDateTime receivedAt) {
        ProgressReport report = new ProgressReport();
        report.reportId = r.reportId();
        report.eventId = eventId;
        report.taskId = r.taskId();
        report.sector = r.sector();
        report.unit = r.unit();
        report.asOf = r.asOf();
        report.figures = r.figures();
        report.investment = r.investment();
        report.percent = r.percent();
        report.milestonesReached = r.milestonesReached();
        report.narrative = r.narrative();
        report.problems = r.problems();
        report.nextSteps = r.nextSteps();
        report.evidence = r.evidence();
        report.completed = r.completed();
        report.reportedAt = r.reportedAt();
        report.reportedBy = r.reportedBy();
        report.correctionOf = r.correctionOf();
        report.correctionReason = r.correctionReason();
        report.receivedAt = receivedAt;
        report.evidenceFiles = r.evidenceFiles();
        return report;
    }

    /** The task's reports, newest first: by as-of date, then by when they were made (a correction wins). */
    public static List<ProgressReport> ofTask(String taskId) {
        return list("taskId = ?1 order by asOf desc, reportedAt desc", taskId);
    }

    /** The reports of each of {@code taskIds}, newest first as in {@link #ofTask}, in one query. */
    public static Map<String, List<ProgressReport>> ofTasks(Collection<String> taskIds) {
        // Read-only: evaluation never changes a report, and Hibernate then keeps no snapshot of its JSON columns.
        return ProgressReport.<ProgressReport>find("taskId in ?1 order by taskId, asOf desc, reportedAt desc", taskIds)
                .withHint(HibernateHints.HINT_READ_ONLY, true).list()
                .stream().collect(Collectors.groupingBy(r -> r.taskId));
    }

    /** Which of {@code reportIds} are stored, in one query (a batch of events would otherwise ask once each). */
    public static Set<String> knownOf(Collection<String> reportIds) {
        if (reportIds.isEmpty()) {
            return new HashSet<>();
        }
        return new HashSet<>(getEntityManager().createQuery(
                "select r.reportId from ProgressReport r where r.reportId in ?1", String.class)
                .setParameter(1, reportIds).getResultList());
    }
}
