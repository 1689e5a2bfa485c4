package cn.duban.supervision.rest;

import cn.duban.platform.rest.Page;
import cn.duban.platform.security.Roles;
import cn.duban.supervision.service.InstructionDesk;
import cn.duban.supervision.service.PaperAccess;
import cn.duban.supervision.service.SupervisionAccess;
import cn.duban.supervision.view.InstructionView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** 领导批示 on a task (docs/papers.md): written by a leader, acknowledged and answered by the units it names. */
@Path("/api/supervision/tasks/{id}/instructions")
@Produces(MediaType.APPLICATION_JSON)
public class InstructionResource {

    @Inject
    InstructionDesk desk;

    @Inject
    SupervisionAccess access;

    @Inject
    PaperAccess paperAccess;

    /** @param assignees the units who must act; empty or absent: the task's own units */
    public record InstructionRequest(@NotBlank @Size(max = 4000) String text,
            @Size(max = 50) List<@NotBlank String> assignees, @NotNull LocalDate dueOn) {
    }

    public record AnswerRequest(@NotBlank @Size(max = 4000) String answer) {
    }

    @RolesAllowed(Roles.LEADER)
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "领导批示: a leader's instruction on a task — text, who must act, by when; tracked until answered")
    public Response issue(@PathParam("id") String id, @Valid @NotNull InstructionRequest body) {
        InstructionView instruction = desk.issue(id, body.text(), body.assignees(), body.dueOn(), access.actor(),
                paperAccess.post());
        return Response.status(Response.Status.CREATED).entity(instruction).build();
    }

    @RolesAllowed({Roles.SUPERVISOR, Roles.LEADER, Roles.SECTOR_REPORTER, Roles.UNIT_REPORTER})
    @GET
    @Operation(summary = "The task's instructions, oldest first")
    public Page<InstructionView> list(@PathParam("id") String id) {
        return Page.all(desk.ofTask(id));
    }

    @RolesAllowed({Roles.SUPERVISOR, Roles.SECTOR_REPORTER, Roles.UNIT_REPORTER})
    @POST
    @Path("/{instructionId}/acknowledge")
    @Operation(summary = "签收: a unit named by the instruction (or answering for the task) confirms it received it")
    public InstructionView acknowledge(@PathParam("id") String id, @PathParam("instructionId") String instructionId) {
        return desk.acknowledge(id, instructionId, access.actor());
    }

    @RolesAllowed({Roles.SUPERVISOR, Roles.SECTOR_REPORTER, Roles.UNIT_REPORTER})
    @POST
    @Path("/{instructionId}/answer")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "办理结果: the units' answer (once; late if after the due date)")
    public InstructionView answer(@PathParam("id") String id, @PathParam("instructionId") String instructionId,
            @Valid @NotNull AnswerRequest body) {
        return desk.answer(id, instructionId, body.answer(), access.actor());
    }
}
