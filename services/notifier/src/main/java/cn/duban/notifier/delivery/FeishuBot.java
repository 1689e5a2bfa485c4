package cn.duban.notifier.delivery;

import cn.duban.notifier.repository.OutboundMessage;
import cn.duban.notifier.repository.ReceiverKind;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Feishu custom bot (飞书自定义机器人): POST …/open-apis/bot/v2/hook/… with an interactive message card
 * ({@code "msg_type": "interactive", "card": {header, elements}}), and {@code timestamp} (seconds) and {@code sign}
 * in the body when the bot checks signatures (签名校验); it answers {@code {"code": 0, "msg": "success"}}.
 * 100 messages a minute and 5 a second per bot (code 11232 beyond).
 */
@ApplicationScoped
public class FeishuBot extends ChatRobot {
    static final int TOO_FAST = 11232;

    public FeishuBot() {
        super(ReceiverKind.FEISHU, "code", TOO_FAST);
    }

    /** The card, with timestamp (seconds) and sign first when the bot checks signatures (签名校验). */
    @Override
    Map<String, Object> body(Target target, OutboundMessage message) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (target.secret() != null) {
            long timestamp = System.currentTimeMillis() / 1000;
            body.put("timestamp", String.valueOf(timestamp));
            body.put("sign", Signatures.feishu(timestamp, target.secret()));
        }
        body.put("msg_type", "interactive");
        body.put("card", card(message));
        return body;
    }

    private static Map<String, Object> card(OutboundMessage message) {
        List<Object> elements = new ArrayList<>();
        elements.add(Map.of("tag", "markdown", "content", withoutTitle(message.content.markdown())));
        List<Object> buttons = new ArrayList<>();
        String mobile = message.content.links().get("mobile");
        String office = message.content.links().get("office");
        String link = message.content.links().get("link");
        boolean english = message.content.markdown() != null && message.content.title().matches("^[\\x00-\\x7F]*$");
        if (mobile != null) {
            buttons.add(button(english ? "Open on the phone" : "手机端办理", mobile, "primary"));
        }
        if (office != null) {
            buttons.add(button(english ? "Open in the office's page" : "督办台查看", office, "default"));
        }
        if (link != null) {
            buttons.add(button(english ? "Open" : "查看", link, "primary"));
        }
        if (!buttons.isEmpty()) {
            elements.add(Map.of("tag", "action", "actions", buttons));
        }
        return Map.of(
                "config", Map.of("wide_screen_mode", true),
                "header", Map.of("title", Map.of("tag", "plain_text", "content", message.content.title()),
                        "template", message.content.color() == null ? "blue" : message.content.color()),
                "elements", elements);
    }

    private static Map<String, Object> button(String text, String url, String type) {
        return Map.of("tag", "button", "text", Map.of("tag", "plain_text", "content", text), "url", url, "type", type);
    }

    /** The card's header already shows the title; Feishu's card markdown has no headings. */
    static String withoutTitle(String markdown) {
        return markdown.startsWith("### ") && markdown.contains("\n") ? markdown.substring(markdown.indexOf('\n') + 1).strip()
                : markdown;
    }
}
