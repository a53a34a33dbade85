package org.safeguarding.chronology.query.person;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.bson.Document;
import org.safeguarding.chronology.api.person.PersonKnownRecorded;
import org.safeguarding.chronology.query.ProjectionWrites;
import org.safeguarding.chronology.query.ReadModels;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The people each agency knows in a child's life: {@code rm_people}, one document per child keyed by its id,
 * each record {@code $set} under its own number ({@code r.P<n>}), so a redelivered event changes nothing.
 */
@Component
@ProcessingGroup(ReadModels.PROCESSING_GROUP)
public class PeopleProjection {

    static final String PEOPLE = "rm_people";

    private final MongoTemplate mongo;

    public PeopleProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    public void on(PersonKnownRecorded event, @Timestamp Instant recordedAt, @SequenceNumber long sequence) {
        Document record = new Document("recordId", event.recordId())
                .append("agencyId", event.agencyId())
                .append("personId", event.personId())
                .append("role", event.role().name())
                .append("sex", event.sex().name())
                .append("livesWithChild", event.livesWithChild())
                .append("knownAt", event.knownAt().toString())
                .append("recordedAt", recordedAt.toString())
                .append("sequence", sequence);
        ProjectionWrites.upsert(mongo, PEOPLE, event.childId(),
                new Update().set("r." + recordKey(event.childId(), event.recordId()), record));
    }

    @ResetHandler
    public void reset() {
        mongo.dropCollection(PEOPLE);
    }

    /** {@code P<n>} for the child's own record ids, the whole id encoded otherwise. */
    private static String recordKey(String childId, String recordId) {
        String own = recordId.substring(recordId.lastIndexOf('/') + 1);
        if (recordId.equals(childId + "/" + own) && own.matches("P[1-9][0-9]*")) {
            return own;
        }
        return "X" + Base64.getUrlEncoder().withoutPadding().encodeToString(recordId.getBytes(StandardCharsets.UTF_8));
    }
}
