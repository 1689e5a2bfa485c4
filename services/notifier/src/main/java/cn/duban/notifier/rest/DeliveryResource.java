package cn.duban.notifier.rest;

import cn.duban.notifier.repository.DeliveryAttempt;
import cn.duban.notifier.service.Deliveries;
import cn.duban.platform.rest.Page;
import cn.duban.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The delivery log: which messages carried an alert, where they went, every attempt and the receiver's answer. */
@Path("/api/notify/deliveries")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.SUPERVISOR)
public class DeliveryResource {

    @Inject
    Deliveries deliveries;

    public record AttemptView(OffsetDateTime at, String outcome, Integer statusCode, String answer, long durationMs) {
        static AttemptView of(DeliveryAttempt a) {
            return new AttemptView(a.attemptedAt, a.outcome.name(), a.statusCode, a.answer, a.durationMs);
        }
    }

    public record DeliveryView(String messageId, String receiver, String kind, String title, List<String> notices,
            String status, int attempts, OffsetDateTime createdAt, OffsetDateTime nextAttemptAt, OffsetDateTime sentAt,
            String lastError, List<AttemptView> log) {
        static DeliveryView of(Deliveries.Delivery d) {
            var m = d.message();
            return new DeliveryView(m.id, d.receiver() == null ? null : d.receiver().name,
                    d.receiver() == null ? null : d.receiver().kind.id(), m.content.title(), m.noticeIds, m.status.name(),
                    m.attempts, m.createdAt, m.status == cn.duban.notifier.repository.OutboundMessage.Status.PENDING
                            ? m.nextAttemptAt : null, m.sentAt, m.lastError,
                    d.attempts().stream().map(AttemptView::of).toList());
        }
    }

    @GET
    @Operation(summary = "Messages that carried an alert (alertId) or reminder, or the latest ones (of a receiver), with every attempt")
    public Page<DeliveryView> list(@QueryParam("alertId") String alertId, @QueryParam("receiver") String receiver,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return Page.all(deliveries.find(blankToNull(alertId), blankToNull(receiver), size).stream()
                .map(DeliveryView::of).toList());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
