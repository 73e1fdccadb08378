package lab.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import lab.core.compare.Stats;
import lab.core.record.Figures;

/**
 * Times and sizes as the site writes them. Figures with their uncertainty are written by
 * {@link Figures}, the one formatter the site and the terminal share.
 */
public final class Format {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private Format() {
    }

    public static String time(Instant t) {
        return t == null ? "" : TIME.format(t);
    }

    /**
     * A median with its interval at the precision the interval supports ({@link Figures}: two
     * significant digits of the larger half-width): {@code "35,000 [30,000–40,000]"}. One sample
     * has no interval: {@code "35,000 [no interval: n = 1]"}; none at all: "—".
     */
    public static String interval(Stats.Interval i) {
        if (i == null || i.n() == 0 || Double.isNaN(i.centre())) {
            return "—";
        }
        if (!Double.isFinite(i.lo()) || !Double.isFinite(i.hi())) {
            return Figures.plain(i.centre()) + " [no interval: n = " + i.n() + "]";
        }
        double hw = Math.max(i.centre() - i.lo(), i.hi() - i.centre());
        if (!(hw > Math.abs(i.centre()) * 1e-9)) {
            // no width beyond rounding (every sample equal; exp(log x) is not always x to the last bit)
            return Figures.plain(i.centre()) + " [" + Figures.plain(i.lo()) + "–" + Figures.plain(i.hi()) + "]";
        }
        return Figures.value(i.centre(), hw) + " [" + Figures.value(i.lo(), hw) + "–" + Figures.value(i.hi(), hw) + "]";
    }

    /** What an interval of {@link #interval} covers: {@code "75% interval, n = 3"}; "" without one. */
    public static String coverage(Stats.Interval i) {
        if (i == null || i.n() < 2 || !Double.isFinite(i.confidence())) {
            return "";
        }
        return Figures.fixed(i.confidence() * 100, i.confidence() > 0.99 ? 1 : 0) + "% interval, n = " + i.n();
    }

    /** A configured duration (not a measurement): "10 s", "0.25 s". */
    public static String seconds(double s) {
        return Double.isFinite(s) ? java.math.BigDecimal.valueOf(s).stripTrailingZeros().toPlainString() + " s" : "?";
    }

    /** 1536 → "1.5 GiB"-style sizes for memory. */
    public static String bytes(Long b) {
        if (b == null) {
            return "";
        }
        double v = b;
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB"};
        int u = 0;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return (u == 0 ? Figures.fixed(v, 0) : Figures.fixed(v, 1)) + " " + units[u];
    }
}
