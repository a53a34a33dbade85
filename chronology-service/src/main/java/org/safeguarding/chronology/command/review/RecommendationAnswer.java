package org.safeguarding.chronology.command.review;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.safeguarding.chronology.api.review.ActionStatus;
import org.safeguarding.chronology.api.review.ReviewView.FindingView;
import org.safeguarding.chronology.api.review.ReviewView.RecommendationView;

/** A recommendation as a review's answer shows it: its findings themselves, and its status as of today. */
record RecommendationAnswer(String id, String text, List<FindingView> findings, String ownerAgencyId,
                            LocalDate dueBy, ActionStatus status, Instant completedAt) {

    static RecommendationAnswer of(RecommendationView recommendation, Map<String, FindingView> findings,
                                   LocalDate today) {
        return new RecommendationAnswer(recommendation.id(), recommendation.text(),
                recommendation.findingIds().stream().map(findings::get).filter(Objects::nonNull).toList(),
                recommendation.ownerAgencyId(), recommendation.dueBy(),
                ActionStatus.of(recommendation.completedAt() != null, recommendation.dueBy(), today),
                recommendation.completedAt());
    }
}
