package org.safeguarding.chronology.command.graphql;

import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.safeguarding.chronology.eventstore.MongoEventStorageEngine;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** The Query root of this service: the event store as it sees it. */
@Controller
public class EventStoreStatusController {

    private final EventStorageEngine storageEngine;

    public EventStoreStatusController(EventStorageEngine storageEngine) {
        this.storageEngine = storageEngine;
    }

    @QueryMapping
    public EventStoreStatus eventStore() {
        if (storageEngine instanceof MongoEventStorageEngine mongo) {
            return new EventStoreStatus(mongo.headSequence());
        }
        TrackingToken head = storageEngine.createHeadToken();
        return new EventStoreStatus(head == null ? 0 : head.position().orElse(0));
    }

    public record EventStoreStatus(double headSequence) {
    }
}
