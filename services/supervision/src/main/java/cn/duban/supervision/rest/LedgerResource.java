package cn.duban.supervision.rest;

import cn.duban.platform.rest.Problem;
import cn.duban.supervision.ledger.LedgerReader;
import cn.duban.supervision.ledger.LedgerReader.LedgerException;
import cn.duban.supervision.ledger.UnitDirectory;
import cn.duban.supervision.service.LedgerImport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

@Path("/api/supervision/ledger")
public class LedgerResource {

    @Inject
    LedgerImport ledgerImport;

    /** A ledger in the data-file format, with its units either inline ("units": [...]) or already known. */
    @POST
    @Path("/import")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Import a ledger (ledger.schema.json), all or nothing; unchanged tasks publish nothing")
    public LedgerImport.Result importJson(JsonNode body) {
        if (!(body instanceof ObjectNode object)) {
            throw new LedgerException(List.of(new LedgerException.RowError("", "the body must be a ledger JSON object")));
        }
        ObjectNode ledger = object.deepCopy();
        JsonNode units = ledger.remove("units");
        UnitDirectory directory = units == null ? new UnitDirectory(List.of())
                : LedgerReader.units(JsonNodeFactory.instance.objectNode().set("units", units));
        return ledgerImport.importLedger(LedgerReader.ledger(ledger), directory, "api");
    }

    @ServerExceptionMapper
    public Response refused(LedgerException e, UriInfo uri) {
        return Problem.of(400, "invalid-ledger", "Ledger refused", e.getMessage())
                .withErrors(e.errors().stream().map(r -> new Problem.FieldError(r.row(), r.message())).toList())
                .at(uri.getPath()).toResponse();
    }
}
