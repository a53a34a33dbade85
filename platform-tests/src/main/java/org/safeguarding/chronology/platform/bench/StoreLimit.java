package org.safeguarding.chronology.platform.bench;

import com.mongodb.ConnectionString;
import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.bson.Document;

/**
 * The store's own limit: raw {@code insertMany} of documents shaped exactly like the event store's commits (a copy
 * of a real one-entry commit, with its unique {@code ak} key), into a scratch database of the same server.
 */
final class StoreLimit {

    private final String uri;

    StoreLimit(String uri) {
        this.uri = uri;
    }

    double measure(int documents, int batchSize) {
        ConnectionString connection = new ConnectionString(uri);
        try (MongoClient client = MongoClients.create(connection)) {
            MongoDatabase store = client.getDatabase(connection.getDatabase() == null ? "chronology" : connection.getDatabase());
            Document sample = sampleCommit(store.getCollection("events"));
            MongoDatabase scratch = client.getDatabase("bench_limit");
            scratch.drop();
            MongoCollection<Document> events = scratch.getCollection("events");
            events.createIndex(Indexes.ascending("ak"), new IndexOptions().unique(true));
            insert(events, sample, 0, batchSize, batchSize); // warm up
            long start = System.nanoTime();
            insert(events, sample, batchSize, documents, batchSize);
            double perSecond = documents / ((System.nanoTime() - start) / 1e9);
            Bench.progress(String.format(Locale.ROOT, "store limit: %d documents of %d bytes in batches of %d: %.0f/s",
                    documents, sample.toJson().length(), batchSize, perSecond));
            scratch.drop();
            return perSecond;
        }
    }

    private static void insert(MongoCollection<Document> events, Document sample, long from, long count, int batchSize) {
        List<Document> batch = new ArrayList<>(batchSize);
        for (long id = from; id < from + count; id++) {
            Document copy = Document.parse(sample.toJson());
            copy.put("_id", id);
            copy.put("ak", "bench-limit/" + id);
            copy.getList("events", Document.class).get(0).put("eventIdentifier", UUID.randomUUID().toString());
            batch.add(copy);
            if (batch.size() == batchSize) {
                events.insertMany(batch);
                batch = new ArrayList<>(batchSize);
            }
        }
        if (!batch.isEmpty()) {
            events.insertMany(batch);
        }
    }

    /**
     * Asks the embedded store to answer writes with another durability (sync, commit or none); answers false when the
     * store cannot (a real MongoDB, or an embedded store started without EMBEDDED_MONGO_DURABILITY_SWITCHABLE).
     */
    boolean durability(String durability) {
        try (MongoClient client = MongoClients.create(new ConnectionString(uri))) {
            client.getDatabase("admin").runCommand(new Document("chronologyDurability", durability));
            return true;
        } catch (MongoException refused) {
            Bench.progress("the store cannot change its durability: " + refused.getMessage());
            return false;
        }
    }

    /** A real commit's first EntryRecorded event, as the one-event commit recordEntry appends. */
    private static Document sampleCommit(MongoCollection<Document> events) {
        for (Document commit : events.find().limit(2_000)) {
            List<Document> inside = commit.getList("events", Document.class);
            if (inside == null) {
                continue;
            }
            for (Document event : inside) {
                if (event.getString("payloadType").endsWith("EntryRecorded")) {
                    Document one = Document.parse(commit.toJson());
                    one.put("n", 1);
                    one.put("lastSeq", one.get("firstSeq"));
                    one.put("events", List.of(Document.parse(event.toJson())));
                    return one;
                }
            }
        }
        throw new IllegalStateException("no EntryRecorded commit in the store to copy");
    }
}
