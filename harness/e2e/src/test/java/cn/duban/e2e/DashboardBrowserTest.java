package cn.duban.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import cn.duban.testsupport.LocalInfra;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.Media;
import io.restassured.RestAssured;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The office's web page in a real headless Chromium, signed in through the real Keycloak login page, against the
 * running suite. Screenshots go to harness/e2e/target/screenshots/.
 */
class DashboardBrowserTest {
    static final Path OUT = LocalInfra.root().resolve("harness/e2e/target");
    static RunningSuite suite;
    static Chromium chromium;

    Page page;
    final List<String> consoleErrors = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startSuiteAndBrowser() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        chromium = Chromium.launch();
        suite = RunningSuite.get();
        AlertJourneyTest.suite = suite;
    }

    @AfterAll
    static void closeAndResetTheClock() {
        if (chromium != null) {
            chromium.close();
        }
        if (suite != null) {
            AlertJourneyTest.clock("2022-03-01T09:00:00+08:00"); // the other journeys share the suite
        }
    }

    @BeforeEach
    void newPage() {
        page = chromium.open(new Browser.NewContextOptions().setViewportSize(1280, 900).setAcceptDownloads(true),
                consoleErrors, null);
    }

    @AfterEach
    void closeContext() {
        page.context().close();
    }

    /** The page as users open it: through the gateway, the one origin. */
    String base() {
        return suite.url(RunningSuite.GATEWAY);
    }

    void signInAsSupervisor() {
        Chromium.signIn(page, base() + "/", "supervisor");
        assertThat(page.locator("#user-name")).containsText("supervisor");
        assertThat(page.locator("h1")).hasText("任务总览");
    }

    void screenshot(String name) {
        page.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(OUT.resolve("screenshots/" + name + ".png")));
    }

    List<List<String>> workbook(Download download, String name) throws IOException {
        Path file = OUT.resolve("downloads/" + name);
        download.saveAs(file);
        List<List<String>> rows = new ArrayList<>();
        DataFormatter format = new DataFormatter();
        try (InputStream in = Files.newInputStream(file); XSSFWorkbook book = new XSSFWorkbook(in)) {
            for (Row row : book.getSheetAt(0)) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < row.getLastCellNum(); c++) {
                    cells.add(row.getCell(c) == null ? "" : format.formatCellValue(row.getCell(c)));
                }
                rows.add(cells);
            }
        }
        return rows;
    }

    @Test
    void theOfficeSignsInMovesTheClockAcknowledgesARedTaskAndExportsTheLedger() throws IOException {
        signInAsSupervisor();
        screenshot("01-board-2022-03-01");

        page.locator("#clock-date").fill("2022-11-01");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("调整时钟")).click();
        assertThat(page.locator("#notice")).containsText("2022-11-01");
        assertThat(page.locator("#clock-now")).containsText("2022/11/1");
        Locator overdueList = page.locator("section", new Page.LocatorOptions().setHasText("逾期任务（"));
        assertThat(overdueList.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("2022-IND-010"))).isVisible();
        screenshot("02-board-2022-11-01");

        overdueList.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("2022-IND-010")).click();
        assertThat(page.locator("h1")).containsText("2022-IND-010");
        assertThat(page.locator("h1 .light")).hasText("红灯");
        assertThat(page.locator("#task-status")).hasText("逾期");
        assertThat(page.locator("svg.chart polyline.planned")).hasCount(1);
        assertThat(page.locator("section", new Page.LocatorOptions().setHasText("时间节点")).locator("tbody tr").first()).isVisible();
        Locator acknowledge = page.locator("button[data-ack]").first();
        String alertId = acknowledge.getAttribute("data-ack");
        acknowledge.click();
        assertThat(page.locator("#notice")).containsText("已确认督办单 " + alertId);
        assertThat(page.locator("button[data-ack='" + alertId + "']")).hasCount(0);
        ReportJourneyTest.as("supervisor").get(base() + "/api/supervision/alerts?taskId=2022-IND-010&size=200").then()
                .statusCode(200).body("items.find { it.id == '" + alertId + "' }.acknowledgedBy", equalTo("supervisor"));
        screenshot("03-task-2022-IND-010");

        page.locator("nav a[href='#/ledger']").click();
        Download download = page.waitForDownload(() -> page.getByRole(AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("导出全部任务台账")).click());
        assertThat(download.suggestedFilename()).isEqualTo("任务台账-2022-11-01.xlsx");
        List<List<String>> rows = workbook(download, "ledger-all.xlsx");
        assertThat(rows.get(0)).startsWith("任务编号", "领域", "任务名称", "牵头单位");
        int tasks = ReportJourneyTest.as("supervisor").get(base() + "/api/supervision/tasks?size=1").then().statusCode(200)
                .extract().jsonPath().getInt("total");
        assertThat(tasks).as("the 178 tasks of the Pingyao ledger, and any that another test published").isGreaterThanOrEqualTo(178);
        assertThat(rows).hasSize(tasks + 1); // and the header
        List<String> coke = rows.stream().filter(r -> r.get(0).equals("2022-IND-010")).findFirst().orElseThrow();
        assertThat(coke.get(7)).isEqualTo("逾期");
        assertThat(coke.get(8)).isEqualTo("红灯");
        assertThat(Integer.parseInt(coke.get(11))).as("open alerts, acknowledged ones included").isPositive();

        assertThat(consoleErrors).isEmpty();
    }

    @Test
    void theOverdueTasksOfOneSectorInThreeClicksAndExported() throws IOException {
        AlertJourneyTest.clock("2022-11-01T09:00:00+08:00");
        signInAsSupervisor();
        page.locator("nav a[href='#/alerts']").click();
        assertThat(page.locator("h1")).hasText("督办单");

        page.locator("nav a[href='#/board']").click();                                         // 1
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("工业逾期任务").setExact(true)).click();  // 2
        assertThat(page.locator("h1")).containsText("工业");
        assertThat(page.locator("h1")).containsText("逾期");
        Download download = page.waitForDownload(() -> page.locator("#export-ledger").click()); // 3
        screenshot("04-industry-overdue");

        List<String> expected = ReportJourneyTest.as("supervisor")
                .get(base() + "/api/supervision/tasks?sector=industry&status=OVERDUE&size=200").then().statusCode(200)
                .extract().jsonPath().getList("items.id");
        assertThat(expected).contains("2022-IND-010");
        List<List<String>> rows = workbook(download, "industry-overdue.xlsx");
        assertThat(rows.subList(1, rows.size()).stream().map(r -> r.get(0)).toList()).isEqualTo(expected);
        assertThat(rows.subList(1, rows.size())).allSatisfy(r -> {
            assertThat(r.get(1)).as("the sector as the office names it").isEqualTo("工业");
            assertThat(r.get(7)).isEqualTo("逾期");
        });

        assertThat(consoleErrors).isEmpty();
    }

    /** The inbox draws itself again after a filter and after a decision: a unit's extension request, rejected. */
    @Test
    void theOfficeFiltersItsInboxAndRejectsAnExtensionRequestWithAReason() {
        AlertJourneyTest.clock("2022-11-01T09:00:00+08:00");
        String reason = "冬季停工,申请顺延 " + System.nanoTime();
        ReportJourneyTest.as("agriculture-bureau").contentType("application/json")
                .body(Map.of("requestedDeadline", "2023-03-31", "reason", reason))
                .post(base() + "/api/agriculture/tasks/2022-AGR-019/extension-requests").then().statusCode(202);
        String pending = base() + "/api/supervision/extensions?state=PENDING&taskId=2022-AGR-019";
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> ReportJourneyTest.as("supervisor").get(pending)
                .then().statusCode(200).body("items.reason", hasItem(reason)));

        signInAsSupervisor();
        page.locator("nav a[href='#/alerts']").click();
        Locator alerts = page.locator("section", new Page.LocatorOptions().setHasText("督办单（")).locator("tbody");
        assertThat(alerts).containsText("待确认");
        page.locator("select[name=state]").selectOption("RESOLVED");
        assertThat(alerts).not().containsText("待确认");
        assertThat(page.locator("select[name=state]")).hasValue("RESOLVED");

        Locator request = page.locator("tr", new Page.LocatorOptions().setHasText(reason));
        request.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("驳回")).click();
        assertThat(page.locator("#notice")).containsText("驳回须填写意见");
        assertThat(request).hasCount(1);
        request.locator("input[name=reason]").fill("请先报送冬季施工方案");
        request.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("驳回")).click();
        assertThat(page.locator("#notice")).containsText("驳回：2022-AGR-019");
        assertThat(request).hasCount(0);
        ReportJourneyTest.as("supervisor").get(base() + "/api/supervision/extensions?taskId=2022-AGR-019").then()
                .statusCode(200).body("items.find { it.reason == '" + reason + "' }.state", equalTo("REJECTED"))
                .body("items.find { it.reason == '" + reason + "' }.decisionReason", equalTo("请先报送冬季施工方案"));
        assertThat(consoleErrors).isEmpty();
    }

    @Test
    void aPhoneScreenAndPaper() {
        AlertJourneyTest.clock("2022-11-01T09:00:00+08:00");
        page.setViewportSize(390, 844);
        signInAsSupervisor();
        assertThat((Boolean) page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"))
                .as("nothing wider than the phone but the scrolling tables inside their cards").isTrue();
        screenshot("05-board-phone");
        page.locator("nav a[href='#/scores']").click();
        assertThat(page.locator("h1")).containsText("考核排名");
        assertThat(page.locator("section", new Page.LocatorOptions().setHasText("单位排名")).locator("tbody tr").first())
                .containsText("1");
        screenshot("06-scores-phone");

        page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.PRINT));
        assertThat(page.locator("nav")).isHidden();
        assertThat(page.locator("h1")).isVisible();
        page.pdf(new Page.PdfOptions().setPath(OUT.resolve("screenshots/06-scores-print.pdf")));
        assertThat(consoleErrors).isEmpty();
    }

    @Test
    void thePageHearsTheOfficesReminderOnItsStreamAndResumesAfterALostConnection() {
        signInAsSupervisor();
        List<String> resumedAfter = new CopyOnWriteArrayList<>();
        page.onRequest(r -> {
            if (r.url().endsWith("/api/supervision/alerts/stream") && r.headers().containsKey("last-event-id")) {
                resumedAfter.add(r.headers().get("last-event-id"));
            }
        });
        // The stream may open a moment after the page: remind until it is heard.
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).untilAsserted(() -> {
            StreamAttackTest.remind("2022-CUL-002", "请报送武庙修缮进展");
            assertThat(page.locator("#live")).containsText("2022-CUL-002 ReminderSent",
                    new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions().setTimeout(5_000));
        });
        // The tab is hidden (its stream closes), a reminder goes out meanwhile, the tab is shown again: the page
        // reconnects with Last-Event-ID and hears the reminder it missed.
        page.evaluate("() => { Object.defineProperty(document, 'hidden', {configurable: true, get: () => true});"
                + " document.dispatchEvent(new Event('visibilitychange')); }");
        StreamAttackTest.remind("2022-AGR-003", "请报送高标准农田进展");
        page.evaluate("() => { Object.defineProperty(document, 'hidden', {configurable: true, get: () => false});"
                + " document.dispatchEvent(new Event('visibilitychange')); }");
        assertThat(page.locator("#live")).containsText("2022-AGR-003 ReminderSent");
        org.assertj.core.api.Assertions.assertThat(resumedAfter).as("the reconnection named the last notice").isNotEmpty()
                .allSatisfy(id -> org.assertj.core.api.Assertions.assertThat(id).matches("[0-9]+"));
        assertThat(consoleErrors).isEmpty();
    }

    @Test
    void theBoardDrawsItsChartsFromTheServersAggregatesAndOffersTheBulletin() {
        AlertJourneyTest.clock("2022-11-01T09:00:00+08:00");
        List<String> calls = new CopyOnWriteArrayList<>();
        page.onRequest(r -> calls.add(r.url()));
        signInAsSupervisor();
        assertThat(page.locator("#board-as-of")).containsText("2022-11-01");
        for (String chart : List.of("#chart-sectors", "#chart-trend", "#chart-ranking", "#chart-indicators")) {
            assertThat(page.locator(chart + " svg")).isVisible();
        }
        assertThat(page.locator("#chart-sectors svg text", new Page.LocatorOptions().setHasText("工业")).first()).isVisible();
        assertThat(page.locator("#chart-trend")).hasAttribute("aria-label", Pattern.compile("红灯\\d+项"));
        assertThat(page.locator("#chart-ranking svg text", new Page.LocatorOptions().setHasText("1. ")).first()).isVisible();
        assertThat(calls).anySatisfy(u -> assertThat(u).contains("/api/supervision/board"));
        assertThat(calls).as("no page fetches every task").noneSatisfy(u -> assertThat(u).contains("/api/supervision/tasks?"));
        screenshot("07-board-charts");

        page.locator("#bulletin-period").fill("2022-W43");
        Download pdf = page.waitForDownload(() -> page.locator("#bulletin-pdf").click());
        assertThat(pdf.suggestedFilename()).isEqualTo("督查通报-2022-W43-截至2022-10-30.pdf");
        Path file = OUT.resolve("downloads/bulletin-2022-W43.pdf");
        pdf.saveAs(file);
        assertThat(file).content(java.nio.charset.StandardCharsets.ISO_8859_1).startsWith("%PDF");
        assertThat(consoleErrors).isEmpty();
    }
}
