package lab.core.record;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * Where a stored run stands. COMPLETE, FAILED and INTERRUPTED are final: the run never changes
 * again, so its pages can be rendered once. RUNNING is a run a live {@code ./lab run} is
 * publishing under {@code reports/.tmp-<id>/} (its finished results readable as they land);
 * ABANDONED is such a folder whose writer is gone (killed by SIGKILL, the OOM killer, a closed
 * CI job): what it measured stays readable, and {@code ./lab list} says how to remove it. Only
 * complete runs feed comparisons and claims by default.
 */
public enum RunStatus {
    COMPLETE, FAILED, INTERRUPTED, RUNNING, ABANDONED;

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether a run in this state can still change (only a running one can). */
    public boolean isFinal() {
        return this != RUNNING && this != ABANDONED;
    }

    @JsonCreator
    public static RunStatus fromJson(String value) {
        for (RunStatus s : values()) {
            if (s.json().equalsIgnoreCase(value)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown run status '" + value
                + "': expected complete, failed, interrupted, running or abandoned");
    }
}
