package cn.duban.notifier.service;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.duban.notifier.Events;
import cn.duban.notifier.LocalMail;
import cn.duban.notifier.LocalRobot;
import cn.duban.notifier.NotifierInfra;
import cn.duban.notifier.config.NotifierConfig;
import cn.duban.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the office sees of routing: a burst to one robot is grouped and paced within the robot's rate limit; a
 * silence stops matching notices and its end lets them through; quiet hours hold a YELLOW until the morning but not a
 * RED at level 2; a RED alert on a task holds its YELLOW; a receiver's outage delays a message and never loses or
 * repeats it; the office's own message (a bulletin) reaches a mailbox once per Idempotency-Key.
 */
@QuarkusTest
class RoutingBehaviourTest extends NotifierInfra {

    @Inject
    NotifierConfig config;

    private final String suffix = UUID.randomUUID().toString().substring(0, 6);
    private LocalRobot robot;
    private String receiver;

    @BeforeEach
    void aRobotThatTakesEverythingOfThisTest() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        TestTokens.actAs(TestTokens.supervisor());
        robot = LocalRobot.dingTalkOrWeCom();
        receiver = "robot-" + suffix;
        given().contentType(ContentType.JSON)
                .body("{\"name\": \"%s\", \"kind\": \"dingtalk\", \"url\": \"%s\"}".formatted(receiver,
                        robot.url("/robot/send?access_token=t-" + suffix)))
                .post("/api/notify/receivers").then().statusCode(201);
    }

    @AfterEach
    void stopRobot() {
        robot.close();
    }

    private void routeAllTo(String groupBy, String groupWait) {
        given().contentType(ContentType.JSON).body("""
                {"receiver": "%s", "groupBy": %s, "groupWait": "%s", "groupInterval": "1s", "repeatInterval": "4h"}
                """.formatted(receiver, groupBy, groupWait)).put("/api/notify/routes").then().statusCode(200);
    }

    private List<LocalRobot.Request> about(String marker) {
        return robot.requests().stream().filter(r -> r.body().contains(marker)).toList();
    }

    /** Business time at {@code at}, and wait until the notifier has it (its silences list says the time it reads). */
    private static void businessTime(OffsetDateTime at) {
        Events.clockTo(at);
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            OffsetDateTime seen = OffsetDateTime.parse(given().get("/api/notify/silences").then().statusCode(200)
                    .extract().path("businessTime"));
            return Duration.between(at, seen).abs().compareTo(Duration.ofMinutes(1)) < 0;
        });
    }

    @Test
    void aBurstToOneRobotIsGroupedBySectorAndPacedWithinItsRateLimit() {
        businessTime(Events.daytime());
        routeAllTo("[\"sector\"]", "20s"); // long enough for all 24 to arrive before the first group is sent
        String marker = "burst-" + suffix;
        String[] codes = {"AGR", "IND", "CUL", "URB", "REF", "LIV"};
        for (int i = 0; i < 24; i++) {
            String taskId = Events.taskId(codes[i % codes.length]);
            Events.raise(taskId, "DUE_SOON", "YELLOW", List.of("县农业农村局"), marker + " 距完成时限还有 10 天", Events.daytime());
        }
        // 24 alerts over six sectors: six messages, one per sector, each listing its four alerts
        await().atMost(Duration.ofSeconds(60)).until(() -> about(marker).size() >= 6);
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> about(marker).size() == 6);
        for (LocalRobot.Request message : about(marker)) {
            assertThat(message.json().path("markdown").path("text").asText().split(marker, -1)).hasSize(5);
        }
        assertWithinRateLimit(about(marker));
    }

    @Test
    void oneMessagePerAlertIsStillPacedWithinTheRateLimit() {
        businessTime(Events.daytime());
        routeAllTo("[\"...\"]", "0s");
        String marker = "pace-" + suffix;
        int alerts = config.rateLimit().get("dingtalk").messages() * 2 + 2;
        for (int i = 0; i < alerts; i++) {
            Events.raise(Events.taskId("AGR"), "LAGGING", "YELLOW", List.of("县农业农村局"), marker + " 落后计划 25 个百分点", Events.daytime());
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> about(marker).size() == alerts);
        assertWithinRateLimit(robot.requests());
    }

    /** No window of the configured length holds more requests than the limit (DingTalk: 20 a minute). */
    private void assertWithinRateLimit(List<LocalRobot.Request> requests) {
        NotifierConfig.RateLimit limit = config.rateLimit().get("dingtalk");
        List<Instant> times = new ArrayList<>(requests.stream().map(LocalRobot.Request::at).sorted().toList());
        for (int i = 0; i + limit.messages() < times.size(); i++) {
            assertThat(Duration.between(times.get(i), times.get(i + limit.messages())))
                    .as("%d messages within %s", limit.messages() + 1, limit.per()).isGreaterThanOrEqualTo(limit.per());
        }
    }

    @Test
    void aSilenceStopsMatchingNoticesAndItsEndLetsThemThrough() {
        businessTime(Events.daytime());
        routeAllTo("[\"taskId\"]", "0s");
        String muted = Events.taskId("URB");
        String other = Events.taskId("URB");
        String silence = given().contentType(ContentType.JSON)
                .body("{\"matchers\": [\"taskId=%s\"], \"duration\": \"6s\", \"comment\": \"正在现场督查，暂停推送\"}".formatted(muted))
                .post("/api/notify/silences").then().statusCode(201).extract().path("id");

        Events.raise(muted, "STALE_REPORT", "YELLOW", List.of("县住房和城乡建设管理局"), "本月进度未报送", Events.daytime());
        Events.raise(other, "STALE_REPORT", "YELLOW", List.of("县住房和城乡建设管理局"), "本月进度未报送", Events.daytime());

        await().atMost(Duration.ofSeconds(20)).until(() -> about(other).size() == 1);
        assertThat(about(muted)).as("silenced").isEmpty();
        await().atMost(Duration.ofSeconds(30)).until(() -> about(muted).size() == 1);
        given().get("/api/notify/silences/" + silence + "/audit").then().statusCode(200);
    }

    @Test
    void quietHoursHoldAYellowUntilMorningButNotARedAtLevelTwo() {
        businessTime(OffsetDateTime.parse("2031-06-01T23:30:00+08:00"));
        routeAllTo("[\"taskId\"]", "0s");
        String yellowTask = Events.taskId("AGR");
        String redTask = Events.taskId("AGR");
        OffsetDateTime night = OffsetDateTime.parse("2031-06-01T23:31:00+08:00");
        Events.raise(yellowTask, "DUE_SOON", "YELLOW", List.of("县农业农村局"), "距完成时限还有 5 天", night);
        String red = Events.raise(redTask, "OVERDUE", "RED", List.of("县农业农村局"), "已超过完成时限 3 天", night.minusDays(3));
        Events.escalate(red, redTask, "OVERDUE", 2, "分管农业农村工作的副县长", night);

        await().atMost(Duration.ofSeconds(20)).until(() -> about(redTask).stream()
                .anyMatch(r -> r.body().contains("第 2 级")));
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> about(yellowTask).isEmpty());

        businessTime(OffsetDateTime.parse("2031-06-02T08:01:00+08:00"));
        await().atMost(Duration.ofSeconds(20)).until(() -> about(yellowTask).size() == 1);
    }

    @Test
    void aRedOnATaskHoldsItsYellowUntilTheRedIsResolved() {
        businessTime(Events.daytime());
        routeAllTo("[\"...\"]", "1s");
        String taskId = Events.taskId("IND");
        String redReason = "节点“投产”已逾期 " + suffix;
        String yellowReason = "落后计划 30 个百分点 " + suffix;
        String red = Events.raise(taskId, "MILESTONE_OVERDUE", "RED", List.of("县工业和信息化局"), redReason, Events.daytime());
        Events.raise(taskId, "LAGGING", "YELLOW", List.of("县工业和信息化局"), yellowReason, Events.daytime());

        await().atMost(Duration.ofSeconds(20)).until(() -> about(redReason).size() == 1);
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> about(yellowReason).isEmpty());

        Events.resolve(red, taskId, "MILESTONE_OVERDUE", Events.daytime());
        await().atMost(Duration.ofSeconds(20)).until(() -> about(yellowReason).size() == 1);
        await().atMost(Duration.ofSeconds(20)).until(() -> robot.requests().stream()
                .filter(r -> r.body().contains("已解除") && r.body().contains(taskId)).count() == 1);
    }

    @Test
    void aReceiverOutageDelaysAMessageAndNeverLosesOrRepeatsIt() {
        businessTime(Events.daytime());
        routeAllTo("[\"taskId\"]", "0s");
        robot.failNext(3);
        String taskId = Events.taskId("REF");
        String alert = Events.raise(taskId, "OVERDUE", "RED", List.of("县发展和改革局"), "已超过完成时限 1 天", Events.daytime());

        JsonPath log = await().atMost(Duration.ofSeconds(40)).until(
                () -> given().get("/api/notify/deliveries?alertId=" + alert).then().statusCode(200).extract().jsonPath(),
                json -> "SENT".equals(json.getString("items[0].status")));
        assertThat(log.getList("items")).hasSize(1);
        assertThat(log.getList("items[0].log.outcome")).containsExactly("FAILED", "FAILED", "FAILED", "DELIVERED");
        assertThat(log.getList("items[0].log.statusCode", Integer.class)).containsExactly(503, 503, 503, 200);
        assertThat(log.getString("items[0].log[0].answer")).contains("down for the test");
        assertThat(robot.requests().stream().filter(r -> r.body().contains(alert) || r.body().contains(taskId))).hasSize(4);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).until(() -> about(taskId).size() == 4);
    }

    @Test
    void theOfficesBulletinReachesTheLeadersMailboxOncePerIdempotencyKey() throws Exception {
        String mailbox = "leaders-" + suffix + "@duban.local";
        given().contentType(ContentType.JSON)
                .body("{\"name\": \"领导邮箱-%s\", \"kind\": \"email\", \"to\": \"%s\"}".formatted(suffix, mailbox))
                .post("/api/notify/receivers").then().statusCode(201);
        String body = """
                {"receivers": ["领导邮箱-%s"], "subject": "督查通报 2031-W23", "body": "本周红灯 3 项，详见附件。",
                 "link": "https://duban.test/api/supervision/bulletins/2031-W23.pdf",
                 "attachments": [{"name": "督查通报-2031-W23.pdf", "contentType": "application/pdf", "content": "%s"}]}
                """.formatted(suffix, Base64.getEncoder().encodeToString("%PDF-1.4 bulletin".getBytes()));
        String key = "bulletin-" + suffix;
        String first = given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .post("/api/notify/messages").then().statusCode(202).extract().path("messages[0].id");
        String again = given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .post("/api/notify/messages").then().statusCode(202).extract().path("messages[0].id");
        assertThat(again).isEqualTo(first);

        MimeMessage mail = await().atMost(Duration.ofSeconds(30)).until(() -> LocalMail.received().stream()
                .filter(m -> recipient(m).equals(mailbox)).findFirst().orElse(null), m -> m != null);
        assertThat(mail.getSubject()).isEqualTo("【督办】督查通报 2031-W23");
        assertThat(attachments(mail)).containsExactly("督查通报-2031-W23.pdf");
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4))
                .until(() -> LocalMail.received().stream().filter(m -> recipient(m).equals(mailbox)).count() == 1);

        given().contentType(ContentType.JSON).body("{\"receivers\": [\"%s\"], \"subject\": \"x\", \"body\": \"y\", \"attachments\": [{\"name\": \"a.pdf\", \"content\": \"AAAA\"}]}"
                .formatted(receiver)).post("/api/notify/messages").then().statusCode(400);
    }

    /** The names of a mail's attachments, decoded (a Chinese file name travels RFC 2047/2231-encoded). */
    private static List<String> attachments(MimeMessage message) throws Exception {
        List<String> names = new ArrayList<>();
        if (message.getContent() instanceof jakarta.mail.Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                jakarta.mail.BodyPart part = multipart.getBodyPart(i);
                if (part.getFileName() != null) {
                    names.add(jakarta.mail.internet.MimeUtility.decodeText(part.getFileName()));
                }
            }
        }
        return names;
    }

    private static String recipient(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (Exception e) {
            return "";
        }
    }
}
