package lab.agent.it.included;

/** Included in the scenario JVM's {@code includes}: its allocation sites are counted. */
public final class Allocs {
    private Allocs() {
    }

    /**
     * {@code widgets} Widgets, one Object[], one int[], one String[], one long[][] (one
     * MULTIANEWARRAY), one Sized. The Sized is the regression case: its constructor argument has a
     * branch between NEW and the constructor call, so the stack map frame at the join names the
     * uninitialized object by its NEW's offset, which inserted code must not shift.
     */
    public static Object[] make(int widgets) {
        Object[] keep = new Object[5];
        Widget last = null;
        for (int i = 0; i < widgets; i++) {
            last = new Widget();
        }
        keep[0] = last;
        keep[1] = new int[3];
        keep[2] = new String[2];
        keep[3] = new long[2][3];
        keep[4] = new Sized(widgets > 3 ? 1 : 2);
        return keep;
    }
}
