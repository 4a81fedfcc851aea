package org.fabrique.coordinator.web;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.stream.Collectors;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The system's headless Chromium, driven through its chromedriver (Debian packages
 * {@code chromium} and {@code chromium-driver}; nothing is downloaded), with axe-core for
 * accessibility audits (installed by {@code npm ci} in {@code src/test/js}). Tests that need it
 * call {@link #assumeInstalled()} first, and are reported as skipped where it is missing.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of(System.getProperty("fabrique.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("fabrique.chromedriver", "/usr/bin/chromedriver"));
    static final Path AXE = Path.of("src/test/js/node_modules/axe-core/axe.min.js");
    static final Duration WAIT = Duration.ofSeconds(30);

    /** A phone in portrait, as the hospital desk must work on one. */
    record Screen(int width, int height, boolean phone) {
        static final Screen DESKTOP = new Screen(1280, 900, false);
        static final Screen PHONE = new Screen(390, 844, true);
    }

    /** An axe-core rule broken on the page, with the elements that break it. */
    record Violation(String id, String impact, String help, List<String> targets) {
    }

    private final WebDriver driver;
    private final Path profile;

    private Browser(WebDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    static void assumeInstalled() {
        assumeTrue(Files.isExecutable(CHROMIUM), "no Chromium at " + CHROMIUM + " (apt-get install chromium)");
        assumeTrue(Files.isExecutable(CHROMEDRIVER), "no chromedriver at " + CHROMEDRIVER + " (apt-get install chromium-driver)");
        assumeTrue(Files.isReadable(AXE), "no axe-core at " + AXE.toAbsolutePath() + " (npm ci --prefix src/test/js)");
    }

    /** A fresh browser (its own profile) that prefers {@code language}. */
    static Browser open(Screen screen, String language) {
        try {
            Path profile = Files.createTempDirectory("fabrique-chromium");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                    "--user-data-dir=" + profile, "--lang=" + language,
                    // Only this machine's own addresses resolve: the pages must need nothing else.
                    "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1 , EXCLUDE localhost",
                    "--window-size=" + Math.max(screen.width(), 500) + "," + screen.height());
            options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
            LoggingPreferences logs = new LoggingPreferences();
            logs.enable(LogType.BROWSER, Level.ALL);
            options.setCapability("goog:loggingPrefs", logs);
            if (screen.phone()) {
                options.setExperimentalOption("mobileEmulation", Map.of("deviceMetrics",
                        Map.of("width", screen.width(), "height", screen.height(), "pixelRatio", 3.0, "touch", true)));
            }
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
            return new Browser(driver, profile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    WebDriver driver() {
        return driver;
    }

    /**
     * Loads a page. Now and then headless Chromium's renderer stops answering chromedriver during
     * a load (seen once in several hundred loads, on a page that loads in well under a second
     * otherwise): the load is tried once more before the test fails.
     */
    void get(String url) {
        try {
            driver.get(url);
        } catch (TimeoutException stalledRenderer) {
            driver.get(url);
        }
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /** Waits for a condition; when it never comes, says what the page showed and logged. */
    <T> T waitUntil(Function<WebDriver, T> condition) {
        try {
            return new WebDriverWait(driver, WAIT).until(condition);
        } catch (TimeoutException e) {
            String page = String.valueOf(script("return location.href + '\\n' + document.body.innerText.slice(0, 3000)"));
            String console = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                    .map(entry -> entry.getLevel() + " " + entry.getMessage()).collect(Collectors.joining("\n"));
            throw new TimeoutException(e.getMessage() + "\n--- page:\n" + page + "\n--- console:\n" + console, e);
        }
    }

    WebElement visible(String css) {
        return waitUntil(d -> {
            List<WebElement> found = d.findElements(By.cssSelector(css));
            return found.isEmpty() || !found.get(0).isDisplayed() ? null : found.get(0);
        });
    }

    /** Clicks an element as a person would, after bringing it to the middle of the screen (clear of sticky bars). */
    void click(WebElement element) {
        script("arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
    }

    void click(String css) {
        click(visible(css));
    }

    Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    Object asyncScript(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeAsyncScript(script, args);
    }

    /** Signs in on a page with a login form, as a person pastes a token. */
    void signIn(String token) {
        visible("#token").sendKeys(token);
        find("#login-form button[type=submit]").click();
        visible("#app");
    }

    void chooseLanguage(String language) {
        new Select(find("#language")).selectByValue(language);
        waitUntil(d -> language.equals(script("return document.documentElement.lang")));
    }

    /** The serious and critical violations axe-core finds on the page as it is now. */
    @SuppressWarnings("unchecked")
    List<Violation> accessibilityViolations() {
        try {
            script(Files.readString(AXE, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        List<Map<String, Object>> violations = (List<Map<String, Object>>) asyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, { resultTypes: ['violations'] })
                  .then(result => done(result.violations.map(v => ({
                    id: v.id, impact: v.impact, help: v.help,
                    targets: v.nodes.map(n => n.target.join(' ') + ' ' + n.html.slice(0, 160)) }))))
                  .catch(error => done([{ id: 'axe-error', impact: 'critical', help: String(error), targets: [] }]));
                """);
        return violations.stream()
                .filter(v -> "serious".equals(v.get("impact")) || "critical".equals(v.get("impact")))
                .map(v -> new Violation((String) v.get("id"), (String) v.get("impact"), (String) v.get("help"),
                        (List<String>) v.get("targets")))
                .toList();
    }

    /** Whether the page fits the screen's width (nothing to scroll sideways). */
    boolean fitsTheWidth() {
        return (Boolean) script("return document.documentElement.scrollWidth <= window.innerWidth");
    }

    @Override
    public void close() {
        driver.quit();
        deleteQuietly(profile.toFile());
    }

    private static void deleteQuietly(File file) {
        File[] children = file.listFiles();
        if (children != null) {
            for (File child : children) {
                deleteQuietly(child);
            }
        }
        file.delete();
    }
}
