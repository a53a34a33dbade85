package org.safeguarding.chronology.command.child;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.client.MongoCollection;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
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
import org.safeguarding.chronology.api.chronology.PlanAction;
import org.safeguarding.chronology.api.chronology.RecordEntry;
import org.safeguarding.chronology.api.chronology.Significance;
import org.safeguarding.chronology.api.chronology.ThresholdDecision;
import org.safeguarding.chronology.api.person.PersonRole;
import org.safeguarding.chronology.api.person.RecordPersonKnown;
import org.safeguarding.chronology.api.person.Sex;
import org.safeguarding.chronology.api.rejection.RejectedException;
import org.safeguarding.chronology.api.rejection.Rejection;
import org.safeguarding.chronology.api.sharing.ShareInformation;
import org.safeguarding.chronology.api.sharing.SharingChannel;
import org.safeguarding.chronology.api.sharing.SharingReceipt;
import org.safeguarding.chronology.command.ServiceTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.test.context.TestPropertySource;

/** A long case is kept in the cache and, once evicted, loaded from its latest snapshot through Jackson. */
@TestPropertySource(properties = "chronology.snapshot-every=5")
class SnapshotAndCacheTest extends ServiceTest {

    static final Instant OCCURRED = Instant.parse("2024-05-01T09:30:00Z");

    @Autowired
    CommandGateway commands;
    @Autowired
    EventStore eventStore;
    @Autowired
    @Qualifier("childCaseCache")
    Cache cache;
    @Autowired
    MongoDatabaseFactory mongo;
    @Autowired
    ObjectMapper json;

    @Test
    void aCaseLoadedFromItsSnapshotKeepsEveryRule() throws InterruptedException {
        String police = registeredAgency("police", Sector.POLICE);
        String health = registeredAgency("health", Sector.HEALTH);
        String child = registeredChild();
        String aggregateId = ChildIds.aggregateId(child);
        EntryReceipt person = commands.sendAndWait(personKnown(child, police));
        List<EntryReceipt> receipts = new ArrayList<>();
        for (int n = 1; n <= 12; n++) {
            receipts.add(commands.sendAndWait(record(child, police, "POL-" + n)));
        }
        SharingReceipt shared = commands.sendAndWait(new ShareInformation(child, police, health,
                List.of(receipts.get(0).entryId()), OCCURRED.plusSeconds(7200), SharingChannel.WRITTEN, "S-1"));
        assertThat(cache.containsKey(aggregateId)).isTrue();

        DomainEventMessage<?> snapshot = awaitSnapshot(aggregateId, 4);
        assertThat(snapshot.getPayload()).isInstanceOf(ChildCase.class);

        cache.removeAll(); // the next commands load the case from the snapshot and the events after it

        EntryReceipt duplicate = commands.sendAndWait(record(child, police, "POL-1"));
        assertThat(duplicate)
                .isEqualTo(new EntryReceipt(receipts.get(0).entryId(), receipts.get(0).recordedAt(), true));
        SharingReceipt sharedAgain = commands.sendAndWait(new ShareInformation(child, police, health,
                List.of(receipts.get(0).entryId()), OCCURRED.plusSeconds(7200), SharingChannel.WRITTEN, "S-1"));
        assertThat(sharedAgain).isEqualTo(new SharingReceipt(shared.sharingId(), shared.recordedAt(), true));
        assertThat(commands.<EntryReceipt>sendAndWait(personKnown(child, police)))
                .isEqualTo(new EntryReceipt(person.entryId(), person.recordedAt(), true));
        assertThat(commands.<EntryReceipt>sendAndWait(record(child, police, "POL-13")).entryId())
                .isEqualTo(ChildIds.entryId(child, 13));
        // health knows E1 from the share, so it may pass it on; the rule needs the state from the snapshot
        commands.sendAndWait(new ShareInformation(child, health, police, List.of(receipts.get(0).entryId()),
                OCCURRED.plusSeconds(7200), SharingChannel.VERBAL, "S-2"));
        RejectedException forbidden = catchRejection(() -> commands.sendAndWait(new CorrectEntry(child,
                receipts.get(1).entryId(), health, null, null, null, null, "x", null, "typo")));
        assertThat(forbidden.rejection()).isEqualTo(Rejection.FORBIDDEN);
    }

    @Test
    void theFieldsOfThePracticePatternsSurviveASnapshot() throws InterruptedException {
        String police = registeredAgency("police", Sector.POLICE);
        String health = registeredAgency("health", Sector.HEALTH);
        String socialCare = registeredAgency("social-care", Sector.CHILDRENS_SOCIAL_CARE);
        String child = registeredChild();
        String aggregateId = ChildIds.aggregateId(child);
        EntryReceipt referral = commands.sendAndWait(referral(child, socialCare,
                List.of(Concern.NEGLECT, Concern.DOMESTIC_ABUSE)));
        EntryReceipt discussion = commands.sendAndWait(strategyDiscussion(child, police, health, " "));
        EntryReceipt escalation = commands.sendAndWait(escalation(child, police, health));
        for (int n = 1; n <= 3; n++) {
            commands.sendAndWait(record(child, police, "POL-" + n));
        }
        awaitSnapshot(aggregateId, 4);

        cache.removeAll(); // the next commands load the case from the snapshot and the events after it

        assertThat(commands.<EntryReceipt>sendAndWait(referral(child, socialCare,
                List.of(Concern.DOMESTIC_ABUSE, Concern.NEGLECT, Concern.NEGLECT))))
                .isEqualTo(new EntryReceipt(referral.entryId(), referral.recordedAt(), true));
        assertThat(catchRejection(() -> commands.sendAndWait(strategyDiscussion(child, police, health,
                "Reconvene the strategy discussion"))).rejection()).isEqualTo(Rejection.CONFLICT);
        assertThat(catchRejection(() -> commands.sendAndWait(new CorrectEntry(child, referral.entryId(), socialCare,
                null, null, null, EntryKind.HOME_VISIT, null, null, "wrong kind"))).getMessage())
                .isEqualTo("thresholdDecision is only for a REFERRAL, not a HOME_VISIT");
        assertThat(commands.<EntryReceipt>sendAndWait(new CorrectEntry(child, discussion.entryId(), police, null,
                null, null, null, null, null, "the same actions", null, null,
                strategyDiscussion(child, police, health, null).actions())).duplicate()).isTrue();
        EntryReceipt answer = commands.sendAndWait(new RecordEntry(child, health, "HV-ANS-1", EntryKind.CONTACT,
                OCCURRED.plusSeconds(86_400), null, OCCURRED.plusSeconds(86_400), "Health Visitor 1 replied in writing",
                Significance.ROUTINE, "Health Visitor 1", List.of(), List.of(), null, List.of(), null,
                escalation.entryId()));
        assertThat(answer.duplicate()).isFalse();
    }

    @Test
    void aSnapshotWrittenBeforeThePatternFieldsExistedStillLoads() throws InterruptedException, JsonProcessingException {
        String police = registeredAgency("police", Sector.POLICE);
        String child = registeredChild();
        String aggregateId = ChildIds.aggregateId(child);
        List<EntryReceipt> receipts = new ArrayList<>();
        for (int n = 1; n <= 6; n++) {
            receipts.add(commands.sendAndWait(record(child, police, "POL-" + n)));
        }
        awaitSnapshot(aggregateId, 4);
        MongoCollection<Document> snapshots = mongo.getMongoDatabase().getCollection("snapshots");
        Document snapshot = snapshots.find(eq("_id", aggregateId)).first();
        ObjectNode state = (ObjectNode) json.readTree(snapshot.getString("payload"));
        state.get("entries").forEach(entry -> ((ObjectNode) entry).remove(List.of("concerns", "thresholdDecision",
                "actions", "escalatedTo", "respondsTo")));
        snapshots.replaceOne(eq("_id", aggregateId), snapshot.append("payload", state.toString()));

        cache.removeAll();

        assertThat(eventStore.readEvents(aggregateId).asStream().findFirst().orElseThrow().getPayload())
                .isInstanceOf(ChildCase.class);
        assertThat(commands.<EntryReceipt>sendAndWait(record(child, police, "POL-1")))
                .isEqualTo(new EntryReceipt(receipts.get(0).entryId(), receipts.get(0).recordedAt(), true));
        EntryReceipt corrected = commands.sendAndWait(new CorrectEntry(child, receipts.get(0).entryId(), police,
                null, null, null, null, null, null, "Mother spoke of the household's drinking",
                List.of(Concern.PARENTAL_ALCOHOL_MISUSE), null, null));
        assertThat(corrected.duplicate()).isFalse();
        assertThat(eventStore.readEvents(aggregateId).asStream().reduce((first, last) -> last).orElseThrow()
                .getPayload()).isEqualTo(new EntryCorrected(child, receipts.get(0).entryId(), police, 2,
                EntryKind.HOME_VISIT, OCCURRED, DatePrecision.EXACT, OCCURRED.plusSeconds(3600),
                "Home visit; Child A seen with Mother", Significance.ROUTINE, "Mother spoke of the household's drinking",
                List.of(Concern.PARENTAL_ALCOHOL_MISUSE), null, List.of()));
    }

    private String registeredAgency(String prefix, Sector sector) {
        String id = unique(prefix);
        commands.sendAndWait(new RegisterAgency(id, prefix + " 1", sector));
        return id;
    }

    private String registeredChild() {
        String id = unique("child");
        commands.sendAndWait(new RegisterChild(id, "Child A", null));
        return id;
    }

    /** Snapshots are taken in the background. */
    private DomainEventMessage<?> awaitSnapshot(String aggregateId, long fromSequence) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            DomainEventMessage<?> first = eventStore.readEvents(aggregateId).asStream().findFirst().orElseThrow();
            if (first.getPayload() instanceof ChildCase && first.getSequenceNumber() >= fromSequence) {
                return first;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no snapshot of " + aggregateId + " from sequence " + fromSequence);
    }

    private static RecordEntry record(String child, String agency, String sourceRef) {
        return new RecordEntry(child, agency, sourceRef, EntryKind.HOME_VISIT, OCCURRED, null,
                OCCURRED.plusSeconds(3600), "Home visit; Child A seen with Mother", Significance.ROUTINE,
                "Social Worker 1", List.of("person-mother"));
    }

    private static RecordEntry referral(String child, String agency, List<Concern> concerns) {
        return new RecordEntry(child, agency, "CSC-REF-1", EntryKind.REFERRAL, OCCURRED, null,
                OCCURRED.plusSeconds(3600), "Referral from the school about Child A", Significance.SIGNIFICANT,
                "Social Worker 1", List.of(), concerns, ThresholdDecision.EARLY_HELP, List.of(), null, null);
    }

    private static RecordEntry strategyDiscussion(String child, String agency, String owner, String contingency) {
        return new RecordEntry(child, agency, "POL-SD-1", EntryKind.STRATEGY_DISCUSSION, OCCURRED, null,
                OCCURRED.plusSeconds(3600), "Strategy discussion about Child A", Significance.SIGNIFICANT,
                "Police Officer 2", List.of(), List.of(Concern.DOMESTIC_ABUSE), null,
                List.of(new PlanAction("Health Visitor 1 to see Child A at home", owner, LocalDate.parse("2024-05-15"),
                        contingency)), null, null);
    }

    private static RecordEntry escalation(String child, String agency, String escalatedTo) {
        return new RecordEntry(child, agency, "POL-ESC-1", EntryKind.ESCALATION, OCCURRED, null,
                OCCURRED.plusSeconds(3600), "Police Officer 2 challenged the health response", Significance.SIGNIFICANT,
                "Police Officer 2", List.of(), List.of(), null, List.of(), escalatedTo, null);
    }

    private static RecordPersonKnown personKnown(String child, String agency) {
        return new RecordPersonKnown(child, agency, "person-mother", PersonRole.MOTHER, Sex.FEMALE, true,
                OCCURRED.plusSeconds(3600), "P-1");
    }

    private static RejectedException catchRejection(Runnable command) {
        try {
            command.run();
        } catch (RejectedException e) {
            return e;
        }
        throw new AssertionError("the command was not rejected");
    }
}
