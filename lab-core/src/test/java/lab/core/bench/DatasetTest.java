package lab.core.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import lab.core.store.StoreType;
import lab.core.store.Task;
import lab.core.store.TaskStore;

class DatasetTest {

    @ParameterizedTest
    @EnumSource(StoreType.class)
    void preloadHoldsDenseIdsAndReplacementsKeepThem(StoreType type) {
        try (TaskStore store = Dataset.preload(type, 5_000)) {
            assertThat(store.size()).isEqualTo(5_000);
            assertThat(store.get(1)).isNotNull();
            assertThat(store.get(5_000)).isNotNull();
            assertThat(store.get(5_001)).isNull();
            Task[] updates = Dataset.replacements(5_000);
            assertThat(updates[1234].id()).isEqualTo(1234);
            assertThat(store.update(updates[1234])).isTrue();
            assertThat(store.get(1234)).isSameAs(updates[1234]);
        }
    }
}
