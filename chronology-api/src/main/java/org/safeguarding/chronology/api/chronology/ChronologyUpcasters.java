package org.safeguarding.chronology.api.chronology;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/** Old revisions of the chronology events, read as the current ones. Stored events are never rewritten. */
public final class ChronologyUpcasters {

    private ChronologyUpcasters() {
    }

    /** Every upcaster, in order; each service registers them with Axon. */
    public static List<EventUpcaster> all() {
        return List.of(new ExactPrecision(EntryRecorded.class), new ExactPrecision(EntryCorrected.class),
                new NoPatternFields(EntryRecorded.class, "escalatedTo", "respondsTo"),
                new NoPatternFields(EntryCorrected.class));
    }

    /** Revision 1 of EntryRecorded and EntryCorrected had no occurredAtPrecision: it was exact. */
    static final class ExactPrecision extends SingleEventUpcaster {

        private final SimpleSerializedType revision1;
        private final SimpleSerializedType revision2;

        ExactPrecision(Class<?> event) {
            revision1 = new SimpleSerializedType(event.getName(), "1");
            revision2 = new SimpleSerializedType(event.getName(), "2");
        }

        @Override
        protected boolean canUpcast(IntermediateEventRepresentation representation) {
            return representation.getType().equals(revision1);
        }

        @Override
        protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
            return representation.upcastPayload(revision2, JsonNode.class, payload -> {
                ((ObjectNode) payload).put("occurredAtPrecision", DatePrecision.EXACT.name());
                return payload;
            });
        }
    }

    /**
     * Revision 2 of EntryRecorded and EntryCorrected had no concerns, thresholdDecision or actions (nor, on
     * EntryRecorded, escalatedTo and respondsTo): it had none.
     */
    static final class NoPatternFields extends SingleEventUpcaster {

        private final SimpleSerializedType revision2;
        private final SimpleSerializedType revision3;
        private final List<String> absent;

        NoPatternFields(Class<?> event, String... alsoAbsent) {
            revision2 = new SimpleSerializedType(event.getName(), "2");
            revision3 = new SimpleSerializedType(event.getName(), "3");
            absent = List.of(alsoAbsent);
        }

        @Override
        protected boolean canUpcast(IntermediateEventRepresentation representation) {
            return representation.getType().equals(revision2);
        }

        @Override
        protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
            return representation.upcastPayload(revision3, JsonNode.class, payload -> {
                ObjectNode fields = (ObjectNode) payload;
                fields.putArray("concerns");
                fields.putNull("thresholdDecision");
                fields.putArray("actions");
                absent.forEach(fields::putNull);
                return payload;
            });
        }
    }
}
