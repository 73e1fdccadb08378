package lab.core.layout;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A user's classes, from their jars or build folders ({@code ./lab layout --classpath …}).
 *
 * <p>What to notice. Every name is loaded and linked here, in the parent, before any child JVM
 * starts: a class that is not on the class path, or that names a type the class path lacks, or
 * that was compiled for a newer Java, is refused with the class, the reason and the class path,
 * and nothing is stored. {@code getDeclaredFields()} is what makes the JVM resolve the fields'
 * types: {@code Class.forName(name, false, …)} alone would accept a class whose field types are
 * missing, and JOL would then fail in every child. Static initialisers do not run here.
 *
 * <p>The same entries are appended to the lab's class path in each child JVM, so a name the lab
 * itself has (the lab's own store classes, JOL, the JDK) resolves to the lab's copy first.
 */
public final class UserClasses {

    /** The package a name without one is looked up in first: the lab's own stores. */
    static final String STORE_PACKAGE = "lab.core.store.";

    private final List<Path> entries;

    private UserClasses(List<Path> entries) {
        this.entries = entries;
    }

    /** No user class path: the lab's own classes only. */
    public static UserClasses none() {
        return new UserClasses(List.of());
    }

    /**
     * The entries of a class path as given ({@code a.jar:build/classes}, or several such): each
     * must be a readable folder or file.
     *
     * @throws IllegalArgumentException naming the first entry that is not
     */
    public static UserClasses of(List<String> classPath) {
        List<Path> out = new ArrayList<>();
        for (String part : classPath) {
            for (String e : part.split(File.pathSeparator)) {
                if (e.isBlank()) {
                    continue;
                }
                Path p = Path.of(e).toAbsolutePath().normalize();
                if (!Files.isReadable(p)) {
                    throw new IllegalArgumentException("class path entry " + e + " does not exist or cannot be read"
                            + (e.endsWith("*") ? " (list the jars: a '*' is not expanded here)" : ""));
                }
                if (!out.contains(p)) {
                    out.add(p);
                }
            }
        }
        if (out.isEmpty() && !classPath.isEmpty()) {
            throw new IllegalArgumentException("the class path is empty");
        }
        return new UserClasses(List.copyOf(out));
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** The entries, absolute: what layouts.json records. */
    public List<String> entries() {
        return entries.stream().map(Path::toString).toList();
    }

    /** The entries joined with the platform's separator: what a child JVM's {@code -cp} gets appended. */
    public String joined() {
        return String.join(File.pathSeparator, entries());
    }

    /**
     * Full names for the given ones, each loaded and linked: a name without a package is looked
     * up in {@code lab.core.store} first, then as a class of the default package of the user's
     * class path. Duplicates are dropped, the order kept.
     *
     * @throws IllegalArgumentException naming the class, why it cannot be loaded, and the class path
     */
    public List<String> resolve(List<String> names) {
        List<String> out = new ArrayList<>();
        try (URLClassLoader loader = new URLClassLoader("lab-user-classes", urls(), UserClasses.class.getClassLoader())) {
            for (String n : names) {
                String full = find(n, loader);
                if (!out.contains(full)) {
                    out.add(full);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the class loader over " + joined() + ": " + e.getMessage(), e);
        }
        return out;
    }

    private String find(String name, ClassLoader loader) {
        List<String> candidates = name.contains(".") ? List.of(name)
                : isEmpty() ? List.of(STORE_PACKAGE + name) : List.of(STORE_PACKAGE + name, name);
        Throwable failure = null;
        for (String c : candidates) {
            try {
                Class<?> type = Class.forName(c, false, loader);
                type.getDeclaredFields(); // resolves the field types: a missing one fails here, not in JOL
                return c;
            } catch (ClassNotFoundException e) {
                // try the next candidate
            } catch (LinkageError e) {
                failure = e;
                break;
            }
        }
        String looked = candidates.size() == 1 && candidates.get(0).equals(name) ? ""
                : " (looked for " + String.join(" and ", candidates) + ")";
        if (failure == null) {
            return fail("no class " + name + looked);
        }
        return fail("class " + name + " cannot be loaded: " + why(failure));
    }

    private String fail(String what) {
        throw new IllegalArgumentException(what + (isEmpty() ? " on the lab's class path (give yours with --classpath)"
                : " with the class path " + joined()));
    }

    private static String why(Throwable e) {
        if (e instanceof UnsupportedClassVersionError) {
            return "compiled for a newer Java than this JVM (" + Runtime.version().feature() + "): " + e.getMessage();
        }
        if (e instanceof NoClassDefFoundError) {
            return "it needs " + e.getMessage().replace('/', '.') + ", which is not on the class path";
        }
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    private URL[] urls() {
        URL[] urls = new URL[entries.size()];
        for (int i = 0; i < urls.length; i++) {
            try {
                urls[i] = entries.get(i).toUri().toURL();
            } catch (MalformedURLException e) {
                throw new IllegalArgumentException("class path entry " + entries.get(i) + " is not a valid location", e);
            }
        }
        return urls;
    }
}
