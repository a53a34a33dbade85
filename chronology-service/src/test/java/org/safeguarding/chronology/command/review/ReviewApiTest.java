package org.safeguarding.chronology.command.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.mockingDetails;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.invocation.Invocation;
import org.safeguarding.chronology.api.access.ActingUser;
import org.safeguarding.chronology.api.access.UserRole;
import org.safeguarding.chronology.api.child.ChildIds;
import org.safeguarding.chronology.api.review.ReviewCommissioned;
import org.safeguarding.chronology.api.review.ReviewIds;
import org.safeguarding.chronology.api.review.ReviewType;
import org.safeguarding.chronology.command.ServiceTest;
import org.safeguarding.chronology.command.child.ChildRecords;
import org.safeguarding.chronology.command.graphql.EntryInputs;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/** The review's mutations over HTTP, on the real event store; each answer resolves its children, users and entries. */
class ReviewApiTest extends ServiceTest {

    /** Every field of a review's answer, down to its entries' history and who knew them. */
    static final String REVIEW_FIELDS = """
            { id type scopeFrom scopeTo commissionedAt dueBy
              children { id displayName dateOfBirth }
              chair { username role agency { id } }
              members { username role }
              keyPracticeEpisodes { id title analysis entries { ...entry } }
              findings { id text evidence { ...entry } }
              recommendations { id text dueBy status completedAt ownerAgency { id name }
                                findings { id evidence { id } } } }""";
    static final String ENTRY_FIELDS = """
            fragment entry on ChronologyEntry {
              id childId agency { id name } sourceRef kind occurredAt knownAt recordedAt summary significance
              professional occurredAtPrecision occurredAtText personIds childAge sincePrevious version
              knownTo { agency { id } since how channel }
              history { version recordedAt occurredAt occurredAtPrecision knownAt kind summary significance reason
                        retracted } }""";

    static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
    };

    static final String PASSWORD = "review-test-password";

    /** The test's client as the admin; {@link #graphQl} is it as the user acted as. */
    @Autowired
    HttpGraphQlTester asAdmin;
    HttpGraphQlTester graphQl;
    @Autowired
    EventStore eventStore;
    @MockitoSpyBean
    ChildRecords childRecords;

    String police;
    String health;
    String childA;
    String childB;
    String review;
    ActingUser admin;
    ActingUser chair;
    ActingUser reviewer;
    ActingUser policeUser;

    @BeforeEach
    void registerAgenciesChildrenEntriesAndUsers() {
        police = unique("police");
        health = unique("health");
        childA = unique("child");
        childB = unique("child");
        review = unique("review");
        admin = new ActingUser("admin", UserRole.ADMIN, null);
        actAs(admin);
        mutate("registerAgency", "RegisterAgencyInput", "id", Map.of("id", police, "name", "Police 1",
                "sector", "POLICE"));
        mutate("registerAgency", "RegisterAgencyInput", "id", Map.of("id", health, "name", "Health Visiting 1",
                "sector", "HEALTH"));
        mutate("registerChild", "RegisterChildInput", "id", Map.of("id", childA, "displayName", "Child A",
                "dateOfBirth", "2024-02-01"));
        mutate("registerChild", "RegisterChildInput", "id", Map.of("id", childB, "displayName", "Child B"));
        record(childA, police, "POL-1");
        record(childA, health, "HV-1");
        record(childB, police, "POL-1");
        mutate("correctEntry", "CorrectEntryInput", "entryId", Map.of("entryId", entryA(1), "agencyId", police,
                "summary", "Police called to the home; Partner present", "reason", "Partner's presence was left out"));
        mutate("retractEntry", "RetractEntryInput", "entryId", Map.of("entryId", entryA(2), "agencyId", health,
                "reason", "recorded against the wrong child"));
        mutate("shareInformation", "ShareInformationInput", "sharingId", Map.of("childId", childA,
                "fromAgencyId", police, "toAgencyId", health, "entryIds", List.of(entryA(1)),
                "sharedAt", "2024-05-03T09:00:00Z", "channel", "ELECTRONIC", "sourceRef", "SHARE-1"));
        chair = user("chair", UserRole.CHAIR, null);
        reviewer = user("reviewer", UserRole.REVIEWER, null);
        policeUser = user("police-user", UserRole.AGENCY, police);
    }

    @Test
    void commissionReviewAnswersTheReviewWithItsChildrenChairAndDueDate() {
        actAs(admin);
        GraphQlTester.Response answer = commission(childA, childB);

        answer.path("commissionReview.id").entity(String.class).isEqualTo(review)
                .path("commissionReview.type").entity(String.class).isEqualTo("RAPID_REVIEW")
                .path("commissionReview.scopeFrom").entity(String.class).isEqualTo("2024-01-01")
                .path("commissionReview.commissionedAt").entity(String.class).isEqualTo("2024-06-30T23:30:00Z")
                // 1 July 2024 in London: fifteen working days later
                .path("commissionReview.dueBy").entity(String.class).isEqualTo("2024-07-22")
                .path("commissionReview.children[*].displayName").entityList(String.class)
                .containsExactly("Child A", "Child B")
                .path("commissionReview.children[0].dateOfBirth").entity(String.class).isEqualTo("2024-02-01")
                .path("commissionReview.chair").entity(Map.class)
                .isEqualTo(fields("username", chair.username(), "role", "CHAIR", "agency", null))
                .path("commissionReview.members[*].username").entityList(String.class)
                .containsExactly(chair.username())
                .path("commissionReview.keyPracticeEpisodes").entityList(Object.class).hasSize(0);
        List<? extends DomainEventMessage<?>> events = reviewEvents();
        assertThat(events).singleElement().extracting(DomainEventMessage::getPayload)
                .isEqualTo(new ReviewCommissioned(review, ReviewType.RAPID_REVIEW, List.of(childA, childB),
                        LocalDate.parse("2024-01-01"), LocalDate.parse("2024-05-31"), chair.username(),
                        Instant.parse("2024-06-30T23:30:00Z"),
                        LocalDate.parse("2024-07-22"), admin.username()));

        commission(childA, childB).path("commissionReview.dueBy").entity(String.class).isEqualTo("2024-07-22");
        assertThat(reviewEvents()).hasSize(1);
        assertError(commissionDocument(), commissionInput(childB), "CONFLICT",
                "review " + review + " was already commissioned with different content");
    }

    @Test
    void eachMutationAnswersTheReviewAsItNowStandsWithItsEntriesAsTheRecordStands() {
        actAs(admin);
        commission(childA, childB);

        actAs(chair);
        reviewMutation("addReviewMember", "AddReviewMemberInput", Map.of("reviewId", review,
                "username", reviewer.username()))
                .path("addReviewMember.members[*].username").entityList(String.class)
                .containsExactly(chair.username(), reviewer.username());

        actAs(reviewer);
        GraphQlTester.Response marked = reviewMutation("markKeyPracticeEpisode", "MarkKeyPracticeEpisodeInput",
                Map.of("reviewId", review, "id", "KPE-1", "title", "The domestic abuse call-out",
                        "entryIds", List.of(entryA(2), entryA(1), ChildIds.entryId(childB, 1)),
                        "analysis", "No strategy discussion followed."));
        marked.path("markKeyPracticeEpisode.keyPracticeEpisodes[0].entries[*].id").entityList(String.class)
                .containsExactly(entryA(2), entryA(1), ChildIds.entryId(childB, 1));
        Map<String, Object> retracted = marked.path("markKeyPracticeEpisode.keyPracticeEpisodes[0].entries[0]")
                .entity(MAP).get();
        assertThat(retracted).containsEntry("version", 2).containsEntry("agency", Map.of("id", health,
                "name", "Health Visiting 1")).containsEntry("childAge", "3 months").containsEntry("sincePrevious",
                null).containsEntry("occurredAtText", "01/05/2024 09:30");
        marked.path("markKeyPracticeEpisode.keyPracticeEpisodes[0].entries[0].history[*].retracted")
                .entityList(Boolean.class).containsExactly(false, true)
                .path("markKeyPracticeEpisode.keyPracticeEpisodes[0].entries[0].history[1]").entity(MAP)
                .satisfies(version -> assertThat(version)
                        .containsEntry("reason", "recorded against the wrong child")
                        .containsEntry("summary", "Police called to the home; Mother reported an argument with Partner"));
        Map<String, Object> corrected = marked.path("markKeyPracticeEpisode.keyPracticeEpisodes[0].entries[1]")
                .entity(MAP).get();
        assertThat(corrected).containsEntry("version", 2)
                .containsEntry("summary", "Police called to the home; Partner present")
                .containsEntry("knownTo", List.of(
                        fields("agency", Map.of("id", police), "since", "2024-05-02T10:00:00Z", "how", "OWN_RECORD",
                                "channel", null),
                        fields("agency", Map.of("id", health), "since", "2024-05-03T09:00:00Z", "how", "SHARED",
                                "channel", "ELECTRONIC")));
        marked.path("markKeyPracticeEpisode.keyPracticeEpisodes[0].entries[2].childAge").valueIsNull();

        actAs(chair);
        reviewMutation("recordFinding", "RecordFindingInput", Map.of("reviewId", review, "id", "F-1",
                "text", "Information about Partner was not shared with the GP", "evidenceEntryIds",
                List.of(entryA(1))))
                .path("recordFinding.findings[0].evidence[0].summary").entity(String.class)
                .isEqualTo("Police called to the home; Partner present");
        reviewMutation("recordRecommendation", "RecordRecommendationInput", Map.of("reviewId", review, "id", "R-1",
                "text", "Police share call-outs with the GP in writing", "findingIds", List.of("F-1"),
                "ownerAgencyId", police, "dueBy", "2999-12-31"))
                .path("recordRecommendation.recommendations[0].status").entity(String.class).isEqualTo("OPEN");
        GraphQlTester.Response overdue = reviewMutation("recordRecommendation", "RecordRecommendationInput",
                Map.of("reviewId", review, "id", "R-2", "text", "Health visitors ask about new partners",
                        "findingIds", List.of("F-1"), "ownerAgencyId", health, "dueBy", "2024-01-31"));
        overdue.path("recordRecommendation.recommendations[*].status").entityList(String.class)
                .containsExactly("OPEN", "OVERDUE")
                .path("recordRecommendation.recommendations[1].ownerAgency.name").entity(String.class)
                .isEqualTo("Health Visiting 1")
                .path("recordRecommendation.recommendations[1].findings[0].evidence[0].id").entity(String.class)
                .isEqualTo(entryA(1));

        GraphQlTester.Response completed = reviewMutation("completeAction", "CompleteActionInput",
                Map.of("reviewId", review, "recommendationId", "R-2", "completedAt", "2024-06-01T10:00:00Z",
                        "note", "Guidance issued to the health visiting team"));
        completed.path("completeAction.recommendations[*].status").entityList(String.class)
                .containsExactly("OPEN", "DONE")
                .path("completeAction.recommendations[1].completedAt").entity(String.class)
                .isEqualTo("2024-06-01T10:00:00Z")
                .path("completeAction.recommendations[0].completedAt").valueIsNull();
        reviewMutation("completeAction", "CompleteActionInput", Map.of("reviewId", review,
                "recommendationId", "R-2", "completedAt", "2024-06-02T10:00:00Z", "note", "again"))
                .path("completeAction.recommendations[1].completedAt").entity(String.class)
                .isEqualTo("2024-06-01T10:00:00Z");
        assertThat(reviewEvents()).extracting(event -> event.getPayload().getClass().getSimpleName())
                .containsExactly("ReviewCommissioned", "ReviewMemberAdded", "KeyPracticeEpisodeMarked",
                        "FindingRecorded", "RecommendationRecorded", "RecommendationRecorded", "ActionCompleted");
    }

    @Test
    void eachChildsEventsAreReadOncePerAnswerHoweverManyOfItsEntriesItShows() {
        actAs(admin);
        commission(childA, childB);
        actAs(chair);
        reviewMutation("recordFinding", "RecordFindingInput", Map.of("reviewId", review, "id", "F-1",
                "text", "Finding one", "evidenceEntryIds", List.of(entryA(1), entryA(2))));
        reviewMutation("markKeyPracticeEpisode", "MarkKeyPracticeEpisodeInput", Map.of("reviewId", review,
                "id", "KPE-1", "title", "Episode one", "entryIds", List.of(entryA(2), ChildIds.entryId(childB, 1)),
                "analysis", "Analysis"));
        clearInvocations(childRecords);

        reviewMutation("recordRecommendation", "RecordRecommendationInput", Map.of("reviewId", review, "id", "R-1",
                "text", "Recommendation one", "findingIds", List.of("F-1"), "ownerAgencyId", police,
                "dueBy", "2999-12-31"))
                .path("recordRecommendation.findings[0].evidence[*].id").entityList(String.class)
                .containsExactly(entryA(1), entryA(2));

        List<Object> childrenRead = new ArrayList<>();
        for (Invocation read : mockingDetails(childRecords).getInvocations()) {
            childrenRead.addAll((Collection<?>) read.getArgument(0));
        }
        assertThat(childrenRead).containsExactlyInAnyOrder(childA, childB);
    }

    @Test
    void rightsAreCheckedForEveryMutation() {
        actAs(chair);
        assertError(commissionDocument(), commissionInput(childA), "FORBIDDEN",
                "only an administrator may commission a review");
        actAs(admin);
        commission(childA, childB);

        actAs(reviewer);
        assertError(reviewDocument("recordFinding", "RecordFindingInput"), Map.of("reviewId", review, "id", "F-1",
                "text", "A finding", "evidenceEntryIds", List.of(entryA(1))), "FORBIDDEN",
                "only the chair of review " + review);
        actAs(policeUser);
        assertError(reviewDocument("markKeyPracticeEpisode", "MarkKeyPracticeEpisodeInput"), Map.of("reviewId",
                review, "id", "KPE-1", "title", "t", "entryIds", List.of(entryA(1)), "analysis", "a"), "FORBIDDEN",
                "only a member of review " + review);
        assertThat(reviewEvents()).hasSize(1);
    }

    @Test
    void anUnknownReviewIsNotFoundAndMalformedOrUnknownContentRefused() {
        actAs(admin);
        assertError(reviewDocument("addReviewMember", "AddReviewMemberInput"), Map.of("reviewId", "review-none",
                "username", reviewer.username()), "NOT_FOUND", "review review-none does not exist");
        assertError(commissionDocument(), commissionInput(childA, "child-none"), "NOT_FOUND",
                "child child-none is not registered");
        Map<String, Object> noChild = commissionInput();
        assertError(commissionDocument(), noChild, "BAD_REQUEST", "childIds must name at least one child");
        Map<String, Object> chairIsReviewer = commissionInput(childA);
        chairIsReviewer.put("chair", reviewer.username());
        assertError(commissionDocument(), chairIsReviewer, "BAD_REQUEST", "has role REVIEWER, not CHAIR");
        Map<String, Object> badDate = commissionInput(childA);
        badDate.put("scopeTo", "31/05/2024");
        assertError(commissionDocument(), badDate, "BAD_REQUEST", "scopeTo");

        commission(childA);
        assertError(reviewDocument("recordFinding", "RecordFindingInput"), Map.of("reviewId", review, "id", "F-1",
                "text", "A finding", "evidenceEntryIds", List.of(ChildIds.entryId(childB, 1))), "NOT_FOUND",
                "is not an entry of the review's children");
        assertError(reviewDocument("recordFinding", "RecordFindingInput"), Map.of("reviewId", review, "id", "F-1",
                "text", "A finding", "evidenceEntryIds", List.of(entryA(9))), "NOT_FOUND",
                "entry " + entryA(9) + " does not exist");
        assertError(reviewDocument("recordFinding", "RecordFindingInput"), Map.of("reviewId", review, "id", "F-1",
                "text", " ", "evidenceEntryIds", List.of(entryA(1))), "BAD_REQUEST", "text must not be blank");
        assertError(reviewDocument("recordRecommendation", "RecordRecommendationInput"), Map.of("reviewId", review,
                "id", "R-1", "text", "r", "findingIds", List.of("F-9"), "ownerAgencyId", police,
                "dueBy", "2999-12-31"), "NOT_FOUND", "findingIds: F-9 is not a finding of review " + review);
        assertThat(reviewEvents()).hasSize(1);
    }

    @Test
    void anEntryRecordedAfterTheReviewFirstLookedAtItsChildMayBeNamed() {
        actAs(admin);
        commission(childA);
        reviewMutation("recordFinding", "RecordFindingInput", Map.of("reviewId", review, "id", "F-1",
                "text", "Finding one", "evidenceEntryIds", List.of(entryA(2))));
        assertError(reviewDocument("recordFinding", "RecordFindingInput"), Map.of("reviewId", review, "id", "F-2",
                "text", "Finding two", "evidenceEntryIds", List.of(entryA(3))), "NOT_FOUND",
                "entry " + entryA(3) + " does not exist");

        record(childA, police, "POL-2");
        reviewMutation("recordFinding", "RecordFindingInput", Map.of("reviewId", review, "id", "F-2",
                "text", "Finding two", "evidenceEntryIds", List.of(entryA(3))))
                .path("recordFinding.findings[1].evidence[0].sourceRef").entity(String.class).isEqualTo("POL-2");
    }

    /** A user of the built-in store, created by the admin. */
    private ActingUser user(String name, UserRole role, String agencyId) {
        ActingUser user = new ActingUser(unique(name), role, agencyId);
        Map<String, Object> input = new LinkedHashMap<>(Map.of("username", user.username(), "password", PASSWORD,
                "role", role.name()));
        if (agencyId != null) {
            input.put("agencyId", agencyId);
        }
        asAdmin.document("mutation($input: CreateUserInput!) { createUser(input: $input) { username } }")
                .variable("input", input).execute().errors().verify();
        return user;
    }

    private void actAs(ActingUser user) {
        graphQl = user.username().equals("admin") ? asAdmin
                : asAdmin.mutate().headers(headers -> headers.setBasicAuth(user.username(), PASSWORD)).build();
    }

    private String entryA(int number) {
        return ChildIds.entryId(childA, number);
    }

    /** A map as JSON has it, null values included. */
    private static Map<String, Object> fields(Object... keysAndValues) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            fields.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return fields;
    }

    private void record(String childId, String agencyId, String sourceRef) {
        mutate("recordEntry", "RecordEntryInput", "entryId", EntryInputs.entry(childId, agencyId, sourceRef));
    }

    private GraphQlTester.Response commission(String... childIds) {
        return reviewMutationAnswer(commissionDocument(), commissionInput(childIds));
    }

    private String commissionDocument() {
        return reviewDocument("commissionReview", "CommissionReviewInput");
    }

    private Map<String, Object> commissionInput(String... childIds) {
        Map<String, Object> input = new HashMap<>();
        input.put("id", review);
        input.put("type", "RAPID_REVIEW");
        input.put("childIds", List.of(childIds));
        input.put("scopeFrom", "2024-01-01");
        input.put("scopeTo", "2024-05-31");
        input.put("chair", chair.username());
        input.put("commissionedAt", "2024-06-30T23:30:00Z");
        return input;
    }

    private static String reviewDocument(String mutation, String inputType) {
        return "mutation($input: %s!) { %s(input: $input) %s }\n%s".formatted(inputType, mutation, REVIEW_FIELDS,
                ENTRY_FIELDS);
    }

    private GraphQlTester.Response reviewMutation(String mutation, String inputType, Map<String, Object> input) {
        return reviewMutationAnswer(reviewDocument(mutation, inputType), input);
    }

    private GraphQlTester.Response reviewMutationAnswer(String document, Map<String, Object> input) {
        GraphQlTester.Response response = graphQl.document(document).variable("input", input).execute();
        response.errors().verify();
        return response;
    }

    private void mutate(String mutation, String inputType, String field, Map<String, Object> input) {
        graphQl.document("mutation($input: %s!) { %s(input: $input) { %s } }".formatted(inputType, mutation, field))
                .variable("input", input).execute().errors().verify();
    }

    private void assertError(String document, Map<String, Object> input, String classification, String message) {
        graphQl.document(document).variable("input", input).execute().errors().satisfy(errors ->
                assertThat(errors).singleElement().satisfies(error -> {
                    assertThat(error.getExtensions()).containsEntry("classification", classification);
                    assertThat(error.getMessage()).contains(message);
                }));
    }

    private List<? extends DomainEventMessage<?>> reviewEvents() {
        return eventStore.readEvents(ReviewIds.aggregateId(review)).asStream().toList();
    }
}
