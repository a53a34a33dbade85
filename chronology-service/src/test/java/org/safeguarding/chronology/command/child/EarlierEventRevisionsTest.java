package org.safeguarding.chronology.command.child;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatterBuilder;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safeguarding.chronology.api.agency.RegisterAgency;
import org.safeguarding.chronology.api.agency.Sector;
import org.safeguarding.chronology.api.child.ChildIds;
import org.safeguarding.chronology.api.child.RegisterChild;
import org.safeguarding.chronology.api.chronology.Concern;
import org.safeguarding.chronology.api.chronology.CorrectEntry;
import org.safeguarding.chronology.api.chronology.DatePrecision;
import org.safeguarding.chronology.api.chronology.EntryCorrected;
import org.safeguarding.chronology.api.chronology.EntryKind;
import org.safeguarding.chronology.api.chronology.EntryReceipt;
import org.safeguarding.chronology.api.chronology.EntryRecorded;
import org.safeguarding.chronology.api.chronology.PlanAction;
import org.safeguarding.chronology.api.chronology.RecordEntry;
import org.safeguarding.chronology.api.chronology.Significance;
import org.safeguarding.chronology.command.ServiceTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.data.mongodb.MongoDatabaseFactory;

/** A case whose events were stored by an earlier release: the service reads them through the upcasters. */
class EarlierEventRevisionsTest extends ServiceTest {

    static final Instant OCCURRED = Instant.parse("2024-05-01T09:30:00Z");
    static final Instant KNOWN = Instant.parse("2024-05-02T10:00:00Z");
    static final Instant RECORDED = Instant.parse("2024-05-20T08:00:00.000001Z");

    @Autowired
    CommandGateway commands;
    @Autowired
    EventStore eventStore;
    @Autowired
    MongoDatabaseFactory mongo;
    @Autowired
    @Qualifier("childCaseCache")
    Cache cache;

    String police;
    String child;
    String aggregateId;
    String entryId;

    @BeforeEach
    void registerAgencyAndChild() {
        police = unique("police");
        child = unique("child");
        aggregateId = ChildIds.aggregateId(child);
        entryId = ChildIds.entryId(child, 1);
        commands.sendAndWait(new RegisterAgency(police, "Police 1", Sector.POLICE));
        commands.sendAndWait(new RegisterChild(child, "Child A", null));
    }

    @Test
    void anEntryRecordedAsRevision1IsExactAndCanBeCorrectedAndRepeated() {
        storeAsTheEarlierReleaseDid(aggregateId, 1, EntryRecorded.class.getName(), "1", """
                {"childId":"%s","entryId":"%s","agencyId":"%s","sourceRef":"POL-1","kind":"DOMESTIC_ABUSE_INCIDENT",\
                "occurredAt":"2024-05-01T09:30:00Z","knownAt":"2024-05-02T10:00:00Z",\
                "summary":"Police called to the home","significance":"SIGNIFICANT",\
                "professional":"Police Officer 2","personIds":[]}""".formatted(child, entryId, police));
        cache.remove(aggregateId); // the case in memory does not know of an event stored behind its back

        assertThat(events(aggregateId).get(1).getPayload()).isEqualTo(new EntryRecorded(child, entryId, police,
                "POL-1", EntryKind.DOMESTIC_ABUSE_INCIDENT, OCCURRED, DatePrecision.EXACT, KNOWN,
                "Police called to the home", Significance.SIGNIFICANT, "Police Officer 2", List.of()));

        EntryReceipt corrected = commands.sendAndWait(new CorrectEntry(child, entryId, police, null, null, null,
                null, "Police called to the home; Mother reported an argument", null, "fuller summary"));
        assertThat(corrected.duplicate()).isFalse();
        assertThat(events(aggregateId).get(2).getPayload()).isEqualTo(new EntryCorrected(child, entryId, police, 2,
                EntryKind.DOMESTIC_ABUSE_INCIDENT, OCCURRED, DatePrecision.EXACT, KNOWN,
                "Police called to the home; Mother reported an argument", Significance.SIGNIFICANT,
                "fuller summary"));

        cache.remove(aggregateId);
        EntryReceipt repeated = commands.sendAndWait(new RecordEntry(child, police, "POL-1",
                EntryKind.DOMESTIC_ABUSE_INCIDENT, OCCURRED, null, KNOWN, "Police called to the home",
                Significance.SIGNIFICANT, "Police Officer 2", null));
        assertThat(repeated).isEqualTo(new EntryReceipt(entryId, RECORDED, true));
    }

    @Test
    void anEntryRecordedAsRevision2HasNoPatternFieldsAndACorrectionMayGiveThem() {
        storeAsTheEarlierReleaseDid(aggregateId, 1, EntryRecorded.class.getName(), "2", """
                {"childId":"%s","entryId":"%s","agencyId":"%s","sourceRef":"POL-1","kind":"MULTI_AGENCY_MEETING",\
                "occurredAt":"2024-05-01T09:30:00Z","occurredAtPrecision":"EXACT","knownAt":"2024-05-02T10:00:00Z",\
                "summary":"Multi-agency meeting about Child A","significance":"SIGNIFICANT",\
                "professional":"Police Officer 2","personIds":[]}""".formatted(child, entryId, police));
        cache.remove(aggregateId);

        EntryRecorded earlier = new EntryRecorded(child, entryId, police, "POL-1", EntryKind.MULTI_AGENCY_MEETING,
                OCCURRED, DatePrecision.EXACT, KNOWN, "Multi-agency meeting about Child A", Significance.SIGNIFICANT,
                "Police Officer 2", List.of());
        assertThat(events(aggregateId).get(1).getPayload()).isEqualTo(earlier);
        assertThat(earlier.concerns()).isEmpty();
        assertThat(earlier.actions()).isEmpty();

        List<PlanAction> actions = List.of(new PlanAction("Health Visitor 1 to see Child A at home", police,
                LocalDate.parse("2024-05-15"), null));
        EntryReceipt corrected = commands.sendAndWait(new CorrectEntry(child, entryId, police, null, null, null,
                null, null, null, "the meeting's actions", List.of(Concern.NEGLECT), null, actions));
        assertThat(corrected.duplicate()).isFalse();
        assertThat(events(aggregateId).get(2).getPayload()).isEqualTo(new EntryCorrected(child, entryId, police, 2,
                EntryKind.MULTI_AGENCY_MEETING, OCCURRED, DatePrecision.EXACT, KNOWN,
                "Multi-agency meeting about Child A", Significance.SIGNIFICANT, "the meeting's actions",
                List.of(Concern.NEGLECT), null, actions));

        cache.remove(aggregateId);
        EntryReceipt repeated = commands.sendAndWait(new RecordEntry(child, police, "POL-1",
                EntryKind.MULTI_AGENCY_MEETING, OCCURRED, null, KNOWN, "Multi-agency meeting about Child A",
                Significance.SIGNIFICANT, "Police Officer 2", null));
        assertThat(repeated).isEqualTo(new EntryReceipt(entryId, RECORDED, true));
    }

    /** One commit document, as MongoEventStorageEngine writes it, with the metadata of the case's first event. */
    private void storeAsTheEarlierReleaseDid(String aggregateId, long sequenceNumber, String payloadType,
                                             String payloadRevision, String payload) {
        MongoDatabase database = mongo.getMongoDatabase();
        Document first = database.getCollection("events").find(eq("ak", aggregateId + "/0")).first();
        Document counter = database.getCollection("event_sequence").findOneAndUpdate(eq("_id", "events"),
                Updates.inc("value", 1L), new FindOneAndUpdateOptions().returnDocument(ReturnDocument.BEFORE));
        long globalIndex = ((Number) counter.get("value")).longValue() + 1;
        Document event = new Document("eventIdentifier", unique("event"))
                .append("sequenceNumber", sequenceNumber)
                .append("timestamp", new DateTimeFormatterBuilder().appendInstant(9).toFormatter().format(RECORDED))
                .append("payloadType", payloadType)
                .append("payloadRevision", payloadRevision)
                .append("payload", payload)
                .append("metaData", first.getList("events", Document.class).get(0).getString("metaData"));
        database.getCollection("events").insertOne(new Document("_id", globalIndex).append("n", 1)
                .append("aggregateId", aggregateId)
                .append("aggregateType", first.getString("aggregateType"))
                .append("firstSeq", sequenceNumber)
                .append("lastSeq", sequenceNumber)
                .append("ak", aggregateId + "/" + sequenceNumber)
                .append("events", List.of(event)));
    }

    private List<? extends DomainEventMessage<?>> events(String aggregateId) {
        return eventStore.readEvents(aggregateId).asStream().toList();
    }
}
