package cn.duban.notifier.rest;

import cn.duban.notifier.service.Silences;
import cn.duban.notifier.view.AuditView;
import cn.duban.notifier.view.SilenceList;
import cn.duban.notifier.view.SilenceView;
import cn.duban.platform.security.Caller;
import cn.duban.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** 静默: the office mutes matching notices for a while (business time); every silence is kept with who made and ended it. */
@Path("/api/notify/silences")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.SUPERVISOR)
public class SilenceResource {

    @Inject
    Silences silences;

    @Inject
    Caller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Mute notices matching every matcher until endsAt (or for duration, e.g. 2h); business time")
    public Response create(@NotNull Silences.Draft draft) {
        SilenceView silence = silences.create(draft, caller.name());
        return Response.created(URI.create("/api/notify/silences/" + silence.id())).entity(silence).build();
    }

    @GET
    @Operation(summary = "Silences not yet over, newest first")
    public SilenceList list() {
        return silences.notOver();
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "End a silence now; its record stays")
    public SilenceView end(@PathParam("id") String id) {
        return silences.end(id, caller.name());
    }

    @GET
    @Path("{id}/audit")
    @Operation(summary = "Who made and ended a silence, and when")
    public List<AuditView> audit(@PathParam("id") String id) {
        return silences.history(id);
    }
}
