package lab.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The actor stores under every {@link ActorWait}: the contract and stress tests build stores with
 * {@link StoreType#create()} (BLOCKING), so the spinning and yielding paths of the actor's wait and
 * the caller's wait are checked here: every answer arrives, concurrent callers get unique ids, and
 * close() while callers spin ends every one of them with an answer or a StoreClosedException.
 * Small operation counts: on 2 cores a spinning caller can hold the core the actor needs for a
 * time slice, so these runs are about correctness, never speed.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ActorWaitTest {

    static Stream<Arguments> actorsAndWaits() {
        Stream.Builder<Arguments> all = Stream.builder();
        for (StoreType type : StoreType.values()) {
            if (type.isActor()) {
                for (ActorWait wait : ActorWait.values()) {
                    all.add(Arguments.of(type, wait));
                }
            }
        }
        return all.build();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("actorsAndWaits")
    void everyOperationIsAnswered(StoreType type, ActorWait wait) {
        try (TaskStore store = type.create(wait)) {
            Task draft = Task.draft("w", "", TaskStatus.TODO);
            for (int i = 1; i <= 100; i++) {
                assertThat(store.create(draft).id()).isEqualTo(i);
            }
            assertThat(store.get(50).id()).isEqualTo(50);
            assertThat(store.get(101)).isNull();
            Task changed = store.get(7).updated("changed", "", TaskStatus.DONE, Instant.now());
            assertThat(store.update(changed)).isTrue();
            assertThat(store.get(7)).isEqualTo(changed);
            assertThat(store.delete(7)).isTrue();
            assertThat(store.update(changed)).as("update after delete").isFalse();
            assertThat(store.size()).isEqualTo(99);
            assertThat(store.getAll()).hasSize(99);
            assertThatThrownBy(() -> store.create(null)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("actorsAndWaits")
    void concurrentCallersGetUniqueIdsAndTheirOwnAnswers(StoreType type, ActorWait wait) throws Exception {
        int callers = 3;
        int creates = 150;
        Set<Thread> before = StoreThreads.snapshot();
        TaskStore store = type.create(wait);
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        List<List<Integer>> ids = new ArrayList<>();
        Thread[] threads = new Thread[callers];
        for (int c = 0; c < callers; c++) {
            List<Integer> mine = new ArrayList<>();
            ids.add(mine);
            Task draft = Task.draft("caller " + c, "", TaskStatus.TODO);
            threads[c] = new Thread(() -> {
                try {
                    for (int i = 0; i < creates; i++) {
                        Task t = store.create(draft);
                        mine.add(t.id());
                        // The answer in this caller's slot is its own, not another caller's.
                        if (!draft.title().equals(store.get(t.id()).title())) {
                            throw new AssertionError("get(" + t.id() + ") answered another caller's task");
                        }
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            }, "wait-caller-" + c);
            threads[c].setDaemon(true);
            threads[c].start();
        }
        for (Thread t : threads) {
            t.join(60_000);
            assertThat(t.isAlive()).as("%s did not finish", t.getName()).isFalse();
        }
        assertThat(failures).isEmpty();
        Set<Integer> all = new HashSet<>();
        ids.forEach(all::addAll);
        assertThat(all).hasSize(callers * creates);
        assertThat(store.size()).isEqualTo(callers * creates);
        store.close();
        assertThat(StoreThreads.startedSince(before)).as("threads alive after close").isEmpty();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("actorsAndWaits")
    void closeWhileCallersWaitEndsEveryCaller(StoreType type, ActorWait wait) throws Exception {
        int callers = 3;
        Set<Thread> before = StoreThreads.snapshot();
        TaskStore store = type.create(wait);
        store.create(Task.draft("pre", "", TaskStatus.TODO));
        AtomicInteger answered = new AtomicInteger();
        ConcurrentLinkedQueue<Throwable> endings = new ConcurrentLinkedQueue<>();
        CountDownLatch answering = new CountDownLatch(callers);
        Thread[] threads = new Thread[callers];
        for (int c = 0; c < callers; c++) {
            threads[c] = new Thread(() -> {
                try {
                    while (true) {
                        store.get(1);
                        if (answered.incrementAndGet() <= callers) {
                            answering.countDown();
                        }
                    }
                } catch (Throwable e) {
                    endings.add(e);
                    answering.countDown(); // a caller that failed early must not hold up the test
                }
            }, "wait-in-flight-" + c);
            threads[c].setDaemon(true);
            threads[c].start();
        }
        assertThat(answering.await(30, TimeUnit.SECONDS)).as("callers got answers").isTrue();
        store.close();
        for (Thread t : threads) {
            t.join(30_000);
            assertThat(t.isAlive()).as("%s still waiting after close", t.getName()).isFalse();
        }
        assertThat(endings).hasSize(callers).allSatisfy(e -> assertThat(e).isInstanceOf(StoreClosedException.class));
        assertThat(StoreThreads.startedSince(before)).as("threads alive after close").isEmpty();
    }

    @Test
    void waitParamNamesAreLowerCaseConstantsOrAuto() {
        assertThat(ActorWait.parse("busy_spin")).isEqualTo(ActorWait.BUSY_SPIN);
        assertThat(ActorWait.parse("BLOCKING")).isEqualTo(ActorWait.BLOCKING);
        assertThat(ActorWait.parse("auto")).isEqualTo(ActorWait.auto());
        assertThat(ActorWait.BUSY_SPIN.paramName()).isEqualTo("busy_spin");
        assertThatThrownBy(() -> ActorWait.parse("sleepy"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sleepy").hasMessageContaining("auto, blocking");
    }

    @Test
    void autoIsABoundedSpinThenParkAndRunsThatRecordedAutoKeepTheirRule() {
        assertThat(ActorWait.auto()).isEqualTo(ActorWait.SPIN_THEN_PARK);
        assertThat(ActorWait.resolvedInEarlierRuns(2)).isEqualTo(ActorWait.BLOCKING);
        assertThat(ActorWait.resolvedInEarlierRuns(4)).isEqualTo(ActorWait.SPIN_THEN_PARK);
    }
}
