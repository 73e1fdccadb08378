package lab.web.runs;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.testtools.JavalinTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import lab.core.bench.run.RunPlan;
import lab.core.record.BenchmarkResult;
import lab.web.DesignedRuns;
import lab.web.Site;
import lab.web.WebApp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run of the new design on its page (issues 10 and 13), over HTTP: which figure comes from which
 * fork (counts from the profiled fork, where the timing forks have none), the ratio column from
 * the paired analysis, the read floor as a reference row with each store's read as a multiple of
 * it, the wake-up floor's percentiles and its two regimes, the actors' wait strategy, the design.
 */
class RunDesignPageTest {

    static final double[] MEMORY = {100, 104, 96, 102, 98, 100};
    static final double[] SHARD = {50, 51, 49, 52, 47, 48}; // about half of MEMORY's in every round: faster in all six rounds
    static final double[] FLOOR = {12.5, 13, 12, 12.75, 12.25, 12.5}; // an eighth of MEMORY's in every round: 8× the floor exactly

    @TempDir
    Path root;
    Path reports;
    Path profiles;
    String run;

    @BeforeEach
    void fixtures() throws IOException {
        reports = Files.createDirectories(root.resolve("reports"));
        profiles = Files.createDirectories(root.resolve("profiles"));
        Map<String, String> channel = Map.of("store", "CHANNEL", "wait", "auto");
        run = DesignedRuns.storeJmhRun(reports, "designed", Instant.parse("2026-12-01T09:00:00Z"), List.of(
                        DesignedRuns.timing(DesignedRuns.READ, 1, Map.of("store", "MEMORY", "wait", "auto"), MEMORY, 0),
                        DesignedRuns.timing(DesignedRuns.READ, 1, Map.of("store", "SHARD", "wait", "auto"), SHARD, 0),
                        DesignedRuns.timing(DesignedRuns.READ, 1, channel, new double[] {20_000, 22_000, 18_000, 21_000, 19_000, 20_000}, 96),
                        DesignedRuns.timing(DesignedRuns.READ_FLOOR, 1, Map.of(), FLOOR, 0),
                        DesignedRuns.sampled(DesignedRuns.PARK_UNPARK, new double[] {9_000, 11_000, 10_000, 12_000, 8_000, 10_500},
                                Map.of("0.0", 5_000.0, "50.0", 6_000.0, "90.0", 48_000.0, "95.0", 60_000.0, "99.0", 77_000.0,
                                        "99.9", 90_000.0, "100.0", 120_000.0)),
                        // a fast minority below the median: only the minimum shows it
                        DesignedRuns.sampled(DesignedRuns.QUEUE_HAND_OFF, new double[] {20_000, 21_000, 19_000, 22_000, 18_000, 20_500},
                                Map.of("0.0", 600.0, "50.0", 20_000.0, "90.0", 25_000.0, "100.0", 900_000.0))),
                Arrays.asList(DesignedRuns.profiled(DesignedRuns.READ, 1, Map.of("store", "MEMORY", "wait", "auto"), 140, 1, 0, 0),
                        DesignedRuns.profiled(DesignedRuns.READ, 1, Map.of("store", "SHARD", "wait", "auto"), 70, 1, 0, 0),
                        DesignedRuns.profiled(DesignedRuns.READ, 1, channel, 25_000, 4, 3, 2), null, null, null),
                6, 7);
    }

    static String row(String html, String key) {
        Matcher m = Pattern.compile("<tr[^>]*data-key=\"" + Pattern.quote(key) + "\"[^>]*>(.*?)</tr>", Pattern.DOTALL).matcher(html);
        assertThat(m.find()).as("a row " + key).isTrue();
        return m.group(0);
    }

    static String key(String benchmark, Map<String, String> params) {
        return BenchmarkResult.key(benchmark, params, benchmark.contains("Wakeup") ? "sample" : "avgt", 1, null);
    }

    @Test
    void eachRowShowsItsTimingForksAsDotsFastestToSlowestWithTheRange() {
        JavalinTest.test(WebApp.create(Site.of(reports, profiles)), (server, client) -> {
            String html = client.get("/runs/" + run).body().string();
            String channel = row(html, key(DesignedRuns.READ, Map.of("store", "CHANNEL", "wait", "auto")));
            assertThat(Pattern.compile("<circle ").matcher(channel).results().count()).isEqualTo(6);
            assertThat(channel).contains("18,000–22,000, 1.22×")
                    .contains("6 forks, each one&#39;s mean of its iterations (ns/op), round by round: 20,000, 22,000, 18,000, 21,000, 19,000, 20,000");
            // the slowest fork sits at the strip's right end, the fastest at its left
            assertThat(channel).contains("cx=\"77.0\"").contains("cx=\"3.0\"").contains("viewBox=\"0 0 80 8\"").contains("width=\"80\"");
        });
    }

    @Test
    void countsFromTheProfiledForkRatiosPairedByRoundTheReadFloorAsAReferenceRow() {
        JavalinTest.test(WebApp.create(Site.of(reports, profiles)), (server, client) -> {
            var r = client.get("/runs/" + run);
            String html = r.body().string();
            assertThat(r.code()).as(html).isEqualTo(200);
            // which figure comes from which fork
            assertThat(html).contains("Scores, their intervals, B/op and the ratio column come from the 6 timing forks (6 rounds)")
                    .contains("from the one profiled fork of each benchmark");
            assertThat(html).contains("<span>locks/op</span><div class=\"sub\">profiled</div>")
                    .contains("<span>B/op</span><div class=\"sub\">timing</div>");
            // the timing forks carry no lab counts: MEMORY's 1 lock per read is the profiled fork's
            String memory = row(html, key(DesignedRuns.READ, Map.of("store", "MEMORY", "wait", "auto")));
            assertThat(memory).contains(">1.000<").contains(">baseline<").contains(">8.000×<"); // 8× the read floor in every round
            // SHARD: half of MEMORY's time in all six rounds -> 2× faster, Wilcoxon signed-rank p = 2/64
            String shard = row(html, key(DesignedRuns.READ, Map.of("store", "SHARD", "wait", "auto")));
            assertThat(shard).contains("× faster").contains("class=\"num ratio faster\"")
                    .contains("paired by round, 6 rounds, Wilcoxon signed-rank p = 0.03125");
            assertThat(html).contains("Ratio: <span>paired by round, 6 rounds: Wilcoxon signed-rank on the per-round ratios");
            // the read floor: a reference row of the read table, not a table of its own
            String floor = row(html, key(DesignedRuns.READ_FLOOR, Map.of()));
            assertThat(floor).contains("class=\"reference\"").contains("read floor").contains(">reference<");
            assertThat(html).doesNotContain("ReadFloorBenchmark · 1 thread").as("a reference row has no comparison link")
                    .doesNotContain(">read floor</a>");
            // the actor's wait strategy as it ran on this machine (2 cores: auto is blocking)
            String ch = row(html, key(DesignedRuns.READ, Map.of("store", "CHANNEL", "wait", "auto")));
            assertThat(ch).contains("CHANNEL · wait auto → blocking (2 cores)").contains(">2.000<"); // 2 parks per read, profiled
            assertThat(html).as("the wait param no longer splits tables nor names them").doesNotContain("· wait=auto");
        });
    }

    @Test
    void twoJvmConfigurationsAreAnAxisTablesNamedAndComparedPairedByRound() throws IOException {
        Map<String, String> memory = Map.of("store", "MEMORY");
        Map<String, String> shard = Map.of("store", "SHARD");
        List<lab.core.record.JvmConfig> jvms = List.of(new lab.core.record.JvmConfig("jdk17-default", "/jdk17/bin/java", List.of(), "17"),
                new lab.core.record.JvmConfig("jdk25-compact-headers", "/jdk25/bin/java", List.of("-XX:+UseCompactObjectHeaders"), "25"));
        String two = DesignedRuns.storeJmhRun(reports, "two-jvms", Instant.parse("2026-12-01T10:00:00Z"), List.of(
                        DesignedRuns.timing(DesignedRuns.READ, 1, memory, MEMORY, 0), DesignedRuns.timing(DesignedRuns.READ, 1, shard, SHARD, 0),
                        DesignedRuns.timing(DesignedRuns.READ, 1, memory, SHARD, 0), DesignedRuns.timing(DesignedRuns.READ, 1, shard, SHARD, 0)),
                Arrays.asList(null, null, null, null), List.of("jdk17-default", "jdk17-default", "jdk25-compact-headers", "jdk25-compact-headers"),
                jvms, 6, 9);
        JavalinTest.test(WebApp.create(Site.of(reports, profiles)), (server, client) -> {
            String html = client.get("/runs/" + two).body().string();
            assertThat(html).contains(">read · 1 thread · jdk17-default<").contains(">read · 1 thread · jdk25-compact-headers<");
            assertThat(html).contains("<h2>JVM configurations</h2>").contains("/jdk25/bin/java -XX:+UseCompactObjectHeaders (25)")
                    .contains("/compare?base=" + two + "&amp;jvms=jdk17-default%2Cjdk25-compact-headers");
            // MEMORY's read on JDK 25 is SHARD's (about half of JDK 17's) in every round: paired by round, significant
            String cmp = client.get("/compare?base=" + two + "&jvms=jdk17-default,jdk25-compact-headers&metric=primary").body().string();
            assertThat(cmp).contains(two + " on jdk17-default").contains(two + " on jdk25-compact-headers")
                    .contains("<th>analysis</th><td>paired by round, 6 rounds</td>").contains("Wilcoxon signed-rank, n=6 rounds");
            assertThat(client.get("/compare?base=" + two + "&jvms=jdk17-default").code()).isEqualTo(400);
        });
    }

    @Test
    void theWakeUpFloorShowsItsPercentilesAndTwoRegimesAndTheActorsAsMultiplesOfIt() {
        JavalinTest.test(WebApp.create(Site.of(reports, profiles)), (server, client) -> {
            String html = client.get("/runs/" + run).body().string();
            assertThat(html).contains("wake-up floor · parkUnpark");
            assertThat(html).contains("<b>p50</b> <span>6,000</span>").contains("<b>p90</b> <span>48,000</span>")
                    .contains("<b>max</b> <span>120,000</span>");
            assertThat(html).contains("Two regimes: p90 is 8.000× p50");
            assertThat(html).contains("wake-up floor · queueHandOff").contains("The median round trip is 33.33× the fastest");
            // the mean round trip: median of the fork means 8,000 … 12,000 is 10,250, written to the hundreds its interval supports
            assertThat(html).contains("10,300 [8,000–12,000] ns/op");
            Matcher actor = Pattern.compile("<tr><td class=\"name\"><span>ChannelStore read</span>(.*?)</tr>", Pattern.DOTALL).matcher(html);
            assertThat(actor.find()).isTrue();
            assertThat(actor.group(1)).contains("CHANNEL · read · 1 thread · wait auto → blocking (2 cores)").contains("×");
            // the design
            assertThat(html).contains("<th>Seed</th>").contains("<th>Timing forks</th>").contains("<th>Control</th>")
                    .contains(DesignedRuns.READ_FLOOR + " at 1 thread, in every round")
                    .contains("in blocks of " + RunPlan.BLOCKS + " (the blocks in a random order");
        });
    }
}
