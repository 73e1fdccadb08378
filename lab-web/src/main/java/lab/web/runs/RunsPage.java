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

/** {@code GET /runs}: every stored run, newest first, filtered by label, store and status. */
public final class RunsPage {

    private final Site site;

    public RunsPage(Site site) {
        this.site = site;
    }

    public void list(Context ctx) {
        String label = ctx.queryParam("label");
        String store = ctx.queryParam("store");
        String status = ctx.queryParam("status");
        List<StoredRun> all = site.runs().all();
        List<RunSummary> shown = new ArrayList<>();
        TreeSet<String> stores = new TreeSet<>();
        for (StoreType t : StoreType.values()) {
            stores.add(t.name());
        }
        for (StoredRun r : all) {
            RunSummary s = RunSummary.of(r);
            stores.addAll(s.stores());
            if (s.matches(label, store, status)) {
                shown.add(s);
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
        model.put("total", all.size());
        model.put("label", label == null ? "" : label);
        model.put("store", store == null ? "" : store);
        model.put("status", status == null ? "" : status);
        model.put("stores", List.copyOf(stores));
        model.put("statuses", statuses);
        model.put("reports", site.reports().toString());
        ctx.render("runs", model);
    }
}
