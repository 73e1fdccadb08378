package lab.core.claims;

import java.util.Locale;
import java.util.Optional;
import lab.core.compare.Comparer;
import lab.core.compare.SampleKind;
import lab.core.compare.Stats;
import lab.core.compare.Units;
import lab.core.record.BenchmarkResult;
import lab.core.record.Metric;

/**
 * The tolerance of a zero claim ("0 B/op", "no context switches"), measured in the same run.
 *
 * <p>The read floor (a plain array read) allocates nothing and blocks on nothing, so what JMH and
 * the agent report for it — bytes of JMH's own bookkeeping and the TLAB accounting, context
 * switches of the harness threads — is the run's background. That background comes per
 * iteration, not per operation: a store that completes k times fewer operations per iteration
 * than the floor shows k times more of it per operation. So the tolerance of a store is
 * <pre>  upper end of the floor's 95% interval × (floor's operations per iteration / the store's)</pre>
 * with the floor at the store's thread count when the run has it (the background also comes per
 * thread), else at one thread;
 * from the same source as the store's figure (timing forks for B/op, the profiled fork for the
 * agent's counts). It is stated on every zero verdict. A run without the read floor cannot test a
 * zero claim: "not testable here".
 *
 * <p>A tolerance is never tighter than the log's own figure can tell ({@link Claim#zeroResolution}):
 * the log's "0 B/op" is Go's benchmem output, total bytes ÷ N truncated to an integer, so it says
 * "below 1 B/op". Held to the background alone, a store reading at 0.0071 B/op against a background
 * of 0.0078 B/op held in one quick run and was inconclusive in the next (2026-12-06, two quick runs
 * back to back): a difference of a thousandth of a byte, hundreds of times below anything the log
 * could have seen.
 */
final class ZeroTolerance {

    /** @param text how it was derived, for the page */
    record Tolerance(double value, String text, String problem) {
    }

    private ZeroTolerance() {
    }

    static Tolerance of(RunData run, Claim c, BenchmarkResult store, Locator.Measured measured, String unit) {
        // The background comes per iteration and per thread (each benchmark thread syncs with JMH at every
        // iteration's edges: parks, context switches), so the floor is taken at the store's thread count when
        // the run measured it there. Against the one-thread floor, lock-free stores at 2 threads "parked".
        Optional<BenchmarkResult> floor = Locator.find(run, c, Locator.READ_FLOOR, store.threads(), null)
                .or(() -> Locator.find(run, c, Locator.READ_FLOOR, 1, null));
        if (floor.isEmpty()) {
            return new Tolerance(Double.NaN, null, "the run has no read floor at 1 thread, so the background a zero claim is"
                    + " measured against is unknown");
        }
        Locator.Measured fm = Locator.metric(run, floor.get(), c.metric());
        if (fm.problem() != null) {
            return new Tolerance(Double.NaN, null, "the read floor has no " + c.metric() + ": " + fm.problem());
        }
        Metric m = fm.metric();
        SampleKind kind = m.forkCount() >= SampleKind.MIN_FORKS ? SampleKind.FORK_MEANS : SampleKind.ITERATIONS;
        double[] x = Comparer.samples(m, kind);
        String problem = Comparer.problem("the read floor", x, kind);
        if (problem != null) {
            return new Tolerance(Double.NaN, null, problem);
        }
        Stats.Interval fi = Stats.medianInterval(x, Rules.LEVEL);
        double floorHi = Double.isFinite(fi.hi()) ? fi.hi() : java.util.Arrays.stream(x).max().orElse(Double.NaN);
        // operations per iteration of the forks the figures come from: a count comes from the profiled forks,
        // which run slower than the timing forks (the agent), so its background per operation is larger
        double rateFloor = opsPerNanosecond(fm.result());
        double rateStore = opsPerNanosecond(measured.result() != null ? measured.result() : store);
        if (!(rateFloor > 0) || !(rateStore > 0)) {
            return new Tolerance(Double.NaN, null, "the operation rates of the read floor or of the store are unknown");
        }
        double scale = rateFloor / rateStore;
        double background = floorHi * scale;
        String backgroundText = String.format(Locale.ROOT, "the read floor's %s %s at %d thread%s (upper end of its interval;"
                        + " it allocates and blocks on nothing, so this is the run's background) × %s (it completes %s× the"
                        + " operations per iteration)", ClaimsText.num(floorHi), unit, floor.get().threads(),
                floor.get().threads() == 1 ? "" : "s", ClaimsText.num(scale), ClaimsText.num(scale));
        double resolution = c.zeroResolution();
        if (resolution > background) {
            String text = String.format(Locale.ROOT, "zero tolerance %s %s = the log's resolution (Go's benchmem prints %s"
                            + " truncated to an integer: its 0 means below %s); the run's background is %s %s = %s",
                    ClaimsText.num(resolution), unit, unit, ClaimsText.num(resolution) + " " + unit,
                    ClaimsText.num(background), unit, backgroundText);
            return new Tolerance(resolution, text, null);
        }
        String text = String.format(Locale.ROOT, "zero tolerance %s %s = %s", ClaimsText.num(background), unit, backgroundText);
        return new Tolerance(background, text, null);
    }

    /** Operations per nanosecond of all threads, from the primary score's median. */
    static double opsPerNanosecond(BenchmarkResult r) {
        Metric p = r.primary();
        SampleKind kind = p.forkCount() >= SampleKind.MIN_FORKS ? SampleKind.FORK_MEANS : SampleKind.ITERATIONS;
        double[] x = Comparer.samples(p, kind);
        if (Comparer.problem("score", x, kind) != null) {
            return Double.NaN;
        }
        double median = Stats.median(x);
        double perOp = Units.factor(p.unit(), "ns/op");
        if (!Double.isNaN(perOp)) {
            // time per operation of one thread: every thread completes one per that time
            return r.threads() / (median * perOp);
        }
        double thr = Units.factor(p.unit(), "ops/ns");
        return Double.isNaN(thr) ? Double.NaN : median * thr;
    }
}
