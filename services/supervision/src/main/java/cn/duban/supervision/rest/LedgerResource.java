package cn.duban.supervision.rest;

import cn.duban.supervision.view.TaskFilter;
import jakarta.ws.rs.BeanParam;
import cn.duban.supervision.service.SupervisionAccess;
import cn.duban.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import cn.duban.platform.rest.Problem;
import cn.duban.supervision.ledger.LedgerReader;
import cn.duban.supervision.ledger.LedgerReader.LedgerException;
import cn.duban.supervision.ledger.LedgerSheet;
import cn.duban.supervision.ledger.SheetRow;
import cn.duban.supervision.ledger.UnitDirectory;
import cn.duban.supervision.ledger.UnreadableSheetException;
import cn.duban.supervision.ledger.XlsSheet;
import cn.duban.supervision.ledger.XlsxSheet;
import cn.duban.supervision.service.BusinessClock;
import cn.duban.supervision.service.LedgerExport;
import cn.duban.supervision.service.LedgerImport;
import cn.duban.supervision.service.LedgerSheets;
import cn.duban.supervision.service.TaskQueries;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Locale;
import cn.duban.text.Languages;
import cn.duban.text.Text;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

@Path("/api/supervision/ledger")
public class LedgerResource {
    static final String CSV = "text/csv";
    private static final UnitDirectory KNOWN_UNITS_ONLY = new UnitDirectory(List.of());

    @Inject
    SupervisionAccess access;

    @Inject
    LedgerImport ledgerImport;

    @Inject
    LedgerSheets sheets;

    @Inject
    LedgerExport export;

    @Inject
    TaskQueries queries;

    @Inject
    BusinessClock clock;

    /** A ledger in the data-file format, with its units either inline ("units": [...]) or already known. */
    @RolesAllowed(Roles.SUPERVISOR)
    @POST
    @Path("/import")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Import a ledger (ledger.schema.json), all or nothing; unchanged tasks publish nothing")
    public LedgerImport.Result importJson(JsonNode body) {
        if (!(body instanceof ObjectNode object)) {
            throw new LedgerException(List.of(new LedgerException.RowError("", Text.of("请求体应为台账 JSON 对象",
                    "the body must be a ledger JSON object"))));
        }
        ObjectNode ledger = object.deepCopy();
        JsonNode units = ledger.remove("units");
        UnitDirectory directory = units == null ? new UnitDirectory(List.of())
                : LedgerReader.units(JsonNodeFactory.instance.objectNode().set("units", units));
        return ledgerImport.importLedger(LedgerReader.ledger(ledger), directory, access.actor());
    }

    /** The office's own sheet, one row per task (docs/ledger.md, "Spreadsheet import"); its units must be known. */
    @RolesAllowed(Roles.SUPERVISOR)
    @POST
    @Path("/import")
    @Consumes({XlsxSheet.MEDIA_TYPE, XlsSheet.MEDIA_TYPE, CSV})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Import a ledger from an .xlsx or .xls workbook (first sheet) or a CSV sheet (UTF-8 or GBK), "
            + "header in row 1; all or nothing, errors named by row and column, within the import's limits (413 past them)")
    public LedgerImport.Result importSheet(byte[] body, @Context HttpHeaders headers,
            @Parameter(description = "the ledger's year; default the year of the first deadline") @QueryParam("year") String year,
            @Parameter(description = "start of every task's planned curve, YYYY-MM-DD; default 1 January of the year")
            @QueryParam("plannedStart") String plannedStart) {
        List<SheetRow> rows = sheets.read(body, headers.getMediaType().toString());
        LedgerSheet sheet = LedgerSheet.read(rows, year, plannedStart);
        try {
            return ledgerImport.importLedger(sheet.ledger(), KNOWN_UNITS_ONLY, access.actor());
        } catch (LedgerException e) {
            throw sheet.locate(e);
        }
    }

    @RolesAllowed(Roles.SUPERVISOR)
    @GET
    @Path("/template.xlsx")
    @Produces(XlsxSheet.MEDIA_TYPE)
    @Operation(summary = "The spreadsheet an office fills in: header row, two Pingyao tasks, and the columns explained")
    public Response template() {
        return Response.ok(LedgerSheet.template())
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"ledger-template.xlsx\"; "
                        + "filename*=UTF-8''%E4%BB%BB%E5%8A%A1%E5%8F%B0%E8%B4%A6%E6%A8%A1%E6%9D%BF.xlsx")
                .build();
    }

    @RolesAllowed({Roles.SUPERVISOR, Roles.LEADER, Roles.SECTOR_REPORTER, Roles.UNIT_REPORTER})
    @GET
    @Path("/export.xlsx")
    @Produces(XlsxSheet.MEDIA_TYPE)
    @Operation(summary = "任务台账 as an .xlsx workbook: every matching task with its status, light, progress, open alerts "
            + "and latest report; filters and narrowing as in the task list")
    public Response export(@BeanParam TaskFilter filter) {
        return attachment(export.ledger(filter), "ledger-" + clock.now().toLocalDate(), "任务台账-" + clock.now().toLocalDate());
    }

    /** An .xlsx download named in ASCII for old clients and in Chinese (RFC 6266 filename*) for the rest. */
    static Response attachment(byte[] workbook, String asciiName, String name) {
        String encoded = java.net.URLEncoder.encode(name + ".xlsx", java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
        return Response.ok(workbook).header(HttpHeaders.CONTENT_DISPOSITION,
                "attachment; filename=\"" + asciiName + ".xlsx\"; filename*=UTF-8''" + encoded).build();
    }

    @ServerExceptionMapper
    public Response refused(LedgerException e, UriInfo uri, HttpHeaders headers) {
        Locale language = Languages.preferred(headers.getAcceptableLanguages());
        return Problem.of(400, "invalid-ledger", Text.of("台账未能导入", "Ledger refused").in(language),
                        Text.of("台账中有 %s 处问题，没有导入任何内容", "%s problem(s) in the ledger; nothing was imported",
                                e.errors().size()).in(language))
                .withErrors(e.errors().stream().map(r -> new Problem.FieldError(r.row().in(language), r.message().in(language)))
                        .toList())
                .at(uri.getPath()).toResponse();
    }

    @ServerExceptionMapper
    public Response unreadable(UnreadableSheetException e, UriInfo uri, HttpHeaders headers) {
        Locale language = Languages.preferred(headers.getAcceptableLanguages());
        return Problem.of(400, "unreadable-sheet", Text.of("表格无法读取", "Spreadsheet unreadable").in(language),
                Text.of("%s；没有导入任何内容", "%s; nothing was imported", e.reason()).in(language))
                .at(uri.getPath()).toResponse();
    }
}
