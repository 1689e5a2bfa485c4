package cn.duban.supervision.rest;

import cn.duban.platform.rest.Page;
import cn.duban.supervision.service.UnitQueries;
import cn.duban.supervision.view.UnitView;
import jakarta.inject.Inject;
import cn.duban.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/api/supervision")
@Produces(MediaType.APPLICATION_JSON)
public class UnitResource {

    @Inject
    UnitQueries units;

    @RolesAllowed({Roles.SUPERVISOR, Roles.LEADER, Roles.SECTOR_REPORTER, Roles.UNIT_REPORTER})
    @GET
    @Path("/units")
    @Operation(summary = "The unit directory: every unit, its sector and responsible leader")
    public Page<UnitView> units() {
        return units.units();
    }

    @RolesAllowed({Roles.SUPERVISOR, Roles.LEADER, Roles.SECTOR_REPORTER, Roles.UNIT_REPORTER})
    @GET
    @Path("/responsibilities")
    @Operation(summary = "Per unit: the tasks it leads, the tasks it co-leads, and its leader (the unit × task matrix)")
    public Page<UnitView.Responsibility> responsibilities(@QueryParam("unit") String unit) {
        return units.responsibilities(unit);
    }
}
