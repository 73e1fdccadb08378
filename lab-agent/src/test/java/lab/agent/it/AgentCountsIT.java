package lab.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Exact counts from the built agent jar: one child JVM per installed JVM runs every
 * {@link Scenarios} scenario under {@code -javaagent:lab-agent.jar}, and each test checks one
 * behaviour in the JSON report written at that JVM's exit, on the scenario's own thread
 * ({@code threads["it-<scenario>"]}) so that whatever else the JVM does cannot blur the number.
 */
class AgentCountsIT {

    /** Test classes, and the JDK classes the lab's own runs include. */
    private static final String INCLUDES = "lab.agent.it.included.*:java.util.HashMap*"
            + ":java.util.concurrent.ConcurrentHashMap*:java.util.concurrent.*BlockingQueue*"
            + ":java.util.concurrent.CompletableFuture*";
    private static final Map<Jvms, JsonNode> REPORTS = new EnumMap<>(Jvms.class);

    static synchronized JsonNode report(Jvms jvm) throws Exception {
        JsonNode cached = REPORTS.get(jvm);
        if (cached != null) {
            return cached;
        }
        Path java = jvm.javaOrSkip();
        Path work = Paths.get("target", "it-work", "counts-" + jvm.name()).toAbsolutePath();
        Path report = work.resolve("report.json");
        Files.createDirectories(work);
        Files.deleteIfExists(report);
        ChildJvm.Result r = ChildJvm.run(work, List.of(java.toString(),
                "-javaagent:" + ChildJvm.agentJar() + "=includes=" + INCLUDES + ",report=" + report,
                "-cp", ChildJvm.testClasses().toString(), Scenarios.class.getName(), "all"), 120);
        assertThat(r.exitCode).as("scenario JVM: %s", r).isZero();
        assertThat(r.err).as("no self-test failure banner").doesNotContain("SELF-TEST FAILED");
        JsonNode json = new ObjectMapper().readTree(report.toFile());
        REPORTS.put(jvm, json);
        return json;
    }

    private static JsonNode thread(Jvms jvm, String scenario) throws Exception {
        JsonNode t = report(jvm).path("threads").path("it-" + scenario);
        assertThat(t.isMissingNode()).as("report lists thread it-%s: %s", scenario, report(jvm).path("threads")).isFalse();
        return t;
    }

    private static long kind(JsonNode thread, String kind) {
        return thread.path("byKind").path(kind).asLong(-1);
    }

    static List<Jvms> jvms() {
        return List.of(Jvms.values());
    }

    @ParameterizedTest
    @MethodSource("jvms")
    void reportHasTheDocumentedShapeAndAPassedSelfTest(Jvms jvm) throws Exception {
        JsonNode r = report(jvm);
        assertThat(r.path("agent").path("selfTest").asText()).isEqualTo("ok");
        assertThat(r.path("agent").path("mode").asText()).isEqualTo("premain");
        assertThat(r.path("agent").path("options").asText()).contains("includes=" + INCLUDES);
        assertThat(r.path("locks").path("acquired").isNumber()).isTrue();
        assertThat(r.path("locks").path("contended").isNumber()).isTrue();
        for (String k : new String[] {"ReentrantLock", "ReadLock", "WriteLock", "StampedLock", "monitor"}) {
            assertThat(r.path("locks").path("byKind").path(k).isNumber()).as(k).isTrue();
        }
        assertThat(r.path("parks").isNumber()).isTrue();
        assertThat(r.path("allocations").path("count").isNumber()).isTrue();
        assertThat(r.path("allocations").path("byClass").isObject()).isTrue();
        JsonNode t = thread(jvm, "reentrant");
        for (String f : new String[] {"locks", "contended", "parks", "allocations"}) {
            assertThat(t.path(f).isNumber()).as(f).isTrue();
        }
        // Totals cover every thread, exited ones included: at least the measured threads' sums.
        long measuredAcquired = 0;
        for (String s : Scenarios.scenarios().keySet()) {
            measuredAcquired += thread(jvm, s).path("locks").asLong();
        }
        assertThat(r.path("locks").path("acquired").asLong()).isGreaterThanOrEqualTo(measuredAcquired);
    }

    @ParameterizedTest
    @MethodSource("jvms")
    void reentrantLockCountsEveryAcquisitionOnceIncludingReentrantAndSuccessfulTries(Jvms jvm) throws Exception {
        JsonNode t = thread(jvm, "reentrant");
        assertThat(kind(t, "ReentrantLock")).isEqualTo(11);
        assertThat(t.path("locks").asLong()).isEqualTo(11);
        assertThat(t.path("contended").asLong()).isZero();
        assertThat(t.path("parks").asLong()).isZero();
    }

    @ParameterizedTest
    @MethodSource("jvms")
    void readAndWriteLocksAreCountedSeparatelyAndOnce(Jvms jvm) throws Exception {
        JsonNode t = thread(jvm, "readwrite");
        assertThat(kind(t, "ReadLock")).isEqualTo(7);
        assertThat(kind(t, "WriteLock")).isEqualTo(5);
        assertThat(t.path("locks").asLong()).isEqualTo(12);
        assertThat(t.path("contended").asLong()).isZero();
    }

    @ParameterizedTest
    @MethodSource("jvms")
    void stampedLockCountsReadAndWriteLocksButNotOptimisticReads(Jvms jvm) throws Exception {
        JsonNode t = thread(jvm, "stamped");
        assertThat(kind(t, "StampedLock")).isEqualTo(11);
        assertThat(t.path("locks").asLong()).isEqualTo(11);
    }

    @ParameterizedTest
    @MethodSource("jvms")
    void synchronizedBlocksAndMethodsInIncludedClassesAreMonitorAcquisitions(Jvms jvm) throws Exception {
        JsonNode t = thread(jvm, "monitor");
        assertThat(kind(t, "monitor")).isEqualTo(5);
        assertThat(t.path("locks").asLong()).isEqualTo(5);
        assertThat(t.path("allocations").asLong()).as("only Syncs' own lock object").isEqualTo(1);
        assertThat(t.path("allocationsByClass").path("java.lang.Object").asLong()).isEqualTo(1);
    }

    @ParameterizedTest
    @MethodSource("jvms")
    void everyParkFormIsCountedOnce(Jvms jvm) throws Exception {
        JsonNode t = thread(jvm, "park");
        assertThat(t.path("parks").asLong()).isEqualTo(6);
        assertThat(t.path("locks").asLong()).isZero();
    }

    @ParameterizedTest
    @MethodSource("jvms")
    void allocationsInIncludedClassesAreCountedByClass(Jvms jvm) throws Exception {
        JsonNode t = thread(jvm, "alloc");
        JsonNode byClass = t.path("allocationsByClass");
        assertThat(byClass.path("lab.agent.it.included.Widget").asLong()).isEqualTo(Scenarios.WIDGETS);
        assertThat(byClass.path("java.lang.Object[]").asLong()).isEqualTo(1);
        assertThat(byClass.path("int[]").asLong()).isEqualTo(1);
        assertThat(byClass.path("java.lang.String[]").asLong()).isEqualTo(1);
        assertThat(byClass.path("long[][]").asLong()).isEqualTo(1);
        assertThat(byClass.path("lab.agent.it.included.Sized").asLong()).as("NEW with a branch before <init>").isEqualTo(1);
        assertThat(t.path("allocations").asLong()).isEqualTo(Scenarios.WIDGETS + 5);
        assertThat(report(jvm).path("allocations").path("byClass").path("lab.agent.it.included.Widget").asLong())
                .as("global byClass: the warm-up thread and the measured one")
                .isEqualTo(2L * Scenarios.WIDGETS);
    }

    @ParameterizedTest
    @MethodSource("jvms")
    void includedJdkClassesAreRetransformedAndTheirAllocationsCounted(Jvms jvm) throws Exception {
        JsonNode t = thread(jvm, "hashmap");
        JsonNode byClass = t.path("allocationsByClass");
        assertThat(byClass.path("java.util.HashMap$Node").asLong()).isEqualTo(Scenarios.MAP_KEYS);
        assertThat(byClass.path("java.util.HashMap$Node[]").asLong()).isEqualTo(1);
        assertThat(t.path("allocations").asLong()).isEqualTo(Scenarios.MAP_KEYS + 1);
    }

    @ParameterizedTest
    @MethodSource("jvms")
    void theJdkLibraryClassesTheLabIncludesAreCountedExactly(Jvms jvm) throws Exception {
        JsonNode t = thread(jvm, "libraries");
        JsonNode byClass = t.path("allocationsByClass");
        assertThat(byClass.path("java.lang.Object[]").asLong()).as("%s", byClass).isEqualTo(1);
        assertThat(byClass.path("java.util.concurrent.locks.ReentrantLock").asLong()).isEqualTo(1);
        assertThat(byClass.path("java.util.concurrent.ConcurrentHashMap$Node").asLong()).isEqualTo(5);
        assertThat(byClass.path("java.util.concurrent.ConcurrentHashMap$Node[]").asLong()).isEqualTo(1);
        assertThat(byClass.path("java.util.concurrent.CompletableFuture$AltResult").asLong()).isEqualTo(1);
        assertThat(t.path("allocations").asLong()).isEqualTo(9);
        assertThat(kind(t, "ReentrantLock")).isEqualTo(6);
        assertThat(t.path("locks").asLong()).isEqualTo(6);
        assertThat(report(jvm).path("agent").path("selfTest").asText()).isEqualTo("ok");
        assertThat(report(jvm).path("agent").path("warnings").isNull())
                .as("no class failed to instrument: %s", report(jvm).path("agent").path("warnings")).isTrue();
    }

    @ParameterizedTest
    @MethodSource("jvms")
    void forcedWaitsAreExactlyTheContendedAcquisitions(Jvms jvm) throws Exception {
        JsonNode t = thread(jvm, "contended");
        int n = Scenarios.WAITS;
        assertThat(t.path("contended").asLong()).isEqualTo(4L * n);
        assertThat(kind(t, "ReentrantLock")).isEqualTo(n);
        assertThat(kind(t, "ReadLock")).isEqualTo(n);
        assertThat(kind(t, "WriteLock")).isEqualTo(n);
        assertThat(kind(t, "StampedLock")).isEqualTo(n);
        assertThat(t.path("parks").asLong()).as("each forced wait parked at least once").isGreaterThanOrEqualTo(4L * n);
    }

    /** Issue 12: Maven's Sisu proxies were left out because their supertypes could not be resolved. */
    @ParameterizedTest
    @MethodSource("jvms")
    void aClassWhoseSupertypeHasNoClassFileInItsLoaderIsInstrumented(Jvms jvm) throws Exception {
        JsonNode t = thread(jvm, "hidden");
        assertThat(report(jvm).path("instrumentation").path("failed").toString()).doesNotContain("hidden");
        assertThat(kind(t, "monitor")).isEqualTo(1);
        assertThat(t.path("allocationsByClass").path("java.lang.Object[]").asLong()).as("in Base").isEqualTo(1);
        assertThat(t.path("allocationsByClass").path("int[]").asLong()).as("in Sub").isEqualTo(1);
        assertThat(t.path("allocations").asLong()).isEqualTo(2);
    }

    @ParameterizedTest
    @MethodSource("jvms")
    void failedTryLocksAreNeitherAcquisitionsNorContended(Jvms jvm) throws Exception {
        JsonNode t = thread(jvm, "failedtry");
        assertThat(t.path("locks").asLong()).as("only the final successful tryLock").isEqualTo(1);
        assertThat(kind(t, "ReentrantLock")).isEqualTo(1);
        assertThat(t.path("contended").asLong()).isZero();
    }
}
