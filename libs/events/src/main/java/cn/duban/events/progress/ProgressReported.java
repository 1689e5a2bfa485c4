package cn.duban.events.progress;

import cn.duban.events.Checks;
import cn.duban.events.EventPayload;
import com.fasterxml.jackson.annotation.JsonCreator;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * 进度反馈: a unit reported where a task stands on {@code asOf}. Figures are cumulative. A correction
 * names the report it corrects in {@code correctionOf}; the original stays on record. {@code evidence} names what
 * backs the report (evidence ids, or the links department systems sent before files could be uploaded);
 * {@code evidenceFiles} describes each uploaded file among them (added later: an event without it has none).
 */
public record ProgressReported(
        String reportId,
        String taskId,
        String sector,
        String unit,
        LocalDate asOf,
        List<Figure> figures,
        BigDecimal investment,
        Integer percent,
        List<String> milestonesReached,
        String narrative,
        String problems,
        String nextSteps,
        List<String> evidence,
        boolean completed,
        OffsetDateTime reportedAt,
        String reportedBy,
        String correctionOf,
        String correctionReason,
        List<EvidenceFile> evidenceFiles) implements EventPayload {

    @JsonCreator
    public ProgressReported {
        figures = figures == null ? List.of() : List.copyOf(figures);
        milestonesReached = milestonesReached == null ? List.of() : List.copyOf(milestonesReached);
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
        evidenceFiles = evidenceFiles == null ? List.of() : List.copyOf(evidenceFiles);
    }

    /** A report without uploaded files (links only, or no evidence at all). */
    public ProgressReported(String reportId, String taskId, String sector, String unit, LocalDate asOf,
            List<Figure> figures, BigDecimal investment, Integer percent, List<String> milestonesReached,
            String narrative, String problems, String nextSteps, List<String> evidence, boolean completed,
            OffsetDateTime reportedAt, String reportedBy, String correctionOf, String correctionReason) {
        this(reportId, taskId, sector, unit, asOf, figures, investment, percent, milestonesReached, narrative, problems,
                nextSteps, evidence, completed, reportedAt, reportedBy, correctionOf, correctionReason, List.of());
    }

    @Override
    public List<String> violations() {
        Checks checks = Checks.of(this)
                .required("reportId", reportId)
                .required("taskId", taskId)
                .required("unit", unit)
                .required("asOf", asOf)
                .required("reportedAt", reportedAt)
                .notNegative("investment", investment)
                .quantity("investment", investment)
                .that(percent == null || (percent >= 0 && percent <= 100), "percent must be within 0..100")
                .that(correctionOf == null || correctionReason != null, "a correction needs a correctionReason");
        figures.forEach(f -> checks.required("figures.metric", f.metric()).required("figures.value", f.value())
                .notNegative("figures.value", f.value()).quantity("figures.value", f.value()));
        evidenceFiles.forEach(e -> checks.required("evidenceFiles.id", e.id()).required("evidenceFiles.sha256", e.sha256()));
        return checks.result();
    }
}
