package lab.agent;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

import lab.agent.runtime.LabCounters;

/**
 * Reflective access to the bootstrap-loaded {@link LabCounters}. Code outside the bootstrap
 * loader never links to that class (only its compile-time constants, which javac inlines): it
 * looks it up with {@code Class.forName(name, false, null)}, so there is exactly one copy and
 * "the agent is not there" is an answer ({@link #find()} returns null) rather than a second,
 * silent set of zeros.
 */
public final class Counters {

    private final Class<?> type;
    private final MethodHandle totals;
    private final MethodHandle byThread;
    private final MethodHandle classNames;
    private final MethodHandle mine;
    private final MethodHandle discardMine;
    private final MethodHandle classId;
    private final MethodHandle startWindow;

    private Counters(Class<?> type) throws ReflectiveOperationException {
        this.type = type;
        MethodHandles.Lookup lookup = MethodHandles.publicLookup();
        totals = lookup.findStatic(type, "totals", MethodType.methodType(long[].class));
        byThread = lookup.findStatic(type, "byThread", MethodType.methodType(Object[].class));
        classNames = lookup.findStatic(type, "classNames", MethodType.methodType(String[].class));
        mine = lookup.findStatic(type, "mine", MethodType.methodType(long[].class));
        discardMine = lookup.findStatic(type, "discardMine", MethodType.methodType(void.class));
        classId = lookup.findStatic(type, "classId", MethodType.methodType(int.class, String.class));
        startWindow = lookup.findStatic(type, "startWindow", MethodType.methodType(void.class));
    }

    /** The bootstrap-loaded counters, or null when no lab-agent is installed in this JVM. */
    public static Counters find() {
        Class<?> type;
        try {
            type = Class.forName(LabCounters.NAME, false, null);
        } catch (ClassNotFoundException e) {
            return null;
        }
        try {
            return new Counters(type);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("lab-agent: the bootstrap counters class does not match this agent", e);
        }
    }

    public long[] totals() {
        return (long[]) call(totals);
    }

    public Object[] byThread() {
        return (Object[]) call(byThread);
    }

    public String[] classNames() {
        return (String[]) call(classNames);
    }

    /** The calling thread's own counters. */
    public long[] mine() {
        return (long[]) call(mine);
    }

    public void discardMine() {
        call(discardMine);
    }

    /** From now on totals and per-thread rows count only what happens after this call. */
    void startWindow() {
        call(startWindow);
    }

    public int classId(String className) {
        try {
            return (int) classId.invoke(className);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** "ok", a self-test failure, or null while the agent is still installing. */
    public String status() {
        return (String) field("status");
    }

    public String options() {
        return (String) field("options");
    }

    void setStatus(String status) {
        setField("status", status);
    }

    /** "counting" once installed, "removed" after an attached agent's duration ran out. */
    public String state() {
        return (String) field("state");
    }

    void setState(String state) {
        setField("state", state);
    }

    /** Classes that could not be instrumented ("a.B: error; c.D: error"), or null. */
    public String warnings() {
        return (String) field("warnings");
    }

    /** A new window's install starts with no warnings (they belong to the window's instrumentation). */
    synchronized void clearWarnings() {
        setField("warnings", null);
    }

    synchronized void addWarning(String warning) {
        String old = warnings();
        setField("warnings", old == null ? warning : old + "; " + warning);
    }

    void setOptions(String options) {
        setField("options", options);
    }

    private Object field(String name) {
        try {
            return type.getField(name).get(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private void setField(String name, Object value) {
        try {
            type.getField(name).set(null, value);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object call(MethodHandle h) {
        try {
            return h.invoke();
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    private static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException) {
            return (RuntimeException) t;
        }
        if (t instanceof Error) {
            throw (Error) t;
        }
        return new IllegalStateException(t);
    }

    /** Lock acquisitions of every kind in a counters array. */
    public static long acquired(long[] c) {
        long n = 0;
        for (int i = 0; i < LabCounters.LOCK_KINDS; i++) {
            n += at(c, i);
        }
        return n;
    }

    /** Contended acquisitions in a counters array (the slot constants are not visible outside the agent's jar). */
    public static long contended(long[] c) {
        return at(c, LabCounters.CONTENDED);
    }

    /** Parks in a counters array. */
    public static long parks(long[] c) {
        return at(c, LabCounters.PARK);
    }

    /** Allocations of every class in a counters array. */
    public static long allocations(long[] c) {
        long n = 0;
        for (int i = LabCounters.ALLOC_BASE; i < c.length; i++) {
            n += c[i];
        }
        return n;
    }

    public static long at(long[] c, int slot) {
        return slot < c.length ? c[slot] : 0L;
    }
}
