package lab.agent.runtime;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The counters. WARNING: this class must only ever be loaded by the bootstrap class loader.
 *
 * <p>Advice inlined into {@code java.util.concurrent.locks} can only link against classes the
 * bootstrap loader sees, and a second copy of this class in another loader would count into
 * arrays nobody reads. So the agent jar does not carry it under its class name: the build stores
 * its bytes as a resource, and the agent appends them to the bootstrap search path at install.
 * Everything else reads it reflectively through {@code Class.forName(NAME, false, null)}.
 *
 * <p>The hot path ({@link #count(int)}) is one {@code ThreadLocal} lookup and one plain increment
 * of a per-thread {@code long[]}: no atomics (a contended-free {@code LongAdder} or CAS costs
 * 5-9 ns here, a plain increment about 0.5 ns). The code below must never take a
 * {@code java.util.concurrent.locks} lock, park, use a {@code synchronized} block on a shared
 * object, use lambdas, or touch a class the agent may instrument: it runs inside
 * {@code ReentrantLock.lock()}, {@code LockSupport.park()} and inside allocations of included
 * classes, and must not recurse into itself. The registry of all threads' arrays is guarded by a
 * CAS spin flag that is only taken when a thread first counts, when its array grows, and by
 * readers; a thread always installs its own array in the {@code ThreadLocal} before it takes the
 * flag, so a count made while the flag is held never needs the flag again.
 *
 * <p>Slots: fixed slots for lock kinds, contention and parks, then one slot per allocated class
 * ({@link #ALLOC_BASE} + the id that {@link #classId(String)} gave the class at transform time).
 */
public final class LabCounters {
    public static final String NAME = "lab.agent.runtime.LabCounters";

    public static final int REENTRANT_LOCK = 0;
    public static final int READ_LOCK = 1;
    public static final int WRITE_LOCK = 2;
    public static final int STAMPED_LOCK = 3;
    public static final int MONITOR = 4;
    /** Number of lock-kind slots: acquisitions = sum of slots [0, LOCK_KINDS). */
    public static final int LOCK_KINDS = 5;
    public static final int CONTENDED = 5;
    public static final int PARK = 6;
    public static final int ALLOC_BASE = 8;

    /** Set by the agent after install: "ok" or what failed in the self-test. */
    public static volatile String status;
    /** "counting" once installed; "removed" when an attached agent's duration ran out and it restored the classes. */
    public static volatile String state;
    /** Classes the agent could not instrument (their monitors/allocations are not counted), or null. */
    public static volatile String warnings;
    /** The options string the agent was started with. */
    public static volatile String options;

    private static final ThreadLocal<long[]> LOCAL = new ThreadLocal<long[]>();
    private static final AtomicInteger GUARD = new AtomicInteger();

    // --- state below is only touched while holding GUARD ---
    private static Thread[] liveThreads = new Thread[64];
    private static long[][] liveArrays = new long[64][];
    private static int liveSize;

    /** Sum over every thread that has exited (never capped). */
    private static long[] retiredTotals = new long[64];
    /** Exited threads' counts by name (open addressing); names beyond the cap share one row. */
    private static final int MAX_RETIRED_NAMES = 4096;
    public static final String OTHER_EXITED = "(other exited threads)";
    private static String[] retiredNames = new String[64];
    private static long[][] retiredArrays = new long[64][];
    private static int retiredSize;
    private static int[] retiredIndex = newIndex(128);

    private static String[] classNames = new String[64];
    private static volatile int classCount;

    private LabCounters() {
    }

    /** The only hot-path entry: called from inlined advice and instrumented bytecode. */
    public static void count(int slot) {
        long[] a = LOCAL.get();
        if (a == null || slot >= a.length) {
            a = grow(slot);
        }
        a[slot]++;
    }

    /** The id of an allocated class name ("a.b.C", "int[]"); slot = ALLOC_BASE + id. */
    public static int classId(String className) {
        mine();
        lock();
        try {
            for (int i = 0; i < classCount; i++) {
                if (classNames[i].equals(className)) {
                    return i;
                }
            }
            if (classCount == classNames.length) {
                classNames = copyOf(classNames, classNames.length * 2);
            }
            classNames[classCount] = className;
            classCount = classCount + 1;
            return classCount - 1;
        } finally {
            unlock();
        }
    }

    /** Names of allocated classes by id. */
    public static String[] classNames() {
        mine();
        lock();
        try {
            return copyOf(classNames, classCount);
        } finally {
            unlock();
        }
    }

    /** A copy of the calling thread's counters (registers it if needed). */
    public static long[] mine() {
        long[] a = LOCAL.get();
        if (a == null) {
            a = grow(0);
        }
        return copyOf(a, a.length);
    }

    /** Zeroes the calling thread's own counters (the self-test uses it not to pollute reports). */
    public static void discardMine() {
        long[] a = LOCAL.get();
        if (a != null) {
            for (int i = 0; i < a.length; i++) {
                a[i] = 0;
            }
        }
    }

    /** Totals over every thread, live and exited, indexed by slot. */
    public static long[] totals() {
        mine();
        lock();
        try {
            pruneDead();
            long[] sum = new long[width()];
            add(sum, retiredTotals);
            for (int i = 0; i < liveSize; i++) {
                add(sum, liveArrays[i]);
            }
            return sum;
        } finally {
            unlock();
        }
    }

    /**
     * Per-thread rows: {@code Object[]{String[] names, long[][] counts}}, live threads under their
     * current name and exited threads under the name they had; equal names are not merged here.
     */
    public static Object[] byThread() {
        mine();
        lock();
        try {
            pruneDead();
            int n = liveSize + retiredSize;
            String[] names = new String[n];
            long[][] rows = new long[n][];
            for (int i = 0; i < liveSize; i++) {
                names[i] = liveThreads[i].getName();
                rows[i] = copyOf(liveArrays[i], liveArrays[i].length);
            }
            for (int i = 0; i < retiredSize; i++) {
                names[liveSize + i] = retiredNames[i];
                rows[liveSize + i] = copyOf(retiredArrays[i], retiredArrays[i].length);
            }
            return new Object[] {names, rows};
        } finally {
            unlock();
        }
    }

    // ------------------------------------------------------------------------------------------

    private static long[] grow(int slot) {
        long[] old = LOCAL.get();
        int need = Math.max(slot + 1, ALLOC_BASE + classCount + 8);
        int len = 32;
        while (len < need) {
            len <<= 1;
        }
        long[] a = new long[len];
        if (old != null) {
            System.arraycopy(old, 0, a, 0, old.length);
        }
        // Installed before taking the flag: anything counted from here on lands in 'a'.
        LOCAL.set(a);
        lock();
        try {
            if (old == null) {
                register(Thread.currentThread(), a);
            } else {
                for (int i = 0; i < liveSize; i++) {
                    if (liveArrays[i] == old) {
                        liveArrays[i] = a;
                        break;
                    }
                }
            }
        } finally {
            unlock();
        }
        return a;
    }

    private static void register(Thread t, long[] a) {
        if (liveSize == liveThreads.length) {
            pruneDead();
            if (liveSize * 2 > liveThreads.length) {
                Thread[] nt = new Thread[liveThreads.length * 2];
                System.arraycopy(liveThreads, 0, nt, 0, liveSize);
                liveThreads = nt;
                long[][] na = new long[liveArrays.length * 2][];
                System.arraycopy(liveArrays, 0, na, 0, liveSize);
                liveArrays = na;
            }
        }
        liveThreads[liveSize] = t;
        liveArrays[liveSize] = a;
        liveSize++;
    }

    /**
     * Folds exited threads into the retired rows. {@code isAlive() == false} happens-after the
     * thread's last action (JLS 17.4.4), so its last increments are visible here.
     */
    private static void pruneDead() {
        int w = 0;
        for (int r = 0; r < liveSize; r++) {
            Thread t = liveThreads[r];
            long[] a = liveArrays[r];
            if (t.isAlive()) {
                liveThreads[w] = t;
                liveArrays[w] = a;
                w++;
            } else {
                retire(t.getName(), a);
            }
        }
        for (int i = w; i < liveSize; i++) {
            liveThreads[i] = null;
            liveArrays[i] = null;
        }
        liveSize = w;
    }

    private static void retire(String name, long[] a) {
        if (retiredTotals.length < a.length) {
            retiredTotals = copyOf(retiredTotals, a.length);
        }
        add(retiredTotals, a);
        if (isZero(a)) {
            return;
        }
        int row = findRetired(name);
        if (row < 0) {
            if (retiredSize >= MAX_RETIRED_NAMES) {
                row = findRetired(OTHER_EXITED);
                if (row < 0) {
                    row = newRetired(OTHER_EXITED);
                }
            } else {
                row = newRetired(name);
            }
        }
        if (retiredArrays[row].length < a.length) {
            retiredArrays[row] = copyOf(retiredArrays[row], a.length);
        }
        add(retiredArrays[row], a);
    }

    private static int findRetired(String name) {
        int mask = retiredIndex.length - 1;
        for (int h = name.hashCode() & mask; ; h = (h + 1) & mask) {
            int row = retiredIndex[h];
            if (row < 0) {
                return -1;
            }
            if (retiredNames[row].equals(name)) {
                return row;
            }
        }
    }

    private static int newRetired(String name) {
        if (retiredSize == retiredNames.length) {
            retiredNames = copyOf(retiredNames, retiredSize * 2);
            long[][] na = new long[retiredSize * 2][];
            System.arraycopy(retiredArrays, 0, na, 0, retiredSize);
            retiredArrays = na;
        }
        int row = retiredSize++;
        retiredNames[row] = name;
        retiredArrays[row] = new long[ALLOC_BASE];
        if (retiredSize * 2 > retiredIndex.length) {
            retiredIndex = newIndex(retiredIndex.length * 2);
            for (int i = 0; i < retiredSize; i++) {
                index(retiredNames[i], i);
            }
        } else {
            index(name, row);
        }
        return row;
    }

    private static void index(String name, int row) {
        int mask = retiredIndex.length - 1;
        int h = name.hashCode() & mask;
        while (retiredIndex[h] >= 0) {
            h = (h + 1) & mask;
        }
        retiredIndex[h] = row;
    }

    private static int[] newIndex(int size) {
        int[] idx = new int[size];
        for (int i = 0; i < size; i++) {
            idx[i] = -1;
        }
        return idx;
    }

    private static int width() {
        int w = Math.max(retiredTotals.length, ALLOC_BASE + classCount);
        for (int i = 0; i < liveSize; i++) {
            w = Math.max(w, liveArrays[i].length);
        }
        return w;
    }

    private static void add(long[] into, long[] from) {
        int n = Math.min(into.length, from.length);
        for (int i = 0; i < n; i++) {
            into[i] += from[i];
        }
    }

    private static boolean isZero(long[] a) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static long[] copyOf(long[] a, int len) {
        long[] c = new long[len];
        System.arraycopy(a, 0, c, 0, Math.min(a.length, len));
        return c;
    }

    private static String[] copyOf(String[] a, int len) {
        String[] c = new String[len];
        System.arraycopy(a, 0, c, 0, Math.min(a.length, len));
        return c;
    }

    private static void lock() {
        int spins = 0;
        while (!GUARD.compareAndSet(0, 1)) {
            if (++spins < 100) {
                Thread.onSpinWait();
            } else {
                Thread.yield();
            }
        }
    }

    private static void unlock() {
        GUARD.set(0);
    }
}
