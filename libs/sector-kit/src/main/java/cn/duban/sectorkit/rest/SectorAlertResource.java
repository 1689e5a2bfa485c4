package cn.duban.sectorkit.rest;

import cn.duban.platform.security.Roles;
import cn.duban.sectorkit.config.SectorConfig;
import cn.duban.sectorkit.service.SectorQueries;
import cn.duban.sectorkit.view.InboxView.AlertList;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** A unit's alert inbox in its own sector service. */
@Path("/api/{sector}/alerts")
@Produces(MediaType.APPLICATION_JSON)
public class SectorAlertResource {

    @Inject
    SectorConfig config;

    @Inject
    SectorQueries queries;

    @GET
    @RolesAllowed({Roles.SUPERVISOR, Roles.LEADER, Roles.SECTOR_REPORTER, Roles.UNIT_REPORTER})
    @Operation(summary = "Open alerts on this sector's tasks, and the notices and leaders' instructions not yet answered; "
            + "with unit, those that concern that unit")
    public AlertList alerts(@PathParam("sector") String sector, @QueryParam("unit") String unit) {
        SectorTaskResource.checkSector(config, sector);
        return queries.alerts(unit);
    }
}
