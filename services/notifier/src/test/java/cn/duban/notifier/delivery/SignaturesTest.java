package cn.duban.notifier.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The providers' signatures against values computed independently (Python's hmac, base64 and urllib, as the
 * providers' own examples compute them), so a change of algorithm, key/data order or encoding fails here.
 */
class SignaturesTest {

    @Test
    void dingTalkSignsTimestampNewlineSecretWithTheSecretAndUrlEncodesTheBase64() {
        assertThat(Signatures.dingTalk(1656640800000L, "SEC0123456789abcdef"))
                .isEqualTo("aRPWFtebKYh3S%2B0LexfT1Mu%2BJc5n2BODF9TKo7zLulM%3D");
    }

    @Test
    void feishuUsesTimestampNewlineSecretAsTheKeyOverNothing() {
        assertThat(Signatures.feishu(1656640800L, "feishu-secret-1")).isEqualTo("Sur3z9waDUXM1uGzy5YMYzvBNSLwpeP+ydlCdGY6QYw=");
    }

    @Test
    void theWebhookSignsTimestampDotBodyInHex() {
        assertThat(Signatures.webhook(1656640800L, "{\"id\":\"m-1\"}", "hook-key"))
                .isEqualTo("sha256=6877a582c02da94754da70cc9fee9590833cbb623bd0c9fcc3416bd1e99d0a45");
    }

    @Test
    void weComMarkdownIsCutAt4096BytesOnACharacterBoundary() {
        String long_ = "督".repeat(2000); // 6,000 bytes in UTF-8
        String fitted = WeComRobot.fit(long_);
        assertThat(fitted.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isLessThanOrEqualTo(4096);
        assertThat(fitted).endsWith("（内容过长，已截断）").startsWith("督督督");
        assertThat(WeComRobot.fit("短消息")).isEqualTo("短消息");
    }
}
