package org.safeguarding.chronology.api.review;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Adds a user with role REVIEWER or CHAIR to the review; the review's chair (or an administrator) may. */
public record AddReviewMember(String reviewId, String username) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return ReviewIds.aggregateId(reviewId);
    }
}
