package org.safeguarding.chronology.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.safeguarding.chronology.eventstore.TestSupport.event;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.safeguarding.chronology.eventstore.TestSupport.CaseNoted;
import org.safeguarding.chronology.eventstore.TestSupport.CaseSnapshot;

class MongoEventStorageEngineTest {

    private final TestSupport support = new TestSupport();
    private CountDownLatch slowTookIndex;

    @AfterEach
    void close() {
        support.close();
    }

    @Test
    void readsAnAggregateFromAnySequenceNumberAcrossBatchesAndSplitCommits() {
        MongoEventStorageEngine engine = support.engine().batchSize(5).build();
        engine.appendEvents(events("case-1", 0, 3));
        engine.appendEvents(events("case-1", 3, 20)); // two commits: 16 + 4
        engine.appendEvents(events("case-2", 0, 2));
        engine.appendEvents(events("case-1", 23, 17));

        assertThat(sequenceNumbers(engine, "case-1", 0)).containsExactlyElementsOf(range(0, 40));
        assertThat(sequenceNumbers(engine, "case-1", 7)).containsExactlyElementsOf(range(7, 40));
        assertThat(sequenceNumbers(engine, "case-1", 39)).containsExactly(39L);
        assertThat(sequenceNumbers(engine, "case-1", 40)).isEmpty();
        assertThat(sequenceNumbers(engine, "case-2", 0)).containsExactly(0L, 1L);
        assertThat(sequenceNumbers(engine, "nobody", 0)).isEmpty();
        assertThat(engine.lastSequenceNumberFor("case-1")).contains(39L);
        assertThat(engine.lastSequenceNumberFor("nobody")).isEmpty();

        DomainEventMessage<?> first = engine.readEvents("case-1").next();
        assertThat(first.getPayload()).isInstanceOf(CaseNoted.class);
        assertThat(((CaseNoted) first.getPayload()).text()).isEqualTo("note 0");
        assertThat(first.getType()).isEqualTo(TestSupport.AGGREGATE_TYPE);
        assertThat(first.getMetaData()).containsKey("traceId");
        assertThat(engine.headSequence()).isEqualTo(42);
        assertThat(support.database.getCollection("events").countDocuments()).isEqualTo(6);
    }

    @Test
    void keepsTimestampsAtFullPrecision() {
        MongoEventStorageEngine engine = support.engine().build();
        Instant at = Instant.parse("2024-03-01T10:15:30.123456789Z");
        engine.appendEvents(new GenericDomainEventMessage<>("Case", "c", 0, new CaseNoted("c", "x", at), null,
                                                            "id-1", at));
        DomainEventMessage<?> read = engine.readEvents("c").next();
        assertThat(read.getTimestamp()).isEqualTo(at);
        assertThat(((CaseNoted) read.getPayload()).occurredAt()).isEqualTo(at);
    }

    @Test
    void aNewerSnapshotWins() {
        MongoEventStorageEngine engine = support.engine().build();
        engine.storeSnapshot(snapshot("case-1", 5));
        engine.storeSnapshot(snapshot("case-1", 3));
        assertThat(engine.readSnapshot("case-1").map(DomainEventMessage::getSequenceNumber)).contains(5L);
        engine.storeSnapshot(snapshot("case-1", 9));
        DomainEventMessage<?> read = engine.readSnapshot("case-1").orElseThrow();
        assertThat(read.getSequenceNumber()).isEqualTo(9);
        assertThat(read.getPayload()).isEqualTo(new CaseSnapshot("case-1", 9));
        assertThat(engine.readSnapshot("case-2")).isEmpty();
    }

    @Test
    void aSecondAppendAtTheSameSequenceNumberFails() {
        MongoEventStorageEngine engine = support.engine().build();
        engine.appendEvents(events("case-1", 0, 2));
        assertThatThrownBy(() -> engine.appendEvents(events("case-1", 0, 1)))
                .isInstanceOf(AggregateStreamCreationException.class);
        engine.appendEvents(events("case-1", 2, 1));
        assertThatThrownBy(() -> engine.appendEvents(events("case-1", 2, 3)))
                .isInstanceOf(ConcurrencyException.class)
                .isNotInstanceOf(AggregateStreamCreationException.class);

        // the losers tombstoned their global indexes (3, and 5 to 7) themselves: readers go straight past them
        assertThat(trackedIndexes(engine, null)).containsExactly(1L, 2L, 4L);
        assertThat(engine.fencesWritten()).isZero();
        assertThat(sequenceNumbers(engine, "case-1", 0)).containsExactly(0L, 1L, 2L);
    }

    @Test
    void ofTwoConcurrentAppendsAtTheSameSequenceNumberExactlyOneSucceeds() throws Exception {
        MongoEventStorageEngine engine = support.engine().build();
        engine.appendEvents(events("case-1", 0, 1));
        for (int round = 1; round <= 30; round++) {
            long seq = round;
            CyclicBarrier barrier = new CyclicBarrier(2);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            List<Future<Boolean>> outcomes = new ArrayList<>();
            for (int writer = 0; writer < 2; writer++) {
                outcomes.add(pool.submit(() -> {
                    barrier.await();
                    try {
                        engine.appendEvents(events("case-1", seq, 1));
                        return true;
                    } catch (ConcurrencyException e) {
                        return false;
                    }
                }));
            }
            int successes = 0;
            for (Future<Boolean> outcome : outcomes) {
                successes += outcome.get(10, TimeUnit.SECONDS) ? 1 : 0;
            }
            pool.shutdown();
            assertThat(successes).as("round %d", round).isEqualTo(1);
        }
        assertThat(sequenceNumbers(engine, "case-1", 0)).containsExactlyElementsOf(range(0, 31));
        assertThat(trackedIndexes(engine, null)).hasSize(31);
    }

    @Test
    void tracksAggregateAndNonAggregateEventsFromTheTailInGlobalOrder() {
        MongoEventStorageEngine engine = support.engine().batchSize(3).build();
        assertThat(engine.createTailToken()).isEqualTo(new GlobalSequenceTrackingToken(0));
        assertThat(engine.createHeadToken()).isEqualTo(new GlobalSequenceTrackingToken(0));
        assertThat(engine.readEvents(engine.createTailToken(), false)).isEmpty();

        List<EventMessage<?>> mixed = new ArrayList<>(events("case-1", 0, 4));
        mixed.add(GenericEventMessage.asEventMessage("a system notice"));
        mixed.addAll(events("case-2", 0, 2));
        engine.appendEvents(mixed);
        engine.appendEvents(events("case-1", 4, 3));

        List<? extends TrackedEventMessage<?>> all = engine.readEvents(engine.createTailToken(), false).toList();
        assertThat(all).extracting(m -> ((GlobalSequenceTrackingToken) m.trackingToken()).getGlobalIndex())
                       .containsExactlyElementsOf(range(1, 11));
        assertThat(all.get(4)).isNotInstanceOf(DomainEventMessage.class);
        assertThat(all.get(4).getPayload()).isEqualTo("a system notice");
        assertThat(all.get(5)).isInstanceOf(DomainEventMessage.class);
        assertThat(all.get(5).getIdentifier()).isEqualTo(mixed.get(5).getIdentifier());

        // from inside a commit (indexes 1..4 are one commit)
        assertThat(trackedIndexes(engine, new GlobalSequenceTrackingToken(2))).containsExactlyElementsOf(range(3, 11));
        assertThat(engine.createHeadToken()).isEqualTo(new GlobalSequenceTrackingToken(10));
        assertThat(engine.committedHead()).isEqualTo(10);
        assertThat(engine.headSequence()).isEqualTo(10);
    }

    @Test
    void createsATokenAtATime() {
        MongoEventStorageEngine engine = support.engine().build();
        Instant t0 = Instant.parse("2024-01-01T00:00:00Z");
        for (int i = 0; i < 5; i++) {
            Instant at = t0.plusSeconds(i);
            engine.appendEvents(new GenericDomainEventMessage<>("Case", "c", i, new CaseNoted("c", "x", at), null,
                                                                "id-" + i, at));
        }
        assertThat(engine.createTokenAt(t0.minusSeconds(1))).isEqualTo(new GlobalSequenceTrackingToken(0));
        assertThat(engine.createTokenAt(t0.plusMillis(2500))).isEqualTo(new GlobalSequenceTrackingToken(3));
        assertThat(engine.createTokenAt(t0.plusSeconds(2))).isEqualTo(new GlobalSequenceTrackingToken(2));
        assertThat(engine.createTokenAt(t0.plusSeconds(60))).isEqualTo(new GlobalSequenceTrackingToken(5));
    }

    @Test
    void aReaderFencesAWriterThatHoldsItsIndexTooLongAndStillDeliversItsEventOnce() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        // the slow writer is another instance: writers of one instance share their writes and would wait for it
        MongoEventStorageEngine slow = support.engine().commitDelay(holdIndexOne(release)).build();
        MongoEventStorageEngine engine = support.engine().gapFenceTimeout(Duration.ofMillis(200)).build();
        Thread slowWriter = startSlowWriter(slow);
        engine.appendEvents(events("fast", 0, 2)); // indexes 2 and 3, behind the open gap at 1

        List<Long> delivered = new ArrayList<>();
        long start = System.nanoTime();
        while (delivered.isEmpty()) {
            List<Long> batch = trackedIndexes(engine, null);
            if (millisSince(start) < 150) {
                assertThat(batch).as("nothing passes the gap before the fence timeout").isEmpty();
            }
            delivered.addAll(batch);
            sleep(10);
        }
        assertThat(millisSince(start)).isGreaterThanOrEqualTo(190);
        assertThat(delivered).containsExactly(2L, 3L);
        assertThat(engine.fencesWritten()).isEqualTo(1);

        release.countDown();
        slowWriter.join(5_000);
        assertThat(slow.allocationsLost()).isEqualTo(1);
        List<? extends TrackedEventMessage<?>> all = engine.readEvents(null, false).toList();
        assertThat(all).extracting(m -> ((DomainEventMessage<?>) m).getAggregateIdentifier())
                       .containsExactly("fast", "fast", "slow");
        assertThat(trackedIndexes(engine, null)).containsExactly(2L, 3L, 4L);
        assertThat(sequenceNumbers(engine, "slow", 0)).containsExactly(0L);
    }

    @Test
    void aReaderWaitsForAWriterThatCommitsWithinTheFenceTimeout() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        MongoEventStorageEngine slow = support.engine().commitDelay(holdIndexOne(release)).build();
        MongoEventStorageEngine engine = support.engine().gapFenceTimeout(Duration.ofSeconds(30)).build();
        Thread slowWriter = startSlowWriter(slow);
        engine.appendEvents(events("fast", 0, 2));
        assertThat(trackedIndexes(engine, null)).isEmpty();
        assertThat(engine.createHeadToken()).isEqualTo(new GlobalSequenceTrackingToken(0));
        sleep(100);
        assertThat(trackedIndexes(engine, null)).isEmpty();
        release.countDown();
        slowWriter.join(5_000);
        assertThat(trackedIndexes(engine, null)).containsExactly(1L, 2L, 3L);
        assertThat(engine.fencesWritten()).isZero();
        assertThat(slow.allocationsLost()).isZero();
    }

    @Test
    void aDeadWritersWholeRangeIsFencedAfterOneTimeout() {
        MongoEventStorageEngine engine = support.engine().gapFenceTimeout(Duration.ofMillis(100)).build();
        // a writer that took indexes 1..5 and died before committing
        support.database.getCollection("event_sequence")
                        .insertOne(new org.bson.Document("_id", "events").append("value", 5L));
        engine.appendEvents(events("alive", 0, 1)); // index 6
        assertThat(trackedIndexes(engine, null)).isEmpty();
        sleep(150);
        assertThat(trackedIndexes(engine, null)).containsExactly(6L);
        assertThat(engine.fencesWritten()).isEqualTo(5);
    }

    @Test
    void concurrentCommitsAreWrittenTogetherAndEachIsSettledOnItsOwn() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        MongoEventStorageEngine engine = support.engine().commitDelay(holdIndex(2, release)).build();
        engine.appendEvents(events("taken", 0, 1)); // index 1
        ExecutorService writers = Executors.newFixedThreadPool(9);
        try {
            Future<?> holder = writers.submit(() -> engine.appendEvents(events("holder", 0, 1))); // index 2, held
            assertThat(slowTookIndex.await(5, TimeUnit.SECONDS)).isTrue();
            List<Future<?>> others = new ArrayList<>();
            for (int w = 0; w < 7; w++) {
                String caseId = "case-" + w;
                others.add(writers.submit(() -> engine.appendEvents(events(caseId, 0, 2))));
            }
            Future<?> conflicting = writers.submit(() -> engine.appendEvents(events("taken", 0, 1)));
            sleep(200);
            release.countDown();
            holder.get(10, TimeUnit.SECONDS);
            for (Future<?> other : others) {
                other.get(10, TimeUnit.SECONDS);
            }
            assertThatThrownBy(() -> conflicting.get(10, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(AggregateStreamCreationException.class);
        } finally {
            writers.shutdownNow();
        }
        for (int w = 0; w < 7; w++) {
            assertThat(sequenceNumbers(engine, "case-" + w, 0)).containsExactly(0L, 1L);
        }
        assertThat(sequenceNumbers(engine, "taken", 0)).containsExactly(0L);
        assertThat(engine.commitsWritten()).isEqualTo(10);
        assertThat(engine.writes()).as("the seven and the conflict queued behind the held write: one write")
                                   .isEqualTo(3);
        assertThat(trackedIndexes(engine, null)).hasSize(1 + 1 + 14);
    }

    @Test
    void afterACrashTheIndexesTakenButNeverCommittedAreFencedAndTheHeadIsTheLastEvent() {
        MongoEventStorageEngine engine = support.engine().gapFenceTimeout(Duration.ofMillis(100)).build();
        engine.appendEvents(events("case-1", 0, 3)); // indexes 1..3
        // a writer took indexes 4 and 5, then the platform was killed before its commit landed
        support.database.getCollection("event_sequence").updateOne(new org.bson.Document("_id", "events"),
                new org.bson.Document("$inc", new org.bson.Document("value", 2L)));
        TrackingToken atLastEvent = new GlobalSequenceTrackingToken(3);
        assertThat(engine.deliverableHead()).as("4 and 5 may still be committed").isEqualTo(5);
        assertThat(trackedIndexes(engine, atLastEvent)).isEmpty();
        sleep(150);
        assertThat(trackedIndexes(engine, atLastEvent)).isEmpty();
        assertThat(engine.fencesWritten()).isEqualTo(2);
        assertThat(engine.deliverableHead()).as("a processor at 3 has read everything").isEqualTo(3);
        assertThat(support.engine().build().deliverableHead()).as("after a restart").isEqualTo(3);
        MongoEventStorageEngine restarted = support.engine().build();
        assertThat(trackedIndexes(restarted, atLastEvent)).isEmpty();
        assertThat(restarted.deliverableHead()).as("after a restart, read from the token first").isEqualTo(3);

        engine.appendEvents(events("case-1", 3, 1));
        assertThat(trackedIndexes(engine, atLastEvent)).containsExactly(6L);
        assertThat(engine.deliverableHead()).isEqualTo(6);
    }

    /** A commit delay that holds the writer of global index 1 until released. */
    private MongoEventStorageEngine.CommitDelay holdIndexOne(CountDownLatch release) {
        return holdIndex(1, release);
    }

    /** A commit delay that holds the write starting at the given global index until released. */
    private MongoEventStorageEngine.CommitDelay holdIndex(long index, CountDownLatch release) {
        slowTookIndex = new CountDownLatch(1);
        return (first, count) -> {
            if (first == index) {
                slowTookIndex.countDown();
                await(release);
            }
        };
    }

    /** Starts a writer of one "slow" event and waits until it has taken its index. */
    private Thread startSlowWriter(MongoEventStorageEngine engine) throws InterruptedException {
        Thread slowWriter = new Thread(() -> engine.appendEvents(events("slow", 0, 1)));
        slowWriter.start();
        assertThat(slowTookIndex.await(5, TimeUnit.SECONDS)).isTrue();
        return slowWriter;
    }

    private static List<EventMessage<?>> events(String caseId, long firstSeq, int count) {
        List<EventMessage<?>> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            events.add(event(caseId, firstSeq + i));
        }
        return events;
    }

    private static DomainEventMessage<CaseSnapshot> snapshot(String caseId, long seq) {
        return new GenericDomainEventMessage<>("Case", caseId, seq, new CaseSnapshot(caseId, seq));
    }

    private static List<Long> sequenceNumbers(MongoEventStorageEngine engine, String caseId, long from) {
        return engine.readEvents(caseId, from).asStream().map(DomainEventMessage::getSequenceNumber).toList();
    }

    private static List<Long> trackedIndexes(MongoEventStorageEngine engine, TrackingToken from) {
        return engine.readEvents(from, false)
                     .map(m -> ((GlobalSequenceTrackingToken) m.trackingToken()).getGlobalIndex())
                     .toList();
    }

    private static List<Long> range(long from, long toExclusive) {
        return LongStream.range(from, toExclusive).boxed().toList();
    }

    private static long millisSince(long nanoTime) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - nanoTime);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
