package cn.duban.gateway.mobile;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * What a task asks of the caller's unit now, read from supervision's view of the task: 签收 (acknowledge), a 督办单
 * still open (alert), a 督办通知单 not yet answered (notice), a 催办 since the unit last reported (reminder), and this
 * month's report while none is in (report). Codes, not words: the app says them in the user's language.
 */
final class TaskAsks {
    static final String ACKNOWLEDGE = "acknowledge";
    static final String ALERT = "alert";
    static final String NOTICE = "notice";
    static final String REMINDER = "reminder";
    static final String REPORT = "report";
    private static final Set<String> FINISHED = Set.of("COMPLETION_CLAIMED", "COMPLETED", "COMPLETED_LATE");
    private static final Set<String> REMINDERS = Set.of("reminder.auto", "reminder.manual");

    private TaskAsks() {
    }

    /**
     * @param unit the caller's unit; null for a sector reporter, who answers for the task's lead unit
     */
    static JsonArray of(JsonObject task, String unit) {
        String mine = unit != null ? unit : task.getString("leadUnit");
        JsonArray asks = new JsonArray();
        boolean finished = FINISHED.contains(task.getString("status"));
        if (objects(task.getJsonArray("acknowledgements")).noneMatch(a -> mine.equals(a.getString("unit")))) {
            asks.add(new JsonObject().put("kind", ACKNOWLEDGE));
        }
        objects(task.getJsonArray("alerts"))
                .filter(a -> !"RESOLVED".equals(a.getString("state")))
                .filter(a -> unit == null || a.getJsonArray("units", new JsonArray()).contains(unit))
                .sorted(Comparator.comparing((JsonObject a) -> a.getString("raisedAt", "")).reversed())
                .forEach(a -> asks.add(new JsonObject().put("kind", ALERT).put("alertId", a.getValue("id"))
                        .put("rule", a.getValue("rule")).put("light", a.getValue("light"))
                        .put("level", a.getValue("escalationLevel")).put("milestone", a.getValue("milestone"))
                        .put("at", a.getValue("raisedAt")).put("mayAcknowledge", a.getValue("mayAcknowledge"))));
        // 督办通知单 (issue 19): any the task carries that has no reply yet
        objects(task.getJsonArray("notices"))
                .filter(n -> n.getValue("reply") == null && n.getValue("repliedAt") == null)
                .forEach(n -> asks.add(new JsonObject().put("kind", NOTICE).put("number", n.getValue("number"))
                        .put("due", n.getValue("replyBy")).put("at", n.getValue("issuedAt"))));
        List<JsonObject> myReports = objects(task.getJsonObject("progress", new JsonObject()).getJsonArray("history"))
                .filter(r -> mine.equals(r.getString("unit"))).toList();
        // A reminder counts until the unit reports as of a later day. Both are business dates; reportedAt is the
        // unit's wall clock, which the demo's clock (2022) does not share.
        String lastAsOf = myReports.stream().map(r -> r.getString("asOf", "")).max(String::compareTo).orElse("");
        objects(task.getJsonArray("audit"))
                .filter(a -> REMINDERS.contains(a.getString("action")) && day(a.getString("at")).compareTo(lastAsOf) > 0)
                .max(Comparator.comparing(a -> a.getString("at", "")))
                .ifPresent(a -> asks.add(new JsonObject().put("kind", REMINDER).put("at", a.getValue("at"))
                        .put("message", a.getValue("detail"))));
        String today = task.getString("evaluatedOn");
        if (!finished && today != null && today.length() >= 7) {
            String month = today.substring(0, 7); // ISO dates: the month is the first seven characters
            boolean reportedThisMonth = myReports.stream().anyMatch(r -> r.getString("asOf", "").startsWith(month));
            if (!reportedThisMonth) {
                asks.add(new JsonObject().put("kind", REPORT).put("month", month));
            }
        }
        return asks;
    }

    /** The date of an ISO date-time in its own offset (the business clock's, Asia/Shanghai). */
    private static String day(String dateTime) {
        return dateTime == null || dateTime.length() < 10 ? "" : dateTime.substring(0, 10);
    }

    private static Stream<JsonObject> objects(JsonArray array) {
        return array == null ? Stream.empty()
                : StreamSupport.stream(array.spliterator(), false).filter(JsonObject.class::isInstance).map(JsonObject.class::cast);
    }
}
