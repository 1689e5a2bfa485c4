package cn.duban.notifier.delivery;

import com.fasterxml.jackson.databind.JsonNode;

/** The robots answer HTTP 200 with an error code in the body: 0 is delivered, anything else is not. */
final class RobotAnswers {
    private RobotAnswers() {
    }

    static Channel.Answer of(RobotHttp.Response response, String codeField, int tooFast) {
        if (!response.ok()) {
            return response.status() == 429 ? Channel.Answer.tooFast(response.status(), response.said())
                    : Channel.Answer.failed(response.failure() == null ? response.status() : null, response.said());
        }
        JsonNode json = response.json();
        JsonNode code = json == null ? null : json.get(codeField);
        if (code == null && json != null && json.has("StatusCode")) {
            code = json.get("StatusCode"); // Feishu's older answer
        }
        if (code == null || !code.canConvertToInt()) {
            return Channel.Answer.failed(response.status(), "no " + codeField + " in the answer: " + response.said());
        }
        if (code.asInt() == 0) {
            return Channel.Answer.delivered(response.status(), response.said());
        }
        return code.asInt() == tooFast ? Channel.Answer.tooFast(response.status(), response.said())
                : Channel.Answer.failed(response.status(), response.said());
    }
}
