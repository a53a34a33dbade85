package org.safeguarding.chronology.command.child;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.safeguarding.chronology.api.child.ChildIds;
import org.safeguarding.chronology.api.chronology.EntryRecorded;
import org.springframework.stereotype.Component;

/**
 * Reads a child's events from the store. Entries are numbered 1, 2, ... in each child's case, so an entry exists
 * when its number is at most the child's count of entries; per child the count and how far its events were read
 * are kept, and a read goes on from there.
 */
@Component
public class EventStoreChildDirectory implements ChildDirectory {

    private final EventStore eventStore;
    private final Map<String, Read> reads = new ConcurrentHashMap<>();

    public EventStoreChildDirectory(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /** How far a child's events were read: the next sequence number to read and the entries counted so far. */
    private record Read(long nextSequence, long entries) {

        static final Read NONE = new Read(0, 0);

        Read laterOf(Read other) {
            return other.nextSequence > nextSequence ? other : this;
        }
    }

    @Override
    public boolean isRegistered(String childId) {
        return reads.containsKey(childId)
                || eventStore.lastSequenceNumberFor(ChildIds.aggregateId(childId)).isPresent();
    }

    @Override
    public boolean hasEntry(String childId, String entryId) {
        long number = ChildIds.entryNumber(entryId);
        if (number < 1 || !childId.equals(ChildIds.childOfEntry(entryId))) {
            return false;
        }
        Read read = reads.getOrDefault(childId, Read.NONE);
        return number <= read.entries() || number <= readOn(childId, read).entries();
    }

    private Read readOn(String childId, Read from) {
        long nextSequence = from.nextSequence();
        long entries = from.entries();
        DomainEventStream events = eventStore.readEvents(ChildIds.aggregateId(childId), nextSequence);
        while (events.hasNext()) {
            DomainEventMessage<?> event = events.next();
            nextSequence = event.getSequenceNumber() + 1;
            if (event.getPayload() instanceof EntryRecorded) {
                entries++;
            }
        }
        Read read = new Read(nextSequence, entries);
        return nextSequence == 0 ? read : reads.merge(childId, read, Read::laterOf);
    }
}
