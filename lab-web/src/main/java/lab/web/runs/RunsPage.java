package lab.web.runs;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import lab.core.record.RunStatus;
import lab.core.record.StoredRun;
import lab.core.store.StoreType;
import lab.web.Site;
import lab.web.TemplateModel;

/**
 * {@code GET /runs}: every run, newest first, filtered by label, store, status and kind (JMH, load,
 * layout, agent: the manifest's {@code RunKind}) — running ones
 * with their progress (the page reloads itself while one runs), abandoned ones with how to remove
 * them. Rendered per request (the list changes as runs land); the rows are built once per index
 * version.
 */
public final class RunsPage {

    private final Site site;
    /** The summaries of the index's current list (rebuilt when the index hands out a new list). */
    private volatile Summaries summaries;

    private record Summaries(List<StoredRun> of, List<RunSummary> rows, List<Object> models, List<String> stores) {
    }

    public RunsPage(Site site) {
        this.site = site;
    }

    public void list(Context ctx) {
        String label = ctx.queryParam("label");
        String store = ctx.queryParam("store");
        String status = ctx.queryParam("status");
        String kind = ctx.queryParam("kind");
        Summaries all = summaries(site.runs().all());
        List<Object> shown = new ArrayList<>();
        for (int i = 0; i < all.rows().size(); i++) {
            if (all.rows().get(i).matches(label, store, status, kind)) {
                shown.add(all.models().get(i));
            }
        }
        List<String> statuses = new ArrayList<>();
        for (RunStatus st : RunStatus.values()) {
            statuses.add(st.json());
        }
        statuses.add("unreadable");
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("title", "Runs");
        model.put("runs", shown);
        model.put("total", all.rows().size());
        model.put("label", label == null ? "" : label);
        model.put("store", store == null ? "" : store);
        model.put("status", status == null ? "" : status);
        model.put("stores", all.stores());
        model.put("statuses", statuses);
        model.put("kind", kind == null ? "" : kind);
        model.put("kinds", java.util.Arrays.stream(lab.core.record.RunKind.values()).map(lab.core.record.RunKind::json).toList());
        model.put("reports", site.reports().toString());
        boolean anyRunning = all.rows().stream().anyMatch(r -> r.status().equals(RunStatus.RUNNING.json()));
        model.put("anyRunning", anyRunning);
        model.put("refresh", anyRunning ? "10" : null);
        ctx.header("Cache-Control", "no-cache");
        ctx.render("runs", model);
    }

    private Summaries summaries(List<StoredRun> runs) {
        Summaries s = summaries;
        if (s != null && s.of() == runs) {
            return s;
        }
        List<RunSummary> rows = new ArrayList<>(runs.size());
        TreeSet<String> stores = new TreeSet<>();
        for (StoreType t : StoreType.values()) {
            stores.add(t.name());
        }
        for (StoredRun r : runs) {
            RunSummary sum = RunSummary.of(r);
            stores.addAll(sum.stores());
            rows.add(sum);
        }
        List<Object> models = new ArrayList<>(rows.size());
        for (RunSummary r : rows) {
            models.add(TemplateModel.of(r));
        }
        s = new Summaries(runs, List.copyOf(rows), models, List.copyOf(stores));
        summaries = s;
        return s;
    }
}
