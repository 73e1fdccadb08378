package lab.core.bench.run;

import java.io.PrintStream;

/**
 * Sends what the forks print to the run's JMH log while the forks run, and restores the console
 * after.
 *
 * <p>Why a swap of {@code System.out}: JMH's host writes a fork's own standard output and error
 * (what the benchmark code prints, the lab's preload timing, an agent's messages) to the host's
 * {@code System.out} and {@code System.err}, not to the output format the runner gives it. The
 * console shows one progress line and one line per benchmark; everything a fork says belongs in
 * {@code jmh.log} beside JMH's own output (and on the console too with {@code --verbose}, as the
 * log stream then tees).
 */
final class ForkOutput implements AutoCloseable {

    private final PrintStream out = System.out;
    private final PrintStream err = System.err;

    private ForkOutput(PrintStream log) {
        System.setOut(log);
        System.setErr(log);
    }

    /** From now until {@link #close()}, the forks' output goes to {@code log}. */
    static ForkOutput into(PrintStream log) {
        return new ForkOutput(log);
    }

    @Override
    public void close() {
        System.out.flush();
        System.setOut(out);
        System.setErr(err);
    }
}
