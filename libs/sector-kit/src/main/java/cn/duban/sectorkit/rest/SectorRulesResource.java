package cn.duban.sectorkit.rest;

import cn.duban.platform.security.Roles;
import cn.duban.sectorkit.config.EvidenceConfig;
import cn.duban.sectorkit.config.SectorConfig;
import cn.duban.sectorkit.service.FileKind;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The rules this sector checks a report against, so that a form can explain them before they refuse anything. */
@Path("/api/{sector}/rules")
@Produces(MediaType.APPLICATION_JSON)
public class SectorRulesResource {

    @Inject
    SectorConfig config;

    @Inject
    EvidenceConfig evidence;

    /**
     * @param wholeUnits           target units counted whole (a fraction is refused)
     * @param evidenceFor          milestones that may only be reported reached with evidence
     * @param evidenceOnCompletion whether a report marked completed needs evidence
     * @param confirmAbove         a figure above this share of its target needs "confirmed": true
     * @param evidenceMaxSize      the largest evidence file, in bytes
     * @param evidenceTypes        the media types evidence may be
     * @param periodGraceDays      a photo older than the report's period by more than this is flagged to the office
     */
    public record ReportingRules(String sector, Set<String> wholeUnits, Set<String> evidenceFor, boolean evidenceOnCompletion,
            BigDecimal confirmAbove, long evidenceMaxSize, List<String> evidenceTypes, long periodGraceDays) {
    }

    @GET
    @RolesAllowed({Roles.SUPERVISOR, Roles.LEADER, Roles.SECTOR_REPORTER, Roles.UNIT_REPORTER})
    @Operation(summary = "The rules a progress report is checked against here: whole units, evidence, confirmation")
    public ReportingRules rules(@PathParam("sector") String sector) {
        SectorTaskResource.checkSector(config, sector);
        return new ReportingRules(config.name(), new TreeSet<>(config.rules().wholeUnits()),
                new TreeSet<>(config.rules().evidenceFor().orElse(Set.of())), config.rules().evidenceOnCompletion(),
                config.confirmAbove(), evidence.maxSize().asLongValue(),
                Arrays.stream(FileKind.values()).map(FileKind::mediaType).toList(), evidence.periodGrace().toDays());
    }
}
