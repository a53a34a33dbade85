package org.safeguarding.chronology.query.chronology;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.common.IdentifierFactory;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.messaging.MetaData;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.safeguarding.chronology.api.child.ChildIds;
import org.safeguarding.chronology.api.chronology.DatePrecision;
import org.safeguarding.chronology.api.chronology.EntryKind;
import org.safeguarding.chronology.api.chronology.EntryRecorded;
import org.safeguarding.chronology.api.chronology.Significance;
import org.safeguarding.chronology.query.QueryServiceTestBase;
import org.safeguarding.chronology.query.ReadModels;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Catch-up throughput of the projection; run with {@code -Dmeasure=true -Dtest=CatchUpMeasureTest}. */
@EnabledIfSystemProperty(named = "measure", matches = "true")
class CatchUpMeasureTest extends QueryServiceTestBase {

    private static final int CHILDREN = 20, PER_CHILD = 1000;

    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    MongoTemplate mongo;

    @Test
    void catchUp() throws Exception {
        EventProcessor processor = processing.eventProcessor(ReadModels.PROCESSING_GROUP).orElseThrow();
        processor.shutDown();
        Instant t0 = Instant.parse("2024-01-01T00:00:00Z");
        List<EventMessage<?>> batch = new ArrayList<>();
        for (int n = 1; n <= PER_CHILD; n++) {
            for (int c = 0; c < CHILDREN; c++) {
                String child = "measure-" + c;
                batch.add(new GenericDomainEventMessage<>("Child", ChildIds.aggregateId(child), n - 1,
                        new EntryRecorded(child, ChildIds.entryId(child, n), "police", "REF-" + n,
                                EntryKind.CONTACT, t0, DatePrecision.EXACT, t0, "summary " + n,
                                Significance.ROUTINE, "Officer", List.of()),
                        MetaData.emptyInstance(), IdentifierFactory.getInstance().generateIdentifier(), t0));
            }
            if (batch.size() >= 1000) {
                eventStore.publish(batch);
                batch.clear();
            }
        }
        long start = System.nanoTime();
        processor.start();
        while (!caughtUp()) {
            Thread.sleep(100);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("MEASURE: %d events caught up in %.1f s = %.0f events/s%n",
                CHILDREN * PER_CHILD, seconds, CHILDREN * PER_CHILD / seconds);
    }

    private boolean caughtUp() {
        for (int c = 0; c < CHILDREN; c++) {
            Document chronology = mongo.findById("measure-" + c, Document.class, ChronologyProjection.CHRONOLOGIES);
            if (chronology == null || ((Number) chronology.get("entryCount")).longValue() < PER_CHILD) {
                return false;
            }
        }
        return true;
    }
}
