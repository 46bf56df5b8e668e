package io.carga.report.html;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Debian's headless Chromium through its chromium-driver (never downloaded: Selenium is kept offline), for
 * tests that open a report as a person would. Other modules use it through carga-report's test jar.
 *
 * <pre>{@code
 * try (HeadlessChromium c = HeadlessChromium.start(tempDir)) {
 *     c.open(html);                      // waits for the page's data-ready mark
 *     c.driver().findElement(...);
 * }
 * }</pre>
 */
public final class HeadlessChromium implements AutoCloseable {
    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    public static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    private final ChromeDriver driver;
    private final Path downloads;

    private HeadlessChromium(ChromeDriver driver, Path downloads) {
        this.driver = driver;
        this.downloads = downloads;
    }

    /** Whether this machine has Chromium and its driver (apt-get install chromium chromium-driver). */
    public static boolean available() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
    }

    /** Starts a browser with its profile under {@code scratch}. */
    public static HeadlessChromium start(Path scratch) throws Exception {
        System.setProperty("webdriver.chrome.driver", DRIVER.toString());
        System.setProperty("SE_OFFLINE", "true");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + Files.createTempDirectory(scratch, "chromium-profile"), "--window-size=1360,900");
        Path downloads = Files.createTempDirectory(scratch, "downloads");
        options.setExperimentalOption("prefs", java.util.Map.of("download.default_directory", downloads.toString(),
                "download.prompt_for_download", false));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return new HeadlessChromium(driver, downloads);
    }

    /** Opens {@code html} and returns whether its script finished (the report marks {@code data-ready}). */
    public boolean open(Path html) throws InterruptedException {
        driver.get(html.toAbsolutePath().toUri().toString());
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!"true".equals(js("return document.body && document.body.getAttribute('data-ready')")) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        return "true".equals(js("return document.body && document.body.getAttribute('data-ready')"));
    }

    /** The start of the page's text, to tell what went wrong when it did not get ready. */
    public String text() {
        Object t = js("return document.title + ' | ' + (document.body ? document.body.innerText.substring(0, 300) : '')");
        return String.valueOf(t);
    }

    public Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** The console's warnings and errors so far. */
    public List<LogEntry> problems() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.WARNING.intValue()).toList();
    }

    /** Where a clicked download lands. */
    public Path downloads() {
        return downloads;
    }

    public ChromeDriver driver() {
        return driver;
    }

    @Override
    public void close() {
        driver.quit();
    }
}
