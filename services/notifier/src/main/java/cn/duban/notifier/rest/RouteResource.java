package cn.duban.notifier.rest;

import cn.duban.notifier.routing.RouteSpec;
import cn.duban.notifier.service.Routes;
import cn.duban.platform.rest.DubanException;
import cn.duban.platform.security.Caller;
import cn.duban.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The routing tree, Alertmanager's route in JSON, read and replaced whole. */
@Path("/api/notify/routes")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.SUPERVISOR)
public class RouteResource {

    @Inject
    Routes routes;

    @Inject
    Caller caller;

    @GET
    @Operation(summary = "The routing tree in force")
    public RouteSpec get() {
        return routes.spec().orElseThrow(() -> DubanException.notFound("尚未配置路由：PUT /api/notify/routes",
                "no routes configured yet: PUT /api/notify/routes"));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace the routing tree: {receiver, matchers, groupBy, groupWait, groupInterval, repeatInterval, continue, routes}")
    public RouteSpec put(@NotNull RouteSpec tree) {
        return routes.replace(tree, caller.name());
    }
}
