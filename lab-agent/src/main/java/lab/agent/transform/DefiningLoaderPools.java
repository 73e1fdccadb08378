package lab.agent.transform;

import java.util.HashMap;
import java.util.Map;

import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.pool.TypePool;

/**
 * Type descriptions for the class being transformed and the types it names, resolved through the
 * class loader that defines it: first from class files that loader can find (Byte Buddy's
 * {@code ClassFileLocator} for that loader, lazily, so a type nobody asks about is never read),
 * then, for a name it cannot find as a file, from the class that loader already has or can load
 * ({@code Class.forName(name, false, loader)}, not initialised).
 *
 * <p>Why the second step: generated classes and the loaders that define them often have no class
 * files to find. Maven's Sisu/Guice proxies ({@code …$$__sisu3}) are defined by a bridge loader
 * whose {@code getResource} sees none of their supertypes, although its {@code loadClass} does, so
 * Byte Buddy's default pool failed on ~20 of them per Maven run ("Cannot resolve type description")
 * and their allocations went uncounted. The agent also compiles method graphs from declared
 * methods only ({@code MethodGraph.Compiler.ForDeclaredMethods}: the visitors rewrite each
 * method's own instructions and never ask about inherited ones), so a supertype that neither step
 * finds stays an unresolved lazy reference that nothing reads: it cannot fail the transformation.
 */
public final class DefiningLoaderPools implements AgentBuilder.PoolStrategy {

    public static final DefiningLoaderPools INSTANCE = new DefiningLoaderPools();

    private DefiningLoaderPools() {
    }

    @Override
    public TypePool typePool(ClassFileLocator classFileLocator, ClassLoader classLoader) {
        return new WithLoadedFallback(classFileLocator, classLoader);
    }

    @Override
    public TypePool typePool(ClassFileLocator classFileLocator, ClassLoader classLoader, String name) {
        return typePool(classFileLocator, classLoader);
    }

    /** Byte Buddy's lazy pool over class files, with loaded classes as the last resort. */
    static final class WithLoadedFallback extends TypePool.Default.WithLazyResolution {
        private final ClassLoader loader;
        /** Fallback answers (the file pool caches its own failures, so ours are kept here). */
        private final Map<String, Resolution> loaded = new HashMap<>();

        WithLoadedFallback(ClassFileLocator classFileLocator, ClassLoader loader) {
            super(new TypePool.CacheProvider.Simple(), classFileLocator, TypePool.Default.ReaderMode.FAST);
            this.loader = loader;
        }

        @Override
        protected Resolution doResolve(String name) {
            Resolution fromFile = super.doResolve(name);
            if (fromFile.isResolved()) {
                return fromFile;
            }
            Resolution known = loaded.get(name);
            if (known != null) {
                return known;
            }
            Resolution answer;
            try {
                answer = new Resolution.Simple(TypeDescription.ForLoadedType.of(Class.forName(name, false, loader)));
            } catch (Throwable notVisible) {
                // Unresolved, and only a problem if something asks about it (nothing does: see above).
                answer = fromFile;
            }
            loaded.put(name, answer);
            return answer;
        }
    }
}
