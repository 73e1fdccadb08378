package lab.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Several threads on one store, each doing a bounded number of random creates, reads, updates and
 * deletes, and each keeping its own record of what it did. A thread mutates only the tasks it
 * created, so its record predicts every answer it gets and the final state of its tasks; reads of
 * other threads' ids only check the answer is well-formed. Runs on every {@link StoreType}.
 * Bounded by operation counts, never by time: a slow machine makes it slower, not flakier.
 *
 * <p>Hangs. A broken store can leave a client spinning inside a call (a HashMap read racing a
 * resize) or waiting for an answer that never comes. Every wait here has a deadline, and clients
 * are daemon threads so a stuck one cannot outlive the JVM; the class-level {@code @Timeout} runs
 * each test on a thread of its own (SEPARATE_THREAD), so it fails even when a wait cannot be
 * interrupted. The deadlines are generous (minutes on a loaded 2-core box where a test takes
 * seconds): they bound a hang, they do not time the store.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class StoreStressTest {

    /** How long a test waits for its clients before it fails instead (see the class comment). */
    private static final long CLIENT_DEADLINE_MS = 120_000;

    private static final int THREADS = 4;
    private static final int OPS_PER_THREAD = 4_000;

    /** What one thread did: the latest version of each task it created, and what it deleted. */
    private static final class Record {
        final List<Integer> createdInOrder = new ArrayList<>();
        final Map<Integer, Task> live = new HashMap<>();
        final Set<Integer> deleted = new HashSet<>();
        final Map<Integer, Task> firstVersion = new HashMap<>(); // to try updates of deleted ids
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(StoreType.class)
    void concurrentClientsLoseNothingAndResurrectNothing(StoreType type) throws Exception {
        Set<Thread> threadsBefore = StoreThreads.snapshot();
        TaskStore store = type.create();
        Record[] records = new Record[THREADS];
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        CyclicBarrier start = new CyclicBarrier(THREADS);
        AtomicInteger maxIdSeen = new AtomicInteger();
        Thread[] clients = new Thread[THREADS];
        for (int c = 0; c < THREADS; c++) {
            Record record = records[c] = new Record();
            long seed = 1_000L * c + type.ordinal();
            clients[c] = new Thread(() -> {
                try {
                    start.await(CLIENT_DEADLINE_MS, TimeUnit.MILLISECONDS);
                    runClient(store, record, new SplittableRandom(seed), maxIdSeen);
                } catch (Throwable e) {
                    failures.add(e);
                }
            }, "stress-client-" + c);
            clients[c].setDaemon(true);
            clients[c].start();
        }
        joinAll(clients, failures);
        assertThat(failures).as("failures inside the clients").isEmpty();

        // Ids never repeat across threads, and together they are exactly 1..number of creates.
        Set<Integer> allIds = new HashSet<>();
        int creates = 0;
        Map<Integer, Task> expectedLive = new HashMap<>();
        for (Record r : records) {
            creates += r.createdInOrder.size();
            for (int id : r.createdInOrder) {
                assertThat(allIds.add(id)).as("id %d handed out twice", id).isTrue();
            }
            expectedLive.putAll(r.live);
        }
        assertThat(allIds).hasSize(creates);
        assertThat(allIds).allMatch(id -> id >= 1 && id <= allIds.size());

        // Nothing created is lost (with its latest update), nothing deleted comes back.
        for (Record r : records) {
            for (Map.Entry<Integer, Task> e : r.live.entrySet()) {
                assertThat(store.get(e.getKey())).as("live task %d", e.getKey()).isEqualTo(e.getValue());
            }
            for (int id : r.deleted) {
                assertThat(store.get(id)).as("deleted task %d", id).isNull();
            }
        }
        assertThat(store.getAll()).containsExactlyInAnyOrderElementsOf(expectedLive.values());
        assertThat(store.size()).isEqualTo(expectedLive.size());

        store.close();
        assertThat(StoreThreads.startedSince(threadsBefore)).as("threads alive after close").isEmpty();
    }

    private static void runClient(TaskStore store, Record r, SplittableRandom rnd, AtomicInteger maxIdSeen) {
        Task template = Task.draft("stress", "", TaskStatus.TODO);
        for (int op = 0; op < OPS_PER_THREAD; op++) {
            int dice = rnd.nextInt(1000);
            if (dice < 300 || r.createdInOrder.isEmpty()) {
                Task t = store.create(template);
                int last = r.createdInOrder.isEmpty() ? 0 : r.createdInOrder.get(r.createdInOrder.size() - 1);
                check(t.id() > last, "ids from one thread increase: " + t.id() + " after " + last);
                r.createdInOrder.add(t.id());
                r.live.put(t.id(), t);
                r.firstVersion.put(t.id(), t);
                maxIdSeen.accumulateAndGet(t.id(), Math::max);
                // Visible to its creator at once (read-your-writes).
                check(t.equals(store.get(t.id())), "created task " + t.id() + " not visible to its creator");
            } else if (dice < 600) {
                int id = pickOwn(r, rnd);
                Task got = store.get(id);
                Task expected = r.live.get(id); // null when this thread deleted it
                check(expected == null ? got == null : expected.equals(got),
                        "get(" + id + ") answered " + got + ", expected " + expected);
            } else if (dice < 800) {
                int id = pickOwn(r, rnd);
                Task current = r.live.get(id);
                Task version = (current != null ? current : r.firstVersion.get(id))
                        .updated("v" + op, "by " + Thread.currentThread().getName(), TaskStatus.IN_PROGRESS, Instant.now());
                boolean updated = store.update(version);
                check(updated == (current != null), "update(" + id + ") answered " + updated);
                if (updated) {
                    r.live.put(id, version);
                }
            } else if (dice < 900) {
                int id = pickOwn(r, rnd);
                boolean deleted = store.delete(id);
                check(deleted == r.live.containsKey(id), "delete(" + id + ") answered " + deleted);
                if (deleted) {
                    r.live.remove(id);
                    r.deleted.add(id);
                }
            } else if (dice < 998) {
                // Someone else's id (or one not created yet): any answer must be that id's task.
                int id = 1 + rnd.nextInt(Math.max(1, maxIdSeen.get() + 8));
                Task got = store.get(id);
                check(got == null || got.id() == id, "get(" + id + ") answered task " + got);
            } else {
                // Rare, as in the log (GetAll ~1% of traffic): it starts 32 threads in two stores.
                List<Task> all = store.getAll();
                for (Task t : all) {
                    check(t != null, "getAll returned a null element");
                }
                for (Map.Entry<Integer, Task> e : r.live.entrySet()) {
                    check(all.contains(e.getValue()), "getAll misses live task " + e.getKey());
                }
            }
        }
    }

    /**
     * Joins every client within one shared deadline; fails at once with the first failure when a
     * client has died (the others may be waiting for it), or names the clients still running.
     */
    private static void joinAll(Thread[] clients, ConcurrentLinkedQueue<Throwable> failures) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(CLIENT_DEADLINE_MS);
        for (Thread t : clients) {
            while (t.isAlive() && failures.isEmpty() && System.nanoTime() < deadline) {
                t.join(10);
            }
        }
        assertThat(failures).as("failures inside the clients").isEmpty();
        for (Thread t : clients) {
            assertThat(t.isAlive()).as("%s did not finish within %d ms", t.getName(), CLIENT_DEADLINE_MS).isFalse();
        }
    }

    private static int pickOwn(Record r, SplittableRandom rnd) {
        return r.createdInOrder.get(rnd.nextInt(r.createdInOrder.size()));
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new AssertionError(message);
        }
    }

    /**
     * Reads racing a store that grows: one thread creates tasks (every map and shard resizes many
     * times on the way), two threads read ids already handed back by create. Each such read must
     * find its task. A map read without its lock misses here: {@code HashMap.resize} installs the
     * new, still empty table before it moves the entries, so a lock-free {@code get} during a
     * resize answers null for a stored task. Random traffic on a store that stops growing early
     * (the tests above) rarely meets a resize; this test meets dozens.
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(StoreType.class)
    void readsNeverMissAStoredTaskWhileTheStoreGrows(StoreType type) throws Exception {
        // Rounds of a fresh store, so the readers meet the big late resizes several times. An
        // actor's map has no concurrent reader (and a round trip costs tens of microseconds
        // here): one round checks it answers, more would only take seconds.
        int rounds = type.isActor() ? 1 : 8;
        for (int round = 0; round < rounds; round++) {
            growWhileReading(type, 60_000, 2, round);
        }
    }

    private static void growWhileReading(StoreType type, int creates, int readers, int round) throws Exception {
        AtomicInteger published = new AtomicInteger(); // the highest id create has handed back
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        AtomicInteger reads = new AtomicInteger();
        CountDownLatch readersRunning = new CountDownLatch(readers);
        try (TaskStore store = type.create()) {
            Task draft = Task.draft("grow", "", TaskStatus.TODO);
            Thread writer = new Thread(() -> {
                try {
                    if (!readersRunning.await(CLIENT_DEADLINE_MS, TimeUnit.MILLISECONDS)) {
                        throw new AssertionError("readers did not start");
                    }
                    for (int i = 0; i < creates && failures.isEmpty(); i++) {
                        published.set(store.create(draft).id()); // one creator: ids 1, 2, 3, ...
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            }, "grow-writer");
            Thread[] threads = new Thread[readers + 1];
            threads[0] = writer;
            for (int r = 0; r < readers; r++) {
                SplittableRandom rnd = new SplittableRandom(31L * round + r);
                threads[r + 1] = new Thread(() -> {
                    readersRunning.countDown();
                    try {
                        while (published.get() < creates && failures.isEmpty()) {
                            int max = published.get();
                            if (max == 0) {
                                Thread.onSpinWait();
                                continue;
                            }
                            int id = 1 + rnd.nextInt(max);
                            Task t = store.get(id);
                            check(t != null && t.id() == id, "round " + round + ": get(" + id + ") answered " + t
                                    + " while ids up to " + max + " were stored (" + reads.get() + " reads before)");
                            reads.incrementAndGet();
                        }
                    } catch (Throwable e) {
                        failures.add(e);
                    }
                }, "grow-reader-" + r);
            }
            for (Thread t : threads) {
                t.setDaemon(true);
                t.start();
            }
            joinAll(threads, failures);
            assertThat(published.get()).isEqualTo(creates);
        }
    }

    /**
     * Threads racing updates and deletes on the same ids (the race a per-thread record cannot
     * see). Whatever the interleaving: each task is deleted at most once, an update never brings a
     * deleted task back, and a surviving task carries one of the versions written for it.
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(StoreType.class)
    void racingUpdatesAndDeletesNeverResurrectATask(StoreType type) throws Exception {
        int ids = 8;
        int rounds = 40;
        int threads = 4;
        try (TaskStore store = type.create()) {
            for (int round = 0; round < rounds; round++) {
                int first = store.create(Task.draft("r" + round, "", TaskStatus.TODO)).id();
                for (int i = 1; i < ids; i++) {
                    store.create(Task.draft("r" + round, "", TaskStatus.TODO));
                }
                AtomicInteger[] successfulDeletes = new AtomicInteger[ids];
                for (int i = 0; i < ids; i++) {
                    successfulDeletes[i] = new AtomicInteger();
                }
                ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
                CyclicBarrier start = new CyclicBarrier(threads);
                Thread[] racers = new Thread[threads];
                int roundSeed = round;
                for (int t = 0; t < threads; t++) {
                    int racer = t;
                    racers[t] = new Thread(() -> {
                        SplittableRandom rnd = new SplittableRandom(31L * roundSeed + racer);
                        try {
                            start.await(CLIENT_DEADLINE_MS, TimeUnit.MILLISECONDS);
                            for (int op = 0; op < 200; op++) {
                                int slot = rnd.nextInt(ids);
                                int id = first + slot;
                                if (rnd.nextInt(4) == 0) {
                                    if (store.delete(id)) {
                                        successfulDeletes[slot].incrementAndGet();
                                    }
                                } else {
                                    Task t0 = Task.draft("by-" + racer, "", TaskStatus.DONE).withId(id);
                                    store.update(t0);
                                }
                            }
                        } catch (Throwable e) {
                            failures.add(e);
                        }
                    }, "racer-" + t);
                    racers[t].setDaemon(true);
                    racers[t].start();
                }
                joinAll(racers, failures);
                assertThat(failures).isEmpty();
                for (int slot = 0; slot < ids; slot++) {
                    int id = first + slot;
                    int deletes = successfulDeletes[slot].get();
                    assertThat(deletes).as("successful deletes of %d", id).isLessThanOrEqualTo(1);
                    Task now = store.get(id);
                    if (deletes == 1) {
                        assertThat(now).as("task %d deleted, then resurrected by an update", id).isNull();
                    } else {
                        assertThat(now).as("task %d never deleted", id).isNotNull();
                        assertThat(now.title()).matches("r" + round + "|by-[0-3]");
                    }
                }
            }
        }
    }

    /**
     * close() while requests are in flight, on every store (for CHANNEL this is the queue/worker
     * race of its close): every client ends with answers and then a StoreClosedException, and
     * none hangs. The wait is bounded so a hang fails the test rather than the build.
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(StoreType.class)
    void closeWhileRequestsAreInFlightAnswersOrFailsEveryRequest(StoreType type) throws Exception {
        Set<Thread> threadsBefore = StoreThreads.snapshot();
        TaskStore store = type.create();
        for (int i = 0; i < 64; i++) {
            store.create(Task.draft("pre", "", TaskStatus.TODO));
        }
        int clients = 6;
        AtomicInteger answered = new AtomicInteger();
        ConcurrentLinkedQueue<Throwable> endings = new ConcurrentLinkedQueue<>();
        CountDownLatch running = new CountDownLatch(clients);
        Thread[] threads = new Thread[clients];
        for (int c = 0; c < clients; c++) {
            int client = c;
            threads[c] = new Thread(() -> {
                SplittableRandom rnd = new SplittableRandom(client);
                Task template = Task.draft("in flight", "", TaskStatus.TODO);
                running.countDown();
                try {
                    while (true) {
                        int dice = rnd.nextInt(100);
                        if (dice < 50) {
                            store.get(1 + rnd.nextInt(64));
                        } else if (dice < 80) {
                            store.create(template);
                        } else if (dice < 98) {
                            store.size();
                        } else {
                            store.getAll();
                        }
                        answered.incrementAndGet();
                    }
                } catch (Throwable e) {
                    endings.add(e);
                }
            }, "in-flight-client-" + c);
            threads[c].setDaemon(true);
            threads[c].start();
        }
        assertThat(running.await(CLIENT_DEADLINE_MS, TimeUnit.MILLISECONDS)).as("clients started").isTrue();
        // Until 2,000 answers, a client's death (a broken store throws) or the deadline: a client
        // that died early can never be answered, so waiting on would only spin.
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(CLIENT_DEADLINE_MS);
        while (answered.get() < 2_000 && endings.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
        assertThat(endings).as("clients ended before close: the store failed them").isEmpty();
        assertThat(answered.get()).as("answers within %d ms", CLIENT_DEADLINE_MS).isGreaterThanOrEqualTo(2_000);
        store.close();
        for (Thread t : threads) {
            t.join(30_000);
            assertThat(t.isAlive()).as("%s still waiting after close", t.getName()).isFalse();
        }
        assertThat(endings).hasSize(clients);
        assertThat(endings).allSatisfy(e -> assertThat(e).isInstanceOf(StoreClosedException.class));
        assertThat(StoreThreads.startedSince(threadsBefore)).as("threads alive after close").isEmpty();
    }
}
