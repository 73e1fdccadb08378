package lab.agent.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.concurrent.locks.StampedLock;

import lab.agent.it.included.Allocs;
import lab.agent.it.included.Syncs;

/**
 * The program the jar-level tests run in a child JVM under the built agent. Each scenario runs
 * twice: once on a warm-up thread (class loading, lambda linkage and first-use JDK work happen
 * there) and once on a thread named {@code it-<scenario>}, whose counts the report lists under
 * that name and the tests compare with {@link #EXPECTED}-style exact numbers. Helper threads
 * (holders of contended locks) have other names.
 *
 * <pre>
 * java -javaagent:lab-agent.jar=includes=lab.agent.it.included.*:java.util.HashMap*,report=r.json \
 *      -cp test-classes lab.agent.it.Scenarios all
 * java -javaagent:… -cp test-classes lab.agent.it.Scenarios only NAME   (one scenario, twice)
 * java -cp test-classes lab.agent.it.Scenarios attached DONE-FILE   (waits for an attached agent, then DONE-FILE)
 * java -cp test-classes lab.agent.it.Scenarios wait-report REPORT   (waits for the report, then for the agent to remove itself)
 * </pre>
 */
public final class Scenarios {

    /** Rounds of forced waits per lock kind in the contended scenario. */
    public static final int WAITS = 3;
    public static final int WIDGETS = 7;
    public static final int MAP_KEYS = 10;

    private Scenarios() {
    }

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "all":
                for (Map.Entry<String, Runnable> s : scenarios().entrySet()) {
                    runTwice(s.getKey(), s.getValue());
                }
                break;
            case "only":
                runTwice(args[1], scenarios().get(args[1]));
                break;
            case "attached":
                // Warm up before the agent arrives, wait for it, then run once measured.
                runOn("warmup-attached", Scenarios::reentrant);
                awaitAgent();
                runOn("it-attached", Scenarios::reentrant);
                // Exit only once the attacher returned (args[1] appears), or its reply is cut short.
                awaitFile(Paths.get(args[1]));
                break;
            case "wait-report":
                awaitAgent();
                awaitFile(Paths.get(args[1]));
                System.out.println("report seen while running");
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
                while (!"removed".equals(agentField("state"))) {
                    if (System.nanoTime() > deadline) {
                        System.exit(5);
                    }
                    Thread.sleep(20);
                }
                System.out.println("agent state: removed");
                break;
            default:
                throw new IllegalArgumentException(args[0]);
        }
    }

    static Map<String, Runnable> scenarios() {
        Map<String, Runnable> s = new LinkedHashMap<>();
        s.put("reentrant", Scenarios::reentrant);
        s.put("readwrite", Scenarios::readWrite);
        s.put("stamped", Scenarios::stamped);
        s.put("monitor", () -> new Syncs().run());
        s.put("park", Scenarios::park);
        s.put("alloc", () -> Allocs.make(WIDGETS));
        s.put("hashmap", Scenarios::hashMap);
        s.put("libraries", Scenarios::libraries);
        s.put("contended", Scenarios::contended);
        s.put("failedtry", Scenarios::failedTry);
        s.put("hidden", HiddenLoaders::run);
        return s;
    }

    /** ReentrantLock: 5 lock() (one nested), 2 lockInterruptibly(), 3 tryLock(), 1 timed tryLock() = 11. */
    static void reentrant() {
        ReentrantLock lock = new ReentrantLock();
        try {
            for (int i = 0; i < 3; i++) {
                lock.lock();
                lock.unlock();
            }
            lock.lock();
            lock.lock();
            lock.unlock();
            lock.unlock();
            for (int i = 0; i < 2; i++) {
                lock.lockInterruptibly();
                lock.unlock();
            }
            for (int i = 0; i < 3; i++) {
                if (lock.tryLock()) {
                    lock.unlock();
                }
            }
            if (lock.tryLock(1, TimeUnit.SECONDS)) {
                lock.unlock();
            }
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Read: 4 lock() + 2 tryLock() + 1 lockInterruptibly() = 7; write: 3 lock() + 1 timed tryLock() + 1 lockInterruptibly() = 5. */
    static void readWrite() {
        ReentrantReadWriteLock rw = new ReentrantReadWriteLock();
        Lock r = rw.readLock();
        Lock w = rw.writeLock();
        try {
            for (int i = 0; i < 4; i++) {
                r.lock();
                r.unlock();
            }
            for (int i = 0; i < 2; i++) {
                if (r.tryLock()) {
                    r.unlock();
                }
            }
            r.lockInterruptibly();
            r.unlock();
            for (int i = 0; i < 3; i++) {
                w.lock();
                w.unlock();
            }
            if (w.tryLock(1, TimeUnit.SECONDS)) {
                w.unlock();
            }
            w.lockInterruptibly();
            w.unlock();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * StampedLock: 2 writeLock + 3 readLock + tryWriteLock + tryReadLock + asReadLock().lock() +
     * asWriteLock().lock() + readLockInterruptibly + writeLockInterruptibly = 11; five
     * tryOptimisticRead() and a tryConvertToWriteLock are not acquisitions.
     */
    static void stamped() {
        StampedLock sl = new StampedLock();
        try {
            for (int i = 0; i < 2; i++) {
                sl.unlockWrite(sl.writeLock());
            }
            for (int i = 0; i < 3; i++) {
                sl.unlockRead(sl.readLock());
            }
            for (int i = 0; i < 5; i++) {
                long stamp = sl.tryOptimisticRead();
                sl.validate(stamp);
            }
            sl.unlockWrite(sl.tryWriteLock());
            sl.unlockRead(sl.tryReadLock());
            sl.asReadLock().lock();
            sl.asReadLock().unlock();
            sl.asWriteLock().lock();
            sl.asWriteLock().unlock();
            sl.unlockRead(sl.readLockInterruptibly());
            sl.unlockWrite(sl.writeLockInterruptibly());
            long optimistic = sl.tryOptimisticRead();
            long write = sl.tryConvertToWriteLock(optimistic);
            if (write != 0L) {
                sl.unlockWrite(write);
            }
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One call of each of the six LockSupport.park* forms, none of which blocks: 6 parks. */
    static void park() {
        Thread me = Thread.currentThread();
        LockSupport.unpark(me);
        LockSupport.park();
        LockSupport.unpark(me);
        LockSupport.park("blocker");
        LockSupport.parkNanos(1_000L);
        LockSupport.parkNanos("blocker", 1_000L);
        LockSupport.parkUntil(System.currentTimeMillis() - 1);
        LockSupport.parkUntil("blocker", System.currentTimeMillis() - 1);
    }

    /** With java.util.HashMap* included: 10 new keys = 10 HashMap$Node, the first put's resize = 1 HashMap$Node[]. */
    static void hashMap() {
        Map<Integer, String> map = new HashMap<>();
        for (int i = 0; i < MAP_KEYS; i++) {
            map.put(i, "v");
        }
    }

    /**
     * The JDK classes the lab's own runs include (ConcurrentHashMap*, *BlockingQueue*,
     * CompletableFuture*), all loaded long before the agent, so they are retransformed:
     * ArrayBlockingQueue(4): its Object[] and ReentrantLock; 3 offers + 3 polls = 6 ReentrantLock
     * acquisitions; ConcurrentHashMap: 5 keys in distinct bins = 5 Node + 1 Node[] (no monitor);
     * CompletableFuture.completeExceptionally = 1 AltResult.
     */
    static void libraries() {
        ArrayBlockingQueue<Integer> q = new ArrayBlockingQueue<>(4);
        for (int i = 0; i < 3; i++) {
            q.offer(i);
        }
        for (int i = 0; i < 3; i++) {
            q.poll();
        }
        ConcurrentHashMap<Integer, String> map = new ConcurrentHashMap<>();
        for (int i = 0; i < 5; i++) {
            map.put(i, "v");
        }
        CompletableFuture<Integer> f = new CompletableFuture<>();
        f.completeExceptionally(FAILURE);
    }

    private static final RuntimeException FAILURE = new RuntimeException("expected");

    /**
     * WAITS forced waits on each of ReentrantLock, read lock, write lock and StampedLock write lock:
     * a holder thread takes the lock, this thread asks for it and parks, the holder sees it waiting
     * and releases. Exactly 4 * WAITS contended acquisitions and 4 * WAITS acquisitions.
     */
    static void contended() {
        ReentrantLock lock = new ReentrantLock();
        forceWaits(lock::lock, lock::unlock, lock::lock, lock::unlock);
        ReentrantReadWriteLock rw = new ReentrantReadWriteLock();
        forceWaits(rw.writeLock()::lock, rw.writeLock()::unlock, rw.readLock()::lock, rw.readLock()::unlock);
        forceWaits(rw.readLock()::lock, rw.readLock()::unlock, rw.writeLock()::lock, rw.writeLock()::unlock);
        StampedLock sl = new StampedLock();
        long[] holderStamp = new long[1];
        long[] waiterStamp = new long[1];
        forceWaits(() -> holderStamp[0] = sl.writeLock(), () -> sl.unlockWrite(holderStamp[0]),
                () -> waiterStamp[0] = sl.writeLock(), () -> sl.unlockWrite(waiterStamp[0]));
    }

    private static volatile int held;
    private static volatile int done;

    private static void forceWaits(Runnable holderLock, Runnable holderUnlock, Runnable waiterLock, Runnable waiterUnlock) {
        Thread waiter = Thread.currentThread();
        held = 0;
        done = 0;
        Thread holder = new Thread(() -> {
            for (int round = 1; round <= WAITS; round++) {
                holderLock.run();
                held = round;
                // The waiter parks inside the lock's queued slow path: WAITING state.
                while (waiter.getState() != Thread.State.WAITING) {
                    Thread.onSpinWait();
                }
                holderUnlock.run();
                while (done < round) {
                    Thread.onSpinWait();
                }
            }
        }, "holder");
        holder.start();
        for (int round = 1; round <= WAITS; round++) {
            while (held < round) {
                Thread.onSpinWait();
            }
            waiterLock.run();
            waiterUnlock.run();
            done = round;
        }
        join(holder);
    }

    /**
     * With every lock held by another thread: ReentrantLock tryLock() x2 and a timed tryLock that
     * times out, read and write tryLock(), StampedLock tryWriteLock() and a timed tryReadLock():
     * none counts, not even as contended. Then one successful tryLock(): exactly 1 acquisition.
     */
    static void failedTry() {
        ReentrantLock lock = new ReentrantLock();
        ReentrantReadWriteLock rw = new ReentrantReadWriteLock();
        StampedLock sl = new StampedLock();
        Object[] release = new Object[1];
        held = 0;
        done = 0;
        Thread holder = new Thread(() -> {
            lock.lock();
            rw.writeLock().lock();
            long stamp = sl.writeLock();
            held = 1;
            while (done < 1) {
                Thread.onSpinWait();
            }
            sl.unlockWrite(stamp);
            rw.writeLock().unlock();
            lock.unlock();
            held = 2;
        }, "holder");
        holder.start();
        while (held < 1) {
            Thread.onSpinWait();
        }
        try {
            check(!lock.tryLock());
            check(!lock.tryLock());
            check(!lock.tryLock(5, TimeUnit.MILLISECONDS));
            check(!rw.readLock().tryLock());
            check(!rw.writeLock().tryLock());
            check(!rw.readLock().tryLock(5, TimeUnit.MILLISECONDS));
            check(sl.tryWriteLock() == 0L);
            check(sl.tryReadLock(5, TimeUnit.MILLISECONDS) == 0L);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
        done = 1;
        while (held < 2) {
            Thread.onSpinWait();
        }
        check(lock.tryLock());
        lock.unlock();
        join(holder);
    }

    private static void check(boolean ok) {
        if (!ok) {
            throw new IllegalStateException("scenario precondition failed");
        }
    }

    private static void runTwice(String name, Runnable scenario) {
        runOn("warmup-" + name, scenario);
        runOn("it-" + name, scenario);
    }

    private static void runOn(String threadName, Runnable scenario) {
        Throwable[] failure = new Throwable[1];
        Thread t = new Thread(() -> {
            try {
                scenario.run();
            } catch (Throwable e) {
                failure[0] = e;
            }
        }, threadName);
        t.start();
        join(t);
        if (failure[0] != null) {
            throw new IllegalStateException(threadName + " failed", failure[0]);
        }
    }

    private static void join(Thread t) {
        try {
            t.join();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void awaitAgent() throws InterruptedException, IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            Object status = agentField("status");
            if (status != null) {
                System.out.println("agent status: " + status);
                return;
            }
            Thread.sleep(20);
        }
        System.exit(4);
    }

    /** A field of the bootstrap-loaded counters class, or null while no agent is there. */
    private static Object agentField(String name) throws IOException {
        try {
            return Class.forName("lab.agent.runtime.LabCounters", false, null).getField(name).get(null);
        } catch (ClassNotFoundException notYet) {
            return null;
        } catch (ReflectiveOperationException e) {
            throw new IOException(e);
        }
    }

    private static void awaitFile(Path file) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!Files.exists(file)) {
            if (System.nanoTime() > deadline) {
                System.exit(3);
            }
            Thread.sleep(20);
        }
    }
}
