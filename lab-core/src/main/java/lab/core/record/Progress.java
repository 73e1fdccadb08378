package lab.core.record;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/**
 * How far a RUNNING run has got, published with each batch of finished results.
 *
 * @param done       forks finished (timing and profiled)
 * @param total      forks planned
 * @param etaSeconds the runner's estimate of the time left
 * @param current    what is running now, e.g. "round 3/5: read store=MEMORY threads=2"
 * @param pid        the writing process: when it is gone, the run is abandoned
 * @param updatedAt  when this was published
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Progress(int done, int total, long etaSeconds, String current, long pid, Instant updatedAt) {
}
