package org.safeguarding.chronology.command.child;

import static org.assertj.core.api.Assertions.assertThat;
import static org.safeguarding.chronology.api.chronology.DatePrecision.DAY;
import static org.safeguarding.chronology.api.chronology.DatePrecision.EXACT;
import static org.safeguarding.chronology.api.chronology.DatePrecision.MONTH;
import static org.safeguarding.chronology.api.chronology.DatePrecision.YEAR;
import static org.safeguarding.chronology.api.links.EntryLinkKind.CONFLICTING_ACCOUNTS;
import static org.safeguarding.chronology.api.links.EntryLinkKind.SAME_OCCURRENCE;
import static org.safeguarding.chronology.api.rejection.Rejection.BAD_REQUEST;
import static org.safeguarding.chronology.api.rejection.Rejection.CONFLICT;
import static org.safeguarding.chronology.api.rejection.Rejection.FORBIDDEN;
import static org.safeguarding.chronology.api.rejection.Rejection.NOT_FOUND;
import static org.safeguarding.chronology.command.Rejections.rejected;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.aggregate.TestExecutor;
import org.axonframework.test.matchers.Matchers;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.safeguarding.chronology.api.access.ActingUser;
import org.safeguarding.chronology.api.access.UserRole;
import org.safeguarding.chronology.api.child.ChildRegistered;
import org.safeguarding.chronology.api.child.ChildView;
import org.safeguarding.chronology.api.child.RegisterChild;
import org.safeguarding.chronology.api.chronology.Concern;
import org.safeguarding.chronology.api.chronology.CorrectEntry;
import org.safeguarding.chronology.api.chronology.DatePrecision;
import org.safeguarding.chronology.api.chronology.EntryCorrected;
import org.safeguarding.chronology.api.chronology.EntryKind;
import org.safeguarding.chronology.api.chronology.EntryReceipt;
import org.safeguarding.chronology.api.chronology.EntryRecorded;
import org.safeguarding.chronology.api.chronology.EntryRetracted;
import org.safeguarding.chronology.api.chronology.PlanAction;
import org.safeguarding.chronology.api.chronology.RecordEntry;
import org.safeguarding.chronology.api.chronology.RetractEntry;
import org.safeguarding.chronology.api.chronology.Significance;
import org.safeguarding.chronology.api.chronology.ThresholdDecision;
import org.safeguarding.chronology.api.links.EntriesLinked;
import org.safeguarding.chronology.api.links.EntryLinkKind;
import org.safeguarding.chronology.api.links.EntryLinkView;
import org.safeguarding.chronology.api.links.LinkEntries;
import org.safeguarding.chronology.api.person.PersonKnownRecorded;
import org.safeguarding.chronology.api.person.PersonRole;
import org.safeguarding.chronology.api.person.RecordPersonKnown;
import org.safeguarding.chronology.api.person.Sex;
import org.safeguarding.chronology.api.rejection.RejectedException;
import org.safeguarding.chronology.api.rejection.Rejection;
import org.safeguarding.chronology.api.sharing.InformationShared;
import org.safeguarding.chronology.api.sharing.ShareInformation;
import org.safeguarding.chronology.api.sharing.SharingChannel;
import org.safeguarding.chronology.api.sharing.SharingReceipt;
import org.safeguarding.chronology.command.CommandChecks;
import org.safeguarding.chronology.command.agency.AgencyDirectory;
import org.safeguarding.chronology.command.chronology.RecordEntries;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

/** Every rule of the contract for a child's case, given events, when a command, then events or a rejection. */
class ChildCaseTest {

    static final Instant NOW = Instant.parse("2024-06-01T12:00:00Z");
    static final Instant OCCURRED = Instant.parse("2024-05-01T09:30:00Z");
    static final Instant KNOWN = Instant.parse("2024-05-02T10:00:00Z");
    /** When the given events were recorded, and when the command under test is. */
    static final Instant RECORDED_1 = Instant.parse("2024-05-20T08:00:00.000001Z");
    static final Instant RECORDED_2 = Instant.parse("2024-05-21T08:00:00.000002Z");
    static final Instant RECORDED_NOW = Instant.parse("2024-06-01T11:59:59.123456Z");

    static final String CHILD = "child-a";
    static final String E1 = "child-a/E1";
    static final String E2 = "child-a/E2";
    static final String POLICE = "police-1";
    static final String HEALTH = "health-1";
    static final String SCHOOL = "school-1";
    static final String SOCIAL_CARE = "social-care-1";
    static final Set<String> REGISTERED_AGENCIES = Set.of(POLICE, HEALTH, SCHOOL, SOCIAL_CARE);
    static final String MOTHER = "person-mother";
    static final String PARTNER = "person-male-adult-1";
    static final Instant MARCH_2007 = Instant.parse("2007-03-01T00:00:00Z");
    static final PlanAction ACTION = new PlanAction("Health Visitor 1 to see Child A at home", HEALTH,
            LocalDate.parse("2024-05-15"), "Strategy discussion reconvened");

    private FixtureConfiguration<ChildCase> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ChildCase.class);
        fixture.registerInjectableResource((AgencyDirectory) REGISTERED_AGENCIES::contains);
        fixture.registerCommandHandlerInterceptor(new CommandChecks(Clock.fixed(NOW, ZoneOffset.UTC)));
    }

    /** The child registered and the given events, all recorded at RECORDED_1; the command at RECORDED_NOW. */
    private TestExecutor<ChildCase> given(Object... events) {
        return fixture.givenCurrentTime(RECORDED_1).andGiven(childRegistered()).andGiven(events)
                .andGivenCurrentTime(RECORDED_NOW);
    }

    static ChildRegistered childRegistered() {
        return new ChildRegistered(CHILD, "Child A", LocalDate.parse("2019-03-01"));
    }

    /** A recordEntry command with all fields set, changed by the consumer. */
    static RecordEntry record(Consumer<EntryDraft> change) {
        EntryDraft draft = new EntryDraft();
        change.accept(draft);
        return draft.command();
    }

    static RecordEntry record() {
        return record(entry -> {
        });
    }

    static EntryRecorded recorded(String entryId, Consumer<EntryDraft> change) {
        EntryDraft draft = new EntryDraft();
        change.accept(draft);
        return draft.event(entryId);
    }

    static EntryRecorded recorded() {
        return recorded(E1, entry -> {
        });
    }

    static final class EntryDraft {
        String childId = CHILD;
        String agencyId = POLICE;
        String sourceRef = "POL-1";
        EntryKind kind = EntryKind.DOMESTIC_ABUSE_INCIDENT;
        Instant occurredAt = OCCURRED;
        DatePrecision occurredAtPrecision = EXACT;
        Instant knownAt = KNOWN;
        String summary = "Police called to the home; Mother reported an argument with Partner";
        Significance significance = Significance.SIGNIFICANT;
        String professional = "Police Officer 2";
        List<String> personIds = List.of();
        List<Concern> concerns = List.of();
        ThresholdDecision thresholdDecision;
        List<PlanAction> actions = List.of();
        String escalatedTo;
        String respondsTo;

        RecordEntry command() {
            return new RecordEntry(childId, agencyId, sourceRef, kind, occurredAt, occurredAtPrecision, knownAt,
                    summary, significance, professional, personIds, concerns, thresholdDecision, actions,
                    escalatedTo, respondsTo);
        }

        EntryRecorded event(String entryId) {
            return new EntryRecorded(childId, entryId, agencyId, sourceRef, kind, occurredAt, occurredAtPrecision,
                    knownAt, summary, significance, professional, personIds, concerns, thresholdDecision, actions,
                    escalatedTo, respondsTo);
        }

        /** Children's social care's decision on a referral about domestic abuse and neglect. */
        void referral() {
            kind = EntryKind.REFERRAL;
            agencyId = SOCIAL_CARE;
            sourceRef = "CSC-REF-1";
            concerns = List.of(Concern.DOMESTIC_ABUSE, Concern.NEGLECT);
            thresholdDecision = ThresholdDecision.EARLY_HELP;
        }

        /** A strategy discussion that gave health an action with a due date and a contingency. */
        void strategyDiscussion() {
            kind = EntryKind.STRATEGY_DISCUSSION;
            sourceRef = "POL-SD-1";
            actions = List.of(ACTION, new PlanAction("Police Officer 2 to share the call-out log", POLICE, null,
                    null));
        }

        /** Police challenge health's response. */
        void escalation() {
            kind = EntryKind.ESCALATION;
            sourceRef = "POL-ESC-1";
            escalatedTo = HEALTH;
        }

        /** "?/03/2007": known only to the month. */
        void inMarch2007() {
            occurredAt = MARCH_2007;
            occurredAtPrecision = MONTH;
        }
    }

    /** A strategy discussion with these actions. */
    static Consumer<EntryDraft> withActions(PlanAction... actions) {
        return entry -> {
            entry.strategyDiscussion();
            entry.actions = List.of(actions);
        };
    }

    static PlanAction action(String what, String contingency) {
        return new PlanAction(what, HEALTH, null, contingency);
    }

    /** Health's reply to an escalation. */
    static Consumer<EntryDraft> answerTo(String escalationId) {
        return entry -> {
            entry.agencyId = HEALTH;
            entry.sourceRef = "HV-ANS-1";
            entry.kind = EntryKind.CONTACT;
            entry.summary = "Health Visitor 1 replied to the police escalation in writing";
            entry.professional = "Health Visitor 1";
            entry.respondsTo = escalationId;
        };
    }

    static CorrectEntry correct(String agencyId, Instant occurredAt, Instant knownAt, String summary) {
        return new CorrectEntry(CHILD, E1, agencyId, occurredAt, null, knownAt, null, summary, null, "typo");
    }

    /** A correction of E1 that gives only the fields of the practice patterns. */
    static CorrectEntry correctPatterns(String agencyId, List<Concern> concerns, ThresholdDecision thresholdDecision,
                                        List<PlanAction> actions) {
        return new CorrectEntry(CHILD, E1, agencyId, null, null, null, null, null, null, "typo", concerns,
                thresholdDecision, actions);
    }

    static CorrectEntry correctKind(String agencyId, EntryKind kind) {
        return new CorrectEntry(CHILD, E1, agencyId, null, null, null, kind, null, null, "typo");
    }

    /** Version 2 of E1, with every field as the draft has it. */
    static EntryCorrected correction(Consumer<EntryDraft> change, String reason) {
        EntryDraft draft = new EntryDraft();
        change.accept(draft);
        return new EntryCorrected(CHILD, E1, draft.agencyId, 2, draft.kind, draft.occurredAt,
                draft.occurredAtPrecision, draft.knownAt, draft.summary, draft.significance, reason, draft.concerns,
                draft.thresholdDecision, draft.actions);
    }

    static EntryCorrected correction(Consumer<EntryDraft> change) {
        return correction(change, "typo");
    }

    static ShareInformation share(String from, String to, Instant sharedAt, String sourceRef, String... entryIds) {
        return new ShareInformation(CHILD, from, to, List.of(entryIds), sharedAt, SharingChannel.MEETING, sourceRef);
    }

    static InformationShared shared(String sharingId, String from, String to, Instant sharedAt, String sourceRef,
                                    String... entryIds) {
        return new InformationShared(CHILD, sharingId, from, to, List.of(entryIds), sharedAt, SharingChannel.MEETING,
                sourceRef);
    }

    @Nested
    class RegisterChildTest {

        @Test
        void registersAChild() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterChild(CHILD, "Child A", LocalDate.parse("2019-03-01")))
                    .expectEvents(childRegistered())
                    .expectResultMessagePayload(new ChildView(CHILD, "Child A", LocalDate.parse("2019-03-01")));
        }

        @Test
        void registeringAgainWithTheSameContentChangesNothing() {
            fixture.given(childRegistered())
                    .when(new RegisterChild(CHILD, "Child A", LocalDate.parse("2019-03-01")))
                    .expectNoEvents()
                    .expectResultMessagePayload(new ChildView(CHILD, "Child A", LocalDate.parse("2019-03-01")));
        }

        @Test
        void registeringAgainWithDifferentContentIsAConflict() {
            fixture.given(childRegistered())
                    .when(new RegisterChild(CHILD, "Child B", LocalDate.parse("2019-03-01")))
                    .expectNoEvents()
                    .expectException(rejected(CONFLICT, "child child-a is already registered"));
            fixture.given(childRegistered())
                    .when(new RegisterChild(CHILD, "Child A", null))
                    .expectException(rejected(CONFLICT, "child-a"));
        }

        @Test
        void aBlankFieldOrAFutureDateOfBirthIsABadRequest() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterChild(CHILD, " ", null))
                    .expectException(rejected(BAD_REQUEST, "displayName must not be blank"));
            fixture.givenNoPriorActivity()
                    .when(new RegisterChild("", "Child A", null))
                    .expectException(rejected(BAD_REQUEST, "id must not be blank"));
            fixture.givenNoPriorActivity()
                    .when(new RegisterChild(CHILD, "Child A", LocalDate.parse("2024-06-02")))
                    .expectNoEvents()
                    .expectException(rejected(BAD_REQUEST, "dateOfBirth 2024-06-02 is in the future"));
            fixture.givenNoPriorActivity()
                    .when(new RegisterChild(CHILD, "C".repeat(201), null))
                    .expectException(rejected(BAD_REQUEST, "displayName must be at most 200 characters"));
        }
    }

    @Nested
    class RecordEntryTest {

        @Test
        void recordsTheFirstEntryAsE1AndAnswersItsRecordedAt() {
            given()
                    .when(record())
                    .expectEvents(recorded())
                    .expectResultMessagePayload(new EntryReceipt(E1, RECORDED_NOW, false));
        }

        @Test
        void numbersEntriesPerChild() {
            given(recorded())
                    .when(record(entry -> entry.sourceRef = "POL-2"))
                    .expectEvents(recorded(E2, entry -> entry.sourceRef = "POL-2"))
                    .expectResultMessagePayload(new EntryReceipt(E2, RECORDED_NOW, false));
        }

        @Test
        void professionalMayBeLeftOut() {
            given()
                    .when(record(entry -> entry.professional = null))
                    .expectEvents(recorded(E1, entry -> entry.professional = null));
        }

        @Test
        void theSameKeyWithTheSameContentIsADuplicateOfTheFirst() {
            given(recorded())
                    .when(record())
                    .expectNoEvents()
                    .expectResultMessagePayload(new EntryReceipt(E1, RECORDED_1, true));
        }

        @Test
        void aDuplicateIsComparedWithTheFirstSubmissionWhateverCameSince() {
            given(recorded(),
                    new EntryCorrected(CHILD, E1, POLICE, 2, EntryKind.CONTACT, OCCURRED, EXACT, KNOWN, "corrected",
                            Significance.ROUTINE, "typo"),
                    new EntryRetracted(CHILD, E1, POLICE, 3, "recorded in error"))
                    .when(record())
                    .expectNoEvents()
                    .expectResultMessagePayload(new EntryReceipt(E1, RECORDED_1, true));
        }

        @Test
        void theSameKeyWithAnyFieldDifferentIsAConflict() {
            List<Consumer<EntryDraft>> changes = List.of(
                    entry -> entry.summary = "another summary",
                    entry -> entry.kind = EntryKind.CONTACT,
                    entry -> entry.occurredAt = OCCURRED.minusSeconds(1),
                    entry -> entry.knownAt = KNOWN.plusSeconds(1),
                    entry -> entry.significance = Significance.CRITICAL,
                    entry -> entry.professional = null,
                    entry -> entry.personIds = List.of(PARTNER));
            for (Consumer<EntryDraft> change : changes) {
                given(recorded())
                        .when(record(change))
                        .expectNoEvents()
                        .expectException(rejected(CONFLICT, "sourceRef POL-1 of agency police-1"));
            }
        }

        @Test
        void theSameSourceRefOfAnotherAgencyIsAnotherEntry() {
            given(recorded())
                    .when(record(entry -> entry.agencyId = HEALTH))
                    .expectEvents(recorded(E2, entry -> entry.agencyId = HEALTH));
        }

        @Test
        void anUnknownAgencyIsNotFound() {
            given()
                    .when(record(entry -> entry.agencyId = "housing-9"))
                    .expectNoEvents()
                    .expectException(rejected(NOT_FOUND, "agency housing-9 is not registered"));
        }

        @Test
        void anUnknownChildIsNotFound() {
            fixture.givenNoPriorActivity()
                    .when(record())
                    .expectException(AggregateNotFoundException.class);
        }

        @Test
        void aMissingBlankOrOverlongFieldIsABadRequest() {
            assertBadRequest(entry -> entry.summary = "  ", "summary must not be blank");
            assertBadRequest(entry -> entry.summary = null, "summary must not be blank");
            assertBadRequest(entry -> entry.summary = "x".repeat(10_001), "summary must be at most 10000 characters");
            assertBadRequest(entry -> entry.sourceRef = "", "sourceRef must not be blank");
            assertBadRequest(entry -> entry.sourceRef = "s".repeat(201), "sourceRef must be at most 200");
            assertBadRequest(entry -> entry.agencyId = " ", "agencyId must not be blank");
            assertBadRequest(entry -> entry.professional = " ", "professional must not be blank");
            assertBadRequest(entry -> entry.kind = null, "kind is missing");
            assertBadRequest(entry -> entry.significance = null, "significance is missing");
            assertBadRequest(entry -> entry.occurredAt = null, "occurredAt is missing");
        }

        @Test
        void aSummaryOfExactly10000CharactersIsAccepted() {
            given()
                    .when(record(entry -> entry.summary = "x".repeat(10_000)))
                    .expectEvents(recorded(E1, entry -> entry.summary = "x".repeat(10_000)));
        }

        @Test
        void timesLaterThanThePlatformClockOrKnownBeforeOccurredAreABadRequest() {
            assertBadRequest(entry -> entry.occurredAt = NOW.plusSeconds(1),
                    "occurredAt 2024-06-01T12:00:01Z is later");
            assertBadRequest(entry -> entry.knownAt = NOW.plusSeconds(1), "knownAt 2024-06-01T12:00:01Z is later");
            assertBadRequest(entry -> entry.knownAt = OCCURRED.minusSeconds(1),
                    "knownAt 2024-05-01T09:29:59Z is before occurredAt");
        }

        @Test
        void aBadRequestComesBeforeAnUnknownAgencyOrChild() {
            given()
                    .when(record(entry -> {
                        entry.agencyId = "housing-9";
                        entry.summary = "";
                    }))
                    .expectException(rejected(BAD_REQUEST, "summary must not be blank"));
            fixture.givenNoPriorActivity()
                    .when(record(entry -> entry.summary = ""))
                    .expectException(rejected(BAD_REQUEST, "summary must not be blank"));
        }

        @Test
        void theEntryNamesItsPersonsInTheirOrderEachOnce() {
            given()
                    .when(record(entry -> entry.personIds = List.of(PARTNER, MOTHER, PARTNER)))
                    .expectEvents(recorded(E1, entry -> entry.personIds = List.of(PARTNER, MOTHER)));
        }

        @Test
        void personIdsAreComparedAsASet() {
            given(recorded(E1, entry -> entry.personIds = List.of(MOTHER, PARTNER)))
                    .when(record(entry -> entry.personIds = List.of(PARTNER, MOTHER, MOTHER)))
                    .expectNoEvents()
                    .expectResultMessagePayload(new EntryReceipt(E1, RECORDED_1, true));
            given(recorded(E1, entry -> entry.personIds = List.of(MOTHER, PARTNER)))
                    .when(record(entry -> entry.personIds = List.of(MOTHER)))
                    .expectException(rejected(CONFLICT, "sourceRef POL-1 of agency police-1"));
        }

        @Test
        void aBlankOrOverlongPersonIdIsABadRequest() {
            assertBadRequest(entry -> entry.personIds = List.of(MOTHER, " "), "personIds must not be blank");
            assertBadRequest(entry -> entry.personIds = List.of("p".repeat(201)),
                    "personIds must be at most 200 characters");
        }

        @Test
        void anOccurredAtWithoutAPrecisionIsExact() {
            given()
                    .when(record(entry -> entry.occurredAtPrecision = null))
                    .expectEvents(recorded());
        }

        @Test
        void anImpreciseOccurredAtIsTheFirstInstantOfItsDayMonthOrYear() {
            given()
                    .when(record(EntryDraft::inMarch2007))
                    .expectEvents(recorded(E1, EntryDraft::inMarch2007));
            Instant may1 = Instant.parse("2024-05-01T00:00:00Z");
            given()
                    .when(record(entry -> {
                        entry.occurredAt = may1;
                        entry.occurredAtPrecision = DAY;
                    }))
                    .expectEvents(recorded(E1, entry -> {
                        entry.occurredAt = may1;
                        entry.occurredAtPrecision = DAY;
                    }));
            given()
                    .when(record(entry -> {
                        entry.occurredAt = Instant.parse("2007-01-01T00:00:00Z");
                        entry.occurredAtPrecision = YEAR;
                    }))
                    .expectEvents(recorded(E1, entry -> {
                        entry.occurredAt = Instant.parse("2007-01-01T00:00:00Z");
                        entry.occurredAtPrecision = YEAR;
                    }));
        }

        @Test
        void anImpreciseOccurredAtOtherThanTheStartOfItsPeriodIsABadRequest() {
            Instant march14 = Instant.parse("2007-03-14T09:30:00Z");
            assertBadRequest(entry -> {
                entry.occurredAt = march14;
                entry.occurredAtPrecision = MONTH;
            }, "occurredAt 2007-03-14T09:30:00Z is not the start of a MONTH: give 2007-03-01T00:00:00Z with "
                    + "occurredAtPrecision MONTH");
            assertBadRequest(entry -> {
                entry.occurredAt = march14;
                entry.occurredAtPrecision = DAY;
            }, "give 2007-03-14T00:00:00Z with occurredAtPrecision DAY");
            assertBadRequest(entry -> {
                entry.occurredAt = MARCH_2007;
                entry.occurredAtPrecision = YEAR;
            }, "give 2007-01-01T00:00:00Z with occurredAtPrecision YEAR");
            fixture.givenNoPriorActivity() // before the child is looked up
                    .when(record(entry -> entry.occurredAtPrecision = DAY))
                    .expectException(rejected(BAD_REQUEST, "is not the start of a DAY"));
        }

        @Test
        void thePrecisionIsPartOfTheContentUnderAKey() {
            given(recorded(E1, EntryDraft::inMarch2007))
                    .when(record(EntryDraft::inMarch2007))
                    .expectNoEvents()
                    .expectResultMessagePayload(new EntryReceipt(E1, RECORDED_1, true));
            given(recorded(E1, EntryDraft::inMarch2007))
                    .when(record(entry -> entry.occurredAt = MARCH_2007))
                    .expectNoEvents()
                    .expectException(rejected(CONFLICT, "sourceRef POL-1 of agency police-1"));
        }

        @Test
        void aReferralKeepsItsConcernsOnceEachInTheEnumsOrderAndItsThresholdDecision() {
            given()
                    .when(record(entry -> {
                        entry.referral();
                        entry.concerns = List.of(Concern.NEGLECT, Concern.DOMESTIC_ABUSE, Concern.NEGLECT);
                    }))
                    .expectEvents(recorded(E1, EntryDraft::referral));
        }

        @Test
        void aStrategyDiscussionKeepsItsActionsInTheirOrderAndABlankContingencyAsNone() {
            given()
                    .when(record(entry -> {
                        entry.strategyDiscussion();
                        entry.actions = List.of(ACTION,
                                new PlanAction("Police Officer 2 to share the call-out log", POLICE, null, "  "));
                    }))
                    .expectEvents(recorded(E1, EntryDraft::strategyDiscussion));
        }

        @Test
        void actionsAreForTheFourKindsThatPlanAndForNoOther() {
            assertBadRequest(entry -> {
                entry.strategyDiscussion();
                entry.kind = EntryKind.HOME_VISIT;
            }, "actions are only for a STRATEGY_DISCUSSION, CHILD_PROTECTION_CONFERENCE, MULTI_AGENCY_MEETING or "
                    + "CHILD_PROTECTION_PLAN_STARTED, not a HOME_VISIT");
            for (EntryKind kind : PlanAction.KINDS) {
                Consumer<EntryDraft> planning = entry -> {
                    entry.strategyDiscussion();
                    entry.kind = kind;
                };
                given().when(record(planning)).expectEvents(recorded(E1, planning));
            }
        }

        @Test
        void aThresholdDecisionIsOnlyForAReferral() {
            assertBadRequest(entry -> {
                entry.referral();
                entry.kind = EntryKind.HOME_VISIT;
            }, "thresholdDecision is only for a REFERRAL, not a HOME_VISIT");
        }

        @Test
        void anEntryHasAtMost50Actions() {
            assertBadRequest(withActions(Collections.nCopies(51, ACTION).toArray(PlanAction[]::new)),
                    "actions must have at most 50 items, not 51");
            Consumer<EntryDraft> fifty = withActions(Collections.nCopies(50, ACTION).toArray(PlanAction[]::new));
            given().when(record(fifty)).expectEvents(recorded(E1, fifty));
        }

        @Test
        void anActionSaysWhatAndItsContingencyInAtMost1000CharactersWithoutControlCharacters() {
            assertBadRequest(withActions(ACTION, ACTION, action(" ", null)), "actions[2].what must not be blank");
            assertBadRequest(withActions(action(null, null)), "actions[0].what must not be blank");
            assertBadRequest(withActions(action("x".repeat(1_001), null)),
                    "actions[0].what must be at most 1000 characters, not 1001");
            assertBadRequest(withActions(ACTION, action("See Child A", "c".repeat(1_001))),
                    "actions[1].contingency must be at most 1000 characters, not 1001");
            assertBadRequest(withActions(action("See Child A\u0007", null)),
                    "actions[0].what must not contain the control character U+0007");
            assertBadRequest(withActions(action("See Child A", "Reconvene\u0000")),
                    "actions[0].contingency must not contain the control character U+0000");
            String babies = "\uD83D\uDC76".repeat(1_000);
            Consumer<EntryDraft> longest = withActions(action(babies, babies));
            given().when(record(longest)).expectEvents(recorded(E1, longest));
        }

        @Test
        void anActionsOwnerIsARegisteredAgency() {
            assertBadRequest(withActions(new PlanAction("See Child A", " ", null, null)),
                    "actions[0].ownerAgencyId must not be blank");
            given()
                    .when(record(withActions(ACTION, new PlanAction("See Child A", "housing-9", null, null))))
                    .expectNoEvents()
                    .expectException(rejected(NOT_FOUND,
                            "actions[1].ownerAgencyId names agency housing-9, which is not registered"));
        }

        @Test
        void anEscalationIsToAnotherRegisteredAgency() {
            assertBadRequest(entry -> {
                entry.escalation();
                entry.kind = EntryKind.CONCERN_RAISED;
            }, "escalatedTo is only for an ESCALATION, not a CONCERN_RAISED");
            assertBadRequest(entry -> {
                entry.escalation();
                entry.escalatedTo = POLICE;
            }, "escalatedTo is police-1, the recording agency");
            given()
                    .when(record(entry -> {
                        entry.escalation();
                        entry.escalatedTo = "housing-9";
                    }))
                    .expectNoEvents()
                    .expectException(rejected(NOT_FOUND,
                            "escalatedTo names agency housing-9, which is not registered"));
            given().when(record(EntryDraft::escalation)).expectEvents(recorded(E1, EntryDraft::escalation));
        }

        @Test
        void anEntryRespondsToAnEscalationOfThisChildToItsOwnAgency() {
            given(recorded(E1, EntryDraft::escalation))
                    .when(record(answerTo(E1)))
                    .expectEvents(recorded(E2, answerTo(E1)));
        }

        @Test
        void respondingToAnEntryThatIsNotAnEscalationToTheRecordingAgencyIsABadRequest() {
            given(recorded())
                    .when(record(answerTo(E1)))
                    .expectNoEvents()
                    .expectException(rejected(BAD_REQUEST,
                            "respondsTo names entry child-a/E1, a DOMESTIC_ABUSE_INCIDENT, not an ESCALATION"));
            given(recorded(E1, entry -> {
                entry.escalation();
                entry.escalatedTo = SCHOOL;
            }))
                    .when(record(answerTo(E1)))
                    .expectNoEvents()
                    .expectException(rejected(BAD_REQUEST, "respondsTo names entry child-a/E1, an ESCALATION to "
                            + "agency school-1, not to agency health-1"));
            given(recorded(E1, entry -> {
                entry.escalation();
                entry.escalatedTo = null;
            }))
                    .when(record(answerTo(E1)))
                    .expectException(rejected(BAD_REQUEST, "an ESCALATION to no named agency, not to agency health-1"));
            assertBadRequest(answerTo(" "), "respondsTo must not be blank");
        }

        @Test
        void respondingToAnEntryThatDoesNotExistOrIsOfAnotherChildIsNotFound() {
            given(recorded(E1, EntryDraft::escalation))
                    .when(record(answerTo(E2)))
                    .expectNoEvents()
                    .expectException(rejected(NOT_FOUND, "entry child-a/E2 does not exist"));
            given(recorded(E1, EntryDraft::escalation))
                    .when(record(answerTo("child-b/E1")))
                    .expectNoEvents()
                    .expectException(rejected(NOT_FOUND, "entry child-b/E1 is not an entry of child child-a"));
        }

        @Test
        void theFieldRulesOfThePracticePatternsComeBeforeAnUnknownChild() {
            fixture.givenNoPriorActivity()
                    .when(record(entry -> {
                        entry.referral();
                        entry.kind = EntryKind.CONTACT;
                    }))
                    .expectException(rejected(BAD_REQUEST, "thresholdDecision is only for a REFERRAL, not a CONTACT"));
        }

        @Test
        void concernsAreComparedAsASetUnderAKey() {
            given(recorded(E1, EntryDraft::referral))
                    .when(record(entry -> {
                        entry.referral();
                        entry.concerns = List.of(Concern.NEGLECT, Concern.DOMESTIC_ABUSE, Concern.NEGLECT);
                    }))
                    .expectNoEvents()
                    .expectResultMessagePayload(new EntryReceipt(E1, RECORDED_1, true));
            given(recorded(E1, EntryDraft::referral))
                    .when(record(entry -> {
                        entry.referral();
                        entry.concerns = List.of(Concern.NEGLECT);
                    }))
                    .expectNoEvents()
                    .expectException(rejected(CONFLICT, "sourceRef CSC-REF-1 of agency social-care-1"));
        }

        @Test
        void actionsAreComparedAsAListInTheirStoredForm() {
            PlanAction second = new PlanAction("Police Officer 2 to share the call-out log", POLICE, null, null);
            given(recorded(E1, EntryDraft::strategyDiscussion))
                    .when(record(withActions(ACTION, new PlanAction(second.what(), POLICE, null, ""))))
                    .expectNoEvents()
                    .expectResultMessagePayload(new EntryReceipt(E1, RECORDED_1, true));
            List<Consumer<EntryDraft>> changed = List.of(
                    withActions(second, ACTION),
                    withActions(ACTION),
                    withActions(ACTION, second, second),
                    withActions(ACTION, new PlanAction(second.what(), HEALTH, null, null)),
                    withActions(ACTION, new PlanAction(second.what(), null, null, null)),
                    withActions(ACTION, new PlanAction(second.what(), POLICE, LocalDate.parse("2024-05-15"), null)),
                    withActions(ACTION, new PlanAction(second.what(), POLICE, null, "Reconvene")),
                    withActions(ACTION, new PlanAction(second.what() + ".", POLICE, null, null)),
                    withActions());
            for (Consumer<EntryDraft> change : changed) {
                given(recorded(E1, EntryDraft::strategyDiscussion))
                        .when(record(change))
                        .expectNoEvents()
                        .expectException(rejected(CONFLICT, "sourceRef POL-SD-1 of agency police-1"));
            }
        }

        @Test
        void everyFieldOfThePracticePatternsIsPartOfTheContentUnderAKey() {
            EntryRecorded escalation = recorded(E1, EntryDraft::escalation);
            EntryRecorded another = recorded(E2, entry -> {
                entry.escalation();
                entry.sourceRef = "POL-ESC-2";
            });
            EntryRecorded answer = recorded("child-a/E3", answerTo(E1));
            List<Consumer<EntryDraft>> changes = List.of(
                    entry -> entry.concerns = List.of(Concern.OTHER),
                    entry -> entry.respondsTo = E2,
                    entry -> entry.respondsTo = null);
            for (Consumer<EntryDraft> change : changes) {
                given(escalation, another, answer)
                        .when(record(answerTo(E1).andThen(change)))
                        .expectNoEvents()
                        .expectException(rejected(CONFLICT, "sourceRef HV-ANS-1 of agency health-1"));
            }
            for (String escalatedTo : new String[] {SCHOOL, null}) {
                given(escalation)
                        .when(record(entry -> {
                            entry.escalation();
                            entry.escalatedTo = escalatedTo;
                        }))
                        .expectException(rejected(CONFLICT, "sourceRef POL-ESC-1 of agency police-1"));
            }
            for (ThresholdDecision decision : new ThresholdDecision[] {ThresholdDecision.SECTION_47_ENQUIRY, null}) {
                given(recorded(E1, EntryDraft::referral))
                        .when(record(entry -> {
                            entry.referral();
                            entry.thresholdDecision = decision;
                        }))
                        .expectException(rejected(CONFLICT, "sourceRef CSC-REF-1 of agency social-care-1"));
            }
        }

        @Test
        void recordingTheFieldsOfThePracticePatternsAgainIsADuplicate() {
            given(recorded(E1, EntryDraft::escalation), recorded(E2, answerTo(E1)))
                    .when(record(answerTo(E1)))
                    .expectNoEvents()
                    .expectResultMessagePayload(new EntryReceipt(E2, RECORDED_1, true));
            given(recorded(E1, EntryDraft::escalation))
                    .when(record(EntryDraft::escalation))
                    .expectResultMessagePayload(new EntryReceipt(E1, RECORDED_1, true));
        }

        private void assertBadRequest(Consumer<EntryDraft> change, String message) {
            given().when(record(change)).expectNoEvents().expectException(rejected(BAD_REQUEST, message));
        }
    }

    @Nested
    class CorrectEntryTest {

        @Test
        void aCorrectionIsTheNextVersionAndKeepsTheFieldsLeftOut() {
            EntryRecorded original = recorded();
            given(original)
                    .when(correct(POLICE, null, null, "Police called to the home; Mother reported a dispute"))
                    .expectEvents(new EntryCorrected(CHILD, E1, POLICE, 2, original.kind(), OCCURRED, EXACT, KNOWN,
                            "Police called to the home; Mother reported a dispute", original.significance(), "typo"))
                    .expectResultMessagePayload(new EntryReceipt(E1, RECORDED_NOW, false));
        }

        @Test
        void everyFieldCanBeCorrected() {
            Instant occurred = OCCURRED.minusSeconds(3600);
            Instant known = KNOWN.plusSeconds(3600);
            given(recorded())
                    .when(new CorrectEntry(CHILD, E1, POLICE, occurred, null, known, EntryKind.CONTACT, "new summary",
                            Significance.CRITICAL, "wrong form"))
                    .expectEvents(new EntryCorrected(CHILD, E1, POLICE, 2, EntryKind.CONTACT, occurred, EXACT, known,
                            "new summary", Significance.CRITICAL, "wrong form"));
        }

        @Test
        void aCorrectionIdenticalToTheCurrentVersionIsADuplicate() {
            fixture.givenCurrentTime(RECORDED_1).andGiven(childRegistered(), recorded())
                    .andGivenCurrentTime(RECORDED_2)
                    .andGiven(new EntryCorrected(CHILD, E1, POLICE, 2, EntryKind.CONTACT, OCCURRED, EXACT, KNOWN, "v2",
                            Significance.ROUTINE, "typo"))
                    .andGivenCurrentTime(RECORDED_NOW)
                    .when(new CorrectEntry(CHILD, E1, POLICE, OCCURRED, null, null, EntryKind.CONTACT, "v2", null,
                            "again"))
                    .expectNoEvents()
                    .expectResultMessagePayload(new EntryReceipt(E1, RECORDED_2, true));
        }

        @Test
        void knownAtBeforeOccurredAtAfterMergingIsABadRequest() {
            given(recorded())
                    .when(correct(POLICE, null, OCCURRED.minusSeconds(60), null))
                    .expectNoEvents()
                    .expectException(rejected(BAD_REQUEST, "knownAt 2024-05-01T09:29:00Z would be before occurredAt"));
            given(recorded())
                    .when(correct(POLICE, KNOWN.plusSeconds(60), null, null))
                    .expectException(rejected(BAD_REQUEST, "before occurredAt 2024-05-02T10:01:00Z"));
        }

        @Test
        void aCorrectionThatNamesNoFieldIsABadRequest() {
            given(recorded())
                    .when(correct(POLICE, null, null, null))
                    .expectNoEvents()
                    .expectException(rejected(BAD_REQUEST, "a correction must give at least one of"));
        }

        @Test
        void aBlankReasonOrSummaryOrAFutureTimeIsABadRequest() {
            given(recorded())
                    .when(new CorrectEntry(CHILD, E1, POLICE, null, null, null, null, "fine", null, " "))
                    .expectException(rejected(BAD_REQUEST, "reason must not be blank"));
            given(recorded())
                    .when(correct(POLICE, null, null, ""))
                    .expectException(rejected(BAD_REQUEST, "summary must not be blank"));
            given(recorded())
                    .when(correct(POLICE, null, NOW.plusSeconds(1), null))
                    .expectException(rejected(BAD_REQUEST, "knownAt 2024-06-01T12:00:01Z is later"));
            given(recorded())
                    .when(new CorrectEntry(CHILD, E1, POLICE, null, null, null, null, "fine", null, "r".repeat(10_001)))
                    .expectException(rejected(BAD_REQUEST, "reason must be at most 10000"));
        }

        @Test
        void anUnknownEntryOrAgencyIsNotFound() {
            given(recorded())
                    .when(new CorrectEntry(CHILD, E2, POLICE, null, null, null, null, "fine", null, "typo"))
                    .expectException(rejected(NOT_FOUND, "entry child-a/E2 does not exist"));
            given(recorded())
                    .when(correct("housing-9", null, null, "fine"))
                    .expectException(rejected(NOT_FOUND, "agency housing-9 is not registered"));
        }

        @Test
        void anEntryIdThatNamesNoEntryOfTheChildIsNotFound() {
            given(recorded())
                    .when(new CorrectEntry(null, "not-an-entry", POLICE, null, null, null, null, "fine", null, "typo"))
                    .expectException(rejected(NOT_FOUND, "entry not-an-entry does not exist"));
            given(recorded())
                    .when(new CorrectEntry(CHILD, "child-b/E1", POLICE, null, null, null, null, "fine", null, "typo"))
                    .expectException(rejected(NOT_FOUND, "entry child-b/E1 does not exist"));
        }

        @Test
        void anotherAgencyMayNotCorrectAnEntry() {
            given(recorded())
                    .when(correct(HEALTH, null, null, "fine"))
                    .expectNoEvents()
                    .expectException(rejected(FORBIDDEN, "entry child-a/E1 was recorded by agency police-1"));
        }

        @Test
        void correctingARetractedEntryIsAConflictButForbiddenComesFirst() {
            EntryRetracted retracted = new EntryRetracted(CHILD, E1, POLICE, 2, "recorded in error");
            given(recorded(), retracted)
                    .when(correct(POLICE, null, null, "fine"))
                    .expectNoEvents()
                    .expectException(rejected(CONFLICT, "entry child-a/E1 is retracted"));
            given(recorded(), retracted)
                    .when(correct(HEALTH, null, null, "fine"))
                    .expectException(rejected(FORBIDDEN, "agency health-1 may not correct it"));
        }

        @Test
        void aCorrectionMayGiveOnlyThePrecision() {
            given(recorded(E1, entry -> entry.occurredAt = MARCH_2007))
                    .when(new CorrectEntry(CHILD, E1, POLICE, null, MONTH, null, null, null, null, "only the month"))
                    .expectEvents(new EntryCorrected(CHILD, E1, POLICE, 2, EntryKind.DOMESTIC_ABUSE_INCIDENT,
                            MARCH_2007, MONTH, KNOWN, recorded().summary(), Significance.SIGNIFICANT,
                            "only the month"));
        }

        @Test
        void aCorrectionThatLeavesOutThePrecisionKeepsIt() {
            given(recorded(E1, EntryDraft::inMarch2007))
                    .when(correct(POLICE, null, null, "v2"))
                    .expectEvents(new EntryCorrected(CHILD, E1, POLICE, 2, EntryKind.DOMESTIC_ABUSE_INCIDENT,
                            MARCH_2007, MONTH, KNOWN, "v2", Significance.SIGNIFICANT, "typo"));
        }

        @Test
        void theExactTimeLearnedLaterIsACorrection() {
            Instant march14 = Instant.parse("2007-03-14T09:30:00Z");
            given(recorded(E1, EntryDraft::inMarch2007))
                    .when(new CorrectEntry(CHILD, E1, POLICE, march14, EXACT, null, null, null, null, "GP letter"))
                    .expectEvents(new EntryCorrected(CHILD, E1, POLICE, 2, EntryKind.DOMESTIC_ABUSE_INCIDENT,
                            march14, EXACT, KNOWN, recorded().summary(), Significance.SIGNIFICANT, "GP letter"));
        }

        @Test
        void thePrecisionOfTheCurrentVersionAgainIsADuplicate() {
            given(recorded(E1, EntryDraft::inMarch2007))
                    .when(new CorrectEntry(CHILD, E1, POLICE, MARCH_2007, MONTH, null, null, null, null, "again"))
                    .expectNoEvents()
                    .expectResultMessagePayload(new EntryReceipt(E1, RECORDED_1, true));
        }

        @Test
        void anImpreciseOccurredAtAfterMergingMustBeTheStartOfItsPeriod() {
            given(recorded(E1, EntryDraft::inMarch2007))
                    .when(new CorrectEntry(CHILD, E1, POLICE, Instant.parse("2007-03-14T09:30:00Z"), null, null,
                            null, null, null, "the day is known"))
                    .expectNoEvents()
                    .expectException(rejected(BAD_REQUEST, "occurredAt 2007-03-14T09:30:00Z is not the start of a "
                            + "MONTH: give 2007-03-01T00:00:00Z with occurredAtPrecision MONTH"));
            given(recorded())
                    .when(new CorrectEntry(CHILD, E1, POLICE, null, DAY, null, null, null, null, "only the day"))
                    .expectNoEvents()
                    .expectException(rejected(BAD_REQUEST, "occurredAt 2024-05-01T09:30:00Z is not the start of a "
                            + "DAY: give 2024-05-01T00:00:00Z"));
        }

        @Test
        void aMisalignedPrecisionInTheCorrectionItselfIsABadRequestBeforeTheEntryIsLookedUp() {
            given(recorded())
                    .when(new CorrectEntry(CHILD, E2, POLICE, OCCURRED, YEAR, null, null, null, null, "typo"))
                    .expectException(rejected(BAD_REQUEST, "is not the start of a YEAR"));
        }

        @Test
        void aCorrectionMayGiveOnlyConcernsAndKeepsEveryOtherField() {
            given(recorded(E1, EntryDraft::referral))
                    .when(correctPatterns(SOCIAL_CARE, List.of(Concern.NEGLECT, Concern.PARENTAL_MENTAL_HEALTH,
                            Concern.NEGLECT), null, null))
                    .expectEvents(correction(entry -> {
                        entry.referral();
                        entry.concerns = List.of(Concern.PARENTAL_MENTAL_HEALTH, Concern.NEGLECT);
                    }))
                    .expectResultMessagePayload(new EntryReceipt(E1, RECORDED_NOW, false));
        }

        @Test
        void aCorrectionMayGiveOnlyAThresholdDecisionOrOnlyActions() {
            given(recorded(E1, EntryDraft::referral))
                    .when(correctPatterns(SOCIAL_CARE, null, ThresholdDecision.SECTION_47_ENQUIRY, null))
                    .expectEvents(correction(entry -> {
                        entry.referral();
                        entry.thresholdDecision = ThresholdDecision.SECTION_47_ENQUIRY;
                    }));
            given(recorded(E1, EntryDraft::strategyDiscussion))
                    .when(correctPatterns(POLICE, null, null, List.of(ACTION)))
                    .expectEvents(correction(withActions(ACTION)));
        }

        @Test
        void aCorrectionThatLeavesOutTheActionsKeepsThem() {
            given(recorded(E1, EntryDraft::strategyDiscussion))
                    .when(correct(POLICE, null, null, "Strategy discussion held by telephone"))
                    .expectEvents(correction(entry -> {
                        entry.strategyDiscussion();
                        entry.summary = "Strategy discussion held by telephone";
                    }));
        }

        @Test
        void aCorrectionWhoseOnlyNewFieldsAreEmptyListsNamesNoField() {
            given(recorded(E1, EntryDraft::strategyDiscussion))
                    .when(correctPatterns(POLICE, List.of(), null, List.of()))
                    .expectNoEvents()
                    .expectException(rejected(BAD_REQUEST, "a correction must give at least one of occurredAt, "
                            + "occurredAtPrecision, knownAt, kind, summary, significance, concerns, "
                            + "thresholdDecision, actions"));
        }

        @Test
        void theKindsRulesApplyToTheVersionTheCorrectionWouldCreate() {
            given(recorded(E1, EntryDraft::referral))
                    .when(correctKind(SOCIAL_CARE, EntryKind.HOME_VISIT))
                    .expectNoEvents()
                    .expectException(rejected(BAD_REQUEST, "thresholdDecision is only for a REFERRAL, not a HOME_VISIT"));
            given(recorded(E1, EntryDraft::strategyDiscussion))
                    .when(correctKind(POLICE, EntryKind.HOME_VISIT))
                    .expectNoEvents()
                    .expectException(rejected(BAD_REQUEST, "actions are only for a STRATEGY_DISCUSSION"));
            given(recorded(E1, EntryDraft::escalation))
                    .when(correctKind(POLICE, EntryKind.CONTACT))
                    .expectNoEvents()
                    .expectException(rejected(BAD_REQUEST, "escalatedTo is only for an ESCALATION, not a CONTACT"));
            given(recorded())
                    .when(correctPatterns(POLICE, null, ThresholdDecision.EARLY_HELP, null))
                    .expectNoEvents()
                    .expectException(rejected(BAD_REQUEST,
                            "thresholdDecision is only for a REFERRAL, not a DOMESTIC_ABUSE_INCIDENT"));
            given(recorded())
                    .when(correctPatterns(POLICE, null, null, List.of(ACTION)))
                    .expectNoEvents()
                    .expectException(rejected(BAD_REQUEST, "not a DOMESTIC_ABUSE_INCIDENT"));
        }

        @Test
        void aCorrectionMayGiveAKindTogetherWithTheFieldsItCarries() {
            given(recorded(E1, entry -> entry.kind = EntryKind.CONTACT))
                    .when(new CorrectEntry(CHILD, E1, POLICE, null, null, null, EntryKind.REFERRAL, null, null,
                            "it was a referral", null, ThresholdDecision.NO_FURTHER_ACTION, null))
                    .expectEvents(correction(entry -> {
                        entry.kind = EntryKind.REFERRAL;
                        entry.thresholdDecision = ThresholdDecision.NO_FURTHER_ACTION;
                    }, "it was a referral"));
            given(recorded(E1, EntryDraft::strategyDiscussion))
                    .when(correctKind(POLICE, EntryKind.MULTI_AGENCY_MEETING))
                    .expectEvents(correction(entry -> {
                        entry.strategyDiscussion();
                        entry.kind = EntryKind.MULTI_AGENCY_MEETING;
                    }));
        }

        @Test
        void theActionsOfACorrectionFollowTheRulesOfRecordEntry() {
            given(recorded(E1, EntryDraft::strategyDiscussion))
                    .when(correctPatterns(POLICE, null, null, List.of(ACTION, action("", null))))
                    .expectNoEvents()
                    .expectException(rejected(BAD_REQUEST, "actions[1].what must not be blank"));
            given(recorded(E1, EntryDraft::strategyDiscussion))
                    .when(correctPatterns(POLICE, null, null, List.of(action("See Child A", "c".repeat(1_001)))))
                    .expectException(rejected(BAD_REQUEST, "actions[0].contingency must be at most 1000 characters"));
            given(recorded(E1, EntryDraft::strategyDiscussion))
                    .when(correctPatterns(POLICE, null, null, Collections.nCopies(51, ACTION)))
                    .expectException(rejected(BAD_REQUEST, "actions must have at most 50 items, not 51"));
            given(recorded(E1, EntryDraft::strategyDiscussion))
                    .when(correctPatterns(POLICE, null, null,
                            List.of(new PlanAction("See Child A", "housing-9", null, null))))
                    .expectNoEvents()
                    .expectException(rejected(NOT_FOUND,
                            "actions[0].ownerAgencyId names agency housing-9, which is not registered"));
        }

        @Test
        void aCorrectionIdenticalToTheCurrentVersionInItsStoredFormIsADuplicate() {
            given(recorded(E1, EntryDraft::referral))
                    .when(correctPatterns(SOCIAL_CARE, List.of(Concern.NEGLECT, Concern.DOMESTIC_ABUSE,
                            Concern.NEGLECT), ThresholdDecision.EARLY_HELP, null))
                    .expectNoEvents()
                    .expectResultMessagePayload(new EntryReceipt(E1, RECORDED_1, true));
            given(recorded(E1, EntryDraft::strategyDiscussion))
                    .when(correctPatterns(POLICE, null, null, List.of(ACTION,
                            new PlanAction("Police Officer 2 to share the call-out log", POLICE, null, " "))))
                    .expectNoEvents()
                    .expectResultMessagePayload(new EntryReceipt(E1, RECORDED_1, true));
        }

        @Test
        void anEscalationKeepsItsAgencyThroughACorrection() {
            given(recorded(E1, EntryDraft::escalation),
                    correction(entry -> {
                        entry.escalation();
                        entry.summary = "Police Officer 2 escalated the health visitor's response";
                    }))
                    .when(record(answerTo(E1)))
                    .expectEvents(recorded(E2, answerTo(E1)));
        }
    }

    @Nested
    class RetractEntryTest {

        @Test
        void retractingIsTheNextVersion() {
            given(recorded(), new EntryCorrected(CHILD, E1, POLICE, 2, EntryKind.CONTACT, OCCURRED, EXACT, KNOWN, "v2",
                    Significance.ROUTINE, "typo"))
                    .when(new RetractEntry(CHILD, E1, POLICE, "recorded in error"))
                    .expectEvents(new EntryRetracted(CHILD, E1, POLICE, 3, "recorded in error"))
                    .expectResultMessagePayload(new EntryReceipt(E1, RECORDED_NOW, false));
        }

        @Test
        void retractingAgainIsADuplicateWithTheRetractionsRecordedAt() {
            fixture.givenCurrentTime(RECORDED_1).andGiven(childRegistered(), recorded())
                    .andGivenCurrentTime(RECORDED_2)
                    .andGiven(new EntryRetracted(CHILD, E1, POLICE, 2, "recorded in error"))
                    .andGivenCurrentTime(RECORDED_NOW)
                    .when(new RetractEntry(CHILD, E1, POLICE, "another reason"))
                    .expectNoEvents()
                    .expectResultMessagePayload(new EntryReceipt(E1, RECORDED_2, true));
        }

        @Test
        void anotherAgencyMayNotRetractAnEntry() {
            given(recorded())
                    .when(new RetractEntry(CHILD, E1, SCHOOL, "recorded in error"))
                    .expectNoEvents()
                    .expectException(rejected(FORBIDDEN, "agency school-1 may not retract it"));
        }

        @Test
        void aBlankReasonIsABadRequestAndAnUnknownEntryNotFound() {
            given(recorded())
                    .when(new RetractEntry(CHILD, E1, POLICE, ""))
                    .expectException(rejected(BAD_REQUEST, "reason must not be blank"));
            given(recorded())
                    .when(new RetractEntry(CHILD, E2, POLICE, "recorded in error"))
                    .expectException(rejected(NOT_FOUND, "entry child-a/E2 does not exist"));
            given(recorded())
                    .when(new RetractEntry(null, "E1", POLICE, "recorded in error"))
                    .expectException(rejected(NOT_FOUND, "entry E1 does not exist"));
            given(recorded())
                    .when(new RetractEntry(CHILD, E1, "housing-9", "recorded in error"))
                    .expectException(rejected(NOT_FOUND, "agency housing-9 is not registered"));
        }
    }

    @Nested
    class ShareInformationTest {

        static final Instant SHARED = KNOWN.plusSeconds(86_400);

        @Test
        void theRecordingAgencySharesAnEntryItKnew() {
            given(recorded())
                    .when(share(POLICE, HEALTH, SHARED, "MARAC-1", E1))
                    .expectEvents(shared("child-a/S1", POLICE, HEALTH, SHARED, "MARAC-1", E1))
                    .expectResultMessagePayload(new SharingReceipt("child-a/S1", RECORDED_NOW, false));
        }

        @Test
        void sharingAtExactlyKnownAtIsAllowed() {
            given(recorded())
                    .when(share(POLICE, HEALTH, KNOWN, "MARAC-1", E1))
                    .expectEvents(shared("child-a/S1", POLICE, HEALTH, KNOWN, "MARAC-1", E1));
        }

        @Test
        void anEntryNamedTwiceIsSharedOnce() {
            given(recorded())
                    .when(share(POLICE, HEALTH, SHARED, "MARAC-1", E1, E1))
                    .expectEvents(shared("child-a/S1", POLICE, HEALTH, SHARED, "MARAC-1", E1));
        }

        @Test
        void theSameKeyWithTheSameContentIsADuplicateOfTheFirst() {
            EntryRecorded second = recorded(E2, entry -> entry.sourceRef = "POL-2");
            given(recorded(), second, shared("child-a/S1", POLICE, HEALTH, SHARED, "MARAC-1", E1, E2))
                    .when(share(POLICE, HEALTH, SHARED, "MARAC-1", E2, E1))
                    .expectNoEvents()
                    .expectResultMessagePayload(new SharingReceipt("child-a/S1", RECORDED_1, true));
        }

        @Test
        void theSameKeyWithDifferentContentIsAConflict() {
            InformationShared first = shared("child-a/S1", POLICE, HEALTH, SHARED, "MARAC-1", E1);
            given(recorded(), first)
                    .when(share(POLICE, SCHOOL, SHARED, "MARAC-1", E1))
                    .expectNoEvents()
                    .expectException(rejected(CONFLICT, "sourceRef MARAC-1 of agency police-1"));
            given(recorded(), first)
                    .when(share(POLICE, HEALTH, SHARED.plusSeconds(1), "MARAC-1", E1))
                    .expectException(rejected(CONFLICT, "MARAC-1"));
            given(recorded(), first)
                    .when(new ShareInformation(CHILD, POLICE, HEALTH, List.of(E1), SHARED, SharingChannel.VERBAL,
                            "MARAC-1"))
                    .expectException(rejected(CONFLICT, "MARAC-1"));
        }

        @Test
        void theSenderMustHaveKnownTheEntryAtSharedAt() {
            given(recorded())
                    .when(share(POLICE, HEALTH, KNOWN.minusSeconds(1), "MARAC-1", E1))
                    .expectNoEvents()
                    .expectException(rejected(CONFLICT, "agency police-1 did not know entry child-a/E1 at sharedAt"));
            given(recorded())
                    .when(share(HEALTH, SCHOOL, SHARED, "HV-1", E1))
                    .expectException(rejected(CONFLICT, "agency health-1 did not know entry child-a/E1"));
        }

        @Test
        void knowledgeAsTheRecordStandsCountsTheCurrentVersionsKnownAt() {
            given(recorded(), new EntryCorrected(CHILD, E1, POLICE, 2, EntryKind.CONTACT, OCCURRED, EXACT,
                    SHARED.plusSeconds(60), "v2", Significance.ROUTINE, "known later than first said"))
                    .when(share(POLICE, HEALTH, SHARED, "MARAC-1", E1))
                    .expectException(rejected(CONFLICT, "did not know entry child-a/E1"));
        }

        @Test
        void anAgencyKnowsWhatWasSharedWithItFromSharedAtOn() {
            InformationShared toHealth = shared("child-a/S1", POLICE, HEALTH, SHARED, "MARAC-1", E1);
            given(recorded(), toHealth)
                    .when(share(HEALTH, SCHOOL, SHARED, "HV-1", E1))
                    .expectEvents(shared("child-a/S2", HEALTH, SCHOOL, SHARED, "HV-1", E1));
            given(recorded(), toHealth)
                    .when(share(HEALTH, SCHOOL, SHARED.minusSeconds(1), "HV-1", E1))
                    .expectException(rejected(CONFLICT, "agency health-1 did not know entry child-a/E1"));
        }

        @Test
        void theEarliestShareToAnAgencyCounts() {
            given(recorded(),
                    shared("child-a/S1", POLICE, HEALTH, SHARED.plusSeconds(600), "MARAC-2", E1),
                    shared("child-a/S2", POLICE, HEALTH, SHARED, "MARAC-1", E1))
                    .when(share(HEALTH, SCHOOL, SHARED.plusSeconds(1), "HV-1", E1))
                    .expectEvents(shared("child-a/S3", HEALTH, SCHOOL, SHARED.plusSeconds(1), "HV-1", E1));
        }

        @Test
        void sharingARetractedEntryIsAConflict() {
            given(recorded(), new EntryRetracted(CHILD, E1, POLICE, 2, "recorded in error"))
                    .when(share(POLICE, HEALTH, SHARED, "MARAC-1", E1))
                    .expectNoEvents()
                    .expectException(rejected(CONFLICT, "entry child-a/E1 is retracted"));
        }

        @Test
        void unknownAgenciesOrEntriesAreNotFound() {
            given(recorded())
                    .when(share(POLICE, "housing-9", SHARED, "MARAC-1", E1))
                    .expectException(rejected(NOT_FOUND, "agency housing-9 is not registered"));
            given(recorded())
                    .when(share("housing-9", POLICE, SHARED, "MARAC-1", E1))
                    .expectException(rejected(NOT_FOUND, "agency housing-9 is not registered"));
            given(recorded())
                    .when(share(POLICE, HEALTH, SHARED, "MARAC-1", E1, E2))
                    .expectException(rejected(NOT_FOUND, "entry child-a/E2 does not exist"));
            given(recorded())
                    .when(share(POLICE, HEALTH, SHARED, "MARAC-1", "child-b/E1"))
                    .expectException(rejected(NOT_FOUND, "entry child-b/E1 is not an entry of child child-a"));
        }

        @Test
        void fieldRulesAreABadRequest() {
            given(recorded())
                    .when(share(POLICE, POLICE, SHARED, "MARAC-1", E1))
                    .expectException(rejected(BAD_REQUEST, "fromAgencyId and toAgencyId are both police-1"));
            given(recorded())
                    .when(share(POLICE, HEALTH, SHARED, "MARAC-1"))
                    .expectException(rejected(BAD_REQUEST, "entryIds must name at least one entry"));
            given(recorded())
                    .when(share(POLICE, HEALTH, NOW.plusSeconds(1), "MARAC-1", E1))
                    .expectException(rejected(BAD_REQUEST, "sharedAt 2024-06-01T12:00:01Z is later"));
            given(recorded())
                    .when(share(POLICE, HEALTH, SHARED, " ", E1))
                    .expectException(rejected(BAD_REQUEST, "sourceRef must not be blank"));
            given(recorded())
                    .when(share(POLICE, HEALTH, SHARED, "MARAC-1", " "))
                    .expectException(rejected(BAD_REQUEST, "entryIds must not be blank"));
            given(recorded())
                    .when(new ShareInformation(CHILD, POLICE, HEALTH, List.of(E1), SHARED, null, "MARAC-1"))
                    .expectException(rejected(BAD_REQUEST, "channel is missing"));
        }
    }

    static RecordPersonKnown personKnown(String agencyId, String sourceRef) {
        return new RecordPersonKnown(CHILD, agencyId, PARTNER, PersonRole.PARENTS_PARTNER, Sex.MALE, false, KNOWN,
                sourceRef);
    }

    static PersonKnownRecorded personKnownRecorded(String recordId, String agencyId, String sourceRef) {
        return new PersonKnownRecorded(CHILD, recordId, agencyId, PARTNER, PersonRole.PARENTS_PARTNER, Sex.MALE, false,
                KNOWN, sourceRef);
    }

    @Nested
    class RecordPersonKnownTest {

        static final String P1 = "child-a/P1";
        static final String P2 = "child-a/P2";

        @Test
        void recordsThePersonAsP1AndAnswersItsRecordedAt() {
            given()
                    .when(personKnown(POLICE, "POL-P-1"))
                    .expectEvents(personKnownRecorded(P1, POLICE, "POL-P-1"))
                    .expectResultMessagePayload(new EntryReceipt(P1, RECORDED_NOW, false));
        }

        @Test
        void personRecordsAreNumberedApartFromEntries() {
            given(recorded(), personKnownRecorded(P1, POLICE, "POL-P-1"))
                    .when(personKnown(HEALTH, "HV-P-1"))
                    .expectEvents(personKnownRecorded(P2, HEALTH, "HV-P-1"));
            given(personKnownRecorded(P1, POLICE, "POL-P-1"))
                    .when(record())
                    .expectEvents(recorded());
        }

        @Test
        void theSameKeyWithTheSameContentIsADuplicateOfTheFirst() {
            given(personKnownRecorded(P1, POLICE, "POL-P-1"))
                    .when(personKnown(POLICE, "POL-P-1"))
                    .expectNoEvents()
                    .expectResultMessagePayload(new EntryReceipt(P1, RECORDED_1, true));
        }

        @Test
        void theSameKeyWithAnyFieldDifferentIsAConflict() {
            List<RecordPersonKnown> changed = List.of(
                    new RecordPersonKnown(CHILD, POLICE, MOTHER, PersonRole.PARENTS_PARTNER, Sex.MALE, false, KNOWN,
                            "POL-P-1"),
                    new RecordPersonKnown(CHILD, POLICE, PARTNER, PersonRole.FATHER, Sex.MALE, false, KNOWN,
                            "POL-P-1"),
                    new RecordPersonKnown(CHILD, POLICE, PARTNER, PersonRole.PARENTS_PARTNER, Sex.UNKNOWN, false,
                            KNOWN, "POL-P-1"),
                    new RecordPersonKnown(CHILD, POLICE, PARTNER, PersonRole.PARENTS_PARTNER, Sex.MALE, true, KNOWN,
                            "POL-P-1"),
                    new RecordPersonKnown(CHILD, POLICE, PARTNER, PersonRole.PARENTS_PARTNER, Sex.MALE, false,
                            KNOWN.plusSeconds(1), "POL-P-1"));
            for (RecordPersonKnown command : changed) {
                given(personKnownRecorded(P1, POLICE, "POL-P-1"))
                        .when(command)
                        .expectNoEvents()
                        .expectException(rejected(CONFLICT,
                                "sourceRef POL-P-1 of agency police-1 was already recorded as child-a/P1"));
            }
        }

        @Test
        void entriesAndPersonRecordsHaveTheirOwnKeys() {
            given(recorded())
                    .when(personKnown(POLICE, "POL-1"))
                    .expectEvents(personKnownRecorded(P1, POLICE, "POL-1"));
            given(personKnownRecorded(P1, POLICE, "POL-1"))
                    .when(record())
                    .expectEvents(recorded());
        }

        @Test
        void theSameSourceRefOfAnotherAgencyIsAnotherRecord() {
            given(personKnownRecorded(P1, POLICE, "REF-1"))
                    .when(personKnown(HEALTH, "REF-1"))
                    .expectEvents(personKnownRecorded(P2, HEALTH, "REF-1"));
        }

        @Test
        void anUnknownAgencyOrChildIsNotFound() {
            given()
                    .when(personKnown("housing-9", "H-1"))
                    .expectNoEvents()
                    .expectException(rejected(NOT_FOUND, "agency housing-9 is not registered"));
            fixture.givenNoPriorActivity()
                    .when(personKnown(POLICE, "POL-P-1"))
                    .expectException(AggregateNotFoundException.class);
        }

        @Test
        void aMissingBlankOrOverlongFieldOrAKnownAtLaterThanTheClockIsABadRequest() {
            assertBadRequest(new RecordPersonKnown(CHILD, POLICE, " ", PersonRole.MOTHER, Sex.FEMALE, true, KNOWN,
                    "POL-P-1"), "personId must not be blank");
            assertBadRequest(new RecordPersonKnown(CHILD, POLICE, "p".repeat(201), PersonRole.MOTHER, Sex.FEMALE,
                    true, KNOWN, "POL-P-1"), "personId must be at most 200 characters");
            assertBadRequest(new RecordPersonKnown(CHILD, " ", MOTHER, PersonRole.MOTHER, Sex.FEMALE, true, KNOWN,
                    "POL-P-1"), "agencyId must not be blank");
            assertBadRequest(new RecordPersonKnown(CHILD, POLICE, MOTHER, PersonRole.MOTHER, Sex.FEMALE, true, KNOWN,
                    ""), "sourceRef must not be blank");
            assertBadRequest(new RecordPersonKnown(CHILD, POLICE, MOTHER, PersonRole.MOTHER, Sex.FEMALE, true, KNOWN,
                    "s".repeat(201)), "sourceRef must be at most 200 characters");
            assertBadRequest(new RecordPersonKnown(CHILD, POLICE, MOTHER, null, Sex.FEMALE, true, KNOWN, "POL-P-1"),
                    "role is missing");
            assertBadRequest(new RecordPersonKnown(CHILD, POLICE, MOTHER, PersonRole.MOTHER, null, true, KNOWN,
                    "POL-P-1"), "sex is missing");
            assertBadRequest(new RecordPersonKnown(CHILD, POLICE, MOTHER, PersonRole.MOTHER, Sex.FEMALE, true, null,
                    "POL-P-1"), "knownAt is missing");
            assertBadRequest(new RecordPersonKnown(CHILD, POLICE, MOTHER, PersonRole.MOTHER, Sex.FEMALE, true,
                    NOW.plusSeconds(1), "POL-P-1"), "knownAt 2024-06-01T12:00:01Z is later than the platform clock");
        }

        @Test
        void aBadRequestComesBeforeAnUnknownAgencyOrChild() {
            fixture.givenNoPriorActivity()
                    .when(new RecordPersonKnown(CHILD, "housing-9", MOTHER, PersonRole.MOTHER, Sex.FEMALE, true,
                            KNOWN, " "))
                    .expectException(rejected(BAD_REQUEST, "sourceRef must not be blank"));
        }

        private void assertBadRequest(RecordPersonKnown command, String message) {
            given().when(command).expectNoEvents().expectException(rejected(BAD_REQUEST, message));
        }
    }

    @Nested
    class RecordEntriesTest {

        final RecordEntry second = record(entry -> entry.sourceRef = "POL-2");
        final RecordEntry third = record(entry -> entry.sourceRef = "POL-3");
        final RecordEntry conflicting = record(entry -> entry.summary = "another summary");
        final RecordEntry ofUnknownAgency = record(entry -> {
            entry.agencyId = "housing-9";
            entry.sourceRef = "HSG-1";
        });

        @Test
        void recordsEachItemInOrderAfterTheEntriesOfTheRecord() {
            given(recorded())
                    .when(new RecordEntries(CHILD, List.of(second, third)))
                    .expectEvents(recorded(E2, entry -> entry.sourceRef = "POL-2"),
                            recorded("child-a/E3", entry -> entry.sourceRef = "POL-3"))
                    .expectResultMessagePayload(List.of(
                            RecordEntries.Outcome.of(new EntryReceipt(E2, RECORDED_NOW, false)),
                            RecordEntries.Outcome.of(new EntryReceipt("child-a/E3", RECORDED_NOW, false))));
        }

        @Test
        void aRefusedItemLeavesTheOthersStored() {
            given(recorded())
                    .when(new RecordEntries(CHILD, List.of(second, conflicting, third)))
                    .expectEvents(recorded(E2, entry -> entry.sourceRef = "POL-2"),
                            recorded("child-a/E3", entry -> entry.sourceRef = "POL-3"))
                    .expectResultMessagePayloadMatching(outcomes(
                            receipt(E2, false), refusal(CONFLICT, "sourceRef"), receipt("child-a/E3", false)));
        }

        @Test
        void allOrNothingStoresEveryItemWhenNoneIsRefused() {
            given(recorded())
                    .when(new RecordEntries(CHILD, List.of(second, record(), third), true))
                    .expectEvents(recorded(E2, entry -> entry.sourceRef = "POL-2"),
                            recorded("child-a/E3", entry -> entry.sourceRef = "POL-3"))
                    .expectResultMessagePayloadMatching(outcomes(
                            receipt(E2, false), receipt(E1, true), receipt("child-a/E3", false)));
        }

        @Test
        void allOrNothingStoresNothingWhenAnItemIsRefusedAndAnswersEveryRefusal() {
            given(recorded())
                    .when(new RecordEntries(CHILD, List.of(second, conflicting, ofUnknownAgency, third), true))
                    .expectNoEvents()
                    .expectResultMessagePayloadMatching(outcomes(notStored(), refusal(CONFLICT, "sourceRef"),
                            refusal(NOT_FOUND, null), notStored()));
        }

        @Test
        void laterItemsSeeTheEarlierItemsOfTheSameCommand() {
            RecordEntry secondAgain = record(entry -> entry.sourceRef = "POL-2");
            RecordEntry secondChanged = record(entry -> {
                entry.sourceRef = "POL-2";
                entry.summary = "another summary";
            });
            given()
                    .when(new RecordEntries(CHILD, List.of(second, secondAgain), true))
                    .expectEvents(recorded(E1, entry -> entry.sourceRef = "POL-2"))
                    .expectResultMessagePayloadMatching(outcomes(receipt(E1, false), receipt(E1, true)));
            given()
                    .when(new RecordEntries(CHILD, List.of(second, secondChanged), true))
                    .expectNoEvents()
                    .expectResultMessagePayloadMatching(outcomes(notStored(), refusal(CONFLICT, "sourceRef")));
        }

        @Test
        void anItemMayAnswerAnEscalationThatAnEarlierItemRecords() {
            given()
                    .when(new RecordEntries(CHILD, List.of(record(EntryDraft::escalation), record(answerTo(E1))),
                            true))
                    .expectEvents(recorded(E1, EntryDraft::escalation), recorded(E2, answerTo(E1)));
        }

        @Test
        void aRefusalNamesTheFieldOfTheRule() {
            given(recorded())
                    .when(conflicting)
                    .expectException(Matchers.matches(
                            e -> e instanceof RejectedException rejected
                                    && "sourceRef".equals(rejected.field())));
        }

        private static Predicate<RecordEntries.Outcome> receipt(String entryId, boolean duplicate) {
            return outcome -> outcome.rejection() == null && outcome.receipt() != null
                    && outcome.receipt().entryId().equals(entryId) && outcome.receipt().duplicate() == duplicate;
        }

        private static Predicate<RecordEntries.Outcome> refusal(Rejection rejection, String field) {
            return outcome -> outcome.receipt() == null && outcome.rejection() != null
                    && outcome.rejection().rejection() == rejection
                    && Objects.equals(outcome.rejection().field(), field);
        }

        private static Predicate<RecordEntries.Outcome> notStored() {
            return outcome -> outcome.receipt() == null && outcome.rejection() == null;
        }

        @SafeVarargs
        private static Matcher<List<RecordEntries.Outcome>> outcomes(Predicate<RecordEntries.Outcome>... expected) {
            return Matchers.matches(outcomes -> {
                if (outcomes.size() != expected.length) {
                    return false;
                }
                for (int i = 0; i < expected.length; i++) {
                    if (!expected[i].test(outcomes.get(i))) {
                        return false;
                    }
                }
                return true;
            });
        }
    }

    @Nested
    class LinkEntriesTest {

        static final String E3 = "child-a/E3";
        static final String NOTE = "Police and Health Visiting 1 both recorded the visit of 1 May";
        static final ActingUser REVIEWER = new ActingUser("reviewer-1", UserRole.REVIEWER, null);

        /** Entries E1 (Police), E2 (Health) and E3 (School) of the child. */
        private TestExecutor<ChildCase> givenThreeEntries(Object... events) {
            List<Object> given = new ArrayList<>(List.of(recorded(),
                    recorded(E2, entry -> {
                        entry.agencyId = HEALTH;
                        entry.sourceRef = "HV-1";
                    }),
                    recorded(E3, entry -> {
                        entry.agencyId = SCHOOL;
                        entry.sourceRef = "SCH-1";
                    })));
            given.addAll(List.of(events));
            return given(given.toArray());
        }

        private static LinkEntries link(EntryLinkKind kind, String note, String... entryIds) {
            return new LinkEntries(CHILD, "link-1", kind, List.of(entryIds), note);
        }

        private static EntriesLinked linked(EntryLinkKind kind, String note, String... entryIds) {
            return new EntriesLinked(CHILD, "link-1", kind, List.of(entryIds), note, REVIEWER.username());
        }

        @Test
        void aLinkKeepsItsEntriesInTheOrderGivenAndWhoMadeIt() {
            givenThreeEntries()
                    .when(link(SAME_OCCURRENCE, NOTE, E2, E1), REVIEWER.toMetaData())
                    .expectEvents(linked(SAME_OCCURRENCE, NOTE, E2, E1))
                    .expectResultMessagePayload(new EntryLinkView("link-1", SAME_OCCURRENCE, List.of(E2, E1), NOTE,
                            RECORDED_NOW));
        }

        @Test
        void moreThanTwoEntriesMayBeLinkedAndARetractedEntryIsStillAnEntryOfTheChild() {
            givenThreeEntries(new EntryRetracted(CHILD, E3, SCHOOL, 2, "recorded in error"))
                    .when(link(CONFLICTING_ACCOUNTS, NOTE, E1, E2, E3), REVIEWER.toMetaData())
                    .expectEvents(linked(CONFLICTING_ACCOUNTS, NOTE, E1, E2, E3));
        }

        @Test
        void theSameIdWithTheSameContentChangesNothingAndAnswersTheFirstLink() {
            givenThreeEntries(linked(SAME_OCCURRENCE, NOTE, E1, E2))
                    .when(link(SAME_OCCURRENCE, NOTE, E2, E1), REVIEWER.toMetaData())
                    .expectNoEvents()
                    .expectResultMessagePayload(new EntryLinkView("link-1", SAME_OCCURRENCE, List.of(E1, E2), NOTE,
                            RECORDED_1));
        }

        @Test
        void theSameIdWithOtherContentIsAConflict() {
            EntriesLinked first = linked(SAME_OCCURRENCE, NOTE, E1, E2);
            String message = "link link-1 of child child-a was already recorded, with different content";
            givenThreeEntries(first)
                    .when(link(CONFLICTING_ACCOUNTS, NOTE, E1, E2))
                    .expectNoEvents()
                    .expectException(rejected(CONFLICT, message));
            givenThreeEntries(first)
                    .when(link(SAME_OCCURRENCE, NOTE + ".", E1, E2))
                    .expectException(rejected(CONFLICT, message));
            givenThreeEntries(first)
                    .when(link(SAME_OCCURRENCE, NOTE, E1, E2, E3))
                    .expectException(rejected(CONFLICT, message));
            givenThreeEntries(first)
                    .when(link(SAME_OCCURRENCE, NOTE, E1, E3))
                    .expectException(rejected(CONFLICT, message));
        }

        @Test
        void fewerThanTwoEntriesOrAnEntryNamedTwiceIsABadRequest() {
            givenThreeEntries()
                    .when(link(SAME_OCCURRENCE, NOTE, E1))
                    .expectNoEvents()
                    .expectException(rejected(BAD_REQUEST, "entryIds must name at least 2 distinct entries, not 1"));
            givenThreeEntries()
                    .when(link(SAME_OCCURRENCE, NOTE))
                    .expectException(rejected(BAD_REQUEST, "entryIds must name at least 2 distinct entries, not 0"));
            givenThreeEntries()
                    .when(link(SAME_OCCURRENCE, NOTE, E1, E2, E1))
                    .expectException(rejected(BAD_REQUEST, "entryIds names entry child-a/E1 more than once"));
        }

        @Test
        void theNoteIsNonBlankAndAtMost10000Characters() {
            givenThreeEntries()
                    .when(link(SAME_OCCURRENCE, " ", E1, E2))
                    .expectNoEvents()
                    .expectException(rejected(BAD_REQUEST, "note must not be blank"));
            givenThreeEntries()
                    .when(link(SAME_OCCURRENCE, "n".repeat(10_001), E1, E2))
                    .expectException(rejected(BAD_REQUEST, "note must be at most 10000 characters, not 10001"));
            givenThreeEntries()
                    .when(link(SAME_OCCURRENCE, "\uD83D\uDE00".repeat(10_000), E1, E2), REVIEWER.toMetaData())
                    .expectEvents(linked(SAME_OCCURRENCE, "\uD83D\uDE00".repeat(10_000), E1, E2));
        }

        @Test
        void theIdAndKindAreRequired() {
            givenThreeEntries()
                    .when(new LinkEntries(CHILD, "", SAME_OCCURRENCE, List.of(E1, E2), NOTE))
                    .expectException(rejected(BAD_REQUEST, "id must not be blank"));
            givenThreeEntries()
                    .when(new LinkEntries(CHILD, "link-1", null, List.of(E1, E2), NOTE))
                    .expectException(rejected(BAD_REQUEST, "kind is missing"));
        }

        @Test
        void anUnknownEntryOrAnEntryOfAnotherChildIsNotFound() {
            givenThreeEntries()
                    .when(link(SAME_OCCURRENCE, NOTE, E1, "child-a/E9"))
                    .expectNoEvents()
                    .expectException(rejected(NOT_FOUND, "entry child-a/E9 does not exist"));
            givenThreeEntries()
                    .when(link(SAME_OCCURRENCE, NOTE, E1, "child-b/E1"))
                    .expectException(rejected(NOT_FOUND, "entry child-b/E1 is not an entry of child child-a"));
            givenThreeEntries()
                    .when(link(SAME_OCCURRENCE, NOTE, E1, "E2"))
                    .expectException(rejected(NOT_FOUND, "entry E2 does not exist"));
        }

        @Test
        void anUnknownChildIsNotFound() {
            fixture.givenNoPriorActivity()
                    .when(link(SAME_OCCURRENCE, NOTE, E1, E2))
                    .expectException(AggregateNotFoundException.class);
        }
    }

    @Nested
    class Snapshot {

        final ObjectMapper springLikeMapper = Jackson2ObjectMapperBuilder.json().build();
        final JacksonSerializer serializer = JacksonSerializer.builder().objectMapper(springLikeMapper).build();

        @Test
        void theCaseSurvivesAJsonRoundTrip() {
            given(recorded(),
                    recorded(E2, entry -> {
                        entry.sourceRef = "HV-7";
                        entry.agencyId = HEALTH;
                        entry.professional = null;
                        entry.personIds = List.of(MOTHER, PARTNER);
                        entry.inMarch2007();
                    }),
                    new EntryCorrected(CHILD, E1, POLICE, 2, EntryKind.CONTACT, OCCURRED, EXACT, KNOWN, "v2",
                            Significance.ROUTINE, "typo"),
                    shared("child-a/S1", POLICE, SCHOOL, KNOWN, "MARAC-1", E1),
                    new EntryRetracted(CHILD, E2, HEALTH, 2, "recorded in error"),
                    personKnownRecorded("child-a/P1", POLICE, "POL-P-1"),
                    recorded("child-a/E3", EntryDraft::referral),
                    recorded("child-a/E4", EntryDraft::strategyDiscussion),
                    recorded("child-a/E5", EntryDraft::escalation),
                    recorded("child-a/E6", answerTo("child-a/E5")),
                    new EntryCorrected(CHILD, "child-a/E4", POLICE, 2, EntryKind.MULTI_AGENCY_MEETING, OCCURRED,
                            EXACT, KNOWN, "v2", Significance.ROUTINE, "typo", List.of(Concern.NEGLECT), null,
                            List.of(ACTION)),
                    new EntriesLinked(CHILD, "link-1", SAME_OCCURRENCE, List.of("child-a/E3", E1), "one visit",
                            "reviewer-1"))
                    .when(record(entry -> entry.sourceRef = "POL-3"))
                    .expectState(state -> {
                        SerializedObject<String> json = serializer.serialize(state, String.class);
                        ChildCase copy = serializer.deserialize(json);
                        assertThat(copy).usingRecursiveComparison().isEqualTo(state);
                        assertThat(serializer.serialize(copy, String.class).getData()).isEqualTo(json.getData());
                    });
        }

        @Test
        void aSnapshotFromBeforePersonsAndPrecisionsIsReadAsExactWithNoPersons() {
            given(recorded(), shared("child-a/S1", POLICE, SCHOOL, KNOWN, "MARAC-1", E1))
                    .when(record(entry -> entry.sourceRef = "POL-2"))
                    .expectState(state -> {
                        SerializedObject<String> json = serializer.serialize(state, String.class);
                        ObjectNode earlier = readTree(json.getData());
                        earlier.remove(List.of("persons", "personKeys", "links"));
                        earlier.get("entries").forEach(entry -> ((ObjectNode) entry).remove("occurredAtPrecision"));
                        ChildCase copy = serializer.deserialize(
                                new SimpleSerializedObject<>(earlier.toString(), String.class, json.getType()));
                        assertThat(copy).usingRecursiveComparison().isEqualTo(state);
                    });
        }

        @Test
        void aSnapshotFromBeforeThePatternFieldsHasNoneAndItsDigestsStillMatch() {
            given(recorded(), recorded(E2, entry -> {
                entry.sourceRef = "HV-7";
                entry.personIds = List.of(PARTNER, MOTHER);
                entry.inMarch2007();
            }))
                    .when(record(entry -> entry.sourceRef = "POL-3"))
                    .expectState(state -> {
                        SerializedObject<String> json = serializer.serialize(state, String.class);
                        ObjectNode earlier = readTree(json.getData());
                        earlier.get("entries").forEach(entry -> ((ObjectNode) entry).remove(List.of("concerns",
                                "thresholdDecision", "actions", "escalatedTo", "respondsTo")));
                        ChildCase copy = serializer.deserialize(
                                new SimpleSerializedObject<>(earlier.toString(), String.class, json.getType()));
                        assertThat(copy).usingRecursiveComparison().isEqualTo(state);
                        assertThat(earlier.get("entries").get(E1).get("firstSubmission").asText())
                                .isEqualTo(digestAsBeforeThePatternFields(recorded(), null));
                        assertThat(earlier.get("entries").get(E2).get("firstSubmission").asText())
                                .isEqualTo(digestAsBeforeThePatternFields(recorded(E2, entry -> {
                                    entry.personIds = List.of(MOTHER, PARTNER);
                                    entry.inMarch2007();
                                }), "MONTH"));
                    });
        }

        /** The digest of the first submission as the release before the practice patterns computed it. */
        private static String digestAsBeforeThePatternFields(EntryRecorded entry, String precision) {
            List<String> parts = new ArrayList<>(List.of(entry.kind().name(),
                    precision == null ? entry.occurredAt().toString() : entry.occurredAt() + " " + precision,
                    entry.knownAt().toString(), entry.summary(), entry.significance().name(),
                    "+" + entry.professional()));
            parts.addAll(new TreeSet<>(entry.personIds()));
            try {
                MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
                parts.forEach(part -> sha256.update((part.length() + ":" + part).getBytes(StandardCharsets.UTF_8)));
                return HexFormat.of().formatHex(sha256.digest());
            } catch (NoSuchAlgorithmException e) {
                throw new AssertionError(e);
            }
        }

        private ObjectNode readTree(String json) {
            try {
                return (ObjectNode) springLikeMapper.readTree(json);
            } catch (JsonProcessingException e) {
                throw new AssertionError(e);
            }
        }
    }
}
