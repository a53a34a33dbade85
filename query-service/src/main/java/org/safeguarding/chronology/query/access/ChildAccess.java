package org.safeguarding.chronology.query.access;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.bson.Document;
import org.safeguarding.chronology.query.status.Projections;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Whether a grant of {@code rm_access} holds. Grants are never taken back, so a grant once seen is remembered. One
 * not seen may be an event the projection has not reached yet (an agency reading right after its first entry): the
 * answer "no" waits, at most {@link #CATCH_UP}, for the projections to reach the head of the event stream as it was
 * when asked, and looks again.
 */
@Component
public class ChildAccess {

    static final Duration CATCH_UP = Duration.ofSeconds(3);

    /** The stored grants' layout: one document per grant, keyed by what it grants. */
    static final class Layout {
        static final String COLLECTION = "rm_access";
        static final String GRANTED = "granted";
        static final String REVIEWS = "reviews";

        static String agency(String agencyId, String childId) {
            return "agency/" + agencyId + "/" + childId;
        }

        static String reviewsOf(String childId) {
            return "reviews-of/" + childId;
        }

        static String member(String username, String reviewId) {
            return "member/" + username + "/" + reviewId;
        }

        static String chair(String username, String reviewId) {
            return "chair/" + username + "/" + reviewId;
        }

        private Layout() {
        }
    }

    private final MongoTemplate mongo;
    private final Projections projections;
    private final Set<String> seen = ConcurrentHashMap.newKeySet();

    public ChildAccess(MongoTemplate mongo, Projections projections) {
        this.mongo = mongo;
        this.projections = projections;
    }

    /** The agency recorded anything about the child. */
    public boolean agencyRecorded(String agencyId, String childId) {
        String key = Layout.agency(agencyId, childId);
        return holds(key, () -> exists(List.of(key)));
    }

    /** The user is a member (a chair is one) of a review of the child. */
    public boolean memberOfReviewOf(String username, String childId) {
        return holds("member-of/" + username + "/" + childId, () -> anyOfItsReviews(childId, review -> Layout.member(username, review)));
    }

    /** The user chairs a review of the child. */
    public boolean chairOfReviewOf(String username, String childId) {
        return holds("chair-of/" + username + "/" + childId, () -> anyOfItsReviews(childId, review -> Layout.chair(username, review)));
    }

    /** The user is a member (a chair is one) of the review. */
    public boolean memberOf(String username, String reviewId) {
        String key = Layout.member(username, reviewId);
        return holds(key, () -> exists(List.of(key)));
    }

    private boolean holds(String grant, BooleanSupplier stored) {
        if (seen.contains(grant)) {
            return true;
        }
        boolean granted = stored.getAsBoolean();
        if (!granted) {
            projections.awaitHead(CATCH_UP);
            granted = stored.getAsBoolean();
        }
        if (granted) {
            if (seen.size() > 100_000) {
                seen.clear();
            }
            seen.add(grant);
        }
        return granted;
    }

    private boolean anyOfItsReviews(String childId, Function<String, String> grantOfReview) {
        Document reviews = mongo.findById(Layout.reviewsOf(childId), Document.class, Layout.COLLECTION);
        if (reviews == null || reviews.get(Layout.REVIEWS, Document.class) == null) {
            return false;
        }
        List<String> grants = reviews.get(Layout.REVIEWS, Document.class).values().stream()
                .map(String.class::cast).map(grantOfReview).toList();
        return exists(grants);
    }

    private boolean exists(List<String> keys) {
        return !keys.isEmpty() && mongo.exists(query(where("_id").in(keys)), Document.class, Layout.COLLECTION);
    }
}
