package cn.duban.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.restassured.RestAssured;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 22 end to end: the office pastes a short report of a new year into its page, edits a drafted task, merges
 * two, accepts the rest and publishes — and the published tasks reach the sector services. A real headless Chromium
 * signed in through the real Keycloak, against the running suite.
 */
class DraftBrowserTest {
    static RunningSuite suite;
    static Chromium chromium;

    @BeforeAll
    static void startSuiteAndBrowser() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        chromium = Chromium.launch();
        suite = RunningSuite.get();
    }

    @AfterAll
    static void closeBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    /** A year of its own for each run, so the ledger ids it publishes are new ({year}-AGR-001 …). */
    static String report(int year) {
        return """
                %1$d年工作回顾
                %1$d年，全县地区生产总值完成85.6亿元，增长6.2%%。
                %2$d年工作安排
                一、聚焦产业振兴，在推动乡村振兴上有新进展
                稳粮保供。新建高标准农田1.2万亩，投资2400万元；新增市级农业龙头企业3家。
                二、聚焦民生福祉，在推动社会事业上有新提升
                新建城东小学，9月1日前投入使用。招聘乡村医生60名，实现村卫生室全覆盖。
                """.formatted(year - 1, year);
    }

    @Test
    void theOfficeDraftsEditsMergesAndPublishesASmallReport() {
        int year = ThreadLocalRandom.current().nextInt(2031, 2099);
        List<String> errors = new CopyOnWriteArrayList<>();
        Page page = chromium.open(new Browser.NewContextOptions().setViewportSize(1280, 900), errors, null);
        try (BrowserContext context = page.context()) {
            Chromium.signIn(page, suite.url(RunningSuite.GATEWAY) + "/", "supervisor");
            assertThat(page.locator("#user-name")).containsText("supervisor");

            page.locator("nav a[href='#/drafts']").click();
            assertThat(page.locator("h1")).containsText("报告草稿");
            page.locator("#report-text").fill(report(year));
            page.locator("#make-draft").click();
            assertThat(page.locator("#draft-counts")).containsText("待审 4");
            Locator cards = page.locator("article.draft-task");
            assertThat(cards).hasCount(4);
            Locator farmland = cards.filter(new Locator.FilterOptions().setHasText("高标准农田"));
            assertThat(farmland.locator("input[name=deadline]")).hasValue(year + "-12-31");
            assertThat(farmland.locator(".proposed").first()).containsText("建议");
            assertThat(farmland.locator(".targets input[name=value]").first()).hasValue("12000");
            assertThat(farmland.locator(".targets input[name=unit]").first()).hasValue("亩");
            Locator school = cards.filter(new Locator.FilterOptions().setHasText("城东小学"));
            assertThat(school.locator("input[name=deadline]")).hasValue(year + "-09-01");
            Shots.take(page, "10-draft-proposed");

            farmland.locator("input[name=title]").fill("新建高标准农田1.2万亩（已核）");
            farmland.locator("button.save").click();
            assertThat(page.locator("#notice")).containsText("已保存");
            assertThat(cards.filter(new Locator.FilterOptions().setHasText("高标准农田")).locator(".confirmed").first())
                    .containsText("已确认");

            cards.filter(new Locator.FilterOptions().setHasText("城东小学")).locator("input.pick").check();
            cards.filter(new Locator.FilterOptions().setHasText("乡村医生")).locator("input.pick").check();
            page.locator("#merge-selected").click();
            assertThat(page.locator("#notice")).containsText("已合并为");
            assertThat(cards).hasCount(3);

            page.locator("#accept-all").click();
            assertThat(page.locator("#draft-counts")).containsText("待审 0 · 已接受 3");
            page.locator("#publish").click();
            assertThat(page.locator("#notice")).containsText("已发布到台账：新交办 3 项");
            assertThat(page.locator("#published-ids")).containsText(year + "-AGR-001");
            assertThat(page.locator("#published-ids")).containsText(year + "-LIV-001");
            Shots.take(page, "11-draft-published");
        }
        assertThat(errors).isEmpty();

        String farmlandId = year + "-AGR-001";
        String mergedId = year + "-LIV-001";
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            ReportJourneyTest.as("agriculture").get(suite.url("agriculture") + "/api/agriculture/tasks").then()
                    .statusCode(200).body("items.id", hasItem(farmlandId));
            ReportJourneyTest.as("livelihood").get(suite.url("livelihood") + "/api/livelihood/tasks").then()
                    .statusCode(200).body("items.id", hasItem(mergedId));
        });
        ReportJourneyTest.as("agriculture").get(suite.url("agriculture") + "/api/agriculture/tasks/{id}", farmlandId)
                .then().statusCode(200).body("title", equalTo("新建高标准农田1.2万亩（已核）"));
        String merged = ReportJourneyTest.as("supervisor")
                .get(suite.url("supervision") + "/api/supervision/tasks/{id}", mergedId).then().statusCode(200)
                .extract().path("text");
        assertThat(merged).contains("城东小学").contains("乡村医生");
    }

    /** Screenshots beside DashboardBrowserTest's, in harness/e2e/target/screenshots/. */
    static final class Shots {
        static void take(Page page, String name) {
            page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                    .setPath(DashboardBrowserTest.OUT.resolve("screenshots/" + name + ".png")));
        }
    }
}
