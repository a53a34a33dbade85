package org.safeguarding.chronology.query.chronology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.safeguarding.chronology.api.chronology.ChronologyEntryView;
import org.safeguarding.chronology.api.chronology.ChronologyEntryView.Knowledge;
import org.safeguarding.chronology.api.chronology.ChronologyPage;
import org.safeguarding.chronology.api.chronology.DatePrecision;
import org.safeguarding.chronology.api.chronology.EntryKind;
import org.safeguarding.chronology.api.chronology.FindChronology;
import org.safeguarding.chronology.api.chronology.FindEntry;
import org.safeguarding.chronology.api.chronology.KnowledgeSource;
import org.safeguarding.chronology.api.chronology.Significance;
import org.safeguarding.chronology.api.rejection.Rejection;
import org.safeguarding.chronology.api.rejection.RejectedException;
import org.safeguarding.chronology.api.sharing.SharingChannel;
import org.safeguarding.chronology.query.TestMongo;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The contract's rules 1 to 7 for chronology and entry, one at a time. */
class ChronologyRulesTest {

    private static final String CHILD = "child-a";
    private static final Instant NOW = Instant.parse("2024-01-01T00:00:00Z");

    private final Story story = new Story();
    private ChronologyProjection projection;
    private ChronologyQueries queries;

    @BeforeEach
    void setUp() {
        MongoTemplate mongo = TestMongo.freshDatabase();
        RecordedEntries recorded = new RecordedEntries(mongo);
        projection = new ChronologyProjection(mongo, recorded);
        queries = new ChronologyQueries(recorded, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    /** Day n of the case: when things happened and became known. */
    private static Instant day(int n) {
        return Instant.parse("2007-03-01T09:00:00Z").plusSeconds(86_400L * n);
    }

    /** The platform's n-th second of recording, after everything happened. */
    private static Instant rec(int n) {
        return Instant.parse("2008-01-01T00:00:00Z").plusSeconds(n);
    }

    private void project() {
        Story.project(projection, story.events);
    }

    private ChronologyPage chronology(String knownBy, Instant knownAt, Instant recordedAsOf) {
        return queries.handle(new FindChronology(CHILD, knownBy, knownAt, recordedAsOf, 100, null));
    }

    private static List<String> ids(ChronologyPage page) {
        return page.edges().stream().map(edge -> edge.node().id()).toList();
    }

    private static ChronologyEntryView only(ChronologyPage page, String entryId) {
        return page.edges().stream().map(ChronologyPage.Edge::node).filter(node -> node.id().equals(entryId))
                .findFirst().orElseThrow();
    }

    @Nested
    class Rule1RecordedAsOf {

        @Test
        void showsTheLatestVersionRecordedByRAndLeavesOutLaterAndRetractedEntries() {
            String corrected = story.record(rec(1), CHILD, "police", day(1), day(1));
            String retracted = story.record(rec(2), CHILD, "police", day(2), day(2));
            story.correct(rec(3), corrected, null, null, "Call-out to the home, corrected", "wrong address");
            String late = story.record(rec(4), CHILD, "health", day(3), day(3));
            story.retract(rec(5), retracted, "wrong child");
            project();

            ChronologyPage atTwo = chronology(null, null, rec(2));
            assertThat(ids(atTwo)).containsExactly(corrected, retracted);
            assertThat(only(atTwo, corrected)).satisfies(entry -> {
                assertThat(entry.version()).isEqualTo(1);
                assertThat(entry.summary()).isEqualTo("Contact with Mother");
                assertThat(entry.recordedAt()).isEqualTo(rec(1));
            });
            assertThat(only(chronology(null, null, rec(3)), corrected)).satisfies(entry -> {
                assertThat(entry.version()).isEqualTo(2);
                assertThat(entry.summary()).isEqualTo("Call-out to the home, corrected");
                assertThat(entry.recordedAt()).isEqualTo(rec(3));
            });
            assertThat(ids(chronology(null, null, rec(5).minusNanos(1)))).containsExactly(corrected, retracted, late);
            assertThat(ids(chronology(null, null, rec(5)))).containsExactly(corrected, late);
            assertThat(ids(chronology(null, null, null))).containsExactly(corrected, late);
            assertThat(ids(chronology(null, null, rec(1).minusNanos(1)))).isEmpty();
        }
    }

    @Nested
    class KeptViews {

        @Test
        void aViewPagedThroughFollowsWhatIsProjectedAfterIt() {
            String first = story.record(rec(1), CHILD, "police", day(1), day(1));
            story.record(rec(2), CHILD, "health", day(2), day(2));
            project();
            assertThat(ids(chronology(null, null, null))).hasSize(2);
            assertThat(ids(chronology("police", day(10), null))).containsExactly(first);

            String third = story.record(rec(3), CHILD, "police", day(3), day(3));
            story.correct(rec(4), first, null, null, "Call-out to the home, corrected", "wrong address");
            project();
            assertThat(ids(chronology(null, null, null))).hasSize(3);
            assertThat(ids(chronology("police", day(10), null))).containsExactly(first, third);
            assertThat(only(chronology("police", day(10), null), first).summary())
                    .isEqualTo("Call-out to the home, corrected");
            assertThat(only(chronology("police", day(10), rec(3)), first).version()).as("as the record stood").isEqualTo(1);
        }
    }

    @Nested
    class Rule2Knowledge {

        @Test
        void theRecordingAgencyKnowsSinceTheKnownAtOfTheVersionShown() {
            String entry = story.record(rec(1), CHILD, "police", day(1), day(2));
            story.correct(rec(2), entry, null, day(3), null, "learnt of it later");
            project();

            assertThat(only(chronology(null, null, rec(1)), entry).knownTo())
                    .containsExactly(new Knowledge("police", day(2), KnowledgeSource.OWN_RECORD, null));
            assertThat(only(chronology(null, null, rec(2)), entry).knownTo())
                    .containsExactly(new Knowledge("police", day(3), KnowledgeSource.OWN_RECORD, null));
        }

        @Test
        void anotherAgencyKnowsSinceTheEarliestShareRecordedByR() {
            String entry = story.record(rec(1), CHILD, "police", day(1), day(1));
            story.share(rec(2), CHILD, "police", "health", day(5), SharingChannel.WRITTEN, entry);
            story.share(rec(3), CHILD, "police", "health", day(4), SharingChannel.VERBAL, entry);
            story.share(rec(4), CHILD, "health", "school", day(6), SharingChannel.MEETING, entry);
            story.share(rec(5), CHILD, "health", "police", day(0), SharingChannel.ELECTRONIC, entry);
            project();

            assertThat(only(chronology(null, null, rec(1)), entry).knownTo()).extracting(Knowledge::agencyId)
                    .containsExactly("police");
            assertThat(only(chronology(null, null, rec(2)), entry).knownTo()).containsExactly(
                    new Knowledge("police", day(1), KnowledgeSource.OWN_RECORD, null),
                    new Knowledge("health", day(5), KnowledgeSource.SHARED, SharingChannel.WRITTEN));
            assertThat(only(chronology(null, null, rec(5)), entry).knownTo()).containsExactly(
                    new Knowledge("police", day(1), KnowledgeSource.OWN_RECORD, null),
                    new Knowledge("health", day(4), KnowledgeSource.SHARED, SharingChannel.VERBAL),
                    new Knowledge("school", day(6), KnowledgeSource.SHARED, SharingChannel.MEETING));
        }

        @Test
        void ofTwoSharesAtTheSameInstantTheEarlierRecordedOneCounts() {
            String entry = story.record(rec(1), CHILD, "police", day(1), day(1));
            story.share(rec(2), CHILD, "police", "csc", day(3), SharingChannel.MEETING, entry);
            story.share(rec(3), CHILD, "police", "csc", day(3), SharingChannel.ELECTRONIC, entry);
            project();

            assertThat(only(chronology(null, null, null), entry).knownTo()).contains(
                    new Knowledge("csc", day(3), KnowledgeSource.SHARED, SharingChannel.MEETING));
        }
    }

    @Nested
    class Rule3Filters {

        private String police;
        private String health;

        @BeforeEach
        void history() {
            police = story.record(rec(1), CHILD, "police", day(1), day(1));
            health = story.record(rec(2), CHILD, "health", day(3), day(3));
            story.share(rec(3), CHILD, "police", "health", day(5), SharingChannel.WRITTEN, police);
            project();
        }

        @Test
        void knownByKeepsTheEntriesThatAgencyKnows() {
            assertThat(ids(chronology("health", null, null))).containsExactly(police, health);
            assertThat(ids(chronology("police", null, null))).containsExactly(police);
            assertThat(ids(chronology("school", null, null))).isEmpty();
            assertThat(ids(chronology("health", null, rec(2)))).containsExactly(health);
        }

        @Test
        void knownByAndKnownAtKeepTheEntriesThatAgencyKnewByThen() {
            assertThat(ids(chronology("health", day(4), null))).containsExactly(health);
            assertThat(ids(chronology("health", day(5), null))).containsExactly(police, health);
            assertThat(ids(chronology("police", day(0), null))).isEmpty();
        }

        @Test
        void knownAtAloneKeepsTheEntriesSomeAgencyKnewByThen() {
            assertThat(ids(chronology(null, day(0), null))).isEmpty();
            assertThat(ids(chronology(null, day(2), null))).containsExactly(police);
            assertThat(ids(chronology(null, day(3), null))).containsExactly(police, health);
        }
    }

    @Nested
    class Rule4KnownTo {

        @Test
        void leavesOutAgenciesThatLearntAfterKnownAtAndOrdersBySinceThenAgency() {
            String entry = story.record(rec(1), CHILD, "police", day(1), day(2));
            story.share(rec(2), CHILD, "police", "school", day(4), SharingChannel.WRITTEN, entry);
            story.share(rec(3), CHILD, "police", "csc", day(4), SharingChannel.VERBAL, entry);
            story.share(rec(4), CHILD, "police", "health", day(3), SharingChannel.VERBAL, entry);
            story.share(rec(5), CHILD, "police", "probation", day(9), SharingChannel.VERBAL, entry);
            project();

            assertThat(only(chronology(null, null, null), entry).knownTo()).extracting(Knowledge::agencyId)
                    .containsExactly("police", "health", "csc", "school", "probation");
            assertThat(only(chronology(null, day(4), null), entry).knownTo()).extracting(Knowledge::agencyId)
                    .containsExactly("police", "health", "csc", "school");
            assertThat(only(chronology("health", day(3), null), entry).knownTo()).extracting(Knowledge::agencyId)
                    .containsExactly("police", "health");
        }
    }

    @Nested
    class Rule5Order {

        @Test
        void ordersByOccurredAtThenKnownAtThenEntryId() {
            String third = story.record(rec(1), CHILD, "police", day(2), day(3));
            String first = story.record(rec(2), CHILD, "police", day(1), day(9));
            String second = story.record(rec(3), CHILD, "health", day(2), day(2));
            String fourthByIdA = story.record(rec(4), CHILD, "school", day(2), day(3));
            project();
            assertThat(ids(chronology(null, null, null))).containsExactly(first, second, third, fourthByIdA);

            story.correct(rec(5), first, day(7), null, null, "it happened later");
            project();
            assertThat(ids(chronology(null, null, null))).containsExactly(second, third, fourthByIdA, first);
            assertThat(ids(chronology(null, null, rec(4)))).containsExactly(first, second, third, fourthByIdA);
        }

        @Test
        void comparesEntryIdsAsPlainStrings() {
            for (int i = 1; i <= 10; i++) {
                story.record(rec(i), CHILD, "police", day(1), day(1));
            }
            project();
            assertThat(ids(chronology(null, null, null))).startsWith(CHILD + "/E1", CHILD + "/E10", CHILD + "/E2");
        }
    }

    @Nested
    class Rule6Paging {

        private List<String> all;

        @BeforeEach
        void history() {
            for (int i = 1; i <= 5; i++) {
                story.record(rec(i), CHILD, "police", day(10 * i), day(10 * i));
            }
            project();
            all = ids(chronology(null, null, null));
        }

        private ChronologyPage page(int first, String after) {
            return queries.handle(new FindChronology(CHILD, null, null, null, first, after));
        }

        @Test
        void pagesWithCursorsAndCountsEveryMatch() {
            ChronologyPage one = page(2, null);
            assertThat(ids(one)).isEqualTo(all.subList(0, 2));
            assertThat(one.totalCount()).isEqualTo(5);
            assertThat(one.hasNextPage()).isTrue();
            assertThat(one.endCursor()).isEqualTo(one.edges().get(1).cursor());

            ChronologyPage two = page(2, one.endCursor());
            assertThat(ids(two)).isEqualTo(all.subList(2, 4));
            assertThat(two.totalCount()).isEqualTo(5);
            ChronologyPage three = page(2, two.endCursor());
            assertThat(ids(three)).isEqualTo(all.subList(4, 5));
            assertThat(three.hasNextPage()).isFalse();
            ChronologyPage beyond = page(2, three.endCursor());
            assertThat(beyond.edges()).isEmpty();
            assertThat(beyond.endCursor()).isNull();
            assertThat(beyond.hasNextPage()).isFalse();
        }

        @Test
        void aCursorKeepsItsPlaceWhenEntriesAreRecordedBeforeIt() {
            ChronologyPage one = page(2, null);
            String earlier = story.record(rec(20), CHILD, "health", day(0), day(0));
            project();

            assertThat(ids(page(10, one.endCursor()))).isEqualTo(all.subList(2, 5));
            assertThat(page(10, one.endCursor()).totalCount()).isEqualTo(6);
            assertThat(ids(page(1, null))).containsExactly(earlier);
        }

        @Test
        void firstIsOneTo500() {
            assertThat(page(1, null).edges()).hasSize(1);
            assertThat(page(500, null).edges()).hasSize(5);
            for (int first : new int[] {0, -1, 501}) {
                assertThatThrownBy(() -> page(first, null)).isInstanceOfSatisfying(RejectedException.class, e -> {
                    assertThat(e.rejection()).isEqualTo(Rejection.BAD_REQUEST);
                    assertThat(e.getMessage()).contains("first");
                });
            }
        }

        @Test
        void aMalformedCursorIsABadRequest() {
            String notBase64 = "not a cursor!";
            String noKey = Base64.getUrlEncoder().encodeToString("2007|x".getBytes(StandardCharsets.UTF_8));
            String badInstant = Base64.getUrlEncoder().encodeToString("then|now|child-a/E1".getBytes(StandardCharsets.UTF_8));
            for (String after : List.of(notBase64, noKey, badInstant, "")) {
                assertThatThrownBy(() -> page(2, after)).isInstanceOfSatisfying(RejectedException.class, e -> {
                    assertThat(e.rejection()).isEqualTo(Rejection.BAD_REQUEST);
                    assertThat(e.getMessage()).contains("after");
                });
            }
        }

        @Test
        void anUnknownChildHasAnEmptyChronology() {
            ChronologyPage page = queries.handle(new FindChronology("child-z", null, null, null, 100, null));
            assertThat(page.edges()).isEmpty();
            assertThat(page.totalCount()).isZero();
            assertThat(page.hasNextPage()).isFalse();
        }
    }

    @Nested
    class Rule7History {

        @Test
        void listsEveryVersionRecordedByRWithARetractionLast() {
            String entry = story.record(rec(1), CHILD, "police", day(1), day(2));
            story.correct(rec(2), entry, day(0), null, "Call-out to the home", "date of call-out");
            story.retract(rec(3), entry, "recorded against the wrong child");
            project();

            assertThat(only(chronology(null, null, rec(2)), entry).history())
                    .extracting(ChronologyEntryView.Version::version, ChronologyEntryView.Version::occurredAt,
                            ChronologyEntryView.Version::reason, ChronologyEntryView.Version::retracted)
                    .containsExactly(tuple(1, day(1), null, false), tuple(2, day(0), "date of call-out", false));

            ChronologyEntryView retracted = queries.handle(new FindEntry(entry, null));
            assertThat(retracted.version()).isEqualTo(3);
            assertThat(retracted.recordedAt()).isEqualTo(rec(3));
            assertThat(retracted.summary()).isEqualTo("Call-out to the home");
            assertThat(retracted.history()).hasSize(3).last().isEqualTo(new ChronologyEntryView.Version(3, rec(3),
                    day(0), DatePrecision.EXACT, day(2), retracted.kind(), "Call-out to the home",
                    retracted.significance(),
                    "recorded against the wrong child", true, List.of(), null, List.of()));
            assertThat(ids(chronology(null, null, null))).isEmpty();
        }
    }

    @Nested
    class PersonsAndThePreviousEntry {

        @Test
        void personIdKeepsTheEntriesThatNameThatPerson() {
            String both = story.record(rec(1), CHILD, "police", "CAD-1", EntryKind.DOMESTIC_ABUSE_INCIDENT, day(1),
                    DatePrecision.EXACT, day(1), "Call-out", Significance.CRITICAL, "Police Officer 2",
                    List.of("person-m", "person-p"));
            String mother = story.record(rec(2), CHILD, "health", "HV-1", EntryKind.HOME_VISIT, day(2),
                    DatePrecision.DAY, day(2), "Home visit", Significance.ROUTINE, null, List.of("person-m"));
            story.record(rec(3), CHILD, "school", day(3), day(3));
            project();

            assertThat(ids(queries.handle(new FindChronology(CHILD, null, null, null, 100, null, "person-m"))))
                    .containsExactly(both, mother);
            assertThat(ids(queries.handle(new FindChronology(CHILD, null, null, null, 100, null, "person-p"))))
                    .containsExactly(both);
            assertThat(queries.handle(new FindChronology(CHILD, "health", null, null, 100, null, "person-p"))
                    .totalCount()).isZero();
            assertThat(only(chronology(null, null, null), mother).personIds()).containsExactly("person-m");
        }

        @Test
        void eachEntryCarriesThePreviousOccurredAtOfTheWholeViewAcrossPages() {
            String first = story.record(rec(1), CHILD, "police", day(1), day(1));
            String second = story.record(rec(2), CHILD, "health", day(3), day(3));
            String third = story.record(rec(3), CHILD, "police", day(6), day(6));
            project();

            ChronologyPage one = queries.handle(new FindChronology(CHILD, null, null, null, 2, null));
            assertThat(one.edges()).extracting(edge -> edge.node().previousOccurredAt()).containsExactly(null, day(1));
            ChronologyPage two = queries.handle(new FindChronology(CHILD, null, null, null, 2, one.endCursor()));
            assertThat(two.edges()).extracting(edge -> edge.node().previousOccurredAt()).containsExactly(day(3));
            assertThat(only(chronology("police", null, null), third).previousOccurredAt()).isEqualTo(day(1));
            assertThat(queries.handle(new FindEntry(second, null)).previousOccurredAt()).isNull();
            assertThat(only(chronology(null, null, null), first).previousOccurredAt()).isNull();
        }
    }

    @Nested
    class EntryQuery {

        @Test
        void answersTheEntryAsTheRecordStoodAtRWithEveryAgencysKnowledge() {
            String entry = story.record(rec(1), CHILD, "police", day(1), day(2));
            story.share(rec(2), CHILD, "police", "health", day(5), SharingChannel.WRITTEN, entry);
            story.correct(rec(3), entry, null, null, "Call-out to the home", "summary");
            project();

            ChronologyEntryView atTwo = queries.handle(new FindEntry(entry, rec(2)));
            assertThat(atTwo.version()).isEqualTo(1);
            assertThat(atTwo.knownTo()).extracting(Knowledge::agencyId).containsExactly("police", "health");
            assertThat(queries.handle(new FindEntry(entry, rec(1))).knownTo()).hasSize(1);
            assertThat(queries.handle(new FindEntry(entry, null)).version()).isEqualTo(2);
            assertThat(queries.handle(new FindEntry(entry, rec(1).minusNanos(1)))).isNull();
        }

        @Test
        void answersNullForAnUnknownEntry() {
            story.record(rec(1), CHILD, "police", day(1), day(2));
            project();
            assertThat(queries.handle(new FindEntry(CHILD + "/E2", null))).isNull();
            assertThat(queries.handle(new FindEntry("child-z/E1", null))).isNull();
            assertThat(queries.handle(new FindEntry("not an entry id", null))).isNull();
        }
    }
}
