package org.safeguarding.chronology.eventstore;

import com.mongodb.WriteConcern;
import java.util.concurrent.TimeUnit;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.mongo.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.MongoDatabaseFactory;

/**
 * Gives Axon the MongoDB event storage engine, an {@link EmbeddedEventStore} on it and the MongoDB token store, on the
 * database of Spring Data's {@link MongoDatabaseFactory} ({@code spring.data.mongodb.uri}). Runs before Axon's own
 * auto-configurations, so their JPA, JDBC, Axon Server and in-memory defaults back off.
 */
@AutoConfiguration(
        afterName = {"org.springframework.boot.autoconfigure.mongo.MongoAutoConfiguration",
                     "org.springframework.boot.autoconfigure.data.mongo.MongoDataAutoConfiguration"},
        beforeName = {"org.axonframework.springboot.autoconfig.AxonAutoConfiguration",
                      "org.axonframework.springboot.autoconfig.EventProcessingAutoConfiguration",
                      "org.axonframework.springboot.autoconfig.InfraConfiguration",
                      "org.axonframework.springboot.autoconfig.JdbcAutoConfiguration",
                      "org.axonframework.springboot.autoconfig.JpaAutoConfiguration",
                      "org.axonframework.springboot.autoconfig.JpaEventStoreAutoConfiguration",
                      "org.axonframework.springboot.autoconfig.legacyjpa.JpaJavaxAutoConfiguration",
                      "org.axonframework.springboot.autoconfig.legacyjpa.JpaJavaxEventStoreAutoConfiguration",
                      "org.axonframework.springboot.autoconfig.AxonServerAutoConfiguration",
                      "org.axonframework.springboot.autoconfig.AxonServerBusAutoConfiguration"})
@ConditionalOnClass({MongoDatabaseFactory.class, EventStorageEngine.class, Configuration.class})
@ConditionalOnBean(MongoDatabaseFactory.class)
@EnableConfigurationProperties(MongoEventStoreProperties.class)
public class MongoEventStoreAutoConfiguration {

    /**
     * Every write (event appends, tokens, read models) is acknowledged only once a majority of the replica set has it
     * in its journal: a receipt survives the loss of any one node. The embedded store syncs every write anyway.
     */
    @Bean
    public MongoClientSettingsBuilderCustomizer durableWrites() {
        return settings -> settings.writeConcern(WriteConcern.MAJORITY.withJournal(true));
    }

    @Bean
    @ConditionalOnMissingBean(EventStorageEngine.class)
    public MongoEventStorageEngine eventStorageEngine(MongoDatabaseFactory databaseFactory,
                                                      Serializer defaultSerializer,
                                                      @Qualifier("eventSerializer") Serializer eventSerializer,
                                                      Configuration configuration,
                                                      MongoEventStoreProperties properties) {
        return MongoEventStorageEngine.builder()
                                      .database(databaseFactory.getMongoDatabase())
                                      .eventsCollection(properties.getCollections().getEvents())
                                      .sequenceCollection(properties.getCollections().getSequence())
                                      .snapshotsCollection(properties.getCollections().getSnapshots())
                                      .snapshotSerializer(defaultSerializer)
                                      .eventSerializer(eventSerializer)
                                      .upcasterChain(configuration.upcasterChain())
                                      .snapshotFilter(configuration.snapshotFilter())
                                      .batchSize(properties.getBatchSize())
                                      .gapFenceTimeout(properties.getGapFenceTimeout())
                                      .build();
    }

    @Bean(name = "eventBus")
    @Qualifier("eventStore")
    @ConditionalOnMissingBean({EventStore.class, EventBus.class})
    @ConditionalOnBean(EventStorageEngine.class)
    public EmbeddedEventStore eventStore(EventStorageEngine storageEngine, Configuration configuration,
                                         MongoEventStoreProperties properties) {
        return EmbeddedEventStore.builder()
                                 .storageEngine(storageEngine)
                                 .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                                 .spanFactory(configuration.getComponent(EventBusSpanFactory.class))
                                 .fetchDelay(properties.getFetchDelay().toMillis())
                                 .cleanupDelay(properties.getCleanupDelay().toMillis())
                                 .timeUnit(TimeUnit.MILLISECONDS)
                                 .build();
    }

    @Bean
    @ConditionalOnMissingBean(TokenStore.class)
    public MongoTokenStore tokenStore(MongoDatabaseFactory databaseFactory, Serializer defaultSerializer,
                                      MongoEventStoreProperties properties) {
        MongoTokenStore.Builder builder = MongoTokenStore.builder()
                                                         .database(databaseFactory.getMongoDatabase())
                                                         .collection(properties.getCollections().getTokens())
                                                         .serializer(defaultSerializer)
                                                         .claimTimeout(properties.getClaimTimeout());
        if (properties.getNodeId() != null) {
            builder.nodeId(properties.getNodeId());
        }
        return builder.build();
    }
}
