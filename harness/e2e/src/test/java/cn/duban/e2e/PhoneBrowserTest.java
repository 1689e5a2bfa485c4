package cn.duban.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.duban.testsupport.LocalInfra;
import cn.duban.testsupport.TestFiles;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The reporters' phone app (/m/) in a real headless Chromium at a phone's size (360 × 740, touch), signed in through
 * the real Keycloak as 县农业农村局's reporter, against the running suite. It acknowledges 2022-AGR-006 (木瓜村苹果示范园,
 * which no other journey touches), reports with figures and a photo, and the office sees the photo; it reports
 * without network and finds the report stored exactly once after the network returns, even when the first answer is
 * lost; it receives a 催办 live; every screen passes axe-core without serious or critical violations, fits 360 px and
 * has touch targets of 44 px. Screenshots of each screen go to docs/phone/.
 */
class PhoneBrowserTest {
    static final String TASK = "2022-AGR-006";
    static final Path SHOTS = LocalInfra.root().resolve("docs/phone");
    static final Path AXE = LocalInfra.root().resolve("harness/e2e/target/axe-npm/node_modules/axe-core/axe.min.js");
    static RunningSuite suite;
    static Chromium chromium;

    BrowserContext context;
    Page page;
    final List<String> consoleErrors = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startSuiteAndBrowser() throws IOException {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        suite = RunningSuite.get();
        AlertJourneyTest.suite = suite;
        ReportJourneyTest.suite = suite;
        Files.createDirectories(SHOTS);
        chromium = Chromium.launch();
    }

    @AfterAll
    static void close() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @BeforeEach
    void aPhone() {
        // the network errors the offline test causes on purpose, and the 400 the extension form is meant to get
        page = chromium.open(new Browser.NewContextOptions().setViewportSize(360, 740).setDeviceScaleFactor(2)
                .setIsMobile(true).setHasTouch(true), consoleErrors,
                Pattern.compile("(?s).*(ERR_INTERNET_DISCONNECTED|ERR_CONNECTION_RESET|ERR_FAILED|status of 400).*"));
        context = page.context();
    }

    @AfterEach
    void closeContext() {
        context.close();
    }

    String base() {
        return suite.url(RunningSuite.GATEWAY);
    }

    void signIn() {
        Chromium.signIn(page, base() + "/m/", "agriculture-bureau");
        assertThat(page.locator("#task-summary")).containsText("项任务");
    }

    /** The screen as it is: a picture for docs/phone/, no serious accessibility fault, nothing wider than the phone. */
    void check(String name) {
        page.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(SHOTS.resolve(name + ".png")));
        assertThat((Boolean) page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"))
                .as("%s fits 360 px", name).isTrue();
        @SuppressWarnings("unchecked")
        List<String> small = (List<String>) page.evaluate("""
                () => [...document.querySelectorAll('button, .button, input:not([type=checkbox]):not([type=hidden]), select, textarea, .tabs a, a.card, label.check')]
                  .filter((e) => e.offsetParent !== null)
                  .filter((e) => { const r = e.getBoundingClientRect(); return r.height < 44 || r.width < 44; })
                  .map((e) => e.outerHTML.slice(0, 80))""");
        assertThat(small).as("%s: touch targets under 44 px", name).isEmpty();
        try {
            page.evaluate(Files.readString(AXE));
        } catch (IOException e) {
            throw new IllegalStateException(AXE + " is missing: mvn process-test-resources installs axe-core", e);
        }
        @SuppressWarnings("unchecked")
        List<String> violations = (List<String>) page.evaluate("""
                async () => (await axe.run(document, { resultTypes: ['violations'] })).violations
                  .filter((v) => v.impact === 'serious' || v.impact === 'critical')
                  .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)""");
        assertThat(violations).as("%s: axe-core serious or critical violations", name).isEmpty();
    }

    @Test
    void aUnitReporterAcknowledgesReportsWithAPhotoAndTheOfficeSeesIt() {
        signIn();
        assertThat(page.locator("[data-task='" + TASK + "'] .asks")).containsText("待签收");
        check("01-我的任务");

        page.locator("[data-task='" + TASK + "']").click();
        assertThat(page.locator("#title")).hasText("任务详情");
        assertThat(page.locator("article.task h2").first()).containsText("苹果示范园");
        check("02-任务详情");
        page.locator("#acknowledge").click();
        assertThat(page.locator("#acknowledged")).containsText("县农业农村局 已签收");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> ReportJourneyTest.as("supervisor")
                .get(base() + "/api/supervision/tasks/" + TASK).then().statusCode(200)
                .body("acknowledgements.unit", org.hamcrest.Matchers.hasItem("县农业农村局")));

        page.locator("#to-report").click();
        assertThat(page.locator("#rules")).containsText("累计数");
        assertThat(page.locator("#rules")).containsText("佐证材料");
        page.locator("input[name=asOf]").fill("2022-02-28");
        page.locator("input[name='figure:苹果示范园']").fill("30");
        page.locator("input[name=investment]").fill("80");
        page.locator("textarea[name=narrative]").fill("完成示范园土地平整30亩");
        page.locator("input[name=files]").setInputFiles(new FilePayload("示范园现场.jpg", "image/jpeg",
                TestFiles.photo(OffsetDateTime.parse("2022-02-25T10:30:00+08:00"), 37.1862, 112.1735)));
        check("03-进度填报");
        page.locator("#report-form button[type=submit]").click();
        assertThat(page.locator("#history [data-report]").first()).containsText("完成示范园土地平整30亩");
        assertThat(page.locator("#history .evidence").first()).containsText("拍摄于 2022/02/25");
        assertThat(page.locator("#history .evidence img").first()).isVisible();
        check("04-任务详情-已报送");

        // at supervision, through the office's own page: the photo inline, its time and place beside the report date
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> ReportJourneyTest.as("supervisor")
                .get(base() + "/api/supervision/tasks/" + TASK).then().statusCode(200)
                .body("progress.latest.narrative", org.hamcrest.Matchers.equalTo("完成示范园土地平整30亩"))
                .body("progress.latest.evidenceFiles[0].name", org.hamcrest.Matchers.equalTo("示范园现场.jpg"))
                .body("progress.latest.evidenceFiles[0].takenBeforePeriod", org.hamcrest.Matchers.equalTo(false)));
        Page desk = chromium.open(new Browser.NewContextOptions().setViewportSize(1280, 900), consoleErrors, null);
        try (BrowserContext office = desk.context()) {
            Chromium.signIn(desk, base() + "/", "supervisor");
            assertThat(desk.locator("h1")).hasText("任务总览");
            desk.navigate(base() + "/#/task/" + TASK);
            assertThat(desk.locator("ul.evidence li").first()).containsText("拍摄于");
            assertThat(desk.locator("ul.evidence img").first()).isVisible();
            desk.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(SHOTS.resolve("07-督查室-佐证材料.png")));
        }
        assertThat(consoleErrors).isEmpty();
    }

    @Test
    void aReportWrittenWithoutSignalIsStoredOnceWhenTheNetworkReturnsEvenIfAnAnswerIsLost() {
        signIn();
        page.navigate(base() + "/m/#/task/" + TASK + "/report");
        assertThat(page.locator("#rules")).containsText("累计数");

        context.setOffline(true);
        assertThat(page.locator("#net")).hasText("离线");
        page.locator("input[name=asOf]").fill("2022-02-28");
        page.locator("input[name='figure:苹果示范园']").fill("45");
        page.locator("textarea[name=narrative]").fill("离线填报：示范园平整45亩");
        page.locator("#report-form button[type=submit]").click();
        assertThat(page.locator("#title")).hasText("待发送");
        assertThat(page.locator("#drafts li")).hasCount(1);
        assertThat(page.locator("#drafts li")).containsText("等待发送");
        assertThat(page.locator("#waiting")).hasText("1");
        check("05-待发送-离线");

        // The network returns, but the first answer is lost on the way back: the service stored the report, the phone
        // never heard it. The draft waits and goes again with the same Idempotency-Key.
        String progress = "**/api/agriculture/tasks/" + TASK + "/progress";
        page.route(progress, route -> {
            route.fetch();
            route.abort("connectionreset");
        });
        context.setOffline(false);
        // Playwright Java runs the route handler only while this thread is inside a Playwright call: wait in one
        page.waitForCondition(() -> narratives().contains("离线填报：示范园平整45亩"),
                new Page.WaitForConditionOptions().setTimeout(60_000));
        assertThat(page.locator("#drafts li")).containsText("等待发送");
        page.unroute(progress);
        page.locator("#drafts li button", new Page.LocatorOptions().setHasText("立即发送")).click();
        assertThat(page.locator("#no-drafts")).isVisible();

        await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(narratives()).containsOnlyOnce("离线填报：示范园平整45亩"));
        assertThat(consoleErrors).isEmpty();
    }

    @Test
    void aReminderArrivesLiveAndEveryScreenIsAccessible() {
        signIn();
        page.navigate(base() + "/m/#/messages");
        // the stream opens in the background; a 催办 sent before it is open would only be in the task's record, so
        // the office sends one every few seconds until the phone shows one live
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(5)).pollInSameThread().untilAsserted(() -> {
            ReportJourneyTest.as("supervisor").contentType(ContentType.JSON)
                    .body(Map.of("message", "请尽快报送示范园进展（" + System.nanoTime() + "）"))
                    .post(base() + "/api/supervision/tasks/" + TASK + "/reminders").then().statusCode(200);
            assertThat(page.locator("#notices li").count()).isPositive();
        });
        assertThat(page.locator("#notices")).containsText("请尽快报送示范园进展");
        assertThat(page.locator("#stream-state")).hasText("实时通知已连接");
        check("06-消息");

        page.navigate(base() + "/m/#/outbox");
        assertThat(page.locator("#title")).hasText("待发送");
        check("08-待发送");
        page.navigate(base() + "/m/#/task/" + TASK + "/extension");
        page.locator("#extension-form button[type=submit]").click();
        assertThat(page.locator("#extension-form .summary")).containsText("请看各项下方的红字提示");
        assertThat(page.locator("[data-field=requestedDeadline] .field-error")).isVisible();
        check("09-延期申请-出错");
        page.navigate(base() + "/m/#/task/" + TASK + "/completion");
        assertThat(page.locator("#completion-form")).containsText("佐证材料");
        check("10-办结申请");
        assertThat(consoleErrors).isEmpty();
    }

    /** The narratives of the task's reports as supervision holds them. */
    List<String> narratives() {
        return ReportJourneyTest.as("supervisor").get(base() + "/api/supervision/tasks/" + TASK).then().statusCode(200)
                .extract().path("progress.history.narrative");
    }
}
