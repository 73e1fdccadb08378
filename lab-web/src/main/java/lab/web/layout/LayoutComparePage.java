package lab.web.layout;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lab.core.compare.LayoutsAcrossRuns;
import lab.core.compare.LayoutsAcrossRuns.ClassPair;
import lab.core.compare.LayoutsAcrossRuns.ConfigurationPair;
import lab.core.record.Layouts;
import lab.core.record.StoredRun;
import lab.web.Pages;
import lab.web.Site;

/**
 * {@code GET /compare/layouts?base=A&head=B}: the classes two runs laid out, side by side in each
 * JVM configuration both ran (lab-core's {@link LayoutsAcrossRuns}: the rows are
 * {@link lab.core.layout.SideBySide}'s, the same rows {@code ./lab compare A B --layouts} marks
 * {@code *}). Changed classes come open, the unchanged ones folded; classes and configurations on
 * one side only are listed. Without both runs the page is the picker (runs that have
 * {@code layouts.json}); a run without layouts is a 404 that says so.
 */
public final class LayoutComparePage {

    private final Site site;
    private final Pages pages;

    public LayoutComparePage(Site site, Pages pages) {
        this.site = site;
        this.pages = pages;
    }

    public record RunOption(String id, String text) {
    }

    /** One class in both runs, as the template draws it. */
    public record ClassView(String name, boolean differs, String baseSize, String headSize,
                            List<LayoutPage.Row> rows, List<LayoutPage.Row> totals, List<LayoutPage.Sample> samples,
                            String baseNoSample, String headNoSample) {
    }

    public record ConfigurationView(String name, String baseLabel, String headLabel, int changed,
                                    List<ClassView> classes, List<String> onlyInBase, List<String> onlyInHead) {
    }

    public void show(Context ctx) {
        String baseId = blankToNull(ctx.queryParam("base"));
        String headId = blankToNull(ctx.queryParam("head"));
        if (baseId == null || headId == null) {
            String base = baseId == null ? null : site.run(baseId).id(); // a bad or unknown id: 400 or 404 here too
            String head = headId == null ? null : site.run(headId).id();
            pages.render(ctx, "compare-layouts", "picker|" + site.runs().version() + "|" + base + "|" + head,
                    () -> picker(base, head));
            return;
        }
        StoredRun base = site.run(baseId);
        StoredRun head = site.run(headId);
        LayoutsAcrossRuns comparison;
        try {
            comparison = LayoutsAcrossRuns.of(base, head);
        } catch (IllegalArgumentException noLayouts) {
            throw new NotFoundResponse(noLayouts.getMessage());
        }
        pages.render(ctx, "compare-layouts", "runs|" + site.runs().version() + "|" + base.id() + "|" + head.id(),
                () -> model(comparison, base, head), base, head);
    }

    private Map<String, Object> picker(String baseId, String headId) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("title", "Compare layouts");
        model.put("runs", runsWithLayouts());
        model.put("base", baseId);
        model.put("head", headId);
        model.put("comparison", false);
        return model;
    }

    private Map<String, Object> model(LayoutsAcrossRuns c, StoredRun base, StoredRun head) {
        Map<String, Object> model = picker(base.id(), head.id());
        model.put("title", "Layouts — " + base.id() + " vs " + head.id());
        model.put("comparison", true);
        model.put("baseLabel", text(base));
        model.put("headLabel", text(head));
        List<ConfigurationView> confs = new ArrayList<>();
        for (ConfigurationPair p : c.configurations()) {
            List<ClassView> classes = new ArrayList<>();
            for (ClassPair cls : p.classes()) {
                classes.add(new ClassView(cls.name(), cls.differs(), cls.baseInfo().instanceSize() + " B",
                        cls.headInfo().instanceSize() + " B",
                        cls.diff().slots().stream().map(LayoutPage::row).toList(),
                        cls.diff().totals().stream().map(LayoutPage::total).toList(),
                        cls.diff().deep().stream().map(LayoutPage::sample).toList(),
                        cls.baseInfo().noSample(), cls.headInfo().noSample()));
            }
            confs.add(new ConfigurationView(p.name(), p.baseLabel(), p.headLabel(), p.changed().size(), classes,
                    p.onlyInBase(), p.onlyInHead()));
        }
        model.put("configurations", confs);
        model.put("confsOnlyInBase", c.onlyInBase());
        model.put("confsOnlyInHead", c.onlyInHead());
        return model;
    }

    private List<RunOption> runsWithLayouts() {
        List<RunOption> out = new ArrayList<>();
        for (StoredRun r : site.runs().all()) {
            if (r.readable() && r.file(Layouts.FILE_NAME).isPresent()) {
                out.add(new RunOption(r.id(), text(r) + " (" + r.manifest().kind().json() + ")"));
            }
        }
        return out;
    }

    private static String text(StoredRun r) {
        return r.manifest().label().isEmpty() ? r.id() : r.manifest().label() + " — " + r.id();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
