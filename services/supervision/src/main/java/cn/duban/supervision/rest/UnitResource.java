package cn.duban.supervision.rest;

import cn.duban.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import cn.duban.supervision.repository.Task;
import cn.duban.supervision.repository.Unit;
import cn.duban.supervision.service.SupervisionAccess;
import jakarta.inject.Inject;
import io.quarkus.panache.common.Sort;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/api/supervision")
@Produces(MediaType.APPLICATION_JSON)
public class UnitResource {

    @Inject
    SupervisionAccess access;

    public record UnitView(String name, String sector, String leader) {
    }

    public record UnitPage(List<UnitView> items, long total) {
    }

    public record TaskRef(String id, String title, String status, String light) {
        static TaskRef of(Task t) {
            return new TaskRef(t.id, t.title, t.status, t.light);
        }
    }

    public record Responsibility(String unit, String sector, String leader, List<TaskRef> leads, List<TaskRef> coLeads) {
    }

    public record Responsibilities(List<Responsibility> items, long total) {
    }

    @RolesAllowed({Roles.SUPERVISOR, Roles.LEADER, Roles.SECTOR_REPORTER, Roles.UNIT_REPORTER})
    @GET
    @Path("/units")
    @Operation(summary = "The unit directory: every unit, its sector and responsible leader")
    public UnitPage units() {
        List<UnitView> units = Unit.<Unit>listAll(Sort.by("sector").and("name")).stream()
                .map(u -> new UnitView(u.name, u.sector, u.leader)).toList();
        return new UnitPage(units, units.size());
    }

    @RolesAllowed({Roles.SUPERVISOR, Roles.LEADER, Roles.SECTOR_REPORTER, Roles.UNIT_REPORTER})
    @GET
    @Path("/responsibilities")
    @Operation(summary = "Per unit: the tasks it leads, the tasks it co-leads, and its leader (the unit × task matrix); "
            + "narrowed for reporters as the task list is")
    public Responsibilities responsibilities(@QueryParam("unit") String unit) {
        List<Unit> units = access.visibleUnits(unit);
        List<Task> tasks = Task.<Task>listAll(Sort.by("id")).stream().filter(access::mayRead).toList();
        List<Responsibility> items = units.stream().map(u -> new Responsibility(u.name, u.sector, u.leader,
                tasks.stream().filter(t -> t.leadUnit.equals(u.name)).map(TaskRef::of).toList(),
                tasks.stream().filter(t -> t.coUnits.contains(u.name)).map(TaskRef::of).toList())).toList();
        return new Responsibilities(items, items.size());
    }
}
