package org.vigil.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.vigil.stix.StixObject;

/**
 * The UI's alerts page and the dashboard's advisory with the real alerts module, as `vigil serve` wires them, in
 * headless Chromium: a published travel alert appears on /ui/alerts with its level, headline and CAP link.
 */
class AlertsInBrowserTest {

    @TempDir
    Path dir;

    @Test
    void aPublishedAlertIsListedWithItsLevelAndCapLink() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/chromium"))
                        && Files.isExecutable(Path.of("/usr/bin/chromedriver")),
                "browser test skipped: install chromium and chromium-driver (./run-tests does so when it can)");
        try (TestVigil vigil = TestVigil.create(StoreKind.SQLITE, dir.resolve("data"))) {
            vigil.org("Agency", true);
            TestVigil.Account pub = vigil.user("pub", "Agency", "analyst", "pub-password-" + UUID.randomUUID());
            vigil.cli("user", "set", "pub", "--publisher").ok();
            UUID places = vigil.collection("Places", "places");
            vigil.cli("collection", "set", places.toString(), "--public", "--default-marking", "clear").ok();
            vigil.grant(places, pub, "write");
            vigil.start();
            StixObject paris = StixObject.builder("location", "location--" + UUID.randomUUID())
                    .put("created", "2026-12-01T00:00:00.000Z").put("modified", "2026-12-01T00:00:00.000Z")
                    .put("name", "Paris").put("latitude", 48.8566).put("longitude", 2.3522).put("country", "FR")
                    .build();
            assertEquals(202, vigil.as(pub).add(places, paris).status());
            String out = vigil.cli("alert", "draft", "--user", "pub", "--place", "Paris", "--level", "3",
                    "--headline", "Protests near the stadium", "--description", "Large demonstrations are planned.",
                    "--expires", "P7D").ok();
            String draft = out.strip().lines().reduce((a, b) -> b).orElseThrow().strip();
            vigil.user("rev", "Agency", "analyst");
            vigil.cli("alert", "review", draft, "--user", "rev").ok();
            vigil.cli("alert", "publish", draft, "--user", "pub").ok();

            WebDriver browser = browser();
            try {
                browser.get(vigil.base() + "/ui/login");
                browser.findElement(By.name("username")).sendKeys("pub");
                browser.findElement(By.name("password")).sendKeys(pub.password());
                browser.findElement(By.id("sign-in")).click();
                WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
                wait.until(d -> d.getCurrentUrl().endsWith("/ui/events"));
                browser.get(vigil.base() + "/ui/alerts");
                wait.until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-loaded")));
                String list = browser.findElement(By.id("alerts")).getText();
                assertTrue(list.contains("Protests near the stadium") && list.contains("Level 3"), list);
                assertEquals(1, browser.findElements(By.linkText("CAP")).size());
                Path shots = Path.of("target", "screenshots");
                Files.createDirectories(shots);
                File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
                Files.copy(shot.toPath(), shots.resolve("alerts.png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                List<String> errors = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                        .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).map(LogEntry::getMessage)
                        .toList();
                assertTrue(errors.isEmpty(), "no console errors: " + errors);
            } finally {
                browser.quit();
            }
        }
    }

    @Test
    void anAnalystDraftsAndPreviewsItsCapAndAPublisherReviewsAndPublishesIt() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/chromium"))
                        && Files.isExecutable(Path.of("/usr/bin/chromedriver")),
                "browser test skipped: install chromium and chromium-driver (./run-tests does so when it can)");
        try (TestVigil vigil = TestVigil.create(StoreKind.SQLITE, dir.resolve("data"))) {
            vigil.org("Agency", true);
            TestVigil.Account pub = vigil.user("pub", "Agency", "analyst", "pub-password-" + UUID.randomUUID());
            TestVigil.Account ana = vigil.user("ana", "Agency", "analyst", "ana-password-" + UUID.randomUUID());
            vigil.cli("user", "set", "pub", "--publisher").ok();
            UUID places = vigil.collection("Places", "places");
            vigil.cli("collection", "set", places.toString(), "--public", "--default-marking", "clear").ok();
            vigil.grant(places, pub, "write");
            vigil.start();
            StixObject lyon = StixObject.builder("location", "location--" + UUID.randomUUID())
                    .put("created", "2026-12-01T00:00:00.000Z").put("modified", "2026-12-01T00:00:00.000Z")
                    .put("name", "Lyon").put("latitude", 45.764).put("longitude", 4.8357).put("country", "FR")
                    .build();
            assertEquals(202, vigil.as(pub).add(places, lyon).status());
            WebDriver browser = browser();
            try {
                WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
                signIn(browser, vigil, "ana", ana.password());
                browser.get(vigil.base() + "/ui/alerts");
                wait.until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-loaded")));
                browser.findElement(By.id("alert-places")).sendKeys("Lyon");
                new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("alert-level")))
                        .selectByValue("2");
                browser.findElement(By.id("alert-headline")).sendKeys("Strikes <b>& marches</b> in Lyon");
                browser.findElement(By.id("alert-description")).sendKeys("Transport strikes all week.");
                browser.findElement(By.id("alert-risks")).sendKeys("civil unrest, transport");
                browser.findElement(By.id("save-draft")).click();
                wait.until(d -> d.findElement(By.id("cap-preview")).isDisplayed());
                String cap = browser.findElement(By.id("cap-preview")).getText();
                assertTrue(cap.contains("<msgType>Alert</msgType>") && cap.contains("<areaDesc>Lyon</areaDesc>")
                        && cap.contains("Strikes &lt;b&gt;&amp; marches&lt;/b&gt; in Lyon"), cap);
                String draft = browser.findElement(By.id("preview-id")).getText();
                assertTrue(draft.startsWith("x-vigil-travel-alert--") || draft.contains("--"), draft);
                assertTrue(browser.findElement(By.id("alerts")).getText().contains("draft"));
                List<String> problems = new java.util.ArrayList<>(axe(browser, "/ui/alerts with a preview"));
                ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                        "document.getElementById('preview').scrollIntoView()");
                shot(browser, "alert-composer.png");
                browser.findElement(By.id("publish-alert")).click();
                wait.until(d -> d.findElement(By.id("compose-status")).getText().startsWith("Not published"));
                assertTrue(browser.findElement(By.id("compose-status")).getText().contains("publisher right"),
                        browser.findElement(By.id("compose-status")).getText());
                browser.findElement(By.id("sign-out")).click();

                signIn(browser, vigil, "pub", pub.password());
                browser.get(vigil.base() + "/ui/alerts");
                wait.until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-loaded")));
                browser.findElement(By.xpath("//li[contains(., 'Strikes')]//button[text()='Preview CAP']")).click();
                wait.until(d -> d.findElement(By.id("preview-id")).getText().equals(draft));
                browser.findElement(By.id("review-alert")).click();
                wait.until(d -> d.findElement(By.id("compose-status")).getText().startsWith("Reviewed"));
                browser.findElement(By.id("publish-alert")).click();
                wait.until(d -> d.findElement(By.id("compose-status")).getText().startsWith("Published"));
                wait.until(d -> d.findElements(By.linkText("CAP")).size() == 1);
                String list = browser.findElement(By.id("alerts")).getText();
                assertTrue(list.contains("published") && list.contains("Level 2"), list);
                problems.addAll(axe(browser, "/ui/alerts published"));
                assertEquals(List.of(), problems, "no serious or critical accessibility violations");
                List<String> errors = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                        .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).map(LogEntry::getMessage)
                        .filter(m -> !m.contains("/publish") || !(m.contains("403") || m.contains("409")))
                        .toList();
                assertTrue(errors.isEmpty(), "no console errors but the refused publication: " + errors);
            } finally {
                browser.quit();
            }
        }
    }

    private static void signIn(WebDriver browser, TestVigil vigil, String user, String password) {
        browser.get(vigil.base() + "/ui/login");
        browser.findElement(By.name("username")).sendKeys(user);
        browser.findElement(By.name("password")).sendKeys(password);
        browser.findElement(By.id("sign-in")).click();
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(d -> d.getCurrentUrl().endsWith("/ui/events"));
    }

    private static void shot(WebDriver browser, String name) throws java.io.IOException {
        Path shots = Path.of("target", "screenshots");
        Files.createDirectories(shots);
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), shots.resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    /** The serious and critical violations axe-core (vigil-web's test copy) finds on the page now shown. */
    private static List<String> axe(WebDriver browser, String page) throws java.io.IOException {
        Path source = Path.of("..", "vigil-web", "src", "test", "resources", "org", "vigil", "web", "axe.min.js");
        if (!Files.exists(source)) {
            return List.of();
        }
        org.openqa.selenium.JavascriptExecutor js = (org.openqa.selenium.JavascriptExecutor) browser;
        js.executeScript(Files.readString(source));
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

    private WebDriver browser() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(new File("/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--window-size=1280,900", "--user-data-dir=" + dir.resolve("chromium"));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        return new ChromeDriver(new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build(), options);
    }
}
