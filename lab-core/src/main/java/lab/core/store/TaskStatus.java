package lab.core.store;

/** The lifecycle of a task, as the Task API exposes it. */
public enum TaskStatus {
    TODO, IN_PROGRESS, DONE;

    /** Parses a status name, naming the accepted ones when it is unknown. */
    public static TaskStatus parse(String name) {
        if (name != null) {
            for (TaskStatus s : values()) {
                if (s.name().equalsIgnoreCase(name.trim())) {
                    return s;
                }
            }
        }
        throw new IllegalArgumentException("unknown task status '" + name + "': expected one of TODO, IN_PROGRESS, DONE");
    }
}
