package lab.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The one race of an actor store's close that random traffic almost never hits: a request passes
 * the closed check, then close() runs to the end (actor stopped, queue or ring drained), and only
 * then is the request enqueued (CHANNEL) or published (DISRUPTOR). Nobody is left to answer it;
 * the store must notice and fail it. A test seam holds the request in exactly that window, so the
 * race happens every run, under every wait strategy (a spinning caller must give up too).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ActorCloseRaceTest {

    interface SeamedStore {
        TaskStore create(ActorWait wait, Runnable beforeSend);
    }

    static Stream<Arguments> actorsAndWaits() {
        SeamedStore channel = ChannelStore::new;
        SeamedStore disruptor = DisruptorStore::new;
        Stream.Builder<Arguments> all = Stream.builder();
        for (ActorWait wait : ActorWait.values()) {
            all.add(Arguments.of(StoreType.CHANNEL, wait, channel));
            all.add(Arguments.of(StoreType.DISRUPTOR, wait, disruptor));
        }
        return all.build();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("actorsAndWaits")
    void aRequestSentAfterCloseFinishedFailsInsteadOfHanging(StoreType type, ActorWait wait, SeamedStore seamed)
            throws Exception {
        CountDownLatch inWindow = new CountDownLatch(1);
        CountDownLatch closeDone = new CountDownLatch(1);
        AtomicBoolean first = new AtomicBoolean(true);
        TaskStore store = seamed.create(wait, () -> {
            if (first.getAndSet(false)) {
                inWindow.countDown();
                try {
                    closeDone.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        AtomicReference<Object> outcome = new AtomicReference<>();
        Thread client = new Thread(() -> {
            try {
                outcome.set(store.get(1));
                outcome.compareAndSet(null, "answered null");
            } catch (Throwable e) {
                outcome.set(e);
            }
        }, "close-race-client");
        client.setDaemon(true); // if the store regresses, the stuck client must not hold the JVM
        client.start();
        assertThat(inWindow.await(10, TimeUnit.SECONDS)).as("client reached the window").isTrue();

        store.close(); // the actor ends and drains while the request is not yet sent
        closeDone.countDown();

        client.join(10_000);
        assertThat(client.isAlive()).as("request sent after close is still waiting").isFalse();
        assertThat(outcome.get()).as(type + " " + wait).isInstanceOf(StoreClosedException.class);
    }
}
