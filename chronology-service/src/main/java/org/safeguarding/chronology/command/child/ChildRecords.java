package org.safeguarding.chronology.command.child;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.safeguarding.chronology.api.child.ChildIds;
import org.springframework.stereotype.Component;

/** Children's cases as the record stands now, each read from its events in the store, from the first one on. */
@Component
public class ChildRecords {

    private final EventStore eventStore;

    public ChildRecords(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /** The registered ones of the children, by id. */
    public Map<String, ChildRecord> read(Collection<String> childIds) {
        Map<String, ChildRecord> records = new HashMap<>();
        for (String childId : childIds) {
            List<DomainEventMessage<?>> events = new ArrayList<>();
            eventStore.readEvents(ChildIds.aggregateId(childId), 0).forEachRemaining(events::add);
            ChildRecord record = ChildRecord.fold(events);
            if (record.child() != null) {
                records.put(childId, record);
            }
        }
        return records;
    }
}
