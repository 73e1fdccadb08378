package lab.core;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * lab-core's layers, one direction only (drawn in {@code lab/core/package-info.java}):
 *
 * <pre>
 * store  →  bench, layout, record  →  compare, claims  →  cli
 * </pre>
 *
 * A package may use the layers to its left, never one to its right, and no two packages may
 * reach each other in a cycle (not even two of the same layer). {@code cli} is the top: no
 * feature imports it; commands call the features.
 */
@AnalyzeClasses(packages = "lab.core", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule layers = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("Stores").definedBy("lab.core.store..")
            .layer("Runs").definedBy("lab.core.bench..", "lab.core.layout..", "lab.core.record..")
            .layer("Analysis").definedBy("lab.core.compare..", "lab.core.claims..")
            .layer("Commands").definedBy("lab.core.cli..")
            .whereLayer("Commands").mayNotBeAccessedByAnyLayer()
            .whereLayer("Analysis").mayOnlyBeAccessedByLayers("Commands")
            .whereLayer("Runs").mayOnlyBeAccessedByLayers("Analysis", "Commands")
            .whereLayer("Stores").mayOnlyBeAccessedByLayers("Runs", "Analysis", "Commands");

    @ArchTest
    static final ArchRule noCycles = slices().matching("lab.core.(*)..").should().beFreeOfCycles();
}
