package lab.core.claims;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A claim report as JSON ({@code ./lab claims RUN --json}, for CI gates): the same content as
 * {@link ClaimsText}, as plain maps and lists for Jackson. Non-finite numbers are null (the text
 * fields say "∞"). The schema is documented in the README ("Machine-readable output");
 * {@link #SCHEMA} changes when a field changes meaning.
 */
public final class ClaimsJson {

    public static final int SCHEMA = 1;

    private ClaimsJson() {
    }

    public static Map<String, Object> of(ClaimReport report) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("schema", SCHEMA);
        out.put("runId", report.runId());
        out.put("jvm", report.jvm());
        out.put("cores", report.cores());
        out.put("cpu", report.cpu());
        out.put("measuredOn", report.measuredOn());
        Map<String, Integer> counts = new LinkedHashMap<>();
        report.counts().forEach((v, n) -> counts.put(v.slug(), n));
        out.put("counts", counts);
        out.put("notes", report.notes());
        List<Map<String, Object>> results = new ArrayList<>();
        for (ClaimResult r : report.results()) {
            Map<String, Object> m = new LinkedHashMap<>();
            Claim c = r.claim();
            m.put("id", c.id());
            m.put("variant", r.variant());
            m.put("section", c.section());
            m.put("beyondTheLog", c.beyondTheLog());
            m.put("verdict", r.verdict().slug());
            m.put("verdictLabel", r.verdict().label());
            m.put("quote", c.quote());
            m.put("logFigure", c.logFigure());
            m.put("ours", r.ours());
            m.put("uncertainty", r.uncertainty());
            m.put("measured", r.measured());
            m.put("why", r.why());
            m.put("caveats", r.caveats());
            m.put("mapping", c.mapping());
            m.put("method", c.method());
            m.put("figure", r.figure() == null ? null : figure(r.figure()));
            m.put("compared", r.compared());
            results.add(m);
        }
        out.put("results", results);
        return out;
    }

    /** Several runs' agreement ({@code ./lab claims A B … --json}): the A/A gate. */
    public static Map<String, Object> of(ClaimAgreement a) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("schema", SCHEMA);
        out.put("runs", a.runIds());
        out.put("readings", a.rows().size());
        out.put("agree", a.agreeing());
        out.put("share", Double.isFinite(a.share()) ? a.share() : null);
        out.put("sameLabels", a.sameLabels());
        out.put("holdsAgainstContradicted", a.holdsAgainstContradicted().stream().map(ClaimAgreement.Row::label).toList());
        out.put("notInEvery", a.notInEvery());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (ClaimAgreement.Row r : a.rows()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("reading", r.label());
            m.put("verdicts", r.verdicts().stream().map(Verdict::slug).toList());
            m.put("agree", r.agree());
            m.put("sameLabels", r.sameLabels());
            rows.add(m);
        }
        out.put("rows", rows);
        return out;
    }

    private static Map<String, Object> figure(ClaimResult.Figure f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("value", finite(f.value()));
        m.put("lo", finite(f.lo()));
        m.put("hi", finite(f.hi()));
        m.put("unit", f.unit());
        m.put("p", finite(f.p()));
        m.put("analysis", f.analysis());
        m.put("band", f.band() == null ? null : java.util.Arrays.asList(nullable(f.band()[0]), nullable(f.band()[1])));
        m.put("tolerance", f.tolerance());
        return m;
    }

    private static Object nullable(double v) {
        return Double.isFinite(v) ? v : null;
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
