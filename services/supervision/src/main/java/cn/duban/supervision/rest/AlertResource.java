package cn.duban.supervision.rest;

import cn.duban.supervision.view.AlertFilter;
import cn.duban.platform.rest.PageRequest;
import jakarta.ws.rs.BeanParam;
import cn.duban.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import cn.duban.platform.rest.Page;
import cn.duban.text.Languages;
import cn.duban.supervision.service.SupervisionAccess;
import cn.duban.supervision.view.AlertView;
import cn.duban.supervision.service.AlertDesk;
import cn.duban.supervision.service.AlertFeed;
import cn.duban.supervision.service.AlertQueries;
import io.smallrye.mutiny.Multi;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/api/supervision/alerts")
@Produces(MediaType.APPLICATION_JSON)
public class AlertResource {

    @Inject
    AlertDesk desk;

    @Inject
    AlertFeed feed;

    @Inject
    SupervisionAccess access;

    @Inject
    AlertQueries queries;

    @RolesAllowed({Roles.SUPERVISOR, Roles.LEADER, Roles.SECTOR_REPORTER, Roles.UNIT_REPORTER})
    @GET
    @Operation(summary = "Alerts (督办单), newest first; unit matches any unit alerted")
    public Page<AlertView> list(@BeanParam AlertFilter filter, @BeanParam PageRequest page) {
        return queries.page(filter, page);
    }

    @RolesAllowed({Roles.SUPERVISOR, Roles.LEADER, Roles.SECTOR_REPORTER, Roles.UNIT_REPORTER})
    @POST
    @Path("/{id}/acknowledge")
    @Operation(summary = "The responsible unit acknowledges an alert; reminders stop, escalation goes on until resolved")
    public AlertView acknowledge(@PathParam("id") String id) {
        return desk.acknowledge(id);
    }

    @RolesAllowed({Roles.SUPERVISOR, Roles.LEADER, Roles.SECTOR_REPORTER, Roles.UNIT_REPORTER})
    @GET
    @Path("/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "Live alert notices (SSE): raised, escalated, acknowledged, resolved, reminders; ?unit= for one "
            + "unit; reporters get their own sector's or unit's. Each notice has an id, as have a fresh stream's opening "
            + "comment (its start) and a resync; Last-Event-ID resumes after it; "
            + "heartbeat comments while quiet; the stream ends when the token expires (docs/api.md)")
    public Multi<OutboundSseEvent> stream(@QueryParam("unit") String unit,
            @HeaderParam(HttpHeaders.LAST_EVENT_ID_HEADER) String lastEventId,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage, @Context Sse sse) {
        Locale language = Languages.preferred(acceptLanguage);
        var units = access.noticeUnits(unit);
        var tasks = access.noticeTasks();
        return feed.stream(n -> units.test(n.units()) && tasks.test(n.taskId()), Optional.ofNullable(lastEventId),
                access.tokenExpiresAt()).map(item -> StreamEvents.of(sse, item, language));
    }
}
