package org.safeguarding.chronology.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import org.axonframework.common.IdentifierFactory;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.junit.jupiter.api.Test;
import org.safeguarding.chronology.api.agency.AgencyRegistered;
import org.safeguarding.chronology.api.agency.Sector;
import org.safeguarding.chronology.api.child.ChildIds;
import org.safeguarding.chronology.api.chronology.DatePrecision;
import org.safeguarding.chronology.api.chronology.EntryKind;
import org.safeguarding.chronology.api.chronology.EntryRecorded;
import org.safeguarding.chronology.api.chronology.Significance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

/** An EntryRecorded stored in revision 1 (before occurredAtPrecision) is read by the projection and the replay. */
class EventRevisionsTest extends QueryServiceTestBase {

    private static final String CHILD = "child-revision-1";
    private static final Instant T = Instant.parse("2007-03-01T09:30:00Z");

    @Autowired
    private EventStorageEngine storageEngine;

    @Autowired
    @Qualifier("eventSerializer")
    private Serializer eventSerializer;

    @Test
    void readsARevision1EntryRecordedAsExact() throws Exception {
        registerAgency(new AgencyRegistered("police-v", "Police", Sector.POLICE));
        EntryRecorded entry = new EntryRecorded(CHILD, CHILD + "/E1", "police-v", "CAD-1",
                EntryKind.INVOLVEMENT_STARTED, T, DatePrecision.EXACT, T, "Call-out to the home",
                Significance.SIGNIFICANT, "Police Officer 2", List.of());
        ObjectNode revision1 = (ObjectNode) new ObjectMapper().readTree(
                eventSerializer.serialize(entry, String.class).getData());
        revision1.remove("occurredAtPrecision");
        storageEngine.appendEvents(List.of(stored(entry, revision1.toString())));

        // without the upcaster Jackson would read a null precision
        assertThat(eventStore.readEvents(ChildIds.aggregateId(CHILD), 0).next().getPayload()).isEqualTo(entry);

        eventually(() -> graphQl.document("""
                        { chronology(childId: "%s") { edges { node { id occurredAtPrecision occurredAtText } } }
                          caseState(childId: "%s", at: "2007-03-02T00:00:00Z", verify: true) {
                            involvedAgencies { agency { id } }
                            verification { agrees eventsReplayed } } }""".formatted(CHILD, CHILD)).execute()
                .path("chronology.edges[0].node.id").entity(String.class).isEqualTo(CHILD + "/E1")
                .path("chronology.edges[0].node.occurredAtPrecision").entity(String.class).isEqualTo("EXACT")
                .path("chronology.edges[0].node.occurredAtText").entity(String.class).isEqualTo("01/03/2007 09:30")
                .path("caseState.involvedAgencies[0].agency.id").entity(String.class).isEqualTo("police-v")
                .path("caseState.verification.agrees").entity(Boolean.class).isEqualTo(true)
                .path("caseState.verification.eventsReplayed").entity(Integer.class).isEqualTo(1));
    }

    /** The event as the chronology service stored it before revision 2. */
    private static GenericDomainEventMessage<EntryRecorded> stored(EntryRecorded entry, String json) {
        return new GenericDomainEventMessage<>("Child", ChildIds.aggregateId(CHILD), 0, entry, MetaData.emptyInstance(),
                IdentifierFactory.getInstance().generateIdentifier(), Instant.parse("2008-01-01T10:00:00Z")) {
            @Override
            @SuppressWarnings("unchecked")
            public <R> SerializedObject<R> serializePayload(Serializer serializer, Class<R> expectedRepresentation) {
                return (SerializedObject<R>) new SimpleSerializedObject<>(json, String.class,
                        EntryRecorded.class.getName(), "1");
            }
        };
    }
}
