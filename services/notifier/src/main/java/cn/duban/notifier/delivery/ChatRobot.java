package cn.duban.notifier.delivery;

import cn.duban.notifier.repository.OutboundMessage;
import cn.duban.notifier.repository.ReceiverKind;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * A chat group's custom robot (DingTalk, WeCom, Feishu): one JSON POST to its webhook, answered with HTTP 200 and a
 * code in the body — 0 is delivered, the robot's own code for "too many messages" is too fast (retried after its
 * silence), anything else failed. Each robot says only what it sends and, when it signs the URL, where to.
 */
abstract class ChatRobot extends HttpChannel {
    private final String codeField;
    private final int tooFast;

    ChatRobot(ReceiverKind kind, String codeField, int tooFast) {
        super(kind);
        this.codeField = codeField;
        this.tooFast = tooFast;
    }

    @Override
    public Answer deliver(Target target, OutboundMessage message) {
        return answer(http.postJson(url(target), body(target, message)));
    }

    /** Where to POST: the webhook URL as the receiver has it. */
    String url(Target target) {
        return target.url();
    }

    /** The message as the robot's API takes it. */
    abstract Map<String, Object> body(Target target, OutboundMessage message);

    Answer answer(RobotHttp.Response response) {
        if (!response.ok()) {
            return response.status() == 429 ? Answer.tooFast(response.status(), response.said())
                    : Answer.failed(response.failure() == null ? response.status() : null, response.said());
        }
        JsonNode json = response.json();
        JsonNode code = json == null ? null : json.get(codeField);
        if (code == null && json != null && json.has("StatusCode")) {
            code = json.get("StatusCode"); // Feishu's older answer
        }
        if (code == null || !code.canConvertToInt()) {
            return Answer.failed(response.status(), "回复中没有 " + codeField + "：" + response.said());
        }
        if (code.asInt() == 0) {
            return Answer.delivered(response.status(), response.said());
        }
        return code.asInt() == tooFast ? Answer.tooFast(response.status(), response.said())
                : Answer.failed(response.status(), response.said());
    }
}
