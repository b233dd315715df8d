package org.vigil.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The UI in a real headless Chromium (Debian's chromium and chromium-driver), driven by Selenium against the real
 * server on loopback: sign-in, the event dashboard, an object, search, the graph, sign-out; need-to-know across
 * two organisations on every page; CSRF, cookie flags, escaping and the security headers.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
final class UiInBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private Path dir;
    private WebHub hub;
    private WebDriver browser;

    @BeforeAll
    void start() throws IOException {
        dir = Files.createTempDirectory("vigil-web-test");
        hub = new WebHub(dir);
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "browser tests skipped: /usr/bin/chromium and /usr/bin/chromedriver are missing; install them with "
                        + "'apt-get install -y chromium chromium-driver' (./run-tests does so when it can)");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--window-size=1280,1100", "--user-data-dir=" + dir.resolve("chromium"));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (hub != null) {
            hub.close();
        }
    }

    @BeforeEach
    void signedOut() {
        if (browser != null) {
            browser.manage().deleteAllCookies();
            consoleErrors();
        }
    }

    @Test
    void anAnalystSignsInSeesTheDashboardOpensAnObjectSearchesAndSignsOut() throws IOException {
        signIn(hub.alice);
        open("/ui/events");
        waitLoaded();
        browser.findElement(By.linkText("Sochi 2014 Winter Olympics")).click();
        waitLoaded();
        assertEquals("Sochi 2014 Winter Olympics", text("event-name"));
        String upticks = text("upticks");
        assertTrue(upticks.contains("2014-02-07") && upticks.contains("Adler"), upticks);
        assertEquals(2, browser.findElements(By.cssSelector("#timeline svg")).size(), "a timeline per venue");
        assertEquals(90, browser.findElements(By.cssSelector("#timeline figure:first-of-type rect")).size(),
                "ninety days");
        assertEquals(2, browser.findElements(By.cssSelector("#map path.venue")).size(),
                "the venues are drawn on the map");
        assertTrue(browser.findElements(By.cssSelector("#map svg path")).size() > 100,
                "the world outline is drawn without tiles");
        assertTrue(text("advisory").toLowerCase().contains("not available"), text("advisory"));
        assertTrue(text("reports").contains("Zephyrine"), "her own newest reports are listed");
        screenshot("dashboard");

        browser.findElement(By.partialLinkText("Zephyrine sighting")).click();
        waitLoaded();
        assertEquals("TLP:AMBER+STRICT", text("tlp"));
        assertTrue(text("properties").contains("report_types"), text("properties"));
        assertTrue(text("outgoing").contains("Adler") && text("outgoing").contains("Zephyr Cell"), text("outgoing"));
        assertEquals(1, browser.findElements(By.cssSelector("#versions li")).size());

        open("/ui/objects/" + hub.adler);
        waitLoaded();
        assertTrue(text("incoming").contains("Zephyr Cell") && text("incoming").contains("targets"),
                "relationships to the object are shown: " + text("incoming"));

        open("/ui/objects/" + hub.adler + "/graph");
        waitLoaded();
        assertTrue(text("graph-list").contains("Zephyr Cell"), text("graph-list"));
        open("/ui/objects/" + hub.strictActor + "/graph");
        waitLoaded();
        int before = browser.findElements(By.cssSelector("#graph-list li")).size();
        assertEquals(14, before, "the actor, the place it targets and the twelve reports that name it");
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("document.body.dataset.loaded = 'false';");
        browser.findElement(By.cssSelector("#graph-list li[data-node='" + hub.adler + "'] button")).click();
        waitLoaded();
        assertTrue(browser.findElements(By.cssSelector("#graph-list li")).size() > before,
                "expanding Adler brings the reports about it into the graph");

        open("/ui/search?q=zephyrine");
        waitFor(() -> browser.findElements(By.cssSelector("#results li")).size() == 12);
        browser.findElement(By.cssSelector("#results li a")).click();
        waitLoaded();
        assertTrue(browser.getCurrentUrl().contains("/ui/objects/report--"), browser.getCurrentUrl());

        open("/ui/map");
        waitLoaded();
        assertEquals(2, browser.findElements(By.cssSelector("#map path.venue")).size(), "a marker per venue");

        List<String> errors = consoleErrors();
        assertTrue(errors.isEmpty(), "no console errors: " + errors);

        browser.findElement(By.id("sign-out")).click();
        waitFor(() -> browser.getCurrentUrl().endsWith("/ui/login"));
        open("/ui/events");
        assertTrue(browser.getCurrentUrl().endsWith("/ui/login"), "signed out, a page asks to sign in again");
    }

    @Test
    void searchNarrowsToAPlaceOfferedAsYouTypeAndNeverToWhatIsHidden() {
        signIn(hub.alice);
        open("/ui/search?q=zephyrine&place=" + hub.adler);
        waitFor(() -> browser.findElements(By.cssSelector("#results li")).size() == 12);
        open("/ui/search?q=zephyrine&place=" + hub.sochi);
        waitFor(() -> text("status").equals("Nothing found."));
        open("/ui/search?q=quiet");
        waitFor(() -> !text("status").isEmpty());
        browser.findElement(By.id("place")).sendKeys("Adl");
        waitFor(() -> browser.findElements(By.cssSelector("#place-options option")).size() == 1);
        assertEquals(hub.adler, browser.findElement(By.cssSelector("#place-options option")).getAttribute("value"));
        browser.findElement(By.id("place")).clear();
        browser.findElement(By.id("place")).sendKeys(hub.adler);
        waitFor(() -> browser.findElements(By.cssSelector("#results li")).stream()
                .allMatch(li -> li.getText().contains("Adler")) && !text("status").isEmpty());
        List<String> errors = consoleErrors();
        assertTrue(errors.isEmpty(), "no console errors: " + errors);

        browser.manage().deleteAllCookies();
        signIn(hub.bob);
        open("/ui/search?q=zephyrine&place=" + hub.adler);
        waitFor(() -> text("status").equals("Nothing found."));
    }

    @Test
    void anotherOrganisationNeverSeesAnAmberStrictObjectOnAnyPage() {
        signIn(hub.bob);
        for (String id : List.of(hub.strictActor, hub.strictReports.get(0), hub.strictRelationship)) {
            open("/ui/objects/" + id);
            assertEquals("Not found", browser.findElement(By.tagName("h1")).getText(), id);
        }
        open("/ui/search?q=zephyrine");
        waitFor(() -> text("status").equals("Nothing found."));
        open("/ui/search?q=zephyr");
        waitFor(() -> !text("status").isEmpty());
        assertFalse(text("results").toLowerCase().contains("zephyr"), text("results"));
        open("/ui/objects/" + hub.adler + "/graph");
        waitLoaded();
        assertFalse(text("graph-list").contains("Zephyr"), text("graph-list"));
        open("/ui/objects/" + hub.adler);
        waitLoaded();
        assertFalse(text("incoming").contains("Zephyr"), text("incoming"));
        open("/ui/events/" + hub.eventId);
        waitLoaded();
        assertFalse(text("upticks").contains("Adler"), "bob's picture has no Adler uptick: " + text("upticks"));
        assertFalse(text("reports").contains("Zephyrine"), text("reports"));
        int bobs = storiesAt("Adler");
        browser.manage().deleteAllCookies();
        signIn(hub.alice);
        open("/ui/events/" + hub.eventId);
        waitLoaded();
        assertEquals(bobs + 13, storiesAt("Adler"), "alice's count has her twelve reports and her actor's "
                + "targeting of Adler; bob's has none of them");
    }

    @Test
    void aFormPostedWithoutItsCsrfTokenIsRefused() throws Exception {
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> form = http.send(get("/ui/login"), HttpResponse.BodyHandlers.ofString());
        String loginToken = field(form.body());
        HttpResponse<String> wrong = http.send(post("/ui/login", "csrf=" + enc(loginToken)
                + "&username=alice&password=wrong"), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, wrong.statusCode(), "a wrong password is refused");
        assertTrue(hub.store.audit(org.vigil.store.AuditQuery.all(10_000)).stream()
                .anyMatch(r -> r.action().equals("login-failed") && r.path().equals("POST /ui/login")),
                "and audited like a TAXII login");
        HttpResponse<String> noToken = http.send(post("/ui/login", "username=alice&password="
                + enc(hub.alice.password())), HttpResponse.BodyHandlers.ofString());
        assertEquals(403, noToken.statusCode(), "sign-in without the form's token");
        HttpResponse<String> in = http.send(post("/ui/login", "csrf=" + enc(loginToken) + "&username=alice&password="
                + enc(hub.alice.password())), HttpResponse.BodyHandlers.ofString());
        assertEquals(303, in.statusCode(), in.body());
        String cookie = in.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("vigil_session="))
                .findFirst().orElseThrow();
        assertTrue(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"), cookie);
        HttpResponse<String> outNoToken = http.send(post("/ui/logout", ""), HttpResponse.BodyHandlers.ofString());
        assertEquals(403, outNoToken.statusCode(), "sign-out without the session's token");
        HttpResponse<String> page = http.send(get("/ui/events"), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode(), "the session survived the refused POST");
        HttpResponse<String> apiPost = http.send(HttpRequest.newBuilder(URI.create(hub.base() + "/api/v1/events"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).header("Content-Type", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(403, apiPost.statusCode(), "an API change with the session cookie but no CSRF header: "
                + apiPost.body());
        String csrf = meta(page.body());
        HttpResponse<String> out = http.send(post("/ui/logout", "csrf=" + enc(csrf)),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(303, out.statusCode());
        assertEquals(303, http.send(get("/ui/events"), HttpResponse.BodyHandlers.ofString()).statusCode(),
                "signed out");
        HttpResponse<String> ended = http.send(HttpRequest.newBuilder(URI.create(hub.base() + "/api/v1/events"))
                .header("Cookie", cookie.substring(0, cookie.indexOf(';'))).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(401, ended.statusCode(), "an ended session is refused, not taken as anonymous");
        assertTrue(ended.headers().firstValue("WWW-Authenticate").isEmpty(),
                "without a Basic challenge, so the browser shows no password dialog");
    }

    @Test
    void pagesCarryAStrictContentSecurityPolicyAndEscapeWhatTheyReflect() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> login = http.send(get("/ui/login"), HttpResponse.BodyHandlers.ofString());
        String csp = login.headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(csp.contains("script-src 'self'") && csp.contains("frame-ancestors 'none'")
                && !csp.contains("unsafe-eval"), csp);
        assertEquals("nosniff", login.headers().firstValue("X-Content-Type-Options").orElse(""));
        assertEquals("DENY", login.headers().firstValue("X-Frame-Options").orElse(""));
        assertEquals("no-referrer", login.headers().firstValue("Referrer-Policy").orElse(""));
        assertFalse(login.body().contains("<script>"), "no inline script");
        signIn(hub.alice);
        open("/ui/search?q=" + enc("<script>document.title='pwned'</script>"));
        assertFalse(browser.getTitle().contains("pwned"));
        assertEquals("<script>document.title='pwned'</script>",
                browser.findElement(By.id("q")).getAttribute("value"), "shown as text in the search box");
    }

    @Test
    void anAdminReadsOrganisationsUsersGrantsAndTheAuditLogAndNobodyElseFindsThem() throws IOException {
        signIn(hub.root);
        browser.findElement(By.linkText("Admin")).click();
        waitLoaded();
        assertTrue(text("orgs").contains("Agency") && text("orgs").contains("Partner"), text("orgs"));
        assertTrue(text("users").contains("alice") && text("users").contains("root Agency admin"), text("users"));
        assertTrue(text("collections").contains("Reporting") && text("collections").contains("alice (rw)"),
                text("collections"));
        assertTrue(text("audit").contains("sign-in") || !text("audit").isEmpty(), text("audit"));
        browser.findElement(By.id("verify-audit")).click();
        waitFor(() -> !browser.findElements(By.id("verify-form-outcome")).isEmpty()
                && text("verify-form-outcome").startsWith("Intact"));
        String axe;
        try (var in = UiInBrowserTest.class.getResourceAsStream("axe.min.js")) {
            axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertEquals(List.of(), axe(axe, "/ui/admin"), "no serious or critical accessibility violations");
        screenshot("admin");
        List<String> errors = consoleErrors();
        assertTrue(errors.isEmpty(), "no console errors: " + errors);

        browser.manage().deleteAllCookies();
        signIn(hub.alice);
        assertTrue(browser.findElements(By.linkText("Admin")).isEmpty(), "no Admin link for an analyst");
        open("/ui/admin");
        assertEquals("Not found", browser.findElement(By.tagName("h1")).getText());
        for (String path : List.of("/api/v1/admin/overview", "/api/v1/admin/audit", "/api/v1/admin/audit/verify")) {
            Object status = ((org.openqa.selenium.JavascriptExecutor) browser).executeAsyncScript(
                    "const done = arguments[arguments.length - 1]; fetch(arguments[0], {credentials: 'same-origin'})"
                            + ".then(r => done(r.status)).catch(e => done(String(e)));", path);
            assertEquals(404L, status, path + " is not there for an analyst");
        }
        consoleErrors();
    }

    @Test
    void anArticleIsExtractedReviewedPublishedAndShownWithItsEntitiesMarked() {
        signIn(hub.alice);
        open("/ui/ingest");
        waitLoaded();
        browser.findElement(By.id("title")).sendKeys("Security tightened in Sochi");
        browser.findElement(By.id("article")).sendKeys("Police in Sochi said on Tuesday that security around the "
                + "Olympic Park would be tightened after a warning from the National Anti-Terrorism Committee. "
                + "Officials in Moscow confirmed that more checkpoints would open near Adler railway station.");
        browser.findElement(By.id("extract")).click();
        waitFor(() -> !browser.findElements(By.cssSelector("#entities tr")).isEmpty());
        assertTrue(text("entities").contains("Sochi"), text("entities"));
        browser.findElement(By.id("publish")).click();
        waitFor(() -> browser.findElement(By.tagName("body")).getAttribute("data-published") != null);
        assertTrue(text("status").startsWith("Published"), text("status"));
        browser.findElement(By.linkText("Open the report")).click();
        waitLoaded();
        assertTrue(!browser.findElements(By.cssSelector("#article-text mark.entity")).isEmpty(),
                "the article shows where entities were found");
        assertTrue(text("article-text").contains("Police in Sochi"), text("article-text"));
        List<String> errors = consoleErrors();
        assertTrue(errors.isEmpty(), "no console errors: " + errors);
    }

    @Test
    void everyPageHasNoSeriousOrCriticalAccessibilityViolations() throws IOException {
        String axe;
        try (var in = UiInBrowserTest.class.getResourceAsStream("axe.min.js")) {
            axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        open("/ui/login");
        List<String> problems = new java.util.ArrayList<>(axe(axe, "/ui/login"));
        signIn(hub.alice);
        for (String page : List.of("/ui/events", "/ui/events/" + hub.eventId, "/ui/objects/" + hub.strictReports.get(0),
                "/ui/objects/" + hub.adler + "/graph", "/ui/search?q=adler", "/ui/map", "/ui/ingest", "/ui/alerts")) {
            open(page);
            if (!page.startsWith("/ui/search") && !page.equals("/ui/alerts")) {
                waitLoaded();
            }
            problems.addAll(axe(axe, page));
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void aNameThatHoldsMarkupIsShownAsText() {
        signIn(hub.alice);
        open("/ui/objects/" + hub.hostileReport);
        waitLoaded();
        assertEquals(WebHub.HOSTILE_NAME, text("object-name"));
        assertEquals(WebHub.HOSTILE_NAME + " \u00b7 Vigil", browser.getTitle(), "no script ran");
        open("/ui/search?q=pwned");
        waitFor(() -> !browser.findElements(By.cssSelector("#results li")).isEmpty());
        assertEquals("Search \u00b7 Vigil", browser.getTitle(), "no script ran");
        assertTrue(text("results").contains(WebHub.HOSTILE_NAME), text("results"));
    }

    /** The serious and critical violations axe-core finds on the page now shown. */
    private List<String> axe(String source, String page) {
        JavascriptExecutor js = (JavascriptExecutor) browser;
        js.executeScript(source);
        Object found = js.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations"
                + ".filter(v => v.impact === 'serious' || v.impact === 'critical')"
                + ".map(v => v.impact + ' ' + v.id + ': ' + v.help + ' at ' + v.nodes.slice(0, 3)"
                + ".map(n => n.target.join(' ')).join(', ')))).catch(e => done(['axe failed: ' + e]));");
        List<String> out = new java.util.ArrayList<>();
        for (Object o : (List<?>) found) {
            out.add(page + ": " + o);
        }
        return out;
    }

    private void signIn(WebHub.Account who) {
        open("/ui/login");
        browser.findElement(By.name("username")).sendKeys(who.user().name());
        browser.findElement(By.name("password")).sendKeys(who.password());
        browser.findElement(By.id("sign-in")).click();
        waitFor(() -> browser.getCurrentUrl().endsWith("/ui/events"));
    }

    private int storiesAt(String place) {
        Matcher m = Pattern.compile(place + ": (\\d+) stories").matcher(text("levels"));
        assertTrue(m.find(), text("levels"));
        return Integer.parseInt(m.group(1));
    }

    private void open(String path) {
        browser.get(hub.base() + path);
    }

    private String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    private void waitLoaded() {
        waitFor(() -> {
            WebElement status = browser.findElements(By.id("status")).stream().findFirst().orElse(null);
            if (status != null && status.getText().startsWith("Could not load")) {
                throw new AssertionError(status.getText());
            }
            return "true".equals(browser.findElement(By.tagName("body")).getAttribute("data-loaded"));
        });
    }

    private void waitFor(java.util.function.BooleanSupplier condition) {
        // A list re-rendered while it is read (results as you type) is read again, not a failure.
        new WebDriverWait(browser, Duration.ofSeconds(15))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> condition.getAsBoolean());
    }

    private List<String> consoleErrors() {
        return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).map(LogEntry::getMessage)
                .collect(Collectors.toList());
    }

    private void screenshot(String name) throws IOException {
        Path target = Path.of("target", "screenshots");
        Files.createDirectories(target);
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), target.resolve(name + ".png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(URI.create(hub.base() + path)).GET().build();
    }

    private HttpRequest post(String path, String form) {
        return HttpRequest.newBuilder(URI.create(hub.base() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String field(String html) {
        Matcher m = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(html);
        assertTrue(m.find(), html);
        return m.group(1);
    }

    private static String meta(String html) {
        Matcher m = Pattern.compile("name=\"csrf-token\" content=\"([^\"]+)\"").matcher(html);
        assertTrue(m.find(), html);
        return m.group(1);
    }
}
