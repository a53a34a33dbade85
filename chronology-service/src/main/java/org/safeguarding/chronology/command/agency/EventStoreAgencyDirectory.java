package org.safeguarding.chronology.command.agency;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.safeguarding.chronology.api.agency.AgencyIds;
import org.springframework.stereotype.Component;

/** An agency is registered when its aggregate has an event; positive answers are remembered. */
@Component
public class EventStoreAgencyDirectory implements AgencyDirectory {

    private final EventStore eventStore;
    private final Set<String> registered = ConcurrentHashMap.newKeySet();

    public EventStoreAgencyDirectory(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    @Override
    public boolean isRegistered(String agencyId) {
        if (registered.contains(agencyId)) {
            return true;
        }
        boolean found = eventStore.lastSequenceNumberFor(AgencyIds.aggregateId(agencyId)).isPresent();
        if (found) {
            registered.add(agencyId);
        }
        return found;
    }
}
