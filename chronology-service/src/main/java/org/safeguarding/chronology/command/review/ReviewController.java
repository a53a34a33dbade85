package org.safeguarding.chronology.command.review;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.safeguarding.chronology.api.review.AddReviewMember;
import org.safeguarding.chronology.api.review.CommissionReview;
import org.safeguarding.chronology.api.review.CompleteAction;
import org.safeguarding.chronology.api.review.MarkKeyPracticeEpisode;
import org.safeguarding.chronology.api.review.RecordFinding;
import org.safeguarding.chronology.api.review.RecordRecommendation;
import org.safeguarding.chronology.api.review.ReviewType;
import org.safeguarding.chronology.api.review.ReviewView;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

@Controller
public class ReviewController {

    private final CommandGateway commands;

    public ReviewController(CommandGateway commands) {
        this.commands = commands;
    }

    @MutationMapping
    public ReviewView commissionReview(@Argument CommissionReviewInput input) {
        return commands.sendAndWait(new CommissionReview(input.id(), input.type(), input.childIds(),
                input.scopeFrom(), input.scopeTo(), input.chair(), input.commissionedAt()));
    }

    @MutationMapping
    public ReviewView addReviewMember(@Argument AddReviewMemberInput input) {
        return commands.sendAndWait(new AddReviewMember(input.reviewId(), input.username()));
    }

    @MutationMapping
    public ReviewView markKeyPracticeEpisode(@Argument MarkKeyPracticeEpisodeInput input) {
        return commands.sendAndWait(new MarkKeyPracticeEpisode(input.reviewId(), input.id(), input.title(),
                input.entryIds(), input.analysis()));
    }

    @MutationMapping
    public ReviewView recordFinding(@Argument RecordFindingInput input) {
        return commands.sendAndWait(new RecordFinding(input.reviewId(), input.id(), input.text(),
                input.evidenceEntryIds()));
    }

    @MutationMapping
    public ReviewView recordRecommendation(@Argument RecordRecommendationInput input) {
        return commands.sendAndWait(new RecordRecommendation(input.reviewId(), input.id(), input.text(),
                input.findingIds(), input.ownerAgencyId(), input.dueBy()));
    }

    @MutationMapping
    public ReviewView completeAction(@Argument CompleteActionInput input) {
        return commands.sendAndWait(new CompleteAction(input.reviewId(), input.recommendationId(),
                input.completedAt(), input.note()));
    }

    public record CommissionReviewInput(String id, ReviewType type, List<String> childIds, LocalDate scopeFrom,
                                        LocalDate scopeTo, String chair, Instant commissionedAt) {
    }

    public record AddReviewMemberInput(String reviewId, String username) {
    }

    public record MarkKeyPracticeEpisodeInput(String reviewId, String id, String title, List<String> entryIds,
                                              String analysis) {
    }

    public record RecordFindingInput(String reviewId, String id, String text, List<String> evidenceEntryIds) {
    }

    public record RecordRecommendationInput(String reviewId, String id, String text, List<String> findingIds,
                                            String ownerAgencyId, LocalDate dueBy) {
    }

    public record CompleteActionInput(String reviewId, String recommendationId, Instant completedAt, String note) {
    }
}
