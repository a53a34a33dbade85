package org.safeguarding.chronology.platform;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.safeguarding.chronology.embedded.EmbeddedMongo;

/**
 * Both services started from their runnable jars, exactly as run.sh starts them, as separate
 * processes talking to an embedded store over TCP.
 */
final class Platform implements AutoCloseable {

    private static final String VERSION = System.getProperty("platform.version", "0.1.0-SNAPSHOT");

    private final List<Process> services = new ArrayList<>();
    private final Path logs;
    /** The store this platform started for itself and closes with itself, or null. */
    private EmbeddedMongo ownStore;
    final String mongoUri;
    final int commandPort;
    final int queryPort;
    final GraphQlClient commands;
    final GraphQlClient queries;

    private Platform(String mongoUri, Path logs) throws IOException, InterruptedException {
        this.logs = logs;
        this.mongoUri = mongoUri;
        Files.createDirectories(logs);
        commandPort = freePort();
        queryPort = freePort();
        start("chronology-service", mongoUri, "CHRONOLOGY_PORT", commandPort);
        start("query-service", mongoUri, "QUERY_PORT", queryPort);
        awaitPort("chronology-service", commandPort);
        awaitPort("query-service", queryPort);
        commands = new GraphQlClient("http://127.0.0.1:" + commandPort + "/graphql");
        queries = new GraphQlClient("http://127.0.0.1:" + queryPort + "/graphql");
    }

    static Platform start(EmbeddedMongo store, Path logs) throws IOException, InterruptedException {
        return new Platform(store.uri("chronology"), logs);
    }

    /** On an in-memory store of its own, which closes with it. */
    static Platform onMemoryStore(Path logs) throws IOException, InterruptedException {
        EmbeddedMongo store = EmbeddedMongo.inMemory();
        try {
            Platform platform = start(store, logs);
            platform.ownStore = store;
            return platform;
        } catch (IOException | InterruptedException | RuntimeException e) {
            store.close();
            throw e;
        }
    }

    private void start(String service, String mongoUri, String portVariable, int port) throws IOException {
        Path jar = Path.of("..", service, "target", service + "-" + VERSION + "-exec.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build the whole project (./mvnw verify)");
        }
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-jar", jar.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logs.resolve(service + ".log").toFile()));
        builder.environment().put("MONGODB_URI", mongoUri);
        builder.environment().put(portVariable, Integer.toString(port));
        services.add(builder.start());
    }

    private void awaitPort(String service, int port) throws InterruptedException, IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            for (Process p : services) {
                if (!p.isAlive()) {
                    throw new IllegalStateException("a service stopped during start-up:\n" + tail(service));
                }
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(200);
            }
        }
        throw new IllegalStateException(service + " did not open port " + port + ":\n" + tail(service));
    }

    String tail(String service) throws IOException {
        List<String> lines = Files.readAllLines(logs.resolve(service + ".log"));
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }

    /** SIGTERM, as Ctrl-C in run.sh: each service shuts down gracefully. */
    @Override
    public void close() throws InterruptedException {
        for (Process p : services) {
            p.destroy();
        }
        for (Process p : services) {
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor();
            }
        }
        if (ownStore != null) {
            ownStore.close();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
