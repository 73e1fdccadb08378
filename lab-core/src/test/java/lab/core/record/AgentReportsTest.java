package lab.core.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading, validating and storing lab agent reports (agent runs). */
class AgentReportsTest {

    @TempDir
    Path reports;

    @Test
    void aSchema2ReportIsReadWithItsWindowCountsAndThreads() {
        AgentReport r = AgentReports.parse(AgentReportFixtures.bytes(
                AgentReportFixtures.thread(AgentReportFixtures.small(), "worker-1", 7, 2)));
        assertThat(r.schema()).isEqualTo(2);
        assertThat(r.window().start()).isEqualTo(AgentReportFixtures.START);
        assertThat(r.window().seconds()).isEqualTo(10.0);
        assertThat(r.window().inferred()).isFalse();
        assertThat(r.locks().acquired()).isEqualTo(120);
        assertThat(r.locks().contendedShare()).isCloseTo(5.0 / 120, within(1e-12));
        assertThat(r.locks().byKind()).containsEntry("monitor", 20L);
        assertThat(r.parks()).isEqualTo(3);
        assertThat(r.allocations().ranked()).extracting(Map.Entry::getKey).containsExactly("int[]", "demo.Node");
        assertThat(r.rate(r.allocations().count())).isEqualTo(6.0);
        assertThat(r.threads()).extracting(AgentReport.ThreadCounts::name).containsExactly("main", "worker-1");
        assertThat(r.threadsByActivity()).extracting(AgentReport.ThreadCounts::name).containsExactly("main", "worker-1");
        assertThat(r.instrumentation().byPattern()).containsEntry("demo.*", 2L);
        assertThat(r.warnings()).isEmpty();
    }

    @Test
    void aSchema1ReportHasItsWindowReadFromTheAgentsTimesAndSaysSo() {
        ObjectNode report = AgentReportFixtures.small();
        report.remove("schema");
        report.remove("window");
        report.remove("instrumentation");
        AgentReport r = AgentReports.parse(AgentReportFixtures.bytes(report));
        assertThat(r.schema()).isEqualTo(1);
        assertThat(r.window().inferred()).isTrue();
        assertThat(r.window().seconds()).isCloseTo(11.005, within(1e-9));
        assertThat(r.warnings()).singleElement().asString().contains("schema 1").contains("install");
    }

    @Test
    void aFailedSelfTestAndFailedClassesAreWarnings() {
        ObjectNode report = AgentReportFixtures.small();
        ((ObjectNode) report.get("agent")).put("selfTest", "FAILED: ReentrantLock counted 0, expected 1");
        ((ObjectNode) report.get("instrumentation")).put("complete", false);
        ((ObjectNode) report.get("instrumentation").get("failed")).put("demo.Broken", "VerifyError");
        AgentReport r = AgentReports.parse(AgentReportFixtures.bytes(report));
        assertThat(r.warnings()).anySatisfy(w -> assertThat(w).contains("self-test failed").contains("lock counts are wrong"))
                .anySatisfy(w -> assertThat(w).contains("demo.Broken"));
    }

    @Test
    void theShapeTellsAnAgentReportFromAJmhResult() {
        assertThat(AgentReports.looksLikeReport(" \n{\"schema\":2}".getBytes(StandardCharsets.UTF_8))).isTrue();
        assertThat(AgentReports.looksLikeReport("[{\"benchmark\":\"a\"}]".getBytes(StandardCharsets.UTF_8))).isFalse();
        assertThat(AgentReports.looksLikeReport("".getBytes(StandardCharsets.UTF_8))).isFalse();
    }

    @Test
    void whatIsNotAnAgentReportIsRefusedWithTheReason() {
        assertRefused("not json at all", "not JSON");
        assertRefused("[{\"benchmark\": \"a.B.c\"}]", "array (a JMH result?");
        assertRefused("{\"schema\": 2}", "no \"agent\" object");
        assertRefused("{\"agent\": {}, \"locks\": {}, \"allocations\": {}, \"threads\": {}} trailing", "data after the end");

        ObjectNode negative = AgentReportFixtures.small();
        ((ObjectNode) negative.get("locks")).put("acquired", -1);
        assertRefused(negative, "locks.acquired: expected a count (a whole number ≥ 0), found -1");

        ObjectNode text = AgentReportFixtures.small();
        ((ObjectNode) text.get("threads").get("main")).put("parks", "3");
        assertRefused(text, "threads.\"main\".parks: expected a count");

        ObjectNode fraction = AgentReportFixtures.small();
        fraction.put("parks", 1.5);
        assertRefused(fraction, "parks: expected a count");

        ObjectNode noLength = AgentReportFixtures.small();
        ((ObjectNode) noLength.get("window")).put("seconds", 0);
        assertRefused(noLength, "window.seconds");

        ObjectNode badStart = AgentReportFixtures.small();
        ((ObjectNode) badStart.get("window")).put("start", "yesterday");
        assertRefused(badStart, "window.start: not an ISO-8601 instant: \"yesterday\"");

        ObjectNode noWindow = AgentReportFixtures.small();
        noWindow.remove("window");
        assertRefused(noWindow, "window: a report of schema 2 has a \"window\" object");
    }

    @Test
    void hostileStringsAndSizesAreRefusedWithTheLimitNamed() {
        String huge = "x".repeat(ImportLimits.MAX_TEXT + 1);
        ObjectNode longThread = AgentReportFixtures.thread(AgentReportFixtures.small(), huge, 1, 1);
        assertRefused(longThread, "threads: a thread name is 1,001 characters; the limit is 1,000");

        ObjectNode longClass = AgentReportFixtures.small();
        ((ObjectNode) longClass.get("allocations").get("byClass")).put(huge, 1);
        assertRefused(longClass, "allocations.byClass: a name is 1,001 characters");

        ObjectNode longJvm = AgentReportFixtures.small();
        ((ObjectNode) longJvm.get("agent")).put("jvm", huge);
        assertRefused(longJvm, "agent.jvm is 1,001 characters");

        ObjectNode manyThreads = AgentReportFixtures.small();
        ObjectNode threads = (ObjectNode) manyThreads.get("threads");
        for (int i = 0; i < ImportLimits.MAX_AGENT_THREADS; i++) {
            threads.putObject("t" + i).put("locks", 0).put("contended", 0).put("parks", 0).put("allocations", 0);
        }
        assertRefused(manyThreads, "10,001 thread names; a report holds at most 10,000");

        ObjectNode manyClasses = AgentReportFixtures.small();
        ObjectNode byClass = (ObjectNode) manyClasses.get("allocations").get("byClass");
        for (int i = 0; i <= ImportLimits.MAX_AGENT_ENTRIES; i++) {
            byClass.put("c" + i, 1);
        }
        assertRefused(manyClasses, "more than 200,000 named counts");
    }

    @Test
    void aReportIsStoredVerbatimAsACompleteAgentRun() throws Exception {
        byte[] json = AgentReportFixtures.bytes(AgentReportFixtures.small());
        RunRepository repo = new RunRepository(reports);
        String id = repo.importAgent(json, "svc before", "import");
        StoredRun run = repo.find(id).orElseThrow();
        assertThat(id).endsWith("-svc-before");
        assertThat(Files.readAllBytes(run.dir().resolve(StoredRun.AGENT))).isEqualTo(json);
        assertThat(run.manifest().kind()).isEqualTo(RunKind.AGENT);
        assertThat(run.manifest().status()).isEqualTo(RunStatus.COMPLETE);
        assertThat(run.manifest().startedAt()).isEqualTo(AgentReportFixtures.START);
        assertThat(run.manifest().endedAt()).isEqualTo(Instant.parse("2026-12-01T10:00:10Z"));
        assertThat(run.manifest().files()).containsExactly("agent.json", "run.json");
        assertThat(run.manifest().environment().agentVersion()).isEqualTo("0.1.0-SNAPSHOT");
        assertThat(run.results()).isEmpty();
        assertThat(run.agentReport().orElseThrow().locks().acquired()).isEqualTo(120);
    }

    @Test
    void aRefusedReportStoresNothing() throws Exception {
        RunRepository repo = new RunRepository(reports);
        ObjectNode bad = AgentReportFixtures.small();
        ((ObjectNode) bad.get("allocations")).put("count", "many");
        assertThatThrownBy(() -> repo.importAgent(AgentReportFixtures.bytes(bad), null, "import"))
                .isInstanceOf(AgentReportException.class).hasMessageContaining("allocations.count");
        assertThatThrownBy(() -> repo.importAgent(AgentReportFixtures.bytes(AgentReportFixtures.small()), "l".repeat(201), "import"))
                .isInstanceOf(AgentReportException.class).hasMessageContaining("label");
        try (var files = Files.list(reports)) {
            assertThat(files).isEmpty();
        }
    }

    private static void assertRefused(ObjectNode report, String reason) {
        assertThatThrownBy(() -> AgentReports.parse(AgentReportFixtures.bytes(report)))
                .isInstanceOf(AgentReportException.class).hasMessageContaining(reason);
    }

    private static void assertRefused(String json, String reason) {
        assertThatThrownBy(() -> AgentReports.parse(json.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(AgentReportException.class).hasMessageContaining(reason);
    }
}
