package lab.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The one race of ChannelStore's close that random traffic almost never hits: a request passes
 * the closed check, then close() runs to the end (worker stopped, queue drained), and only then is
 * the request enqueued. Nobody is left to answer it; the store must notice and fail it. A test seam
 * holds the request in exactly that window, so the race happens every run.
 */
class ChannelStoreCloseRaceTest {

    @Test
    void aRequestEnqueuedAfterCloseFinishedFailsInsteadOfHanging() throws Exception {
        CountDownLatch inWindow = new CountDownLatch(1);
        CountDownLatch closeDone = new CountDownLatch(1);
        AtomicBoolean first = new AtomicBoolean(true);
        ChannelStore store = new ChannelStore(() -> {
            if (first.getAndSet(false)) {
                inWindow.countDown();
                try {
                    closeDone.await();
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

        store.close(); // the worker ends and drains while the request is not yet queued
        closeDone.countDown();

        client.join(10_000);
        assertThat(client.isAlive()).as("request enqueued after close is still waiting").isFalse();
        assertThat(outcome.get()).isInstanceOf(StoreClosedException.class);
    }
}
