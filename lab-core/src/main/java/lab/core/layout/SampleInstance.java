package lab.core.layout;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;

/**
 * An instance of a user's class to take the deep size of, or why there is none.
 *
 * <p>What to notice. A class layout is the class's alone; a deep size needs an object, and the
 * only object the lab can make without knowing the class is the one its no-argument constructor
 * builds (private ones included: the constructor runs as the class wrote it). What that
 * constructor allocates is what a fresh instance costs, nothing more: a collection field filled
 * later is not in it. A class without one (or abstract, or whose constructor throws) is laid out
 * all the same, and its {@link lab.core.record.Layouts.ClassInfo#noSample()} says why no deep size.
 */
final class SampleInstance {

    /** Either the instance or why there is none. */
    record Made(Object instance, String whyNone) {
    }

    private SampleInstance() {
    }

    static Made of(Class<?> type) {
        if (type.isInterface() || type.isAnnotation()) {
            return none("an interface: no instances of its own");
        }
        if (type.isEnum()) {
            return none("an enum: its instances are its constants, made by the JVM");
        }
        if (type.isArray() || type.isPrimitive()) {
            return none("not a class with constructors");
        }
        if (Modifier.isAbstract(type.getModifiers())) {
            return none("abstract: no instances of its own");
        }
        Constructor<?> constructor;
        try {
            constructor = type.getDeclaredConstructor();
        } catch (NoSuchMethodException e) {
            return none(type.isMemberClass() && !Modifier.isStatic(type.getModifiers())
                    ? "an inner class: its constructors take the enclosing instance, so no no-argument constructor"
                    : "no no-argument constructor");
        }
        try {
            constructor.setAccessible(true);
        } catch (RuntimeException closed) {
            return none("its no-argument constructor is not accessible here: " + closed.getMessage());
        }
        try {
            return new Made(constructor.newInstance(), null);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            return none("its no-argument constructor threw " + cause.getClass().getName()
                    + (cause.getMessage() == null ? "" : ": " + cause.getMessage()));
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            return none("it cannot be instantiated: " + e);
        }
    }

    private static Made none(String why) {
        return new Made(null, why);
    }
}
