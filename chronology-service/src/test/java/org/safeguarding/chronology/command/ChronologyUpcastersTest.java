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

/** Revision 1 of EntryRecorded and EntryCorrected, as stored before precisions existed, read as revision 2. */
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

    final JacksonSerializer serializer =
            JacksonSerializer.builder().objectMapper(Jackson2ObjectMapperBuilder.json().build()).build();
    final EventUpcasterChain upcasters = new EventUpcasterChain(ChronologyUpcasters.all());

    @Test
    void revision1OfEntryRecordedBecomesRevision2WithAnExactOccurredAt() {
        IntermediateEventRepresentation upcast = upcastOne(stored(1, EntryRecorded.class, "1", ENTRY_RECORDED_1));

        assertThat(upcast.getType()).isEqualTo(new SimpleSerializedType(EntryRecorded.class.getName(), "2"));
        JsonNode payload = upcast.getData(JsonNode.class).getData();
        assertThat(payload.get("occurredAtPrecision").asText()).isEqualTo("EXACT");
        assertThat(payload.get("summary").asText()).isEqualTo("Police called to the home");
    }

    @Test
    void revision1EventsAreReadAsTheCurrentEvents() {
        List<Object> payloads = EventStreamUtils.upcastAndDeserializeDomainEvents(Stream.of(
                        stored(1, EntryRecorded.class, "1", ENTRY_RECORDED_1),
                        stored(2, EntryCorrected.class, "1", ENTRY_CORRECTED_1)), serializer, upcasters)
                .asStream().map(event -> (Object) event.getPayload()).toList();

        Instant occurred = Instant.parse("2024-05-01T09:30:00Z");
        Instant known = Instant.parse("2024-05-02T10:00:00Z");
        assertThat(payloads).containsExactly(
                new EntryRecorded("child-a", "child-a/E1", "police-1", "POL-1", EntryKind.DOMESTIC_ABUSE_INCIDENT,
                        occurred, DatePrecision.EXACT, known, "Police called to the home", Significance.SIGNIFICANT,
                        "Police Officer 2", List.of("person-mother")),
                new EntryCorrected("child-a", "child-a/E1", "police-1", 2, EntryKind.CONTACT, occurred,
                        DatePrecision.EXACT, known, "v2", Significance.ROUTINE, "typo"));
    }

    @Test
    void revision2IsLeftAsItIs() {
        String revision2 = ENTRY_RECORDED_1.replace("\"knownAt\"", "\"occurredAtPrecision\":\"MONTH\",\"knownAt\"");

        IntermediateEventRepresentation upcast = upcastOne(stored(1, EntryRecorded.class, "2", revision2));

        assertThat(upcast.getType().getRevision()).isEqualTo("2");
        assertThat(upcast.getData(JsonNode.class).getData().get("occurredAtPrecision").asText()).isEqualTo("MONTH");
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
