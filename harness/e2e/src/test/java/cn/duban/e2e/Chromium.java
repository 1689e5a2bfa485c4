package cn.duban.e2e;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Debian's Chromium, headless, driven by Playwright (whose own browser download is never used): one per browser test
 * class. Pages open in Chinese and Shanghai time, as the county's users have them; assertions and actions wait up to
 * 30 s, since on two shared cores a clock move re-evaluates 178 tasks.
 */
final class Chromium implements AutoCloseable {
    static final Path BINARY = Paths.get(System.getenv().getOrDefault("DUBAN_CHROMIUM", "/usr/bin/chromium"));
    private static final int WAIT_MS = 30_000;

    private final Playwright playwright;
    private final Browser browser;

    private Chromium(Playwright playwright, Browser browser) {
        this.playwright = playwright;
        this.browser = browser;
    }

    static Chromium launch() {
        if (!Files.isExecutable(BINARY)) {
            throw new IllegalStateException(BINARY + " is missing: run deploy/local/browser.sh (make test does) "
                    + "or set DUBAN_CHROMIUM to a Chromium binary");
        }
        PlaywrightAssertions.setDefaultAssertionTimeout(WAIT_MS);
        Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        return new Chromium(playwright, playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(BINARY)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--no-first-run", "--disable-sync"))));
    }

    /**
     * A page in a fresh context (its own cookies and storage) of the given size; uncaught errors and the console's
     * errors go to {@code errors}, but for those {@code expected} matches (null: none are expected). Close it with
     * {@code page.context().close()}.
     */
    Page open(Browser.NewContextOptions size, List<String> errors, Pattern expected) {
        BrowserContext context = browser.newContext(size.setLocale("zh-CN").setTimezoneId("Asia/Shanghai"));
        context.setDefaultTimeout(WAIT_MS);
        Page page = context.newPage();
        page.onConsoleMessage(m -> {
            if (m.type().equals("error") && (expected == null || !expected.matcher(m.text()).matches())) {
                errors.add(m.text() + " at " + m.location());
            }
        });
        page.onPageError(e -> errors.add("uncaught: " + e));
        return page;
    }

    /** Signs in from the app's own button on Keycloak's login page, and waits to be back in the app at {@code app}. */
    static void signIn(Page page, String app, String user) {
        page.navigate(app);
        page.locator("#sign-in").click();
        page.locator("#username").fill(user);
        page.locator("#password").fill("duban");
        page.locator("#kc-login").click();
        page.waitForURL(Pattern.compile(Pattern.quote(app) + ".*"));
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
