package org.safeguarding.chronology.eventstore;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.json.JacksonSerializer;
import org.safeguarding.chronology.embedded.EmbeddedMongo;

/** An in-memory MongoDB-compatible server over TCP, a real driver and the services' Jackson serialization. */
final class TestSupport implements AutoCloseable {

    static final String AGGREGATE_TYPE = "Case";

    record CaseNoted(String caseId, String text, Instant occurredAt) {
    }

    record CaseSnapshot(String caseId, long version) {
    }

    final EmbeddedMongo mongo = EmbeddedMongo.inMemory();
    final MongoClient client = MongoClients.create(mongo.uri("chronology"));
    final MongoDatabase database = client.getDatabase("chronology");
    final JacksonSerializer serializer = serializer();

    static JacksonSerializer serializer() {
        ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule())
                                                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        return JacksonSerializer.builder().objectMapper(mapper).build();
    }

    MongoEventStorageEngine.Builder engine() {
        return MongoEventStorageEngine.builder().database(database).eventSerializer(serializer)
                                      .snapshotSerializer(serializer);
    }

    static DomainEventMessage<CaseNoted> event(String caseId, long seq) {
        return new GenericDomainEventMessage<>(AGGREGATE_TYPE, caseId, seq,
                                               new CaseNoted(caseId, "note " + seq, Instant.now()),
                                               MetaData.from(Map.of("traceId", UUID.randomUUID().toString())));
    }

    @Override
    public void close() {
        client.close();
        mongo.close();
    }
}
