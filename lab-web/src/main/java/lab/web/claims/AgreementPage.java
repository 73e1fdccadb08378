package lab.web.claims;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import lab.core.claims.ClaimAgreement;
import lab.core.claims.ClaimBook;
import lab.core.claims.ClaimEvaluator;
import lab.core.claims.ClaimReport;
import lab.core.claims.RunData;
import lab.core.claims.Verdict;
import lab.core.record.StoredRun;
import lab.web.Pages;
import lab.web.Site;

/**
 * {@code GET /claims/agreement?runs=A,B[,C…]}: several runs' claim verdicts side by side, the page
 * of {@code ./lab claims A B …} — how many readings agree, every reading that does not, and any
 * claim one run holds and another contradicts. Two quick runs of one build are the A/A check of
 * the run design; runs hours apart show which verdicts this machine settles and which sit at a
 * band's edge.
 */
public final class AgreementPage {

    /** Each run is judged in full on every render of an uncached page: a bound on the work one request asks for. */
    static final int MAX_RUNS = 8;

    private final Site site;
    private final Pages pages;
    private final ClaimBook book = ClaimBook.load();

    public AgreementPage(Site site, Pages pages) {
        this.site = site;
        this.pages = pages;
    }

    /** One reading's verdicts as the template shows them. */
    public record Row(String label, List<Map<String, String>> verdicts) {
    }

    public void show(Context ctx) {
        String param = ctx.queryParam("runs");
        List<String> ids = param == null ? List.of()
                : Arrays.stream(param.split(",")).map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
        if (ids.size() < 2 || ids.size() > MAX_RUNS) {
            throw new BadRequestResponse("name 2 to " + MAX_RUNS + " different runs: /claims/agreement?runs=A,B (got "
                    + ids.size() + ")");
        }
        List<StoredRun> runs = new ArrayList<>();
        for (String id : ids) {
            runs.add(site.run(id));
        }
        List<ClaimReport> reports = new ArrayList<>();
        for (StoredRun run : runs) {
            reports.add(ClaimEvaluator.evaluate(book, data(run)));
        }
        pages.render(ctx, "claims-agreement", String.join(",", ids), () -> model(runs, ClaimAgreement.of(reports)),
                runs.toArray(new StoredRun[0]));
    }

    private static RunData data(StoredRun run) {
        if (!ClaimsPage.judgeable(run)) {
            throw new BadRequestResponse("run " + run.id() + " is not a complete run with readable JMH results: its claims"
                    + " cannot be judged");
        }
        return RunData.of(run);
    }

    private static List<Row> rows(List<ClaimAgreement.Row> readings) {
        List<Row> out = new ArrayList<>();
        for (ClaimAgreement.Row row : readings) {
            List<Map<String, String>> verdicts = new ArrayList<>();
            for (Verdict v : row.verdicts()) {
                verdicts.add(Map.of("label", v.label(), "slug", v.slug()));
            }
            out.add(new Row(row.label(), verdicts));
        }
        return out;
    }

    private static Map<String, Object> model(List<StoredRun> runs, ClaimAgreement a) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("title", "Verdicts across runs");
        List<Map<String, String>> columns = new ArrayList<>();
        for (StoredRun r : runs) {
            String label = r.manifest().label();
            columns.add(Map.of("id", r.id(), "text", label.isBlank() ? r.id() : label, "href", "/runs/" + r.id() + "/claims"));
        }
        model.put("runs", columns);
        model.put("agreeing", a.agreeing());
        model.put("judged", a.rows().size());
        model.put("share", a.rows().isEmpty() ? "—" : String.format(Locale.ROOT, "%.1f%%", 100 * a.share()));
        model.put("notInEvery", a.notInEvery());
        model.put("sameLabels", a.sameLabels());
        model.put("directionOnly", Verdict.DIRECTION_ONLY.label());
        model.put("flips", a.holdsAgainstContradicted().stream().map(ClaimAgreement.Row::label).toList());
        model.put("command", "./lab claims " + String.join(" ", runs.stream().map(StoredRun::id).toList()));
        model.put("differing", rows(a.differing()));
        model.put("direction", rows(a.directionDiffers()));
        model.put("agreeingRows", rows(a.rows().stream().filter(ClaimAgreement.Row::sameLabels).toList()));
        return model;
    }
}
