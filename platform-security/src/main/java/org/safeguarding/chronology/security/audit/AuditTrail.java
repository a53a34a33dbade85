package org.safeguarding.chronology.security.audit;

import static org.safeguarding.chronology.api.rejection.RejectedException.badRequest;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.WriteConcern;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit trail: immutable records in MongoDB, numbered 1, 2, 3 … per child with no gap, so a page is one exact
 * {@code $in} lookup on the unique id and the count is the highest number. Records are only ever inserted.
 *
 * <p>{@link #append} answers once the records are durable (the client's write concern: majority and journal on
 * MongoDB, the write-ahead log's sync on the embedded store); callers answer their read only after that, so a read
 * that answered is never missing from the trail. Concurrent appends share one insert. A number is taken by
 * inserting it: two instances taking the same one meet on the unique id, and the loser takes the next.
 */
public class AuditTrail implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AuditTrail.class);
    private static final String NO_CHILD = "-";
    public static final int MAX_PAGE = 500;

    /** The stored documents' layout. */
    static final class Layout {
        static final String RECORDS = "audit";
        static final String HEADS = "audit_heads";
        static final String ID = "_id";
        static final String CHILD = "childId";
        static final String NUMBER = "number";
        static final String AT = "at";
        static final String USERNAME = "username";
        static final String OPERATION = "operation";
        static final String ARGUMENTS = "arguments";
        static final String HEAD = "head";

        static String id(String childKey, long number) {
            return childKey + ":" + number;
        }

        private Layout() {
        }
    }

    private record Pending(List<AuditRecord> records, CompletableFuture<Void> stored) {
    }

    private final MongoCollection<Document> records;
    private final MongoCollection<Document> heads;
    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    /** The highest number known taken per child key; only the writer thread changes it. */
    private final Map<String, Long> known = new HashMap<>();
    private final Thread writer;
    private volatile boolean open = true;
    private volatile boolean recording = true;

    public AuditTrail(MongoDatabase database) {
        this.records = database.getCollection(Layout.RECORDS);
        this.heads = database.getCollection(Layout.HEADS).withWriteConcern(WriteConcern.W1.withJournal(false));
        this.writer = new Thread(this::write, "audit-writer");
        this.writer.setDaemon(true);
        this.writer.start();
    }

    /** Completes once every record is durable; fails if they could not be stored. */
    public CompletableFuture<Void> append(List<AuditRecord> batch) {
        CompletableFuture<Void> stored = new CompletableFuture<>();
        if (batch.isEmpty()) {
            stored.complete(null);
            return stored;
        }
        if (!open) {
            stored.completeExceptionally(new IllegalStateException("the audit trail is closed"));
            return stored;
        }
        if (!recording) {
            stored.complete(null);
            return stored;
        }
        queue.add(new Pending(List.copyOf(batch), stored));
        return stored;
    }

    public CompletableFuture<Void> append(AuditRecord record) {
        return append(List.of(record));
    }

    /**
     * Whether records are stored; off only for the benchmark's baseline, and only where the platform is started with
     * {@code chronology.audit.switchable=true} (see AuditSwitch).
     */
    public void recording(boolean on) {
        recording = on;
    }

    public boolean recording() {
        return recording;
    }

    /** Newest first; {@code after} is an endCursor of an earlier page of the same child. */
    public AuditPage page(String childId, int first, String after) {
        if (first < 1 || first > MAX_PAGE) {
            throw badRequest("first must be 1 to " + MAX_PAGE + ", not " + first);
        }
        String key = key(childId);
        long head = storedHead(key);
        long from = head;
        if (after != null) {
            long cursor = cursorNumber(after);
            from = Math.min(head, cursor - 1);
        }
        long to = Math.max(1, from - first + 1);
        List<String> ids = new ArrayList<>();
        for (long number = from; number >= to; number--) {
            ids.add(Layout.id(key, number));
        }
        List<Document> found = new ArrayList<>();
        if (!ids.isEmpty()) {
            records.find(Filters.in(Layout.ID, ids)).forEach(found::add);
        }
        found.sort(Comparator.comparingLong((Document d) -> d.getLong(Layout.NUMBER)).reversed());
        List<AuditPage.Edge> edges = found.stream()
                .map(d -> new AuditPage.Edge(cursor(d.getLong(Layout.NUMBER)), record(d))).toList();
        boolean more = !ids.isEmpty() && to > 1;
        return new AuditPage(edges, more, edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor(),
                (int) Math.min(Integer.MAX_VALUE, head));
    }

    @Override
    public void close() {
        open = false;
        writer.interrupt();
        try {
            writer.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Pending left;
        while ((left = queue.poll()) != null) {
            left.stored().completeExceptionally(new IllegalStateException("the audit trail closed"));
        }
    }

    private void write() {
        List<Pending> batch = new ArrayList<>();
        while (open) {
            try {
                Pending first = queue.poll(1, TimeUnit.SECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, 999);
                store(batch);
                batch.forEach(pending -> pending.stored().complete(null));
            } catch (InterruptedException stopping) {
                Thread.currentThread().interrupt();
                batch.forEach(pending -> pending.stored().completeExceptionally(stopping));
                return;
            } catch (RuntimeException failure) {
                log.warn("Audit records could not be stored; their reads are refused: {}", failure.toString());
                known.clear();
                batch.forEach(pending -> pending.stored().completeExceptionally(failure));
            }
            batch.clear();
        }
    }

    /**
     * Inserts every record at the next numbers of its child. Records another instance beat to a number are inserted
     * again after the head it reached; the others stay where they went in (records are never removed), and the
     * numbers stay without gaps, as every writer starts at or below the real head.
     */
    private void store(List<Pending> batch) {
        List<AuditRecord> left = new ArrayList<>();
        batch.forEach(pending -> left.addAll(pending.records()));
        for (int attempt = 1; !left.isEmpty(); attempt++) {
            if (attempt > 20) {
                throw new IllegalStateException("audit numbers kept being taken by another instance");
            }
            List<Document> documents = new ArrayList<>(left.size());
            Map<String, Long> heads = new LinkedHashMap<>();
            for (AuditRecord record : left) {
                String key = key(record.childId());
                long number = heads.containsKey(key) ? heads.get(key) + 1
                        : known.computeIfAbsent(key, this::storedHead) + 1;
                heads.put(key, number);
                documents.add(document(key, number, record));
            }
            List<AuditRecord> beaten = new ArrayList<>();
            try {
                records.insertMany(documents, new InsertManyOptions().ordered(false));
            } catch (MongoBulkWriteException e) {
                for (BulkWriteError error : e.getWriteErrors()) {
                    if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                        throw e;
                    }
                    AuditRecord record = left.get(error.getIndex());
                    beaten.add(record);
                    known.remove(key(record.childId()));
                }
            }
            heads.forEach((key, head) -> {
                if (known.containsKey(key)) {
                    known.put(key, head);
                }
                this.heads.updateOne(Filters.eq(Layout.ID, key), Updates.max(Layout.HEAD, head),
                        new UpdateOptions().upsert(true));
            });
            left.clear();
            left.addAll(beaten);
        }
    }

    /** The highest number taken for the child: the stored head, then any numbers after it that exist. */
    private long storedHead(String key) {
        Document head = heads.find(Filters.eq(Layout.ID, key)).first();
        long number = head == null ? 0 : head.getLong(Layout.HEAD);
        while (records.find(Filters.eq(Layout.ID, Layout.id(key, number + 1))).first() != null) {
            number++;
        }
        return number;
    }

    private static Document document(String key, long number, AuditRecord record) {
        return new Document(Layout.ID, Layout.id(key, number))
                .append(Layout.CHILD, record.childId())
                .append(Layout.NUMBER, number)
                .append(Layout.AT, record.at().toString())
                .append(Layout.USERNAME, record.username())
                .append(Layout.OPERATION, record.operation())
                .append(Layout.ARGUMENTS, record.arguments());
    }

    private static AuditRecord record(Document document) {
        return new AuditRecord(Instant.parse(document.getString(Layout.AT)), document.getString(Layout.USERNAME),
                document.getString(Layout.OPERATION), document.getString(Layout.CHILD),
                document.getString(Layout.ARGUMENTS));
    }

    private static String key(String childId) {
        return childId == null ? NO_CHILD : childId;
    }

    private static String cursor(long number) {
        return "audit:" + number;
    }

    private static long cursorNumber(String cursor) {
        try {
            if (cursor.startsWith("audit:")) {
                long number = Long.parseLong(cursor.substring("audit:".length()));
                if (number > 0) {
                    return number;
                }
            }
        } catch (NumberFormatException ignored) {
            // refused below
        }
        throw badRequest("after must be an endCursor of an earlier page of auditTrail, not " + cursor);
    }
}
