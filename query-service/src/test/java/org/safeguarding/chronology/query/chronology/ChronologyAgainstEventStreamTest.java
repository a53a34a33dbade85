package org.safeguarding.chronology.query.chronology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.safeguarding.chronology.query.chronology.RandomStories.nudge;
import static org.safeguarding.chronology.query.chronology.RandomStories.pick;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.safeguarding.chronology.api.chronology.ChronologyEntryView;
import org.safeguarding.chronology.api.chronology.ChronologyPage;
import org.safeguarding.chronology.api.chronology.EntryKind;
import org.safeguarding.chronology.api.chronology.EntryRecorded;
import org.safeguarding.chronology.api.chronology.FindChronology;
import org.safeguarding.chronology.api.chronology.FindChronologyPages;
import org.safeguarding.chronology.api.chronology.FindEntry;
import org.safeguarding.chronology.query.TestMongo;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Random histories (seeded) fed to the projection, with redelivered events, compared page by page with
 * {@link LiteralChronology}'s reading of the same events (precision, persons named and the previous entry's
 * occurredAt included). Rerun one history with -Dchronology.seed=N.
 */
class ChronologyAgainstEventStreamTest {

    private static final long FIRST_SEED = Long.getLong("chronology.seed", 20_070_301L);
    private static final int HISTORIES = Integer.getInteger("chronology.histories", 200);
    private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");
    private static final int[] PAGE_SIZES = {1, 2, 3, 7, 100, 500};
    private static final List<String> PERSONS = List.of("mother", "father", "partner", "lodger");
    /** Any kind; corrections of every field; persons named on entries but no person records. */
    private static final RandomStories STORIES = new RandomStories(15).operations(5, 40)
            .kinds(List.of(EntryKind.values())).naming(PERSONS).professionals(0)
            .recording(40).correcting(18, true).retracting(6);

    private final MongoTemplate mongo = TestMongo.freshDatabase();
    private final RecordedEntries recorded = new RecordedEntries(mongo);
    private final ChronologyProjection projection = new ChronologyProjection(mongo, recorded);
    private final ChronologyQueries queries = new ChronologyQueries(recorded, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void everyPageAgreesWithTheEventStream() {
        RandomStories.forEachHistory("chronology", FIRST_SEED, HISTORIES, this::check);
    }

    private void check(long seed) {
        Random random = new Random(seed);
        List<String> agencies = RandomStories.someAgencies(random, 3, 6);
        List<String> children = RandomStories.children(seed, 1 + random.nextInt(3));
        List<Story.Event> events = STORIES.history(random, agencies, children).events;

        int delivered = 0;
        List<Integer> checkpoints = new ArrayList<>(new TreeSet<>(List.of(random.nextInt(events.size() + 1),
                random.nextInt(events.size() + 1), events.size())));
        for (int checkpoint : checkpoints) {
            RandomStories.deliver(random, events, delivered, checkpoint, batch -> Story.project(projection, batch));
            delivered = checkpoint;
            compare(random, new LiteralChronology(events.subList(0, checkpoint), NOW), events.subList(0, checkpoint),
                    agencies, children);
        }
    }

    private void compare(Random random, LiteralChronology literal, List<Story.Event> delivered,
                         List<String> agencies, List<String> children) {
        List<Instant> recordedAts = RandomStories.recordedAts(delivered);
        List<Instant> caseTimes = RandomStories.caseTimes(delivered);
        for (int query = 0; query < 12; query++) {
            String child = random.nextInt(20) == 0 ? "h-unknown-child" : pick(random, children);
            String knownBy = random.nextInt(5) < 2 ? null
                    : random.nextInt(20) == 0 ? "unknown-agency" : pick(random, agencies);
            Instant knownAt = random.nextInt(5) < 2 || caseTimes.isEmpty() ? null : nudge(random, pick(random, caseTimes));
            Instant recordedAsOf = random.nextInt(4) == 0 || recordedAts.isEmpty() ? null
                    : nudge(random, pick(random, recordedAts));
            int first = PAGE_SIZES[random.nextInt(PAGE_SIZES.length)];
            String personId = random.nextInt(4) == 0 ? pick(random, PERSONS) : null;

            List<ChronologyEntryView> expected = literal.chronology(child, knownBy, knownAt, recordedAsOf, personId);
            String description = "chronology(" + child + ", knownBy " + knownBy + ", knownAt " + knownAt
                    + ", recordedAsOf " + recordedAsOf + ", first " + first + ", personId " + personId + ")";
            List<String> pageStarts = queries.handle(new FindChronologyPages(child, knownBy, knownAt, recordedAsOf,
                    personId, first)).after();
            List<String> endCursors = new ArrayList<>();
            String after = null;
            int offset = 0;
            ChronologyPage page;
            do {
                page = queries.handle(new FindChronology(child, knownBy, knownAt, recordedAsOf, first, after,
                        personId));
                List<ChronologyEntryView> nodes = page.edges().stream().map(ChronologyPage.Edge::node).toList();
                int end = Math.min(offset + first, expected.size());
                assertThat(nodes).as(description + " after " + offset).isEqualTo(expected.subList(offset, end));
                assertThat(page.totalCount()).as(description).isEqualTo(expected.size());
                assertThat(page.hasNextPage()).as(description).isEqualTo(end < expected.size());
                assertThat(page.endCursor()).as(description)
                        .isEqualTo(nodes.isEmpty() ? null : page.edges().get(nodes.size() - 1).cursor());
                offset = end;
                after = page.endCursor();
                if (page.hasNextPage()) {
                    endCursors.add(after);
                }
            } while (page.hasNextPage());
            assertThat(offset).as(description).isEqualTo(expected.size());
            assertThat(pageStarts).as("chronologyPages of " + description).isEqualTo(endCursors);
        }
        List<String> entryIds = delivered.stream().filter(event -> event.payload() instanceof EntryRecorded)
                .map(event -> ((EntryRecorded) event.payload()).entryId()).collect(Collectors.toList());
        for (int query = 0; query < 4 && !entryIds.isEmpty(); query++) {
            String entryId = pick(random, entryIds);
            Instant recordedAsOf = random.nextInt(3) == 0 ? null : nudge(random, pick(random, recordedAts));
            assertThat(queries.handle(new FindEntry(entryId, recordedAsOf)))
                    .as("entry(" + entryId + ", recordedAsOf " + recordedAsOf + ")")
                    .isEqualTo(literal.entry(entryId, recordedAsOf));
        }
    }
}
