package cn.duban.supervision.rest;

import cn.duban.supervision.view.TaskFilter;
import cn.duban.platform.rest.PageRequest;
import jakarta.ws.rs.BeanParam;
import cn.duban.platform.rest.Page;
import cn.duban.platform.security.Roles;
import cn.duban.supervision.ledger.MonthlyPlan;
import cn.duban.supervision.ledger.Provenance;
import cn.duban.supervision.service.AlertDesk;
import cn.duban.supervision.service.SupervisionAccess;
import cn.duban.supervision.service.TaskPlans;
import cn.duban.supervision.service.TaskProvenance;
import cn.duban.supervision.service.TaskQueries;
import cn.duban.supervision.view.TaskView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** Changing the ledger is the office's; what others may read says so itself. */
@RolesAllowed(Roles.SUPERVISOR)
@Path("/api/supervision/tasks")
@Produces(MediaType.APPLICATION_JSON)
public class TaskResource {

    @Inject
    TaskQueries queries;

    @Inject
    AlertDesk alerts;

    @Inject
    SupervisionAccess access;

    @Inject
    TaskPlans plans;

    @Inject
    TaskProvenance provenance;

    @RolesAllowed({Roles.SUPERVISOR, Roles.LEADER, Roles.SECTOR_REPORTER, Roles.UNIT_REPORTER})
    @GET
    @Operation(summary = "Tasks of the ledger, filtered and paged (pages count from 0)")
    public Page<TaskView.Summary> list(@BeanParam TaskFilter filter, @BeanParam PageRequest page,
            @Parameter(description = "go on after this task id (the last of the page before) instead of a page number: "
                    + "any depth, e.g. PY2022-AGR-003") @QueryParam("after") String after) {
        return queries.page(filter, page, after);
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

    /** {@code months}: [{"month": "2022-06", "percent": 50}, ...], cumulative; empty clears the plan. */
    public record PlanRequest(@NotNull List<MonthlyPlan.Month> months) {
    }

    @PUT
    @Path("/{id}/plan")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "分月计划: set the task's monthly plan (cumulative percent by the end of each month); empty clears it")
    public TaskView.PlanView setPlan(@PathParam("id") String id, @Valid @NotNull PlanRequest body) {
        return plans.set(id, body.months());
    }

    /** {@code value}: the office's value for the field; absent or null confirms the field as it stands. */
    public record Confirmation(JsonNode value) {
    }

    @PUT
    @Path("/{id}/provenance/{field}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "The office confirms (or replaces) an assignment field the report does not state: leadUnit, "
            + "coUnits, leader, deadline, plannedStart or reportingCycle; it is CONFIRMED from then on")
    public Map<String, Provenance.Field> confirm(@PathParam("id") String id, @PathParam("field") String field,
            Confirmation body) {
        return provenance.confirm(id, field, body == null ? null : body.value());
    }

    public record ReminderRequest(@NotBlank @Size(max = 2000) String message) {
    }

    @POST
    @Path("/{id}/reminders")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "催办: remind the task's units, with a message")
    public TaskView.ReminderView remind(@PathParam("id") String id, @Valid @NotNull ReminderRequest body) {
        return alerts.remind(id, body.message(), access.actor());
    }
}
