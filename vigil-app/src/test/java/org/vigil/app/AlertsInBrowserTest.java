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
