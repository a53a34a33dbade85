package org.safeguarding.chronology.api.review;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A review as it stands; what the review commands answer. Lists are in the order things were first recorded.
 *
 * @param chair   the chair's username
 * @param members usernames, the chair first
 */
public record ReviewView(String id, ReviewType type, List<String> childIds, LocalDate scopeFrom, LocalDate scopeTo,
                         Instant commissionedAt, LocalDate dueBy, String chair, List<String> members,
                         List<KeyPracticeEpisodeView> keyPracticeEpisodes, List<FindingView> findings,
                         List<RecommendationView> recommendations) {

    public record KeyPracticeEpisodeView(String id, String title, List<String> entryIds, String analysis) {
    }

    public record FindingView(String id, String text, List<String> evidenceEntryIds) {
    }

    /** completedAt and completionNote are null until the action is completed. */
    public record RecommendationView(String id, String text, List<String> findingIds, String ownerAgencyId,
                                     LocalDate dueBy, Instant completedAt, String completionNote) {

        public RecommendationView completed(Instant at, String note) {
            return new RecommendationView(id, text, findingIds, ownerAgencyId, dueBy, at, note);
        }

        /** The recommendation as recorded, before any completion. */
        public RecommendationView asRecorded() {
            return completed(null, null);
        }
    }
}
