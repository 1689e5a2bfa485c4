package cn.duban.supervision.rest;

import cn.duban.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import cn.duban.platform.rest.DubanException;
import cn.duban.supervision.service.BusinessClock;
import cn.duban.supervision.service.Reevaluation;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The business clock. Reading it is always allowed; moving it exists only in the demo profile. */
@Path("/api/supervision/admin/clock")
@Produces(MediaType.APPLICATION_JSON)
public class ClockResource {

    @Inject
    BusinessClock clock;

    @Inject
    Reevaluation reevaluation;

    public record ClockView(OffsetDateTime now, boolean movable) {
    }

    public record MoveClock(@NotNull OffsetDateTime now) {
    }

    @RolesAllowed({Roles.SUPERVISOR, Roles.LEADER, Roles.SECTOR_REPORTER, Roles.UNIT_REPORTER})
    @GET
    @Operation(summary = "The business clock (Asia/Shanghai)")
    public ClockView get() {
        return new ClockView(clock.now(), clock.movable());
    }

    @RolesAllowed(Roles.SUPERVISOR)
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Demo profile only: move the business clock and re-evaluate the whole ledger at once")
    public ClockView move(@Valid @NotNull MoveClock body) {
        if (!clock.movable()) {
            throw DubanException.notFound("只有演示环境才能调整业务时钟", "the business clock can only be moved in the demo profile");
        }
        clock.moveTo(body.now());
        reevaluation.all();
        return get();
    }
}
