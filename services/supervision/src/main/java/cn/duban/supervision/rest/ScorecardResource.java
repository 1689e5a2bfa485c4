package cn.duban.supervision.rest;

import cn.duban.platform.security.Roles;
import cn.duban.supervision.ledger.XlsxSheet;
import cn.duban.supervision.service.LedgerExport;
import cn.duban.supervision.service.Scorecards;
import cn.duban.supervision.service.SupervisionAccess;
import cn.duban.supervision.view.Scoreboard;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/api/supervision/scorecards")
@Produces(MediaType.APPLICATION_JSON)
public class ScorecardResource {

    @Inject
    Scorecards scorecards;

    @Inject
    LedgerExport export;

    @Inject
    SupervisionAccess access;

    @RolesAllowed({Roles.SUPERVISOR, Roles.LEADER, Roles.SECTOR_REPORTER, Roles.UNIT_REPORTER})
    @GET
    @Operation(summary = "考核排名: every unit (and sector) ranked by score, each with the facts and terms behind it; "
            + "a sector reporter sees its sector, a unit reporter its own unit's card and its sector's")
    public Scoreboard get(@QueryParam("sector") String sector) {
        SupervisionAccess.ScorecardScope scope = access.scorecardScope(sector);
        return scorecards.compute(scope.sector(), scope.unit());
    }

    @RolesAllowed({Roles.SUPERVISOR, Roles.LEADER, Roles.SECTOR_REPORTER, Roles.UNIT_REPORTER})
    @GET
    @Path("/export.xlsx")
    @Produces(XlsxSheet.MEDIA_TYPE)
    @Operation(summary = "考核排名 as an .xlsx workbook: a sheet of units and a sheet of sectors, ranked, with their facts")
    public Response exportXlsx(@QueryParam("sector") String sector) {
        SupervisionAccess.ScorecardScope scope = access.scorecardScope(sector);
        Scoreboard board = scorecards.compute(scope.sector(), scope.unit());
        return LedgerResource.attachment(export.scorecards(board), "scorecards-" + board.asOf(), "考核排名-" + board.asOf());
    }
}
