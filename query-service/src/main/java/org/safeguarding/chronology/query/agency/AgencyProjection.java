package org.safeguarding.chronology.query.agency;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.safeguarding.chronology.api.agency.AgencyRegistered;
import org.safeguarding.chronology.query.ReadModels;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** The agency directory: {@code rm_agencies}, one document per agency keyed by its id. */
@Component
@ProcessingGroup(ReadModels.PROCESSING_GROUP)
public class AgencyProjection {

    static final String AGENCIES = "rm_agencies";

    private final MongoTemplate mongo;
    private final AgencyQueries queries;

    public AgencyProjection(MongoTemplate mongo, AgencyQueries queries) {
        this.mongo = mongo;
        this.queries = queries;
    }

    @EventHandler
    public void on(AgencyRegistered event) {
        mongo.upsert(query(where("_id").is(event.agencyId())),
                new Update().set("name", event.name()).set("sector", event.sector().name()), AGENCIES);
    }

    @ResetHandler
    public void reset() {
        mongo.dropCollection(AGENCIES);
        queries.forget();
    }
}
