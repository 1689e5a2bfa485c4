package cn.duban.supervision.rest;

import cn.duban.platform.rest.Page;
import cn.duban.platform.security.Roles;
import cn.duban.supervision.draft.DraftTask;
import cn.duban.supervision.draft.ReportFiles;
import cn.duban.supervision.service.LedgerDrafts;
import cn.duban.supervision.service.SupervisionAccess;
import cn.duban.supervision.view.DraftView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * Draft ledgers (docs/drafts.md): a new year's report in, a draft of its tasks out, reviewed and published by the
 * supervision office only.
 */
@Path("/api/supervision/ledger/drafts")
@RolesAllowed(Roles.SUPERVISOR)
@Produces(MediaType.APPLICATION_JSON)
public class LedgerDraftResource {

    @Inject
    LedgerDrafts drafts;

    @Inject
    SupervisionAccess access;

    /** Pasted text, as JSON. */
    public record PastedReport(String text, String name, Integer year) {
    }

    public record Keys(List<String> keys) {
    }

    public record SplitAt(Integer at) {
    }

    @POST
    @Consumes({MediaType.TEXT_PLAIN, ReportFiles.DOCX, ReportFiles.PDF})
    @Operation(summary = "Draft a ledger from a report: plain text (UTF-8), .docx or PDF; every drafted field is "
            + "proposed and quotes the words it came from")
    public Response draftFile(byte[] body, @Context HttpHeaders headers, @Context UriInfo uri,
            @Parameter(description = "the report's name, e.g. its file name") @QueryParam("name") String name,
            @Parameter(description = "the year of the plan; default the year the plan's heading names")
            @QueryParam("year") Integer year) {
        MediaType type = headers.getMediaType();
        String media = type == null ? MediaType.TEXT_PLAIN : type.getType() + "/" + type.getSubtype();
        return created(drafts.create(body, media, name, year, access.actor()), uri);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Draft a ledger from pasted text: {\"text\", \"name\", \"year\"}")
    public Response draftPasted(PastedReport body, @Context UriInfo uri) {
        PastedReport report = body == null ? new PastedReport(null, null, null) : body;
        return created(drafts.create(report.text(), report.name(), report.year(), access.actor()), uri);
    }

    private static Response created(DraftView view, UriInfo uri) {
        return Response.created(uri.getAbsolutePathBuilder().path(view.id()).build()).entity(view).build();
    }

    @GET
    @Operation(summary = "Every draft, newest first, without its report and tasks")
    public Page<DraftView.Summary> list() {
        return Page.all(drafts.list());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A draft: its report's text and every drafted task with the words each field came from")
    public DraftView get(@PathParam("id") String id) {
        return drafts.view(id);
    }

    @PUT
    @Path("/{id}/tasks/{key}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Edit a drafted task; the fields given become the office's (CONFIRMED)")
    public DraftTask edit(@PathParam("id") String id, @PathParam("key") String key, LedgerDrafts.TaskEdit edit) {
        return drafts.edit(id, key, edit);
    }

    @POST
    @Path("/{id}/tasks/{key}/accept")
    @Operation(summary = "Accept a drafted task as it stands")
    public DraftTask accept(@PathParam("id") String id, @PathParam("key") String key) {
        return drafts.accept(id, key);
    }

    @POST
    @Path("/{id}/tasks/{key}/reject")
    @Operation(summary = "Leave a drafted task out of the ledger")
    public DraftTask reject(@PathParam("id") String id, @PathParam("key") String key) {
        return drafts.reject(id, key);
    }

    @POST
    @Path("/{id}/accept")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Accept the tasks named in {\"keys\"}, or every task still proposed if none are named")
    public DraftView acceptAll(@PathParam("id") String id, Keys body) {
        return drafts.acceptAll(id, body == null ? null : body.keys());
    }

    @POST
    @Path("/{id}/merge")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Merge {\"keys\"} into one task covering their words, drafted again")
    public DraftTask merge(@PathParam("id") String id, Keys body) {
        return drafts.merge(id, body == null ? null : body.keys());
    }

    @POST
    @Path("/{id}/tasks/{key}/split")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Split a task in two at {\"at\"}, an offset in the report inside the task's words")
    public List<DraftTask> split(@PathParam("id") String id, @PathParam("key") String key, SplitAt body) {
        return drafts.split(id, key, body == null ? null : body.at());
    }

    @POST
    @Path("/{id}/publish")
    @Operation(summary = "Publish the accepted tasks through the ordinary ledger import, all or nothing")
    public LedgerDrafts.Published publish(@PathParam("id") String id) {
        return drafts.publish(id, access.actor());
    }
}
