package org.safeguarding.chronology.query.review;

import static org.safeguarding.chronology.query.review.KnownReviews.Layout.key;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.bson.Document;
import org.safeguarding.chronology.api.review.ActionCompleted;
import org.safeguarding.chronology.api.review.FindingRecorded;
import org.safeguarding.chronology.api.review.KeyPracticeEpisodeMarked;
import org.safeguarding.chronology.api.review.RecommendationRecorded;
import org.safeguarding.chronology.api.review.ReviewCommissioned;
import org.safeguarding.chronology.api.review.ReviewMemberAdded;
import org.safeguarding.chronology.query.ProjectionWrites;
import org.safeguarding.chronology.query.ReadModels;
import org.safeguarding.chronology.query.access.AccessProjection;
import org.safeguarding.chronology.query.review.KnownReviews.Layout;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The reviews: {@code rm_reviews}, one document per review, each episode, finding, recommendation, completion and
 * member {@code $set} under its own key with the event's sequence number (the order first recorded), so a
 * redelivered event changes nothing. Also who may read which child through a review (rm_access).
 */
@Component
@ProcessingGroup(ReadModels.PROCESSING_GROUP)
public class ReviewProjection {

    private final MongoTemplate mongo;
    private final AccessProjection access;

    public ReviewProjection(MongoTemplate mongo, AccessProjection access) {
        this.mongo = mongo;
        this.access = access;
    }

    @EventHandler
    public void on(ReviewCommissioned event, @SequenceNumber long sequence) {
        Update update = new Update()
                .set(Layout.TYPE, event.type().name())
                .set(Layout.CHILDREN, event.childIds())
                .set(Layout.SCOPE_FROM, event.scopeFrom().toString())
                .set(Layout.SCOPE_TO, event.scopeTo().toString())
                .set(Layout.COMMISSIONED_AT, event.commissionedAt().toString())
                .set(Layout.DUE_BY, event.dueBy() == null ? null : event.dueBy().toString())
                .set(Layout.CHAIR, event.chair())
                .set(Layout.MEMBERS + "." + key(event.chair()), member(event.chair(), sequence));
        write(event.reviewId(), update);
        event.childIds().forEach(childId -> access.grantReview(event.reviewId(), childId));
        access.grantMember(event.chair(), event.reviewId());
        access.grantChair(event.chair(), event.reviewId());
    }

    @EventHandler
    public void on(ReviewMemberAdded event, @SequenceNumber long sequence) {
        write(event.reviewId(), new Update().set(Layout.MEMBERS + "." + key(event.username()),
                member(event.username(), sequence)));
        access.grantMember(event.username(), event.reviewId());
    }

    @EventHandler
    public void on(KeyPracticeEpisodeMarked event, @SequenceNumber long sequence) {
        write(event.reviewId(), new Update().set(Layout.EPISODES + "." + key(event.episodeId()),
                new Document(Layout.ID, event.episodeId()).append(Layout.TITLE, event.title())
                        .append(Layout.ENTRIES, event.entryIds()).append(Layout.ANALYSIS, event.analysis())
                        .append(Layout.ORDER, sequence)));
    }

    @EventHandler
    public void on(FindingRecorded event, @SequenceNumber long sequence) {
        write(event.reviewId(), new Update().set(Layout.FINDINGS + "." + key(event.findingId()),
                new Document(Layout.ID, event.findingId()).append(Layout.TEXT, event.text())
                        .append(Layout.ENTRIES, event.evidenceEntryIds()).append(Layout.ORDER, sequence)));
    }

    @EventHandler
    public void on(RecommendationRecorded event, @SequenceNumber long sequence) {
        write(event.reviewId(), new Update().set(Layout.RECOMMENDATIONS + "." + key(event.recommendationId()),
                new Document(Layout.ID, event.recommendationId()).append(Layout.TEXT, event.text())
                        .append(Layout.FINDINGS_NAMED, event.findingIds())
                        .append(Layout.OWNER, event.ownerAgencyId()).append(Layout.DUE_BY, event.dueBy().toString())
                        .append(Layout.ORDER, sequence)));
    }

    /** Kept apart from the recommendation, so both may be written in one batch without one path inside another. */
    @EventHandler
    public void on(ActionCompleted event) {
        write(event.reviewId(), new Update().set(Layout.COMPLETIONS + "." + key(event.recommendationId()),
                new Document(Layout.COMPLETED_AT, event.completedAt().toString()).append(Layout.NOTE, event.note())));
    }

    @ResetHandler
    public void reset() {
        mongo.dropCollection(Layout.COLLECTION);
    }

    private void write(String reviewId, Update update) {
        ProjectionWrites.upsert(mongo, Layout.COLLECTION, reviewId, update);
    }

    private static Document member(String username, long sequence) {
        return new Document(Layout.USERNAME, username).append(Layout.ORDER, sequence);
    }
}
