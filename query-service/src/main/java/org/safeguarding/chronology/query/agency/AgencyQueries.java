package org.safeguarding.chronology.query.agency;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.safeguarding.chronology.api.agency.AgencyView;
import org.safeguarding.chronology.api.agency.FindAgencies;
import org.safeguarding.chronology.api.agency.Sector;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

@Service
public class AgencyQueries {

    private final MongoTemplate mongo;
    /** An agency's name and sector never change once registered (a different one is a CONFLICT): kept once read. */
    private final Map<String, AgencyView> registered = new ConcurrentHashMap<>();

    public AgencyQueries(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The agencies of these ids that are registered, in the order of the ids. */
    @QueryHandler
    public List<AgencyView> handle(FindAgencies query) {
        List<String> ids = query.agencyIds().stream().distinct().toList();
        List<String> unknown = ids.stream().filter(id -> !registered.containsKey(id)).toList();
        if (!unknown.isEmpty()) {
            mongo.find(query(where("_id").in(unknown)), Document.class, AgencyProjection.AGENCIES)
                    .forEach(agency -> registered.put(agency.getString("_id"), new AgencyView(agency.getString("_id"),
                            agency.getString("name"), Sector.valueOf(agency.getString("sector")))));
        }
        return ids.stream().map(registered::get).filter(Objects::nonNull).toList();
    }

    void forget() {
        registered.clear();
    }
}
