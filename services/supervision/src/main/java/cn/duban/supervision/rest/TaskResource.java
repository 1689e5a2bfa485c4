package cn.duban.supervision.rest;

import cn.duban.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import cn.duban.supervision.service.SupervisionAccess;
import cn.duban.platform.rest.DubanException;
import cn.duban.supervision.repository.ProgressReport;
import cn.duban.supervision.repository.Task;
import cn.duban.supervision.service.BusinessClock;
import cn.duban.supervision.service.TaskEvaluation;
import cn.duban.supervision.service.TaskQueries;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import cn.duban.supervision.repository.Reminder;
import cn.duban.supervision.service.AlertDesk;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

@Path("/api/supervision/tasks")
@Produces(MediaType.APPLICATION_JSON)
public class TaskResource {

    @Inject
    TaskQueries queries;

    @Inject
    TaskEvaluation evaluation;

    @Inject
    BusinessClock clock;

    @Inject
    AlertDesk alerts;

    @Inject
    SupervisionAccess access;

    public record TaskPage(List<TaskView.Summary> items, long total) {
    }

    @RolesAllowed({Roles.SUPERVISOR, Roles.LEADER, Roles.SECTOR_REPORTER, Roles.UNIT_REPORTER})
    @GET
    @Operation(summary = "Tasks of the ledger, filtered and paged (pages count from 0)")
    public TaskPage list(@QueryParam("sector") String sector, @QueryParam("unit") String unit,
            @QueryParam("status") String status, @QueryParam("light") String light,
            @Parameter(description = "searched in the title and the original text, e.g. 武庙") @QueryParam("q") String q,
            @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("20") int size) {
        TaskQueries.Page result = queries.find(access.scoped(new TaskQueries.Filter(sector, unit, status, light, q, page, size)));
        return new TaskPage(result.items().stream().map(TaskView.Summary::of).toList(), result.total());
    }

    @RolesAllowed({Roles.SUPERVISOR, Roles.LEADER, Roles.SECTOR_REPORTER, Roles.UNIT_REPORTER})
    @GET
    @Path("/{id}")
    @Transactional
    @Operation(summary = "One task: assignment, targets, milestones, progress history, status; asOf recomputes a past date")
    public TaskView.Detail get(@PathParam("id") String id,
            @Parameter(description = "recompute status as of the end of this date (Asia/Shanghai), from the reports made by then")
            @QueryParam("asOf") LocalDate asOf) {
        Task task = Task.findById(id);
        if (task == null) {
            throw DubanException.notFound("台账中没有任务 %s", "no task %s in the ledger", id);
        }
        access.checkMayRead(task);
        List<ProgressReport> reports = ProgressReport.ofTask(id);
        if (asOf == null) {
            return TaskView.detail(task, evaluation.evaluateAt(task, clock.instant()), reports,
                    alert -> access.mayAcknowledge(alert, task));
        }
        var at = asOf.plusDays(1).atStartOfDay(BusinessClock.ZONE).minusNanos(1).toInstant();
        List<ProgressReport> then = reports.stream().filter(r -> !r.asOf.isAfter(asOf)).toList();
        return TaskView.detail(task, evaluation.evaluateAt(task, at), then, alert -> access.mayAcknowledge(alert, task));
    }

    public record ReminderRequest(@NotBlank @Size(max = 2000) String message) {
    }

    @RolesAllowed(Roles.SUPERVISOR)
    @POST
    @Path("/{id}/reminders")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "催办: remind the task's units, with a message")
    public Reminder remind(@PathParam("id") String id, @Valid @NotNull ReminderRequest body) {
        return alerts.remind(id, body.message(), access.actor());
    }
}
