package cn.duban.gateway.mobile;

import io.vertx.core.json.JsonObject;
import java.util.Comparator;
import java.util.Map;

/**
 * The order of 我的任务: tasks that ask something first; among them red, then yellow, then green; then the earliest
 * date owed; then by id, so that the order is stable from one call to the next.
 */
final class Urgency {
    private static final Map<String, Integer> LIGHTS = Map.of("RED", 0, "YELLOW", 1, "GREEN", 2);

    static final Comparator<JsonObject> ORDER = Comparator
            .comparing((JsonObject t) -> t.getJsonArray("asks").isEmpty())
            .thenComparing(t -> LIGHTS.getOrDefault(t.getString("light"), 3))
            .thenComparing(t -> t.getJsonObject("next", new JsonObject()).getString("date", "9999-12-31"))
            .thenComparing(t -> t.getString("id"));

    private Urgency() {
    }
}
