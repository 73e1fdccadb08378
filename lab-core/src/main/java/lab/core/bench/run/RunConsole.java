package lab.core.bench.run;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import lab.core.record.Figures;

import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;

/**
 * What a run prints while it runs: one header, one progress line (round r/R, fork n/N, the
 * trial, elapsed and ETA) — rewritten in place on a terminal, printed at most every
 * {@link #PROGRESS_EVERY_NANOS} otherwise — and one line per trial when its last timing fork is
 * in, with its score and JMH's interval over its forks. JMH's own output goes to the run's
 * {@code jmh.log} ({@code --verbose} streams it here too).
 */
final class RunConsole {

    /** How often a progress line is printed when the output is not a terminal (a log file, CI). */
    static final long PROGRESS_EVERY_NANOS = TimeUnit.SECONDS.toNanos(30);

    private final PrintStream out;
    private final boolean terminal;
    private boolean lineOpen;
    private long lastProgress;

    RunConsole(PrintStream out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    synchronized void line(String text) {
        closeLine();
        out.println("[lab] " + text);
        out.flush();
    }

    synchronized void progress(int round, int rounds, int fork, int forks, String what, long elapsedNanos, long etaSeconds) {
        String r = round < 0 ? "profiled forks" : "round " + (round + 1) + "/" + rounds;
        String text = String.format(Locale.ROOT, "[lab] %s  fork %d/%d  %s  elapsed %s  ETA %s", r, fork, forks, what,
                clock(elapsedNanos), clock(TimeUnit.SECONDS.toNanos(etaSeconds)));
        if (terminal) {
            out.print("\r\033[K" + text);
            out.flush();
            lineOpen = true;
        } else if (System.nanoTime() - lastProgress >= PROGRESS_EVERY_NANOS || fork == 1) {
            out.println(text);
            out.flush();
            lastProgress = System.nanoTime();
        }
    }

    /**
     * A trial whose timing forks are all in: its score over them, and the range of the forks'
     * own means (one slow wake-up-bound fork among fast ones shows here, not in the score).
     */
    void finished(String what, RunResult merged, int forks) {
        Result<?> p = merged.getPrimaryResult();
        String spread = Figures.spread(merged.getBenchmarkResults().stream()
                .mapToDouble(b -> b.getPrimaryResult().getScore()).toArray());
        // the figure to the precision its interval supports (Figures), as the site and the tables print it
        String score = Double.isFinite(p.getScoreError())
                ? String.format(Locale.ROOT, "%s %s (JMH's 99.9%% interval over %d fork%s)", Figures.withError(p.getScore(),
                        p.getScoreError()), p.getScoreUnit(), forks, forks == 1 ? "" : "s")
                : String.format(Locale.ROOT, "%s %s (%d fork%s, too few iterations for an interval)", figure(p.getScore()),
                        p.getScoreUnit(), forks, forks == 1 ? "" : "s");
        line(what + " = " + score + (spread.isEmpty() ? "" : "; forks " + spread));
    }

    private void closeLine() {
        if (lineOpen) {
            out.print("\r\033[K");
            lineOpen = false;
        }
    }

    /** Three significant digits: enough to read a progress line, not a reported figure. */
    static String figure(double v) {
        if (v == 0 || !Double.isFinite(v)) {
            return String.valueOf(v);
        }
        double a = Math.abs(v);
        int decimals = a >= 100 ? 0 : a >= 10 ? 1 : a >= 1 ? 2 : Math.min(9, 2 - (int) Math.floor(Math.log10(a)));
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    static String clock(long nanos) {
        long s = TimeUnit.NANOSECONDS.toSeconds(nanos);
        return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
