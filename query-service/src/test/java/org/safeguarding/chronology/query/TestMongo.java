package org.safeguarding.chronology.query;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.util.concurrent.atomic.AtomicInteger;
import org.safeguarding.chronology.embedded.EmbeddedMongo;
import org.springframework.data.mongodb.core.MongoTemplate;

/** One in-memory mongo-java-server for the plain tests of this JVM; each test takes a database of its own. */
public final class TestMongo {

    private static final AtomicInteger databases = new AtomicInteger();
    private static EmbeddedMongo server;
    private static MongoClient client;

    private TestMongo() {
    }

    public static synchronized MongoTemplate freshDatabase() {
        if (server == null) {
            server = EmbeddedMongo.inMemory();
            client = MongoClients.create(server.uri("test"));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                client.close();
                server.close();
            }));
        }
        return new MongoTemplate(client, "test" + databases.incrementAndGet());
    }
}
