package io.carga.cli.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.carga.cli.Main;
import io.carga.platform.PlatformConfig;
import io.carga.platform.PlatformSim;
import io.carga.report.html.HeadlessChromium;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * {@code carga ui} driven as a person would, in headless Chromium against the reference target: open the
 * page, start 10 users, see the requests table fill, move to 30 users and see the users chart reach 30,
 * reload and find the same run, stop, and download the CSV. {@code --quit-after-run} ends the command once the
 * run ended and the server lingered ({@code --linger}) for the page to show the end.
 */
@Timeout(300)
class WebUiInBrowserTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void startWatchSteerStopAndDownloadFromThePage() throws Exception {
        assumeTrue(HeadlessChromium.available(), "no chromium and chromium-driver");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path out = dir.resolve("runs");
        try (PlatformSim sim = PlatformSim.start(PlatformConfig.builder().port(0).build())) {
            CompletableFuture<Integer> ui = CompletableFuture.supplyAsync(() -> Main.execute("ui",
                    "io.carga.examples.BrazilianMicroEntrepreneurUser", "--target", sim.baseUrl(), "--listen", "127.0.0.1:" + port,
                    "--out", out.toString(), "--quit-after-run", "--linger", "20s", "-q"));
            String page = "http://127.0.0.1:" + port + "/";
            try (HeadlessChromium chromium = HeadlessChromium.start(dir)) {
                ChromeDriver d = chromium.driver();
                await("the server is up", () -> {
                    try {
                        d.get(page);
                        return d.findElements(By.id("start-run")).size() == 1 && d.findElement(By.id("start-run")).isDisplayed();
                    } catch (RuntimeException notYet) {
                        return false;
                    }
                });
                assertThat(d.findElement(By.id("target")).getAttribute("value")).as("the form starts on --target").isEqualTo(sim.baseUrl());

                // 1-2: start 10 users
                type(d, "users", "10");
                type(d, "spawn-rate", "10");
                type(d, "duration", "2m");
                d.findElement(By.id("start-run")).click();
                await("the run is going", () -> text(d, "state").equals("running"));

                // 3: the request table fills
                await("the requests table fills", () -> d.findElements(By.cssSelector("#stats-table tbody tr")).size() >= 3);
                WebElement login = d.findElement(By.cssSelector("#stats-table tbody tr[data-name='POST /auth/login']"));
                assertThat(Long.parseLong(login.findElement(By.cssSelector("td[data-col=count]")).getText().replace(",", ""))).isPositive();
                await("the users chart shows 10", () -> "10".equals(d.findElement(By.id("chart-users")).getAttribute("data-last-users")));

                // 4: change to 30 users, and see the users chart reach 30
                type(d, "steer-users", "30");
                d.findElement(By.id("apply-users")).click();
                await("the users chart reaches 30", () -> "30".equals(d.findElement(By.id("chart-users")).getAttribute("data-last-users")));
                assertThat(text(d, "load-changes")).contains("users 10 → 30 (ui)");
                screenshot(d);

                // a reload shows the same run: the state lives in the server
                int points = Integer.parseInt(d.findElement(By.id("chart-users")).getAttribute("data-points"));
                d.navigate().refresh();
                await("the reloaded page shows the run", () -> text(d, "state").equals("running")
                        && Integer.parseInt(attr(d, "chart-users", "data-points", "0")) >= points);
                assertThat(text(d, "load-changes")).contains("users 10 → 30 (ui)");
                assertThat(d.findElement(By.id("start")).isDisplayed()).as("no second start while a run goes").isFalse();

                // 5: stop, and download the CSV
                d.findElement(By.id("stop")).click();
                await("the run ends", () -> text(d, "state").equals("ended"));
                d.findElement(By.id("dl-stats")).click();
                Path csv = chromium.downloads().resolve("stats.csv");
                await("stats.csv is downloaded", () -> Files.exists(csv));
                String stats = Files.readString(csv);
                assertThat(stats).startsWith("\"Type\",\"Name\",\"Request Count\"").contains("\"/auth/login\"");
                assertThat(chromium.problems()).as("console errors").isEmpty();

                // the change is drawn on the report's load chart afterwards
                Path run;
                try (var runs = Files.list(out)) {
                    run = runs.filter(Files::isDirectory).findFirst().orElseThrow(); // beside it: the ledger
                }
                await("report.html is written", () -> Files.exists(run.resolve("report.html")));
                assertThat(chromium.open(run.resolve("report.html"))).isTrue();
                assertThat(text(d, "load-changes")).contains("users 10 → 30 (ui)");
            }
            int code = ui.get();
            assertThat(code).as("a stopped run is judged as ended; 4 only if a busy machine saturated the generator").isIn(0, 4);
            try (var runs = Files.list(out)) {
                Path run = runs.filter(Files::isDirectory).findFirst().orElseThrow(); // beside it: the ledger
                JsonNode summary = JSON.readTree(run.resolve("summary.json").toFile());
                assertThat(summary.at("/stop/reason").asText()).isEqualTo("STOPPED");
                assertThat(summary.path("load_changes")).singleElement().satisfies(c -> {
                    assertThat(c.path("from").asDouble()).isEqualTo(10);
                    assertThat(c.path("to").asDouble()).isEqualTo(30);
                });
                assertThat(summary.path("users_peak").asInt()).isEqualTo(30);
            }
        }
    }

    /** -Dcarga.ui.screenshot=FILE keeps a picture of the page mid-run (the module README's). */
    private static void screenshot(ChromeDriver d) throws Exception {
        String file = System.getProperty("carga.ui.screenshot");
        if (file != null) {
            Thread.sleep(6000); // a few more points on the charts
            d.manage().window().setSize(new org.openqa.selenium.Dimension(1360, 2000));
            Files.write(Path.of(file), d.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
        }
    }

    private static void type(ChromeDriver d, String id, String value) {
        WebElement e = d.findElement(By.id(id));
        e.clear();
        e.sendKeys(value);
    }

    private static String text(ChromeDriver d, String id) {
        return d.findElement(By.id(id)).getText();
    }

    private static String attr(ChromeDriver d, String id, String name, String otherwise) {
        String v = d.findElement(By.id(id)).getAttribute(name);
        return v == null || v.isEmpty() ? otherwise : v;
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (condition.getAsBoolean()) {
                    return;
                }
            } catch (RuntimeException stale) {
                // the page redrew the element between find and read
            }
            Thread.sleep(200);
        }
        throw new AssertionError("timed out waiting until " + what);
    }
}
