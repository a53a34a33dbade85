package org.safeguarding.chronology.embedded;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * mongo-java-server listening on TCP, so the real MongoDB driver talks to it exactly as it would to
 * MongoDB. H2 file backend for data kept across restarts, memory backend for fast tests.
 */
public final class EmbeddedMongo implements AutoCloseable {

    private final MongoBackend backend;
    private final MongoServer server;
    private final InetSocketAddress address;
    private final String description;

    /**
     * Netty event-loop threads serving connections. A write blocks its thread until its group commit is durable, so
     * there are enough of them for the writes of many connections to wait on one commit together.
     */
    private static final int WORKER_THREADS = 32;

    private EmbeddedMongo(MongoBackend backend, String host, int port, String description) {
        this.backend = backend;
        this.server = new MongoServer(backend);
        this.server.bind(new InetSocketAddress(host, port), 1, WORKER_THREADS);
        this.address = server.getLocalAddress();
        this.description = description;
    }

    /** In memory, on a free port of the loopback interface. */
    public static EmbeddedMongo inMemory() {
        return new EmbeddedMongo(new MemoryBackend(), "127.0.0.1", 0, "memory");
    }

    /** H2 file backend: the store lives in {@code file} and outlives the process; a write is answered once synced. */
    public static EmbeddedMongo h2File(Path file, String host, int port) {
        return h2File(file, host, port, DurableH2Backend.Durability.SYNC, false);
    }

    /** H2 file backend with the given durability of answered writes, switchable at run time for benchmarks. */
    public static EmbeddedMongo h2File(Path file, String host, int port, DurableH2Backend.Durability durability,
                                       boolean switchable) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the folder for " + file, e);
        }
        return new EmbeddedMongo(DurableH2Backend.open(file, durability, switchable), host, port,
                "H2 file " + file.toAbsolutePath() + ", writes answered when " + durability.name().toLowerCase());
    }

    /** The H2 file backend, for its durability figures; null in memory. */
    public DurableH2Backend durableBackend() {
        return backend instanceof DurableH2Backend durable ? durable : null;
    }

    public int port() {
        return address.getPort();
    }

    /** A connection string for the given database. */
    public String uri(String database) {
        return "mongodb://" + address.getHostString() + ":" + address.getPort() + "/" + database;
    }

    public String description() {
        return description;
    }

    @Override
    public void close() {
        server.shutdown();
    }
}
