package cn.duban.gateway.mobile;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.StreamSupport;

/** The next date a task owes: its earliest milestone not yet reached (even if overdue), else its deadline. */
final class NextDate {
    private NextDate() {
    }

    static JsonObject of(JsonObject task) {
        JsonArray milestones = task.getJsonArray("milestones", new JsonArray());
        Optional<JsonObject> open = StreamSupport.stream(milestones.spliterator(), false)
                .map(JsonObject.class::cast)
                .filter(m -> m.getValue("reachedOn") == null && m.getString("due") != null)
                .min(Comparator.comparing(m -> m.getString("due"))); // ISO dates sort as text
        return open.map(m -> new JsonObject().put("date", m.getString("due")).put("what", "milestone")
                        .put("milestone", m.getString("name")))
                .orElseGet(() -> deadline(task));
    }

    static JsonObject deadline(JsonObject task) {
        return new JsonObject().put("date", task.getString("deadline")).put("what", "deadline");
    }
}
