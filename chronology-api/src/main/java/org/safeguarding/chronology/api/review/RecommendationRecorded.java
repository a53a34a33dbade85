package org.safeguarding.chronology.api.review;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;

/** A recommendation of the review, drawn from findings of the review (in the order named, each once). */
@Revision("1")
public record RecommendationRecorded(String reviewId, String recommendationId, String text, List<String> findingIds,
                                     String ownerAgencyId, LocalDate dueBy, String by) {

    public RecommendationRecorded {
        findingIds = List.copyOf(findingIds);
    }
}
