package org.safeguarding.chronology.query.status;

import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.safeguarding.chronology.eventstore.MongoEventStorageEngine;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/** The projections' tracking processors: how far each has read, and rebuilding them from the first event. */
@Service
public class Projections {

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final MongoEventStorageEngine storageEngine;

    public Projections(EventProcessingConfiguration processing, EventStore eventStore,
                       ObjectProvider<MongoEventStorageEngine> storageEngine) {
        this.processing = processing;
        this.eventStore = eventStore;
        this.storageEngine = storageEngine.getIfAvailable();
    }

    public List<ProjectionStatus> status() {
        long head = storageEngine != null ? storageEngine.deliverableHead() : position(eventStore.createHeadToken());
        return processors().stream()
                .map(processor -> new ProjectionStatus(processor.getName(), position(processor), head,
                        processor.isReplaying()))
                .toList();
    }

    /**
     * Resets every projection: its {@code @ResetHandler}s drop its read models and it replays the whole stream.
     * Queries answer from the partly rebuilt read models until the replay is done.
     */
    public List<ProjectionStatus> rebuild() {
        for (StreamingEventProcessor processor : processors()) {
            processor.shutDown();
            processor.resetTokens(source -> source.createTailToken());
            processor.start();
        }
        return status();
    }

    private List<StreamingEventProcessor> processors() {
        return processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance)
                .map(StreamingEventProcessor.class::cast)
                .sorted(Comparator.comparing(StreamingEventProcessor::getName))
                .toList();
    }

    /** Global indexes start at 1: a token at 0 has handled nothing yet. */
    private static Long position(StreamingEventProcessor processor) {
        return processor.processingStatus().values().stream()
                .map(EventTrackerStatus::getCurrentPosition)
                .filter(position -> position.isPresent() && position.getAsLong() > 0)
                .map(OptionalLong::getAsLong)
                .max(Long::compare)
                .orElse(null);
    }

    private static long position(TrackingToken token) {
        return token == null ? 0 : token.position().orElse(0);
    }
}
