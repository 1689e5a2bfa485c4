package cn.duban.notifier.routing;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * One node of the routing tree as the office writes it, Alertmanager's route in JSON: {@code {"receiver",
 * "matchers": ["light=RED"], "groupBy": ["sector"], "groupWait": "30s", "groupInterval": "5m", "repeatInterval": "4h",
 * "continue": false, "routes": [...]}}. Anything left out is inherited from the parent (the root's defaults: groupBy
 * nothing, 30s, 5m, 4h).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RouteSpec(String receiver, List<String> matchers, List<String> groupBy, String groupWait,
        String groupInterval, String repeatInterval, @JsonProperty("continue") Boolean continueMatching,
        List<RouteSpec> routes) {

    public RouteSpec {
        matchers = matchers == null ? List.of() : List.copyOf(matchers);
        routes = routes == null ? List.of() : List.copyOf(routes);
        groupBy = groupBy == null ? null : List.copyOf(groupBy);
    }

    public static RouteSpec to(String receiver) {
        return new RouteSpec(receiver, List.of(), null, null, null, null, null, List.of());
    }
}
