package org.safeguarding.chronology.api.review;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records a recommendation drawn from findings, for an agency to act on by a date; the review's chair may. */
public record RecordRecommendation(String reviewId, String recommendationId, String text, List<String> findingIds,
                                   String ownerAgencyId, LocalDate dueBy) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return ReviewIds.aggregateId(reviewId);
    }
}
