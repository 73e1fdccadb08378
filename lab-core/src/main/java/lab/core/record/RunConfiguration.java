package lab.core.record;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * What a run was asked to measure. Every field is nullable: an imported JMH file knows only
 * what its JSON says, and older manifests may lack newer fields.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunConfiguration(
        String profile,
        List<String> stores,
        List<String> workloads,
        List<Integer> threads,
        Integer datasetSize,
        String keyDistribution,
        Double zipfExponent,
        Integer forks,
        Integer warmupIterations,
        String warmupTime,
        Integer measurementIterations,
        String measurementTime,
        Boolean agent,
        Boolean flame,
        List<String> events,
        Map<String, Object> extra) {

    public static RunConfiguration empty() {
        return new RunConfiguration(null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null);
    }
}
