package org.safeguarding.chronology.api.review;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records that the action on a recommendation was completed; the review's chair may. */
public record CompleteAction(String reviewId, String recommendationId, Instant completedAt, String note) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return ReviewIds.aggregateId(reviewId);
    }
}
