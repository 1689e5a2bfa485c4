package cn.duban.supervision.view;

import cn.duban.supervision.engine.Light;
import cn.duban.supervision.engine.TaskStatus;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * Which tasks of the ledger a listing or an export asks for ({@code @BeanParam}); absent means any. {@code unit} matches
 * the lead unit or a co-unit; {@code q} is searched in the title and the original text.
 */
public record TaskFilter(
        @QueryParam("sector") String sector,
        @QueryParam("unit") String unit,
        @Parameter(schema = @Schema(implementation = TaskStatus.class)) @QueryParam("status") String status,
        @Parameter(schema = @Schema(implementation = Light.class)) @QueryParam("light") String light,
        @Parameter(description = "searched in the title and the original text, e.g. 武庙") @QueryParam("q") String q) {

    public TaskFilter narrowedTo(String sector, String unit) {
        return new TaskFilter(sector, unit, status, light, q);
    }
}
