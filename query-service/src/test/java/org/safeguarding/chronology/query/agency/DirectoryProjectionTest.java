package org.safeguarding.chronology.query.agency;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.safeguarding.chronology.api.agency.AgencyIds;
import org.safeguarding.chronology.api.agency.AgencyRegistered;
import org.safeguarding.chronology.api.agency.AgencyView;
import org.safeguarding.chronology.api.agency.FindAgencies;
import org.safeguarding.chronology.api.agency.Sector;
import org.safeguarding.chronology.api.child.ChildIds;
import org.safeguarding.chronology.api.child.ChildRegistered;
import org.safeguarding.chronology.api.child.ChildView;
import org.safeguarding.chronology.api.child.FindChild;
import org.safeguarding.chronology.eventstore.MongoEventStorageEngine;
import org.safeguarding.chronology.query.TestMongo;
import org.safeguarding.chronology.query.child.ChildProjection;
import org.safeguarding.chronology.query.child.ChildQueries;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The agency and children directories, fed their events twice as at-least-once delivery may. */
class DirectoryProjectionTest {

    private final MongoTemplate mongo = TestMongo.freshDatabase();
    private final JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
    private final EmbeddedEventStore eventStore = EmbeddedEventStore.builder()
            .storageEngine(MongoEventStorageEngine.builder().database(mongo.getDb()).eventSerializer(serializer)
                    .snapshotSerializer(serializer).build())
            .build();

    @AfterEach
    void shutDown() {
        eventStore.shutDown();
    }

    @Test
    void findsAgenciesByIdLeavingOutUnknownOnes() {
        AgencyQueries queries = new AgencyQueries(mongo, eventStore);
        AgencyProjection projection = new AgencyProjection(mongo, queries);
        for (int delivery = 0; delivery < 2; delivery++) {
            projection.on(new AgencyRegistered("police", "Police", Sector.POLICE));
            projection.on(new AgencyRegistered("health", "Health Visiting", Sector.HEALTH));
        }
        assertThat(queries.handle(new FindAgencies(List.of("health", "nobody", "police", "health"))))
                .containsExactly(new AgencyView("health", "Health Visiting", Sector.HEALTH),
                        new AgencyView("police", "Police", Sector.POLICE));
        assertThat(queries.handle(new FindAgencies(List.of()))).isEmpty();

        projection.reset();
        assertThat(queries.handle(new FindAgencies(List.of("police")))).as("forgotten with the read model").isEmpty();
    }

    @Test
    void findsAnAgencyNotProjectedYetFromItsEvents() {
        AgencyQueries queries = new AgencyQueries(mongo, eventStore);
        new AgencyProjection(mongo, queries).on(new AgencyRegistered("police", "Police", Sector.POLICE));
        eventStore.publish(new GenericDomainEventMessage<>("Agency", AgencyIds.aggregateId("school"), 0,
                new AgencyRegistered("school", "Primary School", Sector.EDUCATION)));
        eventStore.publish(new GenericDomainEventMessage<>("Child", ChildIds.aggregateId("nursery"), 0,
                new ChildRegistered("nursery", "Child N", null)));

        assertThat(queries.handle(new FindAgencies(List.of("school", "police", "nursery"))))
                .as("the school's registration is in a segment still behind")
                .containsExactly(new AgencyView("school", "Primary School", Sector.EDUCATION),
                        new AgencyView("police", "Police", Sector.POLICE));
    }

    @Test
    void findsAChildOrNull() {
        ChildQueries queries = new ChildQueries(mongo);
        ChildProjection projection = new ChildProjection(mongo, queries);
        assertThat(queries.handle(new FindChild("child-a"))).as("not registered yet").isNull();
        for (int delivery = 0; delivery < 2; delivery++) {
            projection.on(new ChildRegistered("child-a", "Child A", LocalDate.of(2006, 3, 1)));
            projection.on(new ChildRegistered("child-b", "Child B", null));
        }
        assertThat(queries.handle(new FindChild("child-a"))).isEqualTo(new ChildView("child-a", "Child A", LocalDate.of(2006, 3, 1)));
        assertThat(queries.handle(new FindChild("child-b"))).isEqualTo(new ChildView("child-b", "Child B", null));
        assertThat(queries.handle(new FindChild("child-z"))).isNull();

        projection.reset();
        assertThat(queries.handle(new FindChild("child-a"))).as("forgotten with the read model").isNull();
    }
}
