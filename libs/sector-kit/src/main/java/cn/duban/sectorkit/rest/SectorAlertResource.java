package cn.duban.sectorkit.rest;


import cn.duban.sectorkit.config.SectorConfig;
import cn.duban.sectorkit.repository.InboxPaper;
import cn.duban.sectorkit.repository.SectorStore;
import java.time.LocalDate;
import java.time.OffsetDateTime;
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

    /** {@code papers}: the notices and leaders' instructions the unit has not answered yet (docs/papers.md). */
    public record AlertList(List<SectorTaskResource.AlertItem> items, long total, List<PaperItem> papers) {
    }

    public record PaperItem(String kind, String reference, String title, String taskId, String text,
            List<String> units, LocalDate dueOn, String state, OffsetDateTime issuedAt) {
        static PaperItem of(InboxPaper p) {
            return new PaperItem(p.kind.name(), p.reference, p.title, p.taskId, p.text, p.units, p.dueOn,
                    p.state.name(), p.issuedAt);
        }
    }

    @GET
    @RolesAllowed({Roles.SUPERVISOR, Roles.LEADER, Roles.SECTOR_REPORTER, Roles.UNIT_REPORTER})
    @Operation(summary = "Open alerts on this sector's tasks, and the notices and leaders' instructions not yet answered; "
            + "with unit, those that concern that unit")
    public AlertList alerts(@PathParam("sector") String sector, @QueryParam("unit") String unit) {
        SectorTaskResource.checkSector(config, sector);
        access.checkReadsHere();
        String only = access.unitFilter(unit);
        List<SectorTaskResource.AlertItem> items = store.openAlerts(null).stream()
                .filter(a -> only == null || a.units.contains(only)).map(SectorTaskResource.AlertItem::of).toList();
        List<PaperItem> papers = store.openPapers().stream().filter(p -> only == null || p.units.contains(only))
                .map(PaperItem::of).toList();
        return new AlertList(items, items.size(), papers);
    }
}
