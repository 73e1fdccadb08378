package lab.core.store;

/**
 * The lookup key of the {@code Integer}-keyed maps (HashMap in MemoryStore and ShardUnit,
 * ConcurrentHashMap in ConcurrentStore), built so that C2 can remove it.
 *
 * <p>What to notice. {@code map.get(id)} autoboxes with {@code Integer.valueOf}, whose result is
 * either a cached Integer (-128..127) or a new one. C2's escape analysis does not scalar-replace an
 * allocation whose value merges with another object at a phi, so that box reaches the heap even
 * though {@code HashMap.get} inlines completely ({@code -XX:+PrintInlining}): 16 B/op on every
 * read of an id above 127, measured with {@code -prof gc} for HashMap and ConcurrentHashMap on
 * JDK 17 and JDK 25, and the same 16 B/op with {@code -XX:-DoEscapeAnalysis}. A plain
 * {@code new Integer(id)} merges with nothing; once the map's get inlines, escape analysis removes
 * it: 0 B/op measured on JDK 17 for every Integer-keyed store. Go's {@code map[int]*Task} never
 * boxed, so this keeps the log's "0 allocs on read" without changing the map.
 *
 * <p>The limit, measured too: the removal is the JIT's decision, not a guarantee. On JDK 25 C2
 * does not inline the rarely taken {@code equals} of {@code HashMap.getNode}'s collision-chain
 * loop ("low call site frequency"), the key escapes into that call, and MEMORY and the SHARD
 * family read at 16 B/op again (CONCURRENT stays at 0 there). An unboxed int map would make the
 * rule hold on every JVM; NON_BLOCKING and DENSE_ARRAY are allocation-free by construction.
 *
 * <p>The allocation is removed by the JIT, not absent from the bytecode: the lab agent's
 * allocation count (sites executed, before escape analysis) shows 1 per read here while JMH's
 * {@code gc.alloc.rate.norm} (bytes after it) shows 0, the difference DESIGN.md asks to show side
 * by side. The same holds for the lookups of update ({@code replace}) and delete ({@code remove}):
 * their key is only compared, never stored. Keys that are stored (put) are boxed normally: they
 * live in the map.
 */
final class Keys {

    private Keys() {
    }

    /** A fresh box for a lookup: never the cached one, so escape analysis can scalar-replace it. */
    @SuppressWarnings({"deprecation", "removal"})
    static Integer lookup(int id) {
        return new Integer(id);
    }
}
