package org.safeguarding.chronology.query.agency;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.safeguarding.chronology.api.agency.AgencyIds;
import org.safeguarding.chronology.api.agency.AgencyRegistered;
import org.safeguarding.chronology.api.agency.AgencyView;
import org.safeguarding.chronology.api.agency.FindAgencies;
import org.safeguarding.chronology.api.agency.Sector;
import org.safeguarding.chronology.query.status.Rebuilds.ReadModelsReset;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

@Service
public class AgencyQueries {

    private final MongoTemplate mongo;
    private final EventStore eventStore;
    /** An agency's name and sector never change once registered (a different one is a CONFLICT): kept once read. */
    private final Map<String, AgencyView> registered = new ConcurrentHashMap<>();

    public AgencyQueries(MongoTemplate mongo, EventStore eventStore) {
        this.mongo = mongo;
        this.eventStore = eventStore;
    }

    /**
     * The agencies of these ids that are registered, in the order of the ids. An agency not in the directory yet is
     * read from its own events: its registration may be in a segment projected behind the entries that name it.
     */
    @QueryHandler
    public List<AgencyView> handle(FindAgencies query) {
        List<String> ids = query.agencyIds().stream().distinct().toList();
        List<String> unknown = ids.stream().filter(id -> !registered.containsKey(id)).toList();
        if (!unknown.isEmpty()) {
            mongo.find(query(where("_id").in(unknown)), Document.class, AgencyProjection.AGENCIES)
                    .forEach(agency -> registered.put(agency.getString("_id"), new AgencyView(agency.getString("_id"),
                            agency.getString("name"), Sector.valueOf(agency.getString("sector")))));
            unknown.stream().filter(id -> !registered.containsKey(id)).forEach(this::readRegistration);
        }
        return ids.stream().map(registered::get).filter(Objects::nonNull).toList();
    }

    private void readRegistration(String agencyId) {
        DomainEventStream events = eventStore.readEvents(AgencyIds.aggregateId(agencyId), 0);
        if (events.hasNext() && events.next().getPayload() instanceof AgencyRegistered registration) {
            registered.put(agencyId, new AgencyView(agencyId, registration.name(), registration.sector()));
        }
    }

    @EventListener(ReadModelsReset.class)
    void forget() {
        registered.clear();
    }
}
