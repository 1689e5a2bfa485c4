package cn.duban.sectorkit.service;

import cn.duban.events.Quantities;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The bodies of the department API's POSTs. */
public final class Requests {
    private Requests() {
    }

    @Schema(description = "进度反馈. Figures are cumulative, in the task's target units; investment in 万元; "
            + "percent only where the task has no quantity. A correction names the report it corrects and why.")
    public record Progress(
            @NotNull @Schema(example = "2022-09-30") LocalDate asOf,
            @Size(max = 50) List<@NotNull @Valid Figure> figures,
            @PositiveOrZero @Schema(example = "1200", maximum = Quantities.MAX_TEXT,
                    description = "万元, cumulative; at most 15 digits before the decimal point and 4 after it")
            BigDecimal investment,
            @Min(0) @Max(100) Integer percent,
            @Size(max = 20) List<@NotBlank @Size(max = 100) String> milestonesReached,
            @Size(max = 4000) @Schema(example = "已完成高标准农田6000亩") String narrative,
            @Size(max = 4000) String problems,
            @Size(max = 4000) String nextSteps,
            @Size(max = 20) List<@NotBlank @Size(max = 2000) String> evidence,
            Boolean completed,
            @Size(max = 200) @Schema(description = "the reporting unit; defaults to the task's lead unit") String unit,
            @Size(max = 100) String correctionOf,
            @Size(max = 1000) String correctionReason,
            @Schema(description = "true to confirm a figure far above its target (over 150%)") Boolean confirmed) {
    }

    public record Figure(
            @NotBlank @Size(max = 100) @Schema(example = "高标准农田") String metric,
            @NotNull @PositiveOrZero @Schema(example = "6000", maximum = Quantities.MAX_TEXT,
                    description = "cumulative, in the target's unit; at most 15 digits before the decimal point and 4 after it")
            BigDecimal value) {
    }

    @Schema(description = "签收: the unit confirms it received the task")
    public record Acknowledge(@Size(max = 200) String unit) {
    }

    @Schema(description = "延期申请: a later deadline and why; the office decides")
    public record Extension(
            @NotNull @Schema(example = "2022-12-31") LocalDate requestedDeadline,
            @NotBlank @Size(max = 2000) String reason,
            @Size(max = 200) String unit) {
    }

    @Schema(description = "办结申请: the unit says the task is done; the office verifies")
    public record CompletionClaim(
            @NotNull LocalDate completedOn,
            @Size(max = 4000) String narrative,
            @Size(max = 20) List<@NotBlank @Size(max = 2000) String> evidence,
            @Size(max = 200) String unit) {
    }

    /** 202 answers: the id of what was accepted and of the event that carries it. */
    public record ReportAccepted(String reportId, String eventId) {
    }

    public record Acknowledged(String taskId, String unit, String eventId) {
    }

    public record ExtensionAccepted(String requestId, String eventId) {
    }

    public record ClaimAccepted(String claimId, String eventId) {
    }
}
