package org.safeguarding.chronology.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.safeguarding.chronology.platform.GraphQlClient.Json.object;

import com.jayway.jsonpath.JsonPath;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.safeguarding.chronology.embedded.EmbeddedMongo;
import org.safeguarding.chronology.platform.Platform.QueryInstance;
import org.safeguarding.chronology.platform.bench.Http;

/**
 * Two query-service instances on one store share the projection's segments and answer every query alike; a rebuild
 * asked of one is shared by both; when one is killed, the other takes over its segments once their claims time out
 * and brings every read model to the head; an instance started later gets its share from the one running.
 */
class TwoInstancesTest {

    private static final Duration CLAIM_TIMEOUT = Duration.ofSeconds(3);
    private static final String PROJECTION = "chronology-projection";
    private static final int CHILDREN = 8;
    private static final int ENTRIES_PER_CHILD = 40;
    private static final List<String> AGENCIES = List.of("ti-police", "ti-gp", "ti-school");
    private static final String RECORD_ENTRIES = """
            mutation($input: [RecordEntryInput!]!) {
              recordEntries(input: $input) { index receipt { entryId } error { classification message } }
            }""";
    private static final String CHRONOLOGY = """
            query($childId: ID!) {
              chronology(childId: $childId, first: 500) {
                totalCount
                edges { cursor node { id sourceRef kind occurredAt knownAt recordedAt summary version childAge
                  sincePrevious agency { id name sector } knownTo { agency { id name } since how channel }
                  history { version recordedAt summary retracted } } }
              }
            }""";
    private static final String CASE_STATE = """
            query($childId: ID!) {
              caseState(childId: $childId, at: "2021-06-30T00:00:00Z") {
                entryCount onChildProtectionPlan lastSeen
                involvedAgencies { agency { id name } since professionals }
                household { personId role sex livesWithChild knownTo { agency { id } since } }
                unseenBy { personId knownTo { id } unknownTo { id } }
              }
              child(id: $childId) { id displayName dateOfBirth }
            }""";

    @Test
    void twoInstancesShareTheWorkAnswerAlikeAndTheSurvivorTakesOver() throws Exception {
        Map<String, String> shortClaims = Map.of("CHRONOLOGY_EVENT_STORE_CLAIM_TIMEOUT", CLAIM_TIMEOUT.toSeconds() + "s");
        try (EmbeddedMongo store = EmbeddedMongo.inMemory();
             Platform platform = Platform.start(store, Path.of("target", "two-instances-logs"), 2, shortClaims)) {
            QueryInstance first = platform.queryInstances.get(0);
            QueryInstance second = platform.queryInstances.get(1);
            Map<String, Integer> entries = recordCases(platform);

            awaitCaughtUp(platform, first);
            awaitCaughtUp(platform, second);
            await("each instance owns two of the four segments", Duration.ofSeconds(30),
                    () -> mine(first) == 2 && mine(second) == 2 && owners(first).size() == 2);
            Map<String, String> answers = answers(first);
            assertThat(answers(second)).isEqualTo(answers);
            entries.forEach((child, count) -> assertThat((Integer) JsonPath.read(answers.get(child),
                    "$.data.chronology.totalCount")).isEqualTo(count));

            try (MongoClient client = MongoClients.create(store.uri("chronology"))) {
                client.getDatabase("chronology").getCollection("rm_entry_buckets")
                        .insertOne(new Document("_id", "stray#0"));
                Http.post(first.url("/actuator/projections"));
                assertThat(client.getDatabase("chronology").getCollection("rm_entry_buckets")
                        .countDocuments(new Document("_id", "stray#0"))).as("the read models were dropped").isZero();
            }
            awaitCaughtUp(platform, first);
            awaitCaughtUp(platform, second);
            await("the rebuild is shared by both instances", Duration.ofSeconds(30),
                    () -> mine(first) == 2 && mine(second) == 2);
            assertThat(answers(first)).as("rebuilt alike").isEqualTo(answers);
            assertThat(answers(second)).isEqualTo(answers);

            platform.kill(second);
            long killed = System.nanoTime();
            CompletableFuture<Void> recording = CompletableFuture.runAsync(
                    () -> recordEntries(platform, ENTRIES_PER_CHILD + 1, ENTRIES_PER_CHILD + 10));
            await("the survivor owns every segment", CLAIM_TIMEOUT.multipliedBy(4), () -> mine(first) == 4);
            Duration takeover = Duration.ofNanos(System.nanoTime() - killed);
            recording.get(60, TimeUnit.SECONDS);
            for (int child = 1; child <= CHILDREN; child++) {
                entries.merge(childId(child), 10, Integer::sum);
            }
            System.out.printf("takeover of the killed instance's segments: %d ms (claim timeout %d ms)%n",
                    takeover.toMillis(), CLAIM_TIMEOUT.toMillis());
            // the last claim extension and beat were at most a quarter of the timeout before the kill; then the
            // survivor's next beat (a quarter) and claim round (1 s) take the segments
            assertThat(takeover).as("taken over once the claims time out").isLessThan(CLAIM_TIMEOUT.plusSeconds(3));

            awaitCaughtUp(platform, first);
            Map<String, String> after = answers(first);
            entries.forEach((child, count) -> {
                assertThat((Integer) JsonPath.read(after.get(child), "$.data.chronology.totalCount")).isEqualTo(count);
                List<String> refs = JsonPath.read(after.get(child), "$.data.chronology.edges[*].node.sourceRef");
                assertThat(refs).hasSize(count).doesNotHaveDuplicates();
            });

            QueryInstance third = platform.startQueryInstance(shortClaims);
            await("the running instance releases half of its segments to the new one", Duration.ofSeconds(60),
                    () -> mine(first) == 2 && mine(third) == 2);
            awaitCaughtUp(platform, third);
            assertThat(answers(third)).isEqualTo(after);
        }
    }

    /** Agencies, children, entries (each child's in several batches), a person known to the police and a share. */
    private static Map<String, Integer> recordCases(Platform platform) {
        for (String agency : AGENCIES) {
            platform.commands.postOk("mutation($input: RegisterAgencyInput!) { registerAgency(input: $input) { id } }",
                    object("input", object("id", agency, "name", agency.substring(3).toUpperCase() + " Agency",
                            "sector", agency.equals("ti-police") ? "POLICE" : agency.equals("ti-gp") ? "HEALTH"
                                    : "EDUCATION")));
        }
        Map<String, Integer> entries = new LinkedHashMap<>();
        for (int child = 1; child <= CHILDREN; child++) {
            platform.commands.postOk("mutation($input: RegisterChildInput!) { registerChild(input: $input) { id } }",
                    object("input", object("id", childId(child), "displayName", "Child " + (char) ('A' + child),
                            "dateOfBirth", "2019-01-1" + child % 10)));
            entries.put(childId(child), ENTRIES_PER_CHILD);
        }
        recordEntries(platform, 1, ENTRIES_PER_CHILD / 2);
        for (int child = 1; child <= CHILDREN; child++) {
            platform.commands.postOk("mutation($input: RecordPersonKnownInput!) { recordPersonKnown(input: $input) { entryId } }",
                    object("input", object("childId", childId(child), "agencyId", "ti-police",
                            "personId", "ti-male-adult-" + child, "role", "PARENTS_PARTNER", "sex", "MALE",
                            "livesWithChild", true, "knownAt", "2021-02-01T10:00:00Z", "sourceRef", "POL-P" + child)));
            platform.commands.postOk("mutation($input: ShareInformationInput!) { shareInformation(input: $input) { sharingId } }",
                    object("input", object("childId", childId(child), "fromAgencyId", agency(1, child),
                            "toAgencyId", agency(2, child), "entryIds", List.of(childId(child) + "/E1", childId(child) + "/E4"),
                            "sharedAt", "2021-05-01T12:00:00Z", "channel", "ELECTRONIC", "sourceRef", "POL-S" + child)));
        }
        recordEntries(platform, ENTRIES_PER_CHILD / 2 + 1, ENTRIES_PER_CHILD);
        return entries;
    }

    /** Entries numbered from to to of every child, interleaved across children, in batches of 80. */
    private static void recordEntries(Platform platform, int from, int to) {
        List<Object> batch = new ArrayList<>();
        for (int n = from; n <= to; n++) {
            for (int child = 1; child <= CHILDREN; child++) {
                String agency = agency(n, child);
                Instant occurred = Instant.parse("2021-01-01T09:00:00Z").plus(Duration.ofHours(7L * n + child));
                batch.add(object("childId", childId(child), "agencyId", agency, "sourceRef", agency + "-" + n,
                        "kind", n % 7 == 0 ? "CHILD_SEEN" : n % 5 == 0 ? "INVOLVEMENT_STARTED" : "CONCERN_RAISED",
                        "occurredAt", occurred.toString(), "knownAt", occurred.plus(Duration.ofHours(2)).toString(),
                        "summary", "Entry " + n + " about Child " + (char) ('A' + child) + ".",
                        "significance", n % 3 == 0 ? "SIGNIFICANT" : "ROUTINE",
                        "professional", "Practitioner " + (n % 4 + 1),
                        "personIds", List.of("ti-male-adult-" + child)));
                if (batch.size() == 80) {
                    postBatch(platform, batch);
                }
            }
        }
        postBatch(platform, batch);
    }

    private static void postBatch(Platform platform, List<Object> batch) {
        if (!batch.isEmpty()) {
            String response = platform.commands.postOk(RECORD_ENTRIES, object("input", batch));
            assertThat(JsonPath.<List<Object>>read(response, "$.data.recordEntries[*].error")).containsOnlyNulls();
            batch.clear();
        }
    }

    private static Map<String, String> answers(QueryInstance instance) {
        Map<String, String> answers = new LinkedHashMap<>();
        for (int child = 1; child <= CHILDREN; child++) {
            Object variables = object("childId", childId(child));
            answers.put(childId(child), instance.queries().postOk(CHRONOLOGY, variables)
                                        + instance.queries().postOk(CASE_STATE, variables));
        }
        return answers;
    }

    /** The instance's projection has handled every event of the store, over all segments. */
    private static void awaitCaughtUp(Platform platform, QueryInstance instance) throws InterruptedException {
        await(instance.log() + " reaches the head", Duration.ofSeconds(60), () -> {
            long head = JsonPath.<Number>read(platform.commands.postOk("{ eventStore { headSequence } }", null),
                    "$.data.eventStore.headSequence").longValue();
            Map<String, Object> projection = projection(instance);
            return projection.get("position") != null
                   && ((Number) projection.get("position")).longValue() == head
                   && ((Number) projection.get("lag")).longValue() == 0 && "running".equals(projection.get("state"));
        });
    }

    private static Map<String, Object> projection(QueryInstance instance) {
        String health = Http.get(instance.url("/actuator/health"));
        assertThat(JsonPath.<String>read(health, "$.status")).isEqualTo("UP");
        return JsonPath.read(health, "$.components.projections.details." + PROJECTION);
    }

    private static long mine(QueryInstance instance) {
        List<Boolean> mine = JsonPath.read(projection(instance), "$.segments[*].mine");
        return mine.stream().filter(Boolean::booleanValue).count();
    }

    private static Set<String> owners(QueryInstance instance) {
        List<String> owners = JsonPath.read(projection(instance), "$.segments[*].owner");
        return new HashSet<>(owners);
    }

    private static void await(String what, Duration timeout, Supplier<Boolean> condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.get()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + ": not within " + timeout.toSeconds() + " s");
            }
            Thread.sleep(100);
        }
    }

    /** The agency recording entry n of the child: entries 1 and 4 by the same one. */
    private static String agency(int n, int child) {
        return AGENCIES.get((n + child) % AGENCIES.size());
    }

    private static String childId(int child) {
        return "ti-child-" + child;
    }
}
