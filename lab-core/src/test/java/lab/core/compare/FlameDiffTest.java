package lab.core.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.StringReader;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FlameDiffTest {

    static Map<String, Long> stacks(String text) throws IOException {
        return FlameDiff.readCollapsed(new StringReader(text));
    }

    // base: half the samples in get, half in lock; head: twice as many samples, a quarter in get,
    // three quarters in a new frame park
    static final String BASE = """
        Thread.run;Bench.read;Store.get 50
        Thread.run;Bench.read;Store.get;Lock.lock 50
        garbage line without a count
        """;
    static final String HEAD = """
        Thread.run;Bench.read;Store.get 50
        Thread.run;Bench.read;Store.get;Queue.take;Unsafe.park 150
        """;

    @Test
    void sharesAreComparedNotSampleCounts() throws IOException {
        FlameDiff d = FlameDiff.of(stacks(BASE), stacks(HEAD));
        assertThat(d.baseSamples()).isEqualTo(100);
        assertThat(d.headSamples()).isEqualTo(200);
        FlameDiff.Node get = d.root().child("Thread.run").child("Bench.read").child("Store.get");
        assertThat(get.base()).isCloseTo(1.0, within(1e-12));
        assertThat(get.head()).isCloseTo(1.0, within(1e-12));
        FlameDiff.Node take = get.child("Queue.take");
        assertThat(take.isNew()).isTrue();
        assertThat(take.head()).isCloseTo(0.75, within(1e-12));
        assertThat(get.child("Lock.lock").head()).isZero();
    }

    @Test
    void changesRankSelfTimeAndVanishedFramesAreListed() throws IOException {
        FlameDiff d = FlameDiff.of(stacks(BASE), stacks(HEAD));
        // self shares: Store.get 0.5 -> 0.25, Lock.lock 0.5 -> 0, Unsafe.park 0 -> 0.75
        assertThat(d.changes(2)).extracting(FlameDiff.Change::frame).containsExactly("Unsafe.park", "Lock.lock");
        assertThat(d.changes(10).get(0).delta()).isCloseTo(0.75, within(1e-12));
        assertThat(d.vanished(5)).singleElement().satisfies(c -> {
            assertThat(c.frame()).isEqualTo("Thread.run;Bench.read;Store.get;Lock.lock");
            assertThat(c.baseSelf()).isCloseTo(0.5, within(1e-12));
        });
    }

    @Test
    void selfSharesAreWhatAFrameHoldsBeyondItsCallees() throws IOException {
        FlameDiff d = FlameDiff.of(stacks(BASE), stacks(HEAD));
        FlameDiff.Node read = d.root().child("Thread.run").child("Bench.read");
        FlameDiff.Node get = read.child("Store.get");
        // Bench.read: all of its time is in its callee; Store.get itself 50% -> 25%
        assertThat(read.baseSelf()).isZero();
        assertThat(read.selfDelta()).isZero();
        assertThat(read.delta()).isZero();
        assertThat(get.baseSelf()).isCloseTo(0.5, within(1e-12));
        assertThat(get.headSelf()).isCloseTo(0.25, within(1e-12));
        assertThat(get.selfDelta()).isCloseTo(-0.25, within(1e-12));
        assertThat(get.child("Queue.take").child("Unsafe.park").selfDelta()).isCloseTo(0.75, within(1e-12));
    }

    @Test
    void javaFrameTypeSuffixesAreMergedKernelMarksKept() throws IOException {
        Map<String, Long> s = stacks("Thread.run_[j];Store.get_[i];HashMap.get_[0] 3\nThread.run_[j];Store.get_[j] 2\nfutex_[k] 1\n");
        assertThat(s).containsOnlyKeys("Thread.run;Store.get;HashMap.get", "Thread.run;Store.get", "futex_[k]");
    }

    @Test
    void resolutionIsOneSampleOfTheSmallerProfile() throws IOException {
        FlameDiff d = FlameDiff.of(stacks("a;b 999\na;c 1\n"), stacks("a;b 1000\na;b 1000\n"));
        assertThat(d.resolution()).isCloseTo(1.0 / 1000, within(1e-15));
        assertThat(d.vanished(5)).extracting(FlameDiff.Change::frame).containsExactly("a;c");
    }
}
