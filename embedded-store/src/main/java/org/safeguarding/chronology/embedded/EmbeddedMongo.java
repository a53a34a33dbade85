package org.safeguarding.chronology.embedded;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
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

    private final MongoServer server;
    private final InetSocketAddress address;
    private final String description;

    private EmbeddedMongo(MongoBackend backend, String host, int port, String description) {
        this.server = new MongoServer(backend);
        this.server.bind(host, port);
        this.address = server.getLocalAddress();
        this.description = description;
    }

    /** In memory, on a free port of the loopback interface. */
    public static EmbeddedMongo inMemory() {
        return new EmbeddedMongo(new MemoryBackend(), "127.0.0.1", 0, "memory");
    }

    /** H2 file backend: the store lives in {@code file} and outlives the process. */
    public static EmbeddedMongo h2File(Path file, String host, int port) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the folder for " + file, e);
        }
        return new EmbeddedMongo(new H2Backend(file.toString()), host, port, "H2 file " + file.toAbsolutePath());
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
