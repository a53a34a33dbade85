package org.safeguarding.chronology.query.review;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import org.bson.Document;
import org.safeguarding.chronology.api.review.ReviewType;
import org.safeguarding.chronology.query.FieldKeys;
import org.safeguarding.chronology.api.review.ReviewView;
import org.safeguarding.chronology.api.review.ReviewView.FindingView;
import org.safeguarding.chronology.api.review.ReviewView.KeyPracticeEpisodeView;
import org.safeguarding.chronology.api.review.ReviewView.RecommendationView;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** The reviews as {@link ReviewProjection} keeps them. */
@Component
public class KnownReviews {

    /** The stored review's layout. */
    static final class Layout {
        static final String COLLECTION = "rm_reviews";
        static final String TYPE = "type";
        static final String CHILDREN = "childIds";
        static final String SCOPE_FROM = "scopeFrom";
        static final String SCOPE_TO = "scopeTo";
        static final String COMMISSIONED_AT = "commissionedAt";
        static final String DUE_BY = "dueBy";
        static final String CHAIR = "chair";
        static final String MEMBERS = "m";
        static final String EPISODES = "e";
        static final String FINDINGS = "f";
        static final String RECOMMENDATIONS = "r";
        static final String COMPLETIONS = "c";
        static final String ID = "id";
        static final String USERNAME = "username";
        static final String TITLE = "title";
        static final String TEXT = "text";
        static final String ANALYSIS = "analysis";
        static final String ENTRIES = "entryIds";
        static final String FINDINGS_NAMED = "findingIds";
        static final String OWNER = "ownerAgencyId";
        static final String COMPLETED_AT = "completedAt";
        static final String NOTE = "note";
        static final String ORDER = "n";

        static String key(String id) {
            return FieldKeys.of(id);
        }

        private Layout() {
        }
    }

    private final MongoTemplate mongo;

    public KnownReviews(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The review, or null when there is none (yet). */
    public ReviewView find(String reviewId) {
        Document stored = mongo.findById(reviewId, Document.class, Layout.COLLECTION);
        return stored == null || stored.getString(Layout.TYPE) == null ? null : review(stored);
    }

    /** Every review, by id. */
    public List<ReviewView> all() {
        return list(new Query());
    }

    /** The reviews the user is a member of (a chair is one), by id. */
    public List<ReviewView> ofMember(String username) {
        return list(query(where(Layout.MEMBERS + "." + Layout.key(username)).exists(true)));
    }

    private List<ReviewView> list(Query query) {
        return mongo.find(query.with(Sort.by("_id")), Document.class, Layout.COLLECTION).stream()
                .filter(stored -> stored.getString(Layout.TYPE) != null).map(KnownReviews::review).toList();
    }

    private static ReviewView review(Document stored) {
        Document completions = stored.get(Layout.COMPLETIONS, new Document());
        List<String> members = inOrder(stored, Layout.MEMBERS, member -> member.getString(Layout.USERNAME));
        List<KeyPracticeEpisodeView> episodes = inOrder(stored, Layout.EPISODES, episode -> new KeyPracticeEpisodeView(
                episode.getString(Layout.ID), episode.getString(Layout.TITLE), episode.getList(Layout.ENTRIES, String.class),
                episode.getString(Layout.ANALYSIS)));
        List<FindingView> findings = inOrder(stored, Layout.FINDINGS, finding -> new FindingView(
                finding.getString(Layout.ID), finding.getString(Layout.TEXT), finding.getList(Layout.ENTRIES, String.class)));
        List<RecommendationView> recommendations = inOrder(stored, Layout.RECOMMENDATIONS, recommendation -> {
            String id = recommendation.getString(Layout.ID);
            Document completion = completions.get(Layout.key(id), Document.class);
            return new RecommendationView(id, recommendation.getString(Layout.TEXT),
                    recommendation.getList(Layout.FINDINGS_NAMED, String.class), recommendation.getString(Layout.OWNER),
                    LocalDate.parse(recommendation.getString(Layout.DUE_BY)),
                    completion == null ? null : Instant.parse(completion.getString(Layout.COMPLETED_AT)),
                    completion == null ? null : completion.getString(Layout.NOTE));
        });
        String dueBy = stored.getString(Layout.DUE_BY);
        return new ReviewView(stored.getString("_id"), ReviewType.valueOf(stored.getString(Layout.TYPE)),
                stored.getList(Layout.CHILDREN, String.class), LocalDate.parse(stored.getString(Layout.SCOPE_FROM)),
                LocalDate.parse(stored.getString(Layout.SCOPE_TO)), Instant.parse(stored.getString(Layout.COMMISSIONED_AT)),
                dueBy == null ? null : LocalDate.parse(dueBy), stored.getString(Layout.CHAIR), members, episodes,
                findings, recommendations);
    }

    /** The values of a keyed map of the review, in the order first recorded. */
    private static <T> List<T> inOrder(Document stored, String field, Function<Document, T> read) {
        Document map = stored.get(field, new Document());
        return map.values().stream().map(Document.class::cast)
                .sorted(Comparator.comparingLong(value -> ((Number) value.get(Layout.ORDER)).longValue()))
                .map(read).toList();
    }
}
