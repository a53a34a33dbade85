package org.safeguarding.chronology.query.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.safeguarding.chronology.query.QueryServiceTestBase.eventually;

import com.jayway.jsonpath.JsonPath;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.axonframework.common.IdentifierFactory;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;
import org.safeguarding.chronology.api.agency.AgencyIds;
import org.safeguarding.chronology.api.agency.AgencyRegistered;
import org.safeguarding.chronology.api.agency.Sector;
import org.safeguarding.chronology.api.child.ChildIds;
import org.safeguarding.chronology.api.child.ChildRegistered;
import org.safeguarding.chronology.api.chronology.EntryRecorded;
import org.safeguarding.chronology.api.chronology.Significance;
import org.safeguarding.chronology.embedded.EmbeddedMongo;
import org.safeguarding.chronology.eventstore.MongoTokenStore;
import org.safeguarding.chronology.query.QueryServiceTestBase;
import org.safeguarding.chronology.query.ReadModels;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The projections' health on a store of its own, whose token was made with one segment (as by a version before the
 * segments were shared): it is split up to the four configured, and a batch that keeps failing turns it DOWN.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "chronology.event-store.claim-timeout=2s")
class ProjectionsHealthTest {

    private static final EmbeddedMongo store = EmbeddedMongo.inMemory();
    private static final String DATABASE = "projections-health-test";

    @Autowired
    private WebTestClient web;

    @Autowired
    private EventStore eventStore;

    @Autowired
    private EventProcessingConfiguration processing;

    @DynamicPropertySource
    static void oneSegmentStore(DynamicPropertyRegistry registry) {
        try (MongoClient client = MongoClients.create(store.uri(DATABASE))) {
            MongoTokenStore.builder().database(client.getDatabase(DATABASE))
                    .serializer(JacksonSerializer.defaultSerializer()).build()
                    .initializeTokenSegments(ReadModels.PROCESSING_GROUP, 1);
        }
        registry.add("spring.data.mongodb.uri", () -> store.uri(DATABASE));
        registry.add("chronology.security.admin-password", () -> QueryServiceTestBase.ADMIN_PASSWORD);
    }

    @Test
    void reportsPositionHeadLagAndSegmentsAndTurnsDownWhenABatchKeepsFailing() {
        assertThat(processing.eventProcessor(ReadModels.PROCESSING_GROUP))
                .containsInstanceOf(PooledStreamingEventProcessor.class);
        assertThat(processing.sequencingPolicy(ReadModels.PROCESSING_GROUP))
                .as("all of a child's events in one segment, in order").isInstanceOf(SequentialPerAggregatePolicy.class);
        publish(AgencyIds.aggregateId("school-h"), 0, new AgencyRegistered("school-h", "Primary School", Sector.EDUCATION));
        for (int child = 1; child <= 8; child++) {
            publish(ChildIds.aggregateId("child-h" + child), 0, new ChildRegistered("child-h" + child, "Child H", null));
        }

        eventually(() -> {
            String health = health(200);
            assertThat(JsonPath.<String>read(health, "$.status")).isEqualTo("UP");
            Map<String, Object> projection = JsonPath.read(health, "$.components.projections.details."
                                                                   + ReadModels.PROCESSING_GROUP);
            assertThat(projection).containsEntry("state", "running").containsEntry("headSequence", 9)
                    .containsEntry("position", 9).containsEntry("lag", 0).containsEntry("instances", 1);
            List<Map<String, Object>> segments = JsonPath.read(projection, "$.segments");
            assertThat(segments).as("split from one segment up to the configured four")
                    .extracting(segment -> segment.get("segment")).containsExactlyInAnyOrder(0, 1, 2, 3);
            assertThat(segments).allSatisfy(segment -> {
                assertThat(segment).containsEntry("mine", true).containsEntry("position", 9);
                assertThat(segment.get("error")).isNull();
            });
        });

        // a version 1 recorded with no kind cannot be projected: its batch fails at every retry
        publish(ChildIds.aggregateId("child-h1"), 1, new EntryRecorded("child-h1", "child-h1/E1", "school-h", "SCH-1",
                null, Instant.now(), null, Instant.now(), "Concern", Significance.ROUTINE, null, List.of()));

        eventually(() -> {
            String health = health(503);
            assertThat(JsonPath.<String>read(health, "$.status")).isEqualTo("DOWN");
            Map<String, Object> projection = JsonPath.read(health, "$.components.projections.details."
                                                                   + ReadModels.PROCESSING_GROUP);
            assertThat(projection).containsEntry("state", "error").containsEntry("headSequence", 10);
            List<String> errors = JsonPath.read(projection, "$.segments[*].error");
            assertThat(errors).filteredOn(error -> error != null).singleElement().asString()
                    .contains("NullPointerException");
        });
    }

    private String health(int expectedStatus) {
        var response = web.get().uri("/actuator/health").exchange().expectBody(String.class).returnResult();
        assertThat(response.getStatus().value()).as(response.getResponseBody()).isEqualTo(expectedStatus);
        return response.getResponseBody();
    }

    private void publish(String aggregateId, long sequence, Object payload) {
        eventStore.publish(new GenericDomainEventMessage<>("Test", aggregateId, sequence, payload,
                MetaData.emptyInstance(), IdentifierFactory.getInstance().generateIdentifier(), Instant.now()));
    }
}
