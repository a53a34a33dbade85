package org.safeguarding.chronology.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.safeguarding.chronology.platform.GraphQlClient.Json.object;

import com.jayway.jsonpath.JsonPath;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A read that answered is in the audit trail, even when every process is killed (SIGKILL: the store too) right
 * after the answers: each read names a knownAt of its own, and after the restart each answered one is found in the
 * child's trail.
 */
class AuditCrashTest {

    private static final String CHILD = "audit-crash-child";
    private static final String READ = "query($c: ID!, $k: DateTime) { chronology(childId: $c, knownAt: $k, first: 5) { totalCount } }";

    @TempDir
    Path data;

    @Test
    void everyAnsweredReadIsInTheTrailAfterTheWholePlatformIsKilled() throws Exception {
        Path file = data.resolve("chronology.mv");
        Path logs = Path.of("target", "audit-crash-logs");
        ConcurrentLinkedQueue<String> answered = new ConcurrentLinkedQueue<>();
        try (Platform platform = Platform.onStoreProcess(file, logs)) {
            platform.commands.postOk("mutation { registerAgency(input: {id: \"audit-police\", name: \"Police\", sector: POLICE}) { id } }", null);
            platform.commands.postOk("mutation { registerChild(input: {id: \"" + CHILD + "\", displayName: \"Child A\"}) { id } }", null);
            AtomicBoolean killed = new AtomicBoolean();
            List<Thread> readers = new ArrayList<>();
            for (int r = 0; r < 4; r++) {
                int reader = r;
                Thread thread = new Thread(() -> {
                    for (int i = 0; !killed.get(); i++) {
                        String knownAt = Instant.parse("2020-01-01T00:00:00Z").plusSeconds(reader * 1_000_000L + i).toString();
                        try {
                            platform.queries.postOk(READ, object("c", CHILD, "k", knownAt));
                            answered.add(knownAt);
                        } catch (IllegalStateException unanswered) {
                            return;
                        }
                    }
                }, "audit-reader-" + r);
                thread.start();
                readers.add(thread);
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (answered.size() < 200 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            killed.set(true);
            platform.killAll();
            for (Thread reader : readers) {
                reader.join(TimeUnit.SECONDS.toMillis(70));
            }
        }
        assertThat(answered).as("reads answered before the kill").hasSizeGreaterThanOrEqualTo(200);

        try (Platform platform = Platform.onStoreProcess(file, logs)) {
            Set<String> audited = new HashSet<>();
            String after = null;
            do {
                String page = platform.queries.postOk("query($c: ID!, $after: String) { auditTrail(childId: $c, first: 500,"
                        + " after: $after) { pageInfo { hasNextPage endCursor } edges { node { operation arguments } } } }",
                        object("c", CHILD, "after", after));
                List<String> arguments = JsonPath.read(page, "$.data.auditTrail.edges[*].node.arguments");
                arguments.forEach(json -> audited.add(json));
                after = JsonPath.<Boolean>read(page, "$.data.auditTrail.pageInfo.hasNextPage")
                        ? JsonPath.read(page, "$.data.auditTrail.pageInfo.endCursor") : null;
            } while (after != null);
            List<String> missing = answered.stream()
                    .filter(knownAt -> audited.stream().noneMatch(json -> json.contains("\"knownAt\":\"" + knownAt + "\"")))
                    .toList();
            System.out.printf("%d reads answered before the kill, %d audit records after the restart%n", answered.size(),
                    audited.size());
            assertThat(missing).as("answered reads missing from the audit trail").isEmpty();
        }
    }
}
