package lab.web.compare;

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
import lab.web.DesignedRuns;
import lab.web.Site;
import lab.web.WebApp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * /compare over runs of the new design (issue 10), through HTTP: two runs get the control's drift
 * (how far it moved, the ±X% band) and rows within it marked "~ (machine drift ±X%)", the
 * unpaired analysis and its test with n per side named, refused rows with their reason, a geomean
 * "?" with its reason; two stores of one run are paired by round and say so.
 */
class CompareDesignTest {

    static final double[] FLOOR = {10.0, 10.1, 9.9, 10.2, 9.8, 10.0};
    static final double[] MEMORY = {100, 101, 99, 102, 98, 100};
    static final double[] SHARD = {50, 51, 49, 52, 48, 47};

    @TempDir
    Path root;
    Path reports;
    Path profiles;
    String base;
    String head;

    static double[] times(double[] x, double f) {
        return Arrays.stream(x).map(v -> v * f).toArray();
    }

    @BeforeEach
    void fixtures() throws IOException {
        reports = Files.createDirectories(root.resolve("reports"));
        profiles = Files.createDirectories(root.resolve("profiles"));
        Map<String, String> memory = Map.of("store", "MEMORY");
        Map<String, String> shard = Map.of("store", "SHARD");
        Map<String, String> channel = Map.of("store", "CHANNEL");
        base = DesignedRuns.storeJmhRun(reports, "base", Instant.parse("2026-12-01T09:00:00Z"), List.of(
                DesignedRuns.timing(DesignedRuns.READ_FLOOR, 1, Map.of(), FLOOR, 0),
                DesignedRuns.timing(DesignedRuns.READ, 1, memory, MEMORY, 16),
                DesignedRuns.timing(DesignedRuns.READ, 1, shard, SHARD, 16),
                DesignedRuns.timing(DesignedRuns.READ, 1, channel, times(MEMORY, 200), 96)),
                Arrays.asList(null, null, null, null), 6, 1);
        // the machine got 20% slower (the control), MEMORY 15% (within the drift), SHARD 3× (beyond it), SHARD's B/op went to 0
        head = DesignedRuns.storeJmhRun(reports, "head", Instant.parse("2026-12-01T10:00:00Z"), List.of(
                DesignedRuns.timing(DesignedRuns.READ_FLOOR, 1, Map.of(), times(FLOOR, 1.2), 0),
                DesignedRuns.timing(DesignedRuns.READ, 1, memory, times(MEMORY, 1.15), 16),
                DesignedRuns.timing(DesignedRuns.READ, 1, shard, times(SHARD, 3), 0),
                DesignedRuns.entry(DesignedRuns.READ, "avgt", "ops/us", 1, channel, new double[] {0.05, 0.05, 0.05, 0.05, 0.05, 0.05},
                        Map.of(), "", Map.of())),
                Arrays.asList(null, null, null, null), 6, 2);
    }

    static String row(String html, String label) {
        Matcher m = Pattern.compile("<tr>\\s*<td title=\"[^\"]*\">" + Pattern.quote(label) + "</td>(.*?)</tr>", Pattern.DOTALL).matcher(html);
        assertThat(m.find()).as("a row " + label).isTrue();
        return m.group(1);
    }

    @Test
    void twoRunsShowTheControlsDriftAndRowsWithinItRefusedRowsAndTheGeomeansReason() {
        JavalinTest.test(WebApp.create(Site.of(reports, profiles)), (server, client) -> {
            var r = client.get("/compare?base=" + base + "&head=" + head + "&metric=all");
            String html = r.body().string();
            assertThat(r.code()).as(html).isEqualTo(200);
            assertThat(html).contains("Machine drift: the control moved <span>+20.00%</span>")
                    .contains("<code>" + DesignedRuns.READ_FLOOR + "||avgt|1</code>");
            Matcher band = Pattern.compile("beyond\\s*<b>(±\\d+%)</b>").matcher(html);
            assertThat(band.find()).isTrue();
            String drift = "~ (machine drift " + band.group(1) + ")";
            // MEMORY: 15% slower in every fork, significant, but inside the control's band (as is the control itself)
            assertThat(row(html, "read store=MEMORY t=1")).contains(">" + drift + "<");
            assertThat(html).contains("<span>2</span> significant row(s) lie within it");
            // SHARD: 3× slower, beyond any drift band
            assertThat(row(html, "read store=SHARD t=1")).contains(">+200.00%<").doesNotContain("drift");
            assertThat(html).contains("<th>analysis</th><td>unpaired (two runs: their rounds do not pair)</td>")
                    .contains("Mann-Whitney U, n=6+6 (exact p)");
            // CHANNEL: ns/op against ops/us is refused with the reason, never compared number to number
            assertThat(html).contains("Not compared").contains("measure different things");
            // B/op: SHARD went to 0 -> a ratio of 0, so the geomean is "?" with its reason
            assertThat(html).contains("ratios: ");
            assertThat(html).contains("href=\"/claims/agreement?runs=" + base + "%2C" + head + "\" id=\"verdicts\"");
        });
    }

    @Test
    void twoStoresOfOneRunArePairedByRoundAndSaySo() {
        JavalinTest.test(WebApp.create(Site.of(reports, profiles)), (server, client) -> {
            String html = client.get("/compare?base=" + base + "&stores=MEMORY,SHARD&metric=primary").body().string();
            assertThat(html).contains("<th>analysis</th><td>paired by round, 6 rounds</td>")
                    .contains("Wilcoxon signed-rank, n=6 rounds (exact p)");
            assertThat(html).doesNotContain("Machine drift: the control moved");
            String api = client.get("/api/compare?base=" + base + "&head=" + head + "&metric=primary").body().string();
            assertThat(api).contains("\"bandText\" : \"±").contains("\"analysis\" : \"unpaired (two runs: their rounds do not pair)\"")
                    .contains("\"reason\" : \"units");
        });
    }
}
