package cn.duban.supervision.rest;

import cn.duban.platform.rest.Page;
import cn.duban.platform.security.Roles;
import cn.duban.supervision.repository.OfficeDecision;
import cn.duban.supervision.service.OfficeDecisions;
import cn.duban.supervision.view.DecisionView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The supervision office's workflows: extension approvals and completion verification. Deciding is the office's;
 * leaders may read the requests too.
 */
@RolesAllowed(Roles.SUPERVISOR)
@Path("/api/supervision")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OfficeResource {
    @Inject
    OfficeDecisions decisions;

    public record Decision(@Size(max = 2000) String reason) {
    }

    @RolesAllowed({Roles.SUPERVISOR, Roles.LEADER})
    @GET
    @Path("/extensions")
    @Operation(summary = "Extension requests (延期申请), by state (PENDING, APPROVED, REJECTED)")
    public Page<DecisionView.Extension> extensions(
            @Parameter(schema = @Schema(implementation = OfficeDecision.State.class)) @QueryParam("state") String state,
            @QueryParam("taskId") String taskId) {
        return decisions.extensions(state, taskId);
    }

    @POST
    @Path("/extensions/{id}/approve")
    @Operation(summary = "Approve: the requested date becomes the deadline; the original deadline stays visible")
    public DecisionView.Extension approve(@PathParam("id") String id, @Valid Decision body) {
        return decisions.decideExtension(id, OfficeDecision.State.APPROVED, body == null ? null : body.reason());
    }

    @POST
    @Path("/extensions/{id}/reject")
    @Operation(summary = "Reject, with a reason")
    public DecisionView.Extension reject(@PathParam("id") String id, @Valid @NotNull Decision body) {
        return decisions.decideExtension(id, OfficeDecision.State.REJECTED, body.reason());
    }

    @RolesAllowed({Roles.SUPERVISOR, Roles.LEADER})
    @GET
    @Path("/completions")
    @Operation(summary = "Completion claims (办结申请), by state (PENDING, VERIFIED, REJECTED)")
    public Page<DecisionView.Completion> completions(
            @Parameter(schema = @Schema(implementation = OfficeDecision.State.class)) @QueryParam("state") String state,
            @QueryParam("taskId") String taskId) {
        return decisions.completions(state, taskId);
    }

    @POST
    @Path("/completions/{id}/verify")
    @Operation(summary = "Verify (销号): the task becomes COMPLETED, or COMPLETED_LATE if claimed after its deadline")
    public DecisionView.Completion verify(@PathParam("id") String id, @Valid Decision body) {
        return decisions.decideCompletion(id, OfficeDecision.State.VERIFIED, body == null ? null : body.reason());
    }

    @POST
    @Path("/completions/{id}/reject")
    @Operation(summary = "Reject a completion claim, with a reason")
    public DecisionView.Completion rejectClaim(@PathParam("id") String id, @Valid @NotNull Decision body) {
        return decisions.decideCompletion(id, OfficeDecision.State.REJECTED, body.reason());
    }
}
