package org.safeguarding.chronology.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.WriteConcern;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.axonframework.config.Configuration;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.safeguarding.chronology.embedded.EmbeddedMongo;
import org.safeguarding.chronology.eventstore.TestSupport.CaseNoted;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

class MongoEventStoreAutoConfigurationTest {

    @Test
    void axonUsesTheMongoEventStoreAndTokenStore() throws Exception {
        try (EmbeddedMongo mongo = EmbeddedMongo.inMemory();
             ConfigurableApplicationContext context = new SpringApplicationBuilder(App.class)
                     .web(WebApplicationType.NONE)
                     .properties("spring.data.mongodb.uri=" + mongo.uri("chronology"),
                                 "axon.axonserver.enabled=false",
                                 "axon.serializer.general=jackson",
                                 "axon.serializer.events=jackson",
                                 "axon.serializer.messages=jackson",
                                 "chronology.event-store.fetch-delay=20ms",
                                 "chronology.event-store.gap-fence-timeout=300ms",
                                 "chronology.event-store.collections.tokens=axon_tokens")
                     .run()) {
            MongoEventStorageEngine engine = (MongoEventStorageEngine) context.getBean(EventStorageEngine.class);
            assertThat(context.getBean(TokenStore.class)).isInstanceOf(MongoTokenStore.class);
            assertThat(context.getBeansOfType(EventBus.class)).hasSize(1);
            EventStore eventStore = context.getBean(EventStore.class);
            assertThat(eventStore).isInstanceOf(EmbeddedEventStore.class);

            Configuration axon = context.getBean(Configuration.class);
            assertThat(axon.eventStore()).isSameAs(eventStore);
            assertThat(axon.eventProcessingConfiguration().tokenStore("chronology"))
                    .isSameAs(context.getBean(TokenStore.class));

            eventStore.publish(new GenericDomainEventMessage<>("Case", "case-1", 0,
                                                               new CaseNoted("case-1", "hello", Instant.now())));
            Recorder recorder = context.getBean(Recorder.class);
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (recorder.seen.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(recorder.seen).extracting(CaseNoted::text).containsExactly("hello");
            assertThat(engine.headSequence()).isEqualTo(1);
            assertThat(engine.readEvents("case-1").asStream().count()).isEqualTo(1);
            var database = context.getBean(org.springframework.data.mongodb.MongoDatabaseFactory.class)
                                  .getMongoDatabase();
            assertThat(database.getCollection("events").countDocuments()).isEqualTo(1);
            assertThat(database.getWriteConcern()).isEqualTo(WriteConcern.MAJORITY.withJournal(true));
            assertThat(database.getCollection("axon_tokens").countDocuments()).isPositive();
        }
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {

        @Bean
        Recorder recorder() {
            return new Recorder();
        }
    }

    @ProcessingGroup("chronology")
    static class Recorder {

        final List<CaseNoted> seen = new CopyOnWriteArrayList<>();

        @EventHandler
        void on(CaseNoted event) {
            seen.add(event);
        }
    }
}
