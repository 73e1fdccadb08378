package lab.web.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import lab.web.TemplateModel;
import lab.web.ThymeleafRenderer;
import org.junit.jupiter.api.Test;

/** The run page's chart: geometry computed here, drawn by templates/chart.html with every label escaped. */
class BarChartTest {

    static final List<BarChart.Bar> BARS = List.of(new BarChart.Bar("<b>MEMORY</b>", 10, 0.2, true),
            new BarChart.Bar("SHARD", 12, 0.3, false), new BarChart.Bar("NOERR", 11, Double.NaN, false),
            new BarChart.Bar("MISSING", Double.NaN, Double.NaN, false));

    @Test
    void oneBarPerScoredRowAndAWhiskerPerRowWithAnError() {
        BarChart.Chart c = BarChart.of(BARS, "ops/us", true);
        assertThat(c.rows()).hasSize(4);
        assertThat(c.rows()).extracting(BarChart.Row::scored).containsExactly(true, true, true, false);
        assertThat(c.rows()).extracting(r -> r.whisker() != null).containsExactly(true, true, false, false);
        assertThat(c.rows().get(0).barClass()).isEqualTo("bar base");
        assertThat(c.rows().get(0).value()).isEqualTo("10.00 ± 0.20");
        assertThat(c.rows().get(3).value()).isEqualTo("no score");
        // 12.3 is the largest score + error: the linear axis ends at the next nice step above it
        assertThat(c.ticks()).extracting(BarChart.Tick::label).containsExactly("0", "5", "10", "15");
        assertThat(c.axis().text()).isEqualTo("ops/us — higher is better");
        assertThat(c.height()).isEqualTo(BarChart.TOP + 4 * BarChart.ROW + BarChart.AXIS);
    }

    @Test
    void scoresAHundredfoldApartGetALogAxis() {
        BarChart.Chart c = BarChart.of(List.of(new BarChart.Bar("MEMORY", 145, 600, true),
                new BarChart.Bar("CHANNEL", 187_956, 2_142_758, false)), "ns/op", false);
        assertThat(c.axis().text()).isEqualTo("ns/op — lower is better — log scale");
        assertThat(c.ticks()).extracting(BarChart.Tick::label).contains("100", "10,000");
    }

    @Test
    void theTemplateDrawsTheGeometryAndEscapesLabels() {
        String html = new ThymeleafRenderer().render("chart-test", Map.of("chart", TemplateModel.of(BarChart.of(BARS, "ops/us", true))));
        assertThat(html).contains("<svg class=\"chart\"").contains("viewBox=\"0 0 760 130\"");
        assertThat(html.split("<rect ", -1)).hasSize(4);
        assertThat(html.split("class=\"err\"", -1)).hasSize(3);
        assertThat(html).contains("&lt;b&gt;MEMORY&lt;/b&gt;").doesNotContain("<b>");
        assertThat(html).contains(">10.00 ± 0.20<").contains(">no score<");
    }
}
