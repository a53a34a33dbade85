package org.safeguarding.chronology.command.links;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safeguarding.chronology.api.access.UserRole;
import org.safeguarding.chronology.api.agency.RegisterAgency;
import org.safeguarding.chronology.api.agency.Sector;
import org.safeguarding.chronology.api.child.ChildIds;
import org.safeguarding.chronology.api.child.RegisterChild;
import org.safeguarding.chronology.api.chronology.DatePrecision;
import org.safeguarding.chronology.api.chronology.EntryKind;
import org.safeguarding.chronology.api.chronology.EntryReceipt;
import org.safeguarding.chronology.api.chronology.RecordEntry;
import org.safeguarding.chronology.api.chronology.Significance;
import org.safeguarding.chronology.api.links.EntriesLinked;
import org.safeguarding.chronology.api.links.EntryLinkKind;
import org.safeguarding.chronology.api.review.AddReviewMember;
import org.safeguarding.chronology.api.review.CommissionReview;
import org.safeguarding.chronology.api.review.ReviewType;
import org.safeguarding.chronology.command.ServiceTest;
import org.safeguarding.chronology.security.UserAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * linkEntries over HTTP, on the real event store and user store: who may link the entries of which child (the
 * members of its reviews, and ADMIN), what is stored, and the links of the entries a review's answer shows.
 */
class LinkEntriesApiTest extends ServiceTest {

    static final String PASSWORD = "links-test-password";
    static final String NOTE = "Police and the health visitor describe the same visit of 1 May";

    @Autowired
    HttpGraphQlTester asAdmin;
    @Autowired
    CommandGateway commands;
    @Autowired
    UserAccounts users;
    @Autowired
    EventStore eventStore;

    String police;
    String childA;
    String childB;
    String a1;
    String a2;
    String b1;
    String review;
    String chair;
    String reviewer;
    String outsider;
    String policeUser;

    @BeforeEach
    void aReviewOfChildAWithAChairAndAMember() {
        police = unique("police");
        String health = unique("health");
        childA = unique("child");
        childB = unique("child");
        commands.sendAndWait(new RegisterAgency(police, "Police 1", Sector.POLICE));
        commands.sendAndWait(new RegisterAgency(health, "Health Visiting 1", Sector.HEALTH));
        commands.sendAndWait(new RegisterChild(childA, "Child A", LocalDate.parse("2023-02-01")));
        commands.sendAndWait(new RegisterChild(childB, "Child B", null));
        a1 = entry(childA, police, "POL-1");
        a2 = entry(childA, health, "HV-1");
        b1 = entry(childB, police, "POL-1");
        chair = user("chair", UserRole.CHAIR, null);
        reviewer = user("reviewer", UserRole.REVIEWER, null);
        outsider = user("outsider", UserRole.REVIEWER, null);
        policeUser = user("police-user", UserRole.AGENCY, police);
        review = unique("review");
        commands.sendAndWait(new CommissionReview(review, ReviewType.RAPID_REVIEW, List.of(childA),
                LocalDate.parse("2024-01-01"), LocalDate.parse("2024-05-31"), chair,
                Instant.parse("2024-06-03T09:00:00Z")));
        commands.sendAndWait(new AddReviewMember(review, reviewer));
    }

    @Test
    void aMemberOfTheChildsReviewLinksEntriesInTheOrderGivenAndTheSameLinkAgainChangesNothing() {
        GraphQlTester.Response first = link(reviewer, input(childA, "link-1", a2, a1));
        first.errors().verify();
        first.path("linkEntries.id").entity(String.class).isEqualTo("link-1")
                .path("linkEntries.kind").entity(String.class).isEqualTo("SAME_OCCURRENCE")
                .path("linkEntries.entryIds").entityList(String.class).containsExactly(a2, a1)
                .path("linkEntries.note").entity(String.class).isEqualTo(NOTE);
        String recordedAt = first.path("linkEntries.recordedAt").entity(String.class).get();

        link(reviewer, input(childA, "link-1", a1, a2)).path("linkEntries.recordedAt").entity(String.class)
                .isEqualTo(recordedAt)
                .path("linkEntries.entryIds").entityList(String.class).containsExactly(a2, a1);
        assertThat(links(childA)).singleElement().isEqualTo(new EntriesLinked(childA, "link-1",
                EntryLinkKind.SAME_OCCURRENCE, List.of(a2, a1), NOTE, reviewer));
        assertThat(Instant.parse(recordedAt)).isEqualTo(linkEvents(childA).get(0).getTimestamp());

        assertError(link(reviewer, Map.of("childId", childA, "id", "link-1", "kind", "CONFLICTING_ACCOUNTS",
                "entryIds", List.of(a1, a2), "note", NOTE)), "CONFLICT", "link link-1 of child " + childA);
    }

    @Test
    void theChairAndAnAdministratorLinkToo() {
        link(chair, input(childA, "by-chair", a1, a2)).errors().verify();
        link("admin", input(childA, "by-admin", a1, a2)).errors().verify();
        assertThat(links(childA)).extracting(EntriesLinked::by).containsExactly(chair, "admin");
    }

    @Test
    void anAgencyUserAndAReviewerOutsideTheChildsReviewsAreForbiddenAndNamedNoDataOfTheChild() {
        assertForbidden(link(policeUser, input(childA, "link-1", a1, a2)));
        assertForbidden(link(outsider, input(childA, "link-1", a1, a2)));
        assertForbidden(link(reviewer, input(childB, "link-1", b1, b1.replace("E1", "E2"))));
        assertForbidden(link(outsider, input("no-such-child", "link-1", "no-such-child/E1", "no-such-child/E2")));
        assertThat(links(childA)).isEmpty();
        assertThat(links(childB)).isEmpty();
    }

    @Test
    void aMemberAddedAfterARefusalMayLinkAtOnce() {
        assertForbidden(link(outsider, input(childA, "link-1", a1, a2)));
        as(chair).documentName("addReviewMember").variable("input", Map.of("reviewId", review, "username", outsider))
                .execute().errors().verify();
        link(outsider, input(childA, "link-1", a1, a2)).errors().verify();
        assertThat(links(childA)).extracting(EntriesLinked::by).containsExactly(outsider);
    }

    @Test
    void theRulesOfTheFieldsAndTheRecordNameWhatIsWrong() {
        assertError(link("admin", input(childA, "link-1", a1)), "BAD_REQUEST",
                "entryIds must name at least 2 distinct entries, not 1");
        assertError(link("admin", input(childA, "link-1", a1, a1)), "BAD_REQUEST",
                "entryIds names entry " + a1 + " more than once");
        assertError(link("admin", Map.of("childId", childA, "id", "link-1", "kind", "SAME_OCCURRENCE",
                "entryIds", List.of(a1, a2), "note", "  ")), "BAD_REQUEST", "note must not be blank");
        assertError(link("admin", input(childA, "link-1", a1, b1)), "NOT_FOUND",
                "entry " + b1 + " is not an entry of child " + childA);
        assertError(link("admin", input(childA, "link-1", a1, ChildIds.entryId(childA, 9))), "NOT_FOUND",
                "entry " + ChildIds.entryId(childA, 9) + " does not exist");
        assertError(link("admin", input("no-such-child", "link-1", "no-such-child/E1", "no-such-child/E2")),
                "NOT_FOUND", "child no-such-child is not registered");
        assertThat(links(childA)).isEmpty();
    }

    @Test
    void theEntriesOfAReviewsAnswerShowTheLinksNamingThem() {
        link(reviewer, input(childA, "link-1", a2, a1)).errors().verify();
        link(reviewer, Map.of("childId", childA, "id", "link-2", "kind", "CONFLICTING_ACCOUNTS",
                "entryIds", List.of(a1, a2), "note", "the accounts of who was present differ")).errors().verify();
        GraphQlTester.Response answer = as(reviewer).documentName("markKeyPracticeEpisode")
                .variable("input", Map.of("reviewId", review, "id", "episode-1", "title", "The visit of 1 May",
                        "entryIds", List.of(a1), "analysis", "Two agencies, one visit"))
                .execute();
        answer.errors().verify();
        answer.path("markKeyPracticeEpisode.keyPracticeEpisodes[0].entries[0].links[*].id").entityList(String.class)
                .containsExactly("link-1", "link-2")
                .path("markKeyPracticeEpisode.keyPracticeEpisodes[0].entries[0].links[0].entryIds")
                .entityList(String.class).containsExactly(a2, a1)
                .path("markKeyPracticeEpisode.keyPracticeEpisodes[0].entries[0].links[1].kind").entity(String.class)
                .isEqualTo("CONFLICTING_ACCOUNTS");
    }

    private String entry(String childId, String agencyId, String sourceRef) {
        return commands.<EntryReceipt>sendAndWait(new RecordEntry(childId, agencyId, sourceRef, EntryKind.HOME_VISIT,
                Instant.parse("2024-05-01T09:30:00Z"), DatePrecision.EXACT, Instant.parse("2024-05-01T10:00:00Z"),
                "Home visit: Mother and Child A seen", Significance.ROUTINE, null, List.of())).entryId();
    }

    private String user(String name, UserRole role, String agencyId) {
        String username = unique(name);
        users.create(username, PASSWORD, role, agencyId, "admin");
        return username;
    }

    private static Map<String, Object> input(String childId, String linkId, String... entryIds) {
        return Map.of("childId", childId, "id", linkId, "kind", "SAME_OCCURRENCE", "entryIds", List.of(entryIds),
                "note", NOTE);
    }

    private HttpGraphQlTester as(String username) {
        return username.equals("admin") ? asAdmin
                : asAdmin.mutate().headers(headers -> headers.setBasicAuth(username, PASSWORD)).build();
    }

    private GraphQlTester.Response link(String username, Map<String, Object> input) {
        return as(username).documentName("linkEntries").variable("input", input).execute();
    }

    private static void assertError(GraphQlTester.Response response, String classification, String message) {
        response.errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
            assertThat(error.getExtensions()).containsEntry("classification", classification);
            assertThat(error.getMessage()).contains(message);
        }));
    }

    private void assertForbidden(GraphQlTester.Response response) {
        response.errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
            assertThat(error.getExtensions()).containsEntry("classification", "FORBIDDEN");
            assertThat(error.getMessage()).doesNotContain(childA).doesNotContain(childB).doesNotContain("E1");
        }));
    }

    private List<? extends DomainEventMessage<?>> linkEvents(String childId) {
        return eventStore.readEvents(ChildIds.aggregateId(childId)).asStream()
                .filter(event -> event.getPayload() instanceof EntriesLinked).toList();
    }

    private List<EntriesLinked> links(String childId) {
        return linkEvents(childId).stream().map(event -> (EntriesLinked) event.getPayload()).toList();
    }
}
