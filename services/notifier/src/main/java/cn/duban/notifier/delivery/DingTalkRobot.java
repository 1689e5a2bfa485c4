package cn.duban.notifier.delivery;

import cn.duban.notifier.repository.OutboundMessage;
import cn.duban.notifier.repository.ReceiverKind;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/**
 * DingTalk custom robot (钉钉自定义机器人): POST the robot's webhook URL (…/robot/send?access_token=…) with
 * {@code timestamp} and {@code sign} added when the robot is signed (加签), body {@code {"msgtype": "markdown",
 * "markdown": {"title", "text"}}}; it answers {@code {"errcode": 0, "errmsg": "ok"}}. 20 messages a minute per robot;
 * beyond that errcode 130101 and ten minutes of silence.
 */
@ApplicationScoped
public class DingTalkRobot extends ChatRobot {
    static final int TOO_FAST = 130101;

    public DingTalkRobot() {
        super(ReceiverKind.DINGTALK, "errcode", TOO_FAST);
    }

    /** A signed robot (加签) takes the timestamp and the sign in the URL. */
    @Override
    String url(Target target) {
        if (target.secret() == null) {
            return target.url();
        }
        long timestamp = System.currentTimeMillis();
        return target.url() + (target.url().contains("?") ? "&" : "?") + "timestamp=" + timestamp + "&sign="
                + Signatures.dingTalk(timestamp, target.secret());
    }

    @Override
    Map<String, Object> body(Target target, OutboundMessage message) {
        return Map.of("msgtype", "markdown",
                "markdown", Map.of("title", message.content.title(), "text", message.content.markdown()));
    }
}
