package lab.core.bench.run;

import java.io.PrintStream;

/**
 * Sends what the forks print on standard output to the run's JMH log while the forks run, and
 * restores the console after.
 *
 * <p>Why a swap of {@code System.out}: JMH's host writes a fork's own standard output (what the
 * benchmark code prints, the lab's preload timing) to the host's {@code System.out}, not to the
 * output format the runner gives it. The console shows one progress line and one line per
 * benchmark; what a fork prints belongs in {@code jmh.log} beside JMH's own output (and on the
 * console too with {@code --verbose}, as the log stream then tees). Standard error stays on the
 * console: a fork's warnings (the agent's, the JVM's) should be seen, and {@code ./lab demo}'s
 * site logs there while the run goes on.
 */
final class ForkOutput implements AutoCloseable {

    private final PrintStream out = System.out;

    private ForkOutput(PrintStream log) {
        System.setOut(log);
    }

    /** From now until {@link #close()}, the forks' output goes to {@code log}. */
    static ForkOutput into(PrintStream log) {
        return new ForkOutput(log);
    }

    @Override
    public void close() {
        System.out.flush();
        System.setOut(out);
    }
}
