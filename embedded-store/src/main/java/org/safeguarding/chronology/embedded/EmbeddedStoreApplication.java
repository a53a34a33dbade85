package org.safeguarding.chronology.embedded;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The laptop store: one embedded MongoDB-compatible server on an H2 file, shared by both services.
 * Settings (environment): EMBEDDED_MONGO_PORT (27117), EMBEDDED_MONGO_HOST (127.0.0.1),
 * EMBEDDED_MONGO_FILE (data/chronology.mv), EMBEDDED_MONGO_DURABILITY (sync: a write is answered once committed and
 * synced to the disk; commit: once written to the file; none: H2's background commit, for benchmarks only),
 * EMBEDDED_MONGO_DURABILITY_SWITCHABLE (false; true lets a benchmark change the durability while the store runs).
 */
public final class EmbeddedStoreApplication {

    private EmbeddedStoreApplication() {
    }

    public static void main(String[] args) throws InterruptedException {
        // the jar is also a test dependency: its logging set-up applies only when it runs as the store
        System.setProperty("logback.configurationFile", "embedded-store-logback.xml");
        Logger log = LoggerFactory.getLogger(EmbeddedStoreApplication.class);
        int port = Integer.parseInt(setting("EMBEDDED_MONGO_PORT", "27117"));
        String host = setting("EMBEDDED_MONGO_HOST", "127.0.0.1");
        Path file = Path.of(setting("EMBEDDED_MONGO_FILE", "data/chronology.mv"));
        DurableH2Backend.Durability durability =
                DurableH2Backend.Durability.parse(setting("EMBEDDED_MONGO_DURABILITY", "sync"));
        boolean switchable = Boolean.parseBoolean(setting("EMBEDDED_MONGO_DURABILITY_SWITCHABLE", "false"));
        EmbeddedMongo mongo = EmbeddedMongo.h2File(file, host, port, durability, switchable);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log.info("embedded store stopping: flushing {}", mongo.description());
            mongo.close();
            stopped.countDown();
        }, "embedded-store-shutdown"));
        log.info("embedded store ready on mongodb://{}:{} ({})", host, mongo.port(), mongo.description());
        stopped.await();
    }

    private static String setting(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
