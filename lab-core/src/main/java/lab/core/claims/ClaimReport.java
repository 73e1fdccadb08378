package lab.core.claims;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Every claim judged against one run, with where the figures were measured.
 *
 * @param jvm   the JVM the benchmarks ran on ("OpenJDK 64-Bit Server VM 17.0.15+6")
 * @param cores the machine's cores, null when the run does not say
 */
public record ClaimReport(String runId, String jvm, Integer cores, String cpu, List<ClaimResult> results, List<String> notes) {

    public ClaimReport {
        results = List.copyOf(results);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    public Map<Verdict, Integer> counts() {
        Map<Verdict, Integer> m = new EnumMap<>(Verdict.class);
        for (Verdict v : Verdict.values()) {
            m.put(v, 0);
        }
        for (ClaimResult r : results) {
            m.merge(r.verdict(), 1, Integer::sum);
        }
        return m;
    }

    /** "OpenJDK 64-Bit Server VM 17.0.15+6 on 2 cores". */
    public String measuredOn() {
        return (jvm == null ? "an unknown JVM" : jvm) + " on " + (cores == null ? "an unknown number of" : cores) + " cores"
                + (cpu == null ? "" : " (" + cpu + ")");
    }
}
