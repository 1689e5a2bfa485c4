package cn.duban.supervision.rest;

import cn.duban.platform.security.Roles;
import cn.duban.supervision.service.ClockControl;
import cn.duban.supervision.service.Reevaluation;
import cn.duban.supervision.service.TaskPublication;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * The office's administration: the business clock (reading it is always allowed; moving it exists only in the demo
 * profile), the whole-ledger re-evaluations it queues, and publishing every task's snapshot again.
 */
@Path("/api/supervision/admin")
@Produces(MediaType.APPLICATION_JSON)
public class AdminResource {

    @Inject
    ClockControl clock;

    @Inject
    TaskPublication publication;

    public record Republished(int tasks) {
    }

    public record MoveClock(@NotNull OffsetDateTime now) {
    }

    @RolesAllowed({Roles.SUPERVISOR, Roles.LEADER, Roles.SECTOR_REPORTER, Roles.UNIT_REPORTER})
    @GET
    @Path("/clock")
    @Operation(summary = "The business clock (Asia/Shanghai) and the latest re-evaluation of the ledger")
    public ClockControl.ClockView get() {
        return clock.view();
    }

    @RolesAllowed(Roles.SUPERVISOR)
    @POST
    @Path("/clock")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Demo profile only: move the business clock; the whole ledger's re-evaluation is queued "
            + "(202; follow it at /api/supervision/admin/evaluations/{id})")
    @APIResponse(responseCode = "202", description = "moved; the re-evaluation is queued",
            content = @Content(schema = @Schema(implementation = ClockControl.ClockView.class)))
    public Response move(@Valid @NotNull MoveClock body) {
        return Response.accepted(clock.move(body.now())).build();
    }

    @RolesAllowed({Roles.SUPERVISOR, Roles.LEADER, Roles.SECTOR_REPORTER, Roles.UNIT_REPORTER})
    @GET
    @Path("/evaluations/{id}")
    @Operation(summary = "One re-evaluation of the whole ledger: QUEUED, RUNNING, DONE, FAILED or SKIPPED (a scheduled run another replica had made), with its counts")
    public Reevaluation.Run evaluation(@PathParam("id") long id) {
        return clock.evaluation(id);
    }

    @RolesAllowed(Roles.SUPERVISOR)
    @POST
    @Path("/republish")
    @Operation(summary = "Publish every task's current snapshot onto duban.tasks.v1 again (after the broker lost its "
            + "data, or to rebuild a sector service); supervision also does it by itself on a new Kafka cluster")
    @APIResponse(responseCode = "202", description = "the snapshots are in the outbox, on their way to the broker",
            content = @Content(schema = @Schema(implementation = Republished.class)))
    public Response republish() {
        return Response.accepted(new Republished(publication.republishByOffice())).build();
    }
}
