package org.safeguarding.chronology.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.safeguarding.chronology.platform.GraphQlClient.Json.object;

import com.jayway.jsonpath.JsonPath;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A power cut mid-load, three times: the store and both services are killed with SIGKILL while eight agency systems
 * record entries, then started again on the same H2 file. Every receipt given before the kill names the same entry
 * afterwards (id, recordedAt, content), no entry id is given to another entry, repeating an acknowledged command
 * answers the same receipt, and the projection reaches the head with no new writes.
 */
class CrashTest {

    private static final String[] CHILDREN = {"crash-child-1", "crash-child-2", "crash-child-3", "crash-child-4"};
    private static final String[] AGENCIES = {"crash-police", "crash-school"};
    private static final String RECORD = "mutation($input: RecordEntryInput!) { recordEntry(input: $input) { entryId recordedAt duplicate } }";
    private static final String RECORD_MANY = "mutation($input: [RecordEntryInput!]!) { recordEntries(input: $input) { index receipt { entryId recordedAt } error { message } } }";
    private static final String PAGE = """
            query($childId: ID!, $after: String) { chronology(childId: $childId, first: 500, after: $after) {
              totalCount pageInfo { hasNextPage endCursor }
              edges { node { id sourceRef summary recordedAt agency { id } } } } }""";
    private static final String STATUS = "{ projectionStatus { name position headSequence } }";

    @TempDir
    Path data;

    /** What a client sent and the receipt it got. */
    record Receipt(String childId, String agencyId, String sourceRef, String summary, String occurredAt,
                   String entryId, Instant recordedAt) {
    }

    @Test
    void noAcknowledgedEntryIsLostOrRenamedAcrossThreeKills() throws Exception {
        Path file = data.resolve("chronology.mv");
        Path logs = Path.of("target", "crash-logs");
        List<Receipt> acknowledged = new ArrayList<>();
        Random random = new Random(20261201);
        for (int crash = 1; crash <= 3; crash++) {
            try (Platform platform = Platform.onStoreProcess(file, logs)) {
                long answering = System.nanoTime();
                if (crash == 1) {
                    register(platform);
                } else {
                    verify(platform, answering, acknowledged, "after crash " + (crash - 1));
                }
                List<Receipt> round = recordUntilKilled(platform, crash, 1000 + random.nextInt(2000));
                System.out.printf("crash %d: %d receipts before the kill%n", crash, round.size());
                acknowledged.addAll(round);
            }
        }
        try (Platform platform = Platform.onStoreProcess(file, logs)) {
            verify(platform, System.nanoTime(), acknowledged, "after crash 3");
        }
        assertThat(acknowledged).hasSizeGreaterThan(100);
    }

    /**
     * Eight clients record entries (one of them in batches of 10); once 40 receipts are in, the whole platform is
     * killed the given time later, mid-load.
     */
    private static List<Receipt> recordUntilKilled(Platform platform, int crash, long killAfterMillis)
            throws InterruptedException {
        ConcurrentLinkedQueue<Receipt> receipts = new ConcurrentLinkedQueue<>();
        AtomicBoolean killed = new AtomicBoolean();
        AtomicInteger serverErrors = new AtomicInteger();
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < 8; c++) {
            int client = c;
            Thread thread = new Thread(() -> {
                for (int i = 0; !killed.get(); i++) {
                    try {
                        if (client == 7) {
                            receipts.addAll(recordBatch(platform, crash, i));
                        } else {
                            receipts.add(recordOne(platform, crash, client, i));
                        }
                    } catch (IllegalStateException unanswered) {
                        if (!killed.get()) {
                            serverErrors.incrementAndGet();
                        }
                        return;
                    }
                }
            }, "crash-client-" + c);
            thread.start();
            clients.add(thread);
        }
        long warmUpDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (receipts.size() < 40 && System.nanoTime() < warmUpDeadline) {
            Thread.sleep(20);
        }
        Thread.sleep(killAfterMillis);
        killed.set(true);
        platform.killAll();
        for (Thread client : clients) {
            client.join(TimeUnit.SECONDS.toMillis(70));
        }
        assertThat(serverErrors).as("errors before the kill").hasValue(0);
        return new ArrayList<>(receipts);
    }

    private static Receipt recordOne(Platform platform, int crash, int client, int i) {
        Map<String, Object> input = input(crash + "-" + client + "-" + i, i);
        String response = platform.commands.postOk(RECORD, object("input", input));
        return receipt(input, JsonPath.read(response, "$.data.recordEntry.entryId"),
                JsonPath.read(response, "$.data.recordEntry.recordedAt"));
    }

    private static List<Receipt> recordBatch(Platform platform, int crash, int batch) {
        List<Map<String, Object>> inputs = new ArrayList<>();
        for (int k = 0; k < 10; k++) {
            inputs.add(input(crash + "-b" + batch + "-" + k, batch * 10 + k));
        }
        String response = platform.commands.postOk(RECORD_MANY, object("input", inputs));
        List<Receipt> receipts = new ArrayList<>();
        for (int k = 0; k < inputs.size(); k++) {
            String at = "$.data.recordEntries[" + k + "].receipt.";
            receipts.add(receipt(inputs.get(k), JsonPath.read(response, at + "entryId"),
                    JsonPath.read(response, at + "recordedAt")));
        }
        return receipts;
    }

    private static Map<String, Object> input(String key, int i) {
        String occurredAt = Instant.parse("2019-01-01T08:00:00Z").plusSeconds(3_600L * i).toString();
        Map<String, Object> input = new HashMap<>();
        input.put("childId", CHILDREN[Math.floorMod(key.hashCode(), CHILDREN.length)]);
        input.put("agencyId", AGENCIES[i % AGENCIES.length]);
        input.put("sourceRef", "CR-" + key);
        input.put("kind", "CONCERN_RAISED");
        input.put("occurredAt", occurredAt);
        input.put("knownAt", occurredAt);
        input.put("summary", "Entry " + key + ": the school saw Child A hungry.");
        input.put("significance", "ROUTINE");
        return input;
    }

    private static Receipt receipt(Map<String, Object> input, String entryId, String recordedAt) {
        return new Receipt((String) input.get("childId"), (String) input.get("agencyId"),
                (String) input.get("sourceRef"), (String) input.get("summary"), (String) input.get("occurredAt"),
                entryId, Instant.parse(recordedAt));
    }

    private static void verify(Platform platform, long answering, List<Receipt> acknowledged, String when)
            throws Exception {
        long caughtUpMillis = awaitProjectionAtHead(platform, answering, when);
        Map<String, Map<String, Object>> entries = new HashMap<>();
        for (String child : CHILDREN) {
            String after = null;
            boolean more = true;
            while (more) {
                String page = platform.queries.postOk(PAGE, object("childId", child, "after", after));
                List<Map<String, Object>> nodes = JsonPath.read(page, "$.data.chronology.edges[*].node");
                for (Map<String, Object> node : nodes) {
                    assertThat(entries.put((String) node.get("id"), node)).as("entry id given twice").isNull();
                }
                more = JsonPath.read(page, "$.data.chronology.pageInfo.hasNextPage");
                after = JsonPath.read(page, "$.data.chronology.pageInfo.endCursor");
            }
        }
        int lost = 0;
        int renamed = 0;
        for (Receipt receipt : acknowledged) {
            Map<String, Object> entry = entries.get(receipt.entryId());
            if (entry == null) {
                lost++;
            } else if (!receipt.sourceRef().equals(entry.get("sourceRef"))
                    || !receipt.summary().equals(entry.get("summary"))
                    || !receipt.agencyId().equals(((Map<?, ?>) entry.get("agency")).get("id"))
                    || !receipt.recordedAt().equals(Instant.parse((String) entry.get("recordedAt")))) {
                renamed++;
            }
        }
        int repeatedDifferently = 0;
        for (Receipt receipt : acknowledged) {
            Map<String, Object> input = new HashMap<>(input(receipt.sourceRef().substring(3), 0));
            input.put("childId", receipt.childId());
            input.put("agencyId", receipt.agencyId());
            input.put("occurredAt", receipt.occurredAt());
            input.put("knownAt", receipt.occurredAt());
            String again = platform.commands.postOk(RECORD, object("input", input));
            if (!(Boolean) JsonPath.read(again, "$.data.recordEntry.duplicate")
                    || !receipt.entryId().equals(JsonPath.read(again, "$.data.recordEntry.entryId"))
                    || !receipt.recordedAt().equals(Instant.parse(JsonPath.read(again, "$.data.recordEntry.recordedAt")))) {
                repeatedDifferently++;
            }
        }
        System.out.printf("%s: %d receipts checked, %d lost, %d naming another entry, %d repeated with another "
                + "answer; projection at the head %d ms after the services answered%n", when, acknowledged.size(), lost, renamed,
                repeatedDifferently, caughtUpMillis);
        assertThat(lost).as("%s: acknowledged entries lost", when).isZero();
        assertThat(renamed).as("%s: receipts naming another entry", when).isZero();
        assertThat(repeatedDifferently).as("%s: repeated commands answered differently", when).isZero();
    }

    /** Polls projectionStatus until every projection's position is the store's head; returns how long it took. */
    private static long awaitProjectionAtHead(Platform platform, long answering, String when)
            throws InterruptedException {
        long start = System.nanoTime();
        String status = "";
        while (System.nanoTime() - start < TimeUnit.SECONDS.toNanos(60)) {
            status = platform.queries.postOk(STATUS, null);
            List<Map<String, Object>> projections = JsonPath.read(status, "$.data.projectionStatus");
            if (!projections.isEmpty() && projections.stream().allMatch(p -> p.get("position") != null
                    && ((Number) p.get("position")).longValue() == ((Number) p.get("headSequence")).longValue())) {
                return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - answering);
            }
            Thread.sleep(100);
        }
        throw new AssertionError(when + ": the projection did not reach the head within 60 s: " + status);
    }

    private static void register(Platform platform) {
        for (String agency : AGENCIES) {
            platform.commands.postOk("mutation($input: RegisterAgencyInput!) { registerAgency(input: $input) { id } }",
                    object("input", object("id", agency, "name", agency.equals("crash-police") ? "Police" : "School",
                            "sector", agency.equals("crash-police") ? "POLICE" : "EDUCATION")));
        }
        for (String child : CHILDREN) {
            platform.commands.postOk("mutation($input: RegisterChildInput!) { registerChild(input: $input) { id } }",
                    object("input", object("id", child, "displayName", "Child A")));
        }
    }
}
