package org.safeguarding.chronology.query.access;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.safeguarding.chronology.api.chronology.EntryRecorded;
import org.safeguarding.chronology.api.person.PersonKnownRecorded;
import org.safeguarding.chronology.api.sharing.InformationShared;
import org.safeguarding.chronology.query.FieldKeys;
import org.safeguarding.chronology.query.ProjectionWrites;
import org.safeguarding.chronology.query.ReadModels;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Who may read which child, besides ADMIN: {@code rm_access}, one document per grant keyed by what it grants
 * ({@link ChildAccess.Layout}). An agency that recorded anything about a child (an entry, a person known, a share it
 * sent); the members and the chair of a review, and the reviews of each child. Grants are never taken back.
 */
@Component
@ProcessingGroup(ReadModels.PROCESSING_GROUP)
public class AccessProjection {

    private final MongoTemplate mongo;

    public AccessProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    public void on(EntryRecorded event) {
        grantAgency(event.agencyId(), event.childId());
    }

    @EventHandler
    public void on(PersonKnownRecorded event) {
        grantAgency(event.agencyId(), event.childId());
    }

    @EventHandler
    public void on(InformationShared event) {
        grantAgency(event.fromAgencyId(), event.childId());
    }

    private void grantAgency(String agencyId, String childId) {
        grant(ChildAccess.Layout.agency(agencyId, childId));
    }

    /** The review is of the child. */
    public void grantReview(String reviewId, String childId) {
        ProjectionWrites.upsert(mongo, ChildAccess.Layout.COLLECTION, ChildAccess.Layout.reviewsOf(childId),
                new Update().set(ChildAccess.Layout.REVIEWS + "." + FieldKeys.of(reviewId), reviewId));
    }

    public void grantMember(String username, String reviewId) {
        grant(ChildAccess.Layout.member(username, reviewId));
    }

    public void grantChair(String username, String reviewId) {
        grant(ChildAccess.Layout.chair(username, reviewId));
    }

    private void grant(String key) {
        ProjectionWrites.upsert(mongo, ChildAccess.Layout.COLLECTION, key, new Update().set(ChildAccess.Layout.GRANTED, true));
    }

    @ResetHandler
    public void reset() {
        mongo.dropCollection(ChildAccess.Layout.COLLECTION);
    }
}
