package lab.agent.it;

import java.io.IOException;
import java.io.InputStream;
import java.util.function.Supplier;

/**
 * The shape of Maven's Sisu proxies ({@code …$$__sisu3}) that Byte Buddy's default type pool could
 * not describe: a class defined from bytes by a loader that finds no class file of its supertype.
 * {@code Base} is defined by one loader, {@code Sub extends Base} by a child of it; neither loader
 * serves resources (no {@code getResource}), and neither delegates to the application class path,
 * so only {@code loadClass} can reach {@code Base} from {@code Sub}'s loader.
 */
final class HiddenLoaders {

    private static final String BASE = "lab.agent.it.included.hidden.Base";
    private static final String SUB = "lab.agent.it.included.hidden.Sub";

    private HiddenLoaders() {
    }

    private static Supplier<Object> sub;

    /**
     * Runs Sub once. The first call (the scenario's warm-up thread) defines Base and Sub; class
     * loading uses included JDK maps whose monitors and allocations must not blur the measured call.
     */
    static synchronized Object run() {
        if (sub == null) {
            sub = define();
        }
        return sub.get();
    }

    @SuppressWarnings("unchecked")
    private static Supplier<Object> define() {
        try {
            BytesLoader parent = new BytesLoader(ClassLoader.getPlatformClassLoader(), BASE);
            BytesLoader child = new BytesLoader(parent, SUB);
            return (Supplier<Object>) child.loadClass(SUB).getConstructor().newInstance();
        } catch (ReflectiveOperationException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Defines one class from bytes read off the test class path; finds no resources. */
    private static final class BytesLoader extends ClassLoader {
        private final String name;
        private final byte[] bytes;

        BytesLoader(ClassLoader parent, String name) throws IOException {
            super(parent);
            this.name = name;
            try (InputStream in = HiddenLoaders.class.getResourceAsStream("/" + name.replace('.', '/') + ".class")) {
                this.bytes = in.readAllBytes();
            }
        }

        @Override
        protected Class<?> findClass(String className) throws ClassNotFoundException {
            if (className.equals(name)) {
                return defineClass(className, bytes, 0, bytes.length);
            }
            throw new ClassNotFoundException(className);
        }
    }
}
