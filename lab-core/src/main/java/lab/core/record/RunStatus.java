package lab.core.record;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How a stored run ended. Only complete runs feed comparisons and claims. */
public enum RunStatus {
    COMPLETE, FAILED, INTERRUPTED;

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static RunStatus fromJson(String value) {
        for (RunStatus s : values()) {
            if (s.json().equalsIgnoreCase(value)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown run status '" + value + "': expected complete, failed or interrupted");
    }
}
