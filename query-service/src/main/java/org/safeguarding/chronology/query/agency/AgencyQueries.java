package org.safeguarding.chronology.query.agency;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.List;
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

    public AgencyQueries(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @QueryHandler
    public List<AgencyView> handle(FindAgencies query) {
        List<String> ids = query.agencyIds().stream().distinct().toList();
        if (ids.isEmpty()) {
            return List.of();
        }
        return mongo.find(query(where("_id").in(ids)), Document.class, AgencyProjection.AGENCIES).stream()
                .map(agency -> new AgencyView(agency.getString("_id"), agency.getString("name"),
                        Sector.valueOf(agency.getString("sector"))))
                .toList();
    }
}
