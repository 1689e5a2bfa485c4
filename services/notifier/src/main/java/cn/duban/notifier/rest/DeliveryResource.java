package cn.duban.notifier.rest;

import cn.duban.notifier.service.Deliveries;
import cn.duban.notifier.view.DeliveryView;
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
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The delivery log: which messages carried an alert, where they went, every attempt and the receiver's answer. */
@Path("/api/notify/deliveries")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.SUPERVISOR)
public class DeliveryResource {

    @Inject
    Deliveries deliveries;

    @GET
    @Operation(summary = "Messages that carried an alert (alertId) or reminder, or the latest ones (of a receiver), with every attempt")
    public Page<DeliveryView> list(@QueryParam("alertId") String alertId, @QueryParam("receiver") String receiver,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return Page.all(deliveries.find(blankToNull(alertId), blankToNull(receiver), size));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
