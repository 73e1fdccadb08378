package lab.core.claims;

import java.util.List;

/**
 * Turns one kind of claim into verdicts on a run: one judge per {@link Claim.Kind}, each a small
 * class, all speaking the rules of {@link Rules}. A claim with several readings (subjects, wait
 * strategies) gives one result per reading.
 */
interface Judge {

    List<ClaimResult> judge(Claim c, RunData run);
}
