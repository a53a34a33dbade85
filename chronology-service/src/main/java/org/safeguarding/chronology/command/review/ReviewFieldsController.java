package org.safeguarding.chronology.command.review;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.dataloader.DataLoader;
import org.safeguarding.chronology.api.access.ActingUser;
import org.safeguarding.chronology.api.agency.AgencyView;
import org.safeguarding.chronology.api.calendar.WorkingDays;
import org.safeguarding.chronology.api.child.ChildIds;
import org.safeguarding.chronology.api.child.ChildView;
import org.safeguarding.chronology.api.chronology.ChronologyEntryView;
import org.safeguarding.chronology.api.review.RecommendationAnswer;
import org.safeguarding.chronology.api.review.ReviewView;
import org.safeguarding.chronology.api.review.ReviewView.FindingView;
import org.safeguarding.chronology.api.review.ReviewView.KeyPracticeEpisodeView;
import org.safeguarding.chronology.command.agency.AgencyViews;
import org.safeguarding.chronology.command.child.ChildRecord;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * The fields of a review's answer that name something else: children and entries (their cases read once per
 * child and request, through the ChildRecord DataLoader), users and agencies.
 */
@Controller
class ReviewFieldsController {

    private final ReviewReferences references;
    private final AgencyViews agencies;
    private final Clock clock;

    ReviewFieldsController(ReviewReferences references, AgencyViews agencies, Clock clock) {
        this.references = references;
        this.agencies = agencies;
        this.clock = clock;
    }

    @SchemaMapping(typeName = "Review")
    CompletableFuture<List<ChildView>> children(ReviewView review, DataLoader<String, ChildRecord> records) {
        return records.loadMany(review.childIds()).thenApply(found ->
                found.stream().filter(Objects::nonNull).map(ChildRecord::child).toList());
    }

    @BatchMapping(typeName = "Review")
    Map<ReviewView, ActingUser> chair(List<ReviewView> reviews) {
        Map<ReviewView, ActingUser> chairs = new HashMap<>();
        reviews.forEach(review -> references.user(review.chair()).ifPresent(user -> chairs.put(review, user)));
        return chairs;
    }

    /** Members in the order they joined; a username the user store no longer knows is left out. */
    @BatchMapping(typeName = "Review")
    Map<ReviewView, List<ActingUser>> members(List<ReviewView> reviews) {
        Map<String, ActingUser> users = new HashMap<>();
        reviews.stream().flatMap(review -> review.members().stream()).distinct()
                .forEach(username -> references.user(username).ifPresent(user -> users.put(username, user)));
        Map<ReviewView, List<ActingUser>> members = new HashMap<>();
        reviews.forEach(review -> members.put(review,
                review.members().stream().map(users::get).filter(Objects::nonNull).toList()));
        return members;
    }

    /** The status is computed now, against today's date in Europe/London. */
    @SchemaMapping(typeName = "Review")
    List<RecommendationAnswer> recommendations(ReviewView review) {
        return RecommendationAnswer.of(review, WorkingDays.londonDate(clock.instant()));
    }

    @SchemaMapping(typeName = "KeyPracticeEpisode")
    CompletableFuture<List<ChronologyEntryView>> entries(KeyPracticeEpisodeView episode,
                                                         DataLoader<String, ChildRecord> records) {
        return entries(episode.entryIds(), records);
    }

    @SchemaMapping(typeName = "Finding")
    CompletableFuture<List<ChronologyEntryView>> evidence(FindingView finding,
                                                          DataLoader<String, ChildRecord> records) {
        return entries(finding.evidenceEntryIds(), records);
    }

    @BatchMapping(typeName = "Recommendation")
    Map<RecommendationAnswer, AgencyView> ownerAgency(List<RecommendationAnswer> recommendations) {
        return agencies.of(recommendations, RecommendationAnswer::ownerAgencyId);
    }

    @BatchMapping(typeName = "User")
    Map<ActingUser, AgencyView> agency(List<ActingUser> users) {
        return agencies.of(users, ActingUser::agencyId);
    }

    /** The entries as the record stands now, in the order named. */
    private static CompletableFuture<List<ChronologyEntryView>> entries(List<String> entryIds,
                                                                        DataLoader<String, ChildRecord> records) {
        List<String> childIds = entryIds.stream().map(ChildIds::childOfEntry).distinct().toList();
        return records.loadMany(childIds).thenApply(found -> {
            Map<String, ChronologyEntryView> entries = new HashMap<>();
            found.stream().filter(Objects::nonNull).forEach(record -> entries.putAll(record.entries()));
            return entryIds.stream().map(entries::get).filter(Objects::nonNull).toList();
        });
    }
}
