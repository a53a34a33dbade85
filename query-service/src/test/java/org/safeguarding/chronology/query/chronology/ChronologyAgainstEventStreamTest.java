package org.safeguarding.chronology.query.chronology;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.safeguarding.chronology.api.chronology.ChronologyEntryView;
import org.safeguarding.chronology.api.chronology.ChronologyPage;
import org.safeguarding.chronology.api.chronology.DatePrecision;
import org.safeguarding.chronology.api.chronology.EntryCorrected;
import org.safeguarding.chronology.api.chronology.EntryKind;
import org.safeguarding.chronology.api.chronology.EntryRecorded;
import org.safeguarding.chronology.api.chronology.EntryRetracted;
import org.safeguarding.chronology.api.chronology.FindChronology;
import org.safeguarding.chronology.api.chronology.FindEntry;
import org.safeguarding.chronology.api.chronology.Significance;
import org.safeguarding.chronology.api.sharing.InformationShared;
import org.safeguarding.chronology.api.sharing.SharingChannel;
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
    private static final Instant CASE_START = Instant.parse("2007-01-01T08:00:00Z");
    private static final List<String> AGENCIES = List.of("police", "health", "csc", "school", "housing", "probation");
    private static final int[] PAGE_SIZES = {1, 2, 3, 7, 100, 500};
    private static final List<String> PERSONS = List.of("mother", "father", "partner", "lodger");

    private final MongoTemplate mongo = TestMongo.freshDatabase();
    private final RecordedEntries recorded = new RecordedEntries(mongo);
    private final ChronologyProjection projection = new ChronologyProjection(mongo, recorded);
    private final ChronologyQueries queries = new ChronologyQueries(recorded, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void everyPageAgreesWithTheEventStream() {
        for (int history = 0; history < HISTORIES; history++) {
            long seed = FIRST_SEED + history;
            try {
                check(seed);
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("history seed " + seed + " (rerun: -Dchronology.seed=" + seed
                        + " -Dchronology.histories=1): " + e.getMessage(), e);
            }
        }
    }

    private void check(long seed) {
        Random random = new Random(seed);
        List<String> agencies = new ArrayList<>(AGENCIES);
        Collections.shuffle(agencies, random);
        agencies = agencies.subList(0, 3 + random.nextInt(4));
        List<String> children = new ArrayList<>();
        for (int i = 0, count = 1 + random.nextInt(3); i < count; i++) {
            children.add("h" + seed + "-child-" + (char) ('a' + i));
        }
        List<Story.Event> events = randomHistory(random, agencies, children).events;

        int delivered = 0;
        List<Integer> checkpoints = new ArrayList<>(new TreeSet<>(List.of(random.nextInt(events.size() + 1),
                random.nextInt(events.size() + 1), events.size())));
        for (int checkpoint : checkpoints) {
            while (delivered < checkpoint) {
                int batchEnd = Math.min(checkpoint, delivered + 1 + random.nextInt(5));
                Story.project(projection, events.subList(delivered, batchEnd));
                delivered = batchEnd;
                if (random.nextInt(5) == 0) { // at-least-once: a batch already handled comes again
                    int from = random.nextInt(delivered);
                    Story.project(projection, events.subList(from, Math.min(delivered, from + 1 + random.nextInt(6))));
                }
            }
            compare(random, new LiteralChronology(events.subList(0, checkpoint)), events.subList(0, checkpoint),
                    agencies, children);
        }
    }

    private static Story randomHistory(Random random, List<String> agencies, List<String> children) {
        Story story = new Story();
        Map<String, Map<String, Instant>> knowledge = new HashMap<>(); // entry -> agency -> since, roughly
        List<String> entries = new ArrayList<>();
        Set<String> retracted = new TreeSet<>();
        Instant platform = Instant.parse("2008-01-01T00:00:00Z");
        for (int op = 0, ops = 5 + random.nextInt(40); op < ops; op++) {
            if (random.nextInt(4) > 0) {
                platform = platform.plusMillis(random.nextInt(3_000)).plusNanos(random.nextInt(3) * 1_000L);
            }
            int kind = random.nextInt(100);
            List<String> open = entries.stream().filter(entry -> !retracted.contains(entry)).toList();
            if (kind < 40 || entries.isEmpty()) {
                String agency = pick(random, agencies);
                Instant occurredAt = someDay(random);
                Instant knownAt = occurredAt.plus(Duration.ofDays(random.nextInt(3)));
                String entryId = story.record(platform, pick(random, children), agency, "REF-" + op,
                        pick(random, EntryKind.values()), occurredAt, pick(random, DatePrecision.values()), knownAt,
                        "Summary " + op, pick(random, Significance.values()),
                        random.nextInt(3) == 0 ? null : "Professional " + op,
                        PERSONS.stream().filter(person -> random.nextInt(3) == 0).toList());
                entries.add(entryId);
                knowledge.computeIfAbsent(entryId, e -> new HashMap<>()).put(agency, knownAt);
            } else if (kind < 58 && !open.isEmpty()) {
                String entryId = pick(random, open);
                EntryCorrected was = story.current(entryId);
                Instant occurredAt = random.nextBoolean() ? someDay(random) : null;
                Instant knownAt = random.nextBoolean()
                        ? (occurredAt == null ? was.occurredAt() : occurredAt).plus(Duration.ofDays(random.nextInt(3)))
                        : null;
                if (occurredAt != null && knownAt == null && was.knownAt().isBefore(occurredAt)) {
                    knownAt = occurredAt;
                }
                story.correct(platform, entryId, occurredAt,
                        random.nextInt(4) == 0 ? pick(random, DatePrecision.values()) : null, knownAt,
                        random.nextInt(3) == 0 ? pick(random, EntryKind.values()) : null,
                        random.nextBoolean() ? "Corrected summary " + op : null,
                        random.nextInt(3) == 0 ? pick(random, Significance.values()) : null, "Reason " + op);
                if (knownAt != null) {
                    knowledge.get(entryId).put(was.agencyId(), knownAt);
                }
            } else if (kind < 64 && !open.isEmpty()) {
                String entryId = pick(random, open);
                story.retract(platform, entryId, "Recorded in error " + op);
                retracted.add(entryId);
            } else {
                String entryId = pick(random, entries);
                String child = story.current(entryId).childId();
                Map<String, Instant> knowers = knowledge.get(entryId);
                String from = pick(random, new ArrayList<>(new TreeSet<>(knowers.keySet())));
                List<String> others = agencies.stream().filter(agency -> !agency.equals(from)).toList();
                String to = pick(random, others);
                List<String> named = new ArrayList<>(List.of(entryId));
                Instant sharedAt = knowers.get(from);
                for (String other : entries) {
                    Instant since = knowledge.get(other).get(from);
                    if (!other.equals(entryId) && since != null && story.current(other).childId().equals(child)
                            && random.nextInt(3) == 0) {
                        named.add(other);
                        sharedAt = sharedAt.isAfter(since) ? sharedAt : since;
                    }
                }
                sharedAt = sharedAt.plus(Duration.ofDays(random.nextInt(3)));
                story.share(platform, child, from, to, sharedAt, pick(random, SharingChannel.values()),
                        named.toArray(String[]::new));
                for (String entry : named) {
                    knowledge.get(entry).merge(to, sharedAt, (a, b) -> a.isBefore(b) ? a : b);
                }
            }
        }
        return story;
    }

    private void compare(Random random, LiteralChronology literal, List<Story.Event> delivered,
                         List<String> agencies, List<String> children) {
        List<Instant> recordedAts = delivered.stream().map(Story.Event::recordedAt).toList();
        List<Instant> caseTimes = delivered.stream().flatMap(event -> caseTimes(event.payload()).stream()).toList();
        for (int query = 0; query < 12; query++) {
            String child = random.nextInt(20) == 0 ? "h-unknown-child" : pick(random, children);
            String knownBy = random.nextInt(5) < 2 ? null
                    : random.nextInt(20) == 0 ? "unknown-agency" : pick(random, agencies);
            Instant knownAt = random.nextInt(5) < 2 || caseTimes.isEmpty() ? null : nudge(random, pick(random, caseTimes));
            Instant recordedAsOf = random.nextInt(4) == 0 || recordedAts.isEmpty() ? null
                    : nudge(random, pick(random, recordedAts));
            int first = PAGE_SIZES[random.nextInt(PAGE_SIZES.length)];
            String personId = random.nextInt(4) == 0 ? pick(random, PERSONS) : null;

            List<ChronologyEntryView> expected = literal.chronology(child, knownBy, knownAt,
                    recordedAsOf == null ? NOW : recordedAsOf, personId);
            String description = "chronology(" + child + ", knownBy " + knownBy + ", knownAt " + knownAt
                    + ", recordedAsOf " + recordedAsOf + ", first " + first + ", personId " + personId + ")";
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
            } while (page.hasNextPage());
            assertThat(offset).as(description).isEqualTo(expected.size());
        }
        List<String> entryIds = delivered.stream().filter(event -> event.payload() instanceof EntryRecorded)
                .map(event -> ((EntryRecorded) event.payload()).entryId()).collect(Collectors.toList());
        for (int query = 0; query < 4 && !entryIds.isEmpty(); query++) {
            String entryId = pick(random, entryIds);
            Instant recordedAsOf = random.nextInt(3) == 0 ? null : nudge(random, pick(random, recordedAts));
            assertThat(queries.handle(new FindEntry(entryId, recordedAsOf)))
                    .as("entry(" + entryId + ", recordedAsOf " + recordedAsOf + ")")
                    .isEqualTo(literal.entry(entryId, recordedAsOf == null ? NOW : recordedAsOf));
        }
    }

    private static List<Instant> caseTimes(Object payload) {
        if (payload instanceof EntryRecorded e) {
            return List.of(e.occurredAt(), e.knownAt());
        } else if (payload instanceof EntryCorrected e) {
            return List.of(e.knownAt());
        } else if (payload instanceof InformationShared e) {
            return List.of(e.sharedAt());
        }
        return List.of();
    }

    /** The instant itself, or one nanosecond either side of it. */
    private static Instant nudge(Random random, Instant instant) {
        return instant.plusNanos(random.nextInt(3) - 1);
    }

    private static Instant someDay(Random random) {
        return CASE_START.plus(Duration.ofDays(random.nextInt(15))).plus(Duration.ofHours(random.nextInt(2) * 3L));
    }

    private static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static <T> T pick(Random random, T[] values) {
        return values[random.nextInt(values.length)];
    }
}
