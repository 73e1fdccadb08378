package lab.core.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import lab.core.layout.SideBySide;
import lab.core.record.Layouts;
import lab.core.record.Layouts.ClassInfo;
import lab.core.record.Layouts.Configuration;
import lab.core.record.StoredRun;

/**
 * The same classes in two runs' layouts, side by side: before and after a change to a class (the
 * decision log's ShardUnit refactor is one), or one build against the next. Any two runs with a
 * {@code layouts.json} compare: layout runs ({@code ./lab layout --classpath}) and JMH runs alike.
 *
 * <p>What is matched. JVM configurations by name ({@code jdk17-default}, {@code jdk25-compact-headers}):
 * a layout depends on the configuration, so only the same configuration's layouts are put next to
 * each other; those that ran on one side only are listed. In each configuration both ran, every
 * class present on both sides becomes one {@link SideBySide.Diff}, the lab's one layout comparison
 * (the same rows the terminal marks {@code *} and the site marks ≠); classes on one side only are
 * listed. JOL's figures are exact for the JVM that produced them: a difference is a difference,
 * there is no noise to test against.
 *
 * @param base           the base run's id
 * @param head           the head run's id
 * @param configurations the configurations both ran, in the base's order
 * @param onlyInBase     configurations that ran in the base run only
 * @param onlyInHead     configurations that ran in the head run only
 */
public record LayoutsAcrossRuns(String base, String head, List<ConfigurationPair> configurations,
                                List<String> onlyInBase, List<String> onlyInHead) {

    /**
     * One configuration in both runs.
     *
     * @param classes    every class present in both, in the base's order
     * @param onlyInBase classes laid out in the base run only (in this configuration)
     * @param onlyInHead classes laid out in the head run only
     */
    public record ConfigurationPair(String name, String baseLabel, String headLabel, List<ClassPair> classes,
                                    List<String> onlyInBase, List<String> onlyInHead) {

        /** The classes whose layout or deep sizes differ. */
        public List<ClassPair> changed() {
            return classes.stream().filter(ClassPair::differs).toList();
        }

        /** The classes the same on both sides, row for row. */
        public List<ClassPair> unchanged() {
            return classes.stream().filter(c -> !c.differs()).toList();
        }
    }

    /** One class in both runs. */
    public record ClassPair(String name, ClassInfo baseInfo, ClassInfo headInfo, SideBySide.Diff diff) {
        public boolean differs() {
            return diff.differs();
        }
    }

    /**
     * Two stored runs' layouts.
     *
     * @throws IllegalArgumentException saying which run has no readable layouts and why
     */
    public static LayoutsAcrossRuns of(StoredRun base, StoredRun head) {
        return of(base.id(), layoutsOf(base), head.id(), layoutsOf(head));
    }

    /** A run's layouts, or an error saying why it has none to compare. */
    static Layouts layoutsOf(StoredRun run) {
        if (!run.readable()) {
            throw new IllegalArgumentException("run " + run.id() + " cannot be read: " + run.readError());
        }
        Optional<Layouts> layouts;
        try {
            layouts = run.layouts();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the layouts of run " + run.id() + " cannot be read: " + e.getMessage(), e);
        }
        Layouts l = layouts.orElseThrow(() -> new IllegalArgumentException("run " + run.id() + " (a "
                + run.manifest().kind().json() + " run) has no layouts (" + Layouts.FILE_NAME
                + "): ./lab run stores them unless its JOL pass failed, ./lab layout --classpath ... --classes ... makes a layout run"));
        if (l.ran().isEmpty()) {
            throw new IllegalArgumentException("run " + run.id() + " has layouts, but no JVM configuration of its JOL pass ran");
        }
        return l;
    }

    public static LayoutsAcrossRuns of(String baseId, Layouts base, String headId, Layouts head) {
        List<ConfigurationPair> pairs = new ArrayList<>();
        List<String> onlyInBase = new ArrayList<>();
        for (Configuration b : base.ran()) {
            Optional<Configuration> h = head.configuration(b.name()).filter(Configuration::ran);
            if (h.isPresent()) {
                pairs.add(pair(b, h.get()));
            } else {
                onlyInBase.add(b.name());
            }
        }
        List<String> onlyInHead = head.ran().stream().map(Configuration::name)
                .filter(n -> base.configuration(n).filter(Configuration::ran).isEmpty()).toList();
        return new LayoutsAcrossRuns(baseId, headId, List.copyOf(pairs), List.copyOf(onlyInBase), onlyInHead);
    }

    private static ConfigurationPair pair(Configuration base, Configuration head) {
        List<ClassPair> classes = new ArrayList<>();
        List<String> onlyInBase = new ArrayList<>();
        for (ClassInfo b : base.classes().values()) {
            ClassInfo h = head.classes().get(b.name());
            if (h == null) {
                onlyInBase.add(b.name());
            } else {
                classes.add(new ClassPair(b.name(), b, h, SideBySide.of(b, h, List.of())));
            }
        }
        List<String> onlyInHead = head.classes().keySet().stream().filter(n -> !base.classes().containsKey(n)).toList();
        return new ConfigurationPair(base.name(), base.label(), head.label(), List.copyOf(classes),
                List.copyOf(onlyInBase), onlyInHead);
    }

    /** Whether any class in any configuration differs. */
    public boolean differs() {
        return configurations.stream().anyMatch(c -> !c.changed().isEmpty());
    }
}
