package lab.core.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import lab.core.compare.LayoutsAcrossRuns.ClassPair;
import lab.core.compare.LayoutsAcrossRuns.ConfigurationPair;
import lab.core.layout.SideBySide;
import org.junit.jupiter.api.Test;

/**
 * Two runs' layouts: the same class in the same JVM configuration side by side with the changed
 * rows marked, and what only one side has listed, at the class and the configuration level.
 */
class LayoutsAcrossRunsTest {

    @Test
    void aFieldAddedIsMarkedAndTheRowsThatStayedTheSameAreNot() {
        LayoutsAcrossRuns c = LayoutsAcrossRuns.of("a", LayoutFixture.before(), "b", LayoutFixture.after());

        assertThat(c.configurations()).extracting(ConfigurationPair::name).containsExactly("jdk17-default");
        ConfigurationPair p = c.configurations().get(0);
        assertThat(p.classes()).extracting(ClassPair::name).containsExactly(LayoutFixture.POINT);
        SideBySide.Diff diff = p.classes().get(0).diff();
        assertThat(marked(diff)).containsExactlyInAnyOrder("tag Object", "(alignment padding)",
                "alignment padding (external loss)");
        assertThat(unmarked(diff)).contains("object header", "x int", "y int", "instance size (shallow)",
                "gaps inside (internal loss)", "deep size, new-instance");
        assertThat(c.differs()).isTrue();
    }

    @Test
    void classesAndConfigurationsOnOneSideOnlyAreListed() {
        LayoutsAcrossRuns c = LayoutsAcrossRuns.of("a", LayoutFixture.before(), "b", LayoutFixture.after());

        ConfigurationPair p = c.configurations().get(0);
        assertThat(p.onlyInBase()).containsExactly(LayoutFixture.GONE);
        assertThat(p.onlyInHead()).containsExactly(LayoutFixture.ADDED);
        assertThat(c.onlyInBase()).isEmpty();
        assertThat(c.onlyInHead()).containsExactly("jdk25-default");
    }

    @Test
    void aConfigurationThatFailedOnOneSideIsNotCompared() {
        LayoutsAcrossRuns c = LayoutsAcrossRuns.of("a", LayoutFixture.before(), "b",
                LayoutFixture.layouts(LayoutFixture.failed("jdk17-default")));

        assertThat(c.configurations()).isEmpty();
        assertThat(c.onlyInBase()).containsExactly("jdk17-default");
        assertThat(LayoutsAcrossRunsText.format(c)).contains("no JVM configuration ran in both runs: base ran jdk17-default, head ran none");
    }

    @Test
    void aRunComparedWithItselfHasNothingMarked() {
        LayoutsAcrossRuns c = LayoutsAcrossRuns.of("a", LayoutFixture.after(), "a", LayoutFixture.after());

        assertThat(c.differs()).isFalse();
        assertThat(c.configurations()).allSatisfy(p -> assertThat(p.changed()).isEmpty());
        assertThat(LayoutsAcrossRunsText.format(c)).doesNotContainPattern("(?m)^\\* (?!= the two sides differ)").contains("the same in both (every row): Point (24 B)");
    }

    @Test
    void theTextPrintsTheChangedClassWithItsMarkedRows() {
        String text = LayoutsAcrossRunsText.format(LayoutsAcrossRuns.of("a", LayoutFixture.before(), "b", LayoutFixture.after()));

        assertThat(text).contains("layouts: base a (left) vs head b (right)", "-- com.acme.Point: changed",
                "classes: 1 in both runs, 1 changed", "only in base: com.acme.Gone", "only in head: com.acme.Added",
                "JVM configurations only in head: jdk25-default");
        assertThat(text).containsPattern("(?m)^\\* +tag Object +\\(absent\\) +4 B @20$");
        assertThat(text).containsPattern("(?m)^  +x int +4 B @12 +4 B @12$");
    }

    private static List<String> marked(SideBySide.Diff d) {
        return d.rows().stream().filter(SideBySide.Row::differs).map(SideBySide.Row::label).toList();
    }

    private static List<String> unmarked(SideBySide.Diff d) {
        return d.rows().stream().filter(r -> !r.differs()).map(SideBySide.Row::label).toList();
    }
}
