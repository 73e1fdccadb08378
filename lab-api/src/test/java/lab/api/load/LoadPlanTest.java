package lab.api.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import lab.core.store.StoreType;
import org.junit.jupiter.api.Test;

/** The load schedule: every point once per round, a fresh shuffle each round, replayable from the seed. */
class LoadPlanTest {

    static LoadPlan plan(long seed) {
        return LoadPlan.of(LoadRequest.of(Path.of("reports"), Path.of("profiles"))
                .stores(List.of(StoreType.MEMORY, StoreType.SHARD_UNIT, StoreType.CHANNEL, StoreType.NON_BLOCKING))
                .connections(List.of(1, 16, 64)).rounds(5).seed(seed));
    }

    @Test
    void eachRoundVisitsEveryPointOnceInItsOwnOrder() {
        LoadPlan p = plan(42);
        assertThat(p.points()).hasSize(12);
        Set<List<LoadPlan.Visit>> orders = new HashSet<>();
        for (int r = 0; r < p.rounds(); r++) {
            assertThat(p.round(r)).containsExactlyInAnyOrderElementsOf(p.points());
            orders.add(p.round(r));
        }
        assertThat(orders).hasSizeGreaterThan(1);
        assertThat(p.intervals()).isEqualTo(12 * (5 + 1));
    }

    @Test
    void theSeedReplaysTheSchedule() {
        assertThat(plan(42).round(3)).isEqualTo(plan(42).round(3));
        assertThat(plan(42).round(3)).isNotEqualTo(plan(43).round(3));
    }
}
