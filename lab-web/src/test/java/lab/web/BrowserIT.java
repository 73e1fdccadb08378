package lab.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.javalin.testtools.JavalinTest;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import lab.core.record.RunStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The site in a real browser: Debian's headless Chromium driven through Debian's chromedriver
 * (paths set explicitly, so Selenium Manager downloads nothing). Opens the runs list, a run (its
 * table and its template-drawn chart), a flame graph (and checks async-profiler's script drew on
 * its canvas under the sandbox policy), a differential flame graph, a run being written, and the
 * layouts page, and keeps screenshots in {@code target/screenshots/}. Skipped, saying so,
 * where Chromium or chromedriver is not installed ({@code .ci/run} installs both).
 */
class BrowserIT {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final List<String> STORES = List.of("MEMORY", "SHARD", "SHARD_UNIT", "CHANNEL", "CONCURRENT", "DENSE_ARRAY");

    @TempDir
    Path root;

    @Test
    void runsRunFlameGraphAndLayoutsInHeadlessChromium() throws IOException {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "browser test skipped: Debian's chromium and chromium-driver are not installed (" + CHROMIUM + ", "
                        + CHROMEDRIVER + "); apt-get install chromium chromium-driver, as .ci/run does");
        Path reports = Files.createDirectories(root.resolve("reports"));
        Path profiles = Files.createDirectories(root.resolve("profiles"));
        String id = Fixtures.storeRun(reports, profiles, "browser run", Instant.parse("2026-11-26T03:00:00Z"),
                Fixtures.labJmhJson(STORES, List.of("read", "write"), List.of(1, 2), 11), RunStatus.COMPLETE, null, true);
        Fixtures.addLayouts(reports.resolve(id));
        Path shots = Files.createDirectories(Path.of("target", "screenshots"));

        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1400,1000", "--user-data-dir=" + Files.createDirectories(root.resolve("chrome-profile")));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();

        JavalinTest.test(WebApp.create(Site.of(reports, profiles)), (server, client) -> {
            ChromeDriver driver = new ChromeDriver(service, options);
            try {
                String base = "http://localhost:" + server.port();
                WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));

                driver.get(base + "/runs");
                assertThat(driver.getTitle()).startsWith("Runs");
                shot(driver, shots, "runs.png");
                driver.findElement(By.linkText("browser run")).click();
                wait.until(d -> d.getCurrentUrl().endsWith("/runs/" + id));

                // The first decision-log table: one row per store, each with a score and its error.
                WebElement table = driver.findElement(By.cssSelector("section.decision table.results"));
                List<WebElement> rows = table.findElements(By.cssSelector("tbody tr"));
                assertThat(rows).hasSize(STORES.size());
                for (WebElement row : rows) {
                    assertThat(row.findElement(By.cssSelector("td.score")).getText()).matches("[0-9][0-9,]*\\.[0-9]+");
                    assertThat(row.findElement(By.cssSelector("td.err")).getText()).matches("± [0-9.]+");
                }
                assertThat(table.getText()).contains("baseline").contains("MemoryStore").contains("ShardUnit");
                // The chart is SVG drawn by the template: a bar and a whisker per store, laid out by the browser.
                WebElement chart = driver.findElement(By.cssSelector("section.decision svg.chart"));
                assertThat(chart.findElements(By.cssSelector("rect"))).hasSize(STORES.size());
                assertThat(chart.findElements(By.cssSelector("path.err"))).hasSize(STORES.size());
                assertThat(chart.getSize().getWidth()).isGreaterThan(300);
                // Sorting by score (a click on the header) puts the highest throughput last.
                table.findElement(By.xpath(".//th[normalize-space()='Score']")).click();
                List<WebElement> sorted = table.findElements(By.cssSelector("tbody tr td.score"));
                assertThat(number(sorted.get(0).getText())).isLessThanOrEqualTo(number(sorted.get(sorted.size() - 1).getText()));
                shot(driver, shots, "run.png");

                // A flame graph: async-profiler's page must draw on its canvas despite the sandbox.
                String flameHref = table.findElement(By.cssSelector("td.flames a")).getAttribute("href");
                driver.get(flameHref);
                wait.until(d -> painted((JavascriptExecutor) d) > 1000);
                // Its search (a prompt(), allowed by allow-modals) still works under the sandbox.
                driver.findElement(By.id("search")).click();
                wait.until(d -> {
                    try {
                        d.switchTo().alert().sendKeys("HashMap");
                        d.switchTo().alert().accept();
                        return true;
                    } catch (org.openqa.selenium.NoAlertPresentException e) {
                        return false;
                    }
                });
                wait.until(d -> d.findElement(By.id("match")).isDisplayed());
                assertThat(driver.findElement(By.id("matchval")).getText()).endsWith("%");
                shot(driver, shots, "flame.png");

                // The differential flame graph of two stores: frames drawn by the template, each with its tooltip.
                driver.get(base + "/compare?base=" + id + "&stores=MEMORY,SHARD");
                driver.findElement(By.cssSelector("td.flames .diff a")).click();
                wait.until(d -> !d.findElements(By.cssSelector("svg.flamediff g rect")).isEmpty());
                List<WebElement> frames = driver.findElements(By.cssSelector("svg.flamediff g"));
                assertThat(frames.size()).isGreaterThan(3);
                assertThat(frames.get(0).findElement(By.tagName("title")).getAttribute("textContent")).contains("self: head");
                shot(driver, shots, "flamediff.png");

                // Two runs' claim verdicts side by side, the badges styled by site.css (both claims pages share it).
                String other = Fixtures.storeRun(reports, profiles, "second browser run", Instant.parse("2026-11-26T04:00:00Z"),
                        Fixtures.labJmhJson(STORES, List.of("read", "write"), List.of(1, 2), 12), RunStatus.COMPLETE, null, false);
                driver.get(base + "/claims/agreement?runs=" + id + "," + other);
                assertThat(driver.findElement(By.cssSelector("p.summary")).getText())
                        .matches("The verdicts agree on \\d+ of [1-9]\\d* readings judged in every run .*");
                WebElement badge = driver.findElement(By.cssSelector("span.verdict"));
                assertThat(badge.getCssValue("border-radius")).isEqualTo("8px");
                assertThat(badge.getCssValue("background-color")).isNotIn("rgba(0, 0, 0, 0)", "transparent");
                shot(driver, shots, "claims-agreement.png");

                // A run being written: listed as running with its progress, its page showing what has finished.
                lab.core.record.RunWriter live = new lab.core.record.RunRepository(reports).begin("live run", Instant.parse("2026-11-27T03:00:00Z"));
                live.writeFile("jmh.json", Fixtures.labJmhJson(List.of("MEMORY", "SHARD"), List.of("read"), List.of(1), 3)
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
                live.publish(LiveRunsTest.running(2, 12, "round 1/2: read store=CHANNEL threads=1"));
                driver.get(base + "/runs");
                wait.until(d -> d.getPageSource().contains("2 of 12 forks"));
                assertThat(driver.findElement(By.cssSelector("tr.running .status")).getText()).isEqualTo("running");
                driver.findElement(By.linkText("live quick")).click(); // the label the running manifest carries
                assertThat(driver.findElement(By.cssSelector("p.progress")).getText()).contains("2 of 12 forks");
                assertThat(driver.findElements(By.cssSelector("section.decision table.results tbody tr"))).hasSize(2);
                shot(driver, shots, "running.png");
                live.abandon();

                driver.get(base + "/runs/" + id + "/layouts");
                assertThat(driver.findElement(By.tagName("h1")).getText()).contains("Layouts");
                assertThat(driver.findElements(By.cssSelector("table.layout tbody tr"))).isNotEmpty();
                assertThat(driver.findElements(By.cssSelector("table.layout tr.diff"))).isNotEmpty();
                assertThat(driver.findElements(By.cssSelector("table.footprints tbody tr"))).isNotEmpty();
                shot(driver, shots, "layouts.png");
            } finally {
                driver.quit();
            }
        });
    }

    /** Non-white pixels on async-profiler's canvas. */
    static long painted(JavascriptExecutor js) {
        Object n = js.executeScript(
                "const c = document.getElementById('canvas'); if (!c || !c.width) return 0;"
                        + "const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; let n = 0;"
                        + "for (let i = 0; i < d.length; i += 4) { if (d[i + 3] > 0 && (d[i] < 250 || d[i + 1] < 250 || d[i + 2] < 250)) n++; }"
                        + "return n;");
        return ((Number) n).longValue();
    }

    static double number(String s) {
        return Double.parseDouble(s.replace(",", ""));
    }

    static void shot(ChromeDriver driver, Path dir, String name) throws IOException {
        File f = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(f.toPath(), dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }
}
