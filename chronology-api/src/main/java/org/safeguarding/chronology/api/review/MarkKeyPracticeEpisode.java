package org.safeguarding.chronology.api.review;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Marks entries of the review's children as a key practice episode with its analysis; any member may. */
public record MarkKeyPracticeEpisode(String reviewId, String episodeId, String title, List<String> entryIds,
                                     String analysis) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return ReviewIds.aggregateId(reviewId);
    }
}
