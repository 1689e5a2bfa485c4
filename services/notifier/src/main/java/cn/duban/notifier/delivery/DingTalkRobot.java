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
public class DingTalkRobot extends HttpChannel {
    static final int TOO_FAST = 130101;

    public DingTalkRobot() {
        super(ReceiverKind.DINGTALK);
    }

    @Override
    public Answer deliver(Target target, OutboundMessage message) {
        String url = target.url();
        if (target.secret() != null) {
            long timestamp = System.currentTimeMillis();
            url += (url.contains("?") ? "&" : "?") + "timestamp=" + timestamp + "&sign=" + Signatures.dingTalk(timestamp, target.secret());
        }
        Map<String, Object> body = Map.of("msgtype", "markdown",
                "markdown", Map.of("title", message.content.title(), "text", message.content.markdown()));
        RobotHttp.Response response = http.postJson(url, body);
        return RobotAnswers.of(response, "errcode", TOO_FAST);
    }
}
