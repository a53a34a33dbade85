package org.safeguarding.chronology.query.child;

import java.time.LocalDate;
import org.axonframework.queryhandling.QueryHandler;
import org.safeguarding.chronology.query.WeightedCache;
import org.bson.Document;
import org.safeguarding.chronology.api.child.ChildView;
import org.safeguarding.chronology.api.child.FindChild;
import org.safeguarding.chronology.query.status.Rebuilds.ReadModelsReset;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

@Service
public class ChildQueries {

    private static final int KEPT = 10_000;

    private final MongoTemplate mongo;
    /** A child's registration never changes once made (a different one is a CONFLICT): kept once read. */
    private final WeightedCache<String, ChildView> registered = new WeightedCache<>(KEPT, child -> 1);

    public ChildQueries(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @QueryHandler
    public ChildView handle(FindChild query) {
        ChildView kept = registered.get(query.childId());
        if (kept != null) {
            return kept;
        }
        Document child = mongo.findById(query.childId(), Document.class, ChildProjection.CHILDREN);
        if (child == null) {
            return null;
        }
        String dateOfBirth = child.getString("dateOfBirth");
        ChildView view = new ChildView(child.getString("_id"), child.getString("displayName"),
                dateOfBirth == null ? null : LocalDate.parse(dateOfBirth));
        registered.put(view.id(), view);
        return view;
    }

    @EventListener(ReadModelsReset.class)
    void forget() {
        registered.clear();
    }
}
