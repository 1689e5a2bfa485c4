package cn.duban.sectorkit.rest;

import cn.duban.platform.rest.DubanException;
import cn.duban.platform.rest.Page;
import cn.duban.platform.security.Roles;
import cn.duban.sectorkit.config.SectorConfig;
import cn.duban.sectorkit.service.Requests;
import cn.duban.sectorkit.service.SectorAccess;
import cn.duban.sectorkit.service.SectorDesk;
import cn.duban.sectorkit.service.SectorQueries;
import cn.duban.sectorkit.view.InboxView.TaskItem;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The department API of one sector service: its units' assigned tasks, and what they submit on them.
 * Every POST accepts an {@code Idempotency-Key} header: a retry with the same key counts once.
 */
@Path("/api/{sector}/tasks")
@Produces(MediaType.APPLICATION_JSON)
public class SectorTaskResource {
    private static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    @Inject
    SectorConfig config;

    @Inject
    SectorDesk desk;

    @Inject
    SectorQueries queries;

    @Inject
    SectorAccess access;

    @PathParam("sector")
    @Parameter(description = "this service's sector, e.g. agriculture")
    String sector;

    @GET
    @RolesAllowed({Roles.SUPERVISOR, Roles.LEADER, Roles.SECTOR_REPORTER, Roles.UNIT_REPORTER})
    @Operation(summary = "Tasks assigned to this sector's units; with unit, those it leads or co-leads")
    public Page<TaskItem> list(@QueryParam("unit") String unit) {
        checkSector();
        return Page.all(queries.tasks(unit));
    }

    @GET
    @RolesAllowed({Roles.SUPERVISOR, Roles.LEADER, Roles.SECTOR_REPORTER, Roles.UNIT_REPORTER})
    @Path("/{id}")
    @Operation(summary = "One assigned task")
    public TaskItem get(@PathParam("id") String id) {
        checkSector();
        return queries.task(id);
    }

    @POST
    @RolesAllowed({Roles.SECTOR_REPORTER, Roles.UNIT_REPORTER})
    @Path("/{id}/progress")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Post a progress report (进度反馈) or a correction; 202 with the report and event ids")
    public Response report(@PathParam("id") String id, @Valid @NotNull Requests.Progress body,
            @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey) {
        checkSector();
        return accepted(desk.report(id, body, idempotencyKey, access.actor()));
    }

    @POST
    @RolesAllowed({Roles.SECTOR_REPORTER, Roles.UNIT_REPORTER})
    @Path("/{id}/acknowledge")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Acknowledge an assignment (签收)")
    public Response acknowledge(@PathParam("id") String id, @Valid Requests.Acknowledge body,
            @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey) {
        checkSector();
        return accepted(desk.acknowledge(id, body, idempotencyKey, access.actor()));
    }

    @POST
    @RolesAllowed({Roles.SECTOR_REPORTER, Roles.UNIT_REPORTER})
    @Path("/{id}/extension-requests")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Ask the office for a later deadline (延期申请)")
    public Response requestExtension(@PathParam("id") String id, @Valid @NotNull Requests.Extension body,
            @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey) {
        checkSector();
        return accepted(desk.requestExtension(id, body, idempotencyKey, access.actor()));
    }

    @POST
    @RolesAllowed({Roles.SECTOR_REPORTER, Roles.UNIT_REPORTER})
    @Path("/{id}/completion-claims")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Claim the task is complete (办结申请); the office verifies")
    public Response claimCompletion(@PathParam("id") String id, @Valid @NotNull Requests.CompletionClaim body,
            @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey) {
        checkSector();
        return accepted(desk.claimCompletion(id, body, idempotencyKey, access.actor()));
    }

    /** The sector in the path must be this service's; shared with {@link SectorAlertResource}. */
    static void checkSector(SectorConfig config, String sector) {
        if (!config.name().equals(sector)) {
            throw DubanException.notFound("这里是 %s 服务；%s 的地址是 /api/%s", "this is the %s service; %s is served at /api/%s",
                    config.name(), sector, sector);
        }
    }

    private void checkSector() {
        checkSector(config, sector);
    }

    private static Response accepted(Object answer) {
        return Response.accepted(answer).build();
    }
}
