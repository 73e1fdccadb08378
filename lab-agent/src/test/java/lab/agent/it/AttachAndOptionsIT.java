package lab.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Attaching the built jar to a running JVM by pid, and bad options rejected with their name. */
class AttachAndOptionsIT {

    private static List<String> target(Path java, String... args) {
        List<String> cmd = new ArrayList<>(List.of(java.toString(), "-XX:+EnableDynamicAgentLoading",
                "-cp", ChildJvm.testClasses().toString(), Scenarios.class.getName()));
        cmd.addAll(List.of(args));
        return cmd;
    }

    private static ChildJvm.Result attach(Path java, Path work, long pid, String options) throws Exception {
        return ChildJvm.run(work, List.of(java.toString(), "-jar", ChildJvm.agentJar().toString(),
                "attach", Long.toString(pid), options), 120);
    }

    @ParameterizedTest
    @EnumSource(Jvms.class)
    void attachedByPidItCountsExactlyAndReportsAtExit(Jvms jvm) throws Exception {
        Path java = jvm.javaOrSkip();
        Path work = Paths.get("target", "it-work", "attach-" + jvm.name()).toAbsolutePath();
        Files.createDirectories(work);
        Path report = work.resolve("attached.json");
        Files.deleteIfExists(report);

        Path done = work.resolve("attached.done");
        Files.deleteIfExists(done);
        ChildJvm.Running target = ChildJvm.start(work, target(java, "attached", done.toString()));
        ChildJvm.Result attached = attach(java, work, target.process.pid(), "report=" + report);
        Files.createFile(done);
        assertThat(attached.exitCode).as("attach: %s", attached).isZero();
        ChildJvm.Result t = target.await(120);
        assertThat(t.exitCode).as("target: %s", t).isZero();
        assertThat(t.out).contains("agent status: ok");

        JsonNode r = new ObjectMapper().readTree(report.toFile());
        assertThat(r.path("agent").path("mode").asText()).isEqualTo("agentmain");
        JsonNode thread = r.path("threads").path("it-attached");
        assertThat(thread.path("byKind").path("ReentrantLock").asLong()).as("%s", r.path("threads")).isEqualTo(11);
        assertThat(thread.path("locks").asLong()).isEqualTo(11);
    }

    @ParameterizedTest
    @EnumSource(Jvms.class)
    void attachedWithDurationItReportsWhileTheJvmRunsAndRemovesItself(Jvms jvm) throws Exception {
        Path java = jvm.javaOrSkip();
        Path work = Paths.get("target", "it-work", "duration-" + jvm.name()).toAbsolutePath();
        Files.createDirectories(work);
        Path report = work.resolve("timed.json");
        Files.deleteIfExists(report);

        ChildJvm.Running target = ChildJvm.start(work, target(java, "wait-report", report.toString()));
        ChildJvm.Result attached = attach(java, work, target.process.pid(), "report=" + report + ",duration=1s");
        assertThat(attached.exitCode).as("attach: %s", attached).isZero();
        ChildJvm.Result t = target.await(120);
        assertThat(t.exitCode).as("target saw the report before it exited: %s", t).isZero();
        assertThat(t.out).contains("report seen while running");
        assertThat(t.out).contains("agent state: removed");
        assertThat(t.err).contains("instrumentation removed");
        assertThat(new ObjectMapper().readTree(report.toFile()).path("agent").path("selfTest").asText()).isEqualTo("ok");
    }

    @Test
    void anUnknownJavaagentOptionStopsTheJvmNamingTheOption() throws Exception {
        Path work = Paths.get("target", "it-work", "bad-option").toAbsolutePath();
        ChildJvm.Result r = ChildJvm.run(work, List.of(Jvms.CURRENT.java().toString(),
                "-javaagent:" + ChildJvm.agentJar() + "=includes=a.*,reprot=x.json",
                "-cp", ChildJvm.testClasses().toString(), Scenarios.class.getName(), "all"), 60);
        assertThat(r.exitCode).isNotZero();
        assertThat(r.err).contains("unknown option 'reprot'");
    }

    @Test
    void theAttachCommandRejectsAnUnknownOptionBeforeAttaching() throws Exception {
        Path work = Paths.get("target", "it-work", "bad-attach").toAbsolutePath();
        ChildJvm.Result r = attach(Jvms.CURRENT.java(), work, ProcessHandle.current().pid(), "includes=a.*,durration=5s");
        assertThat(r.exitCode).isEqualTo(2);
        assertThat(r.err).contains("unknown option 'durration'");
    }
}
