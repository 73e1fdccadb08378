package lab.web.claims;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lab.core.claims.ClaimBook;
import lab.core.claims.ClaimEvaluator;
import lab.core.claims.ClaimReport;
import lab.core.claims.ClaimResult;
import lab.core.claims.RunData;
import lab.core.claims.Verdict;
import lab.core.record.RunKind;
import lab.core.record.RunStatus;
import lab.core.record.StoredRun;
import lab.web.Links;
import lab.web.Pages;
import lab.web.Site;

/**
 * {@code GET /claims} (the newest complete run of the lab's own runner) and
 * {@code GET /runs/{id}/claims} (any run, imports and uploads included, chosen explicitly): every
 * quantitative claim of the decision log with the log's figure, ours with its uncertainty, and a
 * verdict — and on which JVM and how many cores ours were measured.
 */
public final class ClaimsPage {

    /** The source the lab's own runner writes into run.json ({@code ./lab run}); imports say "import", uploads "upload". */
    static final String OWN_RUNNER = "run";

    private final Site site;
    private final Pages pages;
    private final ClaimBook book = ClaimBook.load();

    public ClaimsPage(Site site, Pages pages) {
        this.site = site;
        this.pages = pages;
    }

    /** One verdict count for the summary line. */
    public record Count(String label, String slug, int n) {
    }

    /** One row as the template shows it. */
    public record Row(String anchor, String id, String section, String quote, String logFigure, String subject, String ours,
                      String uncertainty, String verdict, String slug, String why, String measured, String mapping,
                      List<String> caveats, String method, String compareHref) {
    }

    /**
     * The verdicts of the newest complete JMH run the lab's own runner made: an imported or
     * uploaded result (anyone who can reach the upload endpoint can make one) never becomes the
     * page everyone sees by default; it is judged when asked for by id.
     */
    public void latest(Context ctx) {
        StoredRun run = site.runs().all().stream().filter(r -> ownRun(r) && judgeable(r)).findFirst().orElse(null);
        if (run == null) {
            Map<String, Object> model = new LinkedHashMap<>();
            model.put("title", "Claims");
            model.put("report", false);
            model.put("others", othersThan(null));
            model.put("about", book.about());
            ctx.render("claims", model);
            return;
        }
        render(ctx, run, true);
    }

    static boolean ownRun(StoredRun r) {
        return OWN_RUNNER.equals(r.manifest().source()) && r.manifest().kind() == RunKind.JMH;
    }

    public void forRun(Context ctx) {
        render(ctx, site.run(ctx.pathParam("id")), false);
    }

    /** A complete run whose JMH results can be read. */
    static boolean judgeable(StoredRun r) {
        if (!r.readable() || r.manifest().status() != RunStatus.COMPLETE) {
            return false;
        }
        try {
            return !r.results().isEmpty();
        } catch (lab.core.record.JmhFormatException e) {
            return false;
        }
    }

    private static RunData data(StoredRun run) {
        try {
            return RunData.of(run);
        } catch (lab.core.record.JmhFormatException e) {
            throw new io.javalin.http.BadRequestResponse("run " + run.id() + " has no readable JMH results: " + e.getMessage());
        }
    }

    /** Other complete runs whose claims can be shown (imports and uploads marked as such), for the picker. */
    private List<Map<String, String>> othersThan(StoredRun shown) {
        List<Map<String, String>> out = new ArrayList<>();
        for (StoredRun r : site.runs().all()) {
            if ((shown == null || !r.id().equals(shown.id())) && r.readable() && r.manifest().status() == RunStatus.COMPLETE
                    && out.size() < 20) {
                String from = ownRun(r) ? "" : " (" + (r.manifest().source() == null ? "unknown source" : r.manifest().source()) + ")";
                out.add(Map.of("href", "/runs/" + r.id() + "/claims",
                        "text", (r.manifest().label().isEmpty() ? r.id() : r.manifest().label() + " — " + r.id()) + from));
            }
        }
        return out;
    }

    /** {@code GET /api/runs/{id}/claims}: the verdicts as JSON. */
    public void api(Context ctx) throws java.io.IOException {
        StoredRun run = site.run(ctx.pathParam("id"));
        ClaimReport report = ClaimEvaluator.evaluate(book, data(run));
        Map<String, Object> out = new LinkedHashMap<>();
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
            m.put("id", r.claim().id());
            m.put("variant", r.variant());
            m.put("verdict", r.verdict().slug());
            m.put("verdictLabel", r.verdict().label());
            m.put("quote", r.claim().quote());
            m.put("logFigure", r.claim().logFigure());
            m.put("ours", r.ours());
            m.put("uncertainty", r.uncertainty());
            m.put("measured", r.measured());
            m.put("why", r.why());
            m.put("caveats", r.caveats());
            m.put("method", r.claim().method());
            results.add(m);
        }
        out.put("results", results);
        ctx.json(out);
    }

    private void render(Context ctx, StoredRun run, boolean newest) {
        RunData data = data(run); // a run whose results cannot be read is a 400, never a cached page
        // "Other runs" lists the index: the page is kept for this version of it only.
        pages.render(ctx, "claims", run.id() + "|" + newest + "|" + site.runs().version(), () -> model(run, data, newest), run);
    }

    private Map<String, Object> model(StoredRun run, RunData data, boolean newest) {
        ClaimReport report = ClaimEvaluator.evaluate(book, data);
        List<Row> rows = new ArrayList<>();
        for (ClaimResult r : report.results()) {
            var c = r.claim();
            String subject = r.variant() == null ? (c.stores().isEmpty() ? "" : String.join(" < ", c.stores()))
                    : r.variant() + (c.baseline() == null ? "" : " vs " + c.baseline());
            String compare = null;
            if (r.variant() != null && c.baseline() != null) {
                compare = Links.query("/compare", "base", run.id(), "stores", c.baseline() + "," + r.variant(),
                        "metric", "primary".equals(c.metric()) ? null : c.metric());
            }
            String anchor = "claim-" + c.id() + (r.variant() == null ? "" : "-" + r.variant().toLowerCase(java.util.Locale.ROOT));
            rows.add(new Row(anchor, c.id(), c.section() == null ? "" : c.section(), c.quote(), c.logFigure(), subject, r.ours(),
                    r.uncertainty(), r.verdict().label(), r.verdict().slug(), r.why() == null ? "" : r.why(), r.measured(),
                    c.mapping() == null ? "" : c.mapping(), r.caveats(), c.method(), compare));
        }
        List<Count> counts = new ArrayList<>();
        report.counts().forEach((v, n) -> counts.add(new Count(v.label(), v.slug(), n)));
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("title", "Claims — " + run.id());
        model.put("report", true);
        model.put("newest", newest);
        model.put("runId", run.id());
        model.put("runLabel", run.manifest().label());
        model.put("status", run.manifest().status() == null ? "" : run.manifest().status().json());
        model.put("measuredOn", report.measuredOn());
        model.put("notes", report.notes());
        model.put("about", book.about());
        model.put("counts", counts);
        model.put("rows", rows);
        model.put("verdicts", List.of(Verdict.values()));
        model.put("others", othersThan(run));
        return model;
    }
}
