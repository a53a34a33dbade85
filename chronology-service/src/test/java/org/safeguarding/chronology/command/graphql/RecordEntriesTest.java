package org.safeguarding.chronology.command.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safeguarding.chronology.api.child.ChildIds;
import org.safeguarding.chronology.api.chronology.EntryRecorded;
import org.safeguarding.chronology.command.ServiceTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/** recordEntries over HTTP: per-item results in input order, each as recordEntry would answer it. */
class RecordEntriesTest extends ServiceTest {

    static final String REGISTER_AGENCY = CommandApiTest.REGISTER_AGENCY;
    static final String REGISTER_CHILD = CommandApiTest.REGISTER_CHILD;
    static final String RECORD_ENTRY = CommandApiTest.RECORD_ENTRY;
    static final String RECORD_ENTRIES = """
            mutation($input: [RecordEntryInput!]!) {
              recordEntries(input: $input) {
                index
                receipt { entryId recordedAt duplicate }
                error { classification message }
              }
            }""";

    @Autowired
    HttpGraphQlTester tester;
    @Autowired
    EventStore eventStore;

    GraphQlTester graphQl;
    String police;
    String health;
    String child;

    @BeforeEach
    void registerAgenciesAndChild() {
        graphQl = tester.mutate().responseTimeout(Duration.ofMinutes(2)).build();
        police = unique("police");
        health = unique("health");
        child = registerChild();
        mutate(REGISTER_AGENCY, Map.of("id", police, "name", "Police 1", "sector", "POLICE"));
        mutate(REGISTER_AGENCY, Map.of("id", health, "name", "Health 1", "sector", "HEALTH"));
    }

    @Test
    void aMixedBatchAnswersEachItemAsRecordEntryWouldAndStoresOnlyTheAccepted() {
        Receipt earlier = single(entry(child, police, "POL-0"));

        Map<String, Object> conflict = entry(child, police, "POL-0");
        conflict.put("summary", "another summary");
        Map<String, Object> blankSummary = entry(child, health, "HEALTH-2");
        blankSummary.put("summary", " ");
        Map<String, Object> knownBeforeOccurred = entry("child-unknown", police, "POL-9");
        knownBeforeOccurred.put("knownAt", "2024-04-01T00:00:00Z");
        List<Map<String, Object>> batch = List.of(
                entry(child, police, "POL-1"),              // 0 accepted: entry 2
                entry(child, police, "POL-0"),              // 1 duplicate of an earlier recordEntry
                conflict,                                   // 2 CONFLICT
                entry(child, health, "HEALTH-1"),           // 3 accepted: entry 3
                blankSummary,                               // 4 BAD_REQUEST
                entry("child-unknown", police, "POL-2"),    // 5 NOT_FOUND: unknown child
                entry(child, "agency-unknown", "X-1"),      // 6 NOT_FOUND: unknown agency
                knownBeforeOccurred,                        // 7 BAD_REQUEST even though the child is unknown
                entry(child, police, "POL-1"));             // 8 duplicate of item 0 of this batch

        List<Map<String, Object>> results = recordEntries(batch);

        assertThat(results).hasSize(batch.size());
        for (int i = 0; i < results.size(); i++) {
            assertThat(results.get(i).get("index")).isEqualTo(i);
        }
        Receipt first = receipt(results.get(0));
        Receipt health1 = receipt(results.get(3));
        assertThat(first).isEqualTo(new Receipt(ChildIds.entryId(child, 2), first.recordedAt(), false));
        assertThat(receipt(results.get(1))).isEqualTo(earlier.asDuplicate());
        assertThat(health1).isEqualTo(new Receipt(ChildIds.entryId(child, 3), health1.recordedAt(), false));
        assertThat(receipt(results.get(8))).isEqualTo(first.asDuplicate());
        assertThat(error(results.get(2))).containsEntry("classification", "CONFLICT");
        assertThat(error(results.get(4))).containsEntry("classification", "BAD_REQUEST")
                .containsEntry("message", "summary must not be blank");
        assertThat(error(results.get(5))).containsEntry("classification", "NOT_FOUND")
                .containsEntry("message", "child child-unknown is not registered");
        assertThat(error(results.get(6))).containsEntry("classification", "NOT_FOUND");
        assertThat(error(results.get(7))).containsEntry("classification", "BAD_REQUEST");

        // the stored events: registration, the earlier entry and the two accepted items, nothing else
        List<? extends DomainEventMessage<?>> events = events(child);
        assertThat(events).hasSize(4);
        assertThat(events.subList(1, 4)).allSatisfy(event -> assertThat(event.getPayload())
                .isInstanceOf(EntryRecorded.class));
        assertThat(events.stream().skip(1).map(event -> ((EntryRecorded) event.getPayload()).sourceRef()))
                .containsExactly("POL-0", "POL-1", "HEALTH-1");
        assertThat(first.recordedAt()).isEqualTo(events.get(2).getTimestamp());
        assertThat(health1.recordedAt()).isEqualTo(events.get(3).getTimestamp());
        assertThat(receipt(results.get(1)).recordedAt()).isEqualTo(events.get(1).getTimestamp());

        // each refused item answers exactly what recordEntry answers for it, and still stores nothing
        for (int i : List.of(2, 4, 5, 6, 7)) {
            ResponseError single = singleError(batch.get(i));
            assertThat(error(results.get(i))).as("item " + i).isEqualTo(Map.of(
                    "classification", String.valueOf(single.getExtensions().get("classification")),
                    "message", single.getMessage()));
        }
        assertThat(events(child)).hasSize(4);
    }

    @Test
    void itemsOfOneChildAreAppliedInInputOrderAcrossInterleavedChildren() {
        String sibling = registerChild();
        List<Map<String, Object>> batch = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            batch.add(entry(i % 3 == 0 ? sibling : child, police, "POL-" + i));
        }

        List<Map<String, Object>> results = recordEntries(batch);

        int ofChild = 0;
        int ofSibling = 0;
        for (int i = 0; i < batch.size(); i++) {
            String expected = i % 3 == 0 ? ChildIds.entryId(sibling, ++ofSibling) : ChildIds.entryId(child, ++ofChild);
            assertThat(receipt(results.get(i)).id()).as("item " + i).isEqualTo(expected);
        }
        List<String> stored = events(child).stream().skip(1)
                .map(event -> ((EntryRecorded) event.getPayload()).sourceRef()).toList();
        assertThat(stored).containsExactlyElementsOf(batch.stream().filter(item -> item.get("childId").equals(child))
                .map(item -> (String) item.get("sourceRef")).toList());
    }

    @Test
    void moreThanAThousandItemsIsABadRequestNamingInputAndStoresNothing() {
        List<Map<String, Object>> batch = new ArrayList<>();
        for (int i = 0; i < 1_001; i++) {
            batch.add(entry(child, police, "POL-" + i));
        }
        graphQl.document(RECORD_ENTRIES).variable("input", batch).execute().errors().satisfy(errors ->
                assertThat(errors).singleElement().satisfies(error -> {
                    assertThat(error.getExtensions()).containsEntry("classification", "BAD_REQUEST");
                    assertThat(error.getMessage()).contains("input").contains("1000");
                }));
        assertThat(events(child)).hasSize(1);

        assertThat(recordEntries(batch.subList(0, 1_000))).hasSize(1_000);
        assertThat(events(child)).hasSize(1_001);
    }

    @Test
    void anEmptyListAnswersAnEmptyList() {
        assertThat(recordEntries(List.of())).isEmpty();
    }

    /** Not an assertion of speed: prints how the two paths compare on this machine. */
    @Test
    void measureBatchAgainstSingleCalls() {
        int total = 2_000;
        int childCount = 8;
        warmUp();

        List<String> batchChildren = children(childCount);
        List<Map<String, Object>> batch = new ArrayList<>();
        for (int i = 0; i < total; i++) {
            batch.add(entry(batchChildren.get(i % childCount), police, "POL-" + i));
        }
        long start = System.nanoTime();
        // the limit is 1,000 items per call: 2,000 entries take two calls
        List<Map<String, Object>> results = new ArrayList<>(recordEntries(batch.subList(0, 1_000)));
        results.addAll(recordEntries(batch.subList(1_000, total)));
        double batchSeconds = (System.nanoTime() - start) / 1e9;
        assertThat(results).allSatisfy(result -> assertThat(result.get("error")).isNull());

        List<String> singleChildren = children(childCount);
        start = System.nanoTime();
        for (int i = 0; i < total; i++) {
            single(entry(singleChildren.get(i % childCount), police, "POL-" + i));
        }
        double singleSeconds = (System.nanoTime() - start) / 1e9;

        for (String each : batchChildren) {
            // sequence numbers from 0: registration, then the child's entries (events() may start at a snapshot)
            assertThat(eventStore.lastSequenceNumberFor(ChildIds.aggregateId(each))).hasValue((long) total / childCount);
        }
        System.out.printf("MEASURE: %d entries for %d children: recordEntries (2 calls of 1,000) %.0f entries/s "
                        + "(%.2f s); single recordEntry calls %.0f entries/s (%.2f s); %.1fx%n",
                total, childCount, total / batchSeconds, batchSeconds, total / singleSeconds, singleSeconds,
                singleSeconds / batchSeconds);
    }

    private void warmUp() {
        String warm = registerChild();
        List<Map<String, Object>> batch = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            batch.add(entry(warm, police, "WARM-" + i));
            single(entry(warm, police, "WARM-S-" + i));
        }
        recordEntries(batch);
    }

    private List<String> children(int count) {
        List<String> children = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            children.add(registerChild());
        }
        return children;
    }

    private String registerChild() {
        String id = unique("child");
        mutate(REGISTER_CHILD, Map.of("id", id, "displayName", "Child A", "dateOfBirth", "2019-03-01"));
        return id;
    }

    private static Map<String, Object> entry(String childId, String agencyId, String sourceRef) {
        return EntryInputs.entry(childId, agencyId, sourceRef);
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> recordEntries(List<Map<String, Object>> batch) {
        GraphQlTester.Response response = graphQl.document(RECORD_ENTRIES).variable("input", batch).execute();
        response.errors().verify();
        return (List<Map<String, Object>>) (List<?>) response.path("recordEntries").entityList(Map.class).get();
    }

    private Receipt single(Map<String, Object> entry) {
        GraphQlTester.Response response = mutate(RECORD_ENTRY, entry);
        return receipt(response.path("recordEntry").entity(Map.class).get());
    }

    private ResponseError singleError(Map<String, Object> entry) {
        List<ResponseError> errors = new ArrayList<>();
        graphQl.document(RECORD_ENTRY).variable("input", entry).execute().errors().satisfy(errors::addAll);
        assertThat(errors).hasSize(1);
        return errors.get(0);
    }

    private GraphQlTester.Response mutate(String document, Map<String, Object> input) {
        GraphQlTester.Response response = graphQl.document(document).variable("input", input).execute();
        response.errors().verify();
        return response;
    }

    private static Receipt receipt(Map<?, ?> result) {
        Map<?, ?> receipt = result.containsKey("receipt") ? (Map<?, ?>) result.get("receipt") : result;
        assertThat(receipt).as("receipt of %s", result).isNotNull();
        return new Receipt((String) receipt.get("entryId"), Instant.parse((String) receipt.get("recordedAt")),
                (Boolean) receipt.get("duplicate"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> error(Map<String, Object> result) {
        assertThat(result.get("receipt")).as("receipt of %s", result).isNull();
        return (Map<String, Object>) result.get("error");
    }

    private List<? extends DomainEventMessage<?>> events(String childId) {
        return eventStore.readEvents(ChildIds.aggregateId(childId)).asStream().toList();
    }

    record Receipt(String id, Instant recordedAt, boolean duplicate) {

        Receipt asDuplicate() {
            return new Receipt(id, recordedAt, true);
        }
    }
}
