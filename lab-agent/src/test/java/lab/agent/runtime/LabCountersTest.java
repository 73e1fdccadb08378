package lab.agent.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The registry logic of the counters class, loaded here as a plain class (the agent loads it in
 * the bootstrap loader; the logic is the same). Each test uses its own thread names and slots
 * deltas, since the class is static and shared by the tests of this JVM.
 */
class LabCountersTest {

    private static long sumFor(String name, int slot) {
        Object[] rows = LabCounters.byThread();
        String[] names = (String[]) rows[0];
        long[][] counts = (long[][]) rows[1];
        long sum = 0;
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(name) && slot < counts[i].length) {
                sum += counts[i][slot];
            }
        }
        return sum;
    }

    private static Thread run(String name, Runnable r) throws InterruptedException {
        Thread t = new Thread(r, name);
        t.start();
        t.join();
        return t;
    }

    @Test
    void countsOfExitedThreadsAreKeptInTotalsAndUnderTheirName() throws Exception {
        long before = LabCounters.totals()[LabCounters.PARK];
        // More threads than the registry's initial capacity, so pruning and growth both run.
        for (int i = 0; i < 200; i++) {
            run("exited-worker", () -> {
                LabCounters.count(LabCounters.PARK);
                LabCounters.count(LabCounters.PARK);
            });
        }
        assertThat(LabCounters.totals()[LabCounters.PARK] - before).isEqualTo(400);
        assertThat(sumFor("exited-worker", LabCounters.PARK)).isEqualTo(400);
    }

    @Test
    void liveThreadsAreReadWhileTheyRun() throws Exception {
        Object gate = new Object();
        List<Thread> live = new ArrayList<>();
        boolean[] release = new boolean[1];
        for (int i = 0; i < 3; i++) {
            Thread t = new Thread(() -> {
                LabCounters.count(LabCounters.STAMPED_LOCK);
                synchronized (gate) {
                    while (!release[0]) {
                        try {
                            gate.wait();
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                }
            }, "live-worker");
            t.start();
            live.add(t);
        }
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (sumFor("live-worker", LabCounters.STAMPED_LOCK) < 3 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(sumFor("live-worker", LabCounters.STAMPED_LOCK)).isEqualTo(3);
        synchronized (gate) {
            release[0] = true;
            gate.notifyAll();
        }
        for (Thread t : live) {
            t.join();
        }
        assertThat(sumFor("live-worker", LabCounters.STAMPED_LOCK)).isEqualTo(3);
    }

    @Test
    void classIdsAreStableAndArraysGrowForNewClasses() throws Exception {
        int a = LabCounters.classId("test.A");
        assertThat(LabCounters.classId("test.A")).isEqualTo(a);
        // A thread that counted before many classes existed gets a longer array on demand.
        run("grower", () -> {
            LabCounters.count(LabCounters.ALLOC_BASE + a);
            int last = 0;
            for (int i = 0; i < 300; i++) {
                last = LabCounters.classId("test.Grow" + i);
            }
            LabCounters.count(LabCounters.ALLOC_BASE + last);
            LabCounters.count(LabCounters.ALLOC_BASE + a);
        });
        int last = LabCounters.classId("test.Grow299");
        assertThat(LabCounters.classNames()[last]).isEqualTo("test.Grow299");
        assertThat(sumFor("grower", LabCounters.ALLOC_BASE + a)).isEqualTo(2);
        assertThat(sumFor("grower", LabCounters.ALLOC_BASE + last)).isEqualTo(1);
    }

    @Test
    void aThreadCountsThroughItsOwnTableRowAfterItsFirstCount() throws Exception {
        boolean[] owns = new boolean[2];
        run("row-owner", () -> {
            owns[0] = LabCounters.ownsRow(Thread.currentThread());
            LabCounters.count(LabCounters.WRITE_LOCK);
            owns[1] = LabCounters.ownsRow(Thread.currentThread());
            LabCounters.count(LabCounters.WRITE_LOCK);
        });
        assertThat(owns).containsExactly(false, true);
        assertThat(sumFor("row-owner", LabCounters.WRITE_LOCK)).isEqualTo(2);
    }

    /**
     * Thread ids index the table modulo its size: a second live thread on the same row must not
     * touch the first one's counts (it counts through its ThreadLocal), and a row whose owner
     * exited is taken over.
     */
    @Test
    void threadsSharingATableRowCountExactlyAndARowIsTakenOverFromAnExitedThread() throws Exception {
        Object gate = new Object();
        boolean[] release = new boolean[1];
        Thread first = new Thread(() -> {
            for (int i = 0; i < 1000; i++) {
                LabCounters.count(LabCounters.READ_LOCK);
            }
            synchronized (gate) {
                while (!release[0]) {
                    try {
                        gate.wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
            for (int i = 0; i < 1000; i++) {
                LabCounters.count(LabCounters.READ_LOCK);
            }
        }, "row-first");
        first.start();
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!LabCounters.ownsRow(first) && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
        assertThat(LabCounters.ownsRow(first)).isTrue();

        Thread second = sameRowAs(first, () -> {
            for (int i = 0; i < 700; i++) {
                LabCounters.count(LabCounters.READ_LOCK);
            }
        }, "row-second");
        second.start();
        second.join();
        assertThat(LabCounters.ownsRow(first)).as("a live owner keeps its row").isTrue();
        synchronized (gate) {
            release[0] = true;
            gate.notifyAll();
        }
        first.join();
        assertThat(sumFor("row-first", LabCounters.READ_LOCK)).isEqualTo(2000);
        assertThat(sumFor("row-second", LabCounters.READ_LOCK)).isEqualTo(700);

        boolean[] took = new boolean[1];
        Thread third = sameRowAs(first, () -> {
            LabCounters.count(LabCounters.READ_LOCK);
            took[0] = LabCounters.ownsRow(Thread.currentThread());
            LabCounters.count(LabCounters.READ_LOCK);
        }, "row-third");
        third.start();
        third.join();
        assertThat(took[0]).as("the row of an exited thread is taken over").isTrue();
        assertThat(sumFor("row-third", LabCounters.READ_LOCK)).isEqualTo(2);
        assertThat(sumFor("row-first", LabCounters.READ_LOCK)).isEqualTo(2000);
    }

    /** A new, unstarted thread whose id falls on the same table row as {@code other}'s. */
    private static Thread sameRowAs(Thread other, Runnable r, String name) {
        while (true) {
            Thread t = new Thread(r, name);
            if (((t.getId() ^ other.getId()) & 4095) == 0) {
                return t;
            }
        }
    }

    /**
     * A window counts only what happens after it started: a thread alive across the start keeps
     * counting into the same array (its earlier counts become the base), a thread that exits inside
     * the window brings only its in-window counts, and threads that exited before are dropped.
     * One test: windows are JVM-wide.
     */
    @Test
    void aWindowCountsOnlyWhatHappensAfterItStarted() throws Exception {
        run("window-exited-before", () -> LabCounters.count(LabCounters.CONTENDED));
        Object gate = new Object();
        int[] phase = new int[1];
        Thread across = new Thread(() -> {
            for (int i = 0; i < 5; i++) {
                LabCounters.count(LabCounters.CONTENDED);
            }
            awaitPhase(gate, phase, 1);
            for (int i = 0; i < 3; i++) {
                LabCounters.count(LabCounters.CONTENDED);
            }
        }, "window-across");
        across.start();
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (sumFor("window-across", LabCounters.CONTENDED) < 5 && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
        long before = LabCounters.totals()[LabCounters.CONTENDED];
        assertThat(before).isGreaterThanOrEqualTo(6);

        LabCounters.startWindow();
        assertThat(LabCounters.totals()[LabCounters.CONTENDED]).isZero();
        assertThat(sumFor("window-exited-before", LabCounters.CONTENDED)).isZero();
        assertThat(sumFor("window-across", LabCounters.CONTENDED)).isZero();
        synchronized (gate) {
            phase[0] = 1;
            gate.notifyAll();
        }
        across.join();
        run("window-inside", () -> LabCounters.count(LabCounters.CONTENDED));
        assertThat(sumFor("window-across", LabCounters.CONTENDED)).isEqualTo(3);
        assertThat(sumFor("window-inside", LabCounters.CONTENDED)).isEqualTo(1);
        assertThat(LabCounters.totals()[LabCounters.CONTENDED]).isEqualTo(4);
    }

    private static void awaitPhase(Object gate, int[] phase, int wanted) {
        synchronized (gate) {
            while (phase[0] < wanted) {
                try {
                    gate.wait();
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    /**
     * Lock advice fetches the thread's array before the lock ({@code row()}) and counts into it after
     * ({@code count(row, slot)}). If the thread's array grew in between (an allocation of a new class
     * inside the lock call), that count lands in the replaced array: it must still be counted.
     */
    @Test
    void aCountIntoAnArrayThatGrewMeanwhileIsNotLost() throws Exception {
        run("grown-between", () -> {
            LabCounters.count(LabCounters.STAMPED_LOCK);
            long[] row = LabCounters.row();
            assertThat(row).as("the thread owns its table row").isNotNull();
            LabCounters.count(LabCounters.ALLOC_BASE + row.length + 100); // grows the array
            assertThat(LabCounters.row()).isNotSameAs(row);
            LabCounters.count(row, LabCounters.STAMPED_LOCK);
            LabCounters.count(LabCounters.row(), LabCounters.STAMPED_LOCK);
            assertThat(LabCounters.mine()[LabCounters.STAMPED_LOCK]).isEqualTo(3);
        });
        assertThat(sumFor("grown-between", LabCounters.STAMPED_LOCK)).isEqualTo(3);
    }

    @Test
    void discardMineZeroesOnlyTheCallingThread() throws Exception {
        run("discarder", () -> {
            LabCounters.count(LabCounters.MONITOR);
            LabCounters.discardMine();
            LabCounters.count(LabCounters.MONITOR);
        });
        assertThat(sumFor("discarder", LabCounters.MONITOR)).isEqualTo(1);
    }
}
