package org.safeguarding.chronology.command.agency;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.safeguarding.chronology.api.agency.AgencyIds;
import org.safeguarding.chronology.api.agency.AgencyRegistered;
import org.safeguarding.chronology.api.agency.AgencyView;
import org.springframework.stereotype.Component;

/** Agencies as registered, from their first event; an agency never changes, so each is read once. */
@Component
public class AgencyViews {

    private final EventStore eventStore;
    private final Map<String, AgencyView> registered = new ConcurrentHashMap<>();

    public AgencyViews(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /** The agency, or null when it is not registered. */
    public AgencyView find(String agencyId) {
        AgencyView known = registered.get(agencyId);
        if (known != null) {
            return known;
        }
        DomainEventStream events = eventStore.readEvents(AgencyIds.aggregateId(agencyId), 0);
        if (events.hasNext() && events.next().getPayload() instanceof AgencyRegistered agency) {
            AgencyView view = new AgencyView(agency.agencyId(), agency.name(), agency.sector());
            registered.put(agencyId, view);
            return view;
        }
        return null;
    }

    /** Each key's agency, each agency read once; keys with no agency id or an unregistered one are left out. */
    public <K> Map<K, AgencyView> of(Collection<K> keys, Function<K, String> agencyId) {
        Map<String, AgencyView> agencies = new HashMap<>();
        Map<K, AgencyView> result = new HashMap<>();
        for (K key : keys) {
            String id = agencyId.apply(key);
            AgencyView agency = id == null ? null : agencies.computeIfAbsent(id, this::find);
            if (agency != null) {
                result.put(key, agency);
            }
        }
        return result;
    }
}
