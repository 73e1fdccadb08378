package lab.web.compare;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import lab.core.compare.Comparer;
import lab.core.compare.Comparison;
import lab.core.compare.ComparisonText;
import lab.core.compare.FlameDiff;
import lab.core.compare.Side;
import lab.core.record.StoredRun;
import lab.core.store.StoreType;
import lab.web.Links;
import lab.web.Pages;
import lab.web.Site;
import lab.web.agent.AgentComparePage;
import lab.web.flame.FlameCatalog;
import lab.web.flame.FlameCatalogs;

/**
 * {@code GET /compare}: two runs ({@code ?base=A&head=B}), or two stores of one run
 * ({@code ?base=RUN&stores=MEMORY,SHARD}), or two stores of two runs
 * ({@code ?base=A&head=B&stores=MEMORY,SHARD}) — the comparison engine's benchstat table for the
 * primary metric and every secondary one, with links to both rows' flame graphs and to their
 * differential flame graph ({@code GET /compare/flame}). Two agent runs are compared by
 * {@link AgentComparePage} (counts and rates per kind and class).
 */
public final class ComparePage {

    /** Rows drawn per table; the rest are in {@code /api/compare} with the same query. */
    public static final int ROWS_PER_TABLE = 500;

    private final Site site;
    private final Pages pages;
    private final FlameCatalogs flames;
    private final AgentComparePage agentRuns;

    public ComparePage(Site site, Pages pages, FlameCatalogs flames) {
        this.site = site;
        this.pages = pages;
        this.flames = flames;
        this.agentRuns = new AgentComparePage(site, pages);
    }

    /** A run for the pickers. */
    public record RunOption(String id, String text) {
    }

    /** One table row as the template shows it. */
    public record RowView(String label, String key, String base, String basePm, String head, String headPm, String delta,
                          String change, String test, String samples, List<FlameCatalog.Link> baseFlames,
                          List<FlameCatalog.Link> headFlames, List<FlameCatalog.Link> diffFlames) {
    }

    /**
     * One table as the template shows it.
     *
     * @param more rows left out of this page (they are in {@code apiHref}) */
    public record TableView(String title, String params, List<RowView> rows, String geomeanBase, String geomeanHead,
                            String geomeanDelta, String geomeanNote, int more, String apiHref) {
    }

    /**
     * How far the control benchmark moved between the two runs.
     *
     * @param moved  head/base of the control's medians as a change, with its interval
     * @param within how many rows of the primary metric the drift explains
     */
    public record DriftView(String control, String base, String head, String moved, String range, String test, String bandText,
                            int within) {
    }

    /** A row both sides have that was not compared, and why. */
    public record RefusedView(String key, String metric, String reason) {
    }

    /** The comparison the query asks for, or null when it names no base run (the empty form). */
    private Comparison comparison(Context ctx, StoredRun[] runs) {
        java.util.function.Supplier<Comparison> c = comparisonOf(ctx, runs);
        return c == null ? null : c.get();
    }

    /**
     * Checks the query and finds its runs (into {@code runs}); the comparison itself, the costly
     * part, is computed when the supplier is called. Null when the query names no base run.
     */
    private java.util.function.Supplier<Comparison> comparisonOf(Context ctx, StoredRun[] runs) {
        String baseId = blankToNull(ctx.queryParam("base"));
        String headId = blankToNull(ctx.queryParam("head"));
        String storesParam = blankToNull(ctx.queryParam("stores"));
        String metric = blankToNull(ctx.queryParam("metric"));
        String jvmsParam = blankToNull(ctx.queryParam("jvms"));
        List<String> stores = storesParam == null ? List.of() : List.of(storesParam.split(","));
        List<String> jvms = jvmsParam == null ? List.of() : List.of(jvmsParam.split(","));
        if (baseId == null) {
            return null;
        }
        if (!jvms.isEmpty() && jvms.size() != 2) {
            throw new BadRequestResponse("jvms takes two JVM configurations of the run, e.g. jdk17-default,jdk25-default");
        }
        if (stores.size() > 2) {
            throw new BadRequestResponse("stores takes one or two store names, e.g. MEMORY,SHARD");
        }
        if (headId == null && stores.size() != 2 && jvms.isEmpty()) {
            throw new BadRequestResponse("give head=RUN, or stores=A,B (or jvms=A,B) to compare two stores (or JVM configurations) of one run");
        }
        StoredRun base = site.run(baseId);
        StoredRun head = headId == null ? base : site.run(headId);
        runs[0] = base;
        runs[1] = head;
        String baseStore = stores.isEmpty() ? null : stores.get(0).trim();
        String headStore = stores.isEmpty() ? null : stores.get(stores.size() - 1).trim();
        return () -> {
            try {
                Side b = Side.of(base, baseStore);
                Side h = Side.of(head, headStore);
                if (!jvms.isEmpty()) {
                    b = b.onJvm(jvms.get(0).trim());
                    h = h.onJvm(jvms.get(1).trim());
                }
                return Comparer.compare(b, h, metric == null ? Comparer.ALL : metric);
            } catch (lab.core.record.JmhFormatException e) {
                throw new BadRequestResponse("a run's jmh.json cannot be read: " + e.getMessage());
            }
        };
    }

    /** {@code GET /api/compare}: the same comparison as JSON (non-finite numbers as null). */
    public void api(Context ctx) throws IOException {
        if (agentRuns.handles(ctx)) {
            agentRuns.api(ctx);
            return;
        }
        StoredRun[] runs = new StoredRun[2];
        Comparison c = comparison(ctx, runs);
        if (c == null) {
            throw new BadRequestResponse("missing query parameter base");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("base", c.base().label());
        out.put("head", c.head().label());
        out.put("metric", c.metric());
        out.put("alpha", c.alpha());
        out.put("samples", c.sampleSummary());
        out.put("analysis", c.analysisSummary());
        out.put("drift", c.drift() == null ? null : drift(c.drift()));
        out.put("refused", c.refused().stream().map(x -> Map.of("key", x.key(), "metric", x.metric(), "reason", x.reason())).toList());
        List<Map<String, Object>> tables = new ArrayList<>();
        for (Comparison.Table t : c.tables()) {
            Map<String, Object> tm = new LinkedHashMap<>();
            tm.put("metric", t.metric());
            tm.put("unit", t.unit());
            tm.put("higherIsBetter", t.higherIsBetter());
            tm.put("commonParams", t.commonParams());
            tm.put("geomeanRatio", finite(t.geomeanRatio()));
            tm.put("geomeanNote", t.geomeanNote());
            List<Map<String, Object>> rows = new ArrayList<>();
            for (Comparison.Row r : t.rows()) {
                Map<String, Object> rm = new LinkedHashMap<>();
                rm.put("key", r.key());
                rm.put("label", r.label());
                rm.put("baseKey", r.baseResult().key());
                rm.put("headKey", r.headResult().key());
                rm.put("samples", r.samples().label());
                rm.put("base", interval(r.baseCentre()));
                rm.put("head", interval(r.headCentre()));
                rm.put("ratio", finite(r.ratio()));
                rm.put("deltaPercent", finite(r.deltaPercent()));
                rm.put("p", finite(r.test().p()));
                rm.put("exactP", r.test().exact());
                rm.put("change", r.change().name().toLowerCase(java.util.Locale.ROOT));
                rm.put("delta", ComparisonText.delta(r));
                rm.put("analysis", r.analysis().text());
                rm.put("test", r.test().name());
                rm.put("n", r.test().sizes());
                rows.add(rm);
            }
            tm.put("rows", rows);
            tables.add(tm);
        }
        out.put("tables", tables);
        out.put("onlyBase", c.onlyBase());
        out.put("onlyHead", c.onlyHead());
        out.put("notes", c.notes());
        ctx.contentType("application/json; charset=utf-8").result(lab.core.record.Json.MAPPER.writeValueAsBytes(out));
    }

    private static Map<String, Object> drift(lab.core.compare.Drift d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("control", d.control());
        m.put("unit", d.unit());
        m.put("base", interval(d.base()));
        m.put("head", interval(d.head()));
        m.put("ratio", interval(d.ratio()));
        m.put("p", finite(d.test().p()));
        m.put("band", finite(d.band()));
        m.put("bandText", d.bandText());
        return m;
    }

    private static Map<String, Object> interval(lab.core.compare.Stats.Interval i) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("median", finite(i.centre()));
        m.put("lo", finite(i.lo()));
        m.put("hi", finite(i.hi()));
        m.put("confidence", finite(i.confidence()));
        m.put("n", i.n());
        return m;
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    public void show(Context ctx) {
        if (agentRuns.handles(ctx)) {
            agentRuns.show(ctx);
            return;
        }
        String baseId = blankToNull(ctx.queryParam("base"));
        String headId = blankToNull(ctx.queryParam("head"));
        String storesParam = blankToNull(ctx.queryParam("stores"));
        String metric = blankToNull(ctx.queryParam("metric"));
        String jvmsParam = blankToNull(ctx.queryParam("jvms"));
        StoredRun[] runs = new StoredRun[2];
        java.util.function.Supplier<Comparison> comparison = comparisonOf(ctx, runs);
        // The run pickers list every run: the page is kept for this version of the index only.
        String key = site.runs().version() + "|" + baseId + "|" + headId + "|" + storesParam + "|" + metric + "|" + jvmsParam;
        StoredRun[] involved = comparison == null ? new StoredRun[0] : new StoredRun[] {runs[0], runs[1]};
        pages.render(ctx, "compare", key, () -> model(comparison == null ? null : comparison.get(), runs, baseId, headId, storesParam,
                metric, jvmsParam), involved);
    }

    private Map<String, Object> model(Comparison c, StoredRun[] runs, String baseId, String headId, String storesParam,
                                      String metric, String jvmsParam) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("title", "Compare");
        model.put("runs", site.runs().all().stream()
                .map(r -> new RunOption(r.id(), r.manifest().label().isEmpty() ? r.id() : r.manifest().label() + " — " + r.id()))
                .toList());
        model.put("storeNames", java.util.Arrays.stream(StoreType.values()).map(Enum::name).toList());
        model.put("base", baseId == null ? "" : baseId);
        model.put("head", headId == null ? "" : headId);
        model.put("stores", storesParam == null ? "" : storesParam);
        model.put("metric", metric == null ? "all" : metric);
        model.put("jvms", jvmsParam == null ? "" : jvmsParam);
        model.put("comparison", false);
        model.put("rowsPerTable", ROWS_PER_TABLE);
        if (c != null) {
            StoredRun base = runs[0];
            StoredRun head = runs[1];
            model.put("comparison", true);
            model.put("title", "Compare " + c.base().label() + " → " + c.head().label());
            model.put("baseLabel", c.base().label());
            model.put("headLabel", c.head().label());
            model.put("baseEnv", base.manifest().environment().summary());
            model.put("headEnv", head.manifest().environment().summary());
            model.put("samples", c.sampleSummary());
            model.put("analysis", c.analysisSummary());
            model.put("tests", tests(c));
            model.put("twoRuns", !base.id().equals(head.id()));
            model.put("verdictsHref", base.id().equals(head.id()) ? null
                    : Links.query("/claims/agreement", "runs", base.id() + "," + head.id()));
            model.put("drift", driftView(c));
            model.put("refused", c.refused().stream().map(x -> new RefusedView(x.key(), x.metric(), x.reason())).toList());
            model.put("tables", tables(c, base, head, Links.query("/api/compare", "base", baseId, "head", headId, "stores", storesParam,
                    "metric", metric, "jvms", jvmsParam)));
            model.put("notes", c.notes());
            model.put("onlyBase", first(c.onlyBase()));
            model.put("onlyHead", first(c.onlyHead()));
            model.put("onlyBaseMore", Math.max(0, c.onlyBase().size() - ROWS_PER_TABLE));
            model.put("onlyHeadMore", Math.max(0, c.onlyHead().size() - ROWS_PER_TABLE));
        }
        return model;
    }

    /** The tests the rows got, with their sample sizes: "Wilcoxon signed-rank, n=6 rounds", "Mann-Whitney U, n=6+6". */
    static String tests(Comparison c) {
        Set<String> t = new LinkedHashSet<>();
        for (Comparison.Table table : c.tables()) {
            for (Comparison.Row r : table.rows()) {
                if (r.change() != lab.core.compare.Change.UNKNOWN) {
                    t.add(r.test().name() + ", " + r.test().sizes() + (r.test().exact() ? " (exact p)" : " (normal approximation)"));
                }
            }
        }
        return t.isEmpty() ? "none (no row could be tested)" : String.join("; ", t);
    }

    static DriftView driftView(Comparison c) {
        lab.core.compare.Drift d = c.drift();
        if (d == null) {
            return null;
        }
        int within = 0;
        for (Comparison.Table t : c.tables()) {
            for (Comparison.Row r : t.rows()) {
                within += r.change() == lab.core.compare.Change.DRIFT ? 1 : 0;
            }
        }
        return new DriftView(d.control(), lab.web.Format.interval(d.base()) + " " + d.unit(), lab.web.Format.interval(d.head()) + " "
                + d.unit(), ComparisonText.percent(d.ratio().centre()), ComparisonText.ratioRange(d.ratio()),
                String.format(java.util.Locale.ROOT, "%s p = %s, %s", d.test().name(), lab.core.record.Figures.plain(d.test().p()),
                        d.test().sizes()), d.bandText(), within);
    }

    private static List<String> first(List<String> keys) {
        return keys.size() > ROWS_PER_TABLE ? keys.subList(0, ROWS_PER_TABLE) : keys;
    }

    private List<TableView> tables(Comparison c, StoredRun base, StoredRun head, String apiHref) {
        FlameCatalog bc = flames.of(base);
        FlameCatalog hc = flames.of(head);
        List<TableView> out = new ArrayList<>();
        for (Comparison.Table t : c.tables()) {
            boolean primary = t.metric().equals(Comparer.PRIMARY);
            List<RowView> rows = new ArrayList<>();
            for (Comparison.Row r : t.rows().subList(0, Math.min(ROWS_PER_TABLE, t.rows().size()))) {
                List<FlameCatalog.Link> bl = primary ? bc.links(r.baseResult().key()) : List.of();
                List<FlameCatalog.Link> hl = primary ? hc.links(r.headResult().key()) : List.of();
                Set<String> both = new LinkedHashSet<>();
                bl.forEach(l -> both.add(l.event()));
                both.retainAll(hl.stream().map(FlameCatalog.Link::event).toList());
                List<FlameCatalog.Link> diff = new ArrayList<>();
                for (String ev : both) {
                    if (collapsed(bc, r.baseResult().key(), ev).isPresent() && collapsed(hc, r.headResult().key(), ev).isPresent()) {
                        diff.add(new FlameCatalog.Link(ev, diffHref(base.id(), head.id(), r.baseResult().key(), r.headResult().key(), ev)));
                    }
                }
                rows.add(new RowView(r.label(), r.key(), ComparisonText.centre(r.baseCentre()), ComparisonText.pm(r.baseCentre()),
                        ComparisonText.centre(r.headCentre()), ComparisonText.pm(r.headCentre()), ComparisonText.delta(r),
                        r.change().name().toLowerCase(java.util.Locale.ROOT), ComparisonText.test(r), r.samples().label(),
                        bl, hl, diff));
            }
            String params = t.commonParams().isEmpty() ? "" : t.commonParams().toString();
            out.add(new TableView(t.title(), params, rows, ComparisonText.num(t.geomeanBase()), ComparisonText.num(t.geomeanHead()),
                    ComparisonText.percent(t.geomeanRatio()), t.geomeanNote() == null ? "" : t.geomeanNote(),
                    Math.max(0, t.rows().size() - ROWS_PER_TABLE), apiHref));
        }
        return out;
    }

    static String diffHref(String baseRun, String headRun, String baseKey, String headKey, String event) {
        return Links.query("/compare/flame", "base", baseRun, "head", headRun, "baseKey", baseKey, "headKey", headKey, "event", event);
    }

    /** The collapsed stacks of one result and event, found through the run's catalog (never a path from the URL). */
    static Optional<Path> collapsed(FlameCatalog catalog, String resultKey, String event) {
        for (FlameCatalog.Folder f : catalog.folders()) {
            if (resultKey.equals(f.key())) {
                FlameCatalog.Source s = f.events().get(event);
                return s == null ? Optional.empty() : Optional.ofNullable(s.collapsed());
            }
        }
        return Optional.empty();
    }

    /** {@code GET /compare/flame?base=A&head=B&baseKey=K1&headKey=K2&event=cpu}: the differential flame graph. */
    public void flame(Context ctx) throws IOException {
        String baseId = required(ctx, "base");
        String headId = required(ctx, "head");
        String baseKey = required(ctx, "baseKey");
        String headKey = required(ctx, "headKey");
        String event = required(ctx, "event");
        if (!event.matches("[a-z0-9_.]{1,32}")) {
            throw new BadRequestResponse("not an event name");
        }
        StoredRun base = site.run(baseId);
        StoredRun head = site.run(headId);
        FlameCatalog bc = flames.of(base);
        FlameCatalog hc = flames.of(head);
        Path bp = collapsed(bc, baseKey, event)
                .orElseThrow(() -> new NotFoundResponse("run " + base.id() + " has no collapsed " + event + " stacks for " + baseKey));
        Path hp = collapsed(hc, headKey, event)
                .orElseThrow(() -> new NotFoundResponse("run " + head.id() + " has no collapsed " + event + " stacks for " + headKey));
        pages.render(ctx, "compare-flame", base.id() + "|" + head.id() + "|" + baseKey + "|" + headKey + "|" + event, () -> {
            try {
                return flameModel(FlameDiff.of(FlameDiff.readCollapsed(bp), FlameDiff.readCollapsed(hp)), event, base, head, baseKey, headKey,
                        bc, hc);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, base, head);
    }

    private static Map<String, Object> flameModel(FlameDiff d, String event, StoredRun base, StoredRun head, String baseKey,
                                                  String headKey, FlameCatalog bc, FlameCatalog hc) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("title", "Differential flame graph — " + event);
        model.put("event", event);
        model.put("baseRun", base.id());
        model.put("headRun", head.id());
        model.put("baseKey", baseKey);
        model.put("headKey", headKey);
        model.put("baseSamples", d.baseSamples());
        model.put("headSamples", d.headSamples());
        model.put("flame", lab.web.TemplateModel.of(FlameDiffView.of(d)));
        model.put("changes", d.changes(25).stream().map(ch -> new ChangeView(ch.frame(), pct(ch.baseSelf()), pct(ch.headSelf()),
                String.format(java.util.Locale.ROOT, "%+.2f pp", ch.delta() * 100), ch.delta() > 0 ? "grew" : ch.delta() < 0 ? "shrank" : "")).toList());
        model.put("vanished", d.vanished(15).stream().map(ch -> new ChangeView(ch.frame(), pct(ch.baseSelf()), "0", "", "shrank")).toList());
        model.put("baseFlames", bc.links(baseKey));
        model.put("headFlames", hc.links(headKey));
        return model;
    }

    /** A function's change for the table under the graph. */
    public record ChangeView(String frame, String base, String head, String delta, String css) {
    }

    private static String pct(double share) {
        return String.format(java.util.Locale.ROOT, "%.2f%%", share * 100);
    }

    private static String required(Context ctx, String name) {
        String v = blankToNull(ctx.queryParam(name));
        if (v == null) {
            throw new BadRequestResponse("missing query parameter " + name);
        }
        return v;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
