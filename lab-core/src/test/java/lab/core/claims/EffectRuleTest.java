package lab.core.claims;

import static org.assertj.core.api.Assertions.assertThat;

import static lab.core.compare.JmhFixture.around;
import static lab.core.compare.JmhFixture.result;

import org.junit.jupiter.api.Test;

class EffectRuleTest {

    private static final double[] BAND = {26.7, 38.4};

    @Test
    void anIntervalFromTooFewSamplesNeitherContradictsNorHolds() {
        // 3 against 3 iterations: the smallest attainable p is 0.1, the interval is not a 95% one
        Rules.Decision d = Rules.effect(0.1, 0.1, true, 1.18, 20.1, BAND, true, v -> String.format("%.2f×", v));
        assertThat(d.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(d.why()).contains("not a 95% interval").contains("0.100");
    }

    @Test
    void theSameIntervalFromEnoughSamplesContradicts() {
        Rules.Decision d = Rules.effect(0.2, 0.002, true, 1.18, 20.1, BAND, true, v -> String.format("%.2f×", v));
        assertThat(d.verdict()).isEqualTo(Verdict.CONTRADICTED);
    }

    @Test
    void aValueFromThreeSamplesIsInconclusiveEvenInsideTheBand() {
        ClaimBook book = ClaimEvaluatorTest.book("""
            {"id": "v", "quote": "q", "logFigure": "f", "kind": "value", "workload": "read", "threads": 1,
             "subject": ["MEMORY"], "figures": [150]}""");
        ClaimResult three = ClaimEvaluator.evaluate(book, ClaimEvaluatorTest.run(
                result("read", "MEMORY").raw(around(150, 0.01, 3)))).results().get(0);
        assertThat(three.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(three.why()).contains("75.0% one, not 95%").contains("holds");
        ClaimResult six = ClaimEvaluator.evaluate(book, ClaimEvaluatorTest.run(
                result("read", "MEMORY").raw(around(150, 0.01, 6)))).results().get(0);
        assertThat(six.verdict()).isEqualTo(Verdict.HOLDS);
    }
}
