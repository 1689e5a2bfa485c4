package cn.duban.notifier.rest;

import cn.duban.notifier.service.ReceiverDraft;
import cn.duban.notifier.service.Receivers;
import cn.duban.notifier.view.ReceiverView;
import cn.duban.platform.rest.Page;
import cn.duban.platform.security.Caller;
import cn.duban.platform.security.Roles;
import com.fasterxml.jackson.annotation.JsonFormat;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The office's receivers. Secrets are write-only: never returned; a robot's URL comes back with its tokens masked. */
@Path("/api/notify/receivers")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.SUPERVISOR)
public class ReceiverResource {

    @Inject
    Receivers receivers;

    @Inject
    Caller caller;

    /** A receiver as the office writes it: {@code "url"} for robots and webhooks, {@code "to"} for mail. */
    public record ReceiverBody(String name, String kind, String url,
            @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> to, String secret,
            String language) {
        ReceiverDraft draft() {
            return new ReceiverDraft(name, kind, url, to, secret, language);
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a receiver: dingtalk, wecom, feishu (url, secret), email (to) or webhook (url, secret)")
    public Response create(@NotNull ReceiverBody body) {
        ReceiverView view = receivers.create(body.draft(), caller.name());
        return Response.created(URI.create("/api/notify/receivers/" + encode(view.name()))).entity(view).build();
    }

    @GET
    @Operation(summary = "The receivers (secrets never shown)")
    public Page<ReceiverView> list() {
        return Page.all(receivers.all());
    }

    @PUT
    @Path("{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace a receiver; leaving out secret keeps the stored one")
    public ReceiverView replace(@PathParam("name") String name, @NotNull ReceiverBody body) {
        return receivers.replace(name, body.draft(), caller.name());
    }

    @DELETE
    @Path("{name}")
    @Operation(summary = "Remove a receiver no route sends to and with nothing left to send")
    public Response delete(@PathParam("name") String name) {
        receivers.delete(name, caller.name());
        return Response.noContent().build();
    }

    private static String encode(String name) {
        return java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }
}
