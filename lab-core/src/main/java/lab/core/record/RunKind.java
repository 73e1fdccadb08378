package lab.core.record;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * What a stored run holds: JMH results ({@code jmh.json}), a load test ({@code load.json}),
 * JOL layouts only ({@code layouts.json}), or an agent report. Manifests of schema 1 have no kind:
 * they are all JMH runs.
 */
public enum RunKind {
    JMH, LOAD, LAYOUT, AGENT;

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static RunKind fromJson(String value) {
        for (RunKind k : values()) {
            if (k.json().equalsIgnoreCase(value)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown run kind '" + value + "': expected jmh, load, layout or agent");
    }
}
