package cn.duban.supervision.rest;

import cn.duban.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import cn.duban.supervision.service.SupervisionAccess;
import cn.duban.supervision.repository.CompletionClaim;
import cn.duban.supervision.repository.ExtensionRequest;
import cn.duban.supervision.service.OfficeDecisions;
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
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The supervision office's workflows: extension approvals and completion verification. */
@Path("/api/supervision")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OfficeResource {
    @Inject
    OfficeDecisions decisions;

    @Inject
    SupervisionAccess access;

    public record Decision(@Size(max = 2000) String reason) {
    }

    public record Page<T>(List<T> items, long total) {
    }

    @RolesAllowed({Roles.SUPERVISOR, Roles.LEADER})
    @GET
    @Path("/extensions")
    @Operation(summary = "Extension requests (延期申请), by state (PENDING, APPROVED, REJECTED)")
    public Page<ExtensionRequest> extensions(@QueryParam("state") String state, @QueryParam("taskId") String taskId) {
        List<ExtensionRequest> items = ExtensionRequest.matching(state, taskId);
        return new Page<>(items, items.size());
    }

    @RolesAllowed(Roles.SUPERVISOR)
    @POST
    @Path("/extensions/{id}/approve")
    @Operation(summary = "Approve: the requested date becomes the deadline; the original deadline stays visible")
    public ExtensionRequest approve(@PathParam("id") String id, @Valid Decision body) {
        return decisions.approveExtension(id, body == null ? null : body.reason(), access.actor());
    }

    @RolesAllowed(Roles.SUPERVISOR)
    @POST
    @Path("/extensions/{id}/reject")
    @Operation(summary = "Reject, with a reason")
    public ExtensionRequest reject(@PathParam("id") String id, @Valid @NotNull Decision body) {
        return decisions.rejectExtension(id, body.reason(), access.actor());
    }

    @RolesAllowed({Roles.SUPERVISOR, Roles.LEADER})
    @GET
    @Path("/completions")
    @Operation(summary = "Completion claims (办结申请), by state (PENDING, VERIFIED, REJECTED)")
    public Page<CompletionClaim> completions(@QueryParam("state") String state, @QueryParam("taskId") String taskId) {
        List<CompletionClaim> items = CompletionClaim.matching(state, taskId);
        return new Page<>(items, items.size());
    }

    @RolesAllowed(Roles.SUPERVISOR)
    @POST
    @Path("/completions/{id}/verify")
    @Operation(summary = "Verify (销号): the task becomes COMPLETED, or COMPLETED_LATE if claimed after its deadline")
    public CompletionClaim verify(@PathParam("id") String id, @Valid Decision body) {
        return decisions.verifyCompletion(id, body == null ? null : body.reason(), access.actor());
    }

    @RolesAllowed(Roles.SUPERVISOR)
    @POST
    @Path("/completions/{id}/reject")
    @Operation(summary = "Reject a completion claim, with a reason")
    public CompletionClaim rejectClaim(@PathParam("id") String id, @Valid @NotNull Decision body) {
        return decisions.rejectCompletion(id, body.reason(), access.actor());
    }
}
