package lab.core.bench.run;

import java.io.IOException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

import org.openjdk.jmh.runner.RunnerException;

/** One-line descriptions of what went wrong in a fork. */
final class Failures {

    private Failures() {
    }

    /**
     * The messages of an exception and its causes, one line. JMH reports a failing benchmark as a
     * RunnerException whose BenchmarkException carries the fork's own exceptions as suppressed
     * ones: those say what actually went wrong, so they are included.
     */
    static String describe(Throwable e) {
        StringBuilder sb = new StringBuilder();
        describe(e, sb, Collections.newSetFromMap(new IdentityHashMap<>()));
        return sb.length() == 0 ? e.getClass().getSimpleName() : sb.toString().replace('\n', ' ');
    }

    private static void describe(Throwable e, StringBuilder sb, Set<Throwable> seen) {
        for (Throwable t = e; t != null && seen.add(t); t = t.getCause()) {
            String m = t.getMessage();
            String text = m == null || m.isBlank() ? null
                    : (t instanceof RuntimeException || t instanceof RunnerException || t instanceof IOException
                            ? m.strip() : t.getClass().getSimpleName() + ": " + m.strip());
            if (text != null && sb.indexOf(text) < 0) {
                if (sb.length() > 0) {
                    sb.append(": ");
                }
                sb.append(text);
            }
            for (Throwable s : t.getSuppressed()) {
                describe(s, sb, seen);
            }
        }
    }
}
