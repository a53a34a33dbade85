package org.safeguarding.chronology.platform;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.safeguarding.chronology.embedded.EmbeddedMongo;

/**
 * Both services started from their runnable jars, exactly as run.sh starts them, as separate
 * processes talking to an embedded store over TCP; the query-service as one or more instances.
 */
final class Platform implements AutoCloseable {

    private static final String VERSION = System.getProperty("platform.version", "0.1.0-SNAPSHOT");

    private final List<Process> services = new ArrayList<>();
    private final List<Process> killed = new ArrayList<>();
    private final Path logs;
    /** The store this platform started for itself and closes with itself, or null. */
    private EmbeddedMongo ownStore;
    final String mongoUri;
    final int commandPort;
    final int queryPort;
    /**
     * The first-start admin, its password given to the services as a deployment would; one for the JVM, so a
     * platform started again on the same store logs in as before.
     */
    static final Credentials ADMIN = new Credentials("admin", "platform-test-" + java.util.UUID.randomUUID());
    final Credentials admin = ADMIN;
    final GraphQlClient commands;
    final GraphQlClient queries;
    final List<QueryInstance> queryInstances = new ArrayList<>();

    /** One query-service process: its port, its GraphQL client and its log. */
    record QueryInstance(Process process, int port, GraphQlClient queries, String log) {

        String url(String path) {
            return "http://127.0.0.1:" + port + path;
        }
    }

    private Platform(String mongoUri, Path logs, int instances, Map<String, String> queryEnvironment)
            throws IOException, InterruptedException {
        this(mongoUri, logs, instances, queryEnvironment, null, 0);
    }

    /** With {@code store} set, the embedded store runs as that process, listening on {@code storePort}. */
    private Platform(String mongoUri, Path logs, int instances, Map<String, String> queryEnvironment, Process store,
                     int storePort) throws IOException, InterruptedException {
        this.logs = logs;
        this.mongoUri = mongoUri;
        Files.createDirectories(logs);
        if (store != null) {
            services.add(store);
            awaitPort("embedded-store", storePort);
        }
        commandPort = freePort();
        start("chronology-service", "chronology-service", "CHRONOLOGY_PORT", commandPort, Map.of());
        for (int i = 1; i <= instances; i++) {
            launchQueryInstance(queryEnvironment);
        }
        awaitPort("chronology-service", commandPort);
        for (QueryInstance instance : queryInstances) {
            awaitPort(instance.log(), instance.port());
        }
        commands = new GraphQlClient("http://127.0.0.1:" + commandPort + "/graphql", admin);
        org.safeguarding.chronology.platform.bench.Http.as(admin);
        queryPort = queryInstances.get(0).port();
        queries = queryInstances.get(0).queries();
    }

    static Platform start(EmbeddedMongo store, Path logs) throws IOException, InterruptedException {
        return new Platform(store.uri("chronology"), logs, 1, Map.of());
    }

    /**
     * On an embedded store started from its jar as a process of its own on this H2 file, as run.sh starts it, so
     * that {@link #killAll()} kills the store too.
     */
    static Platform onStoreProcess(Path file, Path logs) throws IOException, InterruptedException {
        Files.createDirectories(logs);
        int storePort = freePort();
        Process store = launch("embedded-store", logs.resolve("embedded-store.log"), Map.of(
                "EMBEDDED_MONGO_FILE", file.toString(), "EMBEDDED_MONGO_PORT", Integer.toString(storePort)));
        try {
            return new Platform("mongodb://127.0.0.1:" + storePort + "/chronology", logs, 1, Map.of(), store,
                    storePort);
        } catch (IOException | InterruptedException | RuntimeException e) {
            store.destroyForcibly().waitFor();
            throw e;
        }
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


    /** With this many query-service instances, each given these environment variables. */
    static Platform start(EmbeddedMongo store, Path logs, int queryInstances, Map<String, String> queryEnvironment)
            throws IOException, InterruptedException {
        return new Platform(store.uri("chronology"), logs, queryInstances, queryEnvironment);
    }

    /** One more query-service instance, once it listens. */
    QueryInstance startQueryInstance(Map<String, String> environment) throws IOException, InterruptedException {
        QueryInstance instance = launchQueryInstance(environment);
        awaitPort(instance.log(), instance.port());
        return instance;
    }

    private QueryInstance launchQueryInstance(Map<String, String> environment) throws IOException {
        int port = freePort();
        String log = queryInstances.isEmpty() ? "query-service" : "query-service-" + (queryInstances.size() + 1);
        QueryInstance instance = new QueryInstance(start("query-service", log, "QUERY_PORT", port, environment), port,
                new GraphQlClient("http://127.0.0.1:" + port + "/graphql", admin), log);
        queryInstances.add(instance);
        return instance;
    }

    /** SIGKILL: the process gets no chance to release anything. */
    void kill(QueryInstance instance) throws InterruptedException {
        killed.add(instance.process());
        instance.process().destroyForcibly().waitFor();
    }

    /** SIGKILL to every process at once, the store too when it is one: a power cut or an out-of-memory kill. */
    void killAll() throws InterruptedException {
        services.forEach(Process::destroyForcibly);
        for (Process p : services) {
            p.waitFor();
        }
    }

    private Process start(String service, String log, String portVariable, int port, Map<String, String> environment)
            throws IOException {
        Map<String, String> all = new HashMap<>(environment);
        all.put("MONGODB_URI", mongoUri);
        all.put("ADMIN_PASSWORD", admin.password());
        all.put("ADMIN_PASSWORD_FILE", logs.resolve("admin-password").toString());
        all.put(portVariable, Integer.toString(port));
        Process process = launch(service, logs.resolve(log + ".log"), all);
        services.add(process);
        return process;
    }

    /**
     * A module's runnable jar as a process, its output appended to the log. C1 only and the serial collector, as
     * RunSh starts run.sh: a start costs about half the CPU, and the tests measure nothing.
     */
    private static Process launch(String module, Path log, Map<String, String> environment) throws IOException {
        Path jar = Path.of("..", module, "target", module + "-" + VERSION + "-exec.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build the whole project (./mvnw verify)");
        }
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", jar.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        return builder.start();
    }

    private void awaitPort(String service, int port) throws InterruptedException, IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            for (Process p : services) {
                if (!p.isAlive() && !killed.contains(p)) {
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
