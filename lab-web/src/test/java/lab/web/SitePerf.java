package lab.web;

import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import lab.core.record.RunStatus;

/**
 * The site's two performance targets, measured (not asserted — a test never checks a wall-clock
 * time): a run page with 200 results (≤ 50 ms server time, p95 of 100 requests after warm-up) and
 * the runs list with 1,000 stored runs (≤ 100 ms). Server time is the {@code Server-Timing} header
 * WebApp sets (from the first filter to the last, rendering included); the client round trip over
 * loopback is printed beside it.
 *
 * <pre>
 * mvn -B -q -pl lab-web -am test-compile dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt -Dmdep.includeScope=test
 * java -cp lab-web/target/classes:lab-web/target/test-classes:$(cat /tmp/cp.txt) lab.web.SitePerf
 * </pre>
 */
public final class SitePerf {

    public static void main(String[] args) throws Exception {
        Path root = Files.createTempDirectory("siteperf");
        Path reports = Files.createDirectories(root.resolve("reports"));
        Path profiles = Files.createDirectories(root.resolve("profiles"));
        // 8 stores × 5 workloads × 5 thread counts = 200 results, each with flame graphs
        List<String> stores = List.of("MEMORY", "SHARD", "SHARD_POOLED", "SHARD_UNIT", "CHANNEL", "CONCURRENT", "NON_BLOCKING", "DENSE_ARRAY");
        String big = Fixtures.labJmhJson(stores, List.of("read", "write", "create", "mixed", "getAll"), List.of(1, 2, 4, 8, 16), 1);
        String bigId = Fixtures.storeRun(reports, profiles, "two hundred results", Instant.parse("2026-11-26T03:00:00Z"), big,
                RunStatus.COMPLETE, null, true);
        Path many = Files.createDirectories(root.resolve("many"));
        String small = Fixtures.labJmhJson(List.of("MEMORY", "SHARD"), List.of("read"), List.of(1), 2);
        for (int i = 0; i < 1000; i++) {
            Fixtures.storeRun(many, profiles, "run " + i, Instant.parse("2026-01-01T00:00:00Z").plusSeconds(3600L * i), small,
                    i % 10 == 0 ? RunStatus.FAILED : RunStatus.COMPLETE, i % 10 == 0 ? "fork failed" : null, false);
        }
        Thread.sleep(2100); // let both folders' mtimes settle so the index is built once
        Javalin bigApp = WebApp.create(Site.of(reports, profiles)).start("127.0.0.1", 0);
        Javalin manyApp = WebApp.create(Site.of(many, profiles)).start("127.0.0.1", 0);
        HttpClient client = HttpClient.newHttpClient();
        System.out.printf(Locale.ROOT, "load average %s; JVM %s %s (%s), %d cores, %s%n",
                Files.exists(Path.of("/proc/loadavg")) ? Files.readString(Path.of("/proc/loadavg")).trim() : "?", System.getProperty("java.vm.name"),
                System.getProperty("java.runtime.version"), System.getProperty("java.vm.vendor"),
                Runtime.getRuntime().availableProcessors(), System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        measure(client, "http://127.0.0.1:" + bigApp.port() + "/runs/" + bigId, "run page, 200 results (target p95 ≤ 50 ms)");
        measure(client, "http://127.0.0.1:" + manyApp.port() + "/runs", "runs list, 1,000 runs (target p95 ≤ 100 ms)");
        bigApp.stop();
        manyApp.stop();
    }

    static void measure(HttpClient client, String url, String what) throws Exception {
        HttpRequest req = HttpRequest.newBuilder(URI.create(url)).build();
        int bytes = 0;
        for (int i = 0; i < 200; i++) {
            bytes = client.send(req, HttpResponse.BodyHandlers.ofString()).body().length();
        }
        double[] server = new double[100];
        double[] roundTrip = new double[100];
        double[] cpu = new double[100];
        for (int i = 0; i < 100; i++) {
            long t0 = System.nanoTime();
            HttpResponse<String> r = client.send(req, HttpResponse.BodyHandlers.ofString());
            roundTrip[i] = (System.nanoTime() - t0) / 1e6;
            if (r.statusCode() != 200) {
                throw new IllegalStateException(url + " answered " + r.statusCode());
            }
            String timing = r.headers().firstValue("Server-Timing").orElseThrow();
            server[i] = Double.parseDouble(timing.substring(timing.indexOf("dur=") + 4, timing.indexOf(',')));
            cpu[i] = Double.parseDouble(timing.substring(timing.lastIndexOf("dur=") + 4));
        }
        System.out.printf(Locale.ROOT, "%s, %,d chars:%n  server wall p50 %6.2f  p95 %6.2f  max %6.2f ms | server CPU p50 %6.2f  p95 %6.2f ms"
                        + " | round trip p50 %6.2f  p95 %6.2f ms%n",
                what, bytes, pct(server, 50), pct(server, 95), pct(server, 100), pct(cpu, 50), pct(cpu, 95), pct(roundTrip, 50), pct(roundTrip, 95));
    }

    static double pct(double[] v, double p) {
        double[] s = v.clone();
        Arrays.sort(s);
        int i = (int) Math.ceil(p / 100.0 * s.length) - 1;
        return s[Math.max(0, Math.min(s.length - 1, i))];
    }
}
