package lab.core.layout;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lab.core.record.Environment;
import lab.core.record.ImportLimits;
import lab.core.record.Layouts;
import lab.core.record.Layouts.Configuration;
import lab.core.record.RunConfiguration;
import lab.core.record.RunKind;
import lab.core.record.RunManifest;
import lab.core.record.RunRepository;
import lab.core.record.RunStatus;
import lab.core.record.RunWriter;
import lab.core.record.StoredRun;

/**
 * A layout pass stored as a run of kind {@code layout}: {@code layouts.json} and the printable
 * dumps ({@link LayoutPass#write}), and a manifest naming the classes and the class path, written
 * through the lab's {@link RunWriter} (a temporary folder renamed in one step). Such a run is read
 * like any run's layouts: {@code /runs/{id}/layouts}, {@code ./lab compare A B --layouts}.
 *
 * <p>A pass in which no JVM configuration ran is not stored: it measured nothing. Configurations
 * that could not run while others did are kept in {@code layouts.json} with their error and named
 * in the manifest's warnings.
 */
public final class LayoutRun {

    /** The manifest's {@code source} of a layout run. */
    public static final String SOURCE = "layout";

    private LayoutRun() {
    }

    /**
     * Stores a pass. {@code label} may be null: the run is then labelled with the classes'
     * simple names.
     *
     * @throws IllegalStateException when no configuration ran (nothing is stored)
     */
    public static StoredRun store(RunRepository repository, Layouts report, String label, Instant startedAt,
                                  Environment environment) {
        if (report.ran().isEmpty()) {
            throw new IllegalStateException("no JVM configuration could run, so there is nothing to store");
        }
        String shown = label == null || label.isBlank() ? defaultLabel(report) : label;
        RunWriter writer = repository.begin(label == null || label.isBlank() ? "layout" : "layout-" + label, startedAt);
        try {
            LayoutPass.write(report, writer.dir());
            List<String> warnings = new ArrayList<>();
            for (Configuration c : report.configurations()) {
                if (!c.ran()) {
                    warnings.add("JVM configuration " + c.name() + " could not run: " + c.error());
                }
            }
            RunManifest manifest = new RunManifest(RunManifest.SCHEMA, writer.id(), shown, RunStatus.COMPLETE, SOURCE,
                    startedAt, Instant.now(), environment, configuration(report), null, null, null, warnings,
                    RunKind.LAYOUT, null, null, null);
            return writer.commit(manifest);
        } catch (RuntimeException e) {
            writer.abandon();
            throw e;
        }
    }

    /** The classes and class path (in {@code extra}), and the configurations that ran. */
    private static RunConfiguration configuration(Layouts report) {
        Map<String, Object> extra = new LinkedHashMap<>();
        List<String> classes = new ArrayList<>();
        for (Configuration c : report.ran()) {
            c.classes().keySet().stream().filter(n -> !classes.contains(n)).forEach(classes::add);
        }
        extra.put("classes", classes);
        if (!report.classPath().isEmpty()) {
            extra.put("classPath", report.classPath());
        }
        extra.put("jvmConfigurations", report.configurations().stream().map(Configuration::name).toList());
        return new RunConfiguration(null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, extra);
    }

    private static String defaultLabel(Layouts report) {
        List<String> names = new ArrayList<>();
        for (String n : report.ran().get(0).classes().keySet()) {
            names.add(SideBySide.shortType(n));
        }
        String label = "layout of " + String.join(", ", names);
        return label.length() > ImportLimits.MAX_LABEL ? label.substring(0, ImportLimits.MAX_LABEL - 1) + "…" : label;
    }
}
