package lab.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/**
 * Attaching again to the same JVM: after a window's duration ended, a second window with its own
 * report (the same {@code report=} path gets the window number, so the first report is not
 * overwritten); while a window counts (this one until the JVM exits), refused with the reason and
 * a non-zero exit.
 */
class ReattachIT {

    @Test
    void afterAWindowEndedASecondAttachOpensWindowTwoAndWhileItCountsAThirdIsRefused() throws Exception {
        Path java = Jvms.CURRENT.java();
        Path work = AttachUnderLoadIT.cleanWork("reattach");
        Path done = work.resolve("done");
        try (ChildJvm.Running target = ChildJvm.start(work, AttachUnderLoadIT.target(java, work.resolve("samples.csv"), done))) {
            target.awaitLine("loaded", 120);
            long pid = target.process.pid();
            String options = "includes=lab.agent.it.included.*,report=" + work.resolve("counters.json");

            ChildJvm.Result first = AttachUnderLoadIT.attach(java, work, pid, options + ",duration=1s");
            assertThat(first.exitCode).as("first attach: %s", first).isZero();
            Path report1 = work.resolve("counters.json");
            AttachUnderLoadIT.awaitFile(report1, 120);

            ChildJvm.Result second = AttachUnderLoadIT.attach(java, work, pid, options);
            assertThat(second.exitCode).as("attach after window 1 ended: %s", second).isZero();
            Path report2 = work.resolve("counters-2.json");
            assertThat(second.out).contains("window 2 counting since").contains("until the JVM exits")
                    .contains(report2.toString());

            ChildJvm.Result third = AttachUnderLoadIT.attach(java, work, pid, options);
            assertThat(third.exitCode).as("attach while window 2 counts: %s", third).isEqualTo(1);
            assertThat(third.err).contains("refused the agent: window 2 is counting since").contains("until the JVM exits");

            Files.createFile(done);
            ChildJvm.Result t = target.await(120);
            assertThat(t.exitCode).as("target: %s", t).isZero();
            assertThat(t.err).doesNotContain("already installed");

            ObjectMapper json = new ObjectMapper();
            JsonNode r1 = json.readTree(report1.toFile());
            JsonNode r2 = json.readTree(report2.toFile());
            assertThat(r1.path("window").path("number").asInt()).isEqualTo(1);
            assertThat(r1.path("window").path("endedBy").asText()).isEqualTo("duration");
            assertThat(r2.path("window").path("number").asInt()).isEqualTo(2);
            assertThat(r2.path("window").path("endedBy").asText()).isEqualTo("exit");
            assertThat(Instant.parse(r2.path("window").path("start").asText()))
                    .isAfter(Instant.parse(r1.path("window").path("end").asText()));
            for (JsonNode r : new JsonNode[] {r1, r2}) {
                assertThat(r.path("agent").path("selfTest").asText()).isEqualTo("ok");
                assertThat(r.path("instrumentation").path("complete").asBoolean()).isTrue();
                assertThat(r.path("threads").path("busy-0").path("allocationsByClass")
                        .path("lab.agent.it.included.Widget").asLong()).as("window %s", r.path("window")).isPositive();
            }
        }
    }
}
