package lab.core.bench.run;

import java.io.IOException;
import java.util.Collection;

import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.format.OutputFormat;

/**
 * JMH's own output of every fork, as JMH prints it, into the run's {@code jmh.log} (and to the
 * console too with {@code --verbose}), with two changes for a run made of one JMH {@code Runner}
 * per fork: JMH's per-Runner summary table, progress/ETA line and lock warning are dropped (they
 * describe one fork, and repeat for each; the runner prints its own progress and results); and
 * once the run is being stopped (Ctrl-C) nothing more is written.
 */
final class RunOutput implements OutputFormat {

    private final OutputFormat jmh;
    private volatile boolean muted;

    RunOutput(OutputFormat jmh) {
        this.jmh = jmh;
    }

    void mute() {
        muted = true;
    }

    @Override
    public void iteration(BenchmarkParams benchParams, IterationParams params, int iteration) {
        if (!muted) {
            jmh.iteration(benchParams, params, iteration);
        }
    }

    @Override
    public void iterationResult(BenchmarkParams benchParams, IterationParams params, int iteration, IterationResult data) {
        if (!muted) {
            jmh.iterationResult(benchParams, params, iteration, data);
        }
    }

    @Override
    public void startBenchmark(BenchmarkParams benchParams) {
        if (!muted) {
            jmh.startBenchmark(benchParams);
        }
    }

    @Override
    public void endBenchmark(BenchmarkResult result) {
        if (!muted) {
            jmh.endBenchmark(result);
        }
    }

    @Override
    public void startRun() {
        // JMH prints nothing useful here; the runner prints its own progress line per benchmark.
    }

    @Override
    public void endRun(Collection<RunResult> result) {
        // A summary of one fork: the run's results are printed by the runner.
    }

    @Override
    public void print(String s) {
        if (!muted) {
            jmh.print(s);
        }
    }

    @Override
    public void println(String s) {
        if (!muted && !redundant(s)) {
            jmh.println(s);
        }
    }

    /**
     * JMH's per-Runner lines that would mislead here: its progress and ETA cover one benchmark
     * (the runner prints n-of-N and the run's ETA instead), and its lock warning repeats for
     * every benchmark (the runner records one warning in the run).
     */
    static boolean redundant(String line) {
        return line != null && (line.startsWith("# Run progress:") || line.startsWith("# WARNING: JMH lock is ignored"));
    }

    @Override
    public void flush() {
        jmh.flush();
    }

    @Override
    public void close() {
        // The stream belongs to the command; JMH's Runner must not close it after each benchmark.
        jmh.flush();
    }

    @Override
    public void verbosePrintln(String s) {
        if (!muted) {
            jmh.verbosePrintln(s);
        }
    }

    @Override
    public void write(int b) {
        if (!muted) {
            jmh.write(b);
        }
    }

    @Override
    public void write(byte[] b) throws IOException {
        if (!muted) {
            jmh.write(b);
        }
    }
}
