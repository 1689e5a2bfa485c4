package cn.duban.supervision.rest;

import cn.duban.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import cn.duban.platform.rest.DubanException;
import cn.duban.text.Languages;
import cn.duban.supervision.repository.Task;
import cn.duban.supervision.service.SupervisionAccess;
import cn.duban.supervision.repository.Alert;
import cn.duban.supervision.service.AlertDesk;
import cn.duban.supervision.service.AlertFeed;
import cn.duban.supervision.service.AlertQueries;
import io.smallrye.mutiny.Multi;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
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
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
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

    /** An alert; {@code mayAcknowledge}: whether the caller may acknowledge it now (the page shows 确认 only then). */
    public record AlertView(String id, String taskId, String rule, String light, String state, int escalationLevel,
            String milestone, String reason, boolean inhibited, List<String> units, OffsetDateTime raisedAt,
            OffsetDateTime acknowledgedAt, String acknowledgedBy, OffsetDateTime resolvedAt, String resolution,
            boolean mayAcknowledge) {
        static AlertView of(Alert a, boolean mayAcknowledge) {
            return new AlertView(a.id, a.taskId, a.rule, a.light, a.state, a.escalationLevel, a.milestone, a.reason,
                    a.inhibited, a.units, a.raisedAt, a.acknowledgedAt, a.acknowledgedBy, a.resolvedAt, a.resolution,
                    mayAcknowledge);
        }

        /**
         * The alert as it stood at {@code at}: what happened later (acknowledgement, resolution) is left out.
         * The escalation level shown is the latest; the audit trail has each escalation with its time.
         * {@code mayAcknowledge} is about now, as the button acts now.
         */
        static AlertView asOf(Alert a, OffsetDateTime at, boolean mayAcknowledge) {
            boolean acknowledged = a.acknowledgedAt != null && !a.acknowledgedAt.isAfter(at);
            boolean resolved = a.resolvedAt != null && !a.resolvedAt.isAfter(at);
            String state = resolved ? Alert.RESOLVED : acknowledged ? Alert.ACKNOWLEDGED : Alert.OPEN;
            return new AlertView(a.id, a.taskId, a.rule, a.light, state, a.escalationLevel, a.milestone, a.reason,
                    a.inhibited, a.units, a.raisedAt, acknowledged ? a.acknowledgedAt : null,
                    acknowledged ? a.acknowledgedBy : null, resolved ? a.resolvedAt : null, resolved ? a.resolution : null,
                    mayAcknowledge);
        }
    }

    public record AlertPage(List<AlertView> items, long total) {
    }

    @RolesAllowed({Roles.SUPERVISOR, Roles.LEADER, Roles.SECTOR_REPORTER, Roles.UNIT_REPORTER})
    @GET
    @Operation(summary = "Alerts (督办单), newest first; unit matches any unit alerted")
    public AlertPage list(@QueryParam("taskId") String taskId, @QueryParam("unit") String unit,
            @QueryParam("state") String state, @QueryParam("light") String light, @QueryParam("rule") String rule,
            @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("50") int size) {
        AlertQueries.Page found = queries.find(new AlertQueries.Filter(taskId, access.unitFilter(unit),
                access.sectorFilter(null), state, light, rule, page, size));
        Map<String, Task> tasks = Task.<Task>list("id in ?1", found.items().stream().map(a -> a.taskId).distinct().toList())
                .stream().collect(Collectors.toMap(t -> t.id, t -> t));
        return new AlertPage(found.items().stream()
                .map(a -> AlertView.of(a, access.mayAcknowledge(a, tasks.get(a.taskId)))).toList(), found.total());
    }

    @RolesAllowed({Roles.SUPERVISOR, Roles.LEADER, Roles.SECTOR_REPORTER, Roles.UNIT_REPORTER})
    @POST
    @Path("/{id}/acknowledge")
    @Operation(summary = "The responsible unit acknowledges an alert; reminders stop, escalation goes on until resolved")
    public AlertView acknowledge(@PathParam("id") String id) {
        Alert alert = Alert.<Alert>findByIdOptional(id).orElseThrow(() -> DubanException.notFound("没有预警 %s", "no alert %s", id));
        Task task = Task.findById(alert.taskId);
        access.checkMayAcknowledge(alert, task);
        Alert acknowledged = desk.acknowledge(id, access.actor());
        return AlertView.of(acknowledged, access.mayAcknowledge(acknowledged, task));
    }

    @RolesAllowed({Roles.SUPERVISOR, Roles.LEADER, Roles.SECTOR_REPORTER, Roles.UNIT_REPORTER})
    @GET
    @Path("/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "Live alert notices (SSE): raised, escalated, acknowledged, resolved, reminders; ?unit= for one "
            + "unit; reporters get their own sector's or unit's. Each notice has an id; Last-Event-ID resumes after it; "
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
