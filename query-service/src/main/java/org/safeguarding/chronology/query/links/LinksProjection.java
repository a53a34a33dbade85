package org.safeguarding.chronology.query.links;

import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.safeguarding.chronology.api.links.EntriesLinked;
import org.safeguarding.chronology.query.ProjectionWrites;
import org.safeguarding.chronology.query.ReadModels;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The links between a child's entries: {@code rm_links} ({@link LinkDocument}), each link {@code $set} under its own
 * id with the event's timestamp as its recordedAt, so a redelivered event changes nothing.
 */
@Component
@ProcessingGroup(ReadModels.PROCESSING_GROUP)
public class LinksProjection {

    private final MongoTemplate mongo;

    public LinksProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    public void on(EntriesLinked event, @Timestamp Instant recordedAt) {
        ProjectionWrites.upsert(mongo, LinkDocument.COLLECTION, event.childId(),
                new Update().set(LinkDocument.path(event.linkId()), LinkDocument.of(event, recordedAt)));
    }

    @ResetHandler
    public void reset() {
        mongo.dropCollection(LinkDocument.COLLECTION);
    }
}
