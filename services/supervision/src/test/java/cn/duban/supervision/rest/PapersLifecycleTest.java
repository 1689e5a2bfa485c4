package cn.duban.supervision.rest;

import cn.duban.supervision.AsTheOfficeOnTheDemoClock;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import cn.duban.events.Topics;
import cn.duban.supervision.papers.PaperFiles;
import cn.duban.testsupport.KafkaTestClient;
import cn.duban.testsupport.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** 督办通知单 and 领导批示 through their lives at supervision: issued, received, answered, or overdue and escalated. */
@QuarkusTest
class PapersLifecycleTest extends AsTheOfficeOnTheDemoClock {
    static final String COKE = "2022-IND-010";
    static final String FARMLAND = "2022-AGR-003";
    static final String INDUSTRY_BUREAU = "县工业和信息化局";

    @Inject
    AgroalDataSource database;

    static String office() {
        return TestTokens.supervisor();
    }

    static String industryBureau() {
        return TestTokens.unitReporter("industry-bureau", "industry", INDUSTRY_BUREAU);
    }

    static io.restassured.specification.RequestSpecification as(String bearer) {
        return given().header("Authorization", bearer).contentType(ContentType.JSON);
    }

    @Test
    void aNoticeIsIssuedReceivedAndAnsweredAndItsPdfCarriesTheReply() {
        BulletinTest.clock("2022-11-01T09:00:00+08:00");
        var issued = as(office()).body(Map.of("late", "焦化项目未按期投产，逾期未完成", "requirement", "请于5日内报送整改方案"))
                .post("/api/supervision/tasks/{id}/notices", COKE).then().statusCode(201)
                .body("documentNumber", org.hamcrest.Matchers.matchesPattern("〔2022〕第\\d+号"))
                .body("replyBy", equalTo("2022-11-06")).body("state", equalTo("ISSUED")).extract().jsonPath();
        String number = issued.getString("number");

        as(TestTokens.unitReporter("agri", "agriculture", "县农业农村局")).body(Map.of("reply", "not ours")).post(
                "/api/supervision/tasks/{id}/notices/{n}/reply", COKE, number).then().statusCode(403);
        as(industryBureau()).post("/api/supervision/tasks/{id}/notices/{n}/receive", COKE, number).then().statusCode(200)
                .body("state", equalTo("RECEIVED")).body("receivedBy", equalTo("industry-bureau"));
        as(industryBureau()).body(Map.of("reply", "已成立专班，11月底前完成投产验收")).post(
                "/api/supervision/tasks/{id}/notices/{n}/reply", COKE, number).then().statusCode(200)
                .body("state", equalTo("REPLIED")).body("reply", equalTo("已成立专班，11月底前完成投产验收"));
        as(industryBureau()).body(Map.of("reply", "again")).post("/api/supervision/tasks/{id}/notices/{n}/reply", COKE, number)
                .then().statusCode(409).contentType("application/problem+json");

        byte[] pdf = as(TestTokens.leader("县长")).get("/api/supervision/tasks/{id}/notices/{n}.pdf", COKE, number)
                .then().statusCode(200).contentType("application/pdf").extract().asByteArray();
        String text = PaperFiles.pdfText(pdf);
        assertThat(text).contains("督办通知单", issued.getString("documentNumber"), "县工业和信息化局", "焦化项目未按期投产",
                "请于2022年11月6日前", "已成立专班");
        PaperFiles.render(pdf, "notice-" + number, 110);

        as(office()).get("/api/supervision/tasks/{id}", COKE).then().statusCode(200)
                .body("audit.action", hasItem("notice.replied"));
        List<String> types = KafkaTestClient.readUntil(Topics.ALERTS, Duration.ofSeconds(60), r -> COKE.equals(r.key())
                && "duban.NoticeReplied.v1".equals(KafkaTestClient.header(r, "ce_type"))).stream()
                .filter(r -> COKE.equals(r.key())).map(r -> KafkaTestClient.header(r, "ce_type")).toList();
        assertThat(types).contains("duban.NoticeIssued.v1", "duban.NoticeReplied.v1");
    }

    @Test
    void aNoticeUnansweredByItsDeadlineEscalatesToTheResponsibleLeader() {
        BulletinTest.clock("2022-06-01T09:00:00+08:00");
        String number = as(office()).body(Map.of("late", "高标准农田建设进度滞后", "requirement", "报送整改措施",
                "replyBy", "2022-06-03")).post("/api/supervision/tasks/{id}/notices", FARMLAND).then().statusCode(201)
                .extract().path("number");
        BulletinTest.clock("2022-06-04T09:00:00+08:00");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> as(office())
                .get("/api/supervision/tasks/{id}/notices/{n}", FARMLAND, number).then().statusCode(200)
                .body("state", equalTo("OVERDUE")).body("escalatedTo", equalTo("分管农业农村工作的副县长")));
        // a late reply is still taken, and marked late in the trail
        as(TestTokens.unitReporter("agri", "agriculture", "县农业农村局")).body(Map.of("reply", "已整改"))
                .post("/api/supervision/tasks/{id}/notices/{n}/reply", FARMLAND, number).then().statusCode(200)
                .body("state", equalTo("REPLIED"));
        as(office()).get("/api/supervision/tasks/{id}", FARMLAND).then()
                .body("audit.find { it.subject == '" + number + "' && it.action == 'notice.replied' }.detail",
                        org.hamcrest.Matchers.startsWith("逾期回执"));
    }

    @Test
    void anAlertEscalatedToTheOfficeIssuesItsNoticeByItself() {
        BulletinTest.clock("2022-11-01T09:00:00+08:00");
        BulletinTest.clock("2022-11-05T09:00:00+08:00");
        BulletinTest.clock("2022-11-09T09:00:00+08:00"); // the coke project's OVERDUE alert reaches level 3
        List<Map<String, Object>> notices = as(office()).get("/api/supervision/tasks/{id}/notices", COKE).then()
                .statusCode(200).extract().path("items.findAll { it.automatic }");
        assertThat(notices).isNotEmpty();
        assertThat(notices).allSatisfy(n -> assertThat(n.get("alertId")).isNotNull());
        assertThat(notices.stream().map(n -> n.get("alertId")).distinct().count()).as("one notice per alert")
                .isEqualTo(notices.size());
    }

    @Test
    void noticeNumbersHaveNoGapOrRepeatUnderConcurrentIssues() throws Exception {
        BulletinTest.clock("2022-07-01T09:00:00+08:00");
        List<String> tasks = as(office()).get("/api/supervision/tasks?size=40").then().statusCode(200).extract()
                .path("items.id");
        ExecutorService pool = Executors.newFixedThreadPool(12);
        List<Callable<String>> issues = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            String task = tasks.get(i % tasks.size());
            issues.add(() -> as(office()).body(Map.of("late", "进度滞后", "requirement", "报送措施"))
                    .post("/api/supervision/tasks/{id}/notices", task).then().statusCode(201).extract().path("number"));
        }
        List<String> numbers = new ArrayList<>();
        for (Future<String> f : pool.invokeAll(issues)) {
            numbers.add(f.get());
        }
        pool.shutdown();
        assertThat(numbers).doesNotHaveDuplicates().hasSize(60);

        // every number of the year, however issued (other tests issue too), runs 1..n without a gap
        List<Integer> all = new ArrayList<>();
        try (Connection c = database.getConnection(); ResultSet rs = c.createStatement()
                .executeQuery("select number from notice where year = 2022 order by number")) {
            while (rs.next()) {
                all.add(rs.getInt(1));
            }
        }
        assertThat(all).doesNotHaveDuplicates();
        for (int i = 0; i < all.size(); i++) {
            assertThat(all.get(i)).as("number at position %d", i).isEqualTo(i + 1);
        }
        // a refused issue takes no number
        as(office()).body(Map.of("late", "x", "requirement", "y", "replyBy", "2022-06-01"))
                .post("/api/supervision/tasks/{id}/notices", COKE).then().statusCode(400);
        String next = as(office()).body(Map.of("late", "x", "requirement", "y"))
                .post("/api/supervision/tasks/{id}/notices", COKE).then().statusCode(201).extract().path("number");
        assertThat(next).isEqualTo("2022-" + (all.size() + 1));
    }

    @Test
    void aLeadersInstructionIsAcknowledgedAnsweredOrMarkedOverdue() {
        BulletinTest.clock("2022-06-01T09:00:00+08:00");
        String leader = TestTokens.leader("分管工业工作的副县长");
        as(industryBureau()).body(Map.of("text", "x", "dueOn", "2022-06-30"))
                .post("/api/supervision/tasks/{id}/instructions", COKE).then().statusCode(403);
        as(leader).body(Map.of("text", "x", "assignees", List.of("县不存在局"), "dueOn", "2022-06-30"))
                .post("/api/supervision/tasks/{id}/instructions", COKE).then().statusCode(400)
                .body("errors[0].field", equalTo("assignees"));
        String id = as(leader).body(Map.of("text", "焦化项目要倒排工期，6月底前报告投产计划", "dueOn", "2022-06-30"))
                .post("/api/supervision/tasks/{id}/instructions", COKE).then().statusCode(201)
                .body("assignees[0]", equalTo(INDUSTRY_BUREAU)).body("leaderPost", equalTo("分管工业工作的副县长"))
                .body("state", equalTo("ISSUED")).extract().path("id");
        as(industryBureau()).post("/api/supervision/tasks/{id}/instructions/{i}/acknowledge", COKE, id).then()
                .statusCode(200).body("state", equalTo("ACKNOWLEDGED"));
        as(industryBureau()).body(Map.of("answer", "已制定投产计划，10月底投产")).post(
                "/api/supervision/tasks/{id}/instructions/{i}/answer", COKE, id).then().statusCode(200)
                .body("state", equalTo("ANSWERED")).body("overdue", equalTo(false));

        String late = as(leader).body(Map.of("text", "请报告安全生产情况", "dueOn", "2022-06-10"))
                .post("/api/supervision/tasks/{id}/instructions", COKE).then().statusCode(201).extract().path("id");
        BulletinTest.clock("2022-06-12T09:00:00+08:00");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> as(office())
                .get("/api/supervision/tasks/{id}/instructions", COKE).then().statusCode(200)
                .body("items.find { it.id == '" + late + "' }.overdue", equalTo(true))
                .body("items.find { it.id == '" + late + "' }.overdueAt", notNullValue()));
        as(office()).get("/api/supervision/tasks/{id}", COKE).then().statusCode(200)
                .body("audit.action", hasItem("instruction.issued")).body("audit.action", hasItem("instruction.overdue"));

        // the bulletins report them: the week they were answered in, and the week one of them turned overdue
        TestTokens.actAs(leader);
        given().get("/api/supervision/bulletins/2022-W22").then().statusCode(200)
                .body("instructions.find { it.id == '" + id + "' }.state", equalTo("ANSWERED"))
                .body("instructions.find { it.id == '" + late + "' }.overdue", equalTo(false));
        given().get("/api/supervision/bulletins/2022-W23").then().statusCode(200)
                .body("instructions.find { it.id == '" + late + "' }.overdue", equalTo(true))
                .body("instructions.id", org.hamcrest.Matchers.not(hasItem(id)));
    }
}
