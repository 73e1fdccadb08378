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
    void discardMineZeroesOnlyTheCallingThread() throws Exception {
        run("discarder", () -> {
            LabCounters.count(LabCounters.MONITOR);
            LabCounters.discardMine();
            LabCounters.count(LabCounters.MONITOR);
        });
        assertThat(sumFor("discarder", LabCounters.MONITOR)).isEqualTo(1);
    }
}
