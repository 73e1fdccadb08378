package lab.web.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.Map;
import lab.core.compare.FlameDiff;
import org.junit.jupiter.api.Test;

/** The differential flame graph's frames: coloured by the change of self time, on a scale over what is drawn. */
class FlameDiffViewTest {

    static FlameDiff diff(String base, String head) throws IOException {
        return FlameDiff.of(FlameDiff.readCollapsed(new StringReader(base)), FlameDiff.readCollapsed(new StringReader(head)));
    }

    static FlameDiffView.Frame frame(FlameDiffView.View v, String name) {
        return v.frames().stream().filter(f -> f.title().startsWith(name + "\n")).findFirst().orElseThrow();
    }

    @Test
    void aCallerWhoseCalleeAloneChangedIsDrawnNeutral() throws IOException {
        // a's total share grows from 50% to 80%, but all of it is in its callee b: a itself did not change.
        FlameDiffView.View v = FlameDiffView.of(diff("a;b 50\nx 50\n", "a;b 80\nx 20\n"));
        assertThat(frame(v, "a").fill()).isEqualTo(FlameDiffView.NEUTRAL);
        assertThat(frame(v, "b").fill()).isEqualTo("rgb(255,55,55)");
        assertThat(frame(v, "x").fill()).isEqualTo("rgb(55,55,255)");
        assertThat(frame(v, "a").title()).contains("self: head 0.00% · base 0.00% · change +0.00 pp").contains("total: head 80.00% · base 50.00%");
    }

    @Test
    void theColourScaleCountsOnlyTheFramesDrawn() throws IOException {
        // x shrinks the most (-40 pp) but keeps 1 sample in 10,000: 0.12 px wide, not drawn. The largest
        // drawn change is b's +20 pp, so b gets the full colour (on a scale up to x's change it was half).
        FlameDiffView.View v = FlameDiffView.of(diff("x 4000\nb 4000\nc 2000\n", "x 1\nb 6000\nc 3999\n"));
        assertThat(v.frames()).noneMatch(f -> f.title().startsWith("x\n"));
        assertThat(frame(v, "b").fill()).isEqualTo("rgb(255,55,55)");
    }

    @Test
    void aChangeOfOneSampleIsNoChangeAndNewFramesAreMarked() throws IOException {
        FlameDiffView.View v = FlameDiffView.of(diff("a;b 999\na;c 1\n", "a;b 1000\n"));
        assertThat(frame(v, "b").fill()).as("99.9% -> 100%: one sample of 1,000").isEqualTo(FlameDiffView.NEUTRAL);
        FlameDiffView.View added = FlameDiffView.of(diff("a 10\n", "a 10\nnewcomer 10\n"));
        assertThat(frame(added, "newcomer").isNew()).isTrue();
        assertThat(frame(added, "newcomer").label()).isEqualTo("+ newcomer");
        assertThat(frame(added, "a").isNew()).isFalse();
    }

    @Test
    void framesAreLaidOutRootAtTheBottomWidthsByHeadShare() throws IOException {
        FlameDiffView.View v = FlameDiffView.of(diff("a;b 1\n", "a;b 3\na 1\n"));
        Map<String, FlameDiffView.Frame> byName = Map.of("all", frame(v, "all"), "a", frame(v, "a"), "b", frame(v, "b"));
        assertThat(Double.parseDouble(byName.get("all").y())).isGreaterThan(Double.parseDouble(byName.get("a").y()));
        assertThat(Double.parseDouble(byName.get("b").width())).isCloseTo(900 - 0.5, org.assertj.core.data.Offset.offset(0.1));
        assertThat(v.height()).isEqualTo(3 * FlameDiffView.ROW + 4);
    }
}
