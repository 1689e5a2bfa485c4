package cn.duban.notifier.rest;

import cn.duban.notifier.service.DirectMessages;
import cn.duban.platform.security.Caller;
import cn.duban.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * A message to named receivers, not routed: how the office — or supervision for it, e.g. the weekly 督查通报 to the
 * leaders' mailbox with the bulletin attached — asks the notifier to send something. docs/notifier.md, "Sending a
 * message of your own".
 */
@Path("/api/notify/messages")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.SUPERVISOR)
public class MessageResource {

    @Inject
    DirectMessages messages;

    @Inject
    Caller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Send a message to named receivers: {receivers, subject, body, link, attachments[{name, contentType, content}]}")
    public Response send(@NotNull DirectMessages.Request request, @HeaderParam("Idempotency-Key") String idempotencyKey) {
        return Response.accepted(messages.send(request, idempotencyKey, caller.name())).build();
    }
}
