package org.safeguarding.chronology.command.review;

import static org.safeguarding.chronology.api.rejection.Rejection.BAD_REQUEST;
import static org.safeguarding.chronology.api.rejection.Rejection.CONFLICT;
import static org.safeguarding.chronology.api.rejection.Rejection.FORBIDDEN;
import static org.safeguarding.chronology.api.rejection.Rejection.NOT_FOUND;
import static org.safeguarding.chronology.command.Rejections.rejected;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.aggregate.ResultValidator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.safeguarding.chronology.api.access.ActingUser;
import org.safeguarding.chronology.api.access.UserRole;
import org.safeguarding.chronology.api.child.ChildIds;
import org.safeguarding.chronology.api.review.ActionCompleted;
import org.safeguarding.chronology.api.review.AddReviewMember;
import org.safeguarding.chronology.api.review.CommissionReview;
import org.safeguarding.chronology.api.review.CompleteAction;
import org.safeguarding.chronology.api.review.FindingRecorded;
import org.safeguarding.chronology.api.review.KeyPracticeEpisodeMarked;
import org.safeguarding.chronology.api.review.MarkKeyPracticeEpisode;
import org.safeguarding.chronology.api.review.RecommendationRecorded;
import org.safeguarding.chronology.api.review.RecordFinding;
import org.safeguarding.chronology.api.review.RecordRecommendation;
import org.safeguarding.chronology.api.review.ReviewCommissioned;
import org.safeguarding.chronology.api.review.ReviewMemberAdded;
import org.safeguarding.chronology.api.review.ReviewType;
import org.safeguarding.chronology.api.review.ReviewView;
import org.safeguarding.chronology.api.review.ReviewView.FindingView;
import org.safeguarding.chronology.api.review.ReviewView.KeyPracticeEpisodeView;
import org.safeguarding.chronology.api.review.ReviewView.RecommendationView;
import org.safeguarding.chronology.command.CommandChecks;
import org.safeguarding.chronology.command.agency.AgencyDirectory;
import org.safeguarding.chronology.command.child.ChildDirectory;

/** Every rule of the contract for a review, given events, when a command made by a user, then events or a rejection. */
class ReviewTest {

    static final String REVIEW = "review-1";
    static final String CHILD = "child-a";
    static final String SIBLING = "child-b";
    /** Registered, but not a child of the review. */
    static final String OTHER_CHILD = "child-c";
    static final String E1 = ChildIds.entryId(CHILD, 1);
    static final String E2 = ChildIds.entryId(CHILD, 2);
    static final String SIBLING_E1 = ChildIds.entryId(SIBLING, 1);
    static final String POLICE = "police-1";
    static final String HEALTH = "health-1";

    static final ActingUser ADMIN = new ActingUser("admin", UserRole.ADMIN, null);
    static final ActingUser CHAIR = new ActingUser("chair-1", UserRole.CHAIR, null);
    static final ActingUser OTHER_CHAIR = new ActingUser("chair-2", UserRole.CHAIR, null);
    static final ActingUser REVIEWER = new ActingUser("reviewer-1", UserRole.REVIEWER, null);
    static final ActingUser OUTSIDER = new ActingUser("reviewer-2", UserRole.REVIEWER, null);
    static final ActingUser AGENCY_USER = new ActingUser("police-user", UserRole.AGENCY, POLICE);

    static final Instant NOW = Instant.parse("2024-06-10T12:00:00Z");
    /** A Monday: fifteen working days later is Monday 24 June 2024. */
    static final Instant COMMISSIONED_AT = Instant.parse("2024-06-03T09:00:00Z");
    static final LocalDate DUE_BY = LocalDate.parse("2024-06-24");
    static final LocalDate SCOPE_FROM = LocalDate.parse("2024-01-01");
    static final LocalDate SCOPE_TO = LocalDate.parse("2024-05-31");
    static final LocalDate ACTION_DUE = LocalDate.parse("2024-12-31");
    static final Instant COMPLETED_AT = Instant.parse("2024-06-09T15:00:00Z");

    private FixtureConfiguration<Review> fixture;

    /** Child A has entries E1 and E2, child B and child C one each. */
    record Children(Map<String, Integer> entryCounts) implements ChildDirectory {

        @Override
        public boolean isRegistered(String childId) {
            return entryCounts.containsKey(childId);
        }

        @Override
        public boolean hasEntry(String childId, String entryId) {
            return childId.equals(ChildIds.childOfEntry(entryId))
                    && ChildIds.entryNumber(entryId) <= entryCounts.getOrDefault(childId, 0);
        }
    }

    @BeforeEach
    void setUp() {
        InMemoryReviewUsers users = new InMemoryReviewUsers();
        for (ActingUser user : List.of(ADMIN, CHAIR, OTHER_CHAIR, REVIEWER, OUTSIDER, AGENCY_USER)) {
            users.add(user.username(), user.role(), user.agencyId());
        }
        fixture = new AggregateTestFixture<>(Review.class);
        fixture.registerInjectableResource(new ReviewReferences(
                new Children(Map.of(CHILD, 2, SIBLING, 1, OTHER_CHILD, 1)),
                (AgencyDirectory) Set.of(POLICE, HEALTH)::contains, users));
        fixture.registerCommandHandlerInterceptor(new CommandChecks(Clock.fixed(NOW, ZoneOffset.UTC)));
    }

    static ReviewCommissioned commissioned() {
        return new ReviewCommissioned(REVIEW, ReviewType.RAPID_REVIEW, List.of(CHILD, SIBLING), SCOPE_FROM, SCOPE_TO,
                CHAIR.username(), COMMISSIONED_AT, DUE_BY, ADMIN.username());
    }

    static CommissionReview commission() {
        return commission(ReviewType.RAPID_REVIEW, List.of(CHILD, SIBLING), CHAIR.username());
    }

    static CommissionReview commission(ReviewType type, List<String> childIds, String chair) {
        return new CommissionReview(REVIEW, type, childIds, SCOPE_FROM, SCOPE_TO, chair, COMMISSIONED_AT);
    }

    static ReviewMemberAdded reviewerAdded() {
        return new ReviewMemberAdded(REVIEW, REVIEWER.username(), CHAIR.username());
    }

    static MarkKeyPracticeEpisode mark(String... entryIds) {
        return new MarkKeyPracticeEpisode(REVIEW, "KPE-1", "The first domestic abuse call-out", List.of(entryIds),
                "No strategy discussion followed.");
    }

    static KeyPracticeEpisodeMarked marked(String by, String... entryIds) {
        return new KeyPracticeEpisodeMarked(REVIEW, "KPE-1", "The first domestic abuse call-out", List.of(entryIds),
                "No strategy discussion followed.", by);
    }

    static RecordFinding finding(String id, String... entryIds) {
        return new RecordFinding(REVIEW, id, "Information about Partner was not shared with the GP", List.of(entryIds));
    }

    static FindingRecorded findingRecorded(String id, String... entryIds) {
        return new FindingRecorded(REVIEW, id, "Information about Partner was not shared with the GP",
                List.of(entryIds), CHAIR.username());
    }

    static RecordRecommendation recommendation(String agencyId, String... findingIds) {
        return new RecordRecommendation(REVIEW, "R-1", "Police share domestic abuse call-outs with the GP in writing",
                List.of(findingIds), agencyId, ACTION_DUE);
    }

    static RecommendationRecorded recommendationRecorded(String... findingIds) {
        return new RecommendationRecorded(REVIEW, "R-1", "Police share domestic abuse call-outs with the GP in writing",
                List.of(findingIds), POLICE, ACTION_DUE, CHAIR.username());
    }

    static CompleteAction complete(String note) {
        return new CompleteAction(REVIEW, "R-1", COMPLETED_AT, note);
    }

    /** The review as commissioned, with the given members after the chair and what the review recorded. */
    static ReviewView view(List<String> members, List<KeyPracticeEpisodeView> episodes, List<FindingView> findings,
                           List<RecommendationView> recommendations) {
        List<String> all = new ArrayList<>(List.of(CHAIR.username()));
        all.addAll(members);
        return new ReviewView(REVIEW, ReviewType.RAPID_REVIEW, List.of(CHILD, SIBLING), SCOPE_FROM, SCOPE_TO,
                COMMISSIONED_AT, DUE_BY, CHAIR.username(), all, episodes, findings, recommendations);
    }

    static ReviewView commissionedView() {
        return view(List.of(), List.of(), List.of(), List.of());
    }

    private static MetaData as(ActingUser user) {
        return user.toMetaData();
    }

    /** The command made by the user, on the review commissioned and then the given events. */
    private ResultValidator<Review> on(Object[] events, Object command, ActingUser user) {
        return fixture.given(commissioned()).andGiven(events).when(command, as(user));
    }

    private static Object[] events(Object... events) {
        return events;
    }

    @Nested
    class CommissionReviewTest {

        @Test
        void anAdministratorCommissionsARapidReviewDueFifteenWorkingDaysAfterItsLondonDate() {
            fixture.givenNoPriorActivity()
                    .when(commission(), as(ADMIN))
                    .expectEvents(commissioned())
                    .expectResultMessagePayload(commissionedView());
        }

        @Test
        void otherTypesOfReviewHaveNoDueDate() {
            fixture.givenNoPriorActivity()
                    .when(commission(ReviewType.SILP, List.of(CHILD), CHAIR.username()), as(ADMIN))
                    .expectEvents(new ReviewCommissioned(REVIEW, ReviewType.SILP, List.of(CHILD), SCOPE_FROM,
                            SCOPE_TO, CHAIR.username(), COMMISSIONED_AT, null, ADMIN.username()));
        }

        @Test
        void aChildNamedTwiceIsCommissionedOnce() {
            fixture.givenNoPriorActivity()
                    .when(commission(ReviewType.RAPID_REVIEW, List.of(CHILD, SIBLING, CHILD), CHAIR.username()),
                            as(ADMIN))
                    .expectEvents(commissioned());
        }

        @Test
        void commissioningAgainWithTheSameContentChangesNothing() {
            fixture.given(commissioned())
                    .when(commission(), as(ADMIN))
                    .expectNoEvents()
                    .expectResultMessagePayload(commissionedView());
        }

        @Test
        void commissioningAgainWithDifferentContentIsAConflict() {
            for (CommissionReview changed : List.of(
                    commission(ReviewType.SILP, List.of(CHILD, SIBLING), CHAIR.username()),
                    commission(ReviewType.RAPID_REVIEW, List.of(SIBLING, CHILD), CHAIR.username()),
                    commission(ReviewType.RAPID_REVIEW, List.of(CHILD, SIBLING), OTHER_CHAIR.username()),
                    new CommissionReview(REVIEW, ReviewType.RAPID_REVIEW, List.of(CHILD, SIBLING), SCOPE_FROM,
                            SCOPE_TO, CHAIR.username(), COMMISSIONED_AT.plusSeconds(1)))) {
                fixture.given(commissioned())
                        .when(changed, as(ADMIN))
                        .expectNoEvents()
                        .expectException(rejected(CONFLICT, "review review-1 was already commissioned with "
                                + "different content"));
            }
        }

        @Test
        void onlyAnAdministratorMayCommissionAReview() {
            for (ActingUser user : List.of(CHAIR, REVIEWER, AGENCY_USER)) {
                fixture.givenNoPriorActivity()
                        .when(commission(), as(user))
                        .expectNoEvents()
                        .expectException(rejected(FORBIDDEN, "only an administrator may commission a review"));
            }
            fixture.given(commissioned())
                    .when(commission(), as(CHAIR))
                    .expectException(rejected(FORBIDDEN, "only an administrator"));
        }

        @Test
        void aCommandWithoutAnActingUserIsForbidden() {
            fixture.givenNoPriorActivity()
                    .when(commission())
                    .expectNoEvents()
                    .expectException(rejected(FORBIDDEN, "needs an authenticated user"));
        }

        @Test
        void anUnregisteredChildIsNotFound() {
            fixture.givenNoPriorActivity()
                    .when(commission(ReviewType.RAPID_REVIEW, List.of(CHILD, "child-x"), CHAIR.username()),
                            as(ADMIN))
                    .expectNoEvents()
                    .expectException(rejected(NOT_FOUND, "child child-x is not registered"));
        }

        @Test
        void theChairMustBeAUserWithRoleChair() {
            fixture.givenNoPriorActivity()
                    .when(commission(ReviewType.RAPID_REVIEW, List.of(CHILD), REVIEWER.username()), as(ADMIN))
                    .expectNoEvents()
                    .expectException(rejected(BAD_REQUEST, "chair reviewer-1 has role REVIEWER, not CHAIR"));
            fixture.givenNoPriorActivity()
                    .when(commission(ReviewType.RAPID_REVIEW, List.of(CHILD), "nobody"), as(ADMIN))
                    .expectNoEvents()
                    .expectException(rejected(NOT_FOUND, "user nobody does not exist"));
        }

        @Test
        void aScopeOfOneDayIsAccepted() {
            fixture.givenNoPriorActivity()
                    .when(new CommissionReview(REVIEW, ReviewType.RAPID_REVIEW, List.of(CHILD), SCOPE_FROM,
                            SCOPE_FROM, CHAIR.username(), COMMISSIONED_AT), as(ADMIN))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void noChildAScopeEndingBeforeItStartsOrAMissingFieldIsABadRequest() {
            fixture.givenNoPriorActivity()
                    .when(commission(ReviewType.RAPID_REVIEW, List.of(), CHAIR.username()), as(ADMIN))
                    .expectException(rejected(BAD_REQUEST, "childIds must name at least one child"));
            fixture.givenNoPriorActivity()
                    .when(new CommissionReview(REVIEW, ReviewType.RAPID_REVIEW, List.of(CHILD), SCOPE_TO,
                            SCOPE_FROM, CHAIR.username(), COMMISSIONED_AT), as(ADMIN))
                    .expectException(rejected(BAD_REQUEST, "scopeFrom 2024-05-31 is after scopeTo 2024-01-01"));
            fixture.givenNoPriorActivity()
                    .when(commission(null, List.of(CHILD), CHAIR.username()), as(ADMIN))
                    .expectException(rejected(BAD_REQUEST, "type is missing"));
            fixture.givenNoPriorActivity()
                    .when(commission(ReviewType.RAPID_REVIEW, List.of(CHILD, " "), CHAIR.username()), as(ADMIN))
                    .expectException(rejected(BAD_REQUEST, "childIds must not be blank"));
            fixture.givenNoPriorActivity()
                    .when(new CommissionReview(REVIEW, ReviewType.RAPID_REVIEW, List.of(CHILD), SCOPE_FROM,
                            SCOPE_TO, CHAIR.username(), null), as(ADMIN))
                    .expectException(rejected(BAD_REQUEST, "commissionedAt is missing"));
        }
    }

    @Nested
    class AddReviewMemberTest {

        @Test
        void theChairAddsAReviewerAfterTheMembersBefore() {
            on(events(), new AddReviewMember(REVIEW, REVIEWER.username()), CHAIR)
                    .expectEvents(reviewerAdded())
                    .expectResultMessagePayload(view(List.of(REVIEWER.username()), List.of(), List.of(), List.of()));
        }

        @Test
        void anAdministratorMayAddAnotherChairAsAMember() {
            on(events(reviewerAdded()), new AddReviewMember(REVIEW, OTHER_CHAIR.username()), ADMIN)
                    .expectEvents(new ReviewMemberAdded(REVIEW, OTHER_CHAIR.username(), ADMIN.username()))
                    .expectResultMessagePayload(view(List.of(REVIEWER.username(), OTHER_CHAIR.username()),
                            List.of(), List.of(), List.of()));
        }

        @Test
        void addingAMemberAgainChangesNothing() {
            on(events(reviewerAdded()), new AddReviewMember(REVIEW, REVIEWER.username()), CHAIR)
                    .expectNoEvents()
                    .expectResultMessagePayload(view(List.of(REVIEWER.username()), List.of(), List.of(), List.of()));
            on(events(), new AddReviewMember(REVIEW, CHAIR.username()), CHAIR)
                    .expectNoEvents()
                    .expectResultMessagePayload(commissionedView());
        }

        @Test
        void onlyTheChairOrAnAdministratorMayAddAMember() {
            for (ActingUser user : List.of(REVIEWER, OTHER_CHAIR, AGENCY_USER)) {
                on(events(reviewerAdded()), new AddReviewMember(REVIEW, OUTSIDER.username()), user)
                        .expectNoEvents()
                        .expectException(rejected(FORBIDDEN,
                                "only the chair of review review-1 or an administrator may add a member to it"));
            }
            fixture.given(commissioned())
                    .when(new AddReviewMember(REVIEW, OUTSIDER.username()))
                    .expectException(rejected(FORBIDDEN, "needs an authenticated user"));
        }

        @Test
        void rightsAreCheckedBeforeTheUser() {
            on(events(), new AddReviewMember(REVIEW, "nobody"), REVIEWER)
                    .expectException(rejected(FORBIDDEN, "only the chair"));
        }

        @Test
        void aMemberMustBeAUserWithRoleReviewerOrChair() {
            on(events(), new AddReviewMember(REVIEW, AGENCY_USER.username()), CHAIR)
                    .expectNoEvents()
                    .expectException(rejected(BAD_REQUEST,
                            "user police-user has role AGENCY: a member must have role REVIEWER or CHAIR"));
            on(events(), new AddReviewMember(REVIEW, ADMIN.username()), CHAIR)
                    .expectException(rejected(BAD_REQUEST, "user admin has role ADMIN"));
            on(events(), new AddReviewMember(REVIEW, "nobody"), CHAIR)
                    .expectException(rejected(NOT_FOUND, "user nobody does not exist"));
        }

        @Test
        void anUnknownReviewIsNotFoundForAnAdministratorAndOthersAlike() {
            for (ActingUser user : List.of(ADMIN, CHAIR, AGENCY_USER)) {
                fixture.givenNoPriorActivity()
                        .when(new AddReviewMember(REVIEW, REVIEWER.username()), as(user))
                        .expectException(AggregateNotFoundException.class);
            }
            fixture.givenNoPriorActivity()
                    .when(new AddReviewMember(REVIEW, REVIEWER.username()))
                    .expectException(AggregateNotFoundException.class);
        }

        @Test
        void aBlankUsernameIsABadRequest() {
            on(events(), new AddReviewMember(REVIEW, " "), CHAIR)
                    .expectException(rejected(BAD_REQUEST, "username must not be blank"));
        }
    }

    @Nested
    class MarkKeyPracticeEpisodeTest {

        @Test
        void aMemberMarksEntriesOfTheReviewsChildren() {
            on(events(reviewerAdded()), mark(E2, SIBLING_E1), REVIEWER)
                    .expectEvents(marked(REVIEWER.username(), E2, SIBLING_E1))
                    .expectResultMessagePayload(view(List.of(REVIEWER.username()),
                            List.of(new KeyPracticeEpisodeView("KPE-1", "The first domestic abuse call-out",
                                    List.of(E2, SIBLING_E1), "No strategy discussion followed.")),
                            List.of(), List.of()));
        }

        @Test
        void theChairIsAMemberAndAnAdministratorMayToo() {
            on(events(), mark(E1), CHAIR).expectEvents(marked(CHAIR.username(), E1));
            on(events(), mark(E1), ADMIN).expectEvents(marked(ADMIN.username(), E1));
        }

        @Test
        void anEntryNamedTwiceIsKeptOnceWhereFirstNamed() {
            on(events(), mark(E2, E1, E2), CHAIR).expectEvents(marked(CHAIR.username(), E2, E1));
        }

        @Test
        void markingAgainWithTheSameContentChangesNothing() {
            on(events(reviewerAdded(), marked(CHAIR.username(), E1, E2)), mark(E1, E2, E1), REVIEWER)
                    .expectNoEvents()
                    .expectResultMessagePayload(view(List.of(REVIEWER.username()),
                            List.of(new KeyPracticeEpisodeView("KPE-1", "The first domestic abuse call-out",
                                    List.of(E1, E2), "No strategy discussion followed.")),
                            List.of(), List.of()));
        }

        @Test
        void theSameIdWithDifferentContentIsAConflict() {
            for (MarkKeyPracticeEpisode changed : List.of(mark(E2, E1), mark(E1),
                    new MarkKeyPracticeEpisode(REVIEW, "KPE-1", "Another title", List.of(E1, E2),
                            "No strategy discussion followed."),
                    new MarkKeyPracticeEpisode(REVIEW, "KPE-1", "The first domestic abuse call-out",
                            List.of(E1, E2), "Another analysis."))) {
                on(events(marked(CHAIR.username(), E1, E2)), changed, CHAIR)
                        .expectNoEvents()
                        .expectException(rejected(CONFLICT,
                                "key practice episode KPE-1 was already marked with different content"));
            }
        }

        @Test
        void onlyAMemberOrAnAdministratorMayMarkAnEpisode() {
            for (ActingUser user : List.of(OUTSIDER, OTHER_CHAIR, AGENCY_USER)) {
                on(events(reviewerAdded()), mark(E1), user)
                        .expectNoEvents()
                        .expectException(rejected(FORBIDDEN, "only a member of review review-1 or an "
                                + "administrator may mark a key practice episode of it"));
            }
        }

        @Test
        void rightsAreCheckedBeforeTheEntries() {
            on(events(), mark("child-x/E1"), OUTSIDER)
                    .expectException(rejected(FORBIDDEN, "only a member"));
        }

        @Test
        void anEntryOfAnotherChildOrAnUnknownEntryIsNotFound() {
            on(events(), mark(E1, ChildIds.entryId(OTHER_CHILD, 1)), CHAIR)
                    .expectNoEvents()
                    .expectException(rejected(NOT_FOUND,
                            "entryIds: child-c/E1 is not an entry of the review's children"));
            on(events(), mark(ChildIds.entryId(CHILD, 3)), CHAIR)
                    .expectException(rejected(NOT_FOUND, "entryIds: entry child-a/E3 does not exist"));
            on(events(), mark("nonsense"), CHAIR)
                    .expectException(rejected(NOT_FOUND, "entryIds: nonsense is not an entry"));
        }

        @Test
        void aBlankOrOverlongTitleOrAnalysisOrNoEntryIsABadRequest() {
            on(events(), new MarkKeyPracticeEpisode(REVIEW, "KPE-1", " ", List.of(E1), "analysis"), CHAIR)
                    .expectException(rejected(BAD_REQUEST, "title must not be blank"));
            on(events(), new MarkKeyPracticeEpisode(REVIEW, "KPE-1", "title", List.of(E1), "x".repeat(10_001)),
                    CHAIR).expectException(rejected(BAD_REQUEST, "analysis must be at most 10000 characters"));
            on(events(), new MarkKeyPracticeEpisode(REVIEW, "KPE-1", "title", List.of(), "analysis"), CHAIR)
                    .expectException(rejected(BAD_REQUEST, "entryIds must name at least one entry"));
            on(events(), new MarkKeyPracticeEpisode(REVIEW, "", "title", List.of(E1), "analysis"), CHAIR)
                    .expectException(rejected(BAD_REQUEST, "id must not be blank"));
            on(events(), new MarkKeyPracticeEpisode(REVIEW, "KPE-1", "t".repeat(10_000), List.of(E1), "analysis"),
                    CHAIR).expectSuccessfulHandlerExecution();
        }

        @Test
        void anUnknownReviewIsNotFound() {
            fixture.givenNoPriorActivity()
                    .when(mark(E1), as(ADMIN))
                    .expectException(AggregateNotFoundException.class);
        }
    }

    @Nested
    class RecordFindingTest {

        @Test
        void theChairRecordsAFindingWithItsEvidence() {
            on(events(), finding("F-1", SIBLING_E1, E1), CHAIR)
                    .expectEvents(findingRecorded("F-1", SIBLING_E1, E1))
                    .expectResultMessagePayload(view(List.of(), List.of(), List.of(new FindingView("F-1",
                            "Information about Partner was not shared with the GP", List.of(SIBLING_E1, E1))),
                            List.of()));
        }

        @Test
        void findingsKeepTheOrderInWhichTheyWereFirstRecorded() {
            on(events(findingRecorded("F-2", E1)), finding("F-1", E2), CHAIR)
                    .expectResultMessagePayload(view(List.of(), List.of(), List.of(
                            new FindingView("F-2", "Information about Partner was not shared with the GP",
                                    List.of(E1)),
                            new FindingView("F-1", "Information about Partner was not shared with the GP",
                                    List.of(E2))), List.of()));
        }

        @Test
        void onlyTheChairOrAnAdministratorMayRecordAFinding() {
            on(events(reviewerAdded()), finding("F-1", E1), REVIEWER)
                    .expectNoEvents()
                    .expectException(rejected(FORBIDDEN, "only the chair of review review-1 or an administrator "
                            + "may record a finding of it"));
            on(events(), finding("F-1", E1), ADMIN)
                    .expectEvents(new FindingRecorded(REVIEW, "F-1",
                            "Information about Partner was not shared with the GP", List.of(E1), ADMIN.username()));
        }

        @Test
        void recordingAgainWithTheSameContentChangesNothingAndOtherwiseIsAConflict() {
            on(events(findingRecorded("F-1", E1)), finding("F-1", E1), CHAIR).expectNoEvents();
            on(events(findingRecorded("F-1", E1)), finding("F-1", E1, E2), CHAIR)
                    .expectNoEvents()
                    .expectException(rejected(CONFLICT, "finding F-1 was already recorded with different content"));
        }

        @Test
        void theEvidenceMustBeEntriesOfTheReviewsChildren() {
            on(events(), finding("F-1", E1, ChildIds.entryId(SIBLING, 2)), CHAIR)
                    .expectNoEvents()
                    .expectException(rejected(NOT_FOUND, "evidenceEntryIds: entry child-b/E2 does not exist"));
            on(events(), finding("F-1", ChildIds.entryId(OTHER_CHILD, 1)), CHAIR)
                    .expectException(rejected(NOT_FOUND, "evidenceEntryIds: child-c/E1 is not an entry"));
        }

        @Test
        void aBlankTextOrNoEvidenceIsABadRequest() {
            on(events(), new RecordFinding(REVIEW, "F-1", "\t", List.of(E1)), CHAIR)
                    .expectException(rejected(BAD_REQUEST, "text must not be blank"));
            on(events(), new RecordFinding(REVIEW, "F-1", "text", List.of()), CHAIR)
                    .expectException(rejected(BAD_REQUEST, "evidenceEntryIds must name at least one entry"));
            on(events(), new RecordFinding(REVIEW, "F-1", "text", null), CHAIR)
                    .expectException(rejected(BAD_REQUEST, "evidenceEntryIds must name at least one entry"));
        }
    }

    @Nested
    class RecordRecommendationTest {

        static final RecommendationView RECORDED = new RecommendationView("R-1",
                "Police share domestic abuse call-outs with the GP in writing", List.of("F-1"), POLICE, ACTION_DUE,
                null, null);

        @Test
        void theChairRecordsARecommendationDrawnFromFindings() {
            on(events(findingRecorded("F-1", E1)), recommendation(POLICE, "F-1"), CHAIR)
                    .expectEvents(recommendationRecorded("F-1"))
                    .expectResultMessagePayload(view(List.of(), List.of(), List.of(new FindingView("F-1",
                            "Information about Partner was not shared with the GP", List.of(E1))),
                            List.of(RECORDED)));
        }

        @Test
        void aFindingThatIsNotOfTheReviewIsNotFound() {
            on(events(findingRecorded("F-1", E1)), recommendation(POLICE, "F-1", "F-9"), CHAIR)
                    .expectNoEvents()
                    .expectException(rejected(NOT_FOUND, "findingIds: F-9 is not a finding of review review-1"));
        }

        @Test
        void anUnregisteredOwnerAgencyIsNotFound() {
            on(events(findingRecorded("F-1", E1)), recommendation("housing-9", "F-1"), CHAIR)
                    .expectNoEvents()
                    .expectException(rejected(NOT_FOUND, "agency housing-9 is not registered"));
        }

        @Test
        void recordingAgainWithTheSameContentChangesNothingEvenOnceCompleted() {
            on(events(findingRecorded("F-1", E1), recommendationRecorded("F-1")), recommendation(POLICE, "F-1"),
                    CHAIR).expectNoEvents();
            on(events(findingRecorded("F-1", E1), recommendationRecorded("F-1"),
                    new ActionCompleted(REVIEW, "R-1", COMPLETED_AT, "Done", CHAIR.username())),
                    recommendation(POLICE, "F-1"), CHAIR).expectNoEvents();
        }

        @Test
        void theSameIdWithDifferentContentIsAConflict() {
            on(events(findingRecorded("F-1", E1), recommendationRecorded("F-1")), recommendation(HEALTH, "F-1"),
                    CHAIR)
                    .expectNoEvents()
                    .expectException(rejected(CONFLICT, "recommendation R-1 was already recorded with different "
                            + "content"));
            on(events(findingRecorded("F-1", E1), recommendationRecorded("F-1")),
                    new RecordRecommendation(REVIEW, "R-1",
                            "Police share domestic abuse call-outs with the GP in writing", List.of("F-1"), POLICE,
                            ACTION_DUE.plusDays(1)), CHAIR)
                    .expectException(rejected(CONFLICT, "recommendation R-1"));
        }

        @Test
        void onlyTheChairOrAnAdministratorMayRecordARecommendation() {
            on(events(reviewerAdded(), findingRecorded("F-1", E1)), recommendation(POLICE, "F-1"), REVIEWER)
                    .expectNoEvents()
                    .expectException(rejected(FORBIDDEN, "may record a recommendation of it"));
            on(events(findingRecorded("F-1", E1)), recommendation("housing-9", "F-9"), OTHER_CHAIR)
                    .expectException(rejected(FORBIDDEN, "only the chair"));
        }

        @Test
        void aBlankTextOrAMissingDueDateOrOwnerIsABadRequest() {
            on(events(), new RecordRecommendation(REVIEW, "R-1", "", List.of(), POLICE, ACTION_DUE), CHAIR)
                    .expectException(rejected(BAD_REQUEST, "text must not be blank"));
            on(events(), new RecordRecommendation(REVIEW, "R-1", "text", List.of(), POLICE, null), CHAIR)
                    .expectException(rejected(BAD_REQUEST, "dueBy is missing"));
            on(events(), new RecordRecommendation(REVIEW, "R-1", "text", List.of(), null, ACTION_DUE), CHAIR)
                    .expectException(rejected(BAD_REQUEST, "ownerAgencyId must not be blank"));
        }
    }

    @Nested
    class CompleteActionTest {

        static final Object[] RECOMMENDED = {findingRecorded("F-1", E1), recommendationRecorded("F-1")};

        @Test
        void theChairCompletesTheActionOnARecommendation() {
            on(RECOMMENDED, complete("Protocol agreed with the GP practices"), CHAIR)
                    .expectEvents(new ActionCompleted(REVIEW, "R-1", COMPLETED_AT,
                            "Protocol agreed with the GP practices", CHAIR.username()))
                    .expectResultMessagePayload(view(List.of(), List.of(), List.of(new FindingView("F-1",
                            "Information about Partner was not shared with the GP", List.of(E1))),
                            List.of(new RecommendationView("R-1",
                                    "Police share domestic abuse call-outs with the GP in writing", List.of("F-1"),
                                    POLICE, ACTION_DUE, COMPLETED_AT, "Protocol agreed with the GP practices"))));
        }

        @Test
        void completingAgainChangesNothingWhateverItGives() {
            fixture.given(commissioned()).andGiven(RECOMMENDED)
                    .andGiven(new ActionCompleted(REVIEW, "R-1", COMPLETED_AT, "Done", CHAIR.username()))
                    .when(new CompleteAction(REVIEW, "R-1", COMPLETED_AT.plusSeconds(60), "Done again"), as(ADMIN))
                    .expectNoEvents()
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void anUnknownRecommendationIsNotFound() {
            on(RECOMMENDED, new CompleteAction(REVIEW, "R-9", COMPLETED_AT, "Done"), CHAIR)
                    .expectNoEvents()
                    .expectException(rejected(NOT_FOUND, "recommendation R-9 is not a recommendation of review "
                            + "review-1"));
        }

        @Test
        void onlyTheChairOrAnAdministratorMayCompleteAnAction() {
            on(events(reviewerAdded(), RECOMMENDED[0], RECOMMENDED[1]), complete("Done"), REVIEWER)
                    .expectNoEvents()
                    .expectException(rejected(FORBIDDEN, "may complete an action of it"));
            on(RECOMMENDED, new CompleteAction(REVIEW, "R-9", COMPLETED_AT, "Done"), AGENCY_USER)
                    .expectException(rejected(FORBIDDEN, "only the chair"));
            on(RECOMMENDED, complete("Done"), ADMIN).expectSuccessfulHandlerExecution();
        }

        @Test
        void aBlankNoteOrAMissingCompletedAtIsABadRequest() {
            on(RECOMMENDED, complete(" "), CHAIR).expectException(rejected(BAD_REQUEST, "note must not be blank"));
            on(RECOMMENDED, new CompleteAction(REVIEW, "R-1", null, "Done"), CHAIR)
                    .expectException(rejected(BAD_REQUEST, "completedAt is missing"));
        }
    }
}
