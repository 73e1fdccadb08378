package lab.core.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The log's ChannelStore, the actor model it rejected: one worker thread owns a plain
 * {@code HashMap} and the id counter; every request is a message on a {@link BlockingQueue}
 * carrying its own reply handle (a {@link CompletableFuture}), and the caller waits on it.
 *
 * <p>Concurrency choice. No lock guards the map: confinement to the worker does. What callers
 * contend on is the queue's lock and the hand-off (park/unpark of the worker and of the caller),
 * and every request allocates its message and its reply handle, even a read: this store is the
 * one allowed to allocate on get, because that allocation is what the log measured (3-5 allocs,
 * 192-247 B/op in Go). Everything the worker does is serialised, so this is also the one store
 * whose every operation, size and getAll included, is linearizable with dense ids.
 *
 * <p>Why {@link ArrayBlockingQueue}: it is a bounded ring over a preallocated array, the shape of a
 * buffered Go channel, and it allocates nothing per message; a {@code LinkedBlockingQueue} would
 * add a node allocation to every request (and its two locks help only when producers and the
 * consumer both stay busy, which a request/reply round trip prevents). The bound (1024) makes
 * producers wait when the worker falls behind, as a full Go channel does.
 *
 * <p>Close. {@code close()} marks the store closed, puts a stop message behind everything already
 * queued, and joins the worker: requests queued before the stop are answered, the worker then
 * fails whatever is left with {@link StoreClosedException}. A caller that enqueues after the
 * worker's last drain sees the closed flag on its re-check (the queue's lock orders its put after
 * the drain, which is after the flag was set) and takes its own message back out. A request is
 * therefore always answered or failed; none waits forever.
 *
 * <p>Waiting. How the worker waits for a message and a caller for its reply is an
 * {@link ActorWait}: {@code BLOCKING} (the default, and the log's shape: {@code take()} and
 * {@code join()}, a park on each side) or a strategy that spins or yields on the same queue and
 * future first ({@code poll()}, {@code isDone()}). The queue and the future are the same in every
 * strategy, so the strategy is the only difference a sweep measures.
 */
public final class ChannelStore implements TaskStore {

    private static final int CAPACITY = 1024;
    private static final AtomicInteger INSTANCES = new AtomicInteger();

    private static final int CREATE = 0;
    private static final int GET = 1;
    private static final int UPDATE = 2;
    private static final int DELETE = 3;
    private static final int GET_ALL = 4;
    private static final int SIZE = 5;
    private static final int STOP_OP = 6;
    private static final int CREATE_MANY = 7;

    /** One message: the operation, its arguments, and the handle the worker answers on. */
    private static final class Request {
        final int op;
        final int id;
        final Task task;
        final CompletableFuture<Object> reply = new CompletableFuture<>();

        Request(int op, int id, Task task) {
            this.op = op;
            this.id = id;
            this.task = task;
        }
    }

    private static final Request STOP = new Request(STOP_OP, 0, null);

    private final BlockingQueue<Request> queue = new ArrayBlockingQueue<>(CAPACITY);
    private final ActorWait wait;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Thread worker;
    // Test seam, null in production: runs between a request's closed check and its enqueue, so a
    // test can hold a request exactly in the race window that close() must handle.
    private final Runnable beforeEnqueue;

    // Confined to the worker thread: no lock, no volatile.
    private final HashMap<Integer, Task> tasks = new HashMap<>();
    private int nextId;

    /** A store whose worker and callers block ({@link ActorWait#BLOCKING}), as {@link StoreType#create()} makes it. */
    public ChannelStore() {
        this(ActorWait.BLOCKING);
    }

    public ChannelStore(ActorWait wait) {
        this(wait, null);
    }

    ChannelStore(ActorWait wait, Runnable beforeEnqueue) {
        this.wait = wait;
        this.beforeEnqueue = beforeEnqueue;
        worker = new Thread(this::serveUntilStopped, "channel-store-" + INSTANCES.incrementAndGet() + "-worker");
        worker.setDaemon(true); // a forgotten store never keeps the JVM alive
        worker.start();
    }

    /** The wait strategy this store was built with. */
    public ActorWait waitStrategy() {
        return wait;
    }

    @Override
    public Task create(Task draft) {
        checkOpen();
        return (Task) call(CREATE, 0, Checks.draft(draft));
    }

    /** One message for all of them: the worker creates them in a loop, as it would one by one. */
    @Override
    public Task createMany(Task draft, int count) {
        checkOpen();
        return count <= 0 ? null : (Task) call(CREATE_MANY, count, Checks.draft(draft));
    }

    @Override
    public Task get(int id) {
        checkOpen();
        return (Task) call(GET, id, null);
    }

    @Override
    public boolean update(Task task) {
        checkOpen();
        return (Boolean) call(UPDATE, 0, Checks.stored(task));
    }

    @Override
    public boolean delete(int id) {
        checkOpen();
        return (Boolean) call(DELETE, id, null);
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<Task> getAll() {
        checkOpen();
        return (List<Task>) call(GET_ALL, 0, null);
    }

    @Override
    public int size() {
        checkOpen();
        return (Integer) call(SIZE, 0, null);
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            enqueue(STOP, true);
        }
        boolean interrupted = false;
        while (true) {
            try {
                worker.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true; // close must not return with the worker alive
            }
        }
        failQueued(); // anything that slipped in after the worker's own last drain
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void checkOpen() {
        if (closed.get()) {
            throw new StoreClosedException("ChannelStore");
        }
    }

    private Object call(int op, int id, Task task) {
        Request request = new Request(op, id, task);
        if (beforeEnqueue != null) {
            beforeEnqueue.run();
        }
        enqueue(request, false);
        // Re-check after the put: if close() won the race and the worker has already drained, the
        // message would sit in the queue forever. Whoever removes it (us or a drain) answers it.
        if (closed.get() && queue.remove(request)) {
            throw new StoreClosedException("ChannelStore");
        }
        awaitReply(request.reply);
        try {
            return request.reply.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    /**
     * The spinning part of a caller's wait (nothing for BLOCKING): until the future is done or the
     * strategy says park, after which {@code join()} parks. Every future is completed (answered,
     * or failed by a drain), so this ends.
     */
    private void awaitReply(CompletableFuture<Object> reply) {
        long start = wait.timed() ? System.nanoTime() : 0;
        int round = 0;
        while (!reply.isDone() && wait.spinOnce(round++, start)) {
            // spin or yield, as the strategy does
        }
    }

    /**
     * The worker's wait for the next message: {@code take()} for BLOCKING, else {@code poll()} as
     * the strategy spins, then {@code take()} once it says park. An interrupt ends the wait as it
     * ends {@code take()}.
     */
    private Request next() throws InterruptedException {
        if (wait != ActorWait.BLOCKING) {
            long start = wait.timed() ? System.nanoTime() : 0;
            int round = 0;
            do {
                Request r = queue.poll();
                if (r != null) {
                    return r;
                }
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
            } while (wait.spinOnce(round++, start));
        }
        return queue.take();
    }

    /** Puts a message, waiting while the queue is full; a request gives up once the store closes. */
    private void enqueue(Request request, boolean isStop) {
        if (queue.offer(request)) {
            return;
        }
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    if (queue.offer(request, 10, TimeUnit.MILLISECONDS)) {
                        return;
                    }
                } catch (InterruptedException e) {
                    interrupted = true;
                }
                if (!isStop && closed.get()) {
                    throw new StoreClosedException("ChannelStore");
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void serveUntilStopped() {
        try {
            while (true) {
                Request r = next();
                if (r == STOP) {
                    break;
                }
                try {
                    r.reply.complete(serve(r));
                } catch (RuntimeException e) {
                    r.reply.completeExceptionally(e);
                }
            }
        } catch (InterruptedException e) {
            // Nobody interrupts the worker but a JVM shutting down: stop as if closed.
            closed.set(true);
        } finally {
            failQueued();
        }
    }

    private Object serve(Request r) {
        switch (r.op) {
            case CREATE: {
                int id = Checks.newId(nextId + 1);
                nextId = id;
                Task stored = r.task.withId(id);
                tasks.put(id, stored);
                return stored;
            }
            case CREATE_MANY: {
                Task last = null;
                for (int i = 0; i < r.id; i++) {
                    int id = Checks.newId(nextId + 1);
                    nextId = id;
                    last = r.task.withId(id);
                    tasks.put(id, last);
                }
                return last;
            }
            case GET:
                return r.id <= 0 ? null : tasks.get(r.id);
            case UPDATE:
                return r.task.id() > 0 && tasks.replace(r.task.id(), r.task) != null;
            case DELETE:
                return r.id > 0 && tasks.remove(r.id) != null;
            case GET_ALL:
                return new ArrayList<>(tasks.values());
            case SIZE:
                return tasks.size();
            default:
                throw new IllegalStateException("unknown operation " + r.op);
        }
    }

    private void failQueued() {
        Request r;
        while ((r = queue.poll()) != null) {
            if (r != STOP) {
                r.reply.completeExceptionally(new StoreClosedException("ChannelStore"));
            }
        }
    }
}
