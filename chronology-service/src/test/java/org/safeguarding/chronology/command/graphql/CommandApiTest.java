package org.safeguarding.chronology.command.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safeguarding.chronology.api.child.ChildIds;
import org.safeguarding.chronology.api.chronology.Concern;
import org.safeguarding.chronology.api.chronology.DatePrecision;
import org.safeguarding.chronology.api.chronology.EntryCorrected;
import org.safeguarding.chronology.api.chronology.EntryRecorded;
import org.safeguarding.chronology.api.chronology.EntryRetracted;
import org.safeguarding.chronology.api.chronology.PlanAction;
import org.safeguarding.chronology.api.chronology.ThresholdDecision;
import org.safeguarding.chronology.api.person.PersonKnownRecorded;
import org.safeguarding.chronology.api.person.PersonRole;
import org.safeguarding.chronology.api.person.Sex;
import org.safeguarding.chronology.api.sharing.InformationShared;
import org.safeguarding.chronology.command.ServiceTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/** The mutations of the public contract over HTTP, against the real event store on an in-memory MongoDB. */
class CommandApiTest extends ServiceTest {

    static final String REGISTER_AGENCY = """
            mutation($input: RegisterAgencyInput!) { registerAgency(input: $input) { id name sector } }""";
    static final String REGISTER_CHILD = """
            mutation($input: RegisterChildInput!) { registerChild(input: $input) { id displayName dateOfBirth } }""";
    static final String RECORD_ENTRY = """
            mutation($input: RecordEntryInput!) { recordEntry(input: $input) { entryId recordedAt duplicate } }""";
    static final String CORRECT_ENTRY = """
            mutation($input: CorrectEntryInput!) { correctEntry(input: $input) { entryId recordedAt duplicate } }""";
    static final String RETRACT_ENTRY = """
            mutation($input: RetractEntryInput!) { retractEntry(input: $input) { entryId recordedAt duplicate } }""";
    static final String RECORD_PERSON_KNOWN = """
            mutation($input: RecordPersonKnownInput!) {
              recordPersonKnown(input: $input) { entryId recordedAt duplicate }
            }""";
    static final String SHARE_INFORMATION = """
            mutation($input: ShareInformationInput!) {
              shareInformation(input: $input) { sharingId recordedAt duplicate }
            }""";
    static final String MARK_KEY_PRACTICE_EPISODE = """
            mutation($input: MarkKeyPracticeEpisodeInput!) {
              markKeyPracticeEpisode(input: $input) {
                keyPracticeEpisodes {
                  entries {
                    id concerns thresholdDecision respondsTo
                    escalatedTo { id name }
                    actions { what owner { id name } dueBy contingency }
                    history { version concerns thresholdDecision }
                  }
                }
              }
            }""";
    static final ParameterizedTypeReference<Map<String, Object>> ENTRY_RESULT = new ParameterizedTypeReference<>() {
    };

    @Autowired
    HttpGraphQlTester graphQl;
    @Autowired
    EventStore eventStore;

    String police;
    String health;
    String child;

    @BeforeEach
    void registerAgenciesAndChild() {
        police = unique("police");
        health = unique("health");
        child = unique("child");
        mutate(REGISTER_AGENCY, Map.of("id", police, "name", "Police 1", "sector", "POLICE"));
        mutate(REGISTER_AGENCY, Map.of("id", health, "name", "Health 1", "sector", "HEALTH"));
        mutate(REGISTER_CHILD, Map.of("id", child, "displayName", "Child A", "dateOfBirth", "2019-03-01"));
    }

    @Test
    void registerAgencyAnswersTheAgencyAndIsIdempotent() {
        Map<String, Object> agency = Map.of("id", police, "name", "Police 1", "sector", "POLICE");
        assertThat(mutate(REGISTER_AGENCY, agency).path("registerAgency").entity(Map.class).get())
                .isEqualTo(agency);
        assertThat(events(police)).isEmpty(); // agencies are not children

        assertError(REGISTER_AGENCY, Map.of("id", police, "name", "Police 2", "sector", "POLICE"),
                "CONFLICT", "agency " + police + " is already registered");
    }

    @Test
    void registerChildAnswersTheChildAndIsIdempotent() {
        Map<String, Object> same = Map.of("id", child, "displayName", "Child A", "dateOfBirth", "2019-03-01");
        mutate(REGISTER_CHILD, same).path("registerChild").entity(Map.class).isEqualTo(same);
        assertThat(events(child)).hasSize(1);

        String another = unique("child");
        mutate(REGISTER_CHILD, Map.of("id", another, "displayName", "Child B"))
                .path("registerChild.dateOfBirth").valueIsNull();
        assertError(REGISTER_CHILD, Map.of("id", child, "displayName", "Child B"), "CONFLICT",
                "child " + child + " is already registered");
    }

    @Test
    void recordEntryAnswersTheStoredEventsTimestamp() {
        Receipt receipt = record(entry(police, "POL-1"));

        assertThat(receipt.id()).isEqualTo(ChildIds.entryId(child, 1));
        assertThat(receipt.duplicate()).isFalse();
        DomainEventMessage<?> stored = events(child).get(1);
        assertThat(stored.getPayload()).isInstanceOf(EntryRecorded.class);
        assertThat(receipt.recordedAt()).isEqualTo(stored.getTimestamp());
    }

    @Test
    void dateTimesWithAnOffsetAreNormalisedToUtc() {
        Map<String, Object> entry = entry(police, "POL-1");
        entry.put("occurredAt", "2024-05-01T10:30:00+01:00");
        entry.put("knownAt", "2024-05-02T10:00:00.123456789-02:00");
        record(entry);

        EntryRecorded recorded = (EntryRecorded) events(child).get(1).getPayload();
        assertThat(recorded.occurredAt()).isEqualTo(Instant.parse("2024-05-01T09:30:00Z"));
        assertThat(recorded.knownAt()).isEqualTo(Instant.parse("2024-05-02T12:00:00.123456789Z"));
    }

    @Test
    void recordEntryWithTheSameKeyAndContentIsADuplicateAndOtherwiseAConflict() {
        Receipt first = record(entry(police, "POL-1"));
        Receipt again = record(entry(police, "POL-1"));

        assertThat(again).isEqualTo(new Receipt(first.id(), first.recordedAt(), true));
        assertThat(events(child)).hasSize(2);

        Map<String, Object> changed = entry(police, "POL-1");
        changed.put("summary", "another summary");
        assertError(RECORD_ENTRY, changed, "CONFLICT", "sourceRef POL-1");
    }

    @Test
    void theSameSourceRefMayBeRecordedForTwoChildren() {
        String sibling = unique("child");
        mutate(REGISTER_CHILD, Map.of("id", sibling, "displayName", "Child B"));
        Map<String, Object> forSibling = entry(police, "POL-1");
        forSibling.put("childId", sibling);

        assertThat(record(entry(police, "POL-1")).id()).isEqualTo(ChildIds.entryId(child, 1));
        assertThat(record(forSibling).id()).isEqualTo(ChildIds.entryId(sibling, 1));
    }

    @Test
    void correctAndRetractAnswerTheStoredEventsTimestamps() {
        String entryId = record(entry(police, "POL-1")).id();

        Receipt corrected = receipt(mutate(CORRECT_ENTRY,
                Map.of("entryId", entryId, "agencyId", police, "summary", "Corrected summary", "reason", "typo")),
                "correctEntry");
        Receipt retracted = receipt(mutate(RETRACT_ENTRY,
                Map.of("entryId", entryId, "agencyId", police, "reason", "recorded in error")), "retractEntry");
        Receipt retractedAgain = receipt(mutate(RETRACT_ENTRY,
                Map.of("entryId", entryId, "agencyId", police, "reason", "recorded in error")), "retractEntry");

        List<? extends DomainEventMessage<?>> events = events(child);
        assertThat(events).hasSize(4);
        assertThat(events.get(2).getPayload()).isInstanceOf(EntryCorrected.class);
        assertThat(corrected).isEqualTo(new Receipt(entryId, events.get(2).getTimestamp(), false));
        assertThat(events.get(3).getPayload()).isInstanceOf(EntryRetracted.class);
        assertThat(retracted).isEqualTo(new Receipt(entryId, events.get(3).getTimestamp(), false));
        assertThat(retractedAgain).isEqualTo(new Receipt(entryId, events.get(3).getTimestamp(), true));
        assertThat(corrected.recordedAt()).isAfter(events.get(1).getTimestamp());
    }

    @Test
    void shareInformationAnswersTheStoredEventsTimestampAndIsIdempotent() {
        String entryId = record(entry(police, "POL-1")).id();
        Map<String, Object> share = Map.of("childId", child, "fromAgencyId", police, "toAgencyId", health,
                "entryIds", List.of(entryId), "sharedAt", "2024-05-03T09:00:00Z", "channel", "MEETING",
                "sourceRef", "MARAC-1");

        Receipt shared = receipt(mutate(SHARE_INFORMATION, share), "shareInformation");
        Receipt again = receipt(mutate(SHARE_INFORMATION, share), "shareInformation");

        DomainEventMessage<?> stored = events(child).get(2);
        assertThat(stored.getPayload()).isInstanceOf(InformationShared.class);
        assertThat(shared).isEqualTo(new Receipt(ChildIds.sharingId(child, 1), stored.getTimestamp(), false));
        assertThat(again).isEqualTo(new Receipt(shared.id(), shared.recordedAt(), true));

        Map<String, Object> tooEarly = new HashMap<>(share);
        tooEarly.put("sourceRef", "MARAC-0");
        tooEarly.put("sharedAt", "2024-05-02T09:59:59Z");
        assertError(SHARE_INFORMATION, tooEarly, "CONFLICT", "did not know entry " + entryId);
    }

    @Test
    void unknownChildAgencyOrEntryIsNotFound() {
        Map<String, Object> forUnknownChild = entry(police, "POL-1");
        forUnknownChild.put("childId", "child-unknown");
        assertError(RECORD_ENTRY, forUnknownChild, "NOT_FOUND", "child child-unknown is not registered");
        assertError(RECORD_ENTRY, entry("agency-unknown", "POL-1"), "NOT_FOUND",
                "agency agency-unknown is not registered");
        assertError(CORRECT_ENTRY, Map.of("entryId", ChildIds.entryId(child, 9), "agencyId", police,
                "summary", "x", "reason", "typo"), "NOT_FOUND", "entry " + child + "/E9 does not exist");
        assertError(RETRACT_ENTRY, Map.of("entryId", "nonsense", "agencyId", police, "reason", "typo"),
                "NOT_FOUND", "entry nonsense does not exist");
        assertError(RETRACT_ENTRY, Map.of("entryId", "child-unknown/E1", "agencyId", police, "reason", "typo"),
                "NOT_FOUND", "entry child-unknown/E1 does not exist");
    }

    @Test
    void anotherAgencyCorrectingIsForbidden() {
        String entryId = record(entry(police, "POL-1")).id();
        assertError(CORRECT_ENTRY, Map.of("entryId", entryId, "agencyId", health, "summary", "x", "reason", "typo"),
                "FORBIDDEN", "may not correct it");
    }

    @Test
    void ruleBreakingMissingOrMalformedFieldsAreABadRequest() {
        Map<String, Object> blankSummary = entry(police, "POL-1");
        blankSummary.put("summary", " ");
        assertError(RECORD_ENTRY, blankSummary, "BAD_REQUEST", "summary must not be blank");
        blankSummary.put("childId", "child-unknown"); // field rules come before existence
        assertError(RECORD_ENTRY, blankSummary, "BAD_REQUEST", "summary must not be blank");

        Map<String, Object> missingSummary = entry(police, "POL-1");
        missingSummary.remove("summary");
        assertError(RECORD_ENTRY, missingSummary, "BAD_REQUEST", "summary");

        Map<String, Object> malformedTime = entry(police, "POL-1");
        malformedTime.put("occurredAt", "yesterday");
        assertError(RECORD_ENTRY, malformedTime, "BAD_REQUEST", "occurredAt");

        Map<String, Object> noOffset = entry(police, "POL-1");
        noOffset.put("knownAt", "2024-05-02T10:00:00");
        assertError(RECORD_ENTRY, noOffset, "BAD_REQUEST", "knownAt");

        Map<String, Object> wrongEnum = entry(police, "POL-1");
        wrongEnum.put("kind", "PICNIC");
        assertError(RECORD_ENTRY, wrongEnum, "BAD_REQUEST", "kind");

        Map<String, Object> future = entry(police, "POL-1");
        future.put("occurredAt", "2999-01-01T00:00:00Z");
        future.put("knownAt", "2999-01-01T00:00:00Z");
        assertError(RECORD_ENTRY, future, "BAD_REQUEST",
                "occurredAt 2999-01-01T00:00:00Z is later than the platform clock");
    }

    @Test
    void aSummaryIsMeasuredInCharactersAsAReaderCountsThem() {
        Map<String, Object> entry = entry(police, "POL-1");
        entry.put("summary", "\uD83D\uDC76".repeat(10_000));
        record(entry);
        assertThat(((EntryRecorded) events(child).get(1).getPayload()).summary()).isEqualTo(entry.get("summary"));

        entry.put("sourceRef", "POL-2");
        entry.put("summary", "\uD83D\uDC76".repeat(10_000) + "!");
        assertError(RECORD_ENTRY, entry, "BAD_REQUEST", "summary must be at most 10000 characters, not 10001");
        assertThat(events(child)).hasSize(2);
    }

    @Test
    void aSourceRefIsAnIdentifierWithoutControlCharacters() {
        Map<String, Object> entry = entry(police, "POL-1\n");
        assertError(RECORD_ENTRY, entry, "BAD_REQUEST",
                "sourceRef must not contain the control character U+000A (line feed) at character 6");
        Map<String, Object> share = Map.of("childId", child, "fromAgencyId", police, "toAgencyId", health,
                "entryIds", List.of(record(entry(police, "POL-2")).id()), "sharedAt", "2024-05-03T09:00:00Z",
                "channel", "MEETING", "sourceRef", "MARAC\t1");
        assertError(SHARE_INFORMATION, share, "BAD_REQUEST", "sourceRef must not contain the control character U+0009");
        assertThat(events(child)).hasSize(2);
    }

    @Test
    void malformedLiteralsInTheDocumentAreABadRequest() {
        String document = """
                mutation { recordEntry(input: {childId: "%s", agencyId: "%s", sourceRef: "POL-1", kind: CONTACT,
                  occurredAt: "not a time", knownAt: "2024-05-02T10:00:00Z", summary: "s", significance: ROUTINE}) {
                  entryId } }""".formatted(child, police);
        graphQl.document(document).execute().errors().satisfy(errors -> assertThat(errors).singleElement()
                .satisfies(error -> {
                    assertThat(error.getExtensions()).containsEntry("classification", "BAD_REQUEST");
                    assertThat(error.getMessage()).contains("occurredAt");
                }));
    }

    @Test
    void recordEntryNamesPersonsAndAnImpreciseOccurredAt() {
        Map<String, Object> entry = entry(police, "POL-1");
        entry.put("occurredAt", "2007-03-01T00:00:00Z");
        entry.put("occurredAtPrecision", "MONTH");
        entry.put("personIds", List.of("person-male-adult-1", "person-mother", "person-male-adult-1"));
        Receipt first = record(entry);

        EntryRecorded recorded = (EntryRecorded) events(child).get(1).getPayload();
        assertThat(recorded.occurredAtPrecision()).isEqualTo(DatePrecision.MONTH);
        assertThat(recorded.personIds()).containsExactly("person-male-adult-1", "person-mother");

        entry.put("personIds", List.of("person-mother", "person-male-adult-1"));
        assertThat(record(entry)).isEqualTo(new Receipt(first.id(), first.recordedAt(), true));
        entry.remove("occurredAtPrecision"); // EXACT
        assertError(RECORD_ENTRY, entry, "CONFLICT", "sourceRef POL-1");
    }

    @Test
    void anEntryWithoutPrecisionOrPersonsIsExactAndNamesNobody() {
        record(entry(police, "POL-1"));

        EntryRecorded recorded = (EntryRecorded) events(child).get(1).getPayload();
        assertThat(recorded.occurredAtPrecision()).isEqualTo(DatePrecision.EXACT);
        assertThat(recorded.personIds()).isEmpty();
    }

    @Test
    void anImpreciseOccurredAtOtherThanTheStartOfItsPeriodIsABadRequest() {
        Map<String, Object> entry = entry(police, "POL-1");
        entry.put("occurredAt", "2007-03-14T09:30:00Z");
        entry.put("occurredAtPrecision", "MONTH");
        assertError(RECORD_ENTRY, entry, "BAD_REQUEST", "occurredAt 2007-03-14T09:30:00Z is not the start of a "
                + "MONTH: give 2007-03-01T00:00:00Z with occurredAtPrecision MONTH");

        String entryId = record(entry(police, "POL-1")).id();
        assertError(CORRECT_ENTRY, Map.of("entryId", entryId, "agencyId", police, "occurredAtPrecision", "DAY",
                "reason", "only the day is known"), "BAD_REQUEST", "is not the start of a DAY");
    }

    @Test
    void correctEntryMayGiveOnlyAPrecision() {
        Map<String, Object> entry = entry(police, "POL-1");
        entry.put("occurredAt", "2024-05-01T00:00:00Z");
        String entryId = record(entry).id();

        Receipt corrected = receipt(mutate(CORRECT_ENTRY, Map.of("entryId", entryId, "agencyId", police,
                "occurredAtPrecision", "DAY", "reason", "only the day is known")), "correctEntry");

        EntryCorrected stored = (EntryCorrected) events(child).get(2).getPayload();
        assertThat(stored.occurredAtPrecision()).isEqualTo(DatePrecision.DAY);
        assertThat(corrected).isEqualTo(new Receipt(entryId, events(child).get(2).getTimestamp(), false));
    }

    @Test
    void recordPersonKnownAnswersTheStoredEventsTimestampAndIsIdempotent() {
        Map<String, Object> person = person(police, "POL-P-1");
        Receipt first = receipt(mutate(RECORD_PERSON_KNOWN, person), "recordPersonKnown");

        DomainEventMessage<?> stored = events(child).get(1);
        assertThat(stored.getPayload()).isEqualTo(new PersonKnownRecorded(child, ChildIds.personRecordId(child, 1),
                police, "person-male-adult-1", PersonRole.PARENTS_PARTNER, Sex.MALE, false,
                Instant.parse("2024-05-02T10:00:00Z"), "POL-P-1"));
        assertThat(first).isEqualTo(new Receipt(ChildIds.personRecordId(child, 1), stored.getTimestamp(), false));

        Receipt again = receipt(mutate(RECORD_PERSON_KNOWN, person), "recordPersonKnown");
        assertThat(again).isEqualTo(new Receipt(first.id(), first.recordedAt(), true));
        assertThat(events(child)).hasSize(2);

        person.put("livesWithChild", true);
        assertError(RECORD_PERSON_KNOWN, person, "CONFLICT", "sourceRef POL-P-1 of agency " + police);
        // the key space of entries is another one
        assertThat(record(entry(police, "POL-P-1")).id()).isEqualTo(ChildIds.entryId(child, 1));
    }

    @Test
    void recordPersonKnownRejectsALaterKnownAtAnUnknownAgencyOrChild() {
        Map<String, Object> future = person(police, "POL-P-1");
        future.put("knownAt", "2999-01-01T00:00:00Z");
        assertError(RECORD_PERSON_KNOWN, future, "BAD_REQUEST",
                "knownAt 2999-01-01T00:00:00Z is later than the platform clock");

        assertError(RECORD_PERSON_KNOWN, person("agency-unknown", "X-1"), "NOT_FOUND",
                "agency agency-unknown is not registered");

        Map<String, Object> forUnknownChild = person(police, "POL-P-1");
        forUnknownChild.put("childId", "child-unknown");
        assertError(RECORD_PERSON_KNOWN, forUnknownChild, "NOT_FOUND", "child child-unknown is not registered");
        assertThat(events(child)).hasSize(1);
    }

    @Test
    void recordEntryTakesEveryFieldOfThePracticePatternsAndAReviewAnswersThem() {
        String socialCare = registerSocialCare();
        String escalation = record(escalation("POL-ESC-1")).id();
        String discussion = record(strategyDiscussion("POL-SD-1", " ")).id();
        String referral = record(referral(socialCare)).id();
        String answer = record(answer("HV-ANS-1", escalation)).id();

        List<EntryRecorded> stored = events(child).stream().skip(1).map(event -> (EntryRecorded) event.getPayload())
                .toList();
        assertThat(stored).extracting(EntryRecorded::escalatedTo).containsExactly(health, null, null, null);
        assertThat(stored.get(0).concerns()).containsExactly(Concern.DOMESTIC_ABUSE);
        assertThat(stored.get(1).actions()).containsExactly(
                new PlanAction("Health Visitor 1 to see Child A at home", health, LocalDate.parse("2024-05-15"), null),
                new PlanAction("Police Officer 2 to share the call-out log", null, null,
                        "Strategy discussion reconvened"));
        assertThat(stored.get(2).concerns()).containsExactly(Concern.DOMESTIC_ABUSE, Concern.PARENTAL_MENTAL_HEALTH);
        assertThat(stored.get(2).thresholdDecision()).isEqualTo(ThresholdDecision.EARLY_HELP);
        assertThat(stored).extracting(EntryRecorded::respondsTo).containsExactly(null, null, null, escalation);

        mutate(CORRECT_ENTRY, Map.of("entryId", referral, "agencyId", socialCare, "concerns", List.of("NEGLECT"),
                "reason", "neglect was the concern as well"));
        assertThat(events(child).get(5).getPayload()).isInstanceOfSatisfying(EntryCorrected.class, corrected -> {
            assertThat(corrected.concerns()).containsExactly(Concern.NEGLECT);
            assertThat(corrected.thresholdDecision()).isEqualTo(ThresholdDecision.EARLY_HELP);
        });

        String entries = "markKeyPracticeEpisode.keyPracticeEpisodes[0].entries";
        markKeyPracticeEpisode(escalation, discussion, referral, answer)
                .path(entries + "[0].escalatedTo").entity(Map.class).isEqualTo(Map.of("id", health, "name", "Health 1"))
                .path(entries + "[0].concerns").entityList(String.class).containsExactly("DOMESTIC_ABUSE")
                .path(entries + "[0].actions").entityList(Object.class).hasSize(0)
                .path(entries + "[1].escalatedTo").valueIsNull()
                .path(entries + "[1].actions[*].what").entityList(String.class).containsExactly(
                        "Health Visitor 1 to see Child A at home", "Police Officer 2 to share the call-out log")
                .path(entries + "[1].actions[0].owner").entity(Map.class)
                .isEqualTo(Map.of("id", health, "name", "Health 1"))
                .path(entries + "[1].actions[0].dueBy").entity(String.class).isEqualTo("2024-05-15")
                .path(entries + "[1].actions[0].contingency").valueIsNull()
                .path(entries + "[1].actions[1].owner").valueIsNull()
                .path(entries + "[1].actions[1].contingency").entity(String.class)
                .isEqualTo("Strategy discussion reconvened")
                .path(entries + "[2].thresholdDecision").entity(String.class).isEqualTo("EARLY_HELP")
                .path(entries + "[2].concerns").entityList(String.class).containsExactly("NEGLECT")
                .path(entries + "[2].history[0].concerns").entityList(String.class)
                .containsExactly("DOMESTIC_ABUSE", "PARENTAL_MENTAL_HEALTH")
                .path(entries + "[2].history[1].thresholdDecision").entity(String.class).isEqualTo("EARLY_HELP")
                .path(entries + "[3].respondsTo").entity(String.class).isEqualTo(escalation);
    }

    @Test
    void theRulesOfThePracticePatternsFieldsAnswerEachClassification() {
        String socialCare = registerSocialCare();
        Map<String, Object> decidedHomeVisit = referral(socialCare);
        decidedHomeVisit.put("kind", "HOME_VISIT");
        assertError(RECORD_ENTRY, decidedHomeVisit, "BAD_REQUEST",
                "thresholdDecision is only for a REFERRAL, not a HOME_VISIT");
        Map<String, Object> blankWhat = strategyDiscussion("POL-SD-1", null);
        blankWhat.put("actions", List.of(Map.of("what", " ")));
        assertError(RECORD_ENTRY, blankWhat, "BAD_REQUEST", "actions[0].what must not be blank");

        Map<String, Object> toNoAgency = escalation("POL-ESC-1");
        toNoAgency.put("escalatedTo", "agency-unknown");
        assertError(RECORD_ENTRY, toNoAgency, "NOT_FOUND",
                "escalatedTo names agency agency-unknown, which is not registered");
        assertError(RECORD_ENTRY, answer("HV-ANS-1", ChildIds.entryId(child, 9)), "NOT_FOUND",
                "entry " + ChildIds.entryId(child, 9) + " does not exist");

        String discussion = record(strategyDiscussion("POL-SD-1", null)).id();
        assertError(RECORD_ENTRY, strategyDiscussion("POL-SD-1", "Reconvene the strategy discussion"), "CONFLICT",
                "sourceRef POL-SD-1 of agency " + police);
        assertError(CORRECT_ENTRY, Map.of("entryId", discussion, "agencyId", health, "concerns", List.of("NEGLECT"),
                "reason", "typo"), "FORBIDDEN", "may not correct it");
        assertError(CORRECT_ENTRY, Map.of("entryId", discussion, "agencyId", police, "concerns", List.of(),
                "actions", List.of(), "reason", "nothing"), "BAD_REQUEST", "a correction must give at least one of");
        assertError(CORRECT_ENTRY, Map.of("entryId", discussion, "agencyId", police, "kind", "HOME_VISIT",
                "reason", "wrong kind"), "BAD_REQUEST", "actions are only for a STRATEGY_DISCUSSION");
        assertThat(events(child)).hasSize(2);
    }

    @Test
    void recordEntriesRefusesAnItemThatBreaksARuleOfThePracticePatternsAndAppliesTheOthers() {
        Map<String, Object> decidedHomeVisit = referral(registerSocialCare());
        decidedHomeVisit.put("kind", "HOME_VISIT");
        List<Map<String, Object>> batch = List.of(
                escalation("POL-ESC-1"),                            // 0 accepted: entry 1
                decidedHomeVisit,                                   // 1 BAD_REQUEST
                answer("HV-ANS-1", ChildIds.entryId(child, 1)));    // 2 accepted: answers item 0

        List<Map<String, Object>> results = mutate(RecordEntriesTest.RECORD_ENTRIES, batch)
                .path("recordEntries").entityList(ENTRY_RESULT).get();

        assertThat(results.get(0).get("error")).isNull();
        assertThat(results.get(1).get("receipt")).isNull();
        assertThat(results.get(1).get("error")).isEqualTo(Map.of("classification", "BAD_REQUEST",
                "message", "thresholdDecision is only for a REFERRAL, not a HOME_VISIT"));
        assertThat(results.get(2).get("error")).isNull();
        assertThat(events(child)).hasSize(3);
        assertThat(((EntryRecorded) events(child).get(2).getPayload()).respondsTo())
                .isEqualTo(ChildIds.entryId(child, 1));
    }

    @Test
    void theEventStoreHeadGrowsWithEveryEvent() {
        double before = graphQl.document("{ eventStore { headSequence } }").execute()
                .path("eventStore.headSequence").entity(Double.class).get();
        record(entry(police, "POL-1"));
        double after = graphQl.document("{ eventStore { headSequence } }").execute()
                .path("eventStore.headSequence").entity(Double.class).get();
        assertThat(after).isGreaterThan(before).isGreaterThanOrEqualTo(4);
    }

    private Map<String, Object> entry(String agencyId, String sourceRef) {
        return EntryInputs.entry(child, agencyId, sourceRef);
    }

    private String registerSocialCare() {
        String socialCare = unique("social-care");
        mutate(REGISTER_AGENCY, Map.of("id", socialCare, "name", "Children's Social Care 1",
                "sector", "CHILDRENS_SOCIAL_CARE"));
        return socialCare;
    }

    /** Police challenge health's response to the call-out. */
    private Map<String, Object> escalation(String sourceRef) {
        Map<String, Object> entry = entry(police, sourceRef);
        entry.put("kind", "ESCALATION");
        entry.put("summary", "Police Officer 2 challenged the health visiting response to the call-out");
        entry.put("concerns", List.of("DOMESTIC_ABUSE", "DOMESTIC_ABUSE"));
        entry.put("escalatedTo", health);
        return entry;
    }

    /** Two actions: health's, with the given contingency, and one that nobody owns. */
    private Map<String, Object> strategyDiscussion(String sourceRef, String firstContingency) {
        Map<String, Object> entry = entry(police, sourceRef);
        entry.put("kind", "STRATEGY_DISCUSSION");
        entry.put("summary", "Strategy discussion about Child A");
        Map<String, Object> first = new HashMap<>(Map.of("what", "Health Visitor 1 to see Child A at home",
                "ownerAgencyId", health, "dueBy", "2024-05-15"));
        first.put("contingency", firstContingency);
        entry.put("actions", List.of(first, Map.of("what", "Police Officer 2 to share the call-out log",
                "contingency", "Strategy discussion reconvened")));
        return entry;
    }

    private Map<String, Object> referral(String socialCare) {
        Map<String, Object> entry = entry(socialCare, "CSC-REF-1");
        entry.put("kind", "REFERRAL");
        entry.put("summary", "Referral from the police after a domestic abuse call-out");
        entry.put("professional", "Social Worker 1");
        entry.put("concerns", List.of("PARENTAL_MENTAL_HEALTH", "DOMESTIC_ABUSE"));
        entry.put("thresholdDecision", "EARLY_HELP");
        return entry;
    }

    /** Health's reply to an escalation. */
    private Map<String, Object> answer(String sourceRef, String escalationId) {
        Map<String, Object> entry = entry(health, sourceRef);
        entry.put("kind", "CONTACT");
        entry.put("summary", "Health Visitor 1 replied to the police escalation in writing");
        entry.put("professional", "Health Visitor 1");
        entry.put("respondsTo", escalationId);
        return entry;
    }

    /** A review of the child marks the entries as one episode: its answer shows them as commands see them. */
    private GraphQlTester.Response markKeyPracticeEpisode(String... entryIds) {
        String chair = unique("chair");
        mutate("mutation($input: CreateUserInput!) { createUser(input: $input) { username } }", Map.of(
                "username", chair, "password", "chair-password-of-the-test", "role", "CHAIR"));
        String review = unique("review");
        mutate("mutation($input: CommissionReviewInput!) { commissionReview(input: $input) { id } }", Map.of(
                "id", review, "type", "RAPID_REVIEW", "childIds", List.of(child), "scopeFrom", "2024-01-01",
                "scopeTo", "2024-05-31", "chair", chair, "commissionedAt", "2024-06-03T09:00:00Z"));
        return mutate(MARK_KEY_PRACTICE_EPISODE, Map.of("reviewId", review, "id", "KPE-1",
                "title", "The escalation about the call-out", "entryIds", List.of(entryIds),
                "analysis", "Health answered the escalation."));
    }

    private Map<String, Object> person(String agencyId, String sourceRef) {
        Map<String, Object> person = new HashMap<>();
        person.put("childId", child);
        person.put("agencyId", agencyId);
        person.put("personId", "person-male-adult-1");
        person.put("role", "PARENTS_PARTNER");
        person.put("sex", "MALE");
        person.put("livesWithChild", false);
        person.put("knownAt", "2024-05-02T10:00:00Z");
        person.put("sourceRef", sourceRef);
        return person;
    }

    private Receipt record(Map<String, Object> entry) {
        return receipt(mutate(RECORD_ENTRY, entry), "recordEntry");
    }

    private GraphQlTester.Response mutate(String document, Object input) {
        GraphQlTester.Response response = graphQl.document(document).variable("input", input).execute();
        response.errors().verify();
        return response;
    }

    private void assertError(String document, Map<String, Object> input, String classification, String message) {
        graphQl.document(document).variable("input", input).execute().errors().satisfy(errors ->
                assertThat(errors).singleElement().satisfies(error -> {
                    assertThat(error.getExtensions()).containsEntry("classification", classification);
                    assertThat(error.getMessage()).contains(message);
                }));
    }

    private static Receipt receipt(GraphQlTester.Response response, String field) {
        Map<?, ?> receipt = response.path(field).entity(Map.class).get();
        Object id = receipt.containsKey("entryId") ? receipt.get("entryId") : receipt.get("sharingId");
        return new Receipt((String) id, Instant.parse((String) receipt.get("recordedAt")),
                (Boolean) receipt.get("duplicate"));
    }

    private List<? extends DomainEventMessage<?>> events(String childId) {
        return eventStore.readEvents(ChildIds.aggregateId(childId)).asStream().toList();
    }

    record Receipt(String id, Instant recordedAt, boolean duplicate) {
    }
}
