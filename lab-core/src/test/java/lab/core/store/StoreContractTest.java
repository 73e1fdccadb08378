package lab.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The {@link TaskStore} contract, checked on every {@link StoreType} (JCTools' QueueSanityTest
 * pattern): a new constant is tested without new code. Single-threaded; the concurrent side is
 * {@link StoreStressTest} and {@link StoreLinearizabilityTest}. A store that hangs fails its test
 * after the {@code @Timeout} (on a thread of its own: a caller stuck in a spin or a park cannot be
 * interrupted out of it).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class StoreContractTest {

    private static Task draft(String title) {
        return Task.draft(title, "about " + title, TaskStatus.TODO);
    }

    private static void withStore(StoreType type, Consumer<TaskStore> body) {
        try (TaskStore store = type.create()) {
            body.accept(store);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(StoreType.class)
    void createAssignsIdsFromOneUpAndReturnsTheStoredTask(StoreType type) {
        withStore(type, store -> {
            for (int i = 1; i <= 5; i++) {
                Task d = draft("t" + i);
                Task stored = store.create(d);
                assertThat(stored.id()).isEqualTo(i);
                assertThat(stored).isEqualTo(d.withId(i));
                assertThat(store.get(i)).isEqualTo(stored);
            }
        });
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(StoreType.class)
    void createManyStoresConsecutiveIdsAsOneCallerCreatingThemWould(StoreType type) {
        withStore(type, store -> {
            Task first = store.create(draft("first"));
            Task d = draft("many");

            Task last = store.createMany(d, 1_000);

            assertThat(last).isEqualTo(d.withId(first.id() + 1_000));
            assertThat(store.size()).isEqualTo(1_001);
            assertThat(store.get(first.id() + 1)).isEqualTo(d.withId(first.id() + 1));
            assertThat(store.createMany(d, 0)).isNull();
            assertThat(store.create(draft("next")).id()).isEqualTo(first.id() + 1_001);
        });
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(StoreType.class)
    void getAnswersNullForUnknownZeroAndNegativeIds(StoreType type) {
        withStore(type, store -> {
            assertThat(store.get(1)).as("empty store").isNull();
            store.create(draft("one"));
            for (int id : new int[] {0, -1, -31, -32, Integer.MIN_VALUE, 2, 33, 16_385, Integer.MAX_VALUE}) {
                assertThat(store.get(id)).as("get(%d)", id).isNull();
            }
        });
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(StoreType.class)
    void updateReplacesAnExistingTaskOnly(StoreType type) {
        withStore(type, store -> {
            Task stored = store.create(draft("before"));
            Task changed = stored.updated("after", "new text", TaskStatus.DONE, Instant.now());
            assertThat(store.update(changed)).isTrue();
            assertThat(store.get(stored.id())).isEqualTo(changed);

            Task missing = changed.withId(999);
            assertThat(store.update(missing)).as("update of an id never created").isFalse();
            assertThat(store.get(999)).isNull();
            assertThat(store.update(draft("a draft"))).as("update of id 0").isFalse();
            assertThat(store.get(0)).isNull();
            assertThat(store.size()).isEqualTo(1);
        });
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(StoreType.class)
    void deleteRemovesATaskOnceAndUpdateCannotResurrectIt(StoreType type) {
        withStore(type, store -> {
            Task stored = store.create(draft("doomed"));
            Task kept = store.create(draft("kept"));
            assertThat(store.delete(stored.id())).isTrue();
            assertThat(store.get(stored.id())).isNull();
            assertThat(store.delete(stored.id())).as("second delete").isFalse();
            assertThat(store.update(stored)).as("update after delete").isFalse();
            assertThat(store.get(stored.id())).isNull();
            assertThat(store.delete(0)).isFalse();
            assertThat(store.delete(-5)).isFalse();
            assertThat(store.delete(12345)).isFalse();
            assertThat(store.get(kept.id())).isEqualTo(kept);
            assertThat(store.size()).isEqualTo(1);
        });
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(StoreType.class)
    void idsAreUniqueAndIncreasingAndNeverReused(StoreType type) {
        withStore(type, store -> {
            int last = 0;
            for (int i = 0; i < 200; i++) {
                Task t = store.create(draft("t"));
                assertThat(t.id()).isGreaterThan(last);
                last = t.id();
                if (i % 3 == 0) {
                    assertThat(store.delete(t.id())).isTrue();
                }
            }
            Task after = store.create(draft("after deletes"));
            assertThat(after.id()).isEqualTo(201);
        });
    }

    /** 40,000 tasks cross every shard many times and DenseArrayStore's 16,384-slot chunks twice. */
    @ParameterizedTest(name = "{0}")
    @EnumSource(StoreType.class)
    void manyTasksAreAllFoundAgain(StoreType type) {
        withStore(type, store -> {
            Task d = draft("bulk");
            int n = 40_000;
            for (int i = 1; i <= n; i++) {
                store.create(d);
            }
            assertThat(store.size()).isEqualTo(n);
            for (int id = 1; id <= n; id++) {
                Task t = store.get(id);
                if (t == null || t.id() != id) {
                    throw new AssertionError("get(" + id + ") answered " + t);
                }
            }
            assertThat(store.get(n + 1)).isNull();
        });
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(StoreType.class)
    void getAllReturnsExactlyTheLiveTasksAsASnapshot(StoreType type) {
        withStore(type, store -> {
            Map<Integer, Task> expected = new HashMap<>();
            for (int i = 0; i < 100; i++) {
                Task t = store.create(draft("t" + i));
                expected.put(t.id(), t);
            }
            for (int id = 1; id <= 100; id += 7) {
                assertThat(store.delete(id)).isTrue();
                expected.remove(id);
            }
            for (int id = 2; id <= 100; id += 5) {
                Task current = expected.get(id);
                if (current != null) {
                    Task changed = current.updated("changed " + id, "", TaskStatus.IN_PROGRESS, Instant.now());
                    assertThat(store.update(changed)).isTrue();
                    expected.put(id, changed);
                }
            }

            List<Task> all = store.getAll();
            assertThat(all).containsExactlyInAnyOrderElementsOf(expected.values());
            assertThat(store.size()).isEqualTo(expected.size());

            // A snapshot the caller owns: changing it does not touch the store, and the store's
            // later changes do not show up in it.
            List<Task> copy = new ArrayList<>(all);
            all.clear();
            assertThat(store.size()).isEqualTo(expected.size());
            store.create(draft("later"));
            assertThat(store.getAll()).hasSize(expected.size() + 1);
            assertThat(copy).hasSize(expected.size());
        });
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(StoreType.class)
    void anEmptyStoreHasNoTasks(StoreType type) {
        withStore(type, store -> {
            assertThat(store.size()).isZero();
            assertThat(store.getAll()).isEmpty();
        });
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(StoreType.class)
    void afterCloseEveryMethodThrowsStoreClosedException(StoreType type) {
        TaskStore store = type.create();
        Task stored = store.create(draft("before close"));
        store.close();
        List<ThrowingCallable> calls = List.of(
                () -> store.create(draft("after close")),
                () -> store.get(stored.id()),
                () -> store.get(0),
                () -> store.update(stored),
                () -> store.delete(stored.id()),
                store::getAll,
                store::size);
        for (ThrowingCallable call : calls) {
            assertThatThrownBy(call).isInstanceOf(StoreClosedException.class).hasMessageContaining("closed");
        }
        store.close(); // idempotent: a second close is a no-op, not an error
        assertThatThrownBy(() -> store.get(stored.id())).isInstanceOf(StoreClosedException.class);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(StoreType.class)
    void closeEndsEveryThreadTheStoreStarted(StoreType type) throws InterruptedException {
        Set<Thread> before = StoreThreads.snapshot();
        TaskStore store = type.create();
        for (int i = 0; i < 50; i++) {
            store.create(draft("t" + i));
        }
        store.get(7);
        store.getAll();
        store.getAll();
        store.close();
        assertThat(StoreThreads.startedSince(before)).as("threads alive after close").isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(StoreType.class)
    void rejectsBadInputWithIllegalArgumentException(StoreType type) {
        withStore(type, store -> {
            assertThatThrownBy(() -> store.create(null))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("null");
            Task withId = draft("has an id").withId(3);
            assertThatThrownBy(() -> store.create(withId))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("id 0");
            assertThatThrownBy(() -> store.update(null))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("null");
            assertThat(store.size()).as("nothing stored by rejected calls").isZero();
            assertThat(store.create(draft("first good one")).id()).as("rejected creates use no id").isEqualTo(1);
        });
    }
}
