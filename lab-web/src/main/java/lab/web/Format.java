package lab.web;

import java.math.BigDecimal;
import java.math.MathContext;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How numbers are written on the site. A score is printed to the precision its error supports:
 * the error keeps two significant digits and the score as many decimals as the error has
 * ({@code 1,234.6 ± 3.2}), so no digit is shown that the measurement cannot back. Without an
 * error, four significant digits.
 */
public final class Format {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private Format() {
    }

    /** Decimals that keep two significant digits of {@code error} (0 … 6). */
    public static int decimalsFor(double error) {
        if (!Double.isFinite(error) || error <= 0) {
            return -1;
        }
        int exp = (int) Math.floor(Math.log10(error));
        return Math.max(0, Math.min(6, 1 - exp));
    }

    /** A value with the given decimals and thousands separators; "NaN"/"∞" spelled out. */
    public static String fixed(double v, int decimals) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "+∞" : "−∞";
        }
        DecimalFormat f = new DecimalFormat(decimals == 0 ? "#,##0" : "#,##0." + "0".repeat(decimals),
                DecimalFormatSymbols.getInstance(Locale.ROOT));
        String s = f.format(v);
        return s.equals("-0") || s.matches("-0\\.0*") ? s.substring(1) : s;
    }

    /** Four significant digits (whole numbers keep all their digits). */
    public static String sig(double v) {
        if (!Double.isFinite(v)) {
            return fixed(v, 0);
        }
        if (v == 0) {
            return "0";
        }
        if (Math.abs(v) >= 1000) {
            return fixed(v, 0);
        }
        BigDecimal b = new BigDecimal(v).round(new MathContext(4));
        return fixed(v, Math.max(0, Math.min(8, b.scale())));
    }

    /** The score alone, at the precision its error supports. */
    public static String score(double score, double error) {
        int d = decimalsFor(error);
        return d < 0 ? sig(score) : fixed(score, d);
    }

    /** The error alone, two significant digits. */
    public static String error(double error) {
        int d = decimalsFor(error);
        return d < 0 ? "" : fixed(error, d);
    }

    public static String time(Instant t) {
        return t == null ? "" : TIME.format(t);
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
        return (u == 0 ? fixed(v, 0) : fixed(v, 1)) + " " + units[u];
    }
}
