package org.safeguarding.chronology.query.casestate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.safeguarding.chronology.api.chronology.EntryKind.CHILD_PROTECTION_PLAN_ENDED;
import static org.safeguarding.chronology.api.chronology.EntryKind.CHILD_PROTECTION_PLAN_STARTED;
import static org.safeguarding.chronology.api.chronology.EntryKind.CHILD_SEEN;
import static org.safeguarding.chronology.api.chronology.EntryKind.CONTACT;
import static org.safeguarding.chronology.api.chronology.EntryKind.HOME_VISIT;
import static org.safeguarding.chronology.api.chronology.EntryKind.INVOLVEMENT_ENDED;
import static org.safeguarding.chronology.api.chronology.EntryKind.INVOLVEMENT_STARTED;
import static org.safeguarding.chronology.api.person.PersonRole.FATHER;
import static org.safeguarding.chronology.api.person.PersonRole.LODGER_OR_VISITOR;
import static org.safeguarding.chronology.api.person.PersonRole.MOTHER;
import static org.safeguarding.chronology.api.person.PersonRole.OTHER;
import static org.safeguarding.chronology.api.person.PersonRole.PARENTS_PARTNER;
import static org.safeguarding.chronology.api.person.Sex.FEMALE;
import static org.safeguarding.chronology.api.person.Sex.MALE;
import static org.safeguarding.chronology.api.person.Sex.UNKNOWN;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.safeguarding.chronology.api.casestate.AgencyInvolvementView;
import org.safeguarding.chronology.api.casestate.AgencyInvolvementView.Episode;
import org.safeguarding.chronology.api.casestate.CaseStateView;
import org.safeguarding.chronology.api.casestate.CaseStateView.OpenInvolvement;
import org.safeguarding.chronology.api.casestate.CaseStateView.PersonKnowledge;
import org.safeguarding.chronology.api.casestate.CaseStateView.UnseenPerson;
import org.safeguarding.chronology.api.casestate.FindCaseState;
import org.safeguarding.chronology.api.casestate.FindInvolvement;
import org.safeguarding.chronology.api.chronology.ChronologyEntryView.Knowledge;
import org.safeguarding.chronology.api.chronology.EntryKind;
import org.safeguarding.chronology.api.chronology.KnowledgeSource;
import org.safeguarding.chronology.api.person.PersonRole;
import org.safeguarding.chronology.api.person.Sex;
import org.safeguarding.chronology.api.sharing.SharingChannel;
import org.safeguarding.chronology.query.chronology.Story;

/**
 * The contract's "Case state" rules 1 to 6 and involvement, one at a time. Every answer is also checked against
 * the literal replay of the same events.
 */
class CaseStateRulesTest {

    private static final String CHILD = "child-a";

    private final CaseStateFixture readModels = new CaseStateFixture(null);
    private final Story story = new Story();

    /** Day n of the case: when things happened and became known. */
    private static Instant day(int n) {
        return Instant.parse("2007-03-01T09:00:00Z").plusSeconds(86_400L * n);
    }

    /** The platform's n-th second of recording, after everything happened. */
    private static Instant rec(int n) {
        return Instant.parse("2008-01-01T00:00:00Z").plusSeconds(n);
    }

    private int recorded;

    /** The next recording instant. */
    private Instant next() {
        return rec(++recorded);
    }

    private String entry(String agency, EntryKind kind, int day,
                         String professional) {
        return story.record(next(), CHILD, agency, kind, day(day), professional);
    }

    private String entry(String agency, EntryKind kind, int day) {
        return entry(agency, kind, day, null);
    }

    private void know(String agency, String person, PersonRole role,
                      Sex sex, boolean livesWithChild, int day) {
        story.know(next(), CHILD, agency, person, role, sex, livesWithChild, day(day));
    }

    private CaseStateView state(Instant at, String knownBy, Instant recordedAsOf) {
        readModels.project(story.events);
        CaseStateView state = readModels.caseStates.handle(new FindCaseState(CHILD, at, knownBy, recordedAsOf, false));
        CaseStateView replayed = LiteralReplay.caseState(CaseStateFixture.recorded(story.events), at, knownBy,
                recordedAsOf == null ? CaseStateFixture.NOW : recordedAsOf).caseState();
        assertThat(state).as("the read models' answer against the literal replay").isEqualTo(replayed);
        return state;
    }

    private CaseStateView state(int day) {
        return state(day(day), null, null);
    }

    private List<AgencyInvolvementView> involvement(Instant recordedAsOf) {
        readModels.project(story.events);
        List<AgencyInvolvementView> involvement =
                readModels.involvement.handle(new FindInvolvement(CHILD, recordedAsOf));
        assertThat(involvement).as("the read models' answer against the literal replay")
                .isEqualTo(LiteralReplay.involvement(CaseStateFixture.recorded(story.events),
                        recordedAsOf == null ? CaseStateFixture.NOW : recordedAsOf));
        return involvement;
    }

    @Nested
    class Rule1EntriesConsidered {

        @Test
        void countsTheEntriesOfTheChronologyAtTThatOccurredByT() {
            entry("police", CONTACT, 1);
            entry("health", HOME_VISIT, 3);
            entry("school", CONTACT, 5);

            assertThat(state(0).entryCount()).isZero();
            assertThat(state(3).entryCount()).isEqualTo(2);
            assertThat(state(9).entryCount()).isEqualTo(3);
            assertThat(state(day(3).minusNanos(1), null, null).entryCount()).isEqualTo(1);
        }

        @Test
        void leavesOutAnEntryKnownByTThatACorrectionSaysOccurredLater() {
            String visit = entry("police", CONTACT, 1);
            story.share(next(), CHILD, "police", "health", day(2), SharingChannel.VERBAL, visit);
            story.correct(next(), visit, day(5), day(5), "it happened later", "date of the visit");

            assertThat(state(day(3), "health", null).entryCount()).isZero();
            assertThat(state(day(3), "health", rec(2)).entryCount()).isEqualTo(1);
            assertThat(state(day(5), "health", null).entryCount()).isEqualTo(1);
        }

        @Test
        void knownByCountsWhatThatAgencyKnewByT() {
            String police = entry("police", CONTACT, 1);
            entry("health", HOME_VISIT, 2);
            story.share(next(), CHILD, "police", "health", day(4), SharingChannel.WRITTEN, police);

            assertThat(state(day(3), "health", null).entryCount()).isEqualTo(1);
            assertThat(state(day(4), "health", null).entryCount()).isEqualTo(2);
            assertThat(state(day(4), "police", null).entryCount()).isEqualTo(1);
            assertThat(state(day(4), "school", null).entryCount()).isZero();
        }

        @Test
        void recordedAsOfShowsTheRecordBeforeACorrectionOrRetraction() {
            String seen = entry("health", CONTACT, 1);
            String visit = entry("health", HOME_VISIT, 2);
            story.correct(next(), seen, null, null, CHILD_SEEN, null, null, "Child A was seen");
            story.retract(next(), visit, "wrong child");

            assertThat(state(day(9), null, rec(2))).satisfies(state -> {
                assertThat(state.entryCount()).isEqualTo(2);
                assertThat(state.lastSeen()).isNull();
            });
            assertThat(state(day(9), null, rec(3))).satisfies(state -> {
                assertThat(state.entryCount()).isEqualTo(2);
                assertThat(state.lastSeen()).isEqualTo(day(1));
            });
            assertThat(state(day(9), null, null).entryCount()).isEqualTo(1);
            assertThat(state(day(9), null, rec(1).minusNanos(1)).entryCount()).isZero();
        }
    }

    @Nested
    class Rule2InvolvedAgencies {

        @Test
        void listsAnAgencyWithAnEpisodeOpenAtTWithItsProfessionalsSinceItOpened() {
            entry("csc", CONTACT, 1, "Social Worker 9");
            entry("csc", INVOLVEMENT_STARTED, 2, "Social Worker 1");
            entry("csc", HOME_VISIT, 3, "Social Worker 2");
            entry("csc", HOME_VISIT, 4, null);
            entry("csc", CONTACT, 5, "Social Worker 1");
            entry("csc", CONTACT, 6, "Social Worker 0");

            assertThat(state(1).involvedAgencies()).isEmpty();
            assertThat(state(5).involvedAgencies()).containsExactly(
                    new OpenInvolvement("csc", day(2), List.of("Social Worker 1", "Social Worker 2")));
        }

        @Test
        void aStartWhileOpenIsIgnored() {
            entry("police", INVOLVEMENT_STARTED, 1, "Police Officer 1");
            entry("police", INVOLVEMENT_STARTED, 3, "Police Officer 2");

            assertThat(state(4).involvedAgencies()).containsExactly(
                    new OpenInvolvement("police", day(1), List.of("Police Officer 1", "Police Officer 2")));
        }

        @Test
        void anEndWithNoneOpenIsIgnored() {
            entry("health", INVOLVEMENT_ENDED, 1);
            entry("health", INVOLVEMENT_STARTED, 2);
            entry("school", INVOLVEMENT_STARTED, 3);
            entry("school", INVOLVEMENT_ENDED, 4);
            entry("school", INVOLVEMENT_ENDED, 5);
            entry("school", INVOLVEMENT_STARTED, 6);

            assertThat(state(2).involvedAgencies()).extracting(OpenInvolvement::agencyId).containsExactly("health");
            assertThat(state(3).involvedAgencies()).extracting(OpenInvolvement::agencyId)
                    .containsExactly("health", "school");
            assertThat(state(5).involvedAgencies()).extracting(OpenInvolvement::agencyId).containsExactly("health");
            assertThat(state(6).involvedAgencies()).containsExactly(new OpenInvolvement("health", day(2), List.of()),
                    new OpenInvolvement("school", day(6), List.of()));
        }

        @Test
        void ordersBySinceThenAgencyId() {
            entry("school", INVOLVEMENT_STARTED, 2);
            entry("police", INVOLVEMENT_STARTED, 2);
            entry("health", INVOLVEMENT_STARTED, 3);
            entry("csc", INVOLVEMENT_STARTED, 4);

            assertThat(state(9).involvedAgencies()).extracting(OpenInvolvement::agencyId)
                    .containsExactly("police", "school", "health", "csc");
        }

        @Test
        void walksOnlyTheEntriesKnownBy() {
            String start = entry("police", INVOLVEMENT_STARTED, 1, "Police Officer 1");
            entry("police", CONTACT, 2, "Police Officer 2");
            entry("health", INVOLVEMENT_STARTED, 2, "Health Visitor 1");
            story.share(next(), CHILD, "police", "health", day(3), SharingChannel.MEETING, start);

            assertThat(state(day(2), "health", null).involvedAgencies()).extracting(OpenInvolvement::agencyId)
                    .containsExactly("health");
            assertThat(state(day(3), "health", null).involvedAgencies()).containsExactly(
                    new OpenInvolvement("police", day(1), List.of("Police Officer 1")),
                    new OpenInvolvement("health", day(2), List.of("Health Visitor 1")));
        }
    }

    @Nested
    class Rule3ChildProtectionPlan {

        @Test
        void isOnAPlanWhenTheLastPlanEntryInChronologyOrderIsAStart() {
            String end = entry("csc", CHILD_PROTECTION_PLAN_ENDED, 1);
            entry("csc", CHILD_PROTECTION_PLAN_STARTED, 2);
            entry("health", CONTACT, 3);
            entry("csc", CHILD_PROTECTION_PLAN_ENDED, 5);

            assertThat(state(1).onChildProtectionPlan()).isFalse();
            assertThat(state(2).onChildProtectionPlan()).isTrue();
            assertThat(state(4).onChildProtectionPlan()).isTrue();
            assertThat(state(5).onChildProtectionPlan()).isFalse();

            story.correct(next(), end, day(3), day(3), "the first plan ended later", "date");
            assertThat(state(4).onChildProtectionPlan()).isFalse();
        }
    }

    @Nested
    class Rule4LastSeen {

        @Test
        void isTheLatestOccurredAtOfTheChildSeenEntries() {
            assertThat(state(9).lastSeen()).isNull();
            entry("health", CHILD_SEEN, 4);
            entry("school", CHILD_SEEN, 2);
            entry("health", HOME_VISIT, 5);

            assertThat(state(1).lastSeen()).isNull();
            assertThat(state(3).lastSeen()).isEqualTo(day(2));
            assertThat(state(9).lastSeen()).isEqualTo(day(4));
        }
    }

    @Nested
    class Rule5Household {

        @Test
        void listsThePersonsKnownByTWhoKnewSinceWhenOrderedByPerson() {
            know("police", "person-m", MOTHER, FEMALE, true, 3);
            know("health", "person-m", MOTHER, FEMALE, true, 1);
            know("health", "person-f", FATHER, MALE, false, 2);
            know("school", "person-m", MOTHER, FEMALE, true, 6);
            know("csc", "person-m", MOTHER, FEMALE, true, 3);
            know("police", "person-m", MOTHER, FEMALE, true, 2);

            assertThat(state(0).household()).isEmpty();
            assertThat(state(5).household()).containsExactly(
                    new PersonKnowledge("person-f", FATHER, MALE, false, List.of(own("health", 2))),
                    new PersonKnowledge("person-m", MOTHER, FEMALE, true,
                            List.of(own("health", 1), own("police", 2), own("csc", 3))));
        }

        @Test
        void takesRoleSexAndLivingWithTheChildFromTheLatestKnownRecord() {
            know("police", "person-p", LODGER_OR_VISITOR, UNKNOWN, false, 1);
            know("health", "person-p", PARENTS_PARTNER, MALE, true, 3);
            know("school", "person-p", FATHER, MALE, false, 2);

            assertThat(state(2).household()).singleElement()
                    .isEqualTo(new PersonKnowledge("person-p", FATHER, MALE, false,
                            List.of(own("police", 1), own("school", 2))));
            assertThat(state(3).household()).singleElement()
                    .isEqualTo(new PersonKnowledge("person-p", PARENTS_PARTNER, MALE, true,
                            List.of(own("police", 1), own("school", 2), own("health", 3))));
        }

        @Test
        void ofTwoRecordsKnownAtTheSameInstantTheLaterRecordedOneCounts() {
            know("school", "person-p", PARENTS_PARTNER, UNKNOWN, true, 2);
            know("police", "person-p", PARENTS_PARTNER, MALE, false, 2);

            assertThat(state(2).household()).singleElement()
                    .isEqualTo(new PersonKnowledge("person-p", PARENTS_PARTNER, MALE, false,
                            List.of(own("police", 2), own("school", 2))));
            assertThat(state(day(2), null, rec(1)).household()).singleElement()
                    .extracting(PersonKnowledge::sex, PersonKnowledge::livesWithChild)
                    .containsExactly(UNKNOWN, true);
        }

        @Test
        void countsTheRecordsOfKnownByAloneAndThoseRecordedByR() {
            know("police", "person-f", FATHER, MALE, false, 1);
            know("health", "person-f", FATHER, MALE, true, 2);
            know("health", "person-m", MOTHER, FEMALE, true, 1);

            assertThat(state(day(5), "police", null).household()).containsExactly(
                    new PersonKnowledge("person-f", FATHER, MALE, false, List.of(own("police", 1))));
            assertThat(state(day(5), "school", null).household()).isEmpty();
            assertThat(state(day(5), null, rec(2)).household()).extracting(PersonKnowledge::personId)
                    .containsExactly("person-f");
        }

        private Knowledge own(String agency, int day) {
            return new Knowledge(agency, day(day), KnowledgeSource.OWN_RECORD, null);
        }
    }

    @Nested
    class Rule6UnseenBy {

        @Test
        void listsThePersonsNotKnownToBeFemaleWhomAnInvolvedAgencyDoesNotKnow() {
            entry("csc", INVOLVEMENT_STARTED, 1);
            entry("police", INVOLVEMENT_STARTED, 1);
            entry("health", INVOLVEMENT_STARTED, 1);
            know("housing", "person-a", PARENTS_PARTNER, MALE, true, 2);
            know("police", "person-a", PARENTS_PARTNER, MALE, true, 2);
            know("health", "person-b", LODGER_OR_VISITOR, UNKNOWN, true, 2);
            know("police", "person-m", MOTHER, FEMALE, true, 2);
            know("csc", "person-z", FATHER, MALE, false, 2);
            know("police", "person-z", FATHER, MALE, false, 2);
            know("health", "person-z", FATHER, MALE, false, 3);

            assertThat(state(2).unseenBy()).containsExactly(
                    new UnseenPerson("person-a", List.of("housing", "police"), List.of("csc", "health")),
                    new UnseenPerson("person-b", List.of("health"), List.of("csc", "police")),
                    new UnseenPerson("person-z", List.of("csc", "police"), List.of("health")));
            assertThat(state(3).unseenBy()).extracting(UnseenPerson::personId).containsExactly("person-a", "person-b");
        }

        @Test
        void isEmptyWhenKnownByIsGivenOrNoAgencyIsInvolved() {
            know("police", "person-a", PARENTS_PARTNER, MALE, true, 1);
            assertThat(state(2).unseenBy()).isEmpty();

            entry("police", INVOLVEMENT_STARTED, 1);
            entry("csc", INVOLVEMENT_STARTED, 1);
            assertThat(state(2).unseenBy()).singleElement().extracting(UnseenPerson::unknownTo)
                    .isEqualTo(List.of("csc"));
            assertThat(state(day(2), "police", null).unseenBy()).isEmpty();
        }

        @Test
        void takesTheSexFromTheLatestRecord() {
            entry("csc", INVOLVEMENT_STARTED, 1);
            know("police", "person-b", OTHER, UNKNOWN, true, 1);
            know("police", "person-b", OTHER, FEMALE, true, 3);

            assertThat(state(2).unseenBy()).extracting(UnseenPerson::personId).containsExactly("person-b");
            assertThat(state(3).unseenBy()).isEmpty();
        }
    }

    @Nested
    class Involvement {

        @Test
        void givesEachAgencyWithAnEntryItsEpisodesCountAndSpanByAgencyId() {
            entry("school", CONTACT, 1);
            entry("police", INVOLVEMENT_ENDED, 2);
            entry("police", INVOLVEMENT_STARTED, 3);
            entry("police", INVOLVEMENT_STARTED, 4);
            entry("police", INVOLVEMENT_ENDED, 6);
            entry("police", INVOLVEMENT_ENDED, 7);
            entry("police", INVOLVEMENT_STARTED, 8);
            entry("police", CONTACT, 9);
            entry("csc", INVOLVEMENT_STARTED, 5);
            entry("csc", INVOLVEMENT_ENDED, 6);

            assertThat(involvement(null)).containsExactly(
                    new AgencyInvolvementView("csc", List.of(new Episode(day(5), day(6))), 2, day(5), day(6)),
                    new AgencyInvolvementView("police", List.of(new Episode(day(3), day(6)), new Episode(day(8), null)),
                            7, day(2), day(9)),
                    new AgencyInvolvementView("school", List.of(), 1, day(1), day(1)));
        }

        @Test
        void followsTheRecordAsItStoodAtR() {
            String start = entry("health", INVOLVEMENT_STARTED, 2);
            entry("health", INVOLVEMENT_ENDED, 4);
            story.correct(next(), start, day(1), day(1), "started earlier", "date");
            entry("housing", CONTACT, 3);
            story.retract(next(), start, "recorded in error");

            assertThat(involvement(rec(1).minusNanos(1))).isEmpty();
            assertThat(involvement(rec(2))).containsExactly(
                    new AgencyInvolvementView("health", List.of(new Episode(day(2), day(4))), 2, day(2), day(4)));
            assertThat(involvement(rec(3)).get(0).episodes()).containsExactly(new Episode(day(1), day(4)));
            assertThat(involvement(null)).containsExactly(
                    new AgencyInvolvementView("health", List.of(), 1, day(4), day(4)),
                    new AgencyInvolvementView("housing", List.of(), 1, day(3), day(3)));
        }
    }

    @Test
    void anUnknownChildHasAnEmptyCaseState() {
        assertThat(readModels.caseStates.handle(new FindCaseState("nobody", day(1), null, null, false)))
                .isEqualTo(new CaseStateView(day(1), 0, List.of(), false, null, List.of(), List.of(), null));
        assertThat(readModels.involvement.handle(new FindInvolvement("nobody", null))).isEmpty();
    }

    @Test
    void describesEachDifferenceByField() {
        CaseStateView fast = new CaseStateView(day(1), 2, List.of(new OpenInvolvement("csc", day(1), List.of())),
                true, null, List.of(), List.of(), null);
        CaseStateView replay = new CaseStateView(day(1), 3, List.of(new OpenInvolvement("csc", day(0), List.of()),
                new OpenInvolvement("police", day(1), List.of())), true, day(1), List.of(), List.of(), null);

        assertThat(CaseStateQueries.differences(fast, fast)).isEmpty();
        assertThat(CaseStateQueries.differences(fast, replay)).containsExactly(
                "entryCount: read models 2, replay 3",
                "lastSeen: read models none, replay 2007-03-02T09:00:00Z",
                "involvedAgencies csc: read models " + fast.involvedAgencies().get(0) + ", replay "
                        + replay.involvedAgencies().get(0),
                "involvedAgencies police: read models none, replay " + replay.involvedAgencies().get(1));
    }
}
