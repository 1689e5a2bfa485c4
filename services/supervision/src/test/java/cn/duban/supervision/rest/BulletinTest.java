package cn.duban.supervision.rest;

import cn.duban.supervision.AsTheOfficeOnTheDemoClock;
import cn.duban.supervision.ClockMoves;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.duban.supervision.papers.PaperFiles;
import cn.duban.supervision.repository.BulletinIssue;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import cn.duban.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The 督查通报 for the week of 31 October – 6 November 2022, fetched a fortnight later: its figures must be the
 * ledger as it stood on 6 November (each task's {@code ?asOf=2022-11-06}, the scoreboard of that day), read back
 * from the PDF with PDFBox and from the Word file with POI.
 */
@QuarkusTest
class BulletinTest extends AsTheOfficeOnTheDemoClock {
    static final String WEEK = "2022-W44";
    static final String SUNDAY = "2022-11-06";

    @Inject
    ObjectMapper mapper;

    record Ledger(Map<String, String> light, Map<String, String> status, List<Map<String, Object>> units) {
        long count(String light) {
            return this.light.values().stream().filter(light::equals).count();
        }

        List<String> red() {
            return light.entrySet().stream().filter(e -> e.getValue().equals("RED")).map(Map.Entry::getKey).sorted().toList();
        }
    }

    /** Every task as its own view recomputes it for {@code day}, and the scoreboard at this moment. */
    static Ledger ledgerOn(String day) {
        List<String> ids = given().get("/api/supervision/tasks?size=200").then().statusCode(200).extract()
                .jsonPath().getList("items.id");
        Map<String, String> light = new HashMap<>();
        Map<String, String> status = new HashMap<>();
        for (String id : ids) {
            JsonPath task = given().queryParam("asOf", day).get("/api/supervision/tasks/{id}", id).then().statusCode(200)
                    .extract().jsonPath();
            light.put(id, task.getString("light"));
            status.put(id, task.getString("status"));
        }
        List<Map<String, Object>> units = given().get("/api/supervision/scorecards").then().statusCode(200).extract()
                .jsonPath().getList("units");
        return new Ledger(light, status, units);
    }

    @Test
    void theWeeklyBulletinStatesTheLedgerAsItStoodOnItsLastDayInPdfAndWord() throws Exception {
        clock("2022-11-06T20:00:00+08:00");
        Ledger then = ledgerOn(SUNDAY);
        assertThat(then.count("RED")).as("the coke project and others are red by November").isPositive();

        clock("2022-11-20T09:00:00+08:00"); // a fortnight on: later facts must not leak into the bulletin
        TestTokens.actAs(TestTokens.leader("县长"));
        JsonPath bulletin = given().get("/api/supervision/bulletins/{period}", WEEK).then().statusCode(200).extract().jsonPath();
        assertThat(bulletin.getString("asOf")).isEqualTo(SUNDAY);
        assertThat(bulletin.getInt("totals.tasks")).isEqualTo(then.light().size());
        assertThat(bulletin.getLong("totals.red")).isEqualTo(then.count("RED"));
        assertThat(bulletin.getLong("totals.yellow")).isEqualTo(then.count("YELLOW"));
        assertThat(bulletin.getLong("totals.green")).isEqualTo(then.count("GREEN"));
        assertThat(bulletin.getLong("totals.overdue"))
                .isEqualTo(then.status().values().stream().filter("OVERDUE"::equals).count());
        assertThat(bulletin.<String>getList("red.id").stream().sorted().toList()).isEqualTo(then.red());
        assertThat(bulletin.<Integer>getList("red.daysLate")).allSatisfy(d -> assertThat(d).isNotNegative());
        assertThat(bulletin.<Integer>getList("trend.red").get(bulletin.getList("trend").size() - 1))
                .isEqualTo((int) then.count("RED"));

        // The ranking: the same units with the same facts as that day's scoreboard; escalations only those recorded
        // by then (other tests may have escalated alerts at later business times).
        List<Map<String, Object>> ranking = bulletin.getList("unitRanking");
        assertThat(ranking).extracting(c -> c.get("name")).containsExactlyInAnyOrderElementsOf(
                then.units().stream().map(c -> c.get("name")).toList());
        Map<String, Map<String, Object>> expected = then.units().stream()
                .collect(Collectors.toMap(c -> (String) c.get("name"), c -> c));
        for (Map<String, Object> card : ranking) {
            Map<?, ?> facts = (Map<?, ?>) card.get("facts");
            Map<?, ?> was = (Map<?, ?>) expected.get(card.get("name")).get("facts");
            assertThat(facts.get("led")).as("%s", card.get("name")).isEqualTo(was.get("led"));
            assertThat(facts.get("coLed")).isEqualTo(was.get("coLed"));
            assertThat(facts.get("reportsDue")).isEqualTo(was.get("reportsDue"));
            assertThat(facts.get("reportsOnTime")).isEqualTo(was.get("reportsOnTime"));
            assertThat((Integer) facts.get("escalations")).isLessThanOrEqualTo((Integer) was.get("escalations"));
        }
        List<Double> scores = ranking.stream().map(c -> ((Number) c.get("score")).doubleValue()).toList();
        assertThat(scores).isSortedAccordingTo((a, b) -> Double.compare(b, a));

        byte[] pdf = given().get("/api/supervision/bulletins/{period}.pdf", WEEK).then().statusCode(200)
                .contentType("application/pdf").header("Content-Disposition",
                        org.hamcrest.Matchers.containsString("filename*=UTF-8''")).extract().asByteArray();
        List<String> fonts = PaperFiles.pdfFonts(pdf);
        assertThat(fonts).as("every font embedded, so it prints the same anywhere").allSatisfy(f -> assertThat(f).endsWith(" embedded"));
        assertThat(fonts).anySatisfy(f -> assertThat(f).contains("NotoSerifCJKsc")).anySatisfy(f -> assertThat(f).contains("NotoSansCJKsc"));
        String text = PaperFiles.pdfText(pdf);
        assertThat(text).contains("政府工作报告重点任务督查通报", "2022年第44周", "截至2022年11月6日");
        assertThat(text).contains(String.format("绿灯%d项、黄灯%d项、红灯%d项", then.count("GREEN"), then.count("YELLOW"),
                then.count("RED")));
        String red = between(text, "二、红灯任务", "三、逾期未完成任务");
        assertThat(red).contains("红灯任务（" + then.count("RED") + "项）");
        for (String id : then.red()) {
            assertThat(red).contains(id);
        }
        assertThat(taskIds(red)).as("no other task in the red list").containsExactlyInAnyOrderElementsOf(then.red());
        assertUnitsInOrder(between(text, "五、考核排名", "六、"), ranking);
        PaperFiles.render(pdf, "bulletin-" + WEEK, 110);

        byte[] docx = given().get("/api/supervision/bulletins/{period}.docx", WEEK).then().statusCode(200)
                .contentType("application/vnd.openxmlformats-officedocument.wordprocessingml.document").extract().asByteArray();
        List<String> lines = PaperFiles.docxLines(docx);
        String word = PaperFiles.squeeze(String.join("\n", lines));
        assertThat(word).contains(String.format("绿灯%d项、黄灯%d项、红灯%d项", then.count("GREEN"), then.count("YELLOW"),
                then.count("RED")));
        List<String> redPart = lines.subList(indexOf(lines, "二、红灯任务"), indexOf(lines, "三、逾期未完成任务"));
        assertThat(redPart.stream().filter(l -> l.matches("\\d{4}-[A-Z]{3}-\\d{3}\\|.*")).map(l -> l.substring(0, 12))
                .sorted().toList()).isEqualTo(then.red());
        assertUnitsInOrder(between(word, "五、考核排名", "六、"), ranking);
        assertThat(lines).contains("pictures:2");
        java.nio.file.Files.write(PaperFiles.OUT.resolve("bulletin-" + WEEK + ".docx"), docx);
    }

    @Test
    void theWeeksBulletinALeaderOpensFromTheMailIsTheOneThatWentOut() throws Exception {
        String week = "2022-W23";
        clock(ClockMoves.DEMO_START); // back in March, week 23 has not gone out (an older run may have left it issued)
        clock("2022-06-13T09:00:00+08:00"); // Monday 09:00: week 23's bulletin is due; the paper check issues it
        String kept = await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).until(
                () -> QuarkusTransaction.requiringNew().call(() -> BulletinIssue.<BulletinIssue>findByIdOptional(week)
                        .map(issue -> issue.content).orElse(null)),
                java.util.Objects::nonNull);

        TestTokens.actAs(TestTokens.leader("县长"));
        String opened = given().get("/api/supervision/bulletins/{period}", week).then().statusCode(200).extract().asString();
        // to the instant it was generated: composed again, generatedAt would be now
        assertThat(mapper.readTree(opened)).isEqualTo(mapper.readTree(kept));
        assertThat(mapper.readTree(opened).get("asOf").asText()).isEqualTo("2022-06-12");
        byte[] pdf = given().get("/api/supervision/bulletins/{period}.pdf", week).then().statusCode(200).extract().asByteArray();
        assertThat(new String(pdf, 0, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF");
        given().queryParam("asOf", "2022-06-10").get("/api/supervision/bulletins/{period}", week).then().statusCode(200)
                .body("asOf", org.hamcrest.Matchers.equalTo("2022-06-10")); // another day of the week is composed

        clock("2022-06-10T09:00:00+08:00"); // back before the issue: it has not gone out yet
        assertThat(QuarkusTransaction.requiringNew().call(() -> BulletinIssue.findByIdOptional(week))).isEmpty();
    }

    @Test
    void aMonthlyBulletinWhileTheMonthRunsStatesToday() {
        clock("2022-06-15T09:00:00+08:00");
        TestTokens.actAs(TestTokens.leader("县长"));
        given().get("/api/supervision/bulletins/2022-06").then().statusCode(200)
                .body("asOf", org.hamcrest.Matchers.equalTo("2022-06-15"))
                .body("previousAsOf", org.hamcrest.Matchers.equalTo("2022-05-31"));
    }

    @Test
    void aPeriodNotUnderstoodOrADayNotYetComeIsRefusedInChinese() {
        clock("2022-06-15T09:00:00+08:00");
        given().get("/api/supervision/bulletins/2022-W60.pdf").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", org.hamcrest.Matchers.equalTo("period"));
        given().queryParam("asOf", "2022-06-20").get("/api/supervision/bulletins/2022-W25.pdf").then().statusCode(400)
                .body("detail", org.hamcrest.Matchers.containsString("尚未到来"));
        given().queryParam("asOf", "2022-05-01").get("/api/supervision/bulletins/2022-W23.docx").then().statusCode(400);
        TestTokens.actAs(TestTokens.unitReporter("industry-bureau", "industry", "县工业和信息化局"));
        given().get("/api/supervision/bulletins/2022-W23.pdf").then().statusCode(403);
    }

    /** Each unit of the ranking appears in the text in the ranking's order. */
    static void assertUnitsInOrder(String text, List<Map<String, Object>> ranking) {
        int at = 0;
        for (Map<String, Object> card : ranking) {
            String name = (String) card.get("name");
            int found = text.indexOf(name, at);
            assertThat(found).as("%s after position %d", name, at).isGreaterThanOrEqualTo(0);
            at = found + name.length();
        }
    }

    static int indexOf(List<String> lines, String prefix) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(prefix)) {
                return i;
            }
        }
        throw new AssertionError("no line starting " + prefix);
    }

    static String between(String text, String from, String to) {
        int start = text.indexOf(from);
        assertThat(start).as(from).isGreaterThanOrEqualTo(0);
        int end = text.indexOf(to, start);
        return text.substring(start, end < 0 ? text.length() : end);
    }

    static List<String> taskIds(String text) {
        List<String> ids = new ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\d{4}-[A-Z]{3}-\\d{3}").matcher(text);
        while (m.find()) {
            ids.add(m.group());
        }
        return ids;
    }

    static void clock(String now) {
        TestTokens.actAs(TestTokens.supervisor());
        ClockMoves.moveTo(now);
    }
}
