package cn.duban.notifier.rest;

import cn.duban.notifier.repository.Silence;
import cn.duban.notifier.service.BusinessTime;
import cn.duban.notifier.service.Silences;
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
import java.time.OffsetDateTime;
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
    BusinessTime time;

    @Inject
    Caller caller;

    public record SilenceView(String id, List<String> matchers, OffsetDateTime startsAt, OffsetDateTime endsAt,
            String comment, String createdBy, OffsetDateTime createdAt, String endedBy, OffsetDateTime endedAt,
            boolean active) {
        static SilenceView of(Silence s, OffsetDateTime now) {
            return new SilenceView(s.id, s.matchers, s.startsAt, s.endsAt, s.comment, s.createdBy, s.createdAt, s.endedBy,
                    s.endedAt, !s.startsAt.isAfter(now) && s.endsAt.isAfter(now));
        }
    }

    public record SilenceList(List<SilenceView> items, int total, OffsetDateTime businessTime) {
    }

    public record AuditView(OffsetDateTime at, String actor, String action, String detail) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Mute notices matching every matcher until endsAt (or for duration, e.g. 2h); business time")
    public Response create(@NotNull Silences.Draft draft) {
        Silence silence = silences.create(draft, caller.name());
        return Response.created(URI.create("/api/notify/silences/" + silence.id)).entity(SilenceView.of(silence, time.now())).build();
    }

    @GET
    @Operation(summary = "Silences not yet over, newest first")
    public SilenceList list() {
        OffsetDateTime now = time.now();
        List<SilenceView> items = silences.notOver().stream().map(s -> SilenceView.of(s, now)).toList();
        return new SilenceList(items, items.size(), now);
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "End a silence now; its record stays")
    public SilenceView end(@PathParam("id") String id) {
        return SilenceView.of(silences.end(id, caller.name()), time.now());
    }

    @GET
    @Path("{id}/audit")
    @Operation(summary = "Who made and ended a silence, and when")
    public List<AuditView> audit(@PathParam("id") String id) {
        return silences.history(id).stream().map(a -> new AuditView(a.at, a.actor, a.action, a.detail)).toList();
    }
}
