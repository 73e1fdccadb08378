package lab.api.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** --mix: parsing, refusals with the reason, and the drawn kinds' shares. */
class RequestMixTest {

    @Test
    void parsesWeightsInTheKindsOrder() {
        RequestMix mix = RequestMix.parse("create:5, READ:80,write:15");
        assertThat(mix.shares()).containsExactly(java.util.Map.entry("read", 80), java.util.Map.entry("write", 15),
                java.util.Map.entry("create", 5));
        assertThat(mix.toString()).isEqualTo("read:80,write:15,create:5");
    }

    @Test
    void refusesBadMixesWithTheReason() {
        assertThatThrownBy(() -> RequestMix.parse("read:80,delete:20")).hasMessageContaining("unknown request kind 'delete'");
        assertThatThrownBy(() -> RequestMix.parse("read:eighty")).hasMessageContaining("must be a whole number, was 'eighty'");
        assertThatThrownBy(() -> RequestMix.parse("read:-1,write:2")).hasMessageContaining("must not be negative");
        assertThatThrownBy(() -> RequestMix.parse("read:1,read:2")).hasMessageContaining("given twice");
        assertThatThrownBy(() -> RequestMix.parse("read:0,write:0")).hasMessageContaining("no requests");
        assertThatThrownBy(() -> RequestMix.parse("read")).hasMessageContaining("kind:weight");
    }

    @Test
    void drawsEachKindInItsShareReproducibly() {
        RequestMix mix = RequestMix.parse("read:80,write:15,create:5");
        int[] kinds = mix.draw(100_000, 7);
        long[] counts = new long[3];
        Arrays.stream(kinds).forEach(k -> counts[k]++);
        assertThat(counts[0]).isBetween(79_000L, 81_000L);
        assertThat(counts[1]).isBetween(14_300L, 15_700L);
        assertThat(counts[2]).isBetween(4_500L, 5_500L);
        assertThat(mix.draw(100_000, 7)).isEqualTo(kinds);
        assertThat(RequestMix.parse("write:1").draw(1000, 1)).containsOnly(1);
    }
}
