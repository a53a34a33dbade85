package org.safeguarding.chronology.query.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.safeguarding.chronology.api.access.UserRole;
import org.safeguarding.chronology.api.agency.AgencyRegistered;
import org.safeguarding.chronology.api.agency.Sector;
import org.safeguarding.chronology.api.child.ChildRegistered;
import org.safeguarding.chronology.api.chronology.DatePrecision;
import org.safeguarding.chronology.api.chronology.EntryKind;
import org.safeguarding.chronology.api.chronology.EntryRecorded;
import org.safeguarding.chronology.api.chronology.EntryRetracted;
import org.safeguarding.chronology.api.chronology.Significance;
import org.safeguarding.chronology.api.review.ActionCompleted;
import org.safeguarding.chronology.api.review.FindingRecorded;
import org.safeguarding.chronology.api.review.KeyPracticeEpisodeMarked;
import org.safeguarding.chronology.api.review.RecommendationRecorded;
import org.safeguarding.chronology.api.review.ReviewCommissioned;
import org.safeguarding.chronology.api.review.ReviewMemberAdded;
import org.safeguarding.chronology.api.review.ReviewType;
import org.safeguarding.chronology.query.QueryServiceTestBase;
import org.safeguarding.chronology.security.UserAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/** review and reviews from the review's events: contents in the order first recorded, entries as they stand now. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReviewGraphQlTest extends QueryServiceTestBase {

    private static final String CHILD = "child-review-q";
    private static final String REVIEW = "review-q-1";
    private static final String OTHER = "review-q-2";
    private static final Instant T = Instant.parse("2024-03-01T09:30:00Z");
    private static final String PASSWORD = "review-query-test-password";
    private static final String REVIEW_QUERY = """
            query($id: ID!) { review(id: $id) { id type dueBy scopeFrom scopeTo commissionedAt
              children { id displayName } chair { username role } members { username }
              keyPracticeEpisodes { id title analysis entries { id summary version history { retracted } } }
              findings { id text evidence { id } }
              recommendations { id text dueBy status completedAt ownerAgency { id name } findings { id evidence { id } } } } }""";

    @Autowired
    UserAccounts users;

    @BeforeAll
    void history() {
        registerAgency(new AgencyRegistered("police-rq", "Police", Sector.POLICE));
        users.create("chair-rq", PASSWORD, UserRole.CHAIR, null, "test");
        users.create("reviewer-rq", PASSWORD, UserRole.REVIEWER, null, "test");
        users.create("outsider-rq", PASSWORD, UserRole.REVIEWER, null, "test");
        publishChildEvent(CHILD, new ChildRegistered(CHILD, "Child A", LocalDate.parse("2023-06-01")), T);
        publishChildEvent(CHILD, entry(1), T.plusSeconds(1));
        publishChildEvent(CHILD, entry(2), T.plusSeconds(2));
        publishChildEvent(CHILD, new EntryRetracted(CHILD, CHILD + "/E2", "police-rq", 2, "recorded against the wrong child"),
                T.plusSeconds(3));
        publishReviewEvent(REVIEW, new ReviewCommissioned(REVIEW, ReviewType.RAPID_REVIEW, List.of(CHILD),
                LocalDate.parse("2024-01-01"), LocalDate.parse("2024-06-30"), "chair-rq", T.plusSeconds(86_400 * 120),
                LocalDate.parse("2024-07-22"), "admin"));
        publishReviewEvent(REVIEW, new ReviewMemberAdded(REVIEW, "reviewer-rq", "chair-rq"));
        publishReviewEvent(REVIEW, new KeyPracticeEpisodeMarked(REVIEW, "KPE-2", "Second", List.of(CHILD + "/E2", CHILD + "/E1"),
                "Analysis two", "reviewer-rq"));
        publishReviewEvent(REVIEW, new KeyPracticeEpisodeMarked(REVIEW, "KPE-1", "First", List.of(CHILD + "/E1"),
                "Analysis one", "chair-rq"));
        publishReviewEvent(REVIEW, new FindingRecorded(REVIEW, "F.1", "Not shared in writing", List.of(CHILD + "/E1"), "chair-rq"));
        publishReviewEvent(REVIEW, new RecommendationRecorded(REVIEW, "R-open", "Share in writing", List.of("F.1"),
                "police-rq", LocalDate.parse("2999-01-01"), "chair-rq"));
        publishReviewEvent(REVIEW, new RecommendationRecorded(REVIEW, "R-late", "Train staff", List.of("F.1"),
                "police-rq", LocalDate.parse("2020-01-01"), "chair-rq"));
        publishReviewEvent(REVIEW, new RecommendationRecorded(REVIEW, "R-done", "Audit the cases", List.of(),
                "police-rq", LocalDate.parse("2020-01-01"), "chair-rq"));
        publishReviewEvent(REVIEW, new ActionCompleted(REVIEW, "R-done", Instant.parse("2024-09-01T10:00:00Z"), "Done",
                "chair-rq"));
        publishReviewEvent(OTHER, new ReviewCommissioned(OTHER, ReviewType.SILP, List.of(CHILD),
                LocalDate.parse("2024-01-01"), LocalDate.parse("2024-06-30"), "chair-rq", T, null, "admin"));
        eventually(() -> graphQl.document(REVIEW_QUERY).variable("id", REVIEW).execute()
                .path("review.recommendations[2].status").entity(String.class).isEqualTo("DONE"));
    }

    @Test
    void aReviewShowsWhatWasRecordedInTheOrderFirstRecordedWithEntriesAsTheyStandNow() {
        var review = graphQl.document(REVIEW_QUERY).variable("id", REVIEW).execute().path("review");
        review.path("review.type").entity(String.class).isEqualTo("RAPID_REVIEW")
                .path("review.dueBy").entity(String.class).isEqualTo("2024-07-22")
                .path("review.children[*].displayName").entityList(String.class).containsExactly("Child A")
                .path("review.chair.username").entity(String.class).isEqualTo("chair-rq")
                .path("review.members[*].username").entityList(String.class).containsExactly("chair-rq", "reviewer-rq")
                .path("review.keyPracticeEpisodes[*].id").entityList(String.class).containsExactly("KPE-2", "KPE-1")
                .path("review.keyPracticeEpisodes[0].entries[*].id").entityList(String.class)
                .containsExactly(CHILD + "/E2", CHILD + "/E1")
                .path("review.keyPracticeEpisodes[0].entries[0].history[1].retracted").entity(Boolean.class).isEqualTo(true)
                .path("review.findings[0].evidence[*].id").entityList(String.class).containsExactly(CHILD + "/E1")
                .path("review.recommendations[*].status").entityList(String.class).containsExactly("OPEN", "OVERDUE", "DONE")
                .path("review.recommendations[0].ownerAgency.name").entity(String.class).isEqualTo("Police")
                .path("review.recommendations[0].findings[0].evidence[0].id").entity(String.class).isEqualTo(CHILD + "/E1")
                .path("review.recommendations[2].completedAt").entity(String.class).isEqualTo("2024-09-01T10:00:00Z");
    }

    @Test
    void membersSeeTheirReviewsOthersAreRefusedAndAnUnknownReviewIsNull() {
        as("reviewer-rq").document("{ reviews { id } }").execute().path("reviews[*].id").entityList(String.class)
                .containsExactly(REVIEW);
        as("chair-rq").document("{ reviews { id } }").execute().path("reviews[*].id").entityList(String.class)
                .containsExactly(REVIEW, OTHER);
        graphQl.document("{ reviews { id } }").execute().path("reviews[*].id").entityList(String.class)
                .contains(REVIEW, OTHER);
        as("outsider-rq").document("{ reviews { id } }").execute().path("reviews").entityList(Object.class).hasSize(0);
        as("outsider-rq").document(REVIEW_QUERY).variable("id", REVIEW).execute().errors().satisfy(errors ->
                assertThat(errors).singleElement().satisfies(error ->
                        assertThat(error.getExtensions()).containsEntry("classification", "FORBIDDEN")));
        as("reviewer-rq").document(REVIEW_QUERY).variable("id", OTHER).execute().errors().satisfy(errors ->
                assertThat(errors).singleElement().satisfies(error ->
                        assertThat(error.getExtensions()).containsEntry("classification", "FORBIDDEN")));
        graphQl.document(REVIEW_QUERY).variable("id", "no-such-review").execute().path("review").valueIsNull();
    }

    @Test
    void aMemberReadsTheReviewsChildrenAndEachReadOfTheReviewIsAuditedOncePerChild() {
        as("reviewer-rq").document("query($id: ID!) { chronology(childId: $id) { totalCount } }").variable("id", CHILD)
                .execute().path("chronology.totalCount").entity(Integer.class).isEqualTo(1);
        as("outsider-rq").document("query($id: ID!) { child(id: $id) { id } }").variable("id", CHILD).execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(error ->
                        assertThat(error.getExtensions()).containsEntry("classification", "FORBIDDEN")));
        as("reviewer-rq").document(REVIEW_QUERY).variable("id", REVIEW).execute().errors().verify();
        List<Map<String, Object>> trail = as("chair-rq")
                .document("query($id: ID!) { auditTrail(childId: $id, first: 5) { edges { node { username operation arguments } } } }")
                .variable("id", CHILD).execute().errors().verify()
                .path("auditTrail.edges[*].node").entityList(Object.class).get().stream()
                .map(node -> (Map<String, Object>) node).toList();
        assertThat(trail).anySatisfy(record -> assertThat(record).containsEntry("operation", "review")
                .containsEntry("username", "reviewer-rq").containsEntry("arguments", "{\"id\":\"" + REVIEW + "\"}"));
        assertThat(trail).anySatisfy(record -> assertThat(record).containsEntry("operation", "denied:child")
                .containsEntry("username", "outsider-rq"));
        // the read that is answering may or may not be on its own first page: the next one shows it
        as("chair-rq").document("query($id: ID!) { auditTrail(childId: $id, first: 5) { edges { node { username operation } } } }")
                .variable("id", CHILD).execute().path("auditTrail.edges[*].node.operation").entityList(String.class)
                .contains("auditTrail");
        as("reviewer-rq").document("query($id: ID!) { auditTrail(childId: $id) { totalCount } }").variable("id", CHILD)
                .execute().errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(error ->
                        assertThat(error.getExtensions()).containsEntry("classification", "FORBIDDEN")));
    }

    private HttpGraphQlTester as(String username) {
        return graphQl.mutate().headers(headers -> headers.setBasicAuth(username, PASSWORD)).build();
    }

    private static EntryRecorded entry(int number) {
        return new EntryRecorded(CHILD, CHILD + "/E" + number, "police-rq", "POL-" + number,
                EntryKind.DOMESTIC_ABUSE_INCIDENT, T, DatePrecision.EXACT, T, "Call-out " + number,
                Significance.SIGNIFICANT, null, List.of());
    }
}
