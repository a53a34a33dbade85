package org.safeguarding.chronology.query.instances;

import jakarta.annotation.PostConstruct;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.springboot.EventProcessorProperties;
import org.safeguarding.chronology.eventstore.MongoEventStorageEngine;
import org.safeguarding.chronology.eventstore.MongoEventStoreProperties;
import org.safeguarding.chronology.eventstore.MongoTokenStore;
import org.safeguarding.chronology.eventstore.MongoTokenStore.SegmentClaim;
import org.safeguarding.chronology.query.ReadModels;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * How the live instances share the projection's segments. Each claims at most its fair share, the segments divided by
 * the live instances, rounded up: the first instance claims every segment, releases half of them when a second one
 * starts beating, and takes them back once that one stops beating and its claims have timed out. Claims are extended
 * every quarter of the claim timeout, so a live instance never loses them. A store whose token was made with fewer
 * segments than configured (by an earlier version) is split up to the configured count, one segment per beat, each
 * time by the instance that owns the widest segment.
 */
@Component
public class SegmentShare {

    private static final Logger log = LoggerFactory.getLogger(SegmentShare.class);

    private final QueryInstances instances;
    private final MongoTokenStore tokenStore;
    private final EventProcessingConfiguration processing;
    private final ObjectProvider<MongoEventStorageEngine> storageEngine;
    private final Duration fetchDelay;
    private final int configuredSegments;
    private volatile int segments;

    public SegmentShare(QueryInstances instances, MongoTokenStore tokenStore,
                        @Lazy EventProcessingConfiguration processing, EventProcessorProperties properties,
                        ObjectProvider<MongoEventStorageEngine> storageEngine, MongoEventStoreProperties store) {
        this.instances = instances;
        this.storageEngine = storageEngine;
        this.fetchDelay = store.getFetchDelay();
        this.tokenStore = tokenStore;
        this.processing = processing;
        EventProcessorProperties.ProcessorSettings settings = properties.getProcessors().get(ReadModels.PROCESSING_GROUP);
        this.configuredSegments = settings == null || settings.getInitialSegmentCount() == null ? 1
                : settings.getInitialSegmentCount();
        this.segments = configuredSegments;
    }

    @Autowired
    void shareSegments(EventProcessingConfigurer configurer) {
        long claimExtension = Math.max(1, instances.claimTimeout().toMillis() / 4);
        configurer.registerPooledStreamingEventProcessorConfiguration(ReadModels.PROCESSING_GROUP,
                (configuration, builder) -> {
                    builder.claimExtensionThreshold(claimExtension)
                            .maxSegmentProvider(processorName -> fairShare());
                    MongoEventStorageEngine engine = storageEngine.getIfAvailable();
                    if (engine != null) {
                        builder.messageSource(new SignallingEventSource(configuration.eventStore(),
                                engine::headSequence, fetchDelay));
                    }
                    return builder;
                });
    }

    @PostConstruct
    void followTheOthers() {
        instances.onEachBeat(this::afterBeat);
    }

    /** The segments this instance may claim: every segment divided among the live instances, rounded up. */
    public int fairShare() {
        int live = Math.max(1, instances.live().size());
        return Math.max(1, (segments + live - 1) / live);
    }

    private void afterBeat() {
        List<SegmentClaim> claims = tokenStore.fetchClaims(ReadModels.PROCESSING_GROUP);
        segments = Math.max(configuredSegments, claims.size());
        if (!claims.isEmpty() && claims.size() < configuredSegments) {
            processor().filter(StreamingEventProcessor::isRunning).ifPresent(processor -> splitWidest(processor, claims));
        }
    }

    private void splitWidest(StreamingEventProcessor processor, List<SegmentClaim> claims) {
        int[] ids = claims.stream().mapToInt(SegmentClaim::segment).toArray();
        Comparator<Segment> widestFirst = Comparator.comparingInt(Segment::getMask);
        Segment widest = claims.stream().map(claim -> Segment.computeSegment(claim.segment(), ids))
                .min(widestFirst).orElseThrow();
        claims.stream()
                .filter(claim -> claim.liveClaimOf(instances.nodeId()))
                .map(claim -> Segment.computeSegment(claim.segment(), ids))
                .filter(mine -> mine.getMask() == widest.getMask())
                .findFirst()
                .ifPresent(mine -> {
                    log.info("Splitting segment {} of {}: the store has {} segments, {} are configured", mine,
                             processor.getName(), claims.size(), configuredSegments);
                    try {
                        processor.splitSegment(mine.getSegmentId()).get(instances.claimTimeout().toMillis(),
                                                                       TimeUnit.MILLISECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } catch (ExecutionException | TimeoutException e) {
                        log.warn("Splitting segment {} of {} failed: {}", mine, processor.getName(), e.toString());
                    }
                });
    }

    private Optional<StreamingEventProcessor> processor() {
        return processing.eventProcessor(ReadModels.PROCESSING_GROUP, StreamingEventProcessor.class);
    }
}
