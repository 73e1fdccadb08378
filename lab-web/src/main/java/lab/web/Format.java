package lab.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
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
