package lab.web.claims;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import lab.core.claims.ClaimAgreement;
import lab.core.claims.ClaimBook;
import lab.core.claims.ClaimEvaluator;
import lab.core.claims.ClaimReport;
import lab.core.claims.ClaimResult;
import lab.core.claims.ClaimsText;
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

    /**
     * How zero claims are judged, said once on the page (each zero verdict states its own
     * tolerance): the rule as the claims data's zero claims state it in their method.
     */
    static String zeroRule(ClaimBook book) {
        return book.claims().stream().filter(lab.core.claims.Claim::isZero).map(lab.core.claims.Claim::method)
                .map(m -> "Zero claims (\"0 B/op\", \"no context switches\"): " + m.substring(Math.max(0, m.indexOf("Holds:")))
                        + " Each zero verdict states the tolerance this run measured for it.")
                .findFirst().orElse("");
    }

    public ClaimsPage(Site site, Pages pages) {
        this.site = site;
        this.pages = pages;
    }

    /** One verdict count for the summary line. */
    public record Count(String label, String slug, int n) {
    }

    /**
     * One row as the template shows it.
     *
     * @param variant     the reading judged (a wait strategy, a JVM configuration, one of several stores), or ""
     * @param tolerance   a zero claim's tolerance, measured in the same run, or ""
     * @param compareHref the comparison behind the verdict ({@code /compare} of the two stores, on the JVM judged), or null
     */
    public record Row(String anchor, String id, String section, String quote, String logFigure, String subject, String variant,
                      String ours, String uncertainty, String verdict, String slug, String why, String measured, String mapping,
                      List<String> caveats, String method, String compareHref, String tolerance, String history,
                      boolean settled) {
    }

    /** A group of rows with its own heading: the log's claims, its load estimates, what the lab adds beyond the log. */
    public record Group(String anchor, String title, String intro, List<Row> rows) {
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

    /** How many runs the "recent runs" link and each verdict's history lay side by side, this one included. */
    static final int RECENT_RUNS = 6;

    /**
     * This run and up to {@link #RECENT_RUNS} - 1 runs of its profile before it, oldest first: how
     * settled each verdict is on this machine, which a single run's interval cannot say (two quick
     * runs differ on a few readings at band edges: README, "Running benchmarks"). Empty with fewer
     * than three runs: two are the previous-run link's.
     */
    private List<StoredRun> recentRuns(StoredRun shown) {
        List<StoredRun> earlier = earlierOfSameProfile(shown, RECENT_RUNS - 1);
        if (earlier.size() < 2) {
            return List.of();
        }
        List<StoredRun> out = new ArrayList<>(earlier);
        Collections.reverse(out);
        out.add(shown);
        return out;
    }

    /**
     * Each reading's verdicts in the recent runs (the last is this run's report), by reading
     * label, compared as {@code ./lab claims A B …} compares them (Verdict#judgement).
     */
    private Map<String, ClaimAgreement.Row> history(List<StoredRun> recent, ClaimReport report) {
        if (recent.isEmpty()) {
            return Map.of();
        }
        List<ClaimReport> reports = new ArrayList<>();
        for (StoredRun r : recent.subList(0, recent.size() - 1)) {
            reports.add(ClaimEvaluator.evaluate(book, data(r)));
        }
        reports.add(report);
        Map<String, ClaimAgreement.Row> out = new LinkedHashMap<>();
        for (ClaimAgreement.Row row : ClaimAgreement.of(reports).rows()) {
            out.put(row.label(), row);
        }
        return out;
    }

    /** "the same in 6 runs" or "in 6 runs: contradicted 4, inconclusive 2"; empty without a history. */
    static String historyText(ClaimAgreement.Row row) {
        if (row == null) {
            return "";
        }
        int runs = row.verdicts().size();
        if (row.agree()) {
            return "the same in " + runs + " runs";
        }
        Map<Verdict, Integer> counts = new EnumMap<>(Verdict.class);
        row.verdicts().forEach(v -> counts.merge(v.judgement(), 1, Integer::sum));
        List<String> parts = new ArrayList<>();
        counts.forEach((v, n) -> parts.add(v.label() + " " + n));
        return "in " + runs + " runs: " + String.join(", ", parts);
    }

    /**
     * The A/A check against the run of the lab's runner with the same profile that completed just
     * before this one ({@code /claims/agreement}), or null when there is none.
     */
    private String againstPrevious(StoredRun shown) {
        List<StoredRun> earlier = earlierOfSameProfile(shown, 1);
        return earlier.isEmpty() ? null : Links.query("/claims/agreement", "runs", earlier.get(0).id() + "," + shown.id());
    }

    /** Up to {@code max} complete runs of the lab's runner with the shown run's profile, before it, newest first. */
    private List<StoredRun> earlierOfSameProfile(StoredRun shown, int max) {
        var config = shown.manifest().configuration();
        String profile = config == null ? null : config.profile();
        if (profile == null || !ownRun(shown)) {
            return List.of();
        }
        List<StoredRun> all = site.runs().all(); // newest first
        int at = all.stream().map(StoredRun::id).toList().indexOf(shown.id());
        if (at < 0) {
            return List.of();
        }
        List<StoredRun> out = new ArrayList<>();
        for (StoredRun r : all.subList(at + 1, all.size())) {
            if (out.size() == max) {
                break;
            }
            var c = r.manifest().configuration();
            if (ownRun(r) && c != null && profile.equals(c.profile()) && judgeable(r)) {
                out.add(r);
            }
        }
        return out;
    }

    /** {@code GET /api/runs/{id}/claims}: the verdicts as JSON. */
    public void api(Context ctx) throws java.io.IOException {
        StoredRun run = site.run(ctx.pathParam("id"));
        RunData data = data(run);
        ClaimReport report = ClaimEvaluator.evaluate(book, data);
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
            m.put("kind", r.claim().kind().name().toLowerCase(Locale.ROOT));
            m.put("beyondTheLog", r.claim().beyondTheLog());
            m.put("tolerance", r.figure() == null ? null : r.figure().tolerance());
            m.put("compare", compareHref(run.id(), r, data.jvms()));
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

    /** The comparison behind a verdict: the two stores it compared, on the JVM configuration it was judged on. */
    static String compareHref(String runId, ClaimResult r, List<String> jvms) {
        if (r.compared().size() != 2) {
            return null;
        }
        String jvm = null;
        for (String j : jvms) {
            if (r.variant() != null && r.variant().endsWith("on " + j)) {
                jvm = j;
            }
        }
        var c = r.claim();
        return Links.query("/compare", "base", runId, "stores", r.compared().get(0) + "," + r.compared().get(1),
                "jvms", jvm == null ? null : jvm + "," + jvm, "metric", "primary".equals(c.metric()) ? null : c.metric());
    }

    private Map<String, Object> model(StoredRun run, RunData data, boolean newest) {
        ClaimReport report = ClaimEvaluator.evaluate(book, data);
        List<StoredRun> recent = recentRuns(run);
        Map<String, ClaimAgreement.Row> history = history(recent, report);
        List<Row> rows = new ArrayList<>();
        List<Row> load = new ArrayList<>();
        List<Row> beyond = new ArrayList<>();
        List<String> jvms = data.jvms();
        for (ClaimResult r : report.results()) {
            var c = r.claim();
            String stores = c.kind() == lab.core.claims.Claim.Kind.ORDER ? String.join(" < ", c.stores())
                    : String.join("/", c.subject()) + (c.baseline() == null ? "" : " vs " + c.baseline());
            String anchor = "claim-" + c.id() + (r.variant() == null ? "" : "-" + lab.core.record.RunId.slug(r.variant()));
            String tolerance = r.figure() == null || r.figure().tolerance() == null ? "" : r.figure().tolerance();
            ClaimAgreement.Row past = history.get(ClaimsText.label(r));
            Row row = new Row(anchor, c.id(), c.section() == null ? "" : c.section(), c.quote(), c.logFigure(), stores,
                    r.variant() == null ? "" : r.variant(), r.ours(), r.uncertainty(), r.verdict().label(), r.verdict().slug(),
                    r.why() == null ? "" : r.why(), r.measured(), c.mapping() == null ? "" : c.mapping(), r.caveats(), c.method(),
                    compareHref(run.id(), r, jvms), tolerance, historyText(past), past != null && past.agree());
            if (c.beyondTheLog()) {
                beyond.add(row);
            } else if (c.kind() == lab.core.claims.Claim.Kind.LOAD) {
                load.add(row);
            } else {
                rows.add(row);
            }
        }
        List<Group> groups = new ArrayList<>();
        groups.add(new Group("log", "The log's claims", "Each quantitative claim of the decision log, tested on this run.", rows));
        RunData.LoadRun lr = data.load();
        groups.add(new Group("load", "The log's load estimates", lr == null
                ? "Its Load Testing Decision Matrix and RPS figures against a load run: none is stored, so they are not testable here"
                        + " (./lab load makes one)."
                : "Its Load Testing Decision Matrix and RPS figures against load run " + lr.id() + " (the newest complete one):"
                        + " each store's measured maximum requests/s, client and server on the same cores.", load));
        groups.add(new Group("beyond", "Beyond the log", "What the stores and floors the log never tried say about its conclusions"
                + " (DISRUPTOR against CHANNEL and MEMORY, INT_SHARD's allocation, the read and wake-up floors): verdicts computed"
                + " from this run like the others.", beyond));
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
        model.put("groups", groups);
        model.put("loadRun", lr == null ? null : lr.id());
        model.put("zeroTolerance", zeroRule(book));
        model.put("verdicts", List.of(Verdict.values()));
        model.put("others", othersThan(run));
        model.put("againstPrevious", againstPrevious(run));
        model.put("acrossRecent", recent.isEmpty() ? null
                : Links.query("/claims/agreement", "runs", String.join(",", recent.stream().map(StoredRun::id).toList())));
        return model;
    }
}
