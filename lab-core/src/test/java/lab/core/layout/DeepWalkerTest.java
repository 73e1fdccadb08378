package lab.core.layout;

import lab.core.record.Layouts.ClassCount;
import lab.core.record.Layouts;
import lab.core.record.Layouts.Deep;
import lab.core.store.StoreType;
import lab.core.store.TaskStore;
import org.junit.jupiter.api.Test;
import org.openjdk.jol.info.GraphLayout;

import static org.assertj.core.api.Assertions.assertThat;

/** The filtered walk agrees with JOL's own where there is nothing to filter, and filters threads where there is. */
class DeepWalkerTest {

    @Test
    void agreesWithJolGraphLayoutOnAStoreThatOwnsNoThread() {
        DeepWalker walker = new DeepWalker(); // configures JOL before GraphLayout first runs
        try (TaskStore store = StoreType.MEMORY.create()) {
            for (int i = 1; i <= 200; i++) {
                store.create(SampleTasks.draft(i));
            }
            Deep ours = walker.walk("memory store", 200, store);
            GraphLayout jol = GraphLayout.parseInstance(store);

            assertThat(ours.totalSize()).isEqualTo(jol.totalSize());
            assertThat(ours.totalCount()).isEqualTo(jol.totalCount());
            for (Class<?> c : jol.getClasses()) {
                assertThat(ours.byClass().get(c.getTypeName()))
                        .as("bytes of %s", c.getTypeName())
                        .isEqualTo(new ClassCount(jol.getClassCounts().count(c), jol.getClassSizes().count(c)));
            }
            assertThat(ours.excluded()).isEmpty();
        }
    }

    @Test
    void doesNotCountOrFollowTheWorkerThreadOfChannelStore() {
        DeepWalker walker = new DeepWalker();
        try (TaskStore store = StoreType.CHANNEL.create()) {
            Deep ours = walker.walk("channel store", 0, store);
            long jol = GraphLayout.parseInstance(store).totalSize();

            assertThat(ours.excluded()).containsKey("java.lang.Thread");
            assertThat(ours.byClass()).doesNotContainKey("java.lang.Thread").doesNotContainKey("java.lang.ThreadGroup");
            // JOL's unfiltered walk goes through the thread into the class loader and everything it loaded.
            assertThat(jol).isGreaterThan(ours.totalSize() * 4);
        }
    }

    @Test
    void countsAnObjectReachableFromTwoRootsOnce() {
        DeepWalker walker = new DeepWalker();
        Object shared = new int[100];
        Object[] a = {shared};
        Object[] b = {shared};
        Deep both = walker.walk("two arrays sharing one int[]", 0, a, b);
        Deep one = walker.walk("one array", 0, (Object) a);

        assertThat(both.byClass().get("int[]").count()).isEqualTo(1);
        assertThat(both.totalSize()).isEqualTo(one.totalSize() + one.byClass().get("java.lang.Object[]").bytes());
        assertThat(both.byClass().values().stream().mapToLong(ClassCount::bytes).sum()).isEqualTo(both.totalSize());
    }

    @Test
    void aNestedWalkSplitsAStoreIntoItsTasksAndTheRestExactly() {
        DeepWalker walker = new DeepWalker();
        try (TaskStore store = StoreType.SHARD_UNIT.create()) {
            Object[] tasks = new Object[300];
            for (int i = 0; i < tasks.length; i++) {
                tasks[i] = store.create(SampleTasks.draft(i + 1));
            }
            Deep[] split = walker.walkNested("tasks", tasks, "the rest", store, tasks.length);

            assertThat(split[0].totalSize()).isEqualTo(walker.walk("tasks", 300, tasks).totalSize());
            assertThat(split[0].totalSize() + split[1].totalSize()).isEqualTo(walker.walk("store", 300, store).totalSize());
            assertThat(split[0].byClass().get("lab.core.store.Task").count()).isEqualTo(300);
            assertThat(split[1].byClass()).doesNotContainKey("lab.core.store.Task").containsKey("java.util.HashMap$Node");
        }
    }
}
