package org.safeguarding.chronology.query;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.axonframework.common.IdentifierFactory;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.safeguarding.chronology.api.agency.AgencyIds;
import org.safeguarding.chronology.api.agency.AgencyRegistered;
import org.safeguarding.chronology.api.child.ChildIds;
import org.safeguarding.chronology.api.review.ReviewIds;
import org.safeguarding.chronology.embedded.EmbeddedMongo;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.graphql.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The whole service on an in-memory MongoDB; events go into the real Axon event store, as the commands side would. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureHttpGraphQlTester
public abstract class QueryServiceTestBase {

    private static final EmbeddedMongo mongo = EmbeddedMongo.inMemory();
    private static final Map<String, Long> sequences = new HashMap<>();
    /** The first-start admin's password in these tests (AdminTestClient sends it). */
    public static final String ADMIN_PASSWORD = "admin-password-of-the-tests";
    public static final String ADMIN_AUTHORIZATION = "Basic " + java.util.Base64.getEncoder()
            .encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(java.nio.charset.StandardCharsets.UTF_8));

    @Autowired
    protected HttpGraphQlTester graphQl;

    @Autowired
    protected EventStore eventStore;

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("spring.data.mongodb.uri", () -> mongo.uri("query-service-test"));
        registry.add("chronology.security.admin-password", () -> ADMIN_PASSWORD);
    }

    protected void publishChildEvent(String childId, Object payload, Instant recordedAt) {
        publish("Child", ChildIds.aggregateId(childId), payload, recordedAt);
    }

    protected void publishReviewEvent(String reviewId, Object payload) {
        publish("Review", ReviewIds.aggregateId(reviewId), payload, Instant.now());
    }

    protected void registerAgency(AgencyRegistered agency) {
        publish("Agency", AgencyIds.aggregateId(agency.agencyId()), agency, Instant.now());
    }

    private synchronized void publish(String type, String aggregateId, Object payload, Instant timestamp) {
        long sequence = sequences.merge(aggregateId, 1L, Long::sum) - 1;
        eventStore.publish(new GenericDomainEventMessage<>(type, aggregateId, sequence, payload, MetaData.emptyInstance(),
                IdentifierFactory.getInstance().generateIdentifier(), timestamp));
    }

    /** Retries the assertion until it holds: the read models are eventually consistent. */
    public static void eventually(Runnable assertion) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (true) {
            try {
                assertion.run();
                return;
            } catch (AssertionError | RuntimeException notYet) {
                if (Instant.now().isAfter(deadline)) {
                    throw notYet;
                }
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
