package org.safeguarding.chronology.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The real ./run.sh on the built jars, with its own data directory and free ports, in a process group of its own
 * (setsid), so that whatever it started is found, and killed, even when a test fails.
 */
final class RunSh implements AutoCloseable {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    private final Process process;
    private final Path output;
    final Path logs;
    final GraphQlClient commands;
    final GraphQlClient queries;
    /** Every pid read from a pid file, so the test can see them all gone. */
    private final Set<Long> seen = new TreeSet<>();

    private RunSh(Path data, Map<String, String> settings) throws IOException, InterruptedException {
        output = data.resolve("run.out");
        logs = data.resolve("logs");
        int commandPort = freePort();
        int queryPort = freePort();
        ProcessBuilder builder = new ProcessBuilder("setsid", "./run.sh").directory(ROOT.toFile())
                .redirectErrorStream(true).redirectOutput(output.toFile());
        Map<String, String> env = builder.environment();
        env.remove("MONGODB_URI");
        env.put("PATH", Path.of(System.getProperty("java.home"), "bin") + File.pathSeparator + env.get("PATH"));
        env.put("SKIP_BUILD", "true");
        env.put("DATA_DIR", data.toString());
        env.put("CHRONOLOGY_PORT", Integer.toString(commandPort));
        env.put("QUERY_PORT", Integer.toString(queryPort));
        env.put("EMBEDDED_MONGO_PORT", Integer.toString(freePort()));
        // C1 only and one GC thread: three JVMs start sooner on two shared cores
        env.put("JAVA_OPTS", "-Xms32m -Xmx384m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC");
        env.putAll(settings);
        process = builder.start();
        Path adminPassword = data.resolve("admin-password");
        commands = new GraphQlClient("http://127.0.0.1:" + commandPort + "/graphql",
                () -> Credentials.fromFile("admin", adminPassword));
        queries = new GraphQlClient("http://127.0.0.1:" + queryPort + "/graphql",
                () -> Credentials.fromFile("admin", adminPassword));
        awaitOwnGroup();
    }

    /** Starts run.sh with these settings (environment) on top of the test's own. */
    static RunSh start(Path data, Map<String, String> settings) throws IOException, InterruptedException {
        return new RunSh(data, settings);
    }

    private void awaitOwnGroup() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (processGroup(process.pid()) != process.pid()) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                process.destroyForcibly();
                fail("run.sh did not lead a process group of its own (setsid)");
            }
            Thread.sleep(20);
        }
    }

    String output() throws IOException {
        return Files.readString(output);
    }

    void awaitOutput(String text, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!output().contains(text)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                fail("run.sh did not print \"" + text + "\"" + (process.isAlive() ? "" : " (it exited)") + "; it printed:\n"
                        + output());
            }
            Thread.sleep(100);
        }
    }

    /** The pid in the process's pid file now. */
    long pid(String name) throws IOException {
        long pid = Long.parseLong(Files.readString(logs.resolve(name + ".pid")).trim());
        seen.add(pid);
        return pid;
    }

    /** The pid of the process started in place of the given one, once its pid file names it. */
    long awaitNewPid(String name, long old) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            try {
                long pid = pid(name);
                if (pid != old && alive(pid)) {
                    return pid;
                }
            } catch (NoSuchFileException | NumberFormatException notYet) {
                // between the death and the restart
            }
            Thread.sleep(100);
        }
        return fail(name + " was not started again; run.sh printed:\n" + output());
    }

    /** Retries while the service is still starting (refused connections, 503s). */
    static <T> T awaitAnswer(Callable<T> call) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (true) {
            try {
                return call.call();
            } catch (IllegalStateException notYet) {
                if (System.nanoTime() > deadline) {
                    throw notYet;
                }
                Thread.sleep(250);
            }
        }
    }

    static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    static void kill(long pid) {
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::destroyForcibly)).as("SIGKILL to " + pid).contains(true);
    }

    /** SIGTERM to run.sh, as a service manager stops it. */
    void terminate() {
        process.destroy();
    }

    int awaitExit(Duration timeout) throws InterruptedException, IOException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            fail("run.sh did not exit within " + timeout + "; it printed:\n" + output());
        }
        return process.exitValue();
    }

    /** What still runs in run.sh's process group, or was ever named in a pid file: "pid command". */
    List<String> leftovers() throws IOException {
        List<String> left = new ArrayList<>();
        for (ProcessHandle p : remaining()) {
            left.add(p.pid() + " " + p.info().commandLine().orElse("?"));
        }
        return left;
    }

    private List<ProcessHandle> remaining() throws IOException {
        Set<Long> pids = new TreeSet<>(seen);
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            procs.map(p -> p.getFileName().toString()).filter(name -> name.chars().allMatch(Character::isDigit))
                    .map(Long::parseLong).filter(pid -> processGroup(pid) == process.pid()).forEach(pids::add);
        }
        return pids.stream().map(ProcessHandle::of).flatMap(Optional::stream)
                .filter(p -> p.isAlive() && !zombie(p.pid())).toList();
    }

    @Override
    public void close() throws Exception {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
        for (ProcessHandle p : remaining()) {
            p.destroyForcibly();
            p.onExit().get(30, TimeUnit.SECONDS);
        }
    }

    /** The process group in /proc/pid/stat (the fifth field; the second, the command, may hold spaces), or -1. */
    private static long processGroup(long pid) {
        String[] fields = statFields(pid);
        return fields == null ? -1 : Long.parseLong(fields[2]);
    }

    private static boolean zombie(long pid) {
        String[] fields = statFields(pid);
        return fields != null && fields[0].equals("Z");
    }

    /** The fields after the command: state, ppid, pgrp, ... */
    private static String[] statFields(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        } catch (IOException | RuntimeException gone) {
            return null;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
