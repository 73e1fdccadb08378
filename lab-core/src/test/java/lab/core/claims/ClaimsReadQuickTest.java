package lab.core.claims;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import lab.core.bench.Profile;
import lab.core.bench.Workload;
import lab.core.bench.run.RunPlan;
import lab.core.bench.run.RunRequest;
import lab.core.bench.run.Trial;
import lab.core.store.StoreType;

/**
 * {@code quick} measures the cells the claims read, and only those: its matrix is written out in
 * {@link Profile} (the bench layer cannot read claims), and this test keeps the two in step when
 * either changes.
 */
class ClaimsReadQuickTest {

    private static final int CORES = Runtime.getRuntime().availableProcessors();

    /** A store on a workload at a thread count. */
    private record Cell(String workload, int threads, String store) {
    }

    private static Set<Cell> cellsTheClaimsRead() {
        return cellsRead(false);
    }

    /** The cells whose agent counts (lab.* metrics, from the profiled fork) a claim reads. */
    private static Set<Cell> cellsWhoseCountsTheClaimsRead() {
        return cellsRead(true);
    }

    private static Set<Cell> cellsRead(boolean countsOnly) {
        Set<Cell> out = new LinkedHashSet<>();
        for (Claim c : ClaimBook.load().claims()) {
            if (countsOnly && !c.metric().startsWith("lab.")) {
                continue;
            }
            boolean measuredByJmh = switch (c.kind()) {
                case LOAD, LAYOUT, UNTESTABLE -> false;
                default -> c.workload() != null;
            };
            if (!measuredByJmh || (c.requiresCores() != null && c.requiresCores() > CORES)) {
                continue;
            }
            List<Integer> threads = c.kind() == Claim.Kind.SCALING ? List.of(1, CORES)
                    : List.of(c.threadsText().equals("max") ? CORES : Integer.parseInt(c.threadsText()));
            List<String> stores = new ArrayList<>(c.subject());
            if (c.baseline() != null) {
                stores.add(c.baseline());
            }
            stores.addAll(c.stores());
            stores.addAll(c.candidates());
            for (String s : stores) {
                if (!Locator.PSEUDO_STORES.contains(s)) {
                    threads.forEach(t -> out.add(new Cell(c.workload(), t, s)));
                }
            }
        }
        return out;
    }

    private static Set<Cell> cellsQuickMeasures() {
        RunPlan plan = RunPlan.of(RunRequest.of(Profile.QUICK, Path.of("r"), Path.of("p")), Set.of());
        Set<Cell> out = new LinkedHashSet<>();
        for (Trial t : plan.trials()) {
            out.add(new Cell(t.workload(), t.threads(), t.store()));
        }
        return out;
    }

    private static Set<Cell> cellsQuickProfiles() {
        RunPlan plan = RunPlan.of(RunRequest.of(Profile.QUICK, Path.of("r"), Path.of("p")).agent(true), Set.of());
        Set<Cell> out = new LinkedHashSet<>();
        for (int i : plan.profiledTrials()) {
            Trial t = plan.trials().get(i);
            out.add(new Cell(t.workload(), t.threads(), t.store()));
        }
        return out;
    }

    @Test
    void quickProfilesExactlyTheCellsWhoseCountsAClaimReads() {
        assertThat(cellsQuickProfiles()).isNotEmpty().containsExactlyInAnyOrderElementsOf(cellsWhoseCountsTheClaimsRead());
    }

    @Test
    void quickMeasuresEveryCellAClaimReads() {
        assertThat(cellsQuickMeasures()).containsAll(cellsTheClaimsRead());
    }

    @Test
    void quickMeasuresNothingNoClaimReads() {
        assertThat(cellsTheClaimsRead()).containsAll(cellsQuickMeasures());
    }

    @Test
    void everyStoreIsInQuickAtLeastOnItsReads() {
        Set<Cell> quick = cellsQuickMeasures();
        for (StoreType s : StoreType.values()) {
            assertThat(quick).contains(new Cell(Workload.READ.method(), 1, s.name()));
        }
    }

    @Test
    void namingTheStoresMeasuresEveryCombinationOfThem() {
        RunPlan plan = RunPlan.of(RunRequest.of(Profile.QUICK, Path.of("r"), Path.of("p"))
                .stores(List.of(StoreType.DENSE_ARRAY)), Set.of());
        assertThat(plan.trials()).extracting(Trial::workload).contains("write", "mixed", "getAll", "contention");
    }
}
