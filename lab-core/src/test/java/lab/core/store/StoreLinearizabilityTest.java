package lab.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.jetbrains.lincheck.datastructures.IntGen;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Param;
import org.jetbrains.lincheck.datastructures.StressOptions;
import org.jetbrains.lincheck.datastructures.Validate;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Linearizability of every store, checked by Lincheck's stress strategy against a trivially
 * correct sequential model (a HashMap and a counter): Lincheck runs small random scenarios on
 * real threads, then searches for a sequential order of the same calls that the model answers
 * identically.
 *
 * <p>What is and is not claimed:
 * <ul>
 *   <li>get / update / delete run in parallel on every store, on ids 1..5 (1..3 exist before each scenario).</li>
 *   <li>create runs in a {@code nonParallelGroup} (all creates on one thread). Every store except
 *       CHANNEL draws the id before the task becomes visible (the log's separate id mutex / atomic
 *       counter), so with parallel creates a reader can see id 2 while id 1 is still invisible:
 *       ids are unique but not assigned in linearization order, and no sequential model with dense
 *       ids explains that. The stress test checks uniqueness under parallel creates instead.</li>
 *   <li>size and getAll are checked only where they are atomic snapshots: MEMORY (one lock) and
 *       CHANNEL (one worker). Elsewhere they read shard by shard or sum striped counters, and are
 *       exact only when the store is quiet (as documented on each store).</li>
 * </ul>
 * Lincheck's model-checking strategy is not used: it would have to control the threads CHANNEL,
 * SHARD and SHARD_UNIT start themselves, and it instruments the JDK's concurrency classes, which
 * is slow on a 2-core CI box. Stress mode runs the real code.
 */
@Tag("lincheck") // runs in its own surefire execution (own JVM): see lab-core/pom.xml
class StoreLinearizabilityTest {

    /** The store type under test; Lincheck builds scenario instances with a no-arg constructor. */
    static volatile StoreType current;

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Task DRAFT = new Task(0, "v0", "", TaskStatus.TODO, T0, T0);
    private static final int PRELOADED = 3;
    private static final List<StoreType> ATOMIC_SNAPSHOTS = List.of(StoreType.MEMORY, StoreType.CHANNEL);

    /** Every instance Lincheck creates, so each can be closed (CHANNEL and SHARD_POOLED start threads). */
    static final AtomicInteger open = new AtomicInteger();

    @Param(name = "id", gen = IntGen.class, conf = "1:5")
    @Param(name = "version", gen = IntGen.class, conf = "1:3")
    public static class Scenario {
        final TaskStore store = current.create();

        /** Ids 1..PRELOADED exist before every scenario, so updates and deletes meet live tasks. */
        public Scenario() {
            open.incrementAndGet();
            for (int i = 0; i < PRELOADED; i++) {
                store.create(DRAFT);
            }
        }

        @Operation(nonParallelGroup = "create")
        public int create() {
            return store.create(DRAFT).id();
        }

        @Operation
        public String get(@Param(name = "id") int id) {
            Task t = store.get(id);
            return t == null ? null : t.title();
        }

        @Operation
        public boolean update(@Param(name = "id") int id, @Param(name = "version") int version) {
            return store.update(new Task(id, "v" + version, "", TaskStatus.TODO, T0, T0));
        }

        @Operation
        public boolean delete(@Param(name = "id") int id) {
            return store.delete(id);
        }

        /** Called once the scenario has run: release the store's threads. */
        @Validate
        public void closeStore() {
            store.close();
            open.decrementAndGet();
        }
    }

    /** The same operations plus the two whole-store reads, for the stores where those are atomic. */
    public static class SnapshotScenario extends Scenario {
        @Operation
        public int size() {
            return store.size();
        }

        /** The live ids and titles, order-free. */
        @Operation
        public Map<Integer, String> getAll() {
            Map<Integer, String> byId = new HashMap<>();
            for (Task t : store.getAll()) {
                byId.put(t.id(), t.title());
            }
            return byId;
        }
    }

    /** The sequential model: what a correct store answers when calls happen one at a time. */
    @Param(name = "id", gen = IntGen.class, conf = "1:5")
    @Param(name = "version", gen = IntGen.class, conf = "1:3")
    public static class Model {
        final Map<Integer, String> titles = new HashMap<>();
        int nextId;

        public Model() {
            for (int i = 0; i < PRELOADED; i++) {
                create();
            }
        }

        public int create() {
            titles.put(++nextId, "v0");
            return nextId;
        }

        public String get(int id) {
            return titles.get(id);
        }

        public boolean update(int id, int version) {
            return titles.replace(id, "v" + version) != null;
        }

        public boolean delete(int id) {
            return titles.remove(id) != null;
        }

        public int size() {
            return titles.size();
        }

        public Map<Integer, String> getAll() {
            return new HashMap<>(titles);
        }

        public void closeStore() {
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(StoreType.class)
    void everyStoreIsLinearizable(StoreType type) {
        current = type;
        Class<?> scenario = ATOMIC_SNAPSHOTS.contains(type) ? SnapshotScenario.class : Scenario.class;
        new StressOptions()
                .iterations(30)
                .invocationsPerIteration(40)
                .threads(2)
                .actorsBefore(1)
                .actorsPerThread(3)
                .actorsAfter(2)
                .sequentialSpecification(Model.class)
                .check(scenario);
        assertThat(open.get()).as("stores Lincheck created and never closed").isZero();
    }
}
