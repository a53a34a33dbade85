package org.safeguarding.chronology.api.review;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.safeguarding.chronology.api.review.ReviewView.FindingView;
import org.safeguarding.chronology.api.review.ReviewView.RecommendationView;

/** A recommendation as a review's answer shows it (on both services): its findings themselves, and its status as of today. */
public record RecommendationAnswer(String id, String text, List<FindingView> findings, String ownerAgencyId,
                            LocalDate dueBy, ActionStatus status, Instant completedAt) {

    /** The review's recommendations, in the order first recorded, as of today (a date in Europe/London). */
    public static List<RecommendationAnswer> of(ReviewView review, LocalDate today) {
        Map<String, FindingView> findings = new LinkedHashMap<>();
        review.findings().forEach(finding -> findings.put(finding.id(), finding));
        return review.recommendations().stream().map(recommendation -> of(recommendation, findings, today)).toList();
    }

    public static RecommendationAnswer of(RecommendationView recommendation, Map<String, FindingView> findings,
                                   LocalDate today) {
        return new RecommendationAnswer(recommendation.id(), recommendation.text(),
                recommendation.findingIds().stream().map(findings::get).filter(Objects::nonNull).toList(),
                recommendation.ownerAgencyId(), recommendation.dueBy(),
                ActionStatus.of(recommendation.completedAt() != null, recommendation.dueBy(), today),
                recommendation.completedAt());
    }
}
