package org.safeguarding.chronology.query.casestate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.safeguarding.chronology.query.chronology.RandomStories.pick;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.safeguarding.chronology.api.casestate.CaseStateView;
import org.safeguarding.chronology.api.casestate.FindCaseState;
import org.safeguarding.chronology.api.casestate.FindInvolvement;
import org.safeguarding.chronology.api.child.ChildIds;
import org.safeguarding.chronology.query.chronology.ChronologyProjection;
import org.safeguarding.chronology.api.chronology.ChronologyUpcasters;
import org.safeguarding.chronology.api.chronology.DatePrecision;
import org.safeguarding.chronology.api.chronology.EntryKind;
import org.safeguarding.chronology.api.chronology.EntryRecorded;
import org.safeguarding.chronology.api.chronology.Significance;
import org.safeguarding.chronology.api.person.PersonRole;
import org.safeguarding.chronology.api.person.Sex;
import org.safeguarding.chronology.api.sharing.SharingChannel;
import org.safeguarding.chronology.eventstore.MongoEventStorageEngine;
import org.safeguarding.chronology.query.TestMongo;
import org.safeguarding.chronology.query.chronology.ChronologyQueries;
import org.safeguarding.chronology.query.chronology.RecordedEntries;
import org.safeguarding.chronology.query.chronology.Story;
import org.safeguarding.chronology.query.person.KnownPeople;

/**
 * Not a timed assertion: reports (lines starting {@code MEASURE:}, in this class's surefire output file) how long
 * caseState takes for one child with 10,000 entries and 50 persons, from the read models and with verify.
 */
class CaseStateLatencyTest {

    private static final String CHILD = "child-long-case";
    private static final int ENTRIES = 10_000;
    private static final int PERSONS = 50;
    private static final List<String> AGENCIES = List.of("police", "health", "csc", "school", "housing", "probation");
    private static final Instant CASE_START = Instant.parse("2007-01-01T08:00:00Z");

    private final JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
    private CaseStateFixture readModels;
    private EmbeddedEventStore eventStore;

    @AfterEach
    void shutDown() {
        eventStore.shutDown();
    }

    @Test
    void measuresCaseStateForALongCase() throws Exception {
        Story story = longCase(new Random(2007));
        MongoEventStorageEngine storage = MongoEventStorageEngine.builder()
                .database(TestMongo.freshDatabase().getDb())
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .upcasterChain(new EventUpcasterChain(ChronologyUpcasters.all()))
                .build();
        eventStore = EmbeddedEventStore.builder().storageEngine(storage).build();
        readModels = new CaseStateFixture(eventStore);

        long started = System.nanoTime();
        List<DomainEventMessage<?>> messages = new ArrayList<>();
        for (Story.Event event : story.events) {
            messages.add(new GenericDomainEventMessage<>("Child", ChildIds.aggregateId(CHILD), event.sequence() - 1,
                    event.payload(), MetaData.emptyInstance(), "event-" + event.sequence(), event.recordedAt()));
        }
        storage.appendEvents(messages);
        report("store %d events: %d ms", messages.size(), millis(started));
        started = System.nanoTime();
        projectInParallel(story.events);
        report("project them (8 threads): %d ms", millis(started));

        Instant end = story.events.get(story.events.size() - 1).recordedAt();
        Instant lastDay = CASE_START.plus(Duration.ofDays(3_700));
        Instant midway = CASE_START.plus(Duration.ofDays(1_800));
        CaseStateView state = readModels.caseStates.handle(new FindCaseState(CHILD, lastDay, null, null, true));
        assertThat(state.verification().agrees()).as(String.join("\n", state.verification().differences())).isTrue();
        report("caseState at the end: entryCount %d, involved %d, household %d, unseenBy %d, events replayed %d",
                state.entryCount(), state.involvedAgencies().size(), state.household().size(), state.unseenBy().size(),
                state.verification().eventsReplayed());

        long[] cold = new long[3];
        for (int run = 0; run < cold.length; run++) { // a new query side reads the child's documents again
            CaseStateQueries first = new CaseStateQueries(new ChronologyQueries(new RecordedEntries(readModels.mongo)),
                    new KnownPeople(readModels.mongo), null, Clock.fixed(CaseStateFixture.NOW, ZoneOffset.UTC));
            started = System.nanoTime();
            first.handle(new FindCaseState(CHILD, lastDay, null, null, false));
            cold[run] = millis(started);
        }
        report("caseState, read models, first read of the child (entries not cached): %s ms", Arrays.toString(cold));
        time("caseState, read models, at the end", 30,
                () -> readModels.caseStates.handle(new FindCaseState(CHILD, lastDay, null, null, false)));
        time("caseState, read models, midway, knownBy csc, recordedAsOf before the last event", 30,
                () -> readModels.caseStates.handle(new FindCaseState(CHILD, midway, "csc", end.minusMillis(1), false)));
        time("involvement, read models", 30,
                () -> readModels.involvement.handle(new FindInvolvement(CHILD, null)));
        time("caseState, verify: true (read models + literal replay of the event store)", 3,
                () -> readModels.caseStates.handle(new FindCaseState(CHILD, lastDay, null, null, true)));
    }

    /** 10,000 entries over ten years by six agencies, 50 persons, with corrections, retractions and shares. */
    private static Story longCase(Random random) {
        Story story = new Story();
        List<String> entries = new ArrayList<>();
        List<String> standing = new ArrayList<>(); // not retracted: only these can be corrected or retracted
        Instant platform = Instant.parse("2017-02-01T00:00:00Z");
        for (int person = 1; person <= PERSONS; person++) {
            for (int agency = 0, records = 1 + random.nextInt(3); agency < records; agency++) {
                platform = platform.plusMillis(1 + random.nextInt(1_000));
                story.know(platform, CHILD, pick(random, AGENCIES), "person-" + person,
                        pick(random, PersonRole.values()), pick(random, Sex.values()), random.nextBoolean(),
                        CASE_START.plus(Duration.ofDays(random.nextInt(3_650))));
            }
        }
        EntryKind[] kinds = EntryKind.values();
        while (entries.size() < ENTRIES) {
            platform = platform.plusMillis(1 + random.nextInt(1_000));
            int op = random.nextInt(100);
            if (op < 88 || standing.isEmpty()) {
                Instant occurredAt = CASE_START.plus(Duration.ofMinutes(random.nextInt(3_650 * 24 * 60)));
                List<String> persons = random.nextInt(3) == 0 ? List.of("person-" + (1 + random.nextInt(PERSONS)))
                        : List.of();
                entries.add(story.record(platform, CHILD, pick(random, AGENCIES), "REF-" + entries.size(),
                        kinds[random.nextInt(kinds.length)], occurredAt, pick(random, DatePrecision.values()),
                        occurredAt.plus(Duration.ofHours(random.nextInt(72))), "Summary " + entries.size(),
                        pick(random, Significance.values()), "Professional " + random.nextInt(40), persons));
                standing.add(entries.get(entries.size() - 1));
            } else if (op < 94) {
                String entryId = pick(random, standing);
                story.correct(platform, entryId, null, null, null, pick(random, kinds), "Corrected summary", null,
                        "Reason " + op);
            } else if (op < 95) {
                story.retract(platform, standing.remove(random.nextInt(standing.size())), "Recorded in error");
            } else {
                String entryId = pick(random, entries);
                String from = story.current(entryId).agencyId();
                String to = AGENCIES.stream().filter(agency -> !agency.equals(from)).toList().get(random.nextInt(5));
                story.share(platform, CHILD, from, to, story.current(entryId).knownAt().plus(Duration.ofDays(1)),
                        pick(random, SharingChannel.values()), entryId);
            }
        }
        return story;
    }

    /** Handlers write $set on keyed paths and $max only, so the order does not matter once each document exists. */
    private void projectInParallel(List<Story.Event> events) throws Exception {
        List<Story.Event> firsts = new ArrayList<>(events.subList(0, 1)); // a person record
        events.stream().filter(event -> event.payload() instanceof EntryRecorded recorded
                        && (ChildIds.entryNumber(recorded.entryId()) % ChronologyProjection.BUCKET_SIZE == 0
                            || ChildIds.entryNumber(recorded.entryId()) == 1))
                .forEach(firsts::add);
        readModels.project(firsts);
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int thread = 0; thread < 8; thread++) {
                List<Story.Event> part = events.subList(thread * events.size() / 8, (thread + 1) * events.size() / 8);
                done.add(threads.submit(() -> readModels.project(part)));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            threads.shutdown();
        }
    }

    private static void time(String what, int runs, Supplier<Object> query) {
        query.get(); // warm-up
        long[] millis = new long[runs];
        for (int run = 0; run < runs; run++) {
            long started = System.nanoTime();
            query.get();
            millis[run] = (System.nanoTime() - started) / 1_000_000;
        }
        Arrays.sort(millis);
        report("%s: median %d ms, max %d ms over %d runs", what, millis[runs / 2], millis[runs - 1], runs);
    }

    private static long millis(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }

    private static void report(String format, Object... values) {
        System.out.println("MEASURE: " + String.format(format, values));
    }
}
