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
 * <p>The hot path ({@link #count(int)}) finds the calling thread's plain {@code long[]} in a table
 * indexed by the thread's id and increments one slot: no atomics (a contention-free
 * {@code LongAdder} or CAS costs 5-9 ns here, a plain increment about 0.5 ns) and no
 * {@code ThreadLocal}. Why not a {@code ThreadLocal}: a lock's count runs right after the lock's
 * CAS, which on x86 waits for every earlier memory access, so each dependent load of the lookup
 * is paid in full: {@code ThreadLocal.get()} is six dependent loads from the thread (threadLocals,
 * its table, the table's length, the entry, the value, the value's length, plus a type check),
 * measured at +4 ns per lock on a quiet machine. The table lookup is three: the thread's id, then
 * {@link #ARRAYS}{@code [i]} and {@link #OWNERS}{@code [i]} side by side, then the slot.
 * {@code OWNERS[i] == Thread.currentThread()} (identity, not the id, so that a {@code Thread}
 * subclass overriding {@code getId()} can only ever be slower, never miscounted) proves the array
 * is the caller's own: only a thread writes its own row, and a row is taken over only from a dead
 * thread. Threads whose row is held by a live thread (ids are {@code & MASK}), and a thread
 * counting while it registers, fall back to a {@code ThreadLocal}: slower, equally exact.
 *
 * <p>Lock advice goes one step further: it looks the array up on entry ({@link #row()}), where the
 * loads overlap the lock's own loads before its CAS, and after the CAS only increments
 * ({@link #count(long[], int)}). The array it holds may be replaced meanwhile (it grows when a new
 * allocated class needs a slot, say inside the lock call); so growth never copies counts: a
 * thread's counts are the sum of its current array and the ones it grew out of, and an increment
 * that lands in a replaced array still counts.
 *
 * <p>Counting windows ({@link #startWindow()}): readers report counts since the window started,
 * by subtracting each live thread's counts at that moment; the hot path never changes.
 *
 * <p>The code below must never take a {@code java.util.concurrent.locks} lock, park, use a
 * {@code synchronized} block on a shared object, use lambdas, or touch a class the agent may
 * instrument: it runs inside {@code ReentrantLock.lock()}, {@code LockSupport.park()} and inside
 * allocations of included classes, and must not recurse into itself. The registry of all threads'
 * arrays is guarded by a CAS spin flag that is only taken when a thread first counts, when its
 * array grows, when it claims its table row, and by readers; a thread always installs its own
 * array in the {@code ThreadLocal} before it takes the flag, so a count made while the flag is
 * held never needs the flag again.
 *
 * <p>Slots: fixed slots for lock kinds, contention and parks, then one slot per allocated class
 * ({@link #ALLOC_BASE} + the id that {@link #classId(String)} gave the class at transform time).
 * Slot {@link #TABLE_STATE} is bookkeeping, not a count: every array handed out has it zeroed.
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
    /** Not a count: slow-path calls since the thread last tried to claim its table row. */
    static final int TABLE_STATE = 7;
    public static final int ALLOC_BASE = 8;

    /** Set by the agent after install: "ok" or what failed in the self-test. */
    public static volatile String status;
    /** "counting" once installed; "removed" when an attached agent's duration ran out and it restored the classes. */
    public static volatile String state;
    /** Classes the agent could not instrument (their monitors/allocations are not counted), or null. */
    public static volatile String warnings;
    /** The options string the agent was started with. */
    public static volatile String options;

    /** Rows of the thread table: 4096, so ids of the threads alive at once rarely collide. */
    private static final int TABLE_SIZE = 1 << 12;
    private static final int MASK = TABLE_SIZE - 1;
    /** A thread retries claiming a row held by another thread once per this many slow-path counts. */
    private static final int CLAIM_RETRY = 1 << 16;
    /** Each row: the counters of the thread in OWNERS at the same index. Written under GUARD. */
    private static final long[][] ARRAYS = new long[TABLE_SIZE][];
    private static final Thread[] OWNERS = new Thread[TABLE_SIZE];

    private static final ThreadLocal<long[]> LOCAL = new ThreadLocal<long[]>();
    private static final AtomicInteger GUARD = new AtomicInteger();

    // --- state below is only touched while holding GUARD ---
    private static Thread[] liveThreads = new Thread[64];
    private static long[][] liveArrays = new long[64][];
    /** Each live thread's counts when the current window started (null: registered since, zero). */
    private static long[][] liveBase = new long[64][];
    /**
     * Each live thread's earlier arrays, replaced when its array grew (null: none). Growth does
     * not copy counts: the old array may still receive the increment of a lock call that fetched
     * it ({@link #row()}) before the growth, so a thread's counts are the sum of all its arrays.
     */
    private static long[][][] liveOld = new long[64][][];
    private static int liveSize;

    /** Sum over every thread that has exited during the window (never capped). */
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
        Thread t = Thread.currentThread();
        int i = (int) t.getId() & MASK;
        long[] a = ARRAYS[i];
        if (OWNERS[i] == t && slot < a.length) {
            a[slot]++;
        } else {
            countSlow(t, i, slot);
        }
    }

    /**
     * The calling thread's counters array if the thread owns its table row, else null. Lock advice
     * fetches it on entry, before the lock's CAS, so that these loads overlap the lock's own and
     * the count after the CAS is a single increment ({@link #count(long[], int)}).
     */
    public static long[] row() {
        Thread t = Thread.currentThread();
        int i = (int) t.getId() & MASK;
        long[] a = ARRAYS[i];
        return OWNERS[i] == t ? a : null;
    }

    /** Counts into {@code row} from {@link #row()} (taken by the same thread), or the usual way when null. */
    public static void count(long[] row, int slot) {
        if (row != null && slot < row.length) {
            row[slot]++;
        } else {
            count(slot);
        }
    }

    /** Not in the table (yet, or its row is another live thread's), or the array must grow. */
    private static void countSlow(Thread t, int i, int slot) {
        long[] a = LOCAL.get();
        if (a == null || slot >= a.length) {
            a = grow(slot);
        } else if ((a[TABLE_STATE]++ & (CLAIM_RETRY - 1)) == 0) {
            claim(t, i, a);
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

    /** Whether {@code t}'s counts currently take the table's fast path (tests use it). */
    static boolean ownsRow(Thread t) {
        int row = (int) t.getId() & MASK;
        lock();
        try {
            return OWNERS[row] == t;
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
        lock();
        try {
            for (int i = 0; i < liveSize; i++) {
                if (liveArrays[i] == a) {
                    return sum(a, liveOld[i]);
                }
            }
            return copyOf(a, a.length);
        } finally {
            unlock();
        }
    }

    /** Zeroes the calling thread's own counters (the self-test uses it not to pollute reports). */
    public static void discardMine() {
        long[] a = LOCAL.get();
        if (a == null) {
            return;
        }
        for (int i = 0; i < a.length; i++) {
            a[i] = 0;
        }
        lock();
        try {
            for (int i = 0; i < liveSize; i++) {
                if (liveArrays[i] == a) {
                    liveBase[i] = null;
                    liveOld[i] = null;
                }
            }
        } finally {
            unlock();
        }
    }

    /**
     * Starts a counting window: from now on {@link #totals()} and {@link #byThread()} count only
     * what happens after this call. Live threads keep their arrays (their increments are never
     * interrupted); their current values become the base that readers subtract. Exited threads'
     * rows belong to the previous window and are dropped.
     */
    public static void startWindow() {
        mine();
        lock();
        try {
            pruneDead();
            retiredTotals = new long[64];
            retiredNames = new String[64];
            retiredArrays = new long[64][];
            retiredSize = 0;
            retiredIndex = newIndex(128);
            for (int i = 0; i < liveSize; i++) {
                liveBase[i] = sum(liveArrays[i], liveOld[i]);
            }
        } finally {
            unlock();
        }
    }

    /** Totals over every thread, live and exited, since the window started, indexed by slot. */
    public static long[] totals() {
        mine();
        lock();
        try {
            pruneDead();
            long[] sum = new long[width()];
            add(sum, retiredTotals);
            for (int i = 0; i < liveSize; i++) {
                add(sum, liveArrays[i]);
                addAll(sum, liveOld[i]);
                subtract(sum, liveBase[i]);
            }
            return sum;
        } finally {
            unlock();
        }
    }

    /**
     * Per-thread rows since the window started: {@code Object[]{String[] names, long[][] counts}},
     * live threads under their current name and exited threads under the name they had; equal
     * names are not merged here.
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
                rows[i] = sum(liveArrays[i], liveOld[i]);
                subtract(rows[i], liveBase[i]);
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
            a[TABLE_STATE] = old[TABLE_STATE];
        }
        // Installed before taking the flag: anything counted from here on lands in 'a'.
        LOCAL.set(a);
        Thread t = Thread.currentThread();
        int row = (int) t.getId() & MASK;
        lock();
        try {
            if (old == null) {
                register(t, a);
            } else {
                for (int i = 0; i < liveSize; i++) {
                    if (liveArrays[i] == old) {
                        liveArrays[i] = a;
                        liveOld[i] = append(liveOld[i], old);
                        break;
                    }
                }
            }
            claimLocked(t, row, a);
        } finally {
            unlock();
        }
        return a;
    }

    private static void claim(Thread t, int row, long[] a) {
        lock();
        try {
            claimLocked(t, row, a);
        } finally {
            unlock();
        }
    }

    /**
     * Puts {@code a} in the table at {@code row} if the row is free, already {@code t}'s, or held
     * by a thread that has exited. The array first, then the owner: the owner's own later reads see
     * both, and no other thread ever matches {@code OWNERS[row] == itself} for this row.
     */
    private static void claimLocked(Thread t, int row, long[] a) {
        Thread owner = OWNERS[row];
        if (owner == null || owner == t || !owner.isAlive()) {
            ARRAYS[row] = a;
            OWNERS[row] = t;
        }
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
                long[][] nb = new long[liveBase.length * 2][];
                System.arraycopy(liveBase, 0, nb, 0, liveSize);
                liveBase = nb;
                long[][][] no = new long[liveOld.length * 2][][];
                System.arraycopy(liveOld, 0, no, 0, liveSize);
                liveOld = no;
            }
        }
        liveThreads[liveSize] = t;
        liveArrays[liveSize] = a;
        liveBase[liveSize] = null;
        liveOld[liveSize] = null;
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
            long[] base = liveBase[r];
            long[][] old = liveOld[r];
            if (t.isAlive()) {
                liveThreads[w] = t;
                liveArrays[w] = a;
                liveBase[w] = base;
                liveOld[w] = old;
                w++;
            } else {
                long[] since = sum(a, old);
                subtract(since, base);
                retire(t.getName(), since);
                int row = (int) t.getId() & MASK;
                if (OWNERS[row] == t) {
                    // Exited: nobody will match it again; let the Thread be collected.
                    OWNERS[row] = null;
                    ARRAYS[row] = null;
                }
            }
        }
        for (int i = w; i < liveSize; i++) {
            liveThreads[i] = null;
            liveArrays[i] = null;
            liveBase[i] = null;
            liveOld[i] = null;
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
            if (i != TABLE_STATE) {
                into[i] += from[i];
            }
        }
    }

    /** A thread's counts: its current array plus the arrays it grew out of. */
    private static long[] sum(long[] current, long[][] old) {
        long[] s = copyOf(current, current.length);
        addAll(s, old);
        return s;
    }

    private static void addAll(long[] into, long[][] arrays) {
        if (arrays != null) {
            for (long[] a : arrays) {
                add(into, a);
            }
        }
    }

    private static long[][] append(long[][] arrays, long[] a) {
        int n = arrays == null ? 0 : arrays.length;
        long[][] grown = new long[n + 1][];
        if (arrays != null) {
            System.arraycopy(arrays, 0, grown, 0, n);
        }
        grown[n] = a;
        return grown;
    }

    private static void subtract(long[] from, long[] base) {
        if (base == null) {
            return;
        }
        int n = Math.min(from.length, base.length);
        for (int i = 0; i < n; i++) {
            if (i != TABLE_STATE) {
                from[i] -= base[i];
            }
        }
    }

    private static boolean isZero(long[] a) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] != 0 && i != TABLE_STATE) {
                return false;
            }
        }
        return true;
    }

    /** A copy of a counters array, without the bookkeeping slot. */
    private static long[] copyOf(long[] a, int len) {
        long[] c = new long[len];
        System.arraycopy(a, 0, c, 0, Math.min(a.length, len));
        if (len > TABLE_STATE) {
            c[TABLE_STATE] = 0;
        }
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
