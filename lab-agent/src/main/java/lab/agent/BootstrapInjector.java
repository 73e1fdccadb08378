package lab.agent;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.instrument.Instrumentation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;

import lab.agent.runtime.LabCounters;

/**
 * Puts {@link LabCounters} on the bootstrap class path. The agent jar stores its bytes under
 * {@link #RESOURCE}, a name no class loader maps to a class, so even with lab-agent.jar on the
 * application class path (as it is for the JMH profiler) the only loadable copy is the bootstrap
 * one. The bytes are written to a temporary one-class jar and appended with
 * {@link Instrumentation#appendToBootstrapClassLoaderSearch(JarFile)}.
 */
final class BootstrapInjector {

    /** Where the build puts the runtime class's bytes inside lab-agent.jar. */
    static final String RESOURCE = "lab-agent-runtime/LabCounters.bin";

    private BootstrapInjector() {
    }

    /** Returns the bootstrap-loaded, initialised counters class. */
    static Class<?> inject(Instrumentation inst) throws IOException, ClassNotFoundException {
        byte[] bytes = read(RESOURCE);
        if (bytes == null) {
            // Running from a build directory (no packaged jar): the class file itself.
            bytes = read(LabCounters.NAME.replace('.', '/') + ".class");
        }
        if (bytes == null) {
            throw new IOException("lab-agent: runtime class bytes not found (" + RESOURCE + ")");
        }
        Path jar = Files.createTempFile("lab-agent-runtime-", ".jar");
        jar.toFile().deleteOnExit();
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream jos = new JarOutputStream(out)) {
            jos.putNextEntry(new JarEntry(LabCounters.NAME.replace('.', '/') + ".class"));
            jos.write(bytes);
            jos.closeEntry();
        }
        inst.appendToBootstrapClassLoaderSearch(new JarFile(jar.toFile()));
        Class<?> type = Class.forName(LabCounters.NAME, true, null);
        if (type.getClassLoader() != null) {
            throw new IllegalStateException("lab-agent: counters class not loaded by the bootstrap loader");
        }
        return type;
    }

    private static byte[] read(String resource) throws IOException {
        try (InputStream in = BootstrapInjector.class.getClassLoader().getResourceAsStream(resource)) {
            return in == null ? null : in.readAllBytes();
        }
    }
}
