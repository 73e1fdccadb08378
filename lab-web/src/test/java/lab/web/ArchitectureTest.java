package lab.web;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * lab-web sits on top of lab-core (README, "Layers"): its pages use lab-core's features but not
 * its commands, and its own commands ({@code lab.web.cli}: serve, demo) are the top — no page
 * imports them. lab-core never reaches into lab-web, and lab-web's feature packages (runs,
 * compare, flame, layout, claims, api, load) do not cycle through each other. lab-api (the Task
 * API and {@code ./lab load}) sits beside the site on lab-core: neither uses the other (the load
 * page reads the stored run, not the runner).
 */
@AnalyzeClasses(packages = "lab", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule layers = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("Core features").definedBy(resideInAPackage("lab.core..").and(resideInAPackage("lab.core.cli..").negate()))
            .layer("Core commands").definedBy("lab.core.cli..")
            .layer("Site").definedBy(resideInAPackage("lab.web..").and(resideInAPackage("lab.web.cli..").negate()))
            .layer("Site commands").definedBy("lab.web.cli..")
            .layer("Task API and load tests").definedBy("lab.api..")
            .whereLayer("Site commands").mayNotBeAccessedByAnyLayer()
            .whereLayer("Task API and load tests").mayNotBeAccessedByAnyLayer()
            .whereLayer("Site").mayOnlyBeAccessedByLayers("Site commands")
            .whereLayer("Core commands").mayOnlyBeAccessedByLayers("Site commands", "Task API and load tests")
            .whereLayer("Core features").mayOnlyBeAccessedByLayers("Core commands", "Site", "Site commands",
                    "Task API and load tests");

    @ArchTest
    static final ArchRule modulesDoNotCycle = slices().matching("lab.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule sitePackagesDoNotCycle = slices().matching("lab.web.(*)..").should().beFreeOfCycles();
}
