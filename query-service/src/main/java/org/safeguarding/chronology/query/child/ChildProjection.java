package org.safeguarding.chronology.query.child;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.safeguarding.chronology.api.child.ChildRegistered;
import org.safeguarding.chronology.query.ReadModels;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** The children directory: {@code rm_children}, one document per child keyed by its id. */
@Component
@ProcessingGroup(ReadModels.PROCESSING_GROUP)
public class ChildProjection {

    static final String CHILDREN = "rm_children";

    private final MongoTemplate mongo;
    private final ChildQueries queries;

    public ChildProjection(MongoTemplate mongo, ChildQueries queries) {
        this.mongo = mongo;
        this.queries = queries;
    }

    @EventHandler
    public void on(ChildRegistered event) {
        String dateOfBirth = event.dateOfBirth() == null ? null : event.dateOfBirth().toString();
        mongo.upsert(query(where("_id").is(event.childId())),
                new Update().set("displayName", event.displayName()).set("dateOfBirth", dateOfBirth), CHILDREN);
    }

    @ResetHandler
    public void reset() {
        mongo.dropCollection(CHILDREN);
        queries.forget();
    }
}
