package cn.duban.notifier.delivery;

import cn.duban.notifier.repository.OutboundMessage;
import cn.duban.notifier.repository.ReceiverKind;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * WeCom group robot (企业微信群机器人): POST …/cgi-bin/webhook/send?key=… with {@code {"msgtype": "markdown",
 * "markdown": {"content"}}}, content at most 4,096 bytes; it answers {@code {"errcode": 0, "errmsg": "ok"}}. No
 * signature: the key in the URL is the credential. 20 messages a minute per robot (errcode 45009 beyond).
 */
@ApplicationScoped
public class WeComRobot extends ChatRobot {
    static final int TOO_FAST = 45009;
    static final int MAX_BYTES = 4096;

    public WeComRobot() {
        super(ReceiverKind.WECOM, "errcode", TOO_FAST);
    }

    @Override
    Map<String, Object> body(Target target, OutboundMessage message) {
        return Map.of("msgtype", "markdown", "markdown", Map.of("content", fit(message.content.markdown())));
    }

    /** Cut to 4,096 UTF-8 bytes at a character boundary, saying so. */
    static String fit(String markdown) {
        if (markdown.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES) {
            return markdown;
        }
        String more = "\n\n……（内容过长，已截断）";
        int budget = MAX_BYTES - more.getBytes(StandardCharsets.UTF_8).length;
        StringBuilder kept = new StringBuilder();
        int used = 0;
        for (int i = 0; i < markdown.length(); ) {
            int cp = markdown.codePointAt(i);
            int bytes = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (used + bytes > budget) {
                break;
            }
            kept.appendCodePoint(cp);
            used += bytes;
            i += Character.charCount(cp);
        }
        return kept + more;
    }
}
