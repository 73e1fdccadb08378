package lab.web.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The run page's chart: one bar and whisker per row, labels escaped, a log axis when scores are far apart. */
class BarChartTest {

    @Test
    void oneBarAndOneErrorWhiskerPerRowWithEscapedLabels() {
        String svg = BarChart.svg(List.of(new BarChart.Bar("<b>MEMORY</b>", 10, 0.2, true), new BarChart.Bar("SHARD", 12, 0.3, false),
                new BarChart.Bar("NOERR", 11, Double.NaN, false)), "ops/us", true);
        assertThat(svg.split("<rect ", -1)).hasSize(4);
        assertThat(svg.split("class=\"err\"", -1)).hasSize(3);
        assertThat(svg).contains("&lt;b&gt;MEMORY&lt;/b&gt;").doesNotContain("<b>");
        assertThat(svg).contains("higher is better").doesNotContain("log scale");
    }

    @Test
    void scoresAHundredfoldApartGetALogAxis() {
        String svg = BarChart.svg(List.of(new BarChart.Bar("MEMORY", 145, 600, true), new BarChart.Bar("CHANNEL", 187_956, 2_142_758, false)),
                "ns/op", false);
        assertThat(svg).contains("log scale").contains("lower is better").contains(">100<").contains(">10,000<");
    }
}
