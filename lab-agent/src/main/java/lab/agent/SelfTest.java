package lab.agent;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.concurrent.locks.StampedLock;

import lab.agent.runtime.LabCounters;
import lab.agent.selftest.Probe;

/**
 * The install-time self-test. On its own thread (so no application thread's counts are touched,
 * and it zeroes its own counts when done) it takes each lock kind once, parks once with a permit
 * available, runs the always-included {@link Probe} (one synchronized block, one synchronized
 * method, one allocation), and makes a second thread wait once for a held ReentrantLock; then it
 * checks every counter moved by exactly the expected amount. What did not is returned by name:
 * a silent zero (or a double count) is the worst failure the agent can have.
 */
final class SelfTest {

    private SelfTest() {
    }

    /** Returns the failures, empty when every counter moved as expected. */
    static List<String> run(Counters counters) {
        List<String> failures = new ArrayList<>();
        Thread t = new Thread(() -> runOnThisThread(counters, failures), "lab-agent-selftest");
        t.setDaemon(true);
        t.start();
        try {
            // Generous: on an oversubscribed machine a false failure would turn a whole run to NaN.
            t.join(60_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (t.isAlive()) {
            synchronized (failures) {
                failures.add("self-test did not finish within 60 s");
            }
        }
        synchronized (failures) {
            return new ArrayList<>(failures);
        }
    }

    private static void runOnThisThread(Counters counters, List<String> failures) {
        List<String> found = new ArrayList<>();
        try {
            int probeSlot = LabCounters.ALLOC_BASE + counters.classId(Probe.class.getName());
            ReentrantLock lock = new ReentrantLock();
            ReentrantReadWriteLock rw = new ReentrantReadWriteLock();
            StampedLock stamped = new StampedLock();

            long[] before = counters.mine();
            lock.lock();
            lock.unlock();
            rw.readLock().lock();
            rw.readLock().unlock();
            rw.writeLock().lock();
            rw.writeLock().unlock();
            stamped.unlockWrite(stamped.writeLock());
            LockSupport.unpark(Thread.currentThread());
            LockSupport.park();
            Probe.run();
            long[] after = counters.mine();

            expect(found, "ReentrantLock.lock()", before, after, LabCounters.REENTRANT_LOCK, 1);
            expect(found, "ReentrantReadWriteLock.ReadLock.lock()", before, after, LabCounters.READ_LOCK, 1);
            expect(found, "ReentrantReadWriteLock.WriteLock.lock()", before, after, LabCounters.WRITE_LOCK, 1);
            expect(found, "StampedLock.writeLock()", before, after, LabCounters.STAMPED_LOCK, 1);
            expect(found, "LockSupport.park()", before, after, LabCounters.PARK, 1);
            expect(found, "synchronized block + synchronized method in an included class",
                    before, after, LabCounters.MONITOR, 2);
            expect(found, "allocation in an included class", before, after, probeSlot, 1);
            expect(found, "contended acquisitions (none expected yet)", before, after, LabCounters.CONTENDED, 0);
            contended(counters, found);
        } catch (Throwable e) {
            found.add("self-test threw " + e);
        } finally {
            counters.discardMine();
        }
        synchronized (failures) {
            failures.addAll(found);
        }
    }

    /** One forced wait: the contender must count exactly one ReentrantLock and one contended acquisition. */
    private static void contended(Counters counters, List<String> found) throws InterruptedException {
        ReentrantLock lock = new ReentrantLock();
        long[][] seen = new long[2][];
        lock.lock();
        Thread contender = new Thread(() -> {
            long[] before = counters.mine();
            lock.lock();
            lock.unlock();
            long[] after = counters.mine();
            seen[0] = before;
            seen[1] = after;
            counters.discardMine();
        }, "lab-agent-selftest-contender");
        contender.setDaemon(true);
        contender.start();
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!lock.hasQueuedThread(contender) && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
        lock.unlock();
        contender.join(30_000);
        if (seen[1] == null) {
            found.add("contended ReentrantLock: the contender did not finish");
            return;
        }
        expect(found, "contended ReentrantLock.lock() (acquisition)", seen[0], seen[1], LabCounters.REENTRANT_LOCK, 1);
        expect(found, "contended ReentrantLock.lock() (AQS slow path)", seen[0], seen[1], LabCounters.CONTENDED, 1);
    }

    private static void expect(List<String> found, String what, long[] before, long[] after, int slot, long expected) {
        long delta = Counters.at(after, slot) - Counters.at(before, slot);
        if (delta != expected) {
            found.add(what + ": counted " + delta + ", expected " + expected);
        }
    }
}
