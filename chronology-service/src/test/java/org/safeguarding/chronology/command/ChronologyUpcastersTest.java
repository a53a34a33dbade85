package org.safeguarding.chronology.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;
import org.safeguarding.chronology.api.chronology.ChronologyUpcasters;
import org.safeguarding.chronology.api.chronology.DatePrecision;
import org.safeguarding.chronology.api.chronology.EntryCorrected;
import org.safeguarding.chronology.api.chronology.EntryKind;
import org.safeguarding.chronology.api.chronology.EntryRecorded;
import org.safeguarding.chronology.api.chronology.Significance;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

/**
 * Revision 1 of EntryRecorded and EntryCorrected, as stored before precisions existed, and revision 2, as stored
 * before the fields of the practice patterns existed, read as revision 3.
 */
class ChronologyUpcastersTest {

    static final String ENTRY_RECORDED_1 = """
            {"childId":"child-a","entryId":"child-a/E1","agencyId":"police-1","sourceRef":"POL-1",\
            "kind":"DOMESTIC_ABUSE_INCIDENT","occurredAt":"2024-05-01T09:30:00Z","knownAt":"2024-05-02T10:00:00Z",\
            "summary":"Police called to the home","significance":"SIGNIFICANT","professional":"Police Officer 2",\
            "personIds":["person-mother"]}""";
    static final String ENTRY_CORRECTED_1 = """
            {"childId":"child-a","entryId":"child-a/E1","agencyId":"police-1","version":2,"kind":"CONTACT",\
            "occurredAt":"2024-05-01T09:30:00Z","knownAt":"2024-05-02T10:00:00Z","summary":"v2",\
            "significance":"ROUTINE","reason":"typo"}""";
    static final String ENTRY_RECORDED_2 =
            ENTRY_RECORDED_1.replace("\"knownAt\"", "\"occurredAtPrecision\":\"MONTH\",\"knownAt\"")
                    .replace("2024-05-01T09:30:00Z", "2024-05-01T00:00:00Z");
    static final String ENTRY_CORRECTED_2 =
            ENTRY_CORRECTED_1.replace("\"knownAt\"", "\"occurredAtPrecision\":\"MONTH\",\"knownAt\"")
                    .replace("2024-05-01T09:30:00Z", "2024-05-01T00:00:00Z");

    final JacksonSerializer serializer =
            JacksonSerializer.builder().objectMapper(Jackson2ObjectMapperBuilder.json().build()).build();
    final EventUpcasterChain upcasters = new EventUpcasterChain(ChronologyUpcasters.all());

    @Test
    void revision1OfEntryRecordedBecomesRevision3WithAnExactOccurredAtAndNoPatternFields() {
        IntermediateEventRepresentation upcast = upcastOne(stored(1, EntryRecorded.class, "1", ENTRY_RECORDED_1));

        assertThat(upcast.getType()).isEqualTo(new SimpleSerializedType(EntryRecorded.class.getName(), "3"));
        JsonNode payload = upcast.getData(JsonNode.class).getData();
        assertThat(payload.get("occurredAtPrecision").asText()).isEqualTo("EXACT");
        assertThat(payload.get("summary").asText()).isEqualTo("Police called to the home");
        assertThat(payload.get("concerns")).isEmpty();
        assertThat(payload.get("actions")).isEmpty();
    }

    @Test
    void revision2OfBothEventsBecomesRevision3WithNoConcernsThresholdDecisionOrActions() {
        IntermediateEventRepresentation recorded = upcastOne(stored(1, EntryRecorded.class, "2", ENTRY_RECORDED_2));
        IntermediateEventRepresentation corrected =
                upcastOne(stored(2, EntryCorrected.class, "2", ENTRY_CORRECTED_2));

        assertThat(recorded.getType()).isEqualTo(new SimpleSerializedType(EntryRecorded.class.getName(), "3"));
        assertThat(corrected.getType()).isEqualTo(new SimpleSerializedType(EntryCorrected.class.getName(), "3"));
        for (IntermediateEventRepresentation upcast : List.of(recorded, corrected)) {
            JsonNode payload = upcast.getData(JsonNode.class).getData();
            assertThat(payload.get("occurredAtPrecision").asText()).isEqualTo("MONTH");
            assertThat(payload.get("concerns").isArray()).isTrue();
            assertThat(payload.get("concerns")).isEmpty();
            assertThat(payload.get("thresholdDecision").isNull()).isTrue();
            assertThat(payload.get("actions").isArray()).isTrue();
            assertThat(payload.get("actions")).isEmpty();
        }
        JsonNode entry = recorded.getData(JsonNode.class).getData();
        assertThat(entry.get("escalatedTo").isNull()).isTrue();
        assertThat(entry.get("respondsTo").isNull()).isTrue();
        assertThat(corrected.getData(JsonNode.class).getData().has("escalatedTo")).isFalse();
    }

    @Test
    void revision2EventsAreReadAsTheCurrentEventsWithNoPatternFields() {
        assertThat(readAsTheCurrentEvents("2", ENTRY_RECORDED_2, ENTRY_CORRECTED_2))
                .containsExactlyElementsOf(theCurrentEvents(Instant.parse("2024-05-01T00:00:00Z"), DatePrecision.MONTH));
    }

    @Test
    void revision1EventsAreReadAsTheCurrentEvents() {
        assertThat(readAsTheCurrentEvents("1", ENTRY_RECORDED_1, ENTRY_CORRECTED_1))
                .containsExactlyElementsOf(theCurrentEvents(Instant.parse("2024-05-01T09:30:00Z"), DatePrecision.EXACT));
    }

    /** What the stored EntryRecorded and EntryCorrected say: no concerns, threshold decision, actions or escalation. */
    private static List<Object> theCurrentEvents(Instant occurred, DatePrecision precision) {
        Instant known = Instant.parse("2024-05-02T10:00:00Z");
        return List.of(
                new EntryRecorded("child-a", "child-a/E1", "police-1", "POL-1", EntryKind.DOMESTIC_ABUSE_INCIDENT,
                        occurred, precision, known, "Police called to the home", Significance.SIGNIFICANT,
                        "Police Officer 2", List.of("person-mother"), List.of(), null, List.of(), null, null),
                new EntryCorrected("child-a", "child-a/E1", "police-1", 2, EntryKind.CONTACT, occurred, precision,
                        known, "v2", Significance.ROUTINE, "typo", List.of(), null, List.of()));
    }

    @Test
    void revision3IsLeftAsItIs() {
        String revision3 = ENTRY_RECORDED_2.replace("\"personIds\"", "\"concerns\":[\"NEGLECT\"],"
                + "\"thresholdDecision\":null,\"actions\":[],\"escalatedTo\":null,\"respondsTo\":null,\"personIds\"");

        IntermediateEventRepresentation upcast = upcastOne(stored(1, EntryRecorded.class, "3", revision3));

        assertThat(upcast.getType().getRevision()).isEqualTo("3");
        assertThat(upcast.getData(JsonNode.class).getData().get("concerns").get(0).asText()).isEqualTo("NEGLECT");
        assertThat(upcast.getData(JsonNode.class).getData().get("occurredAtPrecision").asText()).isEqualTo("MONTH");
    }

    /** An EntryRecorded and an EntryCorrected of the revision, stored in that order, as the service reads them. */
    private List<Object> readAsTheCurrentEvents(String revision, String entryRecorded, String entryCorrected) {
        return EventStreamUtils.upcastAndDeserializeDomainEvents(Stream.of(
                        stored(1, EntryRecorded.class, revision, entryRecorded),
                        stored(2, EntryCorrected.class, revision, entryCorrected)), serializer, upcasters)
                .asStream().map(event -> (Object) event.getPayload()).toList();
    }

    private IntermediateEventRepresentation upcastOne(GenericDomainEventEntry<String> stored) {
        return upcasters.upcast(Stream.of(new InitialEventRepresentation(stored, serializer))).toList().get(0);
    }

    private static GenericDomainEventEntry<String> stored(long sequence, Class<?> type, String revision,
                                                          String payload) {
        return new GenericDomainEventEntry<>("ChildCase", "child:child-a", sequence, "event-" + sequence,
                "2024-05-20T08:00:00.000000000Z", type.getName(), revision, payload, "{}");
    }
}
