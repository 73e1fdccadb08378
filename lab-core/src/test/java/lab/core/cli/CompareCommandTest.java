package lab.core.cli;

import static lab.core.compare.JmhFixture.around;
import static lab.core.compare.JmhFixture.result;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import lab.core.compare.JmhFixture;
import lab.core.record.RunRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./lab compare} end to end on two runs imported into a temporary reports folder. */
class CompareCommandTest {

    @TempDir
    Path reports;

    record Outcome(int code, String out, String err) {
    }

    private Outcome lab(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private String importRun(String label, JmhFixture... results) {
        return new RunRepository(reports).importJmh(JmhFixture.array(results).getBytes(StandardCharsets.UTF_8), label, "import");
    }

    @Test
    void comparesTwoRunsLikeBenchstat() {
        String a = importRun("base",
                result("read", "MEMORY").raw(around(100, 0.04, 6)),
                result("write", "MEMORY").raw(around(200, 0.04, 6)));
        String b = importRun("head",
                result("read", "MEMORY").raw(around(50, 0.04, 6)),
                result("write", "MEMORY").raw(new double[] {196, 200, 204, 198, 202, 201}));
        Outcome o = lab("compare", a, b, "--reports", reports.toString());
        assertThat(o.code()).as(o.err()).isZero();
        assertThat(o.out()).contains("base: " + a).contains("head: " + b)
                .contains("primary (ns/op, lower is better)")
                .contains("samples: iterations")
                .contains("geomean");
        String readLine = o.out().lines().filter(l -> l.startsWith("read t=1")).findFirst().orElseThrow();
        assertThat(readLine).contains("-50.00%").contains("(p=0.002 n=6+6)");
        String writeLine = o.out().lines().filter(l -> l.startsWith("write t=1")).findFirst().orElseThrow();
        assertThat(writeLine).contains(" ~ ");
    }

    @Test
    void comparesTwoStoresOfOneRun() {
        String r = importRun("stores",
                result("read", "MEMORY").raw(around(160, 0.02, 5)),
                result("read", "SHARD").raw(around(16, 0.02, 5)));
        Outcome o = lab("compare", r, "--stores", "MEMORY,SHARD", "--reports", reports.toString());
        assertThat(o.code()).as(o.err()).isZero();
        assertThat(o.out()).contains("base: " + r + " MEMORY").contains("head: " + r + " SHARD").contains("-90.00%");
    }

    @Test
    void oneRunWithoutStoresIsAUsageError() {
        String r = importRun("x", result("read", "MEMORY").raw(around(160, 0.02, 5)));
        Outcome o = lab("compare", r, "--reports", reports.toString());
        assertThat(o.code()).isEqualTo(2);
        assertThat(o.err()).contains("--stores A,B");
        assertThat(lab("compare", r, "no-such-run", "--reports", reports.toString()).err()).contains("no run 'no-such-run'");
    }

    @Test
    void latestNamesTheNewestCompleteRun() {
        importRun("older", result("read", "MEMORY").raw(around(160, 0.02, 5)), result("read", "SHARD").raw(around(150, 0.02, 5)));
        String newest = importRun("newer", result("read", "MEMORY").raw(around(160, 0.02, 5)), result("read", "SHARD").raw(around(16, 0.02, 5)));
        Outcome o = lab("compare", "latest", "--stores", "MEMORY,SHARD", "--reports", reports.toString());
        assertThat(o.code()).as(o.err()).isZero();
        assertThat(o.out()).contains("base: " + newest + " MEMORY").contains("-90.00%");
    }

    @Test
    void jsonPrintsTheSameComparison() throws Exception {
        String a = importRun("base", result("read", "MEMORY").raw(around(100, 0.04, 6)));
        String b = importRun("head", result("read", "MEMORY").raw(around(50, 0.04, 6)));
        Outcome text = lab("compare", a, b, "--reports", reports.toString());
        Outcome json = lab("compare", a, b, "--json", "--reports", reports.toString());
        assertThat(json.code()).as(json.err()).isZero();
        com.fasterxml.jackson.databind.JsonNode j = lab.core.record.Json.MAPPER.readTree(json.out());
        com.fasterxml.jackson.databind.JsonNode row = j.path("tables").get(0).path("rows").get(0);
        assertThat(row.path("delta").asText()).isEqualTo("-50.00%");
        assertThat(text.out()).contains(row.path("delta").asText()).contains(j.path("head").asText());
        assertThat(j.path("summary").path("primarySignificant").asInt()).isEqualTo(1);
    }
}
