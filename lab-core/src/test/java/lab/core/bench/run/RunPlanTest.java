package lab.core.bench.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import lab.core.bench.Profile;
import lab.core.bench.Workload;
import lab.core.record.JvmConfig;
import lab.core.store.StoreType;

class RunPlanTest {

    private static final Set<String> ALL = Set.of(RunPlan.READ_FLOOR, RunPlan.WAKEUP_FLOORS.get(0), RunPlan.WAKEUP_FLOORS.get(1));

    private static RunRequest request() {
        return RunRequest.of(Profile.FULL, Path.of("/tmp/reports"), Path.of("/tmp/profiles"))
                .stores(List.of(StoreType.MEMORY, StoreType.CHANNEL))
                .workloads(List.of(Workload.READ, Workload.WRITE))
                .threads(List.of(1, 2)).forks(5).seed(42L);
    }

    @Test
    void eachRoundRunsEveryTrialOnceInAShuffledOrderAndProfiledForksComeLast() {
        RunPlan plan = RunPlan.of(request(), ALL);
        List<ScheduledFork> schedule = plan.schedule();
        int trials = plan.trials().size();

        assertThat(schedule).hasSize(plan.forkCount()).hasSize(trials * 5 + plan.profiledTrials().size());
        List<List<Integer>> rounds = new ArrayList<>();
        for (int r = 0; r < 5; r++) {
            int round = r;
            List<Integer> order = schedule.stream().filter(f -> f.round() == round).map(ScheduledFork::trial).toList();
            assertThat(order).as("round %d", r).hasSize(trials).doesNotHaveDuplicates();
            rounds.add(order);
        }
        assertThat(new HashSet<>(rounds)).as("a fresh order each round").hasSizeGreaterThan(1);
        assertThat(schedule.subList(trials * 5, schedule.size())).allSatisfy(f -> assertThat(f.profiled()).isTrue());
    }

    @Test
    void smokeProfilesItsReadsAndReferenceRowsOnlyQuickAlsoTheWorkloadsWhoseCountsClaimsRead() {
        RunRequest smoke = RunRequest.of(Profile.SMOKE, Path.of("/tmp/reports"), Path.of("/tmp/profiles"))
                .stores(List.of(StoreType.MEMORY, StoreType.CHANNEL)).seed(42L);
        RunPlan plan = RunPlan.of(smoke, ALL);
        List<Trial> profiled = plan.schedule().stream().filter(ScheduledFork::profiled).map(f -> plan.trials().get(f.trial())).toList();
        assertThat(profiled).isNotEmpty().allSatisfy(t -> assertThat(t.reference() || t.workload().equals("read")).isTrue());
        assertThat(profiled).extracting(Trial::store).contains("MEMORY", "CHANNEL");
        assertThat(plan.forkCount()).isEqualTo(plan.trials().size() * plan.rounds() + profiled.size())
                .isLessThan(plan.trials().size() * (plan.rounds() + 1));
        RunPlan quick = RunPlan.of(RunRequest.of(Profile.QUICK, Path.of("r"), Path.of("p")), ALL);
        List<Trial> quickProfiled = quick.profiledTrials().stream().map(quick.trials()::get).toList();
        assertThat(quickProfiled).extracting(Trial::workload).contains("read", "mixed", "getAll", "readFloor", "parkUnpark")
                .doesNotContain("write", "contention");
        assertThat(quick.trials()).extracting(Trial::benchmark).as("quick measures the reference rows claims read")
                .contains(RunPlan.WAKEUP_FLOORS.get(0)).doesNotContain(RunPlan.WAKEUP_FLOORS.get(1));
        RunPlan full = RunPlan.of(RunRequest.of(Profile.FULL, Path.of("r"), Path.of("p")), ALL);
        assertThat(full.profiledTrials()).hasSize(full.trials().size());
    }

    @Test
    void actorTrialsRecordTheWaitStrategyTheyRunNotAuto() {
        RunPlan plan = RunPlan.of(request(), ALL);
        assertThat(plan.trials()).filteredOn(t -> "CHANNEL".equals(t.store()))
                .isNotEmpty().allSatisfy(t -> assertThat(t.params()).containsEntry("wait", "spin_then_park"));
        assertThat(plan.trials()).filteredOn(t -> "MEMORY".equals(t.store())).allSatisfy(t -> assertThat(t.params()).doesNotContainKey("wait"));
        RunPlan swept = RunPlan.of(request().waits(List.of("auto", "blocking")), ALL);
        assertThat(swept.trials()).filteredOn(t -> "CHANNEL".equals(t.store())).extracting(t -> t.params().get("wait"))
                .contains("spin_then_park", "blocking").doesNotContain("auto");
    }

    @Test
    void aRoundRunsEachWorkloadAtEachThreadCountAsOneBlockWithItsFloorsAndJvmsInAFreshOrder() {
        JvmConfig a = new JvmConfig("jdk17-default", "/a/java", List.of(), "17");
        JvmConfig b = new JvmConfig("jdk17-serial", "/a/java", List.of("-XX:+UseSerialGC"), "17");
        RunPlan plan = RunPlan.of(request().jvms(List.of(a, b)), ALL);
        Set<List<String>> blockOrders = new HashSet<>();
        Set<List<Integer>> insideOrders = new HashSet<>();
        for (int r = 0; r < plan.rounds(); r++) {
            List<Trial> order = plan.roundOrder(r).stream().map(plan.trials()::get).toList();
            List<String> blocks = new ArrayList<>();
            for (Trial t : order) {
                if (blocks.isEmpty() || !blocks.get(blocks.size() - 1).equals(t.block())) {
                    assertThat(blocks).as("round %d: block %s runs in one piece", r, t.block()).doesNotContain(t.block());
                    blocks.add(t.block());
                }
            }
            assertThat(blocks).containsExactlyInAnyOrder("read threads=1", "read threads=2", "write threads=1", "write threads=2");
            blockOrders.add(blocks);
            insideOrders.add(plan.roundOrder(r).stream().filter(t -> plan.trials().get(t).block().equals("read threads=1")).toList());
        }
        assertThat(blockOrders).as("the blocks in a fresh order").hasSizeGreaterThan(1);
        assertThat(insideOrders).as("the trials of a block in a fresh order").hasSizeGreaterThan(1);
        assertThat(plan.trials()).filteredOn(t -> t.block().equals("read threads=1")).extracting(Trial::workload)
                .as("the floors run with the reads they are floors of, both JVM configurations together")
                .contains("read", "readFloor", "parkUnpark", "queueHandOff").hasSize(2 * (2 + 3));
    }

    @Test
    void theSameSeedGivesTheSameScheduleAndAnotherSeedAnother() {
        assertThat(RunPlan.of(request(), ALL).schedule()).isEqualTo(RunPlan.of(request(), ALL).schedule());
        assertThat(RunPlan.of(request().seed(43L), ALL).schedule()).isNotEqualTo(RunPlan.of(request(), ALL).schedule());
    }

    @Test
    void theMatrixIsWorkloadsThreadsStoresAndJvmsPlusFloorsAndTheControl() {
        JvmConfig a = new JvmConfig("jdk17-default", "/a/java", List.of(), "17");
        JvmConfig b = new JvmConfig("jdk25-compact-headers", "/b/java", List.of(JvmConfig.COMPACT_HEADERS), "25");
        RunPlan plan = RunPlan.of(request().jvms(List.of(a, b)), ALL);

        Map<String, Long> perJvm = plan.trials().stream().collect(Collectors.groupingBy(t -> t.jvm().name(), Collectors.counting()));
        // 2 workloads x 2 threads x 2 stores + the read floor at 1 and 2 threads + 2 wake-up floors
        assertThat(perJvm).containsEntry("jdk17-default", 12L).containsEntry("jdk25-compact-headers", 12L);
        assertThat(plan.multiJvm()).isTrue();
        assertThat(plan.trials()).filteredOn(t -> t.benchmark().equals(RunPlan.CONTROL) && t.threads() == 1).hasSize(2);
        assertThat(plan.trials()).filteredOn(Trial::reference).allSatisfy(t -> assertThat(t.params()).doesNotContainKey("store"));
    }

    @Test
    void theControlRunsEvenWhenTheReadWorkloadDoesNotAndMissingFloorsAreLeftOut() {
        RunPlan plan = RunPlan.of(request().workloads(List.of(Workload.WRITE)), ALL);
        assertThat(plan.trials()).filteredOn(Trial::reference).singleElement()
                .satisfies(t -> assertThat(t.benchmark()).isEqualTo(RunPlan.CONTROL));

        RunPlan without = RunPlan.of(request(), Set.of());
        assertThat(without.trials()).noneMatch(Trial::reference).hasSize(8);
    }

    @Test
    void waitStrategiesMultiplyOnlyTheActorStores() {
        RunPlan plan = RunPlan.of(request().workloads(List.of(Workload.READ)).threads(List.of(1))
                .waits(List.of("blocking", "yielding")), Set.of());
        assertThat(plan.trials()).extracting(t -> t.store() + "/" + t.params().get("wait"))
                .containsExactlyInAnyOrder("MEMORY/null", "CHANNEL/blocking", "CHANNEL/yielding");
    }

    @Test
    void quickMeasuresEachWorkloadAtTheThreadCountsItsClaimsRead() {
        int cores = Runtime.getRuntime().availableProcessors();
        RunPlan plan = RunPlan.of(RunRequest.of(Profile.QUICK, Path.of("r"), Path.of("p")).stores(List.of(StoreType.MEMORY)),
                Set.of());
        Map<String, List<Integer>> threads = plan.trials().stream().collect(Collectors.groupingBy(Trial::workload,
                java.util.LinkedHashMap::new, Collectors.mapping(Trial::threads, Collectors.toList())));

        assertThat(threads.get("read")).containsExactlyElementsOf(new java.util.LinkedHashSet<>(List.of(1, cores)));
        assertThat(threads.get("mixed")).containsExactly(cores);
        assertThat(threads.get("getAll")).containsExactly(1);
        assertThat(plan.rounds()).as("quick's rounds: 6, the fewest whose paired test can reach p < 0.05").isEqualTo(6);
    }

    @Test
    void withoutAgentAndFlameGraphsThereIsNoProfiledFork() {
        RunPlan plan = RunPlan.of(request().agent(false).flame(false), ALL);
        assertThat(plan.profiledFork()).isFalse();
        assertThat(plan.schedule()).noneMatch(ScheduledFork::profiled).hasSize(plan.trials().size() * 5);
    }

    @Test
    void aTrialKeepsEveryCoreBusyWithItsThreadsAndAnActorsOwnerThread() {
        JvmConfig jvm = JvmAxis.running();
        Trial memory1 = new Trial("b", "read", "MEMORY", Map.of(), 1, jvm);
        Trial memory2 = new Trial("b", "read", "MEMORY", Map.of(), 2, jvm);
        Trial channel1 = new Trial("b", "read", "CHANNEL", Map.of(), 1, jvm);
        Trial floor1 = new Trial(RunPlan.WAKEUP_FLOORS.get(0), "parkUnpark", null, Map.of(), 1, jvm);
        assertThat(memory1.keepsEveryCoreBusy(2)).isFalse();
        assertThat(memory2.keepsEveryCoreBusy(2)).isTrue();
        assertThat(channel1.keepsEveryCoreBusy(2)).as("a caller and the owner thread").isTrue();
        assertThat(channel1.keepsEveryCoreBusy(4)).isFalse();
        assertThat(floor1.keepsEveryCoreBusy(2)).isFalse();
        assertThat(new Trial(RunPlan.READ_FLOOR, "readFloor", null, Map.of(), 2, jvm).keepsEveryCoreBusy(2))
                .as("reference rows warm up as fast at every thread count").isFalse();
        assertThat(memory1.keepsEveryCoreBusy(1)).isTrue();
    }

    @Test
    void quickWarmsUpLongerWhereEveryCoreIsBusyAndWarmupOverridesEveryTrial() {
        int cores = Runtime.getRuntime().availableProcessors();
        RunPlan quick = RunPlan.of(RunRequest.of(Profile.QUICK, Path.of("r"), Path.of("p")), ALL);
        RunPlan.Iterations it = quick.iterations();
        assertThat(it.busyWarmup()).isGreaterThan(it.warmup());
        assertThat(quick.trials()).allSatisfy(t -> assertThat(it.warmupOf(t))
                .isEqualTo(t.keepsEveryCoreBusy(cores) ? it.busyWarmup() : it.warmup()));
        assertThat(quick.trials()).anyMatch(t -> t.keepsEveryCoreBusy(cores));
        Trial busy = quick.trials().stream().filter(t -> t.keepsEveryCoreBusy(cores)).findFirst().orElseThrow();
        assertThat(it.millis(busy)).isEqualTo((long) it.busyWarmup() * it.warmupMillis() + (long) it.measurement() * it.measurementMillis());

        RunPlan overridden = RunPlan.of(RunRequest.of(Profile.QUICK, Path.of("r"), Path.of("p")).iterations(1, 1, 2, 100), ALL);
        assertThat(overridden.trials()).allSatisfy(t -> assertThat(overridden.iterations().warmupOf(t)).isEqualTo(1));

        // as ./lab run's --warmup, --iterations and --time set them: what is not given stays the profile's
        RunPlan.Iterations warmupGiven = RunPlan.of(RunRequest.of(Profile.QUICK, Path.of("r"), Path.of("p"))
                .overrideIterations(3, null, null), ALL).iterations();
        assertThat(warmupGiven).isEqualTo(new RunPlan.Iterations(3, 3, it.warmupMillis(), it.measurement(), it.measurementMillis()));
        RunPlan.Iterations measurementGiven = RunPlan.of(RunRequest.of(Profile.QUICK, Path.of("r"), Path.of("p"))
                .overrideIterations(null, 4, 50), ALL).iterations();
        assertThat(measurementGiven).isEqualTo(new RunPlan.Iterations(it.warmup(), it.busyWarmup(), 50, 4, 50));
    }

    @Test
    void theEstimateGrowsWithForksAndIterations() {
        long five = RunPlan.of(request(), ALL).estimatedSeconds(ForkCost.MEASURED);
        long ten = RunPlan.of(request().forks(10), ALL).estimatedSeconds(ForkCost.MEASURED);
        assertThat(ten).isGreaterThan(five);
        assertThat(five).isPositive();
    }

    @Test
    void theEtaBeforeAnyForkIsThePlansOwnEstimateEvenWhenOnlySomeTrialsAreProfiled() {
        // a preload that dominates the cost, so that the profiled trials (the wake-up floor has none) cost
        // visibly less on average than all trials do
        ForkCost model = new ForkCost(0.88, 100, 1.8);
        for (Profile profile : Profile.values()) {
            RunPlan plan = RunPlan.of(RunRequest.of(profile, Path.of("r"), Path.of("p")), ALL);
            assertThat(new Eta(plan, model).remainingSeconds()).as(profile.label())
                    .isCloseTo(plan.estimatedSeconds(model), org.assertj.core.data.Offset.offset(1L));
        }
    }

    @Test
    void theEtaSaysWhereTheForksTimeWentAndWhatWasBetweenThem() {
        RunPlan plan = RunPlan.of(request().agent(true), ALL);
        Eta eta = new Eta(plan, ForkCost.MEASURED);
        List<ScheduledFork> schedule = plan.schedule();
        ScheduledFork timing = schedule.stream().filter(f -> !f.profiled()).findFirst().orElseThrow();
        ScheduledFork profiled = schedule.stream().filter(ScheduledFork::profiled).findFirst().orElseThrow();
        eta.done(timing, 1.5);
        eta.done(timing, 2.5);
        eta.done(profiled, 4.0);
        eta.done(timing, 0); // a failed fork: counted as neither

        assertThat(eta.spent(9_000_000_000L)).isEqualTo(
                "2 timing forks 0:04 (2.00 s each), 1 profiled forks 0:04 (4.00 s each), 0:01 between forks (333 ms each)");
    }
}
