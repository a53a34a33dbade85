package org.safeguarding.chronology.api.links;

import java.time.Instant;

/**
 * Answers a list of {@link DuplicateCandidateView}: the pairs of entries of {@code chronology(childId,
 * recordedAsOf)} that may tell one occurrence twice (the contract's "Possible duplicates"). recordedAsOf null means
 * now.
 */
public record FindPossibleDuplicates(String childId, Instant recordedAsOf) {
}
