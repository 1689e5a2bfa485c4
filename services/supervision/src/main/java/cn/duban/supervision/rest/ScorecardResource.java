package cn.duban.supervision.rest;

import cn.duban.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import cn.duban.supervision.service.Scorecards;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/api/supervision/scorecards")
@Produces(MediaType.APPLICATION_JSON)
public class ScorecardResource {

    @Inject
    Scorecards scorecards;

    @RolesAllowed({Roles.SUPERVISOR, Roles.LEADER, Roles.SECTOR_REPORTER, Roles.UNIT_REPORTER})
    @GET
    @Operation(summary = "考核排名: every unit (and sector) ranked by score, each with the facts and terms behind it")
    public Scorecards.Scoreboard get(@QueryParam("sector") String sector) {
        return scorecards.compute(sector);
    }
}
