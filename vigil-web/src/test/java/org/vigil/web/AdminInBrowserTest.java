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
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.vigil.access.Tokens;
import org.vigil.store.ApiToken;
import org.vigil.store.AuditQuery;
import org.vigil.store.AuditRecord;
import org.vigil.store.Collection;
import org.vigil.store.Organisation;
import org.vigil.store.User;

/**
 * The administration page in a real headless Chromium against the real server on loopback: an admin makes an
 * organisation, a user, a collection, grants read, makes a token that then works over TAXII until it is revoked,
 * and verifies the audit log; nobody else can reach any of it; every change needs the page's CSRF token.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
final class AdminInBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final String TAXII = "application/taxii+json;version=2.1";

    private Path dir;
    private WebHub hub;
    private WebDriver browser;

    @BeforeAll
    void start() throws IOException {
        dir = Files.createTempDirectory("vigil-admin-test");
        hub = new WebHub(dir);
    }

    private void needBrowser() {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "browser tests skipped: /usr/bin/chromium and /usr/bin/chromedriver are missing; install them with "
                        + "'apt-get install -y chromium chromium-driver' (./run-tests does so when it can)");
        if (browser != null) {
            return;
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--window-size=1280,1100", "--user-data-dir=" + dir.resolve("chromium"));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build(), options);
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

    @Test
    void anAdminSetsUpAnOrganisationWhoseTokenReadsOverTaxiiUntilRevokedAndVerifiesTheLog() throws Exception {
        needBrowser();
        signIn(hub.root);
        open("/ui/admin");
        waitLoaded();
        consoleErrors();

        type("org-name", "Liaison Office");
        browser.findElement(By.id("org-member")).click();
        submit("add-org");
        assertTrue(outcome("org-form").startsWith("Organisation Liaison Office added"), outcome("org-form"));
        assertTrue(text("orgs").contains("Liaison Office"), text("orgs"));
        type("org-name", "Liaison Office");
        submit("add-org");
        assertEquals("Organisation 'Liaison Office' already exists.", outcome("org-form"),
                "a refusal in plain words beside its form");
        assertEquals("alert", browser.findElement(By.id("org-form-outcome")).getAttribute("role"));

        type("user-name", "liaison1");
        new Select(browser.findElement(By.id("user-org"))).selectByVisibleText("Liaison Office");
        new Select(browser.findElement(By.id("user-role"))).selectByVisibleText("reader");
        String password = "pw-liaison-" + UUID.randomUUID();
        type("user-password", password);
        submit("add-user");
        assertTrue(outcome("user-form").startsWith("User liaison1 added to Liaison Office as reader"),
                outcome("user-form"));
        String firstSecret = text("new-secret");
        assertTrue(Tokens.looksLikeToken(firstSecret), firstSecret);
        User liaison = hub.store.userByName("liaison1").orElseThrow();
        Organisation office = hub.store.organisationByName("Liaison Office").orElseThrow();
        assertEquals(office.id(), liaison.organisationId());

        String title = "Liaison <b>brief</b>";
        type("collection-title", title);
        type("collection-description", "What the liaison officers need to know");
        submit("add-collection");
        assertTrue(outcome("collection-form").startsWith("Collection " + title + " added"), outcome("collection-form"));
        assertTrue(text("collections").contains(title), "markup in a title is shown as text: " + text("collections"));
        Collection brief = hub.store.collections(WebHub.ROOT).stream().filter(c -> c.title().equals(title))
                .findFirst().orElseThrow();

        new Select(browser.findElement(By.id("token-user"))).selectByVisibleText("liaison1");
        new Select(browser.findElement(By.id("token-collections"))).selectByVisibleText(title);
        type("token-expires", "P30D");
        submit("make-token");
        assertTrue(outcome("token-form").contains("shown only this once"), outcome("token-form"));
        String secret = text("new-secret");
        scrollTo("token-form-outcome");
        screenshot("admin-token");
        ApiToken stored = hub.store.tokenByHash(Tokens.hash(secret)).orElseThrow();
        assertFalse(stored.sha256().equals(secret), "only the hash is kept");
        String objects = "/" + WebHub.ROOT + "/collections/" + brief.id() + "/objects/";
        assertEquals(404, taxii(objects, secret), "before the grant the collection is not there for him");

        new Select(browser.findElement(By.id("grant-collection"))).selectByVisibleText(title);
        new Select(browser.findElement(By.id("grant-user"))).selectByVisibleText("liaison1");
        new Select(browser.findElement(By.id("grant-right"))).selectByVisibleText("read");
        submit("grant");
        assertEquals("liaison1 may now read " + title + ".", outcome("grant-form"));
        assertTrue(text("collections").contains("liaison1 (r)"), text("collections"));
        assertEquals(200, taxii(objects, secret), "the new token reads the collection over TAXII");

        open("/ui/admin");
        waitLoaded();
        assertFalse(browser.getPageSource().contains(secret), "a secret is shown once only");
        browser.findElement(By.cssSelector("tr[data-token='" + stored.id() + "'] button")).click();
        waitFor(() -> !browser.findElements(By.id("tokens-outcome")).isEmpty());
        assertEquals("Token " + stored.id() + " revoked: it no longer works.", outcome("tokens"));
        assertEquals(401, taxii(objects, secret), "a revoked token stops working");

        assertEquals(200, taxii(objects, firstSecret), "the token made with the user works");
        Session signedIn = session(new WebHub.Account(liaison, office, password));
        selectUser("status-user", "root");
        submit("disable-user");
        assertEquals("You cannot disable your own account; ask another administrator.", outcome("status-form"));
        selectUser("status-user", "liaison1");
        submit("disable-user");
        assertTrue(outcome("status-form").startsWith("liaison1 is disabled"), outcome("status-form"));
        assertTrue(text("users").contains("liaison1 Liaison Office reader disabled"), text("users"));
        assertEquals(401, taxii(objects, firstSecret), "a disabled user's tokens are refused");
        assertEquals(303, signedIn.get("/ui/events").statusCode(), "and their session ends");
        Session again = new Session(hub.base());
        String loginCsrf = match("name=\"csrf\" value=\"([^\"]+)\"", again.get("/ui/login").body());
        assertEquals(401, again.post("/ui/login", "csrf=" + enc(loginCsrf) + "&username=liaison1&password="
                + enc(password)).statusCode(), "and their password");
        selectUser("status-user", "liaison1");
        submit("enable-user");
        assertEquals("liaison1 is enabled again.", outcome("status-form"));
        assertEquals(200, taxii(objects, firstSecret), "enabled, the same token works again");

        submit("verify-audit");
        String verdict = outcome("verify-form");
        assertTrue(verdict.matches("Intact: the hash chain of all \\d+ records holds\\."), verdict);

        type("audit-action", "admin:");
        type("audit-user", "root");
        browser.findElement(By.id("filter-audit")).click();
        waitLoaded();
        String audit = text("audit");
        scrollTo("audit-h");
        screenshot("admin-audit");
        for (String action : List.of("admin:org add", "admin:user add", "admin:collection add",
                "admin:collection grant", "admin:token add", "admin:token revoke", "admin:user disable",
                "admin:user enable", "admin:audit-verify")) {
            assertTrue(audit.contains(action), action + " is listed: " + audit);
        }
        List<AuditRecord> records = hub.store.audit(AuditQuery.all(100_000).byActor(hub.root.user().id()));
        assertTrue(records.stream().anyMatch(r -> r.action().equals("admin:token revoke")
                && r.path().equals("POST /ui/admin/tokens/revoke") && r.detail().equals(stored.id().toString())),
                "audited like vigil token revoke, under the admin's name");

        List<String> axe = axe("/ui/admin");
        assertEquals(List.of(), axe, "no serious or critical accessibility violations");
        screenshot("admin-changes");
        assertEquals(List.of(), consoleErrors(), "no console errors");
    }

    @Test
    void theAuditLogIsShownNewestFirstAPageAtATime() {
        needBrowser();
        signIn(hub.root);
        for (int i = 0; i < 60; i++) {
            open("/ui/admin"); // each view is audited
        }
        waitLoaded();
        List<Long> first = seqs();
        assertEquals(50, first.size());
        for (int i = 1; i < first.size(); i++) {
            assertTrue(first.get(i) < first.get(i - 1), "newest first: " + first);
        }
        browser.findElement(By.id("audit-older")).click();
        waitLoaded();
        List<Long> second = seqs();
        assertEquals(first.get(first.size() - 1) - 1, second.get(0), "the next page goes on where the first ended");
    }

    @Test
    void anAnalystsPostToEveryAdministrationActionIsNotFoundAndChangesNothing() throws Exception {
        Session alice = session(hub.alice);
        Collection reporting = hub.store.collections(WebHub.ROOT).stream()
                .filter(c -> c.title().equals("Reporting")).findFirst().orElseThrow();
        ApiToken bobs = hub.store.tokens(hub.bob.user().id()).stream().findFirst().orElse(null);
        Map<String, String> posts = new LinkedHashMap<>();
        posts.put("/ui/admin/orgs", "name=Rogue&member=yes");
        posts.put("/ui/admin/users", "name=rogue&organisation=" + hub.alice.organisation().id()
                + "&role=admin&password=rogue-password-1");
        posts.put("/ui/admin/users/password", "user=" + hub.root.user().id() + "&password=taken-over-1234");
        posts.put("/ui/admin/users/status", "user=" + hub.root.user().id() + "&change=disable");
        posts.put("/ui/admin/collections", "title=Rogue&description=x&alias=rogue");
        posts.put("/ui/admin/grants", "collection=" + reporting.id() + "&user=" + hub.bob.user().id()
                + "&right=both&change=revoke");
        posts.put("/ui/admin/tokens", "user=" + hub.root.user().id() + "&expires=P1D");
        posts.put("/ui/admin/tokens/revoke", "token=" + (bobs == null ? UUID.randomUUID() : bobs.id()));
        posts.put("/ui/admin/audit/verify", "");
        String before = state();
        for (var p : posts.entrySet()) {
            for (String csrf : List.of("csrf=" + enc(alice.csrf) + "&", "")) {
                HttpResponse<String> r = alice.post(p.getKey(), csrf + p.getValue());
                assertEquals(404, r.statusCode(), p.getKey() + (csrf.isEmpty() ? " without" : " with")
                        + " the CSRF token");
                assertTrue(r.body().contains("Not found"), r.body());
            }
        }
        assertEquals(404, alice.get("/ui/admin").statusCode());
        assertEquals(before, state(), "nothing changed");
    }

    @Test
    void anAdministrationFormWithoutThePagesCsrfTokenIsRefused() throws Exception {
        Session root = session(hub.root);
        String before = state();
        HttpResponse<String> none = root.post("/ui/admin/orgs", "name=Forged");
        assertEquals(403, none.statusCode());
        assertTrue(none.body().contains("security token"), none.body());
        HttpResponse<String> wrong = root.post("/ui/admin/orgs", "csrf=" + enc(Tokens.generate()) + "&name=Forged");
        assertEquals(403, wrong.statusCode());
        assertEquals(before, state(), "nothing changed");
        assertTrue(hub.store.organisationByName("Forged").isEmpty());

        HttpResponse<String> ok = root.post("/ui/admin/orgs", "csrf=" + enc(root.csrf) + "&name=Genuine");
        assertEquals(303, ok.statusCode(), "POST, then redirect");
        assertEquals("/ui/admin#org-form", ok.headers().firstValue("Location").orElse(""));
        assertTrue(hub.store.organisationByName("Genuine").isPresent());
        String page = root.get("/ui/admin").body();
        assertTrue(page.contains("Organisation Genuine added"), "the outcome is shown after the redirect");
        assertFalse(root.get("/ui/admin").body().contains("Organisation Genuine added"), "and only once");
    }

    @Test
    void verifyNamesTheRecordWhereTheChainBreaks() throws Exception {
        Path other = Files.createTempDirectory("vigil-admin-broken");
        try (WebHub tampered = new WebHub(other)) {
            long seq = tampered.store.auditHead().seq() - 1;
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + other.resolve("data").resolve("vigil.db"));
                 Statement st = c.createStatement()) {
                st.execute("DROP TRIGGER audit_no_update");
                assertEquals(1, st.executeUpdate("UPDATE audit SET detail = 'rewritten' WHERE seq = " + seq));
            }
            Session root = session(tampered, tampered.root);
            HttpResponse<String> verify = root.post("/ui/admin/audit/verify", "csrf=" + enc(root.csrf));
            assertEquals(303, verify.statusCode());
            String page = root.get("/ui/admin").body();
            assertTrue(page.contains("Broken at record " + seq + ": "), page);
            assertTrue(page.contains("The " + (seq - 1) + " records before it are intact."), page);
        }
    }

    /** Everything an administration action could change, in one comparable string. */
    private String state() {
        StringBuilder b = new StringBuilder();
        hub.store.organisations().forEach(o -> b.append(o).append('\n'));
        hub.store.users().forEach(u -> b.append(u).append(' ').append(u.passwordHash()).append(' ')
                .append(hub.store.isDisabled(u.id())).append('\n'));
        hub.store.apiRoots().forEach(r -> hub.store.collections(r.name()).forEach(c -> {
            b.append(c).append('\n');
            hub.store.grantsOn(c.id()).forEach(g -> b.append(g).append('\n'));
        }));
        hub.store.users().forEach(u -> hub.store.tokens(u.id()).forEach(t -> b.append(t).append('\n')));
        hub.store.audit(AuditQuery.all(100_000)).stream().filter(r -> r.action().startsWith("admin:")
                && !r.action().equals("admin:read")).forEach(r -> b.append(r.action()).append('\n'));
        return b.toString();
    }

    /** A signed-in HTTP client and its session's CSRF token. */
    private static final class Session {
        final String base;
        final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String csrf;

        Session(String base) {
            this.base = base;
        }

        HttpResponse<String> get(String path) throws Exception {
            return http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(String path, String form) throws Exception {
            return http.send(HttpRequest.newBuilder(URI.create(base + path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    private Session session(WebHub.Account who) throws Exception {
        return session(hub, who);
    }

    private static Session session(WebHub on, WebHub.Account who) throws Exception {
        Session s = new Session(on.base());
        String login = match("name=\"csrf\" value=\"([^\"]+)\"", s.get("/ui/login").body());
        HttpResponse<String> in = s.post("/ui/login", "csrf=" + enc(login) + "&username=" + enc(who.user().name())
                + "&password=" + enc(who.password()));
        assertEquals(303, in.statusCode(), in.body());
        s.csrf = match("name=\"csrf-token\" content=\"([^\"]+)\"", s.get("/ui/events").body());
        return s;
    }

    private int taxii(String path, String token) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(hub.base() + path))
                .header("Accept", TAXII).header("Authorization", "Bearer " + token).GET().build(),
                HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    private List<Long> seqs() {
        List<Long> out = new ArrayList<>();
        browser.findElements(By.cssSelector("#audit tr td:first-child"))
                .forEach(td -> out.add(Long.parseLong(td.getText())));
        return out;
    }

    private static String match(String regex, String html) {
        Matcher m = Pattern.compile(regex).matcher(html);
        assertTrue(m.find(), html);
        return m.group(1);
    }

    private void signIn(WebHub.Account who) {
        browser.manage().deleteAllCookies();
        open("/ui/login");
        browser.findElement(By.name("username")).sendKeys(who.user().name());
        browser.findElement(By.name("password")).sendKeys(who.password());
        browser.findElement(By.id("sign-in")).click();
        waitFor(() -> browser.getCurrentUrl().endsWith("/ui/events"));
    }

    private void open(String path) {
        browser.get(hub.base() + path);
    }

    private void type(String id, String value) {
        var field = browser.findElement(By.id(id));
        field.clear();
        field.sendKeys(value);
    }

    /** Presses a form's button and waits for the page the redirect leads to. */
    private void submit(String buttonId) {
        ((JavascriptExecutor) browser).executeScript("document.body.dataset.loaded = 'false';");
        browser.findElement(By.id(buttonId)).click();
        waitLoaded();
    }

    private void scrollTo(String id) {
        ((JavascriptExecutor) browser).executeScript("document.getElementById(arguments[0]).scrollIntoView();", id);
    }

    private void selectUser(String id, String name) {
        new Select(browser.findElement(By.id(id))).selectByVisibleText(name);
    }

    private String outcome(String form) {
        return text(form + "-outcome").lines().findFirst().orElse("");
    }

    private String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    private void waitLoaded() {
        waitFor(() -> {
            try {
                return "true".equals(browser.findElement(By.tagName("body")).getAttribute("data-loaded"));
            } catch (org.openqa.selenium.StaleElementReferenceException e) {
                return false; // the page was replaced while being looked at
            }
        });
    }

    private void waitFor(java.util.function.BooleanSupplier condition) {
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> condition.getAsBoolean());
    }

    private List<String> axe(String page) throws IOException {
        String source;
        try (var in = AdminInBrowserTest.class.getResourceAsStream("axe.min.js")) {
            source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        JavascriptExecutor js = (JavascriptExecutor) browser;
        js.executeScript(source);
        Object found = js.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations"
                + ".filter(v => v.impact === 'serious' || v.impact === 'critical')"
                + ".map(v => v.impact + ' ' + v.id + ': ' + v.help + ' at ' + v.nodes.slice(0, 3)"
                + ".map(n => n.target.join(' ')).join(', ')))).catch(e => done(['axe failed: ' + e]));");
        List<String> out = new ArrayList<>();
        for (Object o : (List<?>) found) {
            out.add(page + ": " + o);
        }
        return out;
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

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
