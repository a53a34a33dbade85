package org.safeguarding.chronology.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.safeguarding.chronology.eventstore.TestSupport.event;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Writers that sometimes stall between taking global indexes and committing, past the gap fence timeout, while a
 * real tracking event processor reads: no event may be lost, duplicated or delivered out of order.
 */
class ConcurrencyStressTest {

    private static final int WRITERS = 8;
    private static final int EVENTS_PER_WRITER = 2_500;
    private static final int AGGREGATES_PER_WRITER = 20;
    private static final Duration FENCE_TIMEOUT = Duration.ofMillis(200);

    private final TestSupport support = new TestSupport();
    private final AtomicLong maxDelayMillis = new AtomicLong();
    private final AtomicLong longDelays = new AtomicLong();

    @AfterEach
    void close() {
        support.close();
    }

    @Test
    void noEventIsLostDuplicatedOrReordered() throws Exception {
        MongoEventStorageEngine engine = support.engine().gapFenceTimeout(FENCE_TIMEOUT).batchSize(100)
                                                .commitDelay((first, count) -> randomDelay()).build();
        EmbeddedEventStore eventStore = EmbeddedEventStore.builder().storageEngine(engine).fetchDelay(10)
                                                          .cleanupDelay(1_000).timeUnit(TimeUnit.MILLISECONDS)
                                                          .build();
        MongoTokenStore tokenStore = MongoTokenStore.builder().database(support.database)
                                                    .serializer(support.serializer).nodeId("stress").build();

        List<Long> seenIndexes = new ArrayList<>();
        List<String> seenIdentifiers = new ArrayList<>();
        EventMessageHandler recorder = message -> {
            synchronized (seenIndexes) {
                seenIndexes.add(((GlobalSequenceTrackingToken) ((TrackedEventMessage<?>) message).trackingToken())
                                        .getGlobalIndex());
                seenIdentifiers.add(message.getIdentifier());
            }
            return null;
        };
        TrackingEventProcessor processor = TrackingEventProcessor.builder()
                .name("stress")
                .eventHandlerInvoker(SimpleEventHandlerInvoker.builder().eventHandlers(recorder).build())
                .messageSource(eventStore)
                .tokenStore(tokenStore)
                .transactionManager(NoTransactionManager.INSTANCE)
                .trackingEventProcessorConfiguration(TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                                                                                        .andBatchSize(100))
                .build();
        processor.start();

        Map<String, Long> aggregateLengths = new ConcurrentHashMap<>();
        Set<String> appended = ConcurrentHashMap.newKeySet();
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        List<Future<?>> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            writers.add(pool.submit(() -> write(writer, eventStore, aggregateLengths, appended)));
        }
        for (Future<?> writer : writers) {
            writer.get(120, TimeUnit.SECONDS);
        }
        pool.shutdown();
        long writtenMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (seenCount(seenIndexes) < appended.size() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        long deliveredMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        Thread.sleep(300); // would let a duplicate arrive
        processor.shutDown();
        eventStore.shutDown();

        List<Long> indexes;
        List<String> identifiers;
        synchronized (seenIndexes) {
            indexes = List.copyOf(seenIndexes);
            identifiers = List.copyOf(seenIdentifiers);
        }
        Set<String> distinct = new HashSet<>(identifiers);
        long lost = appended.stream().filter(id -> !distinct.contains(id)).count();
        long duplicated = identifiers.size() - distinct.size();
        long outOfOrder = LongStream.range(1, indexes.size()).filter(i -> indexes.get((int) i) <= indexes.get((int) i - 1))
                                    .count();

        System.out.printf("STRESS: events=%d writers=%d aggregates=%d written in %d ms, all delivered after %d ms"
                          + " (%.0f events/s end to end)%n",
                          appended.size(), WRITERS, aggregateLengths.size(), writtenMillis, deliveredMillis,
                          appended.size() * 1000.0 / deliveredMillis);
        System.out.printf("STRESS: fence timeout=%d ms, commit delays over it=%d, max delay=%d ms, fences written by"
                          + " the reader=%d, commits retried at a new index=%d, head=%d%n",
                          FENCE_TIMEOUT.toMillis(), longDelays.get(), maxDelayMillis.get(), engine.fencesWritten(),
                          engine.allocationsLost(), engine.headSequence());
        System.out.printf("STRESS: delivered=%d lost=%d duplicated=%d out of order=%d%n",
                          identifiers.size(), lost, duplicated, outOfOrder);

        assertThat(appended).hasSize(WRITERS * EVENTS_PER_WRITER);
        assertThat(lost).isZero();
        assertThat(duplicated).isZero();
        assertThat(outOfOrder).isZero();
        assertThat(identifiers).hasSameSizeAs(appended);
        assertThat(longDelays.get()).isPositive();
        assertThat(engine.fencesWritten()).isPositive();
        assertThat(engine.allocationsLost()).isPositive();
        for (Map.Entry<String, Long> aggregate : aggregateLengths.entrySet()) {
            List<Long> sequence = engine.readEvents(aggregate.getKey()).asStream()
                                        .map(DomainEventMessage::getSequenceNumber).toList();
            assertThat(sequence).as(aggregate.getKey())
                                .containsExactlyElementsOf(LongStream.range(0, aggregate.getValue()).boxed().toList());
        }
    }

    /** Appends this writer's share: mostly single-event commits, some of several events, a few longer than 16. */
    private void write(int writer, EmbeddedEventStore eventStore, Map<String, Long> lengths, Set<String> appended) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        Map<String, Long> next = new HashMap<>();
        int written = 0;
        while (written < EVENTS_PER_WRITER) {
            String aggregate = "w" + writer + "-case-" + random.nextInt(AGGREGATES_PER_WRITER);
            int roll = random.nextInt(100);
            int count = Math.min(EVENTS_PER_WRITER - written, roll < 85 ? 1 : roll < 99 ? 2 + random.nextInt(6) : 20);
            long seq = next.getOrDefault(aggregate, 0L);
            List<EventMessage<?>> events = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                events.add(event(aggregate, seq + i));
            }
            eventStore.publish(events);
            events.forEach(e -> appended.add(e.getIdentifier()));
            next.put(aggregate, seq + count);
            lengths.put(aggregate, seq + count);
            written += count;
        }
    }

    /** Mostly 0-5 ms; about one commit in 400 stalls 300-600 ms, past the fence timeout. */
    private void randomDelay() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long delay = random.nextInt(400) == 0 ? 300 + random.nextInt(301) : random.nextInt(6);
        if (delay > FENCE_TIMEOUT.toMillis()) {
            longDelays.incrementAndGet();
        }
        maxDelayMillis.accumulateAndGet(delay, Math::max);
        MongoEventStorageEngineTest.sleep(delay);
    }

    private static int seenCount(List<Long> seen) {
        synchronized (seen) {
            return seen.size();
        }
    }
}
