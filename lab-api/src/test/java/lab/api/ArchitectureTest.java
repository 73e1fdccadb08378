package lab.api;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * lab-api's layers (README, "Layout"): lab-core's features ← the Task API ({@code lab.api}) ←
 * the load runner ({@code lab.api.load}, which also declares {@code ./lab load} with lab-core's
 * command machinery). The API knows nothing of load testing; nothing in lab-core reaches up.
 */
@AnalyzeClasses(packages = "lab", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule layers = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("Core features").definedBy(resideInAPackage("lab.core..").and(resideInAPackage("lab.core.cli..").negate()))
            .layer("Core commands").definedBy("lab.core.cli..")
            .layer("Task API").definedBy("lab.api")
            .layer("Load runner").definedBy("lab.api.load..")
            .whereLayer("Load runner").mayNotBeAccessedByAnyLayer()
            .whereLayer("Task API").mayOnlyBeAccessedByLayers("Load runner")
            .whereLayer("Core commands").mayOnlyBeAccessedByLayers("Load runner")
            .whereLayer("Core features").mayOnlyBeAccessedByLayers("Core commands", "Task API", "Load runner");

    @ArchTest
    static final ArchRule modulesDoNotCycle = slices().matching("lab.(*)..").should().beFreeOfCycles();
}
