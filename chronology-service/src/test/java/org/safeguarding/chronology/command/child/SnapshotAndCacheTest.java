package org.safeguarding.chronology.command.child;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.safeguarding.chronology.api.agency.RegisterAgency;
import org.safeguarding.chronology.api.agency.Sector;
import org.safeguarding.chronology.api.child.ChildIds;
import org.safeguarding.chronology.api.child.RegisterChild;
import org.safeguarding.chronology.api.chronology.CorrectEntry;
import org.safeguarding.chronology.api.chronology.EntryKind;
import org.safeguarding.chronology.api.chronology.EntryReceipt;
import org.safeguarding.chronology.api.chronology.RecordEntry;
import org.safeguarding.chronology.api.chronology.Significance;
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

    @Test
    void aCaseLoadedFromItsSnapshotKeepsEveryRule() throws InterruptedException {
        String police = unique("police");
        String health = unique("health");
        String child = unique("child");
        String aggregateId = ChildIds.aggregateId(child);
        commands.sendAndWait(new RegisterAgency(police, "Police 1", Sector.POLICE));
        commands.sendAndWait(new RegisterAgency(health, "Health 1", Sector.HEALTH));
        commands.sendAndWait(new RegisterChild(child, "Child A", null));
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
