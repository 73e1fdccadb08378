package lab.core.layout;

import java.util.ArrayList;
import java.util.List;

/**
 * What JOL 0.17 needs from the JVM it runs in, found by running it on JDK 17 and JDK 25 here.
 *
 * <ul>
 *   <li>{@code -Djol.magicFieldOffset=true} on both: {@code Task} is a record, and
 *       {@code Unsafe.objectFieldOffset} refuses record (and hidden-class) fields ("can't get
 *       field offset on a record class"); JOL then finds offsets with its own probe.</li>
 *   <li>{@code -Djdk.attach.allowAttachSelf=true} on both: JOL attaches its agent to itself to get
 *       {@code Instrumentation.getObjectSize}. Without it JOL prints "Unable to get
 *       Instrumentation. Dynamic Attach failed" and computes sizes from the layout instead (the
 *       same numbers for ordinary objects, but we want the JVM's own answer).</li>
 *   <li>JDK 21+: {@code -XX:+EnableDynamicAgentLoading}, else that self-attach prints "A Java
 *       agent has been loaded dynamically".</li>
 *   <li>JDK 23+: {@code --sun-misc-unsafe-memory-access=allow}, else the first Unsafe call prints
 *       "A terminally deprecated method in sun.misc.Unsafe has been called".</li>
 *   <li>{@code --add-opens java.base/...}: not required on either. Without it JOL's own
 *       {@code GraphLayout} still walks {@code java.util} internals, but each read of such a
 *       field first fails {@code Field.get} and {@code setAccessible} (two exceptions) before
 *       JOL reads it through Unsafe at the field's offset. The lab's {@link DeepWalker} goes to
 *       the offset directly when a package is closed; the opens let it use plain reflection.</li>
 * </ul>
 * The child JVMs get exactly these; {@link LayoutProbe} also sets the first property itself in
 * case it runs in-process.
 */
final class Jol {

    static final List<String> ADD_OPENS = List.of(
            "java.base/java.lang", "java.base/java.util", "java.base/java.util.concurrent",
            "java.base/java.util.concurrent.atomic", "java.base/java.util.concurrent.locks");

    private Jol() {
    }

    /** Sets {@code jol.magicFieldOffset} before JOL initialises, unless the command line did. */
    static void configure() {
        if (System.getProperty("jol.magicFieldOffset") == null) {
            System.setProperty("jol.magicFieldOffset", "true");
        }
    }

    /** The JVM arguments a child JVM of this feature version needs for JOL (0 = unknown). */
    static List<String> supportArgs(int feature) {
        List<String> args = new ArrayList<>();
        args.add("-Djol.magicFieldOffset=true");
        args.add("-Djdk.attach.allowAttachSelf=true");
        for (String pkg : ADD_OPENS) {
            args.add("--add-opens=" + pkg + "=ALL-UNNAMED");
        }
        if (feature >= 21) {
            args.add("-XX:+EnableDynamicAgentLoading");
        }
        if (feature >= 23) {
            args.add("--sun-misc-unsafe-memory-access=allow");
        }
        return args;
    }
}
