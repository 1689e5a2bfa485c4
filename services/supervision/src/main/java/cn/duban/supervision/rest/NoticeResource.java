package cn.duban.supervision.rest;

import cn.duban.platform.rest.Page;
import cn.duban.platform.security.Roles;
import cn.duban.supervision.service.NoticeDesk;
import cn.duban.supervision.service.Papers;
import cn.duban.supervision.service.SupervisionAccess;
import cn.duban.supervision.view.NoticeView;
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
import org.eclipse.microprofile.openapi.annotations.Operation;

/** 督办通知单 on a task (docs/papers.md): issued by the office, received and answered (回执) by the task's units. */
@Path("/api/supervision/tasks/{id}/notices")
@Produces(MediaType.APPLICATION_JSON)
public class NoticeResource {

    @Inject
    NoticeDesk desk;

    @Inject
    Papers papers;

    @Inject
    SupervisionAccess access;

    public record IssueRequest(@NotBlank @Size(max = 2000) String late, @NotBlank @Size(max = 2000) String requirement,
            LocalDate replyBy) {
    }

    public record ReplyRequest(@NotBlank @Size(max = 4000) String reply) {
    }

    @RolesAllowed(Roles.SUPERVISOR)
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Issue a 督办通知单: what is late, the requirement, the 时限 (replyBy; default 5 days); numbered "
            + "per year (〔2022〕第N号) without gap or repeat")
    public Response issue(@PathParam("id") String id, @Valid @NotNull IssueRequest body) {
        NoticeView notice = desk.issue(id, body.late(), body.requirement(), body.replyBy(), access.actor());
        return Response.status(Response.Status.CREATED).entity(notice).build();
    }

    @RolesAllowed({Roles.SUPERVISOR, Roles.LEADER, Roles.SECTOR_REPORTER, Roles.UNIT_REPORTER})
    @GET
    @Operation(summary = "The task's notices, oldest first")
    public Page<NoticeView> list(@PathParam("id") String id) {
        return Page.all(desk.ofTask(id));
    }

    @RolesAllowed({Roles.SUPERVISOR, Roles.LEADER, Roles.SECTOR_REPORTER, Roles.UNIT_REPORTER})
    @GET
    @Path("/{number}")
    @Operation(summary = "One notice, e.g. 2022-7")
    public NoticeView get(@PathParam("id") String id, @PathParam("number") String number) {
        return desk.view(id, number);
    }

    @RolesAllowed({Roles.SUPERVISOR, Roles.LEADER, Roles.SECTOR_REPORTER, Roles.UNIT_REPORTER})
    @GET
    @Path("/{number}.pdf")
    @Produces(Papers.PDF)
    @Operation(summary = "The notice as printed (PDF, Chinese fonts embedded), with its 回执 once replied")
    public Response pdf(@PathParam("id") String id, @PathParam("number") String number) {
        return PaperResource.download(papers.notice(id, number));
    }

    @RolesAllowed({Roles.SUPERVISOR, Roles.SECTOR_REPORTER, Roles.UNIT_REPORTER})
    @POST
    @Path("/{number}/receive")
    @Operation(summary = "签收: a unit of the task confirms it received the notice (once; again changes nothing)")
    public NoticeView receive(@PathParam("id") String id, @PathParam("number") String number) {
        return desk.receive(id, number, access.actor());
    }

    @RolesAllowed({Roles.SUPERVISOR, Roles.SECTOR_REPORTER, Roles.UNIT_REPORTER})
    @POST
    @Path("/{number}/reply")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "回执: the unit's reply, from the phone app or a department system (once; late if after the 时限)")
    public NoticeView reply(@PathParam("id") String id, @PathParam("number") String number,
            @Valid @NotNull ReplyRequest body) {
        return desk.reply(id, number, body.reply(), access.actor());
    }
}
