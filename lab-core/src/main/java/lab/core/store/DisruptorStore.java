package lab.core.store;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import com.lmax.disruptor.BatchEventProcessor;
import com.lmax.disruptor.BatchEventProcessorBuilder;
import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.InsufficientCapacityException;
import com.lmax.disruptor.RingBuffer;

/**
 * ChannelStore's actor done the JVM way: one thread owns a plain {@code HashMap} and the id
 * counter, every operation is a message, but the messages travel through an LMAX Disruptor ring
 * (multi-producer, preallocated events, no lock on the publish path) and each caller gets its
 * answer in a reply slot of its own, reused for every request it makes, instead of a
 * {@code CompletableFuture} per request. Nothing is allocated per operation but what the
 * operation itself returns (the stored task of a create, getAll's list): a read is 0 B/op, where
 * CHANNEL pays its message, its future and the future's wait node.
 *
 * <p>What to notice. Whether the actor model or the wake-up made the log's ChannelStore slow
 * is the question. With {@link ActorWait#BLOCKING} both sides still park and unpark per request
 * (the ring's consumer on the ring's lock and condition, the caller on its slot), so the wake-up
 * floor ({@code WakeupFloorBenchmark.parkUnpark}) is the least a read can cost; with a spinning
 * {@link ActorWait} and a core per spinning thread the hand-off is a cache-line transfer. The wait
 * strategy is a constructor argument (the benchmarks' {@code wait} param).
 *
 * <p>Concurrency choice. Confinement, as in ChannelStore: only the actor thread touches the map
 * and {@code nextId}, so neither needs a lock or a volatile; every operation, size and getAll
 * included, is linearizable with dense ids. The ring's sequence (a CAS per publish) orders the
 * callers; a caller publishes its event only after writing its arguments, and the ring's publish
 * makes them visible to the actor. The actor answers by writing the result into the caller's
 * {@link Reply} and then its volatile {@code state}; the caller reads the result after seeing the
 * state change. A caller that parked announced it first ({@code parked}, volatile) and re-checked
 * the state, and the actor unparks only announced callers: no lost wake-up (both sides write one
 * volatile and then read the other's), and no unpark syscall for a caller that is still spinning.
 *
 * <p>Close. {@code close()} marks the store closed, publishes a stop event behind everything
 * already published, and joins the actor, which serves every event before the stop and then ends
 * ({@code actorDone}, volatile, written after its last answer). A caller waits until its slot is
 * answered or the actor is done; in the second case it fails its own slot with a CAS (the actor
 * can no longer answer, so the CAS decides) and throws {@link StoreClosedException}. A request
 * published after the stop is therefore failed by its own caller, and one that is stuck behind a
 * full ring gives up once the store is closed (it claims its slot with {@code tryNext}, never with
 * the blocking {@code next}). Parked callers recheck every {@link #PARK_CHECK_NANOS} in case the
 * actor ended without reaching them (an {@code Error} in the actor, a JVM shutting down): a
 * request is always answered or failed, never left waiting.
 */
public final class DisruptorStore implements TaskStore {

    /** Ring size: a power of two, as the Disruptor requires; the same bound as ChannelStore's queue. */
    static final int RING_SIZE = 1024;
    /** How often a parked caller wakes by itself to see whether the actor has ended (only then). */
    static final long PARK_CHECK_NANOS = 50_000_000L;

    private static final AtomicInteger INSTANCES = new AtomicInteger();

    private static final int CREATE = 0;
    private static final int GET = 1;
    private static final int UPDATE = 2;
    private static final int DELETE = 3;
    private static final int GET_ALL = 4;
    private static final int SIZE = 5;
    private static final int STOP = 6;
    private static final int CREATE_MANY = 7;

    /** One preallocated slot of the ring: the operation, its arguments, and where to answer. */
    static final class Request {
        int op;
        int id;
        Task task;
        Reply reply;
    }

    /**
     * A caller's answer slot, one per caller thread and store, reused for every request: a thread
     * has at most one request in flight (it waits for each answer), so one slot suffices.
     */
    static final class Reply {
        static final int PENDING = 0;
        static final int ANSWERED = 1;
        static final int FAILED = 2;
        private static final VarHandle STATE;

        static {
            try {
                STATE = MethodHandles.lookup().findVarHandle(Reply.class, "state", int.class);
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }

        final Thread caller = Thread.currentThread();
        volatile int state;
        volatile boolean parked;
        // Written by the actor before its volatile write of state, read by the caller after its
        // volatile read of state: plain fields suffice.
        Object value;
        int number;
        RuntimeException failure;

        void answer() {
            state = ANSWERED;
            if (parked) {
                LockSupport.unpark(caller);
            }
        }

        /** The caller's own verdict once the actor is done: true when no answer came in time. */
        boolean failIfPending() {
            return STATE.compareAndSet(this, PENDING, FAILED);
        }
    }

    private final RingBuffer<Request> ring;
    private final BatchEventProcessor<Request> processor;
    private final Thread actor;
    private final ActorWait wait;
    private final ThreadLocal<Reply> replies = ThreadLocal.withInitial(Reply::new);
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile boolean actorDone;
    // Test seam, null in production: runs between a request's closed check and its publish, so a
    // test can hold a request in the window where close() completes before it is published.
    private final Runnable beforePublish;

    // Confined to the actor thread: no lock, no volatile.
    private final HashMap<Integer, Task> tasks = new HashMap<>();
    private int nextId;
    private boolean stopped;

    /** A store whose actor and callers block ({@link ActorWait#BLOCKING}), as {@link StoreType#create()} makes it. */
    public DisruptorStore() {
        this(ActorWait.BLOCKING);
    }

    public DisruptorStore(ActorWait wait) {
        this(wait, null);
    }

    DisruptorStore(ActorWait wait, Runnable beforePublish) {
        this.wait = wait;
        this.beforePublish = beforePublish;
        this.ring = RingBuffer.createMultiProducer(Request::new, RING_SIZE, wait.disruptorStrategy());
        EventHandler<Request> handler = (event, sequence, endOfBatch) -> serve(event);
        this.processor = new BatchEventProcessorBuilder().build(ring, ring.newBarrier(), handler);
        ring.addGatingSequences(processor.getSequence());
        this.actor = new Thread(this::runActor, "disruptor-store-" + INSTANCES.incrementAndGet() + "-actor");
        actor.setDaemon(true); // a forgotten store never keeps the JVM alive
        actor.start();
    }

    /** The wait strategy this store was built with. */
    public ActorWait waitStrategy() {
        return wait;
    }

    @Override
    public Task create(Task draft) {
        checkOpen();
        Checks.draft(draft);
        return (Task) call(CREATE, 0, draft).value;
    }

    /** One message for all of them: the actor creates them in a loop, as it would one by one. */
    @Override
    public Task createMany(Task draft, int count) {
        checkOpen();
        Checks.draft(draft);
        return count <= 0 ? null : (Task) call(CREATE_MANY, count, draft).value;
    }

    @Override
    public Task get(int id) {
        checkOpen();
        return id <= 0 ? null : (Task) call(GET, id, null).value;
    }

    @Override
    public boolean update(Task task) {
        checkOpen();
        Checks.stored(task);
        return task.id() > 0 && call(UPDATE, task.id(), task).number != 0;
    }

    @Override
    public boolean delete(int id) {
        checkOpen();
        return id > 0 && call(DELETE, id, null).number != 0;
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<Task> getAll() {
        checkOpen();
        return (List<Task>) call(GET_ALL, 0, null).value;
    }

    @Override
    public int size() {
        checkOpen();
        return call(SIZE, 0, null).number;
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            publish(STOP, 0, null, null);
        }
        boolean interrupted = false;
        while (true) {
            try {
                actor.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true; // close must not return with the actor alive
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void checkOpen() {
        if (closed.get()) {
            throw new StoreClosedException("DisruptorStore");
        }
    }

    /** Sends one request and waits for its answer; the returned slot holds it until the next call. */
    private Reply call(int op, int id, Task task) {
        Reply reply = replies.get();
        reply.value = null;
        reply.failure = null;
        reply.parked = false;
        reply.state = Reply.PENDING;
        if (beforePublish != null) {
            beforePublish.run();
        }
        publish(op, id, task, reply);
        awaitAnswer(reply);
        if (reply.failure != null) {
            throw reply.failure;
        }
        return reply;
    }

    /**
     * Claims a slot with {@code tryNext} and publishes. A full ring means the actor is behind: wait
     * as the strategy waits, giving up once the store is closed (the blocking {@code next()} would
     * wait forever for an actor that has stopped). The stop event itself never gives up.
     */
    private void publish(int op, int id, Task task, Reply reply) {
        long sequence;
        int round = 0;
        while (true) {
            try {
                sequence = ring.tryNext();
                break;
            } catch (InsufficientCapacityException full) {
                if (op != STOP && closed.get()) {
                    throw new StoreClosedException("DisruptorStore");
                }
                if (actorDone) {
                    return; // only the stop can get here: the actor has ended anyway
                }
                if (wait.spinOnce(round++, 0) && round < 1_000) {
                    continue;
                }
                LockSupport.parkNanos(this, 10_000); // a full ring drains in microseconds
            }
        }
        Request r = ring.get(sequence);
        r.op = op;
        r.id = id;
        r.task = task;
        r.reply = reply;
        ring.publish(sequence); // no exit between tryNext and publish: the actor never waits on a hole
    }

    private void awaitAnswer(Reply reply) {
        if (reply.state != Reply.PENDING) {
            return;
        }
        long start = wait.timed() ? System.nanoTime() : 0;
        int round = 0;
        while (reply.state == Reply.PENDING) {
            if (actorDone) {
                giveUp(reply);
                return;
            }
            if (wait.spinOnce(round++, start)) {
                continue;
            }
            reply.parked = true;
            if (reply.state != Reply.PENDING) {
                return;
            }
            LockSupport.parkNanos(this, PARK_CHECK_NANOS);
        }
    }

    /** The actor has ended: the answer is either there already or will never come. */
    private static void giveUp(Reply reply) {
        if (reply.failIfPending()) {
            reply.failure = new StoreClosedException("DisruptorStore");
        }
    }

    private void runActor() {
        try {
            processor.run(); // returns once serve() has halted it at the stop event
        } finally {
            actorDone = true; // after the last answer: from now on callers decide their own slots
        }
    }

    /** Runs on the actor thread only. Never throws: a failure is the request's answer. */
    private void serve(Request r) {
        Reply reply = r.reply;
        int op = r.op;
        Task task = r.task;
        r.reply = null; // the ring must not keep callers' slots and tasks reachable
        r.task = null;
        if (stopped) {
            return; // published behind the stop: its caller fails it once actorDone is set
        }
        if (op == STOP) {
            stopped = true;
            processor.halt(); // the processor finishes this batch (ignored above), then returns
            return;
        }
        try {
            switch (op) {
                case CREATE: {
                    int id = Checks.newId(nextId + 1);
                    nextId = id;
                    Task stored = task.withId(id);
                    tasks.put(id, stored);
                    reply.value = stored;
                    break;
                }
                case CREATE_MANY: {
                    Task last = null;
                    for (int i = 0; i < r.id; i++) {
                        int id = Checks.newId(nextId + 1);
                        nextId = id;
                        last = task.withId(id);
                        tasks.put(id, last);
                    }
                    reply.value = last;
                    break;
                }
                case GET:
                    reply.value = tasks.get(Keys.lookup(r.id)); // see Keys: no box on the heap
                    break;
                case UPDATE:
                    // replace() writes only over a present key: an update never resurrects a deleted task.
                    reply.number = tasks.replace(Keys.lookup(r.id), task) != null ? 1 : 0;
                    break;
                case DELETE:
                    reply.number = tasks.remove(Keys.lookup(r.id)) != null ? 1 : 0;
                    break;
                case GET_ALL:
                    reply.value = new ArrayList<>(tasks.values());
                    break;
                case SIZE:
                    reply.number = tasks.size();
                    break;
                default:
                    throw new IllegalStateException("unknown operation " + op);
            }
        } catch (RuntimeException e) {
            reply.failure = e;
        }
        reply.answer();
    }
}
