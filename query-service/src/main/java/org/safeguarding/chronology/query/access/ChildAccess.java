package org.safeguarding.chronology.query.access;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Duration;
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

        static String agency(String agencyId, String childId) {
            return "agency/" + agencyId + "/" + childId;
        }

        static String member(String username, String childId) {
            return "member/" + username + "/" + childId;
        }

        static String chair(String username, String childId) {
            return "chair/" + username + "/" + childId;
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
        return holds(Layout.agency(agencyId, childId));
    }

    /** The user is a member (a chair is one) of a review of the child. */
    public boolean memberOfReviewOf(String username, String childId) {
        return holds(Layout.member(username, childId));
    }

    /** The user chairs a review of the child. */
    public boolean chairOfReviewOf(String username, String childId) {
        return holds(Layout.chair(username, childId));
    }

    private boolean holds(String key) {
        if (seen.contains(key) || stored(key)) {
            return true;
        }
        projections.awaitHead(CATCH_UP);
        return stored(key);
    }

    private boolean stored(String key) {
        boolean granted = mongo.exists(query(where("_id").is(key)), Document.class, Layout.COLLECTION);
        if (granted) {
            if (seen.size() > 100_000) {
                seen.clear();
            }
            seen.add(key);
        }
        return granted;
    }
}
