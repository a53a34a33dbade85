package org.safeguarding.chronology.query.chronology;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.safeguarding.chronology.api.child.ChildIds;
import org.safeguarding.chronology.api.chronology.DatePrecision;
import org.safeguarding.chronology.api.chronology.EntryCorrected;
import org.safeguarding.chronology.api.chronology.EntryKind;
import org.safeguarding.chronology.api.chronology.EntryRecorded;
import org.safeguarding.chronology.api.chronology.EntryRetracted;
import org.safeguarding.chronology.api.chronology.Significance;
import org.safeguarding.chronology.api.sharing.InformationShared;
import org.safeguarding.chronology.api.sharing.SharingChannel;
import org.safeguarding.chronology.query.TestMongo;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

/** Events handled in batches (one unit of work each) give the read model that handling them one by one gives. */
class BatchedWritesTest {

    private static final String CHILD = "child-batch";
    private static final Instant T0 = Instant.parse("2024-03-01T10:00:00Z");

    @Test
    void aBatchProjectsAsEventsOneByOneAndIsIdempotent() throws Exception {
        List<EventMessage<?>> events = events();
        MongoTemplate oneByOne = TestMongo.freshDatabase();
        AnnotationEventHandlerAdapter single = adapter(oneByOne);
        for (EventMessage<?> event : events) {
            single.handle(event);
        }
        MongoTemplate batched = TestMongo.freshDatabase();
        AnnotationEventHandlerAdapter batch = adapter(batched);
        handleInBatches(batch, batched, events);
        assertThat(readModel(batched)).isEqualTo(readModel(oneByOne));

        handleInBatches(batch, batched, events.subList(events.size() / 3, events.size()));
        handleInBatches(batch, batched, events);
        assertThat(readModel(batched)).isEqualTo(readModel(oneByOne));
    }

    private static void handleInBatches(AnnotationEventHandlerAdapter adapter, MongoTemplate mongo,
                                        List<EventMessage<?>> events) throws Exception {
        for (int from = 0; from < events.size(); from += 100) {
            List<EventMessage<?>> chunk = events.subList(from, Math.min(events.size(), from + 100));
            long before = mongo.getCollection(ChronologyProjection.ENTRY_BUCKETS).countDocuments();
            BatchingUnitOfWork<EventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(chunk);
            var result = unitOfWork.executeWithResult(() -> {
                adapter.handle(unitOfWork.getMessage());
                if (unitOfWork.isFirstMessage()) { // buffered until the batch commits
                    assertThat(mongo.getCollection(ChronologyProjection.ENTRY_BUCKETS).countDocuments())
                            .isEqualTo(before);
                }
                return null;
            });
            assertThat(result.isExceptional()).as("%s", result.optionalExceptionResult()).isFalse();
        }
    }

    private static AnnotationEventHandlerAdapter adapter(MongoTemplate mongo) {
        return new AnnotationEventHandlerAdapter(new ChronologyProjection(mongo, new RecordedEntries(mongo)));
    }

    private static List<Document> readModel(MongoTemplate mongo) {
        List<Document> documents = new ArrayList<>();
        for (String collection : List.of(ChronologyProjection.ENTRY_BUCKETS, ChronologyProjection.CHRONOLOGIES)) {
            documents.addAll(mongo.find(new Query().with(org.springframework.data.domain.Sort.by("_id")),
                    Document.class, collection));
        }
        return documents;
    }

    /** 300 entries (two buckets), corrections, retractions and shares, one of them shared twice. */
    private static List<EventMessage<?>> events() {
        List<Object> payloads = new ArrayList<>();
        for (int n = 1; n <= 300; n++) {
            String entryId = ChildIds.entryId(CHILD, n);
            payloads.add(new EntryRecorded(CHILD, entryId, "police", "REF-" + n, EntryKind.CONTACT, T0.plusSeconds(n),
                    DatePrecision.EXACT, T0.plusSeconds(n), "entry " + n, Significance.ROUTINE, "Officer",
                    List.of()));
            if (n % 7 == 0) {
                payloads.add(new EntryCorrected(CHILD, entryId, "police", 2, EntryKind.CONTACT, T0, DatePrecision.DAY,
                        T0, "corrected " + n, Significance.SIGNIFICANT, "typo"));
            }
            if (n % 11 == 0) {
                payloads.add(new EntryRetracted(CHILD, entryId, "police", n % 7 == 0 ? 3 : 2, "wrong child"));
            }
            if (n % 50 == 0) {
                for (SharingChannel channel : List.of(SharingChannel.VERBAL, SharingChannel.WRITTEN)) {
                    payloads.add(new InformationShared(CHILD, ChildIds.sharingId(CHILD, n / 50), "police", "school",
                            List.of(ChildIds.entryId(CHILD, n), ChildIds.entryId(CHILD, n - 255 > 0 ? n - 255 : 1)),
                            T0, channel, "S-" + n));
                }
            }
        }
        List<EventMessage<?>> events = new ArrayList<>();
        for (int i = 0; i < payloads.size(); i++) {
            events.add(new GenericDomainEventMessage<>("Child", ChildIds.aggregateId(CHILD), i, payloads.get(i),
                    MetaData.emptyInstance(), "event-" + i, T0.plusSeconds(1000 + i)));
        }
        return events;
    }
}
