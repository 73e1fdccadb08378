package lab.core.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;

import org.junit.jupiter.api.Test;

import lab.core.store.StoreType;

class ReplacementsTest {

    @Test
    void buildingTheReplacementsCollectsTheHeapSoTheWritesMeetAnOldDataset() {
        StoreState state = new StoreState();
        state.store = StoreType.MEMORY;
        state.datasetSize = 2_000;
        state.wait = "auto";
        state.load();
        try {
            long before = collections();
            Replacements replacements = new Replacements();
            replacements.build(state);
            assertThat(replacements.of(1999).id()).isEqualTo(1999);
            assertThat(collections()).as("a collection ran after the replacements were built").isGreaterThan(before);
        } finally {
            state.close();
        }
    }

    private static long collections() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(GarbageCollectorMXBean::getCollectionCount).sum();
    }
}
