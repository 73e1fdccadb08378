package lab.core.record;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code layouts.json}, typed: what the JOL pass ({@code lab.core.layout}) stores in a run folder,
 * what {@code ./lab layout --json} writes, and what the claims and the site read (through
 * {@link StoredRun#layouts()}). One record per JSON object; the same records write and read the
 * file with the lab's one Jackson configuration ({@link Json}), so the format is stated once, here.
 *
 * <pre>
 * {"schema":1, "generatedAt":"2026-11-26T03:10:00Z", "entries":[100000],
 *  "comparison":{"left":"lab.core.store.MemoryStore","right":"lab.core.store.ShardUnit",
 *                "samples":["shard-empty","shard-with-tasks"]},
 *  "exclusions":"...what the deep walks do not follow...",
 *  "configurations":[{"name":"jdk17-default","label":"...","jvm":{...},"flags":[],"jvmArgs":[...],
 *     "vm":{...},"error":null,"warnings":[],"elapsedMillis":2300,
 *     "classes":{"lab.core.store.ShardUnit":{"instanceSize":24,"headerSize":12,"fields":[...],
 *         "gaps":[...],"lossInternal":0,"lossExternal":4,"lossTotal":4,"printable":"...",
 *         "deep":{"shard-empty":{"totalSize":..,"totalCount":..,"byClass":{..},"excluded":{}}}}},
 *     "footprints":[{"store":"MEMORY","entries":100000,"totalBytes":..,"taskBytes":..,
 *         "structureBytes":..,"fixedBytes":..,"perEntryBytes":..,"byClass":{..},"excluded":{..}}]}]}
 * </pre>
 *
 * <p>Reading is tolerant: unknown fields are ignored (a newer schema), missing ones become null,
 * 0 or empty (an older one). A configuration that could not run has a non-null {@code error}
 * and empty {@code classes}/{@code footprints}; it is kept, never dropped.
 *
 * @param schema     the format's version ({@link #SCHEMA} when written by this lab)
 * @param entries    the store sizes of the footprints
 * @param comparison the pair the side-by-side view shows by default
 * @param exclusions what the deep walks neither count nor follow, in words
 * @param classPath  the user's class path the classes were laid out from ({@code ./lab layout
 *                   --classpath}), appended to the lab's in every child JVM; empty for the lab's
 *                   own classes
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Layouts(int schema, String generatedAt, List<Integer> entries, Comparison comparison,
                      String exclusions, List<Configuration> configurations, List<String> classPath) {

    /** The current {@code schema} number; bump it when a field changes meaning. */
    public static final int SCHEMA = 1;
    /** The name of the file in a run folder. */
    public static final String FILE_NAME = "layouts.json";

    /** The pair compared when a file names none: the decision log's shard against ShardUnit. */
    public static final String DEFAULT_LEFT = "lab.core.store.MemoryStore";
    public static final String DEFAULT_RIGHT = "lab.core.store.ShardUnit";

    /** Deep-size sample: the shard, empty, as the parent store built it. */
    public static final String SAMPLE_SHARD_EMPTY = "shard-empty";
    /** Deep-size sample: the shard holding a few tasks (included). */
    public static final String SAMPLE_SHARD_WITH_TASKS = "shard-with-tasks";
    /** Deep-size sample: a new, empty store (its fixed part). */
    public static final String SAMPLE_STORE_EMPTY = "store-empty";
    /** Deep-size sample: one stored task with its strings and instants. */
    public static final String SAMPLE_TASK = "task";
    /** Deep-size sample: an instance of a user's class made by its no-argument constructor. */
    public static final String SAMPLE_NEW_INSTANCE = "new-instance";

    public Layouts {
        entries = entries == null ? List.of() : entries;
        comparison = comparison == null ? new Comparison(DEFAULT_LEFT, DEFAULT_RIGHT, List.of()) : comparison;
        configurations = configurations == null ? List.of() : configurations;
        classPath = classPath == null ? List.of() : List.copyOf(classPath);
    }

    /** The lab's own classes (no user class path). */
    public Layouts(int schema, String generatedAt, List<Integer> entries, Comparison comparison,
                   String exclusions, List<Configuration> configurations) {
        this(schema, generatedAt, entries, comparison, exclusions, configurations, List.of());
    }

    public Optional<Configuration> configuration(String name) {
        return configurations.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    /** The configurations that ran (no error). */
    public List<Configuration> ran() {
        return configurations.stream().filter(Configuration::ran).toList();
    }

    /** The pair the side-by-side view shows by default, and the deep samples to put next to each other. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Comparison(String left, String right, List<String> samples) {
        public Comparison {
            left = left == null ? DEFAULT_LEFT : left;
            right = right == null ? DEFAULT_RIGHT : right;
            samples = samples == null ? List.of() : samples;
        }
    }

    /**
     * One JVM configuration, measured in its own child JVM.
     *
     * @param name     a slug ({@code [a-z0-9-]}), unique in the file, used in {@code layout-<name>.txt}
     * @param label    for people: JVM version, vendor and the distinguishing flags
     * @param flags    the flags that make this configuration (empty for a JVM's defaults)
     * @param jvmArgs  every argument the child JVM got before its main class (support flags
     *                 such as {@code -Djol.magicFieldOffset=true} included), without the class path
     * @param error    null when it ran; otherwise why it could not (exit code and stderr, ...)
     * @param warnings what the child printed as warnings (e.g. JOL without its agent)
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Configuration(String name, String label, Jvm jvm, List<String> flags, List<String> jvmArgs,
                                Vm vm, String error, List<String> warnings, long elapsedMillis,
                                Map<String, ClassInfo> classes, List<Footprint> footprints) {
        public Configuration {
            flags = flags == null ? List.of() : flags;
            jvmArgs = jvmArgs == null ? List.of() : jvmArgs;
            warnings = warnings == null ? List.of() : warnings;
            classes = classes == null ? Map.of() : classes;
            footprints = footprints == null ? List.of() : footprints;
        }

        public boolean ran() {
            return error == null;
        }

        /** A class by full name, or by simple name when unambiguous; null when absent. */
        public ClassInfo classInfo(String name) {
            ClassInfo exact = classes.get(name);
            if (exact != null) {
                return exact;
            }
            ClassInfo found = null;
            for (ClassInfo c : classes.values()) {
                if (name.equals(c.simpleName())) {
                    if (found != null) {
                        return null;
                    }
                    found = c;
                }
            }
            return found;
        }

        /** The footprint of a store (StoreType constant name) at N entries; null when absent. */
        public Footprint footprint(String store, int entries) {
            for (Footprint f : footprints) {
                if (f.store().equals(store) && f.entries() == entries) {
                    return f;
                }
            }
            return null;
        }

        public Configuration withRun(String newName, String newLabel, Jvm newJvm, List<String> newFlags,
                              List<String> newJvmArgs, String newError, List<String> newWarnings, long millis) {
            return new Configuration(newName, newLabel, newJvm, newFlags, newJvmArgs, vm, newError,
                    newWarnings, millis, classes, footprints);
        }
    }

    /** Which JVM: the executable used, its home, and what it says it is. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Jvm(String path, String home, String vendor, String version, String specVersion, String vmName) {
    }

    /**
     * What the child JVM reported about itself: cores (the pooled store's pool count follows
     * them), max heap, the layout-relevant VM options as the VM sees them (a flag the VM does not
     * know is absent), and JOL's own description of the data model.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Vm(Integer cores, Long maxHeapBytes, Map<String, String> options, String jolDetails) {
        public Vm {
            options = options == null ? Map.of() : options;
        }
    }

    /**
     * JOL's layout of one class, plus deep sizes of sample instances ({@code deep}, keyed by the
     * {@code SAMPLE_*} names; empty for classes the lab has no sample of).
     *
     * @param noSample why a user's class has no {@link #SAMPLE_NEW_INSTANCE} deep size (no
     *                 no-argument constructor, abstract, the constructor threw ...); null otherwise
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ClassInfo(String name, String simpleName, long instanceSize, int headerSize,
                            List<Field> fields, List<Gap> gaps, long lossInternal, long lossExternal,
                            long lossTotal, String printable, Map<String, Deep> deep, String noSample) {
        public ClassInfo {
            fields = fields == null ? List.of() : fields;
            gaps = gaps == null ? List.of() : gaps;
            deep = deep == null ? Map.of() : deep;
        }

        /** A class whose samples are the lab's own (or none). */
        public ClassInfo(String name, String simpleName, long instanceSize, int headerSize,
                         List<Field> fields, List<Gap> gaps, long lossInternal, long lossExternal,
                         long lossTotal, String printable, Map<String, Deep> deep) {
            this(name, simpleName, instanceSize, headerSize, fields, gaps, lossInternal, lossExternal, lossTotal,
                    printable, deep, null);
        }

        public ClassInfo withSample(Map<String, Deep> newDeep, String newNoSample) {
            return new ClassInfo(name, simpleName, instanceSize, headerSize, fields, gaps, lossInternal, lossExternal,
                    lossTotal, printable, newDeep, newNoSample);
        }
    }

    /** One instance field (inherited ones included, {@code declaringClass} says where from). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Field(String name, String type, String declaringClass, long offset, long size) {
    }

    /**
     * Bytes no field uses. {@code kind} is {@code "internal"} (between the header or a field and
     * the next field) or {@code "external"} (padding at the end up to the object alignment).
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Gap(long offset, long size, String kind) {
    }

    /**
     * A deep size: every object reachable from the sample, each once, by class (JOL's sizes).
     * {@code excluded} counts the objects met but neither counted nor followed (threads, class
     * loaders, ... see {@link Layouts#exclusions()}), by class.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Deep(String description, int entries, long totalSize, long totalCount,
                       Map<String, ClassCount> byClass, Map<String, Long> excluded) {
        public Deep {
            byClass = byClass == null ? Map.of() : byClass;
            excluded = excluded == null ? Map.of() : excluded;
        }
    }

    /** Instances of one class in a deep size, and their bytes. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ClassCount(long count, long bytes) {
    }

    /**
     * A store holding {@code entries} tasks.
     *
     * @param store          the StoreType constant name
     * @param totalBytes     deep size of the filled store, tasks included
     * @param taskBytes      deep size of the stored tasks alone (the same Task instances)
     * @param structureBytes {@code totalBytes - taskBytes}: what the store spends to hold them
     * @param fixedBytes     deep size of the same kind of store when empty
     * @param perEntryBytes  {@code (structureBytes - fixedBytes) / entries}: bytes per stored task
     *                       beyond the task itself, so {@code totalBytes = taskBytes + fixedBytes
     *                       + perEntryBytes * entries}
     * @param byClass        the filled store's deep size by class (tasks included)
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Footprint(String store, String storeClass, String logName, int entries, long totalBytes,
                            long taskBytes, long structureBytes, long fixedBytes, double perEntryBytes,
                            Map<String, ClassCount> byClass, Map<String, Long> excluded) {
        public Footprint {
            byClass = byClass == null ? Map.of() : byClass;
            excluded = excluded == null ? Map.of() : excluded;
        }
    }

    // ---- reading and writing ----

    public static Layouts read(Path file) {
        try {
            return parse(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Parses layouts.json; throws IllegalArgumentException saying what is wrong. */
    public static Layouts parse(byte[] json) {
        try {
            Layouts r = Json.MAPPER.readValue(json, Layouts.class);
            if (r == null) {
                throw new IllegalArgumentException("not a layouts.json: empty document");
            }
            return r;
        } catch (IOException e) {
            throw new IllegalArgumentException("not a layouts.json: "
                    + (e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()), e);
        }
    }

    /** One configuration as the child JVM prints it ({@code lab.core.layout.LayoutProbe}). */
    public static Configuration parseConfiguration(String json) throws IOException {
        return Json.MAPPER.readValue(json, Configuration.class);
    }

    /** JSON of this file or of any of its parts, as the lab writes it. */
    public static String toJson(Object value) {
        try {
            return Json.MAPPER.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void write(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, toJson(this) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
