package org.safeguarding.chronology.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DurableH2BackendTest {

    @TempDir
    Path folder;

    @Test
    void everyAnsweredWriteOutlivesAKilledStore() throws Exception {
        Path file = folder.resolve("store.mv");
        Set<String> acknowledged = new HashSet<>();
        for (int crash = 1; crash <= 3; crash++) {
            int port = freePort();
            Process store = startStore(file, port);
            try {
                awaitPort(port, store);
                acknowledged.addAll(writeUntilKilled(port, store, "crash" + crash));
            } finally {
                store.destroyForcibly().waitFor();
            }
            try (EmbeddedMongo reopened = EmbeddedMongo.h2File(file, "127.0.0.1", 0);
                 MongoClient client = MongoClients.create(reopened.uri("test"))) {
                MongoCollection<Document> entries = client.getDatabase("test").getCollection("entries");
                Set<String> stored = new HashSet<>();
                entries.find().forEach(doc -> stored.add(doc.getString("_id")));
                assertThat(stored).as("after crash %d", crash).containsAll(acknowledged);
                // the unique index came back whole: no entry stored without its index key, or the other way round
                for (String id : acknowledged) {
                    assertThat(entries.countDocuments(Filters.eq("key", "k-" + id))).isEqualTo(1);
                }
                // a number taken before an answered write is durable with it: none is ever handed out twice
                long highestUsed = 0;
                for (Document entry : entries.find()) {
                    highestUsed = Math.max(highestUsed, entry.getLong("number"));
                }
                Document numbers = client.getDatabase("test").getCollection("counter")
                        .find(Filters.eq("_id", "numbers")).first();
                assertThat(numbers.getLong("value")).as("after crash %d", crash).isGreaterThanOrEqualTo(highestUsed);
            }
        }
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(300);
    }

    @Test
    void concurrentWritersShareCommits() throws Exception {
        try (EmbeddedMongo store = EmbeddedMongo.h2File(folder.resolve("group.mv"), "127.0.0.1", 0);
             MongoClient client = MongoClients.create(store.uri("test"))) {
            MongoCollection<Document> entries = client.getDatabase("test").getCollection("entries");
            List<Thread> writers = new ArrayList<>();
            for (int w = 0; w < 16; w++) {
                int writer = w;
                writers.add(started(() -> {
                    for (int i = 0; i < 100; i++) {
                        entries.insertOne(new Document("_id", writer + "/" + i));
                    }
                }));
            }
            for (Thread writer : writers) {
                writer.join();
            }
            DurableH2Backend backend = store.durableBackend();
            assertThat(entries.countDocuments()).isEqualTo(1600);
            assertThat(backend.writes()).isGreaterThanOrEqualTo(1600);
            assertThat(backend.commits()).isLessThan(backend.writes());
        }
    }

    @Test
    void aWriteThatAsksForNoJournalIsAnsweredWithoutACommit() throws Exception {
        try (EmbeddedMongo store = EmbeddedMongo.h2File(folder.resolve("unjournaled.mv"), "127.0.0.1", 0);
             MongoClient client = MongoClients.create(store.uri("test"))) {
            MongoCollection<Document> counters = client.getDatabase("test").getCollection("counters");
            counters.insertOne(new Document("_id", "warm-up"));
            // the log's syncs only: a checkpoint, about once a second, may come at any moment
            long syncs = store.durableBackend().logSyncs();
            counters.withWriteConcern(WriteConcern.W1.withJournal(false)).insertOne(new Document("_id", "n"));
            assertThat(store.durableBackend().logSyncs()).isEqualTo(syncs);
            counters.insertOne(new Document("_id", "m"));
            assertThat(store.durableBackend().logSyncs()).isEqualTo(syncs + 1);
        }
    }

    /** Eight writers insert; once 100 are answered the store is killed mid-load. Returns the ids answered. */
    private static Set<String> writeUntilKilled(int port, Process store, String prefix) throws Exception {
        ConcurrentLinkedQueue<String> answered = new ConcurrentLinkedQueue<>();
        AtomicBoolean stop = new AtomicBoolean();
        MongoClientSettings settings = MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString("mongodb://127.0.0.1:" + port + "/test"))
                .writeConcern(WriteConcern.MAJORITY.withJournal(true))
                .applyToSocketSettings(socket -> socket.connectTimeout(2, TimeUnit.SECONDS)
                        .readTimeout(5, TimeUnit.SECONDS))
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(2, TimeUnit.SECONDS))
                .build();
        try (MongoClient client = MongoClients.create(settings)) {
            MongoCollection<Document> entries = client.getDatabase("test").getCollection("entries");
            MongoCollection<Document> counter = client.getDatabase("test").getCollection("counter")
                    .withWriteConcern(WriteConcern.W1.withJournal(false));
            entries.createIndex(Indexes.ascending("key"), new IndexOptions().unique(true));
            List<Thread> writers = new ArrayList<>();
            for (int w = 0; w < 8; w++) {
                int writer = w;
                writers.add(started(() -> {
                    for (int i = 0; !stop.get(); i++) {
                        String id = prefix + "/" + writer + "/" + i;
                        try {
                            // as the event store takes its numbers: answered before it is durable (j: false)
                            Document taken = counter.findOneAndUpdate(Filters.eq("_id", "numbers"),
                                    Updates.inc("value", 1L), new FindOneAndUpdateOptions().upsert(true)
                                            .returnDocument(ReturnDocument.AFTER));
                            entries.insertOne(new Document("_id", id).append("key", "k-" + id)
                                    .append("number", taken.getLong("value"))
                                    .append("summary", "Entry " + i + " of writer " + writer));
                            answered.add(id);
                        } catch (RuntimeException storeGone) {
                            return;
                        }
                    }
                }));
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (answered.size() < 100 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            Thread.sleep(100 + (long) (Math.random() * 500)); // mid-load
            store.destroyForcibly(); // SIGKILL
            store.waitFor();
            stop.set(true);
            for (Thread writer : writers) {
                writer.join();
            }
        }
        return new HashSet<>(answered);
    }

    private static Thread started(Runnable work) {
        Thread thread = new Thread(work);
        thread.start();
        return thread;
    }

    private static Process startStore(Path file, int port) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), EmbeddedStoreApplication.class.getName())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("EMBEDDED_MONGO_FILE", file.toString());
        builder.environment().put("EMBEDDED_MONGO_PORT", Integer.toString(port));
        return builder.start();
    }

    private static void awaitPort(int port, Process store) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline && store.isAlive()) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("the store did not open port " + port);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
