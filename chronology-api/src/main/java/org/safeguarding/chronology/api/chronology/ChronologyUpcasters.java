package org.safeguarding.chronology.api.chronology;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.function.Consumer;
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
        return List.of(
                // revision 1 had no occurredAtPrecision: it was exact
                new AddedFields(EntryRecorded.class, "1", "2", ChronologyUpcasters::exact),
                new AddedFields(EntryCorrected.class, "1", "2", ChronologyUpcasters::exact),
                // revision 2 had none of the fields of the practice patterns
                new AddedFields(EntryRecorded.class, "2", "3", payload -> {
                    noPatternFields(payload);
                    payload.putNull("escalatedTo");
                    payload.putNull("respondsTo");
                }),
                new AddedFields(EntryCorrected.class, "2", "3", ChronologyUpcasters::noPatternFields));
    }

    private static void exact(ObjectNode payload) {
        payload.put("occurredAtPrecision", DatePrecision.EXACT.name());
    }

    private static void noPatternFields(ObjectNode payload) {
        payload.putArray("concerns");
        payload.putNull("thresholdDecision");
        payload.putArray("actions");
    }

    /** One revision of an event read as the next: the same payload with the fields the next one added. */
    static final class AddedFields extends SingleEventUpcaster {

        private final SimpleSerializedType from;
        private final SimpleSerializedType to;
        private final Consumer<ObjectNode> adding;

        AddedFields(Class<?> event, String fromRevision, String toRevision, Consumer<ObjectNode> adding) {
            from = new SimpleSerializedType(event.getName(), fromRevision);
            to = new SimpleSerializedType(event.getName(), toRevision);
            this.adding = adding;
        }

        @Override
        protected boolean canUpcast(IntermediateEventRepresentation representation) {
            return representation.getType().equals(from);
        }

        @Override
        protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
            return representation.upcastPayload(to, JsonNode.class, payload -> {
                adding.accept((ObjectNode) payload);
                return payload;
            });
        }
    }
}
