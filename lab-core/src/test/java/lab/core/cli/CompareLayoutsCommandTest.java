package lab.core.cli;

import static lab.core.compare.JmhFixture.around;
import static lab.core.compare.JmhFixture.result;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import lab.core.compare.JmhFixture;
import lab.core.compare.LayoutFixture;
import lab.core.layout.LayoutRun;
import lab.core.record.Environment;
import lab.core.record.RunKind;
import lab.core.record.RunRepository;
import lab.core.record.StoredRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./lab compare A B --layouts} on two stored layout runs (written by {@link LayoutRun}, the
 * command's own writer), and its refusals: an unknown run, a run without layouts, options that
 * do not go with it.
 */
class CompareLayoutsCommandTest {

    @TempDir
    Path reports;

    private String layoutRun(lab.core.record.Layouts layouts, String label) {
        StoredRun run = LayoutRun.store(new RunRepository(reports), layouts, label, Instant.now(), Environment.unknown());
        assertThat(run.manifest().kind()).isEqualTo(RunKind.LAYOUT);
        return run.id();
    }

    @Test
    void twoLayoutRunsCompareWithTheChangedRowsMarked() {
        String before = layoutRun(LayoutFixture.before(), "before");
        String after = layoutRun(LayoutFixture.after(), "after");

        CommandHelpTest.Outcome o = CommandHelpTest.lab("compare", before, after, "--layouts", "--reports", reports.toString());

        assertThat(o.code()).as(o.err()).isZero();
        assertThat(o.out()).contains("layouts: base " + before + " (left) vs head " + after + " (right)",
                "-- com.acme.Point: changed", "only in base: com.acme.Gone", "only in head: com.acme.Added");
        assertThat(o.out()).containsPattern("(?m)^\\* +tag Object +\\(absent\\) +4 B @20$")
                .containsPattern("(?m)^\\* +alignment padding \\(external loss\\) +4 B +0 B$")
                .containsPattern("(?m)^  instance size \\(shallow\\) +24 B +24 B$");
    }

    @Test
    void anUnknownRunIsAUsageErrorThatNamesIt() {
        String before = layoutRun(LayoutFixture.before(), "before");

        CommandHelpTest.Outcome o = CommandHelpTest.lab("compare", before, "20990101-000000-nothing", "--layouts",
                "--reports", reports.toString());

        assertThat(o.code()).isEqualTo(2);
        assertThat(o.err()).contains("no run '20990101-000000-nothing'");
    }

    @Test
    void aJmhRunWithoutLayoutsIsRefusedWithTheReason() {
        String before = layoutRun(LayoutFixture.before(), "before");
        String jmh = new RunRepository(reports).importJmh(JmhFixture.array(result("read", "MEMORY").raw(around(100, 0.04, 3)))
                .getBytes(StandardCharsets.UTF_8), "jmh", "import");

        CommandHelpTest.Outcome o = CommandHelpTest.lab("compare", before, jmh, "--layouts", "--reports", reports.toString());

        assertThat(o.code()).isEqualTo(2);
        assertThat(o.err()).contains("run " + jmh + " (a jmh run) has no layouts (layouts.json)");
        assertThat(o.out()).isEmpty();
    }

    @Test
    void layoutsTakeTwoRunsAndNoStatisticsOptions() {
        String before = layoutRun(LayoutFixture.before(), "before");

        assertThat(CommandHelpTest.lab("compare", before, "--layouts", "--reports", reports.toString()).err())
                .contains("--layouts compares two runs: BASE HEAD");
        assertThat(CommandHelpTest.lab("compare", before, before, "--layouts", "--json", "--reports", reports.toString()).err())
                .contains("it takes no --stores, --jvms, --metric or --json");
    }
}
