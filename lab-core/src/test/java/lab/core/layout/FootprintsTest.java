package lab.core.layout;

import lab.core.record.Layouts.Footprint;
import lab.core.record.Layouts;
import lab.core.store.StoreType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Per-task footprints in the test JVM at two sizes. 16383 and 32767 keep every structure at the
 * same fill ratio (hash tables half full after a doubling, DenseArrayStore's 16384-slot chunks
 * full, ids starting at 1), so the bytes per task at one size must predict the store at the other.
 */
class FootprintsTest {

    static final int N1 = 16_383;
    static final int N2 = 32_767;
    static final Map<StoreType, List<Footprint>> BY_STORE = new EnumMap<>(StoreType.class);

    @BeforeAll
    static void measure() {
        DeepWalker walker = new DeepWalker();
        for (StoreType t : StoreType.values()) {
            BY_STORE.put(t, Footprints.measure(t, List.of(N2, N1), walker).footprints());
        }
    }

    @Test
    void denseArrayStoreCostsLessPerTaskThanMemoryStore() {
        for (int i = 0; i < 2; i++) {
            assertThat(BY_STORE.get(StoreType.DENSE_ARRAY).get(i).perEntryBytes())
                    .isLessThan(BY_STORE.get(StoreType.MEMORY).get(i).perEntryBytes());
        }
    }

    @Test
    void theWholeStoreIsTasksPlusFixedPartPlusPerTaskTimesN() {
        for (StoreType t : StoreType.values()) {
            for (Footprint f : BY_STORE.get(t)) {
                assertThat(f.byClass().values().stream().mapToLong(Layouts.ClassCount::bytes).sum())
                        .as("%s by-class bytes add up to the whole", t).isEqualTo(f.totalBytes());
                assertThat(f.taskBytes() + f.structureBytes()).isEqualTo(f.totalBytes());
                assertThat(f.taskBytes() + f.fixedBytes() + f.perEntryBytes() * f.entries())
                        .isCloseTo(f.totalBytes(), within(0.5));
            }
        }
    }

    @Test
    void bytesPerTaskAtOneSizePredictTheStoreAtTheOther() {
        for (StoreType t : StoreType.values()) {
            Footprint small = BY_STORE.get(t).get(0);
            Footprint large = BY_STORE.get(t).get(1);
            assertThat(small.entries()).isEqualTo(N1);
            assertThat(large.entries()).isEqualTo(N2);
            double predicted = small.fixedBytes() + small.perEntryBytes() * N2;
            assertThat((double) large.structureBytes()).as("%s structure at %d tasks", t, N2)
                    .isCloseTo(predicted, within(predicted * 0.05));
            // the tasks are the same kind of tasks: their bytes grow with N too
            assertThat(large.taskBytes()).isGreaterThan(small.taskBytes() * 19 / 10);
        }
    }

    @Test
    void theEmptyStoreIsTheFixedPartOfEveryFilledOne() {
        for (StoreType t : StoreType.values()) {
            for (Footprint f : BY_STORE.get(t)) {
                assertThat(f.fixedBytes()).isPositive().isLessThan(f.structureBytes());
            }
        }
    }
}
