package lab.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import lab.core.record.RunStatus;

/** Serves fixture runs for looking at the pages by hand: java -cp … lab.web.FixtureServer PORT DIR. */
public final class FixtureServer {
    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[1]);
        Path reports = root.resolve("reports");
        Path profiles = root.resolve("profiles");
        Files.createDirectories(reports);
        Files.createDirectories(profiles);
        List<String> stores = List.of("MEMORY", "SHARD", "SHARD_POOLED", "SHARD_UNIT", "CHANNEL", "CONCURRENT", "NON_BLOCKING", "DENSE_ARRAY");
        String json = Fixtures.labJmhJson(stores, List.of("read", "write", "getAll"), List.of(1, 2), 1);
        String id = Fixtures.storeRun(reports, profiles, "quick <script>alert(1)</script>", Instant.parse("2026-11-26T03:00:00Z"),
                json, RunStatus.COMPLETE, null, true);
        Fixtures.storeRun(reports, profiles, "failed one", Instant.parse("2026-11-25T03:00:00Z"), null, RunStatus.FAILED,
                "JMH failed: fork exited with 1", false);
        System.out.println("http://localhost:" + args[0] + "/runs/" + id);
        WebApp.create(Site.of(reports, profiles)).start("127.0.0.1", Integer.parseInt(args[0]));
    }
}
