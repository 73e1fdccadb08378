package lab.core.compare;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A comparison as JSON ({@code ./lab compare … --json}, for CI gates): the same content as
 * {@link ComparisonText}, as plain maps and lists for Jackson. Numbers that are not finite (an
 * interval of one sample, a ratio over zero) are null, and every figure also comes as the text the
 * terminal prints, so nothing is lost. The schema is documented in the README ("Machine-readable
 * output"); {@link #SCHEMA} changes when a field changes meaning.
 */
public final class ComparisonJson {

    public static final int SCHEMA = 1;

    private ComparisonJson() {
    }

    public static Map<String, Object> of(Comparison c) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("schema", SCHEMA);
        out.put("base", c.base().label());
        out.put("head", c.head().label());
        out.put("metric", c.metric());
        out.put("alpha", c.alpha());
        out.put("samples", c.sampleSummary());
        out.put("analysis", c.analysisSummary());
        out.put("drift", c.drift() == null ? null : drift(c.drift()));
        List<Map<String, Object>> tables = new ArrayList<>();
        int rows = 0;
        int significant = 0;
        for (Comparison.Table t : c.tables()) {
            Map<String, Object> tm = new LinkedHashMap<>();
            tm.put("title", t.title());
            tm.put("metric", t.metric());
            tm.put("unit", t.unit());
            tm.put("higherIsBetter", t.higherIsBetter());
            tm.put("commonParams", t.commonParams());
            Map<String, Object> g = new LinkedHashMap<>();
            g.put("base", finite(t.geomeanBase()));
            g.put("head", finite(t.geomeanHead()));
            g.put("ratio", finite(t.geomeanRatio()));
            g.put("delta", ComparisonText.percent(t.geomeanRatio()));
            g.put("note", t.geomeanNote());
            tm.put("geomean", g);
            List<Map<String, Object>> rl = new ArrayList<>();
            for (Comparison.Row r : t.rows()) {
                rl.add(row(r));
                if (t.metric().equals(Comparer.PRIMARY)) {
                    rows++;
                    significant += r.significant() ? 1 : 0;
                }
            }
            tm.put("rows", rl);
            tables.add(tm);
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("primaryRows", rows);
        summary.put("primarySignificant", significant);
        out.put("summary", summary);
        out.put("tables", tables);
        List<Map<String, Object>> refused = new ArrayList<>();
        for (Comparison.Refused r : c.refused()) {
            refused.add(Map.of("key", r.key(), "metric", r.metric(), "reason", r.reason()));
        }
        out.put("refused", refused);
        out.put("onlyBase", c.onlyBase());
        out.put("onlyHead", c.onlyHead());
        out.put("notes", c.notes());
        return out;
    }

    private static Map<String, Object> row(Comparison.Row r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("key", r.key());
        m.put("label", r.label());
        m.put("baseKey", r.baseResult().key());
        m.put("headKey", r.headResult().key());
        m.put("unit", r.unit());
        m.put("samples", r.samples().label());
        m.put("analysis", r.analysis().text());
        m.put("paired", r.analysis().isPaired());
        m.put("base", interval(r.baseCentre()));
        m.put("head", interval(r.headCentre()));
        Map<String, Object> ratio = interval(r.ratioInterval());
        ratio.put("centre", finite(r.ratio()));
        m.put("ratio", ratio);
        m.put("deltaPercent", finite(r.deltaPercent()));
        m.put("delta", ComparisonText.delta(r));
        Map<String, Object> test = new LinkedHashMap<>();
        test.put("name", r.test().name());
        test.put("p", finite(r.test().p()));
        test.put("exact", r.test().exact());
        test.put("minimumP", finite(r.test().minimumP()));
        test.put("n", r.test().sizes());
        m.put("test", test);
        m.put("change", r.change().name().toLowerCase(java.util.Locale.ROOT));
        m.put("significant", r.significant());
        m.put("note", r.note());
        return m;
    }

    private static Map<String, Object> drift(Drift d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("control", d.control());
        m.put("unit", d.unit());
        m.put("base", interval(d.base()));
        m.put("head", interval(d.head()));
        Map<String, Object> ratio = interval(d.ratio());
        m.put("ratio", ratio);
        m.put("p", finite(d.test().p()));
        m.put("band", finite(d.band()));
        m.put("bandText", d.bandText());
        return m;
    }

    /** A centre with its interval: {centre, lo, hi, confidence, n, text}. */
    static Map<String, Object> interval(Stats.Interval i) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("centre", finite(i.centre()));
        m.put("lo", finite(i.lo()));
        m.put("hi", finite(i.hi()));
        m.put("confidence", finite(i.confidence()));
        m.put("n", i.n());
        m.put("text", ComparisonText.num(i.centre()) + " " + ComparisonText.pm(i));
        return m;
    }

    static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
