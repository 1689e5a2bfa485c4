package cn.duban.notifier.service;

import cn.duban.events.Sector;
import cn.duban.notifier.repository.Notice;
import cn.duban.text.Text;
import java.util.Map;

/** The words of the notifier's messages, in both languages, one place each (names as the office's page uses them). */
final class Words {
    static final Map<String, Text> LIGHTS = Map.of(
            "RED", Text.of("红灯", "RED"), "YELLOW", Text.of("黄灯", "YELLOW"), "GREEN", Text.of("绿灯", "GREEN"));
    static final Map<String, Text> RULES = Map.of(
            "DUE_SOON", Text.of("临近期限", "due soon"),
            "LAGGING", Text.of("进度滞后", "lagging"),
            "STALE_REPORT", Text.of("未按期报送", "report missing"),
            "MILESTONE_OVERDUE", Text.of("节点逾期", "milestone overdue"),
            "CEILING_EXCEEDED", Text.of("突破上限", "over its limit"),
            "OVERDUE", Text.of("任务逾期", "overdue"));
    static final Map<Notice.Change, Text> CHANGES = Map.of(
            Notice.Change.RAISED, Text.of("新督办", "new alert"),
            Notice.Change.ESCALATED, Text.of("督办升级", "escalated"),
            Notice.Change.REMINDED, Text.of("催办", "reminder"),
            Notice.Change.ACKNOWLEDGED, Text.of("已签收", "acknowledged"),
            Notice.Change.RESOLVED, Text.of("已解除", "resolved"));
    static final Text STILL_OPEN = Text.of("仍未解除", "still open");
    static final Text OPEN_IN_MOBILE = Text.of("手机端办理", "open on the phone");
    static final Text OPEN_IN_OFFICE = Text.of("督办台查看", "open in the office's page");

    private Words() {
    }

    /** A sector's name: its Chinese label from the event contract (Sector.label()), its id in English. */
    static Text sector(String id) {
        return id == null ? Text.of("", "") : Sector.fromId(id).map(s -> Text.of(s.label(), s.id())).orElse(Text.of(id, id));
    }

    static Text light(String light) {
        return light == null ? Text.of("", "") : LIGHTS.getOrDefault(light, Text.of(light, light));
    }

    static Text rule(String rule) {
        return rule == null ? Text.of("", "") : RULES.getOrDefault(rule, Text.of(rule, rule));
    }
}
