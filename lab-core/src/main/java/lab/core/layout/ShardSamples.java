package lab.core.layout;

import lab.core.store.MemoryStore;
import lab.core.store.ShardStore;
import lab.core.store.ShardUnit;
import lab.core.store.ShardUnitStore;
import lab.core.store.TaskStore;

import java.lang.reflect.Field;

/**
 * The decision log's Phase 3 on the JVM: a full {@link MemoryStore} used as a shard of
 * {@link ShardStore}, next to the slim {@link ShardUnit} of {@link ShardUnitStore}.
 *
 * <p>What to notice. The log says the Go struct shrinks from 64 to 32 bytes because {@code nextID}
 * and {@code idMutex} go away. On the JVM the shard object itself is only a header and a handful
 * of references (the lock and the map are separate objects), so the shallow saving is a few
 * references and an int; the deep saving is larger: the unused {@code ReentrantLock} is two more
 * objects (the lock and its {@code NonfairSync}). Both are tiny next to the map's own nodes, which
 * are the same in both: per stored task the two shards cost the same.
 *
 * <p>The samples are taken from real parent stores (their shard arrays, found by type), so they
 * are the shards exactly as the stores build them (presized maps included).
 */
final class ShardSamples {

    private ShardSamples() {
    }

    /** Shard 0 of a new ShardStore (a MemoryStore), after {@code perShard} tasks per shard were created. */
    static Object memoryStoreShard(int perShard) {
        return shardOf(new ShardStore(), MemoryStore.class, perShard);
    }

    /** Shard 0 of a new ShardUnitStore, after {@code perShard} tasks per shard were created. */
    static Object shardUnit(int perShard) {
        return shardOf(new ShardUnitStore(), ShardUnit.class, perShard);
    }

    private static Object shardOf(TaskStore store, Class<?> shardType, int perShard) {
        Object[] shards = shardArray(store, shardType);
        // ids go to shard id & (n - 1): n * perShard creates put perShard tasks in every shard.
        for (int i = 1; i <= shards.length * perShard; i++) {
            store.create(SampleTasks.draft(i));
        }
        store.close(); // neither store starts a thread; closing only marks it
        return shards[0];
    }

    static Object[] shardArray(Object store, Class<?> shardType) {
        for (Class<?> c = store.getClass(); c != null; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (f.getType().isArray() && f.getType().getComponentType() == shardType) {
                    try {
                        f.setAccessible(true);
                        return (Object[]) f.get(store);
                    } catch (ReflectiveOperationException e) {
                        throw new IllegalStateException("cannot read " + f, e);
                    }
                }
            }
        }
        throw new IllegalStateException(store.getClass().getName() + " has no " + shardType.getSimpleName() + "[] field");
    }
}
