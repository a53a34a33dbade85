package org.safeguarding.chronology.query.links;

import static org.assertj.core.api.Assertions.assertThat;
import static org.safeguarding.chronology.api.chronology.EntryKind.CONTACT;
import static org.safeguarding.chronology.api.chronology.EntryKind.HOME_VISIT;
import static org.safeguarding.chronology.api.links.EntryLinkKind.CONFLICTING_ACCOUNTS;
import static org.safeguarding.chronology.api.links.EntryLinkKind.SAME_OCCURRENCE;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.safeguarding.chronology.api.chronology.ChronologyEntryView;
import org.safeguarding.chronology.api.chronology.EntryKind;
import org.safeguarding.chronology.api.links.DuplicateCandidateView;
import org.safeguarding.chronology.query.chronology.Story;

/** The contract's possible duplicates, rule by rule, at their boundaries, from the read models. */
class PossibleDuplicatesRulesTest {

    static final String CHILD = "child-a";
    static final String POLICE = "police-1";
    static final String HEALTH = "health-1";
    static final String SCHOOL = "school-1";
    static final Instant VISIT = Instant.parse("2024-05-01T09:30:00Z");
    static final String SUMMARY = "Home visit: Mother and Child A seen at home";

    private final Story story = new Story();
    private final LinksFixture readModels = new LinksFixture();
    private Instant platform = Instant.parse("2024-06-01T08:00:00Z");

    @Test
    void twoAgenciesTellingOneVisitInTheSameWordsArePossibleDuplicates() {
        String police = entry(POLICE, HOME_VISIT, VISIT, SUMMARY);
        String health = entry(HEALTH, HOME_VISIT, VISIT.plusSeconds(600), "child a and MOTHER seen; home visit");
        List<DuplicateCandidateView> found = duplicates(null);
        assertThat(found).singleElement().satisfies(candidate -> {
            assertThat(candidate.entries()).extracting(ChronologyEntryView::id).containsExactly(police, health);
            assertThat(candidate.similarity()).isEqualTo(1.0);
            assertThat(candidate.entries().get(1).summary()).isEqualTo("child a and MOTHER seen; home visit");
        });
    }

    @Test
    void theCandidatesEntriesAreAsTheChronologyShowsThemWithTheEntryBeforeAndItsRecordedAsOf() {
        Instant before = VISIT.minus(Duration.ofDays(3));
        entry(SCHOOL, CONTACT, before, "Child A absent from school");
        entry(POLICE, HOME_VISIT, VISIT, SUMMARY);
        entry(HEALTH, HOME_VISIT, VISIT.plusSeconds(600), SUMMARY);
        Instant asOf = platform;
        assertThat(duplicates(asOf)).singleElement().satisfies(candidate -> {
            assertThat(candidate.entries()).extracting(ChronologyEntryView::previousOccurredAt)
                    .containsExactly(before, VISIT);
            assertThat(candidate.entries()).extracting(ChronologyEntryView::recordedAsOf).containsOnly(asOf);
        });
    }

    @Test
    void occurredAtExactly24HoursApartCountsAndOneMicrosecondMoreDoesNot() {
        String first = entry(POLICE, HOME_VISIT, VISIT, SUMMARY);
        String dayLater = entry(HEALTH, HOME_VISIT, VISIT.plus(Duration.ofHours(24)), SUMMARY);
        String justOver = entry(SCHOOL, HOME_VISIT, VISIT.plus(Duration.ofHours(24)).plusNanos(1_000), SUMMARY);
        assertThat(pairs(duplicates(null))).containsExactly(List.of(first, dayLater), List.of(dayLater, justOver));
    }

    @Test
    void aSimilarityOfExactlyOneHalfCountsAndLessDoesNot() {
        String half = entry(POLICE, HOME_VISIT, VISIT, "home visit");
        String other = entry(HEALTH, HOME_VISIT, VISIT, "home visit, police call");
        assertThat(duplicates(null)).singleElement().satisfies(candidate -> {
            assertThat(candidate.entries()).extracting(ChronologyEntryView::id).containsExactly(half, other);
            assertThat(candidate.similarity()).isEqualTo(0.5);
        });
        correct(half, "home visit mother");
        assertThat(duplicates(null)).isEmpty(); // 2 words of 5
    }

    @Test
    void wordsOfFewerThanThreeCharactersAreLeftOutAndTwoEmptyWordSetsAreNotAlike() {
        entry(POLICE, HOME_VISIT, VISIT, "GP saw Mo at 10");
        entry(HEALTH, HOME_VISIT, VISIT, "GP saw Mo at 11");
        assertThat(duplicates(null)).singleElement().extracting(DuplicateCandidateView::similarity).isEqualTo(1.0);

        assertThat(visitOfAnotherChild("child-b", "GP at 10", "GP at 10")).isEmpty();
    }

    @Test
    void decimalDigitsOfAnyScriptMakeWordsAndOtherNumeralsDoNot() {
        entry(POLICE, HOME_VISIT, VISIT, "Room 101 visit");
        entry(HEALTH, HOME_VISIT, VISIT, "room 102 visit");
        assertThat(duplicates(null)).singleElement().extracting(DuplicateCandidateView::similarity).isEqualTo(0.5);

        // Arabic-Indic digits: 1 word of 3
        assertThat(visitOfAnotherChild("child-b", "visit \u0661\u0660\u0661", "visit \u0661\u0660\u0662")).isEmpty();
        // superscript digits are no decimal digits
        assertThat(visitOfAnotherChild("child-c", "home visit \u00b2\u00b3\u2074", "home visit")).singleElement()
                .extracting(DuplicateCandidateView::similarity).isEqualTo(1.0);
    }

    @Test
    void lettersOfAnyScriptAreLowerCasedAndACombiningMarkIsNoLetter() {
        String zoe = entry(POLICE, HOME_VISIT, VISIT, "Zo\u00eb seen");
        String upper = entry(HEALTH, HOME_VISIT, VISIT, "ZO\u00cb SEEN");
        String plain = entry(SCHOOL, HOME_VISIT, VISIT, "Zoe seen");
        // zoë and zoe are two words: 1 of 3
        assertThat(pairs(duplicates(null))).containsExactly(List.of(zoe, upper));

        correct(zoe, "Zoe\u0308 seen"); // e and a combining diaeresis: the word zoe, then the mark
        assertThat(pairs(duplicates(null))).containsExactly(List.of(zoe, plain));
    }

    @Test
    void anAgencyDoesNotDuplicateItselfAndEntriesOfDifferentKindsAreNotDuplicates() {
        entry(POLICE, HOME_VISIT, VISIT, SUMMARY);
        entry(POLICE, HOME_VISIT, VISIT, SUMMARY);
        entry(HEALTH, CONTACT, VISIT, SUMMARY);
        assertThat(duplicates(null)).isEmpty();
    }

    @Test
    void aSameOccurrenceLinkNamingBothLeavesThePairOutFromTheInstantItWasRecorded() {
        String police = entry(POLICE, HOME_VISIT, VISIT, SUMMARY);
        String health = entry(HEALTH, HOME_VISIT, VISIT, SUMMARY);
        String school = entry(SCHOOL, HOME_VISIT, VISIT, SUMMARY);
        Instant beforeTheLink = platform;
        Instant linked = next();
        story.link(linked, CHILD, "link-1", SAME_OCCURRENCE, "one visit", school, police, health);
        assertThat(pairs(duplicates(beforeTheLink))).containsExactly(List.of(police, health), List.of(police, school),
                List.of(health, school));
        assertThat(duplicates(linked)).isEmpty();
        assertThat(duplicates(null)).isEmpty();
    }

    @Test
    void aConflictingAccountsLinkOrALinkNamingOnlyOneOfThePairLeavesItIn() {
        String police = entry(POLICE, HOME_VISIT, VISIT, SUMMARY);
        String health = entry(HEALTH, HOME_VISIT, VISIT, SUMMARY);
        String school = entry(SCHOOL, CONTACT, VISIT, "Child A seen at school");
        story.link(next(), CHILD, "link-1", CONFLICTING_ACCOUNTS, "who was present differs", police, health);
        story.link(next(), CHILD, "link-2", SAME_OCCURRENCE, "one occurrence", police, school);
        story.link(next(), CHILD, "link-3", SAME_OCCURRENCE, "one occurrence", health, school);
        assertThat(pairs(duplicates(null))).containsExactly(List.of(police, health));
    }

    @Test
    void pairsAreOrderedByTheFirstEntryThenTheSecondInChronologyOrder() {
        Instant later = VISIT.plusSeconds(3_600);
        String d = entry(SCHOOL, HOME_VISIT, later, SUMMARY);
        // the same occurredAt: the earlier knownAt first, then the lower id
        String b = story.record(next(), CHILD, HEALTH, "HV-1", HOME_VISIT, VISIT, VISIT.plusSeconds(60), SUMMARY, null);
        String a = story.record(next(), CHILD, POLICE, "POL-1", HOME_VISIT, VISIT, VISIT, SUMMARY, null);
        String c = story.record(next(), CHILD, SCHOOL, "SCH-2", HOME_VISIT, VISIT, VISIT.plusSeconds(60), SUMMARY, null);
        assertThat(b.compareTo(c)).isNegative();
        assertThat(pairs(duplicates(null))).containsExactly(List.of(a, b), List.of(a, c), List.of(a, d),
                List.of(b, c), List.of(b, d));
    }

    @Test
    void theChronologyAsItStoodAtRIsWhatIsCompared() {
        String police = entry(POLICE, HOME_VISIT, VISIT, SUMMARY);
        String health = entry(HEALTH, HOME_VISIT, VISIT, SUMMARY);
        Instant asFirstRecorded = platform;
        correct(health, "Health visitor saw Child A at the clinic");
        String school = entry(SCHOOL, HOME_VISIT, VISIT, SUMMARY);
        Instant withSchool = platform;
        story.retract(next(), school, "recorded against the wrong child");

        assertThat(pairs(duplicates(asFirstRecorded))).containsExactly(List.of(police, health));
        assertThat(pairs(duplicates(withSchool))).containsExactly(List.of(police, school));
        assertThat(duplicates(null)).isEmpty();
        assertThat(readModels.possibleDuplicates("no-such-child", null)).isEmpty();
    }

    /** A home visit of another child told by the police and by health visiting at the same instant. */
    private List<DuplicateCandidateView> visitOfAnotherChild(String childId, String byPolice, String byHealth) {
        Story other = new Story();
        other.record(platform, childId, POLICE, "REF-1", HOME_VISIT, VISIT, VISIT, byPolice, null);
        other.record(platform.plusMillis(1), childId, HEALTH, "REF-2", HOME_VISIT, VISIT, VISIT, byHealth, null);
        readModels.project(other.events);
        return readModels.possibleDuplicates(childId, null);
    }

    private String entry(String agencyId, EntryKind kind, Instant occurredAt, String summary) {
        return story.record(next(), CHILD, agencyId, "REF-" + story.events.size(), kind, occurredAt, occurredAt,
                summary, null);
    }

    private void correct(String entryId, String summary) {
        story.correct(next(), entryId, null, null, summary, "worded as the agency's record");
    }

    private Instant next() {
        platform = platform.plusMillis(1);
        return platform;
    }

    private List<DuplicateCandidateView> duplicates(Instant recordedAsOf) {
        readModels.project(story.events);
        return readModels.possibleDuplicates(CHILD, recordedAsOf);
    }

    private static List<List<String>> pairs(List<DuplicateCandidateView> candidates) {
        return candidates.stream().map(candidate -> candidate.entries().stream().map(ChronologyEntryView::id)
                .toList()).toList();
    }
}
