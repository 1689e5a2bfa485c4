package cn.duban.supervision.rest;

import cn.duban.platform.rest.Page;
import cn.duban.platform.security.Roles;
import cn.duban.supervision.service.AlertDesk;
import cn.duban.supervision.service.SupervisionAccess;
import cn.duban.supervision.service.TaskQueries;
import cn.duban.supervision.view.TaskView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import cn.duban.supervision.engine.Light;
import cn.duban.supervision.engine.TaskStatus;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

@Path("/api/supervision/tasks")
@Produces(MediaType.APPLICATION_JSON)
public class TaskResource {

    @Inject
    TaskQueries queries;

    @Inject
    AlertDesk alerts;

    @Inject
    SupervisionAccess access;

    @RolesAllowed({Roles.SUPERVISOR, Roles.LEADER, Roles.SECTOR_REPORTER, Roles.UNIT_REPORTER})
    @GET
    @Operation(summary = "Tasks of the ledger, filtered and paged (pages count from 0)")
    public Page<TaskView.Summary> list(@QueryParam("sector") String sector, @QueryParam("unit") String unit,
            @Parameter(schema = @Schema(implementation = TaskStatus.class)) @QueryParam("status") String status,
            @Parameter(schema = @Schema(implementation = Light.class)) @QueryParam("light") String light,
            @Parameter(description = "searched in the title and the original text, e.g. 武庙") @QueryParam("q") String q,
            @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("20") int size) {
        return queries.page(new TaskQueries.Filter(sector, unit, status, light, q, page, size));
    }

    @RolesAllowed({Roles.SUPERVISOR, Roles.LEADER, Roles.SECTOR_REPORTER, Roles.UNIT_REPORTER})
    @GET
    @Path("/{id}")
    @Operation(summary = "One task: assignment, targets, milestones, progress history, status; asOf recomputes a past date",
            description = "kind is INDICATOR, PROJECT or WORK (指标/项目/工作); each target has type (AMOUNT, LEVEL, CEILING, "
                    + "GROWTH, PROJECT_TOTAL, SCOPE), strength (MUST 确保 / STRIVE 力争) and baseline (基数, null if none), "
                    + "which decide how it counts in progress.percent (docs/commitments.md)")
    public TaskView.Detail get(@PathParam("id") String id,
            @Parameter(description = "recompute status as of the end of this date (Asia/Shanghai), from the reports made by then")
            @QueryParam("asOf") LocalDate asOf) {
        return queries.detail(id, asOf);
    }

    public record ReminderRequest(@NotBlank @Size(max = 2000) String message) {
    }

    @RolesAllowed(Roles.SUPERVISOR)
    @POST
    @Path("/{id}/reminders")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "催办: remind the task's units, with a message")
    public TaskView.ReminderView remind(@PathParam("id") String id, @Valid @NotNull ReminderRequest body) {
        return alerts.remind(id, body.message(), access.actor());
    }
}
