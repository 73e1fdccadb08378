package lab.core.claims;

import static lab.core.compare.JmhFixture.around;
import static lab.core.compare.JmhFixture.result;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import lab.core.cli.Main;
import lab.core.compare.JmhFixture;
import lab.core.record.Json;
import lab.core.record.RunRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Several runs' verdicts side by side: the A/A check counts agreeing readings and names each flip. */
class ClaimAgreementTest {

    /** Reads 15× faster (holds), writes 3.4× faster (holds in the first run). */
    static final ClaimBook BOOK = ClaimEvaluatorTest.book(
            ClaimEvaluatorTest.speedup("reads", "SHARD", "MEMORY", "read", "max", 15.2),
            ClaimEvaluatorTest.speedup("writes", "SHARD", "MEMORY", "write", "max", 3.4));

    static JmhFixture op(String workload, String store, double centre) {
        return result(workload, store).threads(2).raw(around(centre, 0.04, 8));
    }

    static ClaimReport report(double shardWrite) {
        return ClaimEvaluator.evaluate(BOOK, ClaimEvaluatorTest.run(op("read", "MEMORY", 150), op("read", "SHARD", 10),
                op("write", "MEMORY", 340), op("write", "SHARD", shardWrite)));
    }

    @Test
    void aReadingHeldInOneRunAndContradictedInAnotherIsAFlip() {
        ClaimAgreement a = ClaimAgreement.of(List.of(report(100), report(340)));
        assertThat(a.rows()).hasSize(2);
        assertThat(a.agreeing()).isEqualTo(1);
        assertThat(a.share()).isEqualTo(0.5);
        assertThat(a.differing()).extracting(ClaimAgreement.Row::label).containsExactly("writes");
        assertThat(a.differing().get(0).verdicts()).containsExactly(Verdict.HOLDS, Verdict.CONTRADICTED);
        assertThat(a.holdsAgainstContradicted()).hasSize(1);

        String text = ClaimsText.agreement(a);
        assertThat(text).contains("agree on 1 of 2 readings judged in every run (50.0%)")
                .contains("holds in one run, contradicted in another: writes")
                .containsPattern("writes +holds \\| contradicted\\n");
    }

    @Test
    void aSizeContradictedInEveryRunAgreesWhetherOrNotTheDirectionHeldAndHoldsAgainstItIsAFlip() {
        ClaimAgreement.Row direction = new ClaimAgreement.Row("faster, not 3.4x", List.of(Verdict.DIRECTION_ONLY, Verdict.CONTRADICTED));
        ClaimAgreement.Row flip = new ClaimAgreement.Row("held, then only in direction", List.of(Verdict.HOLDS, Verdict.DIRECTION_ONLY));
        ClaimAgreement.Row same = new ClaimAgreement.Row("undecided", List.of(Verdict.INCONCLUSIVE, Verdict.INCONCLUSIVE));
        ClaimAgreement a = new ClaimAgreement(List.of("a", "b"), List.of(direction, flip, same), 0);

        assertThat(a.agreeing()).isEqualTo(2);
        assertThat(a.sameLabels()).isEqualTo(1);
        assertThat(a.differing()).extracting(ClaimAgreement.Row::label).containsExactly("held, then only in direction");
        assertThat(a.directionDiffers()).extracting(ClaimAgreement.Row::label).containsExactly("faster, not 3.4x");
        assertThat(a.holdsAgainstContradicted()).extracting(ClaimAgreement.Row::label).containsExactly("held, then only in direction");
        assertThat(ClaimsText.agreement(a)).contains("agree on 2 of 3 readings judged in every run (66.7%)")
                .contains("1 of 3 readings have the same label in every run")
                .contains("holds in one run, contradicted in another: held, then only in direction")
                .containsPattern("1 reading agrees on the verdict, not on whether the log's direction held:\n"
                        + " *faster, not 3.4x +holds in direction, not in size \\| contradicted\n");
    }

    @Test
    void theSameVerdictsAgreeAndOneRunIsNotAnAgreement() {
        ClaimAgreement a = ClaimAgreement.of(List.of(report(100), report(101), report(99)));
        assertThat(a.agreeing()).isEqualTo(2);
        assertThat(ClaimsText.agreement(a)).contains("(100.0%)").contains("another: none").doesNotContain("differ");
        assertThatThrownBy(() -> ClaimAgreement.of(List.of(report(100)))).hasMessageContaining("at least two runs");
    }

    @TempDir
    Path reports;

    @Test
    void claimsOfTwoStoredRunsPrintsTheirAgreementAndItsJson() throws Exception {
        RunRepository repo = new RunRepository(reports);
        String a = repo.importJmh(JmhFixture.array(ClaimBookTest.fullRun()).getBytes(StandardCharsets.UTF_8), "a", "import");
        String b = repo.importJmh(JmhFixture.array(ClaimBookTest.fullRun()).getBytes(StandardCharsets.UTF_8), "b", "import");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new String[] {"claims", a, b, "--reports", reports.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Verdicts of 2 runs (" + a + ", " + b + ")").contains("(100.0%)");

        ByteArrayOutputStream json = new ByteArrayOutputStream();
        assertThat(Main.run(new String[] {"claims", a, b, "--json", "--reports", reports.toString()},
                new PrintStream(json, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))).isZero();
        JsonNode j = Json.MAPPER.readTree(json.toByteArray());
        assertThat(j.path("runs").size()).isEqualTo(2);
        assertThat(j.path("agree").asInt()).isEqualTo(j.path("readings").asInt()).isGreaterThan(40);
        assertThat(j.path("share").asDouble()).isEqualTo(1.0);
        assertThat(j.path("holdsAgainstContradicted").size()).isZero();
        assertThat(j.path("rows").get(0).path("verdicts").size()).isEqualTo(2);
    }
}
