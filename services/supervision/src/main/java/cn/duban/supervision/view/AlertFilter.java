package cn.duban.supervision.view;

import cn.duban.supervision.engine.AlertState;
import cn.duban.supervision.engine.Light;
import cn.duban.supervision.engine.RuleId;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** Which alerts a listing asks for ({@code @BeanParam}); absent means any. {@code unit} matches any unit alerted. */
public record AlertFilter(
        @QueryParam("taskId") String taskId,
        @QueryParam("unit") String unit,
        @Parameter(schema = @Schema(implementation = AlertState.class)) @QueryParam("state") String state,
        @Parameter(schema = @Schema(implementation = Light.class)) @QueryParam("light") String light,
        @Parameter(schema = @Schema(implementation = RuleId.class)) @QueryParam("rule") String rule) {
}
