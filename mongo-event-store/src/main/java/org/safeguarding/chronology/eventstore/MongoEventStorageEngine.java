package org.safeguarding.chronology.eventstore;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoException;
import com.mongodb.MongoWriteException;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.axonframework.common.AxonConfigurationException;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.BatchingEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.eventsourcing.snapshotting.SnapshotFilter;
import org.axonframework.serialization.SerializedMetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Axon {@link org.axonframework.eventsourcing.eventstore.EventStorageEngine} on MongoDB that never skips and never
 * reorders an event for tracking processors.
 *
 * <p>Every event gets a global index from a counter document. One {@code appendEvents} call is stored as one
 * document per run of consecutive events of the same aggregate (at most {@value #MAX_EVENTS_PER_COMMIT} events per
 * document, longer runs are split): {@code _id} is the global index of its first event. Atomicity holds per commit
 * document; there are no transactions. Optimistic concurrency comes from the unique index on {@code ak}
 * ({@code aggregateId/firstSequenceNumber}): a commit of an aggregate always starts right after the previous one.
 * Commits of concurrent callers are written together: one counter increment and one unordered {@code insertMany}
 * for all of them, each commit settled on its own.
 *
 * <p>Readers deliver global indexes strictly one after the other. An index that was taken by a writer but is not
 * committed yet holds the readers back; once it has been open longer than the gap fence timeout a reader inserts a
 * tombstone under that {@code _id}, so the writer can never commit there and retries with a new index.
 *
 * <p>All hot reads are exact {@code _id} or unique {@code ak} lookups ({@code $in}), no ranges or sorts.
 */
public class MongoEventStorageEngine extends BatchingEventStorageEngine {

    /** The most events stored in one commit document; also sizes the look-back of reads. */
    public static final int MAX_EVENTS_PER_COMMIT = 16;
    private static final int LOOK_BACK = MAX_EVENTS_PER_COMMIT - 1;
    private static final int MAX_ATTEMPTS = 100;
    /** The most events one write of concurrent commits carries. */
    private static final int MAX_EVENTS_PER_WRITE = 1_000;
    private static final int WALK_WINDOW = 512;
    /** How often a long append (a large import) logs how far it got. */
    private static final long PROGRESS_EVERY_NANOS = 2_000_000_000L;
    private static final String COUNTER_ID = "events";
    private static final DateTimeFormatter TIMESTAMP = new DateTimeFormatterBuilder().appendInstant(9).toFormatter();
    private static final Logger log = LoggerFactory.getLogger(MongoEventStorageEngine.class);

    private final MongoCollection<Document> events;
    private final MongoCollection<Document> sequence;
    private final MongoCollection<Document> snapshots;
    private final long gapFenceNanos;
    private final CommitDelay commitDelay;
    /** Allocated but uncommitted global indexes this instance has seen, with the nanoTime it first saw them. */
    private final ConcurrentSkipListMap<Long, Long> openGaps = new ConcurrentSkipListMap<>();
    private final AtomicLong fencesWritten = new AtomicLong();
    private final AtomicLong allocationsLost = new AtomicLong();
    private final AtomicLong writes = new AtomicLong();
    private final AtomicLong commitsWritten = new AtomicLong();
    private final AtomicLong knownContiguousHead = new AtomicLong();
    /** The highest global index of an event (not a tombstone) this instance has seen at or below the contiguous head. */
    private final AtomicLong lastEventSeen = new AtomicLong();
    /** [from, to]: indexes a reader found to hold only tombstones, so an idle poll from there is one point lookup. */
    private volatile long[] tombstoneRun = {0, 0};
    /** Commits waiting for the next write; guards {@link #writing}. */
    private final ArrayDeque<PendingCommit> queued = new ArrayDeque<>();
    private boolean writing;
    /** Recently read global indexes known to end a commit (or a tombstone), so readers can skip the look-back. */
    private final ConcurrentSkipListSet<Long> commitEnds = new ConcurrentSkipListSet<>();

    protected MongoEventStorageEngine(Builder builder) {
        super(builder);
        this.events = builder.database.getCollection(builder.eventsCollection);
        // the counter need not be durable on its own: the commit that uses its numbers is written after it, and a
        // durable write makes every earlier one durable (the journal is in order); numbers lost with it had no commit
        this.sequence = builder.database.getCollection(builder.sequenceCollection)
                                        .withWriteConcern(WriteConcern.W1.withJournal(false));
        this.snapshots = builder.database.getCollection(builder.snapshotsCollection);
        this.gapFenceNanos = builder.gapFenceTimeout.toNanos();
        this.commitDelay = builder.commitDelay;
        if (builder.createIndexes) {
            ensureIndexes();
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Creates the unique {@code ak} index; idempotent. */
    public void ensureIndexes() {
        events.createIndex(Indexes.ascending("ak"), new IndexOptions().unique(true).name("ak_unique"));
    }

    // ---------------------------------------------------------------- writing

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> eventMessages, Serializer serializer) {
        // one run after the other: a later run of an aggregate is stored only once the earlier one is
        long lastLogged = System.nanoTime();
        int stored = 0;
        for (List<EventMessage<?>> group : commitGroups(eventMessages)) {
            List<Document> entries = group.stream().map(event -> entry(event, serializer)).toList();
            try {
                commitTogether(new PendingCommit(group.get(0), entries));
            } catch (MongoException e) {
                handlePersistenceException(e, group.get(0));
            }
            stored += group.size();
            if (System.nanoTime() - lastLogged >= PROGRESS_EVERY_NANOS && stored < eventMessages.size()) {
                lastLogged = System.nanoTime();
                log.info("{} of {} events of one unit of work stored (the first of aggregate {})", stored,
                        eventMessages.size(), aggregateId(eventMessages.get(0)));
            }
        }
    }

    /** Runs of consecutive events of one aggregate (or of non-aggregate events), at most 16 each. */
    private static List<List<EventMessage<?>>> commitGroups(List<? extends EventMessage<?>> eventMessages) {
        List<List<EventMessage<?>>> groups = new ArrayList<>();
        List<EventMessage<?>> current = null;
        for (EventMessage<?> event : eventMessages) {
            EventMessage<?> previous = current == null ? null : current.get(current.size() - 1);
            boolean sameRun = previous != null
                    && current.size() < MAX_EVENTS_PER_COMMIT
                    && Objects.equals(aggregateId(previous), aggregateId(event))
                    && (aggregateId(event) == null
                        || ((DomainEventMessage<?>) event).getSequenceNumber()
                           == ((DomainEventMessage<?>) previous).getSequenceNumber() + 1);
            if (!sameRun) {
                current = new ArrayList<>();
                groups.add(current);
            }
            current.add(event);
        }
        return groups;
    }

    private static String aggregateId(EventMessage<?> event) {
        return event instanceof DomainEventMessage<?> domain ? domain.getAggregateIdentifier() : null;
    }

    private static Document entry(EventMessage<?> event, Serializer serializer) {
        SerializedObject<String> payload = event.serializePayload(serializer, String.class);
        SerializedObject<String> metaData = event.serializeMetaData(serializer, String.class);
        Document entry = new Document("eventIdentifier", event.getIdentifier());
        if (event instanceof DomainEventMessage<?> domain && domain.getAggregateIdentifier() != null) {
            entry.append("sequenceNumber", domain.getSequenceNumber());
        }
        return entry.append("timestamp", TIMESTAMP.format(event.getTimestamp()))
                    .append("payloadType", payload.getType().getName())
                    .append("payloadRevision", payload.getType().getRevision())
                    .append("payload", payload.getData())
                    .append("metaData", metaData.getData());
    }

    /**
     * Waits until the commit is stored. Concurrent commits go to the store together: the first caller that finds no
     * write in progress takes every queued commit, one counter increment for all of them and one unordered
     * insertMany (on the embedded store, one durable group commit); the others wait for it, or for the next one.
     */
    private void commitTogether(PendingCommit commit) {
        synchronized (queued) {
            queued.add(commit);
        }
        while (!commit.outcome.isDone()) {
            List<PendingCommit> batch = null;
            synchronized (queued) {
                while (writing && !commit.outcome.isDone()) {
                    waitForWrite();
                }
                if (!commit.outcome.isDone() && !queued.isEmpty()) {
                    writing = true;
                    batch = takeBatch();
                }
            }
            if (batch != null) {
                try {
                    write(batch);
                } finally {
                    synchronized (queued) {
                        writing = false;
                        queued.notifyAll();
                    }
                }
            }
        }
        try {
            commit.outcome.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw e;
        }
    }

    private void waitForWrite() {
        try {
            queued.wait();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EventStoreException("interrupted while waiting for events to be stored", e);
        }
    }

    /** The queued commits, up to {@value #MAX_EVENTS_PER_WRITE} events (always at least one commit). */
    private List<PendingCommit> takeBatch() {
        List<PendingCommit> batch = new ArrayList<>();
        int events = 0;
        while (!queued.isEmpty() && (batch.isEmpty() || events + queued.peek().entries.size() <= MAX_EVENTS_PER_WRITE)) {
            PendingCommit next = queued.poll();
            events += next.entries.size();
            batch.add(next);
        }
        return batch;
    }

    /** Takes global indexes for the whole batch, inserts it, and settles every commit or queues it again. */
    private void write(List<PendingCommit> batch) {
        List<PendingCommit> again = new ArrayList<>();
        try {
            int events = batch.stream().mapToInt(commit -> commit.entries.size()).sum();
            long next = allocate(events);
            commitDelay.beforeCommit(next, events);
            List<Document> documents = new ArrayList<>(batch.size());
            for (PendingCommit commit : batch) {
                commit.first = next;
                next += commit.entries.size();
                documents.add(commit.document());
            }
            Map<Integer, MongoException> failures = insertUnordered(documents);
            writes.incrementAndGet();
            commitsWritten.addAndGet(documents.size());
            for (int i = 0; i < batch.size(); i++) {
                PendingCommit commit = batch.get(i);
                MongoException failure = failures.get(i);
                if (failure == null) {
                    commit.outcome.complete(null);
                } else if (settleFailed(commit, failure)) {
                    again.add(commit);
                }
            }
        } catch (RuntimeException e) {
            // the counter could not be read or a failure could not be settled: nothing is known to be stored
            batch.stream().filter(commit -> !again.contains(commit))
                 .forEach(commit -> commit.outcome.completeExceptionally(e));
        }
        if (!again.isEmpty()) {
            synchronized (queued) {
                for (int i = again.size() - 1; i >= 0; i--) {
                    queued.addFirst(again.get(i));
                }
            }
        }
    }

    /** Inserts the documents; answers the failure of each one that was not stored (or whose outcome is unknown). */
    private Map<Integer, MongoException> insertUnordered(List<Document> documents) {
        try {
            events.insertMany(documents, new InsertManyOptions().ordered(false));
            return Map.of();
        } catch (MongoBulkWriteException e) {
            Map<Integer, MongoException> failures = new HashMap<>();
            for (BulkWriteError error : e.getWriteErrors()) {
                failures.put(error.getIndex(), new MongoWriteException(error, e.getServerAddress(), Set.of()));
            }
            return failures;
        } catch (MongoException e) {
            Map<Integer, MongoException> failures = new HashMap<>();
            for (int i = 0; i < documents.size(); i++) {
                failures.put(i, e);
            }
            return failures;
        }
    }

    /**
     * Decides what became of a commit whose insert failed: stored after all (completed), refused for good (failed;
     * its indexes fenced so readers need not wait for them), or its first index fenced by a reader (answers true:
     * write it again at new indexes).
     */
    private boolean settleFailed(PendingCommit commit, MongoException failure) {
        long first = commit.first;
        int count = commit.entries.size();
        Document existing = findById(first);
        if (existing == null && isDuplicateKey(failure)) {
            // _id is free, so the unique ak collided: a concurrent commit of the same aggregate won.
            insertTombstone(first, count);
            commit.outcome.completeExceptionally(failure);
            return false;
        }
        if (existing == null) {
            // Unknown outcome (timeout, lost connection): fence our own indexes so a late insert cannot land.
            if (insertTombstone(first, count)) {
                commit.outcome.completeExceptionally(failure);
                return false;
            }
            existing = findById(first);
        }
        if (isSameCommit(existing, commit.entries)) {
            commit.outcome.complete(null);
            return false;
        }
        if (existing.getBoolean("tombstone", false)) {
            // A reader fenced our first index: release the rest of ours, take new ones and try again.
            fenceRest(first, count);
            log.debug("Global index {} was fenced by a reader before its commit, retrying", first);
        } else {
            log.error("Global index {} was handed out twice by the counter; retrying", first);
        }
        allocationsLost.incrementAndGet();
        if (++commit.attempts >= MAX_ATTEMPTS) {
            commit.outcome.completeExceptionally(new EventStoreException("Could not commit events after "
                    + MAX_ATTEMPTS + " attempts, every global index taken was fenced by readers: is the gap fence "
                    + "timeout too short?"));
            return false;
        }
        return true;
    }

    /** A run of one aggregate's events (or of non-aggregate events) waiting to be stored as one commit document. */
    private static final class PendingCommit {

        final EventMessage<?> firstEvent;
        final List<Document> entries;
        final CompletableFuture<Void> outcome = new CompletableFuture<>();
        long first;
        int attempts;

        PendingCommit(EventMessage<?> firstEvent, List<Document> entries) {
            this.firstEvent = firstEvent;
            this.entries = entries;
        }

        Document document() {
            Document commit = new Document("_id", first).append("n", entries.size());
            String aggregateId = aggregateId(firstEvent);
            if (aggregateId != null) {
                DomainEventMessage<?> domain = (DomainEventMessage<?>) firstEvent;
                long firstSeq = domain.getSequenceNumber();
                commit.append("aggregateId", aggregateId)
                      .append("aggregateType", domain.getType())
                      .append("firstSeq", firstSeq)
                      .append("lastSeq", firstSeq + entries.size() - 1)
                      .append("ak", aggregateId + "/" + firstSeq);
            } else {
                commit.append("ak", "~" + first);
            }
            return commit.append("events", entries);
        }
    }

    private static boolean isSameCommit(Document existing, List<Document> entries) {
        if (existing == null || existing.getBoolean("tombstone", false)) {
            return false;
        }
        List<Document> stored = existing.getList("events", Document.class);
        return !stored.isEmpty() && Objects.equals(stored.get(0).get("eventIdentifier"),
                                                   entries.get(0).get("eventIdentifier"));
    }

    /**
     * Takes {@code count} global indexes and returns the first. Reads the value from before the increment: that
     * document is a private copy on every server, whereas mongo-java-server returns its live, shared document for
     * "after", which a concurrent increment can change before it is sent.
     */
    private long allocate(int count) {
        FindOneAndUpdateOptions options = new FindOneAndUpdateOptions().upsert(true)
                                                                       .returnDocument(ReturnDocument.BEFORE);
        Document before;
        try {
            before = sequence.findOneAndUpdate(eq("_id", COUNTER_ID), Updates.inc("value", (long) count), options);
        } catch (MongoException e) {
            if (!isDuplicateKey(e)) {
                throw e;
            }
            // two first-ever upserts raced; the counter exists now
            before = sequence.findOneAndUpdate(eq("_id", COUNTER_ID), Updates.inc("value", (long) count), options);
        }
        return (before == null ? 0 : counterValue(before)) + 1;
    }

    /** Tombstones the indexes after a fenced first one, skipping those readers fenced as well. */
    private void fenceRest(long first, int count) {
        for (long id = first + 1; id < first + count && !insertTombstone(id, (int) (first + count - id)); id++) {
            // a reader's tombstone (the index is ours, so no commit) is already there: try the next one
        }
    }

    /**
     * Marks {@code count} indexes from {@code globalIndex} as never to be committed; tombstones may overlap.
     *
     * @return true if this call wrote the tombstone, false if {@code _id} was already taken.
     */
    private boolean insertTombstone(long globalIndex, int count) {
        try {
            events.insertOne(new Document("_id", globalIndex).append("n", count).append("tombstone", true)
                                                             .append("ak", "~" + globalIndex));
            return true;
        } catch (MongoException e) {
            if (isDuplicateKey(e)) {
                return false;
            }
            throw e;
        }
    }

    private Document findById(long globalIndex) {
        return events.find(eq("_id", globalIndex)).first();
    }

    /** Recognises a duplicate key error from its error code, never from its message. */
    public static boolean isDuplicateKey(Exception e) {
        if (e instanceof MongoWriteException write) {
            return write.getError().getCategory() == ErrorCategory.DUPLICATE_KEY;
        }
        if (e instanceof MongoCommandException command) {
            return ErrorCategory.fromErrorCode(command.getErrorCode()) == ErrorCategory.DUPLICATE_KEY;
        }
        return false;
    }

    // ---------------------------------------------------------------- snapshots

    @Override
    protected void storeSnapshot(DomainEventMessage<?> snapshot, Serializer serializer) {
        Document doc = new Document("_id", snapshot.getAggregateIdentifier())
                .append("aggregateType", snapshot.getType());
        doc.putAll(entry(snapshot, serializer));
        try {
            // replaces only an older snapshot; against a newer one the upsert collides on _id
            snapshots.replaceOne(and(eq("_id", snapshot.getAggregateIdentifier()),
                                     lt("sequenceNumber", snapshot.getSequenceNumber())),
                                 doc, new ReplaceOptions().upsert(true));
        } catch (MongoException e) {
            if (!isDuplicateKey(e)) {
                throw new EventStoreException("Could not store the snapshot of aggregate ["
                                              + snapshot.getAggregateIdentifier() + "]", e);
            }
        }
    }

    @Override
    protected Stream<? extends DomainEventData<?>> readSnapshotData(String aggregateIdentifier) {
        Document doc = snapshots.find(eq("_id", aggregateIdentifier)).first();
        return doc == null ? Stream.empty()
                : Stream.of(domainEntry(doc.getString("aggregateType"), aggregateIdentifier, doc));
    }

    // ---------------------------------------------------------------- aggregate reads

    @Override
    protected List<? extends DomainEventData<?>> fetchDomainEvents(String aggregateIdentifier,
                                                                   long firstSequenceNumber, int batchSize) {
        List<String> keys = LongStream.range(Math.max(0, firstSequenceNumber - LOOK_BACK),
                                             firstSequenceNumber + batchSize)
                                      .mapToObj(seq -> aggregateIdentifier + "/" + seq)
                                      .toList();
        Map<Long, Document> byFirstSeq = new HashMap<>();
        for (Document doc : events.find(in("ak", keys))) {
            byFirstSeq.put(doc.getLong("firstSeq"), doc);
        }
        List<DomainEventData<?>> result = new ArrayList<>();
        long expected = firstSequenceNumber;
        Document commit;
        while ((commit = coveringCommit(byFirstSeq, expected)) != null) {
            long firstSeq = commit.getLong("firstSeq");
            List<Document> entries = commit.getList("events", Document.class);
            for (int i = (int) (expected - firstSeq); i < entries.size(); i++) {
                result.add(domainEntry(commit.getString("aggregateType"), aggregateIdentifier, entries.get(i)));
            }
            expected = firstSeq + entries.size();
        }
        return result;
    }

    private static Document coveringCommit(Map<Long, Document> byFirstSeq, long seq) {
        for (long start = seq; start >= Math.max(0, seq - LOOK_BACK); start--) {
            Document doc = byFirstSeq.get(start);
            if (doc != null) {
                return doc.getLong("lastSeq") >= seq ? doc : null;
            }
        }
        return null;
    }

    /**
     * A batch shorter than the batch size is always the end of the aggregate's stream: a batch stops only at the
     * first missing sequence number.
     */
    @Override
    protected boolean fetchForAggregateUntilEmpty() {
        return false;
    }

    @Override
    public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
        long next = 0;
        List<? extends DomainEventData<?>> batch;
        do {
            batch = fetchDomainEvents(aggregateIdentifier, next, WALK_WINDOW);
            if (!batch.isEmpty()) {
                next = batch.get(batch.size() - 1).getSequenceNumber() + 1;
            }
        } while (batch.size() >= WALK_WINDOW);
        return next == 0 ? Optional.empty() : Optional.of(next - 1);
    }

    // ---------------------------------------------------------------- tracked reads

    @Override
    protected List<? extends TrackedEventData<?>> fetchTrackedEvents(TrackingToken lastToken, int batchSize) {
        long position = position(lastToken);
        // a token stands on an event it delivered: after a restart this instance may never read that event itself
        lastEventSeen.accumulateAndGet(position, Math::max);
        long counter = headSequence();
        long[] run = tombstoneRun;
        if (counter <= position || (run[0] == position + 1 && counter <= run[1])) {
            return List.of(); // at the head: an idle poll costs one point lookup
        }
        List<TrackedEventData<?>> result = new ArrayList<>();
        long next = position + 1;
        Window window = null;
        while (result.size() < batchSize) {
            if (window == null || next > window.last) {
                window = window(next, Math.max(next, Math.min(next + batchSize - 1, counter)));
            }
            Document commit = window.covering(next);
            if (commit != null) {
                long first = commit.getLong("_id");
                if (commit.getBoolean("tombstone", false)) {
                    next = first + commit.getInteger("n");
                    rememberCommitEnd(next - 1);
                    continue;
                }
                List<Document> entries = commit.getList("events", Document.class);
                for (int i = (int) (next - first); i < entries.size() && result.size() < batchSize; i++) {
                    result.add(trackedEntry(commit, entries.get(i), first + i));
                    next = first + i + 1;
                }
                lastEventSeen.accumulateAndGet(next - 1, Math::max);
                if (next == first + entries.size()) {
                    rememberCommitEnd(next - 1);
                }
                continue;
            }
            if (counter < next) {
                counter = headSequence();
            }
            if (next > counter || !gapExpired(next, window, counter)) {
                break;
            }
            if (insertTombstone(next, 1)) {
                long fences = fencesWritten.incrementAndGet();
                openGaps.remove(next);
                log.info("Fenced global index {}: taken but not committed within {} ms (fences so far: {})",
                         next, Duration.ofNanos(gapFenceNanos).toMillis(), fences);
                next++;
            } else {
                window = null; // the writer committed meanwhile: read again
            }
        }
        knownContiguousHead.accumulateAndGet(next - 1, Math::max);
        if (result.isEmpty() && next > position + 1) {
            // only tombstones after the token: Axon keeps the token where it is, so remember them
            tombstoneRun = new long[] {position + 1, next - 1};
        }
        return result;
    }

    private void rememberCommitEnd(long globalIndex) {
        commitEnds.add(globalIndex);
        while (commitEnds.size() > 4096) {
            commitEnds.pollFirst();
        }
    }

    /** Notes when each uncovered index of the window was first seen, so a dead writer's whole range ages at once. */
    private boolean gapExpired(long gap, Window window, long counter) {
        long now = System.nanoTime();
        openGaps.headMap(gap).clear();
        for (long id = gap; id <= Math.min(window.last, counter); id++) {
            if (window.covering(id) == null) {
                openGaps.putIfAbsent(id, now);
            }
        }
        Long firstSeen = openGaps.get(gap);
        return firstSeen != null && now - firstSeen >= gapFenceNanos;
    }

    /** Where from - 1 is known to end a commit, no commit can span from: the look-back is left out. */
    private Window window(long from, long to) {
        long lookBackTo = commitEnds.contains(from - 1) ? from : Math.max(1, from - LOOK_BACK);
        List<Long> ids = LongStream.rangeClosed(lookBackTo, to).boxed().toList();
        Map<Long, Document> byId = new HashMap<>();
        for (Document doc : events.find(in("_id", ids))) {
            byId.put(doc.getLong("_id"), doc);
        }
        return new Window(to, byId);
    }

    private record Window(long last, Map<Long, Document> byId) {

        /** Tombstones may overlap each other, so look at every possible start; a commit wins over a tombstone. */
        Document covering(long globalIndex) {
            Document tombstone = null;
            for (long start = globalIndex; start >= Math.max(1, globalIndex - LOOK_BACK); start--) {
                Document doc = byId.get(start);
                if (doc != null && start + doc.getInteger("n") > globalIndex) {
                    if (!doc.getBoolean("tombstone", false)) {
                        return doc;
                    }
                    tombstone = doc;
                }
            }
            return tombstone;
        }
    }

    private static long position(TrackingToken token) {
        if (token == null) {
            return 0;
        }
        if (token instanceof GlobalSequenceTrackingToken global) {
            return global.getGlobalIndex();
        }
        return token.position().orElseThrow(
                () -> new IllegalArgumentException("Unsupported tracking token " + token));
    }

    private static TrackedEventData<?> trackedEntry(Document commit, Document entry, long globalIndex) {
        GlobalSequenceTrackingToken token = new GlobalSequenceTrackingToken(globalIndex);
        String aggregateId = commit.getString("aggregateId");
        if (aggregateId == null) {
            return new TrackedEventEntry(token, entry.getString("eventIdentifier"),
                                         Instant.parse(entry.getString("timestamp")),
                                         new SimpleSerializedObject<>(entry.getString("payload"), String.class,
                                                                      entry.getString("payloadType"),
                                                                      entry.getString("payloadRevision")),
                                         new SerializedMetaData<>(entry.getString("metaData"), String.class));
        }
        return new TrackedDomainEventData<>(token, domainEntry(commit.getString("aggregateType"), aggregateId, entry));
    }

    private static GenericDomainEventEntry<String> domainEntry(String type, String aggregateId, Document entry) {
        return new GenericDomainEventEntry<>(type, aggregateId, entry.getLong("sequenceNumber"),
                                             entry.getString("eventIdentifier"), entry.getString("timestamp"),
                                             entry.getString("payloadType"), entry.getString("payloadRevision"),
                                             entry.getString("payload"), entry.getString("metaData"));
    }

    /** Tracked data of an event that belongs to no aggregate. */
    private record TrackedEventEntry(TrackingToken trackingToken, String getEventIdentifier, Instant getTimestamp,
                                     SerializedObject<String> getPayload, SerializedObject<String> getMetaData)
            implements TrackedEventData<String> {
    }

    // ---------------------------------------------------------------- tokens and status

    /** Before global index 1, the first one ever given out. */
    @Override
    public TrackingToken createTailToken() {
        return new GlobalSequenceTrackingToken(0);
    }

    /**
     * The highest position up to which every taken index is committed (or fenced), so that a processor starting at
     * head still gets events that are being committed right now.
     */
    @Override
    public TrackingToken createHeadToken() {
        return new GlobalSequenceTrackingToken(committedHead());
    }

    /**
     * The position just before the first event whose timestamp is at or after {@code at}, or the head token. Scans the
     * whole events collection: a rare administrative operation.
     */
    @Override
    public TrackingToken createTokenAt(Instant at) {
        String from = TIMESTAMP.format(at);
        long firstMatch = Long.MAX_VALUE;
        for (Document commit : events.find(eq("tombstone", null))) {
            long first = commit.getLong("_id");
            List<Document> entries = commit.getList("events", Document.class);
            for (int i = 0; i < entries.size() && first + i < firstMatch; i++) {
                if (entries.get(i).getString("timestamp").compareTo(from) >= 0) {
                    firstMatch = first + i;
                }
            }
        }
        return firstMatch == Long.MAX_VALUE ? createHeadToken() : new GlobalSequenceTrackingToken(firstMatch - 1);
    }

    /** The value of the global counter: the highest index taken, committed or not (0 for an empty store). */
    public long headSequence() {
        Document counter = sequence.find(eq("_id", COUNTER_ID)).first();
        return counter == null ? 0 : counterValue(counter);
    }

    /**
     * The highest index below which every index is committed or fenced. Walks forward from the highest such position
     * this instance has seen (from 0 after a restart, {@value #WALK_WINDOW} indexes per query); never fences.
     */
    public long committedHead() {
        return committedHead(headSequence());
    }

    private long committedHead(long counter) {
        long next = knownContiguousHead.get() + 1;
        Window window = null;
        while (next <= counter) {
            if (window == null || next > window.last) {
                window = window(next, next + WALK_WINDOW - 1);
            }
            Document commit = window.covering(next);
            if (commit == null) {
                break;
            }
            next = commit.getLong("_id") + commit.getInteger("n");
            if (!commit.getBoolean("tombstone", false)) {
                lastEventSeen.accumulateAndGet(next - 1, Math::max);
            }
        }
        return knownContiguousHead.accumulateAndGet(Math.min(next - 1, counter), Math::max);
    }

    /**
     * The position a tracking processor reaches once it has read everything: the global index of the last event
     * when every taken index is committed or fenced (tombstones after it hold no event, so no token ever moves onto
     * them), else the counter, since an index still open may yet be committed.
     */
    public long deliverableHead() {
        long counter = headSequence();
        long contiguous = committedHead(counter);
        if (contiguous < counter) {
            return counter;
        }
        return Math.min(lastEventSeen.get(), contiguous);
    }

    /** Tombstones this instance wrote as a reader because a taken index stayed uncommitted too long. */
    public long fencesWritten() {
        return fencesWritten.get();
    }

    /** Commits of this instance that had to take a new global index because a reader fenced theirs. */
    public long allocationsLost() {
        return allocationsLost.get();
    }

    /** Writes to the store so far: each carries the commits of one or more concurrent callers. */
    public long writes() {
        return writes.get();
    }

    /** Commit documents written so far (including those refused). */
    public long commitsWritten() {
        return commitsWritten.get();
    }

    private static long counterValue(Document counter) {
        return ((Number) counter.get("value")).longValue();
    }

    /** Test hook: runs between taking global indexes for a write and inserting its commits. */
    @FunctionalInterface
    public interface CommitDelay {

        CommitDelay NONE = (first, count) -> {
        };

        void beforeCommit(long firstGlobalIndex, int eventCount);
    }

    /** Builder; {@link #database(MongoDatabase)} is required, serializers should be set. */
    public static class Builder extends BatchingEventStorageEngine.Builder {

        private MongoDatabase database;
        private String eventsCollection = "events";
        private String sequenceCollection = "event_sequence";
        private String snapshotsCollection = "snapshots";
        private Duration gapFenceTimeout = Duration.ofSeconds(1);
        private CommitDelay commitDelay = CommitDelay.NONE;
        private boolean createIndexes = true;

        public Builder() {
            persistenceExceptionResolver(MongoEventStorageEngine::isDuplicateKey);
        }

        public Builder database(MongoDatabase database) {
            this.database = database;
            return this;
        }

        public Builder eventsCollection(String name) {
            this.eventsCollection = name;
            return this;
        }

        public Builder sequenceCollection(String name) {
            this.sequenceCollection = name;
            return this;
        }

        public Builder snapshotsCollection(String name) {
            this.snapshotsCollection = name;
            return this;
        }

        /** How long a taken but uncommitted global index may hold readers back before they fence it. */
        public Builder gapFenceTimeout(Duration timeout) {
            this.gapFenceTimeout = timeout;
            return this;
        }

        /** For tests only: a pause between taking global indexes and inserting the commit. */
        public Builder commitDelay(CommitDelay commitDelay) {
            this.commitDelay = commitDelay;
            return this;
        }

        public Builder createIndexes(boolean createIndexes) {
            this.createIndexes = createIndexes;
            return this;
        }

        @Override
        public Builder snapshotSerializer(Serializer snapshotSerializer) {
            super.snapshotSerializer(snapshotSerializer);
            return this;
        }

        @Override
        public Builder upcasterChain(EventUpcaster upcasterChain) {
            super.upcasterChain(upcasterChain);
            return this;
        }

        @Override
        public Builder persistenceExceptionResolver(PersistenceExceptionResolver resolver) {
            super.persistenceExceptionResolver(resolver);
            return this;
        }

        @Override
        public Builder eventSerializer(Serializer eventSerializer) {
            super.eventSerializer(eventSerializer);
            return this;
        }

        @Override
        public Builder snapshotFilter(Predicate<? super DomainEventData<?>> snapshotFilter) {
            super.snapshotFilter(snapshotFilter);
            return this;
        }

        @Override
        public Builder snapshotFilter(SnapshotFilter snapshotFilter) {
            super.snapshotFilter(snapshotFilter);
            return this;
        }

        @Override
        public Builder batchSize(int batchSize) {
            super.batchSize(batchSize);
            return this;
        }

        @Override
        protected void validate() throws AxonConfigurationException {
            super.validate();
            if (database == null) {
                throw new AxonConfigurationException("The MongoDatabase is required");
            }
            if (gapFenceTimeout == null || gapFenceTimeout.isNegative() || commitDelay == null) {
                throw new AxonConfigurationException("A non-negative gap fence timeout and a commit delay are required");
            }
        }

        public MongoEventStorageEngine build() {
            validate();
            return new MongoEventStorageEngine(this);
        }
    }
}
