package cn.duban.sectorkit.rest;

import cn.duban.platform.security.Roles;
import cn.duban.sectorkit.config.SectorConfig;
import cn.duban.sectorkit.service.EvidenceDesk;
import cn.duban.sectorkit.service.SectorAccess;
import cn.duban.sectorkit.view.EvidenceView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.nio.file.Files;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** Evidence files (佐证材料) on one task: upload one, list them. */
@Path("/api/{sector}/tasks/{id}/evidence")
@Produces(MediaType.APPLICATION_JSON)
public class TaskEvidenceResource {

    @Inject
    SectorConfig config;

    @Inject
    EvidenceDesk desk;

    @Inject
    SectorAccess access;

    @PathParam("sector")
    String sector;

    public record EvidenceList(List<EvidenceView> items, long total) {
    }

    @POST
    @RolesAllowed({Roles.SECTOR_REPORTER, Roles.UNIT_REPORTER})
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Upload an evidence file (multipart, field file): a photo (JPEG, PNG, HEIC), a PDF or an Office "
            + "document; 201 with its id, which a report's evidence then names. 413 over the size limit, 415 for any "
            + "other kind of content (judged by the bytes, not the name); the same file on the same task is the same evidence")
    public Response upload(@PathParam("id") String id, @RestForm("file") FileUpload file) {
        SectorTaskResource.checkSector(config, sector);
        EvidenceDesk.Upload upload = file == null ? null
                : new EvidenceDesk.Upload(file.fileName(), file.size(), () -> Files.readAllBytes(file.uploadedFile()));
        EvidenceView view = desk.upload(id, upload, access.actor());
        return Response.created(URI.create(view.url())).entity(view).build();
    }

    @GET
    @RolesAllowed({Roles.SUPERVISOR, Roles.LEADER, Roles.SECTOR_REPORTER, Roles.UNIT_REPORTER})
    @Operation(summary = "The evidence files uploaded on a task, oldest first")
    public EvidenceList list(@PathParam("id") String id) {
        SectorTaskResource.checkSector(config, sector);
        List<EvidenceView> items = desk.ofTask(id);
        return new EvidenceList(items, items.size());
    }
}
