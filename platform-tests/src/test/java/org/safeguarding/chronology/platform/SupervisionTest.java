package org.safeguarding.chronology.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ./run.sh supervising what it started: a service killed with SIGKILL is started again while the rest stays up, a
 * dead store takes both services with it, one that keeps dying stops everything, and SIGTERM stops everything.
 */
class SupervisionTest {

    private static final Duration START = Duration.ofSeconds(180);
    private static final ChildRecord CHILD = new ChildRecord("supervised-child", "supervised-school", "Child D");

    @Test
    void aKilledServiceIsRestartedAndOneThatKeepsDyingStopsEverything(@TempDir Path data) throws Exception {
        try (RunSh run = RunSh.start(data, Map.of("RESTART_LIMIT", "2", "RESTART_BACKOFF", "1",
                "RESTART_BACKOFF_MAX", "2", "RESTART_RESET_AFTER", "600"))) {
            run.awaitOutput("is running", START);
            CHILD.register(run.commands);
            CHILD.record(run.commands, 1);
            CHILD.awaitCount(run.queries, 1);
            long store = run.pid("embedded-store");
            long chronology = run.pid("chronology-service");
            long query = run.pid("query-service");

            RunSh.kill(query);
            run.awaitOutput("query-service stopped unexpectedly (status 137 (SIGKILL)); restart 1 of at most 2 in 1 s", START);
            CHILD.record(run.commands, 2); // commands are still taken while the query side is down
            long secondQuery = run.awaitNewPid("query-service", query);
            run.awaitOutput("query-service is answering again", START);
            RunSh.awaitAnswer(() -> CHILD.awaitCount(run.queries, 2));
            assertThat(run.pid("chronology-service")).as("chronology-service stayed up").isEqualTo(chronology);
            assertThat(RunSh.alive(chronology)).isTrue();

            RunSh.kill(chronology);
            run.awaitOutput("chronology-service stopped unexpectedly (status 137 (SIGKILL)); restart 1 of at most 2 in 1 s",
                    START);
            run.awaitNewPid("chronology-service", chronology);
            run.awaitOutput("chronology-service is answering again", START);
            RunSh.awaitAnswer(() -> CHILD.record(run.commands, 3));
            CHILD.awaitCount(run.queries, 3);
            assertThat(run.pid("query-service")).as("query-service stayed up").isEqualTo(secondQuery);
            assertThat(RunSh.alive(store)).as("the store stayed up").isTrue();

            // query-service dies twice more: restarted once more after 2 s, then run.sh gives up
            RunSh.kill(secondQuery);
            run.awaitOutput("query-service stopped unexpectedly (status 137 (SIGKILL)); restart 2 of at most 2 in 2 s", START);
            RunSh.kill(run.awaitNewPid("query-service", secondQuery));
            assertThat(run.awaitExit(Duration.ofSeconds(60))).isEqualTo(1);
            assertThat(run.output())
                    .contains("giving up on query-service: it stopped again (status 137 (SIGKILL)) after 2 restarts")
                    .contains("See its log: " + run.logs.resolve("query-service.log"))
                    .contains("Stopped.");
            assertThat(run.leftovers()).as("nothing run.sh started is left").isEmpty();
            assertThat(pidFiles(run)).isEmpty();
        }
    }

    @Test
    void aDeadStoreRestartsBothServicesAndSigtermStopsEverythingDuringABackoff(@TempDir Path data) throws Exception {
        try (RunSh run = RunSh.start(data, Map.of("RESTART_BACKOFF", "3"))) {
            run.awaitOutput("is running", START);
            long store = run.pid("embedded-store");
            long chronology = run.pid("chronology-service");
            long query = run.pid("query-service");

            RunSh.kill(store);
            run.awaitOutput("embedded store stopped unexpectedly (status 137 (SIGKILL)); restart 1 of at most 5 in 3 s, "
                    + "then chronology-service and query-service restart too", START);
            run.awaitNewPid("embedded-store", store);
            run.awaitOutput("embedded store is answering again", START);
            long newQuery = run.awaitNewPid("query-service", query);
            run.awaitNewPid("chronology-service", chronology);
            assertThat(RunSh.alive(chronology) || RunSh.alive(query)).as("the old services were stopped").isFalse();
            run.awaitOutput("chronology-service is answering again", START);
            run.awaitOutput("query-service is answering again", START);
            RunSh.awaitAnswer(() -> CHILD.register(run.commands));
            RunSh.awaitAnswer(() -> CHILD.awaitCount(run.queries, 0));

            RunSh.kill(newQuery);
            run.awaitOutput("query-service stopped unexpectedly (status 137 (SIGKILL)); restart 1 of at most 5 in 3 s", START);
            run.terminate();
            assertThat(run.awaitExit(Duration.ofSeconds(60))).isEqualTo(143);
            assertThat(run.output()).contains("Stopping...").contains("Stopped.");
            assertThat(Files.readString(run.logs.resolve("query-service.log"))).as("no restart after SIGTERM")
                    .doesNotContain(": restart 1 ----");
            assertThat(run.leftovers()).as("nothing run.sh started is left").isEmpty();
            assertThat(pidFiles(run)).isEmpty();
        }
    }

    private static List<Path> pidFiles(RunSh run) throws IOException {
        try (Stream<Path> files = Files.list(run.logs)) {
            return files.filter(f -> f.toString().endsWith(".pid")).toList();
        }
    }
}
