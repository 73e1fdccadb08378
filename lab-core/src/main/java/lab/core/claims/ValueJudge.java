package lab.core.claims;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import lab.core.compare.Comparer;
import lab.core.compare.SampleKind;
import lab.core.compare.Stats;
import lab.core.compare.Units;

/**
 * "Subject's metric is X" (B/op, allocations, context switches, a converted figure): the median
 * with its order-statistic interval, judged by the value rule, the zero rule (tolerance measured
 * in the same run, {@link ZeroTolerance}) or the equivalence rule.
 *
 * <p>Conversions ({@code convert} in the claims data) turn our measurement into the log's unit,
 * sample by sample, so the interval follows:
 * <ul>
 * <li>{@code nsPerOp}: a throughput of all threads into wall nanoseconds per operation, as Go's
 * {@code RunParallel} reports it (1e9 / ops per second);</li>
 * <li>{@code nsPerOpPerThread}: the same times the thread count — the figure per core, so a log
 * figure from a many-core machine can be compared on two cores (the normalisation is shown);</li>
 * <li>{@code perSecond}: a time per operation of one caller into operations per second (the log's
 * "RPS" arithmetic: 1e9 / ns per op);</li>
 * <li>{@code annualGB}: bytes per operation into GB allocated per year at 1,000 operations per
 * second (the log's "Annual Impact at 1000 RPS": × 1000 × 31,536,000 s / 1e9).</li>
 * </ul>
 */
final class ValueJudge implements Judge {

    static final double SECONDS_PER_YEAR = 365 * 24 * 3600.0;

    static String conversionText(String convert) {
        return switch (convert) {
            case "nsPerOp" -> "wall ns/op = 1e9 / total ops per second";
            case "nsPerOpPerThread" -> "ns/op per thread = 1e9 / total ops per second × threads";
            case "perSecond" -> "operations per second of one caller = 1e9 / ns per op";
            case "annualGB" -> "GB a year at 1,000 operations per second = B/op × 1000 × 31,536,000 / 1e9";
            default -> convert;
        };
    }

    @Override
    public List<ClaimResult> judge(Claim c, RunData run) {
        List<ClaimResult> out = new ArrayList<>();
        for (Readings.Reading r : Readings.of(c, run)) {
            out.add(one(c, run, r));
        }
        return out;
    }

    private ClaimResult one(Claim c, RunData run, Readings.Reading reading) {
        Locator.Found f = Locator.locate(c, run, List.of(reading.subject()), reading.waitStrategy());
        String variant = reading.label();
        if (f.problem() != null) {
            return ClaimResult.notTestable(c, variant, f.measured(), f.problem(), Caveats.of(c, f));
        }
        if (reading.subject().equals(Locator.BEST)) {
            variant = Locator.BEST + "=" + f.names().get(0);
        }
        Locator.Measured m = Locator.metric(run, f.results().get(0), c.metric());
        if (m.problem() != null) {
            return ClaimResult.notTestable(c, variant, f.measured(), m.problem(), Caveats.of(c, f));
        }
        SampleKind kind = m.metric().forkCount() >= SampleKind.MIN_FORKS ? SampleKind.FORK_MEANS : SampleKind.ITERATIONS;
        double[] x = Comparer.samples(m.metric(), kind);
        String problem = Comparer.problem(String.join("", f.names()), x, kind);
        if (problem != null) {
            return ClaimResult.notTestable(c, variant, f.measured(), problem, Caveats.of(c, f));
        }
        String unit = m.metric().unit();
        if (c.convert() != null) {
            Converted cv = convert(c.convert(), x, unit, f.threads());
            if (cv.problem() != null) {
                return ClaimResult.notTestable(c, variant, f.measured(), cv.problem(), Caveats.of(c, f));
            }
            x = cv.values();
            unit = cv.unit();
        }
        Stats.Interval i = Stats.medianInterval(x, Rules.LEVEL);
        String u = unit;
        String measured = f.measured() + ", " + SpeedupJudge.metricName(c, unit) + ", n = " + x.length + " " + kind.label()
                + (m.result() != f.results().get(0) ? " of the profiled fork" : "");
        String ours = ClaimsText.num(i.centre(), i.lo(), i.hi()) + " " + unit;
        String uncertainty = Double.isFinite(i.lo()) && Double.isFinite(i.hi())
                ? String.format(Locale.ROOT, "%.1f%% CI %s–%s", i.confidence() * 100, ClaimsText.num(i.lo(), i.lo(), i.hi()),
                        ClaimsText.num(i.hi(), i.lo(), i.hi()))
                : "no interval (one sample)";
        List<String> caveats = Caveats.of(c, f);
        Rules.Decision d;
        double[] band;
        String toleranceText = null;
        if (c.isZero()) {
            ZeroTolerance.Tolerance t = ZeroTolerance.of(run, c, f.results().get(0), m, unit);
            if (t.problem() != null) {
                return ClaimResult.notTestable(c, variant, measured, t.problem(), caveats);
            }
            band = new double[] {0, t.value()};
            toleranceText = t.text();
            d = Rules.zero(i.lo(), i.hi(), t.value(), v -> ClaimsText.num(v) + " " + u);
            uncertainty += "; " + t.text();
        } else if (c.isEquivalence()) {
            band = c.holdsBand();
            d = Rules.equivalence(i.lo(), i.hi(), band, v -> ClaimsText.num(v) + " " + u);
        } else {
            band = c.holdsBand();
            d = Rules.value(i.lo(), i.hi(), band, c.direction(), c.directionBound(), v -> ClaimsText.num(v) + " " + u);
        }
        d = Rules.atLevel(d, i.confidence(), x.length, ours);
        return new ClaimResult(c, variant, d.verdict(), ours, uncertainty, measured, d.why(), caveats,
                new ClaimResult.Figure(i.centre(), i.lo(), i.hi(), unit, Double.NaN, "n = " + x.length + " " + kind.label(), band,
                        toleranceText));
    }

    record Converted(double[] values, String unit, String problem) {
    }

    static Converted convert(String how, double[] x, String unit, int threads) {
        switch (how) {
            case "nsPerOp", "nsPerOpPerThread" -> {
                double toOpsPerNs = Units.factor(unit, "ops/ns");
                if (Double.isNaN(toOpsPerNs)) {
                    return new Converted(null, null, "cannot turn " + unit + " into ns/op (a throughput is needed)");
                }
                double per = how.equals("nsPerOp") ? 1 : threads;
                return new Converted(Arrays.stream(x).map(v -> per / (v * toOpsPerNs)).toArray(),
                        how.equals("nsPerOp") ? "ns/op" : "ns/op per thread", null);
            }
            case "perSecond" -> {
                double toNs = Units.factor(unit, "ns/op");
                if (Double.isNaN(toNs)) {
                    return new Converted(null, null, "cannot turn " + unit + " into operations per second (a time per operation is needed)");
                }
                return new Converted(Arrays.stream(x).map(v -> 1e9 / (v * toNs)).toArray(), "ops/s", null);
            }
            case "annualGB" -> {
                if (!unit.equals("B/op")) {
                    return new Converted(null, null, "cannot turn " + unit + " into GB a year (B/op is needed)");
                }
                return new Converted(Arrays.stream(x).map(v -> v * 1000 * SECONDS_PER_YEAR / 1e9).toArray(),
                        "GB/year at 1000 ops/s", null);
            }
            default -> {
                return new Converted(null, null, "unknown conversion " + how);
            }
        }
    }
}
