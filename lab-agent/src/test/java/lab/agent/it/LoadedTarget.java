package lab.agent.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

import lab.agent.it.included.Busy;

/**
 * A JVM under load for the attach tests: {@code THREADS} threads named {@code busy-<i>} call the
 * included {@link Busy#step()} as fast as they can, long enough before any agent arrives for the
 * JIT to have compiled (and inlined) it. Each thread publishes how many steps it finished; a sampler
 * writes {@code epochMicros,steps-0,steps-1,…} every 2 ms, so a test can bracket the steps of the
 * agent's reported window from both sides and compare them with the counted allocations.
 *
 * <pre>
 * java -cp test-classes lab.agent.it.LoadedTarget SAMPLES-FILE DONE-FILE
 * </pre>
 * Prints "loaded" once every thread has done 200,000 steps; stops, writes the samples and exits when
 * DONE-FILE appears.
 */
public final class LoadedTarget {

    public static final int THREADS = 3;
    private static final long WARM_STEPS = 200_000;

    private LoadedTarget() {
    }

    /** One thread's finished steps, on its own cache line (no false sharing between the busy threads). */
    static final class Steps {
        long p1, p2, p3, p4, p5, p6, p7;
        volatile long done;
        long q1, q2, q3, q4, q5, q6, q7;
    }

    private static volatile boolean stop;

    public static void main(String[] args) throws Exception {
        Path samplesFile = Paths.get(args[0]);
        Path doneFile = Paths.get(args[1]);
        Steps[] steps = new Steps[THREADS];
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            Steps mine = new Steps();
            steps[i] = mine;
            Thread t = new Thread(() -> {
                long n = 0;
                while (!stop) {
                    Busy.step();
                    mine.done = ++n;
                }
            }, "busy-" + i);
            t.start();
            threads.add(t);
        }
        for (Steps s : steps) {
            while (s.done < WARM_STEPS) {
                Thread.sleep(5);
            }
        }
        System.out.println("loaded");
        System.out.flush();
        StringBuilder samples = new StringBuilder();
        while (!Files.exists(doneFile)) {
            samples.append(epochMicros());
            for (Steps s : steps) {
                samples.append(',').append(s.done);
            }
            samples.append('\n');
            Thread.sleep(2);
        }
        stop = true;
        for (Thread t : threads) {
            t.join();
        }
        write(samplesFile, samples.toString());
    }

    static long epochMicros() {
        java.time.Instant now = java.time.Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
    }

    private static void write(Path file, String text) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, text);
        Files.move(tmp, file);
    }
}
