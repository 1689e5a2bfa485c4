package cn.duban.notifier.delivery;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.duban.notifier.Events;
import cn.duban.notifier.LocalMail;
import cn.duban.notifier.LocalRobot;
import cn.duban.notifier.NotifierInfra;
import cn.duban.testsupport.TestTokens;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Each provider gets what its documentation describes: local robots on the loopback interface check the signature as
 * the provider would (and refuse a wrong one with the provider's error code), the payload's shape, and that the text
 * says what is late, by how much, who answers, with links to the phone app and the office's page. Mail is read back
 * from the local GreenMail SMTP server.
 */
@QuarkusTest
class ProviderFormatsTest extends NotifierInfra {
    /**
     * Generous: in make test the notifier first reads the thousands of alerts earlier modules left on the shared broker,
     * and the alert of a test queues behind them (twice over 30 s on a loaded machine). This test is about formats.
     */
    private static final Duration DELIVERED_WITHIN = Duration.ofMinutes(3);
    private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 6);
    private static final String DING_SECRET = "SEC" + UUID.randomUUID().toString().replace("-", "");
    private static final String FEISHU_SECRET = "fs" + UUID.randomUUID().toString().replace("-", "");
    private static final String HOOK_SECRET = "hook-" + UUID.randomUUID();
    private static final String MAILBOX = "leaders-" + SUFFIX + "@duban.local";
    // business time of the alerts: three days after the test tasks' deadline
    private static final LocalDate DEADLINE = LocalDate.of(2031, 5, 31);
    private static final OffsetDateTime AT = OffsetDateTime.parse("2031-06-03T10:00:00+08:00");

    private static LocalRobot dingTalk;
    private static LocalRobot weCom;
    private static LocalRobot feishu;
    private static LocalRobot webhook;
    private static LocalRobot elsewhere;

    @BeforeAll
    static void robots() {
        dingTalk = LocalRobot.dingTalkOrWeCom();
        dingTalk.answering(request -> dingTalkSignatureValid(request) ? "{\"errcode\":0,\"errmsg\":\"ok\"}"
                : "{\"errcode\":310000,\"errmsg\":\"sign not match\"}");
        weCom = LocalRobot.dingTalkOrWeCom();
        feishu = LocalRobot.feishu();
        feishu.answering(request -> feishuSignatureValid(request.json()) ? "{\"code\":0,\"msg\":\"success\",\"data\":{}}"
                : "{\"code\":19021,\"msg\":\"sign match fail or timestamp is not within one hour from current time\",\"data\":{}}");
        webhook = LocalRobot.webhook();
        elsewhere = LocalRobot.webhook();
    }

    @AfterAll
    static void stop() {
        List.of(dingTalk, weCom, feishu, webhook, elsewhere).forEach(LocalRobot::close);
    }

    @BeforeEach
    void receiversAndRoutes() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        TestTokens.actAs(TestTokens.supervisor());
        receiver("{\"name\": \"ding-%s\", \"kind\": \"dingtalk\", \"url\": \"%s\", \"secret\": \"%s\"}"
                .formatted(SUFFIX, dingTalk.url("/robot/send?access_token=ding-token"), DING_SECRET));
        receiver("{\"name\": \"wecom-%s\", \"kind\": \"wecom\", \"url\": \"%s\"}"
                .formatted(SUFFIX, weCom.url("/cgi-bin/webhook/send?key=wecom-key")));
        receiver("{\"name\": \"feishu-%s\", \"kind\": \"feishu\", \"url\": \"%s\", \"secret\": \"%s\"}"
                .formatted(SUFFIX, feishu.url("/open-apis/bot/v2/hook/feishu-hook-id-0123456789"), FEISHU_SECRET));
        receiver("{\"name\": \"hook-%s\", \"kind\": \"webhook\", \"url\": \"%s\", \"secret\": \"%s\"}"
                .formatted(SUFFIX, webhook.url("/duban/alerts"), HOOK_SECRET));
        receiver("{\"name\": \"mail-%s\", \"kind\": \"email\", \"to\": [\"%s\"]}".formatted(SUFFIX, MAILBOX));
        // the root takes everything else on the topic (earlier test modules share the broker): not one of the
        // receivers under test, so their queues hold only this class's notices
        receiver("{\"name\": \"elsewhere-%s\", \"kind\": \"webhook\", \"url\": \"%s\", \"secret\": \"%s\"}"
                .formatted(SUFFIX, elsewhere.url("/elsewhere"), HOOK_SECRET));
        given().contentType(ContentType.JSON).body("""
                {"receiver": "elsewhere-%1$s", "groupBy": ["taskId"], "groupWait": "2s", "groupInterval": "1s", "repeatInterval": "4h",
                 "routes": [
                   {"receiver": "ding-%1$s", "matchers": ["sector=agriculture", "taskId=~2031-.*"]},
                   {"receiver": "wecom-%1$s", "matchers": ["sector=industry", "taskId=~2031-.*"]},
                   {"receiver": "feishu-%1$s", "matchers": ["sector=culture-tourism", "taskId=~2031-.*"]},
                   {"receiver": "hook-%1$s", "matchers": ["sector=reform", "taskId=~2031-.*"]},
                   {"receiver": "mail-%1$s", "matchers": ["sector=livelihood", "taskId=~2031-.*"]}
                 ]}
                """.formatted(SUFFIX)).put("/api/notify/routes").then().statusCode(200);
    }

    private static void receiver(String json) {
        int status = given().contentType(ContentType.JSON).body(json).post("/api/notify/receivers").then().extract().statusCode();
        assertThat(status).as(json).isIn(201, 409);
    }

    /** An overdue task of a sector with a RED alert on it; returns {taskId, alertId}. */
    private static String[] overdue(String code, String sector, String title, String unit) {
        String taskId = Events.taskId(code);
        Events.assign(taskId, sector, title, DEADLINE, unit, List.of("县财政局"), "分管农业农村工作的副县长", AT.minusMonths(6));
        String alertId = Events.raise(taskId, "OVERDUE", "RED", List.of(unit, "县财政局"),
                "已超过完成时限 2031-05-31 3 天，尚未办结", AT);
        return new String[] {taskId, alertId};
    }

    private static void assertActionable(String text, String taskId, String title) {
        assertThat(text).contains(title, "任务逾期", "已逾期 3 天", "完成时限 2031-05-31", "牵头单位", "配合单位", "县财政局",
                "责任领导", "分管农业农村工作的副县长", "https://duban.test/m/#/tasks/" + taskId,
                "https://duban.test/#/task/" + taskId);
    }

    @Test
    void dingTalkGetsASignedMarkdownMessage() {
        String[] t = overdue("AGR", "agriculture", "新建高标准农田6万亩（钉钉）", "县农业农村局");
        LocalRobot.Request request = await().atMost(DELIVERED_WITHIN).until(
                () -> dingTalk.requests().stream().filter(r -> r.body().contains(t[0])).findFirst().orElse(null), r -> r != null);

        assertThat(request.path()).isEqualTo("/robot/send");
        assertThat(request.query()).containsEntry("access_token", "ding-token").containsKeys("timestamp", "sign");
        assertThat(dingTalkSignatureValid(request)).as("sign = Base64(HmacSHA256(timestamp + \"\\n\" + secret)), URL-encoded").isTrue();
        JsonNode body = request.json();
        assertThat(body.path("msgtype").asText()).isEqualTo("markdown");
        assertThat(body.path("markdown").path("title").asText()).contains("新建高标准农田6万亩（钉钉）");
        assertActionable(body.path("markdown").path("text").asText(), t[0], "新建高标准农田6万亩（钉钉）");
        assertThat(body.path("markdown").path("text").asText()).contains("牵头单位：县农业农村局");
        awaitSent(t[1], "ding-" + SUFFIX);
    }

    @Test
    void weComGetsMarkdownContent() {
        String[] t = overdue("IND", "industry", "工业园区标准化厂房建设（企业微信）", "县工业和信息化局");
        LocalRobot.Request request = await().atMost(DELIVERED_WITHIN).until(
                () -> weCom.requests().stream().filter(r -> r.body().contains(t[0])).findFirst().orElse(null), r -> r != null);

        assertThat(request.path()).isEqualTo("/cgi-bin/webhook/send");
        assertThat(request.query()).containsEntry("key", "wecom-key");
        JsonNode body = request.json();
        assertThat(body.path("msgtype").asText()).isEqualTo("markdown");
        String content = body.path("markdown").path("content").asText();
        assertThat(content.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(4096);
        assertActionable(content, t[0], "工业园区标准化厂房建设（企业微信）");
        awaitSent(t[1], "wecom-" + SUFFIX);
    }

    @Test
    void feishuGetsASignedInteractiveCard() {
        String[] t = overdue("CUL", "culture-tourism", "古城墙修缮（飞书）", "县文化和旅游局");
        LocalRobot.Request request = await().atMost(DELIVERED_WITHIN).until(
                () -> feishu.requests().stream().filter(r -> r.body().contains(t[0])).findFirst().orElse(null), r -> r != null);

        JsonNode body = request.json();
        assertThat(body.path("timestamp").asText()).matches("\\d{10}");
        assertThat(feishuSignatureValid(body)).as("sign = Base64(HmacSHA256(key = timestamp + \"\\n\" + secret, data = \"\"))").isTrue();
        assertThat(body.path("msg_type").asText()).isEqualTo("interactive");
        JsonNode card = body.path("card");
        assertThat(card.path("header").path("title").path("content").asText()).contains("古城墙修缮（飞书）");
        assertThat(card.path("header").path("template").asText()).isEqualTo("red");
        assertThat(card.path("elements").get(0).path("tag").asText()).isEqualTo("markdown");
        assertThat(card.path("elements").get(1).path("actions").findValuesAsText("url"))
                .contains("https://duban.test/m/#/tasks/" + t[0], "https://duban.test/#/task/" + t[0]);
        assertActionable(card.path("elements").get(0).path("content").asText() + card.toString(), t[0], "古城墙修缮（飞书）");
        awaitSent(t[1], "feishu-" + SUFFIX);
    }

    @Test
    void aWebhookGetsTheCloudEventSignedWithHmac() throws Exception {
        String[] t = overdue("REF", "reform", "营商环境改革（回调）", "县发展和改革局");
        LocalRobot.Request request = await().atMost(DELIVERED_WITHIN).until(
                () -> webhook.requests().stream().filter(r -> r.body().contains(t[1])).findFirst().orElse(null), r -> r != null);

        assertThat(request.headers().get("content-type")).startsWith("application/cloudevents+json");
        String timestamp = request.headers().get("x-duban-timestamp");
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(HOOK_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = "sha256=" + HexFormat.of().formatHex(mac.doFinal((timestamp + "." + request.body()).getBytes(StandardCharsets.UTF_8)));
        assertThat(request.headers().get("x-duban-signature")).isEqualTo(expected);
        JsonNode event = request.json();
        assertThat(event.path("specversion").asText()).isEqualTo("1.0");
        assertThat(event.path("type").asText()).isEqualTo("duban.Notification.v1");
        assertThat(event.path("source").asText()).isEqualTo("/duban/notifier");
        assertThat(event.path("subject").asText()).isEqualTo(t[0]);
        JsonNode notice = event.path("data").path("notices").get(0);
        assertThat(notice.path("alertId").asText()).isEqualTo(t[1]);
        assertThat(notice.path("light").asText()).isEqualTo("RED");
        assertThat(notice.path("title").asText()).isEqualTo("营商环境改革（回调）");
        String messageId = awaitSent(t[1], "hook-" + SUFFIX);
        assertThat(event.path("id").asText()).as("the CloudEvent's id is the message's stable id").isEqualTo(messageId);
    }

    @Test
    void mailArrivesAtTheLocalSmtpServer() throws Exception {
        String[] t = overdue("LIV", "livelihood", "城区学校扩容（邮件）", "县教育科技局");
        MimeMessage mail = await().atMost(DELIVERED_WITHIN).until(() -> LocalMail.received().stream()
                .filter(m -> subject(m).contains("城区学校扩容（邮件）")).findFirst().orElse(null), m -> m != null);

        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo(MAILBOX);
        assertThat(subject(mail)).startsWith("【督办】");
        String content = com.icegreen.greenmail.util.GreenMailUtil.getBody(mail);
        assertThat(content).contains("text/html", "text/plain");
        String messageId = awaitSent(t[1], "mail-" + SUFFIX);
        assertThat(mail.getMessageID()).contains(messageId);
    }

    /** The delivery log says SENT with one DELIVERED attempt; returns the message id. */
    private static String awaitSent(String alertId, String receiver) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> given().get("/api/notify/deliveries?alertId=" + alertId)
                .then().statusCode(200).extract().jsonPath(), json -> json.getList("items.findAll { it.receiver == '" + receiver
                        + "' && it.status == 'SENT' }").size() == 1)
                .getString("items.find { it.receiver == '" + receiver + "' }.messageId");
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (Exception e) {
            return "";
        }
    }

    private static boolean dingTalkSignatureValid(LocalRobot.Request request) {
        try {
            String timestamp = request.query().get("timestamp");
            if (timestamp == null || Math.abs(System.currentTimeMillis() - Long.parseLong(timestamp)) > 3_600_000) {
                return false;
            }
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(DING_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String expected = Base64.getEncoder().encodeToString(mac.doFinal((timestamp + "\n" + DING_SECRET).getBytes(StandardCharsets.UTF_8)));
            return expected.equals(request.query().get("sign"));
        } catch (Exception e) {
            return false;
        }
    }

    private static boolean feishuSignatureValid(JsonNode body) {
        try {
            String timestamp = body.path("timestamp").asText();
            if (Math.abs(System.currentTimeMillis() / 1000 - Long.parseLong(timestamp)) > 3600) {
                return false;
            }
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec((timestamp + "\n" + FEISHU_SECRET).getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(new byte[0])).equals(body.path("sign").asText());
        } catch (Exception e) {
            return false;
        }
    }
}
