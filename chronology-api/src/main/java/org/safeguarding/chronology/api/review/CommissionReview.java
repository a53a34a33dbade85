package org.safeguarding.chronology.api.review;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Commissions a review of the children over the scope period, chaired by a user with role CHAIR, who becomes its
 * first member. Only an administrator may. Like every review command it carries the acting user in its metadata.
 */
public record CommissionReview(String reviewId, ReviewType type, List<String> childIds, LocalDate scopeFrom,
                               LocalDate scopeTo, String chair, Instant commissionedAt) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return ReviewIds.aggregateId(reviewId);
    }
}
