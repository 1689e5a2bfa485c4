package cn.duban.supervision.rest;

import cn.duban.platform.security.Roles;
import cn.duban.supervision.service.Board;
import cn.duban.supervision.service.Bulletins;
import cn.duban.supervision.service.Papers;
import cn.duban.supervision.view.Bulletin;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** What leaders read (docs/papers.md): the 督查通报 as Word and PDF, and the board's aggregates. */
@Path("/api/supervision")
public class PaperResource {

    @Inject
    Papers papers;

    @Inject
    Board board;

    @Inject
    Bulletins bulletins;

    @RolesAllowed({Roles.SUPERVISOR, Roles.LEADER})
    @GET
    @Path("/bulletins/{period}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "督查通报 as data: what the .pdf and .docx lay out, for other systems and for checking")
    public Bulletin json(@PathParam("period") String period, @QueryParam("asOf") LocalDate asOf) {
        return bulletins.compose(period, asOf);
    }

    @RolesAllowed({Roles.SUPERVISOR, Roles.LEADER})
    @GET
    @Path("/bulletins/{period}.pdf")
    @Produces(Papers.PDF)
    @Operation(summary = "督查通报 as PDF (Chinese fonts embedded): totals and changes, RED and overdue tasks, newly "
            + "completed, ranking, trend, headline indicators, 批示 and 通知单, as the ledger stood at the end of asOf")
    public Response pdf(@Parameter(description = "an ISO week, 2022-W23, or a month, 2022-06") @PathParam("period") String period,
            @Parameter(description = "the day whose end it states; default the period's last day, or today while it runs")
            @QueryParam("asOf") LocalDate asOf) {
        return download(papers.bulletin(period, asOf, true));
    }

    @RolesAllowed({Roles.SUPERVISOR, Roles.LEADER})
    @GET
    @Path("/bulletins/{period}.docx")
    @Produces(Papers.DOCX)
    @Operation(summary = "督查通报 as a Word document, the same content as the PDF, for the office to edit")
    public Response docx(@PathParam("period") String period, @QueryParam("asOf") LocalDate asOf) {
        return download(papers.bulletin(period, asOf, false));
    }

    @RolesAllowed({Roles.SUPERVISOR, Roles.LEADER})
    @GET
    @Path("/board")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The office's board: counts by light per sector and lead unit, overdue tasks, the year's weekly "
            + "RED/YELLOW trend, the unit ranking and the headline indicators against target")
    public Board.View board() {
        return board.view();
    }

    /** A download named in ASCII for old clients and in Chinese (RFC 6266 filename*) for the rest. */
    static Response download(Papers.Download d) {
        String encoded = URLEncoder.encode(d.name(), StandardCharsets.UTF_8).replace("+", "%20");
        return Response.ok(d.bytes(), d.mediaType()).header(HttpHeaders.CONTENT_DISPOSITION,
                "attachment; filename=\"" + d.asciiName() + "\"; filename*=UTF-8''" + encoded).build();
    }
}
