package lab.core.claims;

import static org.assertj.core.api.Assertions.assertThat;

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
}
