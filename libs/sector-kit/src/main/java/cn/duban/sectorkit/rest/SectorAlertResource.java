package cn.duban.sectorkit.rest;

import cn.duban.platform.rest.Page;
import cn.duban.sectorkit.config.SectorConfig;
import cn.duban.sectorkit.repository.SectorStore;
import cn.duban.sectorkit.service.SectorAccess;
import cn.duban.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** A unit's alert inbox in its own sector service. */
@Path("/api/{sector}/alerts")
@Produces(MediaType.APPLICATION_JSON)
public class SectorAlertResource {

    @Inject
    SectorConfig config;

    @Inject
    SectorStore store;

    @Inject
    SectorAccess access;

    @GET
    @RolesAllowed({Roles.SUPERVISOR, Roles.LEADER, Roles.SECTOR_REPORTER, Roles.UNIT_REPORTER})
    @Operation(summary = "Open alerts on this sector's tasks; with unit, those that alerted that unit")
    public Page<SectorTaskResource.AlertItem> alerts(@PathParam("sector") String sector, @QueryParam("unit") String unit) {
        SectorTaskResource.checkSector(config, sector);
        access.checkReadsHere();
        String only = access.unitFilter(unit);
        List<SectorTaskResource.AlertItem> items = store.openAlerts(null).stream()
                .filter(a -> only == null || a.units.contains(only)).map(SectorTaskResource.AlertItem::of).toList();
        return Page.all(items);
    }
}
