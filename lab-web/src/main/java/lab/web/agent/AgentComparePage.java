package lab.web.agent;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import lab.core.compare.AgentComparison;
import lab.core.compare.AgentComparisonText;
import lab.core.record.Json;
import lab.core.record.RunId;
import lab.core.record.RunKind;
import lab.core.record.StoredRun;
import lab.web.Pages;
import lab.web.Site;
import lab.web.TemplateModel;

/**
 * {@code GET /compare?base=A&head=B} (and {@code /api/compare}) when the runs are agent runs:
 * {@link AgentComparison}'s tables — totals, locks by kind, allocations by class — with each
 * side's count and rate per second of its window and the change of the rate. The JMH comparison
 * page hands such requests here ({@link #handles}); an agent run against a run of another kind is
 * refused with 400.
 */
public final class AgentComparePage {

    /** Rows drawn per table; every row is in {@code /api/compare} with the same query. */
    public static final int ROWS_PER_TABLE = 500;

    /** One row as the template prints it. */
    public record RowView(String name, String baseCount, String baseRate, String headCount, String headRate, String change,
                          String css) {
    }

    /** One table as the template prints it. */
    public record TableView(String title, String what, List<RowView> rows, int more) {
    }

    private final Site site;
    private final Pages pages;

    public AgentComparePage(Site site, Pages pages) {
        this.site = site;
        this.pages = pages;
    }

    /** Whether the query names two runs of which one is an agent run (then this page answers). */
    public boolean handles(Context ctx) {
        return run(ctx.queryParam("base")).map(r -> r.manifest().kind() == RunKind.AGENT).orElse(false)
                || run(ctx.queryParam("head")).map(r -> r.manifest().kind() == RunKind.AGENT).orElse(false);
    }

    private Optional<StoredRun> run(String id) {
        return id == null || !RunId.isValid(id.trim()) ? Optional.empty() : site.runs().find(id.trim());
    }

    private AgentComparison comparison(Context ctx, StoredRun[] runs) {
        String baseId = ctx.queryParam("base");
        String headId = ctx.queryParam("head");
        if (baseId == null || baseId.isBlank() || headId == null || headId.isBlank()) {
            throw new BadRequestResponse("an agent run compares with another agent run: give base=RUN and head=RUN");
        }
        if (ctx.queryParam("stores") != null && !ctx.queryParam("stores").isBlank()) {
            throw new BadRequestResponse("agent runs have no stores: compare two agent runs with base=RUN&head=RUN only");
        }
        StoredRun base = site.run(baseId.trim());
        StoredRun head = site.run(headId.trim());
        if (base.manifest().kind() != head.manifest().kind()) {
            throw new BadRequestResponse("run " + base.id() + " is " + AgentComparison.kindOf(base) + " and " + head.id()
                    + " " + AgentComparison.kindOf(head) + ": an agent run compares with another agent run");
        }
        runs[0] = base;
        runs[1] = head;
        try {
            return AgentComparison.of(base, head);
        } catch (IllegalArgumentException unreadable) {
            throw new BadRequestResponse(unreadable.getMessage());
        }
    }

    public void show(Context ctx) {
        StoredRun[] runs = new StoredRun[2];
        AgentComparison c = comparison(ctx, runs);
        pages.render(ctx, "agent-compare", runs[0].id() + "|" + runs[1].id(), () -> model(c), runs[0], runs[1]);
    }

    /** {@code GET /api/compare} for two agent runs: the comparison as JSON (a ratio is null when the base counted none). */
    public void api(Context ctx) throws java.io.IOException {
        AgentComparison c = comparison(ctx, new StoredRun[2]);
        ctx.contentType("application/json; charset=utf-8").result(Json.MAPPER.writeValueAsBytes(c));
    }

    private static Map<String, Object> model(AgentComparison c) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("title", "Compare agent runs " + c.base().runId() + " → " + c.head().runId());
        model.put("base", TemplateModel.of(side("base", c.base())));
        model.put("head", TemplateModel.of(side("head", c.head())));
        model.put("sides", TemplateModel.of(List.of(side("base", c.base()), side("head", c.head()))));
        List<TableView> tables = new ArrayList<>();
        for (AgentComparison.Table t : c.tables()) {
            List<RowView> rows = new ArrayList<>();
            for (AgentComparison.Row r : t.rows().subList(0, Math.min(ROWS_PER_TABLE, t.rows().size()))) {
                rows.add(new RowView(r.name(), AgentComparisonText.count(r.baseCount()), AgentComparisonText.rate(r.baseRate()),
                        AgentComparisonText.count(r.headCount()), AgentComparisonText.rate(r.headRate()), r.change(),
                        r.ratio() == null ? (r.headCount() == 0 ? "same" : "new") : r.ratio() > 1 ? "up" : r.ratio() < 1 ? "down" : "same"));
            }
            tables.add(new TableView(t.title(), t.what(), rows, Math.max(0, t.rows().size() - ROWS_PER_TABLE)));
        }
        model.put("tables", TemplateModel.of(tables));
        model.put("notes", c.notes());
        model.put("rowsPerTable", ROWS_PER_TABLE);
        model.put("apiHref", lab.web.Links.query("/api/compare", "base", c.base().runId(), "head", c.head().runId()));
        return model;
    }

    /** One side as the header shows it. */
    public record SideView(String role, String id, String label, String window, String seconds, String includes, String contendedShare) {
    }

    private static SideView side(String role, AgentComparison.Side s) {
        return new SideView(role, s.runId(), s.label(), "#" + s.window() + " from " + lab.web.Format.time(s.start()),
                lab.core.record.Figures.plain(s.seconds()) + " s", s.includes() == null || s.includes().isEmpty() ? "none" : s.includes(),
                AgentComparisonText.share(s.contendedShare()));
    }
}
