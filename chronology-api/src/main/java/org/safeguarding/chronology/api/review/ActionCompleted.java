package org.safeguarding.chronology.api.review;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The action on a recommendation was completed; a recommendation is completed once. */
@Revision("1")
public record ActionCompleted(String reviewId, String recommendationId, Instant completedAt, String note,
                              String by) {
}
