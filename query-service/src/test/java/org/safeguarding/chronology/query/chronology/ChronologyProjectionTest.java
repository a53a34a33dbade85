package org.safeguarding.chronology.query.chronology;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safeguarding.chronology.api.chronology.ChronologyEntryView;
import org.safeguarding.chronology.api.chronology.DatePrecision;
import org.safeguarding.chronology.api.chronology.EntryAsOf;
import org.safeguarding.chronology.api.chronology.EntryKind;
import org.safeguarding.chronology.api.chronology.RecordedEntry;
import org.safeguarding.chronology.api.chronology.Significance;
import org.safeguarding.chronology.api.sharing.SharingChannel;
import org.safeguarding.chronology.query.TestMongo;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

class ChronologyProjectionTest {

    private static final Instant T0 = Instant.parse("2007-03-01T09:30:00Z");

    private MongoTemplate mongo;
    private RecordedEntries recorded;
    private ChronologyProjection projection;
    private final Story story = new Story();

    @BeforeEach
    void setUp() {
        mongo = TestMongo.freshDatabase();
        recorded = new RecordedEntries(mongo);
        projection = new ChronologyProjection(mongo, recorded);
    }

    @Test
    void projectsAnEntryIntoItsBucketAndCountsTheChildsEntries() {
        Instant recordedAt = Instant.parse("2007-03-02T10:00:00.123456789Z");
        String entryId = story.record(recordedAt, "child-a", "police", "CAD-1", EntryKind.DOMESTIC_ABUSE_INCIDENT,
                T0, T0.plusSeconds(60), "Call-out to the home", "Police Officer 2");
        Story.project(projection, story.events);

        Document bucket = mongo.findById("child-a#0", Document.class, ChronologyProjection.ENTRY_BUCKETS);
        Document entry = bucket.get("e", Document.class).get("E1", Document.class);
        assertThat(entry.getString("id")).isEqualTo(entryId);
        assertThat(entry.getString("professional")).isEqualTo("Police Officer 2");
        assertThat(entry.get("v", Document.class).get("V1", Document.class).getString("recordedAt"))
                .isEqualTo("2007-03-02T10:00:00.123456789Z");
        Document chronology = mongo.findById("child-a", Document.class, ChronologyProjection.CHRONOLOGIES);
        assertThat(chronology.get("entryCount", Number.class).longValue()).isEqualTo(1);
        assertThat(chronology.get("sequence", Number.class).longValue()).isEqualTo(1);

        RecordedEntry read = recorded.entry(entryId);
        assertThat(read.sourceRef()).isEqualTo("CAD-1");
        assertThat(read.versions()).singleElement().satisfies(version -> {
            assertThat(version.recordedAt()).isEqualTo(recordedAt);
            assertThat(version.knownAt()).isEqualTo(T0.plusSeconds(60));
        });
    }

    @Test
    void projectsThePrecisionOfEachVersionAndThePersonsAnEntryNames() {
        String entryId = story.record(T0, "child-a", "health", "HV-1", EntryKind.HOME_VISIT,
                Instant.parse("2007-03-01T00:00:00Z"), DatePrecision.MONTH, T0, "Home visit", Significance.ROUTINE,
                "Health Visitor 1", List.of("person-1", "person-2"));
        story.correct(T0.plusSeconds(1), entryId, Instant.parse("2007-03-14T00:00:00Z"), DatePrecision.DAY, null,
                null, null, null, "the visit's day was found");
        story.correct(T0.plusSeconds(2), entryId, null, null, null, "Home visit, Child A seen", null, "summary");
        story.retract(T0.plusSeconds(3), entryId, "wrong child");
        Story.project(projection, story.events);

        RecordedEntry read = recorded.entry(entryId);
        assertThat(read.personIds()).containsExactly("person-1", "person-2");
        assertThat(read.versions()).extracting(RecordedEntry.Version::occurredAtPrecision)
                .containsExactly(DatePrecision.MONTH, DatePrecision.DAY, DatePrecision.DAY, null);
        ChronologyEntryView shown = EntryAsOf.at(read, T0.plusSeconds(3));
        assertThat(shown.occurredAtPrecision()).isEqualTo(DatePrecision.DAY);
        assertThat(shown.personIds()).containsExactly("person-1", "person-2");
        assertThat(shown.history()).extracting(ChronologyEntryView.Version::occurredAtPrecision)
                .containsExactly(DatePrecision.MONTH, DatePrecision.DAY, DatePrecision.DAY, DatePrecision.DAY);
        assertThat(EntryAsOf.at(read, T0).occurredAtPrecision()).isEqualTo(DatePrecision.MONTH);
    }

    @Test
    void readsVersionsProjectedBeforePrecisionWasKeptAsExact() {
        mongo.insert(new Document("_id", "child-a#0").append("e", new Document("E1", new Document("id", "child-a/E1")
                .append("agencyId", "police").append("sourceRef", "CAD-1")
                .append("v", new Document("V1", new Document("recordedAt", T0.toString())
                        .append("occurredAt", T0.toString()).append("knownAt", T0.toString())
                        .append("kind", "CONTACT").append("summary", "Call-out").append("significance", "ROUTINE"))))),
                ChronologyProjection.ENTRY_BUCKETS);
        mongo.insert(new Document("_id", "child-a").append("sequence", 1L).append("entryCount", 1L),
                ChronologyProjection.CHRONOLOGIES);

        RecordedEntry read = recorded.entry("child-a/E1");
        assertThat(read.personIds()).isEmpty();
        assertThat(read.versions().get(0).occurredAtPrecision()).isEqualTo(DatePrecision.EXACT);
    }

    @Test
    void versionsAndSharesArrivingLaterAreRead() {
        String entryId = story.record(T0, "child-a", "police", T0, T0);
        Story.project(projection, story.events);
        assertThat(recorded.entry(entryId).versions()).hasSize(1);

        int seen = story.events.size();
        story.correct(T0.plusSeconds(10), entryId, null, T0.plusSeconds(5), "Call-out, corrected", "typo");
        story.share(T0.plusSeconds(20), "child-a", "police", "health", T0.plusSeconds(15), SharingChannel.WRITTEN, entryId);
        story.retract(T0.plusSeconds(30), entryId, "wrong child");
        Story.project(projection, story.events.subList(seen, story.events.size()));

        RecordedEntry entry = recorded.entry(entryId);
        assertThat(entry.versions()).extracting(RecordedEntry.Version::number).containsExactly(1, 2, 3);
        assertThat(entry.versions().get(1).reason()).isEqualTo("typo");
        assertThat(entry.versions().get(2).retracted()).isTrue();
        assertThat(entry.shares()).singleElement().satisfies(share -> {
            assertThat(share.toAgencyId()).isEqualTo("health");
            assertThat(share.channel()).isEqualTo(SharingChannel.WRITTEN);
            assertThat(share.recordedAt()).isEqualTo(T0.plusSeconds(20));
        });
    }

    @Test
    void spreadsEntriesOverBucketsAndASharingOverEveryBucketItNames() {
        int count = 3 * ChronologyProjection.BUCKET_SIZE - 2; // entries 1 to count: buckets 0, 1 and 2
        List<String> entryIds = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            entryIds.add(story.record(T0.plusSeconds(i), "child-a", "police", T0, T0));
        }
        story.share(T0.plusSeconds(1_000), "child-a", "police", "school", T0.plusSeconds(999), SharingChannel.MEETING,
                entryIds.get(0), entryIds.get(count / 2), entryIds.get(count - 1));
        Story.project(projection, story.events);

        assertThat(mongo.findAll(Document.class, ChronologyProjection.ENTRY_BUCKETS))
                .extracting(bucket -> bucket.getString("_id"))
                .containsExactlyInAnyOrder("child-a#0", "child-a#1", "child-a#2");
        List<RecordedEntry> entries = recorded.ofChild("child-a");
        assertThat(entries).extracting(RecordedEntry::number).containsExactlyElementsOf(
                java.util.stream.LongStream.rangeClosed(1, count).boxed().toList());
        assertThat(entries).filteredOn(entry -> !entry.shares().isEmpty())
                .extracting(RecordedEntry::id)
                .containsExactly(entryIds.get(0), entryIds.get(count / 2), entryIds.get(count - 1));
    }

    @Test
    void redeliveredEventsChangeNothing() {
        String first = story.record(T0, "child-a", "police", T0, T0);
        String second = story.record(T0.plusSeconds(1), "child-a", "health", T0, T0);
        story.share(T0.plusSeconds(2), "child-a", "police", "health", T0.plusSeconds(2), SharingChannel.VERBAL, first);
        story.correct(T0.plusSeconds(3), second, T0.minusSeconds(60), null, null, "time of visit");
        story.retract(T0.plusSeconds(4), first, "recorded in error");
        story.record(T0.plusSeconds(5), "child-b", "school", T0, T0);

        Story.project(projection, story.events);
        List<Document> once = contents();

        // a batch delivered again, then the whole stream again out of order, as at-least-once delivery may
        Story.project(projection, story.events.subList(1, 4));
        List<Story.Event> shuffled = new ArrayList<>(story.events);
        Collections.shuffle(shuffled, new java.util.Random(7));
        Story.project(projection, shuffled);

        assertThat(contents()).isEqualTo(once);
    }

    @Test
    void theResetHandlerDropsTheReadModels() {
        story.record(T0, "child-a", "police", T0, T0);
        Story.project(projection, story.events);
        assertThat(recorded.ofChild("child-a")).hasSize(1);

        projection.reset();

        assertThat(mongo.collectionExists(ChronologyProjection.ENTRY_BUCKETS)).isFalse();
        assertThat(mongo.collectionExists(ChronologyProjection.CHRONOLOGIES)).isFalse();
        assertThat(recorded.ofChild("child-a")).isEmpty();
        Story.project(projection, story.events);
        assertThat(recorded.ofChild("child-a")).hasSize(1);
    }

    private List<Document> contents() {
        List<Document> documents = new ArrayList<>();
        for (String collection : List.of(ChronologyProjection.CHRONOLOGIES, ChronologyProjection.ENTRY_BUCKETS)) {
            mongo.find(new Query().with(org.springframework.data.domain.Sort.by("_id")), Document.class, collection)
                    .forEach(documents::add);
        }
        return documents;
    }
}
