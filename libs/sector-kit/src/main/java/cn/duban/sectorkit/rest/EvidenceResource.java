package cn.duban.sectorkit.rest;

import cn.duban.platform.security.Roles;
import cn.duban.sectorkit.config.SectorConfig;
import cn.duban.sectorkit.service.EvidenceDesk;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The bytes of an evidence file, for whoever may see its task. Content-addressed, so a browser may keep them for
 * good; served with the type found in the content, never sniffed again, and sandboxed.
 */
@Path("/api/{sector}/evidence/{id}")
public class EvidenceResource {
    private static final String IMMUTABLE = "private, max-age=31536000, immutable";

    @Inject
    SectorConfig config;

    @Inject
    EvidenceDesk desk;

    @PathParam("sector")
    String sector;

    @GET
    @Produces("*/*")
    @RolesAllowed({Roles.SUPERVISOR, Roles.LEADER, Roles.SECTOR_REPORTER, Roles.UNIT_REPORTER})
    @Operation(summary = "The evidence file itself (a photo, PDF or Office document), as uploaded")
    public Response file(@PathParam("id") String id) {
        SectorTaskResource.checkSector(config, sector);
        EvidenceDesk.Download file = desk.file(id);
        return bytes(file).header("Content-Disposition", disposition(file.name())).build();
    }

    @GET
    @Path("/thumbnail")
    @Produces("image/jpeg")
    @RolesAllowed({Roles.SUPERVISOR, Roles.LEADER, Roles.SECTOR_REPORTER, Roles.UNIT_REPORTER})
    @Operation(summary = "A small JPEG of a photo (JPEG and PNG; 404 for other files)")
    public Response thumbnail(@PathParam("id") String id) {
        SectorTaskResource.checkSector(config, sector);
        return bytes(desk.thumbnail(id)).build();
    }

    private static Response.ResponseBuilder bytes(EvidenceDesk.Download file) {
        return Response.ok(file.bytes(), file.contentType())
                .header("ETag", "\"" + file.etag() + "\"")
                .header("Cache-Control", IMMUTABLE)
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'");
    }

    /** Shown in the browser (photos, PDF), under the name it was uploaded with (RFC 6266, UTF-8 for Chinese names). */
    private static String disposition(String name) {
        String ascii = name.replaceAll("[^A-Za-z0-9._-]", "_");
        return "inline; filename=\"" + ascii + "\"; filename*=UTF-8''"
                + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
