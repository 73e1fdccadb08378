package lab.core.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

class WorkloadTest {

    @Test
    void theWorkloadsThatStoreReferencesAreTheOnesTimedOnAnOldDataset() {
        assertThat(Arrays.stream(Workload.values()).filter(Workload::timesAnOldDataset))
                .containsExactlyInAnyOrder(Workload.WRITE, Workload.MIXED, Workload.CONTENTION);
    }
}
