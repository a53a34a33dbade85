package org.safeguarding.chronology.query.patterns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.safeguarding.chronology.api.chronology.EntryKind.CHILD_PROTECTION_CONFERENCE;
import static org.safeguarding.chronology.api.chronology.EntryKind.CHILD_PROTECTION_PLAN_ENDED;
import static org.safeguarding.chronology.api.chronology.EntryKind.CHILD_PROTECTION_PLAN_STARTED;
import static org.safeguarding.chronology.api.chronology.EntryKind.CHILD_SEEN;
import static org.safeguarding.chronology.api.chronology.EntryKind.CONCERN_RAISED;
import static org.safeguarding.chronology.api.chronology.EntryKind.CONTACT;
import static org.safeguarding.chronology.api.chronology.EntryKind.DOMESTIC_ABUSE_INCIDENT;
import static org.safeguarding.chronology.api.chronology.EntryKind.ESCALATION;
import static org.safeguarding.chronology.api.chronology.EntryKind.INVOLVEMENT_STARTED;
import static org.safeguarding.chronology.api.chronology.EntryKind.REFERRAL;
import static org.safeguarding.chronology.api.chronology.EntryKind.SECTION_47_ENQUIRY;
import static org.safeguarding.chronology.api.chronology.EntryKind.STRATEGY_DISCUSSION;
import static org.safeguarding.chronology.api.patterns.PatternKind.CHILD_NOT_SEEN_ON_PLAN;
import static org.safeguarding.chronology.api.patterns.PatternKind.CONFERENCE_LATE;
import static org.safeguarding.chronology.api.patterns.PatternKind.DECISION_WITHOUT_KNOWN_INFORMATION;
import static org.safeguarding.chronology.api.patterns.PatternKind.DOMESTIC_ABUSE_BABY_NO_ENQUIRY;
import static org.safeguarding.chronology.api.patterns.PatternKind.ESCALATION_UNANSWERED;
import static org.safeguarding.chronology.api.patterns.PatternKind.INCONSISTENT_THRESHOLD;
import static org.safeguarding.chronology.api.patterns.PatternKind.PLAN_ACTION_INCOMPLETE;
import static org.safeguarding.chronology.api.patterns.PatternKind.UNSEEN_MAN;
import static org.safeguarding.chronology.api.patterns.PatternKind.VERBAL_SHARE_NOT_IN_WRITING;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.safeguarding.chronology.api.calendar.WorkingDays;
import org.safeguarding.chronology.api.child.ChildIds;
import org.safeguarding.chronology.api.child.ChildRegistered;
import org.safeguarding.chronology.api.chronology.ChronologyEntryView;
import org.safeguarding.chronology.api.chronology.ChronologyEntryView.Knowledge;
import org.safeguarding.chronology.api.chronology.ChronologyEntryView.Version;
import org.safeguarding.chronology.api.chronology.Concern;
import org.safeguarding.chronology.api.chronology.DatePrecision;
import org.safeguarding.chronology.api.chronology.EntryCorrected;
import org.safeguarding.chronology.api.chronology.EntryKind;
import org.safeguarding.chronology.api.chronology.EntryRecorded;
import org.safeguarding.chronology.api.chronology.EntryRetracted;
import org.safeguarding.chronology.api.chronology.KnowledgeSource;
import org.safeguarding.chronology.api.chronology.PlanAction;
import org.safeguarding.chronology.api.chronology.Significance;
import org.safeguarding.chronology.api.chronology.ThresholdDecision;
import org.safeguarding.chronology.api.patterns.FindPracticePatterns;
import org.safeguarding.chronology.query.chronology.Story;
import org.safeguarding.chronology.api.patterns.PatternKind;
import org.safeguarding.chronology.api.patterns.PlanActionPart;
import org.safeguarding.chronology.api.patterns.PracticePatternView;
import org.safeguarding.chronology.api.patterns.PracticePatternView.Key;
import org.safeguarding.chronology.api.person.PersonKnownRecorded;
import org.safeguarding.chronology.api.person.PersonRole;
import org.safeguarding.chronology.api.person.Sex;
import org.safeguarding.chronology.api.sharing.InformationShared;
import org.safeguarding.chronology.api.sharing.SharingChannel;
import org.safeguarding.chronology.query.casestate.LiteralReplay;

/** The contract's practice-pattern rules 1 to 9, one at a time, over hand-built events of Child A. */
class LiteralPatternsTest {

    private static final String CHILD = "child-a";
    private static final String POLICE = "police";
    private static final String HEALTH = "health";
    private static final String SOCIAL_CARE = "social-care";
    private static final String SCHOOL = "school";

    /** The record as it stands "now": after everything these tests record. */
    private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");
    private static final Duration MICROSECOND = Duration.of(1, ChronoUnit.MICROS);
    private static final Duration DAY = Duration.ofHours(24);

    private final List<LiteralReplay.Recorded> events = new ArrayList<>();
    private final Map<String, EntryCorrected> current = new HashMap<>();
    private final Map<String, Integer> versions = new HashMap<>();
    private Instant recording = Instant.parse("2029-01-01T00:00:00Z");
    private int entries;
    private int sharings;
    private int personRecords;

    /** A wall-clock time in Europe/London. */
    private static Instant london(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(WorkingDays.LONDON).toInstant();
    }

    /** The platform's next recording instant, after everything happened; the last one is {@link #recording}. */
    private Instant nextRecording() {
        recording = recording.plusSeconds(1);
        return recording;
    }

    private void add(Object payload, Instant recordedAt) {
        events.add(new LiteralReplay.Recorded(payload, recordedAt));
    }

    private void born(String dateOfBirth) {
        add(new ChildRegistered(CHILD, "Child A", dateOfBirth == null ? null : LocalDate.parse(dateOfBirth)),
                nextRecording());
    }

    private Draft entry(String agency, EntryKind kind, Instant occurredAt) {
        return new Draft(agency, kind, occurredAt);
    }

    private String record(String agency, EntryKind kind, Instant occurredAt) {
        return entry(agency, kind, occurredAt).record();
    }

    /** An entry to be recorded: known when it occurred, routine, with none of the pattern fields unless set. */
    private final class Draft {
        final String agency;
        final EntryKind kind;
        final Instant occurredAt;
        Instant knownAt;
        Significance significance = Significance.ROUTINE;
        List<Concern> concerns = List.of();
        ThresholdDecision decision;
        List<PlanAction> actions = List.of();
        String escalatedTo;
        String respondsTo;
        String professional;

        Draft(String agency, EntryKind kind, Instant occurredAt) {
            this.agency = agency;
            this.kind = kind;
            this.occurredAt = occurredAt;
            this.knownAt = occurredAt;
        }

        Draft known(Instant instant) {
            knownAt = instant;
            return this;
        }

        Draft significant() {
            significance = Significance.SIGNIFICANT;
            return this;
        }

        Draft critical() {
            significance = Significance.CRITICAL;
            return this;
        }

        Draft concerns(Concern... values) {
            concerns = List.of(values);
            return this;
        }

        Draft decided(ThresholdDecision value) {
            decision = value;
            return this;
        }

        Draft actions(PlanAction... values) {
            actions = List.of(values);
            return this;
        }

        Draft escalatedTo(String agencyId) {
            escalatedTo = agencyId;
            return this;
        }

        Draft respondsTo(String entryId) {
            respondsTo = entryId;
            return this;
        }

        Draft by(String name) {
            professional = name;
            return this;
        }

        String record() {
            String entryId = ChildIds.entryId(CHILD, ++entries);
            String summary = kind.name().toLowerCase().replace('_', ' ') + " about Child A";
            add(new EntryRecorded(CHILD, entryId, agency, "REF-" + entries, kind, occurredAt, DatePrecision.EXACT,
                    knownAt, summary, significance, professional, List.of(), concerns, decision, actions,
                    escalatedTo, respondsTo), nextRecording());
            versions.put(entryId, 1);
            current.put(entryId, new EntryCorrected(CHILD, entryId, agency, 1, kind, occurredAt, DatePrecision.EXACT,
                    knownAt, summary, significance, null, concerns, decision, actions));
            return entryId;
        }
    }

    /** The next version of an entry: every field left unset keeps its value. */
    private Correction correct(String entryId) {
        return new Correction(current.get(entryId));
    }

    private final class Correction {
        final EntryCorrected was;
        String summary;
        List<PlanAction> actions;
        ThresholdDecision decision;

        Correction(EntryCorrected was) {
            this.was = was;
            summary = was.summary();
            actions = was.actions();
            decision = was.thresholdDecision();
        }

        Correction summary(String value) {
            summary = value;
            return this;
        }

        Correction actions(PlanAction... values) {
            actions = List.of(values);
            return this;
        }

        Correction decided(ThresholdDecision value) {
            decision = value;
            return this;
        }

        void record() {
            int version = versions.merge(was.entryId(), 1, Integer::sum);
            EntryCorrected now = new EntryCorrected(CHILD, was.entryId(), was.agencyId(), version, was.kind(),
                    was.occurredAt(), was.occurredAtPrecision(), was.knownAt(), summary, was.significance(),
                    "corrected by the agency", was.concerns(), decision, actions);
            current.put(was.entryId(), now);
            add(now, nextRecording());
        }
    }

    private void retract(String entryId) {
        add(new EntryRetracted(CHILD, entryId, current.get(entryId).agencyId(),
                versions.merge(entryId, 1, Integer::sum), "recorded on the wrong child"), nextRecording());
    }

    private void share(String from, String to, Instant sharedAt, SharingChannel channel, String... entryIds) {
        add(new InformationShared(CHILD, ChildIds.sharingId(CHILD, ++sharings), from, to, List.of(entryIds), sharedAt,
                channel, "SHARE-" + sharings), nextRecording());
    }

    private void know(String agency, String personId, PersonRole role, Sex sex, Instant knownAt) {
        add(new PersonKnownRecorded(CHILD, ChildIds.personRecordId(CHILD, ++personRecords), agency, personId, role,
                sex, true, knownAt, "PERSON-" + personRecords), nextRecording());
    }

    /**
     * The literal fold's answer, once the same events projected into the read models gave the same answer there:
     * every boundary below holds for both.
     */
    private List<PracticePatternView> patterns(Instant at, Instant recordedAsOf) {
        List<PracticePatternView> literal = LiteralPatterns.practicePatterns(events, at, recordedAsOf).patterns();
        assertThat(PracticePatternQueries.differences(fromTheReadModels(at, recordedAsOf), literal))
                .as("practicePatterns from the read models against the literal fold, at " + at).isEmpty();
        return literal;
    }

    private List<PracticePatternView> fromTheReadModels(Instant at, Instant recordedAsOf) {
        PatternsFixture readModels = new PatternsFixture(null);
        java.util.Set<String> agencies = new java.util.TreeSet<>();
        List<Story.Event> stream = new ArrayList<>();
        Map<String, Long> sequences = new HashMap<>();
        if (events.stream().noneMatch(event -> event.payload() instanceof ChildRegistered)) {
            stream.add(new Story.Event(new ChildRegistered(CHILD, "Child A", null), recording, 0));
        }
        for (LiteralReplay.Recorded event : events) {
            if (event.payload() instanceof EntryRecorded entry) {
                agencies.add(entry.agencyId());
                if (entry.escalatedTo() != null) {
                    agencies.add(entry.escalatedTo());
                }
            } else if (event.payload() instanceof InformationShared share) {
                agencies.add(share.fromAgencyId());
                agencies.add(share.toAgencyId());
            } else if (event.payload() instanceof PersonKnownRecorded person) {
                agencies.add(person.agencyId());
            }
            Story.Event recorded = new Story.Event(event.payload(), event.recordedAt(), 0);
            stream.add(new Story.Event(event.payload(), event.recordedAt(),
                    sequences.merge(recorded.childId(), 1L, Long::sum)));
        }
        readModels.register(List.copyOf(agencies));
        readModels.project(stream);
        return readModels.patterns.handle(new FindPracticePatterns(CHILD, at,
                recordedAsOf.equals(NOW) ? null : recordedAsOf, false)).patterns();
    }

    /** The patterns of the kind that hold at T, as the record stands now. */
    private List<Key> found(PatternKind kind, Instant at) {
        return found(kind, at, NOW);
    }

    private List<Key> found(PatternKind kind, Instant at, Instant recordedAsOf) {
        return patterns(at, recordedAsOf).stream().filter(pattern -> pattern.kind() == kind)
                .map(PracticePatternView::key).toList();
    }

    private static Key key(PatternKind kind, Instant since, List<String> agencies, String... entryIds) {
        return new Key(kind, since, agencies, List.of(entryIds), null, null, List.of());
    }

    private static PlanAction action(String what, String owner, String dueBy, String contingency) {
        return new PlanAction(what, owner, dueBy == null ? null : LocalDate.parse(dueBy), contingency);
    }

    @Nested
    class Rule1DomesticAbuseBabyNoEnquiry {

        private final Instant incidentAt = london("2019-06-10T22:00");
        private final Instant sevenDaysOn = london("2019-06-17T22:00");

        @Test
        void holdsSevenDaysAfterAnIncidentInTheBabysFirstYear() {
            born("2019-06-01");
            String incident = entry(POLICE, DOMESTIC_ABUSE_INCIDENT, incidentAt).by("Police Officer 2").record();

            assertThat(found(DOMESTIC_ABUSE_BABY_NO_ENQUIRY, sevenDaysOn))
                    .containsExactly(key(DOMESTIC_ABUSE_BABY_NO_ENQUIRY, sevenDaysOn, List.of(POLICE), incident));
            assertThat(found(DOMESTIC_ABUSE_BABY_NO_ENQUIRY, sevenDaysOn.minus(MICROSECOND))).isEmpty();
        }

        @Test
        void sevenDaysAreSevenTimesTwentyFourHoursAcrossTheClockChange() {
            born("2019-09-01");
            Instant beforeTheChange = london("2019-10-25T12:00");
            String incident = record(POLICE, DOMESTIC_ABUSE_INCIDENT, beforeTheChange);

            Instant since = Instant.parse("2019-11-01T11:00:00Z");
            assertThat(found(DOMESTIC_ABUSE_BABY_NO_ENQUIRY, NOW))
                    .containsExactly(key(DOMESTIC_ABUSE_BABY_NO_ENQUIRY, since, List.of(POLICE), incident));
        }

        @Test
        void aStrategyDiscussionExactlySevenDaysOnIsInTime() {
            born("2019-06-01");
            record(POLICE, DOMESTIC_ABUSE_INCIDENT, incidentAt);
            record(SOCIAL_CARE, STRATEGY_DISCUSSION, sevenDaysOn);

            assertThat(found(DOMESTIC_ABUSE_BABY_NO_ENQUIRY, sevenDaysOn)).isEmpty();
            assertThat(found(DOMESTIC_ABUSE_BABY_NO_ENQUIRY, NOW)).isEmpty();
        }

        @Test
        void aStrategyDiscussionAMicrosecondLateIsNot() {
            born("2019-06-01");
            String incident = record(POLICE, DOMESTIC_ABUSE_INCIDENT, incidentAt);
            record(SOCIAL_CARE, STRATEGY_DISCUSSION, sevenDaysOn.plus(MICROSECOND));

            assertThat(found(DOMESTIC_ABUSE_BABY_NO_ENQUIRY, NOW))
                    .containsExactly(key(DOMESTIC_ABUSE_BABY_NO_ENQUIRY, sevenDaysOn, List.of(POLICE), incident));
        }

        @Test
        void anEnquiryAtTheIncidentItselfIsInTime() {
            born("2019-06-01");
            record(POLICE, DOMESTIC_ABUSE_INCIDENT, incidentAt);
            record(SOCIAL_CARE, SECTION_47_ENQUIRY, incidentAt);

            assertThat(found(DOMESTIC_ABUSE_BABY_NO_ENQUIRY, NOW)).isEmpty();
        }

        @Test
        void anEnquiryAMicrosecondBeforeTheIncidentIsNotAboutIt() {
            born("2019-06-01");
            String incident = record(POLICE, DOMESTIC_ABUSE_INCIDENT, incidentAt);
            record(SOCIAL_CARE, SECTION_47_ENQUIRY, incidentAt.minus(MICROSECOND));

            assertThat(found(DOMESTIC_ABUSE_BABY_NO_ENQUIRY, NOW))
                    .containsExactly(key(DOMESTIC_ABUSE_BABY_NO_ENQUIRY, sevenDaysOn, List.of(POLICE), incident));
        }

        @Test
        void anEnquiryKnownOnlyAfterTDoesNotCountAtT() {
            born("2019-06-01");
            String incident = record(POLICE, DOMESTIC_ABUSE_INCIDENT, incidentAt);
            entry(SOCIAL_CARE, STRATEGY_DISCUSSION, incidentAt.plus(DAY)).known(sevenDaysOn.plus(DAY)).record();

            assertThat(found(DOMESTIC_ABUSE_BABY_NO_ENQUIRY, sevenDaysOn))
                    .containsExactly(key(DOMESTIC_ABUSE_BABY_NO_ENQUIRY, sevenDaysOn, List.of(POLICE), incident));
            assertThat(found(DOMESTIC_ABUSE_BABY_NO_ENQUIRY, sevenDaysOn.plus(DAY))).isEmpty();
        }

        @Test
        void anIncidentKnownOnlyAfterTIsNotConsidered() {
            born("2019-06-01");
            String incident = entry(POLICE, DOMESTIC_ABUSE_INCIDENT, incidentAt)
                    .known(incidentAt.plus(DAY.multipliedBy(10))).record();

            assertThat(found(DOMESTIC_ABUSE_BABY_NO_ENQUIRY, incidentAt.plus(DAY.multipliedBy(9)))).isEmpty();
            assertThat(found(DOMESTIC_ABUSE_BABY_NO_ENQUIRY, incidentAt.plus(DAY.multipliedBy(10))))
                    .containsExactly(key(DOMESTIC_ABUSE_BABY_NO_ENQUIRY, sevenDaysOn, List.of(POLICE), incident));
        }

        @Test
        void anIncidentInPregnancyCountsUpTo280DaysBeforeBirth() {
            born("2019-06-01");
            // 280 days before 1 June 2019 is 25 August 2018
            String day280 = record(POLICE, DOMESTIC_ABUSE_INCIDENT, london("2018-08-25T00:00"));
            record(POLICE, DOMESTIC_ABUSE_INCIDENT, london("2018-08-24T23:59:59.999999"));

            assertThat(found(DOMESTIC_ABUSE_BABY_NO_ENQUIRY, NOW)).containsExactly(key(DOMESTIC_ABUSE_BABY_NO_ENQUIRY,
                    london("2018-09-01T00:00"), List.of(POLICE), day280));
        }

        @Test
        void theDayCountsInLondonNotInUtc() {
            born("2019-06-01");
            // 23:30 UTC on 24 August 2018 (281 days before) is already 25 August in London (summer time)
            Instant londonDay280 = Instant.parse("2018-08-24T23:30:00Z");
            String incident = record(POLICE, DOMESTIC_ABUSE_INCIDENT, londonDay280);

            assertThat(found(DOMESTIC_ABUSE_BABY_NO_ENQUIRY, NOW)).containsExactly(key(DOMESTIC_ABUSE_BABY_NO_ENQUIRY,
                    londonDay280.plus(DAY.multipliedBy(7)), List.of(POLICE), incident));
        }

        @Test
        void anIncidentOnTheFirstBirthdayDoesNotCount() {
            born("2019-06-01");
            String lastDay = record(POLICE, DOMESTIC_ABUSE_INCIDENT, london("2020-05-31T23:59:59.999999"));
            record(POLICE, DOMESTIC_ABUSE_INCIDENT, london("2020-06-01T00:00"));

            assertThat(found(DOMESTIC_ABUSE_BABY_NO_ENQUIRY, NOW)).extracting(Key::entryIds)
                    .containsExactly(List.of(lastDay));
        }

        @Test
        void aChildBornOn29FebruaryHasItsFirstBirthdayOn1March() {
            born("2020-02-29");
            String on28February = record(POLICE, DOMESTIC_ABUSE_INCIDENT, london("2021-02-28T12:00"));
            record(POLICE, DOMESTIC_ABUSE_INCIDENT, london("2021-03-01T00:00"));

            assertThat(found(DOMESTIC_ABUSE_BABY_NO_ENQUIRY, NOW)).extracting(Key::entryIds)
                    .containsExactly(List.of(on28February));
        }

        @Test
        void aChildWithoutADateOfBirthHasNone() {
            born(null);
            record(POLICE, DOMESTIC_ABUSE_INCIDENT, incidentAt);

            assertThat(found(DOMESTIC_ABUSE_BABY_NO_ENQUIRY, NOW)).isEmpty();
        }
    }

    @Nested
    class Rule2VerbalShareNotInWriting {

        private final Instant contactAt = london("2019-05-01T09:00");
        private final Instant toldAt = london("2019-05-02T10:00");
        private final Instant fiveDaysOn = london("2019-05-07T10:00");

        @Test
        void holdsFiveDaysAfterAVerbalShare() {
            String contact = record(POLICE, CONTACT, contactAt);
            share(POLICE, HEALTH, toldAt, SharingChannel.VERBAL, contact);

            assertThat(found(VERBAL_SHARE_NOT_IN_WRITING, fiveDaysOn))
                    .containsExactly(key(VERBAL_SHARE_NOT_IN_WRITING, fiveDaysOn, List.of(HEALTH, POLICE), contact));
            assertThat(found(VERBAL_SHARE_NOT_IN_WRITING, fiveDaysOn.minus(MICROSECOND))).isEmpty();
        }

        @Test
        void aWrittenFollowUpExactlyFiveDaysOnIsInTime() {
            String contact = record(POLICE, CONTACT, contactAt);
            share(POLICE, HEALTH, toldAt, SharingChannel.VERBAL, contact);
            share(POLICE, HEALTH, fiveDaysOn, SharingChannel.WRITTEN, contact);

            assertThat(found(VERBAL_SHARE_NOT_IN_WRITING, NOW)).isEmpty();
        }

        @Test
        void aWrittenFollowUpAMicrosecondLateIsNot() {
            String contact = record(POLICE, CONTACT, contactAt);
            share(POLICE, HEALTH, toldAt, SharingChannel.VERBAL, contact);
            share(POLICE, HEALTH, fiveDaysOn.plus(MICROSECOND), SharingChannel.ELECTRONIC, contact);

            assertThat(found(VERBAL_SHARE_NOT_IN_WRITING, NOW))
                    .containsExactly(key(VERBAL_SHARE_NOT_IN_WRITING, fiveDaysOn, List.of(HEALTH, POLICE), contact));
        }

        @Test
        void anElectronicFollowUpCountsAsWriting() {
            String contact = record(POLICE, CONTACT, contactAt);
            share(POLICE, HEALTH, toldAt, SharingChannel.VERBAL, contact);
            share(POLICE, HEALTH, toldAt.plus(DAY), SharingChannel.ELECTRONIC, contact);

            assertThat(found(VERBAL_SHARE_NOT_IN_WRITING, NOW)).isEmpty();
        }

        @Test
        void aMeetingOrAWritingBeforeTheVerbalShareIsNotAFollowUp() {
            String contact = record(POLICE, CONTACT, contactAt);
            share(POLICE, HEALTH, toldAt.minus(MICROSECOND), SharingChannel.WRITTEN, contact);
            share(POLICE, HEALTH, toldAt, SharingChannel.VERBAL, contact);
            share(POLICE, HEALTH, toldAt.plus(DAY), SharingChannel.MEETING, contact);

            assertThat(found(VERBAL_SHARE_NOT_IN_WRITING, NOW))
                    .containsExactly(key(VERBAL_SHARE_NOT_IN_WRITING, fiveDaysOn, List.of(HEALTH, POLICE), contact));
        }

        @Test
        void theFollowUpMustBeBetweenTheSameTwoAgencies() {
            String contact = record(POLICE, CONTACT, contactAt);
            share(POLICE, SOCIAL_CARE, contactAt.plus(Duration.ofHours(1)), SharingChannel.WRITTEN, contact);
            share(POLICE, HEALTH, toldAt, SharingChannel.VERBAL, contact);
            share(POLICE, SCHOOL, toldAt.plus(DAY), SharingChannel.WRITTEN, contact);
            share(SOCIAL_CARE, HEALTH, toldAt.plus(DAY), SharingChannel.WRITTEN, contact);

            assertThat(found(VERBAL_SHARE_NOT_IN_WRITING, NOW))
                    .containsExactly(key(VERBAL_SHARE_NOT_IN_WRITING, fiveDaysOn, List.of(HEALTH, POLICE), contact));
        }

        @Test
        void eachEntryTheShareNamesIsOnePattern() {
            String contact = record(POLICE, CONTACT, contactAt);
            String incident = record(POLICE, DOMESTIC_ABUSE_INCIDENT, contactAt.minus(DAY));
            share(POLICE, HEALTH, toldAt, SharingChannel.VERBAL, contact, incident);
            share(POLICE, HEALTH, toldAt.plus(DAY), SharingChannel.WRITTEN, incident);

            assertThat(found(VERBAL_SHARE_NOT_IN_WRITING, NOW))
                    .containsExactly(key(VERBAL_SHARE_NOT_IN_WRITING, fiveDaysOn, List.of(HEALTH, POLICE), contact));
        }

        @Test
        void aFollowUpRecordedAfterRDoesNotCount() {
            String contact = record(POLICE, CONTACT, contactAt);
            share(POLICE, HEALTH, toldAt, SharingChannel.VERBAL, contact);
            Instant beforeTheFollowUp = recording;
            share(POLICE, HEALTH, toldAt.plus(DAY), SharingChannel.WRITTEN, contact);

            assertThat(found(VERBAL_SHARE_NOT_IN_WRITING, NOW, beforeTheFollowUp))
                    .containsExactly(key(VERBAL_SHARE_NOT_IN_WRITING, fiveDaysOn, List.of(HEALTH, POLICE), contact));
            assertThat(found(VERBAL_SHARE_NOT_IN_WRITING, NOW, recording)).isEmpty();
        }

        @Test
        void aVerbalShareRecordedAfterRIsNotCounted() {
            String contact = record(POLICE, CONTACT, contactAt);
            Instant beforeTheShare = recording;
            share(POLICE, HEALTH, toldAt, SharingChannel.VERBAL, contact);

            assertThat(found(VERBAL_SHARE_NOT_IN_WRITING, NOW, beforeTheShare)).isEmpty();
            assertThat(found(VERBAL_SHARE_NOT_IN_WRITING, NOW, recording)).hasSize(1);
        }

        @Test
        void twoVerbalSharesAtTheSameInstantAreOnePattern() {
            String contact = record(POLICE, CONTACT, contactAt);
            share(POLICE, HEALTH, toldAt, SharingChannel.VERBAL, contact);
            share(POLICE, HEALTH, toldAt, SharingChannel.VERBAL, contact);

            assertThat(found(VERBAL_SHARE_NOT_IN_WRITING, NOW))
                    .containsExactly(key(VERBAL_SHARE_NOT_IN_WRITING, fiveDaysOn, List.of(HEALTH, POLICE), contact));
        }
    }

    @Nested
    class Rule3UnseenMan {

        private final Instant policeInvolved = london("2019-01-07T09:00");
        private final Instant healthInvolved = london("2019-02-04T09:00");

        private void twoAgenciesInvolved() {
            record(POLICE, INVOLVEMENT_STARTED, policeInvolved);
            record(HEALTH, INVOLVEMENT_STARTED, healthInvolved);
        }

        private Key unseen(Instant since, String personId, String... agencies) {
            return new Key(UNSEEN_MAN, since, List.of(agencies), List.of(), personId, null, List.of());
        }

        @Test
        void holdsFromTheLaterOfFirstKnownAndTheStrangersInvolvement() {
            twoAgenciesInvolved();
            know(POLICE, "person-1", PersonRole.FATHER, Sex.MALE, london("2019-01-20T12:00"));

            assertThat(found(UNSEEN_MAN, healthInvolved)).containsExactly(unseen(healthInvolved, "person-1", HEALTH));
            assertThat(found(UNSEEN_MAN, healthInvolved.minus(MICROSECOND))).isEmpty();
        }

        @Test
        void aManKnownAfterBothBecameInvolvedIsUnseenFromWhenHeWasKnown() {
            twoAgenciesInvolved();
            Instant knownAt = london("2019-03-01T12:00");
            know(POLICE, "person-1", PersonRole.PARENTS_PARTNER, Sex.UNKNOWN, knownAt);

            assertThat(found(UNSEEN_MAN, knownAt)).containsExactly(unseen(knownAt, "person-1", HEALTH));
            assertThat(found(UNSEEN_MAN, knownAt.minus(MICROSECOND))).isEmpty();
        }

        @Test
        void theEarliestKnowledgeAndTheEarliestInvolvementAmongTheStrangers() {
            twoAgenciesInvolved();
            record(SCHOOL, INVOLVEMENT_STARTED, london("2019-02-11T09:00"));
            record(SOCIAL_CARE, INVOLVEMENT_STARTED, london("2019-01-02T09:00"));
            know(SOCIAL_CARE, "person-1", PersonRole.LODGER_OR_VISITOR, Sex.MALE, london("2019-01-25T12:00"));
            know(POLICE, "person-1", PersonRole.LODGER_OR_VISITOR, Sex.MALE, london("2019-01-15T12:00"));

            assertThat(found(UNSEEN_MAN, london("2019-03-01T00:00")))
                    .containsExactly(unseen(healthInvolved, "person-1", HEALTH, SCHOOL));
        }

        @Test
        void neitherABrotherNorAWomanIsAnUnseenMan() {
            twoAgenciesInvolved();
            know(POLICE, "person-1", PersonRole.SIBLING, Sex.MALE, london("2019-01-20T12:00"));
            know(POLICE, "person-2", PersonRole.MOTHER, Sex.FEMALE, london("2019-01-20T12:00"));

            assertThat(found(UNSEEN_MAN, NOW)).isEmpty();
        }

        @Test
        void aManKnownToEveryInvolvedAgencyIsSeen() {
            twoAgenciesInvolved();
            know(POLICE, "person-1", PersonRole.FATHER, Sex.MALE, london("2019-01-20T12:00"));
            Instant healthKnows = london("2019-02-20T12:00");
            know(HEALTH, "person-1", PersonRole.FATHER, Sex.MALE, healthKnows);

            assertThat(found(UNSEEN_MAN, healthKnows.minus(MICROSECOND))).hasSize(1);
            assertThat(found(UNSEEN_MAN, healthKnows)).isEmpty();
        }
    }

    @Nested
    class Rule4ChildNotSeenOnPlan {

        @Test
        void holdsTenWorkingDaysAfterThePlanStartsWithEasterInBetween() {
            // Good Friday 19 and Easter Monday 22 April 2019 are not working days: the 10th is Tuesday 30 April
            String plan = record(SOCIAL_CARE, CHILD_PROTECTION_PLAN_STARTED, london("2019-04-12T10:00"));
            Instant since = london("2019-05-01T00:00");

            assertThat(found(CHILD_NOT_SEEN_ON_PLAN, since))
                    .containsExactly(key(CHILD_NOT_SEEN_ON_PLAN, since, List.of(SOCIAL_CARE), plan));
            assertThat(found(CHILD_NOT_SEEN_ON_PLAN, since.minus(MICROSECOND))).isEmpty();
        }

        @Test
        void theDeadlineIsLondonMidnightAfterTheSpringClockChange() {
            String plan = record(SOCIAL_CARE, CHILD_PROTECTION_PLAN_STARTED, london("2019-03-20T10:00"));
            Instant since = Instant.parse("2019-04-03T23:00:00Z");

            assertThat(found(CHILD_NOT_SEEN_ON_PLAN, since))
                    .containsExactly(key(CHILD_NOT_SEEN_ON_PLAN, since, List.of(SOCIAL_CARE), plan));
            assertThat(found(CHILD_NOT_SEEN_ON_PLAN, since.minus(MICROSECOND))).isEmpty();
        }

        @Test
        void countsFromTheLastTimeTheChildWasSeenOnTheLondonDateAfterTheAutumnClockChange() {
            String plan = record(SOCIAL_CARE, CHILD_PROTECTION_PLAN_STARTED, london("2019-10-01T10:00"));
            record(HEALTH, CHILD_SEEN, london("2019-09-30T10:00"));
            record(HEALTH, CHILD_SEEN, london("2019-10-10T10:00"));
            // Sunday 20 October in UTC, Monday 21 October in London: ten working days on is Monday 4 November
            String seen = record(HEALTH, CHILD_SEEN, Instant.parse("2019-10-20T23:30:00Z"));
            Instant since = Instant.parse("2019-11-05T00:00:00Z");

            assertThat(found(CHILD_NOT_SEEN_ON_PLAN, since))
                    .containsExactly(key(CHILD_NOT_SEEN_ON_PLAN, since, List.of(SOCIAL_CARE), plan, seen));
            assertThat(found(CHILD_NOT_SEEN_ON_PLAN, since.minus(MICROSECOND))).isEmpty();
        }

        @Test
        void aChildSeenAtTheVeryInstantThePlanStartedCounts() {
            Instant startedAt = london("2019-04-12T10:00");
            String plan = record(SOCIAL_CARE, CHILD_PROTECTION_PLAN_STARTED, startedAt);
            String seen = record(HEALTH, CHILD_SEEN, startedAt);

            assertThat(found(CHILD_NOT_SEEN_ON_PLAN, NOW)).containsExactly(key(CHILD_NOT_SEEN_ON_PLAN,
                    london("2019-05-01T00:00"), List.of(SOCIAL_CARE), plan, seen));
        }

        @Test
        void aPlanEndedIsNoPlanAndTheLastStartIsThePlan() {
            record(SOCIAL_CARE, CHILD_PROTECTION_PLAN_STARTED, london("2019-01-07T10:00"));
            Instant endedAt = london("2019-03-04T10:00");
            record(SOCIAL_CARE, CHILD_PROTECTION_PLAN_ENDED, endedAt);
            assertThat(found(CHILD_NOT_SEEN_ON_PLAN, endedAt)).isEmpty();

            String again = record(SOCIAL_CARE, CHILD_PROTECTION_PLAN_STARTED, london("2019-04-12T10:00"));
            assertThat(found(CHILD_NOT_SEEN_ON_PLAN, NOW)).containsExactly(
                    key(CHILD_NOT_SEEN_ON_PLAN, london("2019-05-01T00:00"), List.of(SOCIAL_CARE), again));
        }
    }

    @Nested
    class Rule5PlanActionIncomplete {

        private final Instant conferenceAt = london("2019-05-01T10:00");

        private Key incomplete(String entryId, int index, PlanActionPart... missing) {
            return new Key(PLAN_ACTION_INCOMPLETE, conferenceAt, List.of(SOCIAL_CARE), List.of(entryId), null, index,
                    List.of(missing));
        }

        @Test
        void eachActionWithoutAnOwnerADueDateOrAContingency() {
            String conference = entry(SOCIAL_CARE, CHILD_PROTECTION_CONFERENCE, conferenceAt).actions(
                    action("Health visitor to visit weekly", HEALTH, "2019-06-01", "Strategy discussion if missed"),
                    action("School to monitor attendance", SCHOOL, "2019-06-01", " "),
                    action("Mother to attend parenting course", null, null, null)).record();

            assertThat(found(PLAN_ACTION_INCOMPLETE, conferenceAt)).containsExactly(
                    incomplete(conference, 1, PlanActionPart.CONTINGENCY),
                    incomplete(conference, 2, PlanActionPart.OWNER, PlanActionPart.DUE_DATE,
                            PlanActionPart.CONTINGENCY));
            assertThat(found(PLAN_ACTION_INCOMPLETE, conferenceAt.minus(MICROSECOND))).isEmpty();
        }

        @Test
        void aCorrectionCountsOnlyOnceRecordedByR() {
            String conference = entry(SOCIAL_CARE, CHILD_PROTECTION_CONFERENCE, conferenceAt)
                    .actions(action("Police to share call-outs", POLICE, null, "Escalate to the chair")).record();
            Instant beforeTheCorrection = recording;
            correct(conference).actions(action("Police to share call-outs", POLICE, "2019-05-15",
                    "Escalate to the chair")).record();

            assertThat(found(PLAN_ACTION_INCOMPLETE, NOW, beforeTheCorrection))
                    .containsExactly(incomplete(conference, 0, PlanActionPart.DUE_DATE));
            assertThat(found(PLAN_ACTION_INCOMPLETE, NOW, recording)).isEmpty();
        }
    }

    @Nested
    class Rule6InconsistentThreshold {

        @Test
        void theLastEarlierDecisionOnAConcernInCommonDecidedDifferently() {
            String first = entry(POLICE, REFERRAL, london("2019-01-10T10:00")).concerns(Concern.NEGLECT)
                    .decided(ThresholdDecision.EARLY_HELP).record();
            Instant secondAt = london("2019-02-10T10:00");
            String second = entry(HEALTH, REFERRAL, secondAt).concerns(Concern.DOMESTIC_ABUSE, Concern.NEGLECT)
                    .decided(ThresholdDecision.SECTION_47_ENQUIRY).record();
            entry(SCHOOL, REFERRAL, london("2019-03-10T10:00")).concerns(Concern.PHYSICAL_ABUSE)
                    .decided(ThresholdDecision.EARLY_HELP).record();
            // decided as the second was: consistent with it, whatever the first and third
            entry(SCHOOL, REFERRAL, london("2019-04-10T10:00")).concerns(Concern.NEGLECT)
                    .decided(ThresholdDecision.SECTION_47_ENQUIRY).record();

            assertThat(found(INCONSISTENT_THRESHOLD, NOW))
                    .containsExactly(key(INCONSISTENT_THRESHOLD, secondAt, List.of(HEALTH, POLICE), first, second));
            assertThat(found(INCONSISTENT_THRESHOLD, secondAt.minus(MICROSECOND))).isEmpty();
        }

        @Test
        void aReferralWithoutADecisionIsPassedOver() {
            String first = entry(SOCIAL_CARE, REFERRAL, london("2019-01-10T10:00")).concerns(Concern.NEGLECT)
                    .decided(ThresholdDecision.NO_FURTHER_ACTION).record();
            entry(SOCIAL_CARE, REFERRAL, london("2019-02-10T10:00")).concerns(Concern.NEGLECT).record();
            Instant thirdAt = london("2019-03-10T10:00");
            String third = entry(SOCIAL_CARE, REFERRAL, thirdAt).concerns(Concern.NEGLECT)
                    .decided(ThresholdDecision.CHILD_IN_NEED_ASSESSMENT).record();

            assertThat(found(INCONSISTENT_THRESHOLD, NOW))
                    .containsExactly(key(INCONSISTENT_THRESHOLD, thirdAt, List.of(SOCIAL_CARE), first, third));
        }

        @Test
        void noConcernInCommonNoComparison() {
            entry(SOCIAL_CARE, REFERRAL, london("2019-01-10T10:00")).concerns(Concern.NEGLECT)
                    .decided(ThresholdDecision.NO_FURTHER_ACTION).record();
            entry(SOCIAL_CARE, REFERRAL, london("2019-02-10T10:00")).concerns(Concern.SEXUAL_ABUSE)
                    .decided(ThresholdDecision.SECTION_47_ENQUIRY).record();

            assertThat(found(INCONSISTENT_THRESHOLD, NOW)).isEmpty();
        }

        @Test
        void aCorrectedDecisionCountsOnlyOnceRecordedByR() {
            String first = entry(SOCIAL_CARE, REFERRAL, london("2019-01-10T10:00")).concerns(Concern.NEGLECT)
                    .decided(ThresholdDecision.EARLY_HELP).record();
            Instant secondAt = london("2019-02-10T10:00");
            String second = entry(SOCIAL_CARE, REFERRAL, secondAt).concerns(Concern.NEGLECT)
                    .decided(ThresholdDecision.NO_FURTHER_ACTION).record();
            Instant beforeTheCorrection = recording;
            correct(second).decided(ThresholdDecision.EARLY_HELP).record();

            assertThat(found(INCONSISTENT_THRESHOLD, NOW, beforeTheCorrection))
                    .containsExactly(key(INCONSISTENT_THRESHOLD, secondAt, List.of(SOCIAL_CARE), first, second));
            assertThat(found(INCONSISTENT_THRESHOLD, NOW, recording)).isEmpty();
        }
    }

    @Nested
    class Rule7EscalationUnanswered {

        // Thursday 18 April 2019; with Good Friday and Easter Monday off, the 5th working day is Monday 29 April
        private final Instant escalatedAt = london("2019-04-18T10:00");
        private final Instant since = london("2019-04-30T00:00");

        private String escalation() {
            return entry(SCHOOL, ESCALATION, escalatedAt).escalatedTo(SOCIAL_CARE).record();
        }

        @Test
        void holdsFiveWorkingDaysOn() {
            String escalation = escalation();

            assertThat(found(ESCALATION_UNANSWERED, since))
                    .containsExactly(key(ESCALATION_UNANSWERED, since, List.of(SCHOOL, SOCIAL_CARE), escalation));
            assertThat(found(ESCALATION_UNANSWERED, since.minus(MICROSECOND))).isEmpty();
        }

        @Test
        void anAnswerAMicrosecondBeforeTheDeadlineIsInTime() {
            String escalation = escalation();
            entry(SOCIAL_CARE, CONTACT, since.minus(MICROSECOND)).respondsTo(escalation).record();

            assertThat(found(ESCALATION_UNANSWERED, NOW)).isEmpty();
        }

        @Test
        void anAnswerAtTheDeadlineIsLate() {
            String escalation = escalation();
            entry(SOCIAL_CARE, CONTACT, since).respondsTo(escalation).record();

            assertThat(found(ESCALATION_UNANSWERED, NOW))
                    .containsExactly(key(ESCALATION_UNANSWERED, since, List.of(SCHOOL, SOCIAL_CARE), escalation));
        }

        @Test
        void anAnswerNotYetKnownAtTDoesNotCount() {
            String escalation = escalation();
            entry(SOCIAL_CARE, CONTACT, london("2019-04-25T10:00")).known(london("2019-05-02T10:00"))
                    .respondsTo(escalation).record();

            assertThat(found(ESCALATION_UNANSWERED, london("2019-05-01T00:00"))).hasSize(1);
            assertThat(found(ESCALATION_UNANSWERED, london("2019-05-02T10:00"))).isEmpty();
        }

        @Test
        void aRetractedAnswerCountsUntilTheRetractionIsRecorded() {
            String escalation = escalation();
            String answer = entry(SOCIAL_CARE, CONTACT, london("2019-04-25T10:00")).respondsTo(escalation).record();
            Instant beforeTheRetraction = recording;
            retract(answer);

            assertThat(found(ESCALATION_UNANSWERED, NOW, beforeTheRetraction)).isEmpty();
            assertThat(found(ESCALATION_UNANSWERED, NOW, recording))
                    .containsExactly(key(ESCALATION_UNANSWERED, since, List.of(SCHOOL, SOCIAL_CARE), escalation));
        }
    }

    @Nested
    class Rule8ConferenceLate {

        // 15 working days after Monday 1 April 2019, Easter off: Wednesday 24 April
        private final Instant discussedAt = london("2019-04-01T10:00");
        private final Instant enquiryAt = london("2019-04-08T10:00");
        private final Instant since = london("2019-04-25T00:00");

        @Test
        void holdsFifteenWorkingDaysAfterTheStrategyDiscussion() {
            String discussion = record(SOCIAL_CARE, STRATEGY_DISCUSSION, discussedAt);
            String enquiry = record(SOCIAL_CARE, SECTION_47_ENQUIRY, enquiryAt);

            assertThat(found(CONFERENCE_LATE, since))
                    .containsExactly(key(CONFERENCE_LATE, since, List.of(SOCIAL_CARE), discussion, enquiry));
            assertThat(found(CONFERENCE_LATE, since.minus(MICROSECOND))).isEmpty();
        }

        @Test
        void aConferenceAMicrosecondBeforeTheDeadlineIsInTime() {
            record(SOCIAL_CARE, STRATEGY_DISCUSSION, discussedAt);
            record(SOCIAL_CARE, SECTION_47_ENQUIRY, enquiryAt);
            record(SOCIAL_CARE, CHILD_PROTECTION_CONFERENCE, since.minus(MICROSECOND));

            assertThat(found(CONFERENCE_LATE, NOW)).isEmpty();
        }

        @Test
        void aConferenceAtTheDeadlineIsLateAndIsEvidence() {
            String discussion = record(SOCIAL_CARE, STRATEGY_DISCUSSION, discussedAt);
            String enquiry = record(SOCIAL_CARE, SECTION_47_ENQUIRY, enquiryAt);
            String conference = record(SOCIAL_CARE, CHILD_PROTECTION_CONFERENCE, since);

            assertThat(found(CONFERENCE_LATE, NOW)).containsExactly(
                    key(CONFERENCE_LATE, since, List.of(SOCIAL_CARE), discussion, enquiry, conference));
        }

        @Test
        void aConferenceBeforeTheDiscussionIsNotTheConference() {
            record(SOCIAL_CARE, CHILD_PROTECTION_CONFERENCE, discussedAt.minus(DAY));
            String discussion = record(SOCIAL_CARE, STRATEGY_DISCUSSION, discussedAt);
            String enquiry = record(SOCIAL_CARE, SECTION_47_ENQUIRY, enquiryAt);

            assertThat(found(CONFERENCE_LATE, NOW))
                    .containsExactly(key(CONFERENCE_LATE, since, List.of(SOCIAL_CARE), discussion, enquiry));
        }

        @Test
        void aDiscussionExactlyThirtyDaysBeforeTheEnquiryIsItsDiscussion() {
            Instant enquiryOn1May = london("2019-05-01T10:00");
            String discussion = record(SOCIAL_CARE, STRATEGY_DISCUSSION, enquiryOn1May.minus(DAY.multipliedBy(30)));
            String enquiry = record(POLICE, SECTION_47_ENQUIRY, enquiryOn1May);

            assertThat(found(CONFERENCE_LATE, NOW))
                    .containsExactly(key(CONFERENCE_LATE, since, List.of(POLICE), discussion, enquiry));
        }

        @Test
        void aDiscussionAMicrosecondEarlierIsNotAndTheEnquiryCountsFromItself() {
            Instant enquiryOn1May = london("2019-05-01T10:00");
            record(SOCIAL_CARE, STRATEGY_DISCUSSION, enquiryOn1May.minus(DAY.multipliedBy(30)).minus(MICROSECOND));
            String enquiry = record(POLICE, SECTION_47_ENQUIRY, enquiryOn1May);
            // 15 working days after 1 May 2019, with the early May bank holiday on 6 May: Thursday 23 May
            Instant fromItself = london("2019-05-24T00:00");

            assertThat(found(CONFERENCE_LATE, NOW))
                    .containsExactly(key(CONFERENCE_LATE, fromItself, List.of(POLICE), enquiry));
        }

        @Test
        void theLastOfTwoDiscussions() {
            record(SOCIAL_CARE, STRATEGY_DISCUSSION, discussedAt.minus(DAY.multipliedBy(3)));
            String later = record(SOCIAL_CARE, STRATEGY_DISCUSSION, discussedAt);
            String enquiry = record(SOCIAL_CARE, SECTION_47_ENQUIRY, enquiryAt);

            assertThat(found(CONFERENCE_LATE, NOW))
                    .containsExactly(key(CONFERENCE_LATE, since, List.of(SOCIAL_CARE), later, enquiry));
        }

        @Test
        void aChildAlreadyOnAPlanIsNotLate() {
            record(SOCIAL_CARE, CHILD_PROTECTION_PLAN_STARTED, london("2019-01-07T10:00"));
            record(SOCIAL_CARE, STRATEGY_DISCUSSION, discussedAt);
            record(SOCIAL_CARE, SECTION_47_ENQUIRY, enquiryAt);
            assertThat(found(CONFERENCE_LATE, NOW)).isEmpty();

            record(SOCIAL_CARE, CHILD_PROTECTION_PLAN_ENDED, enquiryAt.minus(DAY));
            assertThat(found(CONFERENCE_LATE, NOW)).hasSize(1);
        }

        @Test
        void aPlanStartedAtTheVeryInstantOfTheEnquiryCounts() {
            record(SOCIAL_CARE, STRATEGY_DISCUSSION, discussedAt);
            record(SOCIAL_CARE, SECTION_47_ENQUIRY, enquiryAt);
            record(SOCIAL_CARE, CHILD_PROTECTION_PLAN_STARTED, enquiryAt);

            assertThat(found(CONFERENCE_LATE, NOW)).isEmpty();
        }
    }

    @Nested
    class Rule9DecisionWithoutKnownInformation {

        private final Instant incidentAt = london("2019-03-01T10:00");
        private final Instant decidedAt = london("2019-03-05T10:00");

        @Test
        void aDecisionWithoutSignificantInformationAnotherAgencyHeld() {
            String concern = entry(POLICE, CONCERN_RAISED, incidentAt).significant().record();
            String discussion = record(SOCIAL_CARE, STRATEGY_DISCUSSION, decidedAt);

            assertThat(found(DECISION_WITHOUT_KNOWN_INFORMATION, decidedAt)).containsExactly(
                    key(DECISION_WITHOUT_KNOWN_INFORMATION, decidedAt, List.of(SOCIAL_CARE), discussion, concern));
            assertThat(found(DECISION_WITHOUT_KNOWN_INFORMATION, decidedAt.minus(MICROSECOND))).isEmpty();
        }

        @Test
        void informationSharedByTheDecisionIsKnown() {
            String concern = entry(POLICE, CONCERN_RAISED, incidentAt).critical().record();
            record(SOCIAL_CARE, SECTION_47_ENQUIRY, decidedAt);
            share(POLICE, SOCIAL_CARE, decidedAt, SharingChannel.WRITTEN, concern);

            assertThat(found(DECISION_WITHOUT_KNOWN_INFORMATION, NOW)).isEmpty();
        }

        @Test
        void informationSharedAMicrosecondAfterTheDecisionWasNotKnown() {
            String concern = entry(POLICE, CONCERN_RAISED, incidentAt).critical().record();
            String enquiry = record(SOCIAL_CARE, SECTION_47_ENQUIRY, decidedAt);
            share(POLICE, SOCIAL_CARE, decidedAt.plus(MICROSECOND), SharingChannel.WRITTEN, concern);

            assertThat(found(DECISION_WITHOUT_KNOWN_INFORMATION, NOW)).containsExactly(
                    key(DECISION_WITHOUT_KNOWN_INFORMATION, decidedAt, List.of(SOCIAL_CARE), enquiry, concern));
        }

        @Test
        void informationNobodyHeldByTheDecisionIsNotCounted() {
            entry(POLICE, CONCERN_RAISED, incidentAt).known(decidedAt.plus(MICROSECOND)).significant().record();
            record(SOCIAL_CARE, STRATEGY_DISCUSSION, decidedAt);

            assertThat(found(DECISION_WITHOUT_KNOWN_INFORMATION, NOW)).isEmpty();
        }

        @Test
        void onlySignificantInformationThatOccurredByTheDecision() {
            record(POLICE, CONCERN_RAISED, incidentAt);
            String atTheDecision = entry(HEALTH, CONCERN_RAISED, decidedAt).significant().record();
            entry(HEALTH, CONCERN_RAISED, decidedAt.plus(MICROSECOND)).significant().record();
            String earlier = entry(SCHOOL, CONCERN_RAISED, incidentAt.minus(DAY)).critical().record();
            String conference = entry(SOCIAL_CARE, CHILD_PROTECTION_CONFERENCE, decidedAt).significant().record();

            assertThat(found(DECISION_WITHOUT_KNOWN_INFORMATION, NOW)).containsExactly(key(
                    DECISION_WITHOUT_KNOWN_INFORMATION, decidedAt, List.of(SOCIAL_CARE), conference, earlier,
                    atTheDecision));
        }

        @Test
        void anEscalationToTheDecidingAgencyTellsIt() {
            entry(SCHOOL, ESCALATION, incidentAt).escalatedTo(SOCIAL_CARE).significant().record();
            String toHealth = entry(SCHOOL, ESCALATION, incidentAt).escalatedTo(HEALTH).significant().record();
            String discussion = record(SOCIAL_CARE, STRATEGY_DISCUSSION, decidedAt);

            assertThat(found(DECISION_WITHOUT_KNOWN_INFORMATION, NOW)).containsExactly(
                    key(DECISION_WITHOUT_KNOWN_INFORMATION, decidedAt, List.of(SOCIAL_CARE), discussion, toHealth));
        }

        @Test
        void aReferralIsADecisionOnlyWithAThresholdDecision() {
            String concern = entry(POLICE, CONCERN_RAISED, incidentAt).significant().record();
            record(SOCIAL_CARE, REFERRAL, decidedAt);
            assertThat(found(DECISION_WITHOUT_KNOWN_INFORMATION, NOW)).isEmpty();

            Instant decidedLater = decidedAt.plus(DAY);
            String referral = entry(SOCIAL_CARE, REFERRAL, decidedLater).decided(ThresholdDecision.EARLY_HELP)
                    .record();
            assertThat(found(DECISION_WITHOUT_KNOWN_INFORMATION, NOW)).containsExactly(
                    key(DECISION_WITHOUT_KNOWN_INFORMATION, decidedLater, List.of(SOCIAL_CARE), referral, concern));
        }
    }

    @Nested
    class TheEvidence {

        @Test
        void isTheEntryAsTheChronologyShowsItAtTWithKnowledgeAfterTLeftOut() {
            Instant incidentAt = london("2019-03-01T10:00");
            String concern = entry(POLICE, CONCERN_RAISED, incidentAt).significant().by("Police Officer 2").record();
            Instant firstRecorded = recording;
            String correctedSummary = "Police Officer 2 attended; Child A present";
            correct(concern).summary(correctedSummary).record();
            Instant corrected = recording;
            Instant decidedAt = london("2019-03-05T10:00");
            String discussion = record(SOCIAL_CARE, STRATEGY_DISCUSSION, decidedAt);
            Instant toldSocialCare = london("2019-03-07T10:00");
            share(POLICE, SOCIAL_CARE, toldSocialCare, SharingChannel.VERBAL, concern);
            share(POLICE, HEALTH, london("2019-03-20T10:00"), SharingChannel.WRITTEN, concern);
            Instant at = london("2019-03-10T10:00");

            List<PracticePatternView> patterns = patterns(at, NOW);
            assertThat(patterns).extracting(PracticePatternView::kind)
                    .containsExactly(DECISION_WITHOUT_KNOWN_INFORMATION);
            PracticePatternView pattern = patterns.get(0);
            assertThat(pattern.description()).isEmpty();
            assertThat(pattern.entryIds()).containsExactly(discussion, concern);

            String firstSummary = "concern raised about Child A";
            ChronologyEntryView expected = new ChronologyEntryView(concern, CHILD, POLICE, "REF-1", CONCERN_RAISED,
                    incidentAt, DatePrecision.EXACT, incidentAt, corrected, correctedSummary,
                    Significance.SIGNIFICANT, "Police Officer 2", List.of(), 2,
                    List.of(new Knowledge(POLICE, incidentAt, KnowledgeSource.OWN_RECORD, null),
                            new Knowledge(SOCIAL_CARE, toldSocialCare, KnowledgeSource.SHARED, SharingChannel.VERBAL)),
                    List.of(new Version(1, firstRecorded, incidentAt, DatePrecision.EXACT, incidentAt, CONCERN_RAISED,
                                    firstSummary, Significance.SIGNIFICANT, null, false, List.of(), null, List.of()),
                            new Version(2, corrected, incidentAt, DatePrecision.EXACT, incidentAt, CONCERN_RAISED,
                                    correctedSummary, Significance.SIGNIFICANT,
                                    "corrected by the agency", false, List.of(), null, List.of())),
                    null, List.of(), null, List.of(), null, null, null);
            assertThat(pattern.entries().get(1)).isEqualTo(expected);
        }

        @Test
        void anEntryRetractedByRIsNotEvidenceButOneRetractedAfterRStillIs() {
            String concern = entry(POLICE, CONCERN_RAISED, london("2019-03-01T10:00")).significant().record();
            record(SOCIAL_CARE, STRATEGY_DISCUSSION, london("2019-03-05T10:00"));
            Instant beforeTheRetraction = recording;
            retract(concern);

            assertThat(found(DECISION_WITHOUT_KNOWN_INFORMATION, NOW, beforeTheRetraction)).hasSize(1);
            assertThat(found(DECISION_WITHOUT_KNOWN_INFORMATION, NOW, recording)).isEmpty();
        }
    }

    @Nested
    class TheList {

        @Test
        void isOrderedBySinceThenKindAndCountsTheEventsRecordedByR() {
            born("2019-06-01");
            Instant incidentAt = london("2019-06-10T22:00");
            String incident = entry(POLICE, DOMESTIC_ABUSE_INCIDENT, incidentAt).significant().record();
            String discussion = record(SOCIAL_CARE, STRATEGY_DISCUSSION, london("2019-06-20T10:00"));
            Instant beforeTheLastEvent = recording;
            share(POLICE, HEALTH, incidentAt.plus(DAY), SharingChannel.VERBAL, incident);

            LiteralPatterns.Replayed replayed = LiteralPatterns.practicePatterns(events, NOW, NOW);
            assertThat(replayed.patterns()).extracting(PracticePatternView::key).containsExactly(
                    key(VERBAL_SHARE_NOT_IN_WRITING, incidentAt.plus(DAY.multipliedBy(6)), List.of(HEALTH, POLICE),
                            incident),
                    key(DOMESTIC_ABUSE_BABY_NO_ENQUIRY, incidentAt.plus(DAY.multipliedBy(7)), List.of(POLICE),
                            incident),
                    key(DECISION_WITHOUT_KNOWN_INFORMATION, london("2019-06-20T10:00"), List.of(SOCIAL_CARE),
                            discussion, incident));
            assertThat(replayed.eventsReplayed()).isEqualTo(4);
            assertThat(LiteralPatterns.practicePatterns(events, NOW, beforeTheLastEvent).eventsReplayed())
                    .isEqualTo(3);
        }

        @Test
        void anUnknownChildHasNone() {
            assertThat(LiteralPatterns.practicePatterns(List.of(), NOW, NOW).patterns()).isEmpty();
        }

        @Test
        void readsTheChildsEventsFromTheEventStore() {
            born("2019-06-01");
            Instant incidentAt = london("2019-06-10T22:00");
            String incident = record(POLICE, DOMESTIC_ABUSE_INCIDENT, incidentAt);
            List<DomainEventMessage<?>> messages = new ArrayList<>();
            for (int i = 0; i < events.size(); i++) {
                LiteralReplay.Recorded event = events.get(i);
                messages.add(new GenericDomainEventMessage<>("Child", ChildIds.aggregateId(CHILD), i, event.payload(),
                        MetaData.emptyInstance(), "event-" + i, event.recordedAt()));
            }
            EmbeddedEventStore store = EmbeddedEventStore.builder()
                    .storageEngine(new InMemoryEventStorageEngine()).build();
            try {
                store.publish(messages);
                LiteralPatterns.Replayed replayed = new LiteralPatterns(store).practicePatterns(CHILD, NOW, NOW);

                assertThat(replayed.patterns()).extracting(PracticePatternView::key).containsExactly(key(
                        DOMESTIC_ABUSE_BABY_NO_ENQUIRY, incidentAt.plus(DAY.multipliedBy(7)), List.of(POLICE),
                        incident));
                assertThat(replayed.eventsReplayed()).isEqualTo(2);
            } finally {
                store.shutDown();
            }
        }
    }
}
