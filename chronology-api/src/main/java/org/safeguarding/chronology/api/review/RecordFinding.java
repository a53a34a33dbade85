package org.safeguarding.chronology.api.review;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records a finding with the entries that are its evidence; the review's chair may. */
public record RecordFinding(String reviewId, String findingId, String text, List<String> evidenceEntryIds) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return ReviewIds.aggregateId(reviewId);
    }
}
