package lab.core.store;

/**
 * The lookup key of the {@code Integer}-keyed maps (HashMap in the lock-based stores,
 * ConcurrentHashMap in ConcurrentStore), built so that C2 can remove it.
 *
 * <p>What to notice. {@code map.get(id)} autoboxes with {@code Integer.valueOf}, whose result is
 * either a cached Integer (-128..127) or a new one. C2's escape analysis cannot scalar-replace an
 * allocation whose value merges with another object at a phi, so that box reaches the heap even
 * though {@code HashMap.get} inlines completely: 16 B/op on every read of an id above 127,
 * measured with {@code -prof gc} on JDK 17 and on JDK 25 (and the same 16 B/op with escape analysis
 * switched off). A plain {@code new Integer(id)} never merges with anything; once the map's get
 * inlines, escape analysis removes it and the read allocates nothing (0 B/op measured, HashMap
 * and ConcurrentHashMap alike). Go's {@code map[int]*Task} never boxed, so this keeps the log's
 * "0 allocs on read" without changing the map.
 *
 * <p>The allocation is removed by the JIT, not absent from the bytecode: the lab agent's
 * allocation count (sites executed, before escape analysis) shows 1 per read here while JMH's
 * {@code gc.alloc.rate.norm} (bytes after it) shows 0 — the difference DESIGN.md asks to show side
 * by side. Keys that are stored (put) are boxed normally: they live in the map.
 */
final class Keys {

    private Keys() {
    }

    /** A fresh box for a lookup: never cached, so escape analysis can scalar-replace it. */
    @SuppressWarnings({"deprecation", "removal"})
    static Integer lookup(int id) {
        return new Integer(id);
    }
}
