package lab.core.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class RunIdTest {

    private static final Instant T = Instant.parse("2026-11-26T03:15:02Z");

    @Test
    void idIsUtcStampAndLabelSlug() {
        assertThat(RunId.create(T, "Quick smoke!")).isEqualTo("20261126-031502-quick-smoke");
        assertThat(RunId.create(T, null)).isEqualTo("20261126-031502");
    }

    @Test
    void hostileLabelsBecomeHarmlessSlugs() {
        String id = RunId.create(T, "../../etc/passwd <script>alert(1)</script> %2F\u0000");
        assertThat(RunId.isValid(id)).isTrue();
        assertThat(id).doesNotContain("..", "/", "<", "%");
        assertThat(RunId.create(T, "x".repeat(500)).length()).isLessThanOrEqualTo(RunId.MAX_LENGTH);
    }

    @Test
    void onlyLowercaseLettersDigitsAndDashesAreIds() {
        assertThat(RunId.isValid("20261126-031502-a")).isTrue();
        for (String bad : new String[] {"..", "../x", "a/b", "A", "-a", "a b", "a%2fb", "", "/etc", "a\\b"}) {
            assertThat(RunId.isValid(bad)).as(bad).isFalse();
        }
        assertThatThrownBy(() -> RunId.requireValid("../x")).hasMessageContaining("not a run id");
    }
}
