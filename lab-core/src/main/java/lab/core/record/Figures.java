package lab.core.record;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How every figure of the lab is written, on the site and in the terminal. A value with an
 * uncertainty is printed to the precision the uncertainty supports: the uncertainty keeps two
 * significant digits and the value is rounded to the same decimal place ({@code 1.0000050 ±
 * 0.0000012}, {@code 10.00 ± 0.20}, {@code 45,600 ± 1,200}), so no digit is shown that the
 * measurement cannot back and none is dropped that it can. A value without one (no error, or a
 * zero or non-finite error) gets four significant digits and is marked as such by the caller.
 *
 * <p>Thousands are grouped with commas; {@code NaN} and infinities are spelled out. Written by
 * hand rather than with {@code DecimalFormat} because the rounding place depends on a second
 * number (and may be left of the point), and because pages format thousands of figures.
 */
public final class Figures {

    /** Significant digits kept of a value that has no uncertainty. */
    public static final int PLAIN_DIGITS = 4;

    private Figures() {
    }

    /**
     * The decimal place of the second significant digit of {@code error}: 1 for 0.20, 2 for
     * 0.012, −2 for 1,234 (hundreds). {@link Integer#MIN_VALUE} when there is no usable error.
     */
    public static int decimals(double error) {
        if (!Double.isFinite(error) || error <= 0) {
            return Integer.MIN_VALUE;
        }
        int d = 1 - (int) Math.floor(Math.log10(error));
        // 0.0996 rounds to 0.100 at three decimals: that is two digits at two.
        BigDecimal rounded = BigDecimal.valueOf(error).setScale(d, RoundingMode.HALF_UP);
        if (rounded.signum() > 0 && rounded.precision() - rounded.scale() > 2 - d) {
            d--;
        }
        return d;
    }

    /** The value alone, at the precision its error supports (four significant digits without one). */
    public static String value(double value, double error) {
        int d = decimals(error);
        return d == Integer.MIN_VALUE ? plain(value) : fixed(value, d);
    }

    /** The error alone, two significant digits; "" when there is none. */
    public static String error(double error) {
        int d = decimals(error);
        return d == Integer.MIN_VALUE ? "" : fixed(error, d);
    }

    /** {@code value ± error}, or the value alone (four significant digits) when there is no error. */
    public static String withError(double value, double error) {
        int d = decimals(error);
        return d == Integer.MIN_VALUE ? plain(value) : fixed(value, d) + " ± " + fixed(error, d);
    }

    /**
     * An interval's ends at the precision of its half-width ({@code 12.1–18.3}), so the two ends
     * and the centre printed with {@link #value(double, double)} and the same half-width line up.
     */
    public static double halfWidth(double lo, double hi) {
        return Double.isFinite(lo) && Double.isFinite(hi) ? Math.abs(hi - lo) / 2 : Double.NaN;
    }

    /**
     * Samples' range and how many times the largest is the smallest: {@code 1,884–18,710, 9.93×}
     * (a row's fork means, on the run page and the console). Empty for fewer than two positive
     * finite values.
     */
    public static String spread(double[] values) {
        double[] v = java.util.Arrays.stream(values).filter(x -> x > 0 && Double.isFinite(x)).toArray();
        if (v.length < 2) {
            return "";
        }
        double lo = java.util.Arrays.stream(v).min().getAsDouble();
        double hi = java.util.Arrays.stream(v).max().getAsDouble();
        return plain(lo) + "–" + plain(hi) + ", " + fixed(hi / lo, 2) + "×";
    }

    /** Four significant digits; whole numbers of four digits or more keep all of them. */
    public static String plain(double v) {
        if (!Double.isFinite(v)) {
            return special(v);
        }
        if (v == 0) {
            return "0";
        }
        int d = PLAIN_DIGITS - 1 - (int) Math.floor(Math.log10(Math.abs(v)));
        return fixed(v, Math.max(0, d));
    }

    /**
     * {@code v} rounded to {@code decimals} places (negative: to tens, hundreds …), thousands
     * grouped. A rounded zero is written without a sign.
     */
    public static String fixed(double v, int decimals) {
        if (!Double.isFinite(v)) {
            return special(v);
        }
        BigDecimal b = BigDecimal.valueOf(v).setScale(decimals, RoundingMode.HALF_UP);
        if (decimals < 0) {
            b = b.setScale(0, RoundingMode.UNNECESSARY);
        }
        if (b.signum() == 0) {
            b = b.abs();
        }
        String s = b.toPlainString();
        boolean negative = s.startsWith("-");
        String digits = negative ? s.substring(1) : s;
        int point = digits.indexOf('.');
        String whole = point < 0 ? digits : digits.substring(0, point);
        StringBuilder out = new StringBuilder(s.length() + whole.length() / 3);
        if (negative) {
            out.append('-');
        }
        for (int i = 0; i < whole.length(); i++) {
            if (i > 0 && (whole.length() - i) % 3 == 0) {
                out.append(',');
            }
            out.append(whole.charAt(i));
        }
        if (point >= 0) {
            out.append(digits, point, digits.length());
        }
        return out.toString();
    }

    private static String special(double v) {
        return Double.isNaN(v) ? "NaN" : v > 0 ? "+∞" : "−∞";
    }
}
