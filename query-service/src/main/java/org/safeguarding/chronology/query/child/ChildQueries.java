package org.safeguarding.chronology.query.child;

import java.time.LocalDate;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.safeguarding.chronology.api.child.ChildView;
import org.safeguarding.chronology.api.child.FindChild;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

@Service
public class ChildQueries {

    private final MongoTemplate mongo;

    public ChildQueries(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @QueryHandler
    public ChildView handle(FindChild query) {
        Document child = mongo.findById(query.childId(), Document.class, ChildProjection.CHILDREN);
        if (child == null) {
            return null;
        }
        String dateOfBirth = child.getString("dateOfBirth");
        return new ChildView(child.getString("_id"), child.getString("displayName"),
                dateOfBirth == null ? null : LocalDate.parse(dateOfBirth));
    }
}
