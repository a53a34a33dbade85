package org.safeguarding.chronology.command;

import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.commandhandling.gateway.IntervalRetryScheduler;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.spring.eventsourcing.SpringAggregateSnapshotter;
import org.safeguarding.chronology.api.chronology.ChronologyUpcasters;
import org.safeguarding.chronology.api.rejection.RejectedException;
import org.safeguarding.chronology.command.access.CommandRights;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
public class CommandConfiguration {

    static {
        // every event's timestamp, i.e. every recordedAt, comes from here
        GenericEventMessage.clock = new MonotonicClock(Clock.systemUTC());
    }

    /** The platform clock that occurredAt, knownAt, sharedAt and dateOfBirth must not be later than. */
    @Bean
    public Clock clock() {
        return Clock.systemUTC();
    }

    /** Axon registers every EventUpcaster bean; one chain keeps the upcasters in their order. */
    @Bean
    public EventUpcasterChain chronologyUpcasters() {
        return new EventUpcasterChain(ChronologyUpcasters.all());
    }

    /** As Axon's own, but snapshots are taken off the command's thread: a long case's snapshot takes a while. */
    @Bean
    public SpringAggregateSnapshotter aggregateSnapshotter(org.axonframework.config.Configuration configuration,
                                                           HandlerDefinition handlerDefinition,
                                                           ParameterResolverFactory parameterResolverFactory,
                                                           EventStore eventStore,
                                                           TransactionManager transactionManager) {
        return SpringAggregateSnapshotter.builder()
                .repositoryProvider(configuration::repository)
                .transactionManager(transactionManager)
                .eventStore(eventStore)
                .parameterResolverFactory(parameterResolverFactory)
                .handlerDefinition(handlerDefinition)
                .executor(Executors.newSingleThreadExecutor(daemon("snapshotter")))
                .build();
    }

    @Bean
    public SnapshotTriggerDefinition childCaseSnapshotTrigger(
            Snapshotter snapshotter, @Value("${chronology.snapshot-every:250}") int eventsBetweenSnapshots) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, eventsBetweenSnapshots);
    }

    @Bean
    public Cache childCaseCache(@Value("${chronology.cached-children:256}") int cachedChildren) {
        return new BoundedCache(cachedChildren);
    }

    /** Every command goes with its acting user, checked by CommandRights. Retries a command that lost a race for its aggregate (e.g. with another instance); never a rejection. */
    @Bean
    public CommandGateway commandGateway(CommandBus commandBus, CommandRights rights) {
        return DefaultCommandGateway.builder()
                .commandBus(commandBus)
                .dispatchInterceptors(rights)
                .retryScheduler(IntervalRetryScheduler.builder()
                        .retryExecutor(Executors.newSingleThreadScheduledExecutor(daemon("command-retry")))
                        .retryInterval(20)
                        .maxRetryCount(3)
                        .addNonTransientFailurePredicate(RejectedException.class::isInstance)
                        .build())
                .build();
    }

    private static ThreadFactory daemon(String name) {
        return task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
