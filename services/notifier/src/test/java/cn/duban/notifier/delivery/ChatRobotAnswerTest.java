package cn.duban.notifier.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * How each robot's answer is read, with the answers the providers document: HTTP 200 always, the verdict in the
 * body's code. A robot that says "too fast" must be retried after a pause, not counted as failed.
 */
class ChatRobotAnswerTest {
    private final DingTalkRobot dingTalk = new DingTalkRobot();
    private final FeishuBot feishu = new FeishuBot();
    private final WeComRobot weCom = new WeComRobot();

    @Test
    void codeZeroIsDelivered() {
        assertThat(dingTalk.answer(ok("{\"errcode\":0,\"errmsg\":\"ok\"}")).delivered()).isTrue();
        assertThat(weCom.answer(ok("{\"errcode\":0,\"errmsg\":\"ok\"}")).delivered()).isTrue();
        assertThat(feishu.answer(ok("{\"code\":0,\"msg\":\"success\"}")).delivered()).isTrue();
        assertThat(feishu.answer(ok("{\"StatusCode\":0,\"StatusMessage\":\"success\"}")).delivered())
                .as("Feishu's older answer").isTrue();
    }

    @Test
    void eachRobotsOwnTooFastCodeAsksToSlowDown() {
        Channel.Answer dingTalkTooFast = dingTalk.answer(ok("{\"errcode\":130101,\"errmsg\":\"send too fast\"}"));
        assertThat(dingTalkTooFast.delivered()).isFalse();
        assertThat(dingTalkTooFast.slowDown()).isTrue();
        assertThat(weCom.answer(ok("{\"errcode\":45009,\"errmsg\":\"api freq out of limit\"}")).slowDown()).isTrue();
        assertThat(feishu.answer(ok("{\"code\":11232,\"msg\":\"frequency limited\"}")).slowDown()).isTrue();
        assertThat(dingTalk.answer(new RobotHttp.Response(429, "", null)).slowDown()).as("HTTP 429").isTrue();
        // one robot's too-fast code is another's plain failure
        assertThat(dingTalk.answer(ok("{\"errcode\":45009,\"errmsg\":\"?\"}")).slowDown()).isFalse();
    }

    @Test
    void anyOtherCodeOrNoCodeFailsWithWhatTheRobotSaid() {
        Channel.Answer badSign = dingTalk.answer(ok("{\"errcode\":310000,\"errmsg\":\"sign not match\"}"));
        assertThat(badSign.delivered()).isFalse();
        assertThat(badSign.slowDown()).isFalse();
        assertThat(badSign.said()).contains("sign not match");
        Channel.Answer noCode = feishu.answer(ok("<html>gateway</html>"));
        assertThat(noCode.delivered()).isFalse();
        assertThat(noCode.said()).isEqualTo("回复中没有 code：<html>gateway</html>");
        Channel.Answer unreachable = weCom.answer(new RobotHttp.Response(0, null, "connection refused"));
        assertThat(unreachable.delivered()).isFalse();
        assertThat(unreachable.status()).isNull();
    }

    private static RobotHttp.Response ok(String body) {
        return new RobotHttp.Response(200, body, null);
    }
}
