package org.safeguarding.chronology.query.status;

import java.util.Comparator;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.safeguarding.chronology.eventstore.MongoEventStorageEngine;
import org.safeguarding.chronology.eventstore.MongoTokenStore;
import org.safeguarding.chronology.eventstore.MongoTokenStore.SegmentClaim;
import org.safeguarding.chronology.query.instances.QueryInstances;
import org.safeguarding.chronology.query.status.ProjectionStatus.SegmentStatus;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * The projections' streaming processors: how far each has read over all its segments, and the local operations of a
 * rebuild ({@link Rebuilds} shares it between the instances).
 */
@Service
public class Projections {

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final MongoEventStorageEngine storageEngine;
    private final MongoTokenStore tokenStore;
    private final QueryInstances instances;
    private final ProjectionFailures failures;

    public Projections(EventProcessingConfiguration processing, EventStore eventStore,
                       ObjectProvider<MongoEventStorageEngine> storageEngine, MongoTokenStore tokenStore,
                       QueryInstances instances, ProjectionFailures failures) {
        this.processing = processing;
        this.eventStore = eventStore;
        this.storageEngine = storageEngine.getIfAvailable();
        this.tokenStore = tokenStore;
        this.instances = instances;
        this.failures = failures;
    }

    /**
     * Each processor's segments as stored in the token store (one read), those this instance processes as it has
     * them in memory: a segment stores its token with each batch, and at least every claim extension when idle.
     */
    public List<ProjectionStatus> status() {
        long head = head();
        return processors().stream().map(processor -> status(processor, head)).toList();
    }

    /**
     * Waits until every projection has handled the events up to the head as it is now, or the time is up; answers
     * whether they got there.
     */
    public boolean awaitHead(Duration atMost) {
        long head = head();
        long deadline = System.nanoTime() + atMost.toNanos();
        while (true) {
            List<ProjectionStatus> status = processors().stream().map(processor -> status(processor, head)).toList();
            if (status.stream().allMatch(projection -> projection.position() != null && projection.position() >= head)) {
                return true;
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    /** The head a processor can reach: the store's deliverable head, else the head token's position. */
    private long head() {
        return storageEngine != null ? storageEngine.deliverableHead() : position(eventStore.createHeadToken());
    }

    private ProjectionStatus status(StreamingEventProcessor processor, long head) {
        Map<Integer, EventTrackerStatus> own = processor.processingStatus();
        List<SegmentStatus> segments = tokenStore.fetchClaims(processor.getName()).stream()
                .map(claim -> segment(processor.getName(), claim, own.get(claim.segment())))
                .toList();
        Long position = segments.isEmpty() || segments.stream().anyMatch(segment -> segment.position() == null) ? null
                : segments.stream().mapToLong(SegmentStatus::position).min().getAsLong();
        boolean failing = processor.isError() || segments.stream().anyMatch(segment -> segment.error() != null);
        String state = failing ? ProjectionStatus.ERROR
                : processor.isRunning() ? ProjectionStatus.RUNNING : ProjectionStatus.STOPPED;
        return new ProjectionStatus(processor.getName(), position, head, head - (position == null ? 0 : position),
                segments.stream().anyMatch(SegmentStatus::replaying), state, instances.live().size(), segments);
    }

    private SegmentStatus segment(String processor, SegmentClaim claim, EventTrackerStatus own) {
        boolean mine = claim.liveClaimOf(instances.nodeId());
        TrackingToken token = mine && own != null ? own.getTrackingToken() : claim.token();
        OptionalLong position = token == null ? OptionalLong.empty() : token.position();
        String error = claim.live() && !mine ? null : failures.of(processor, claim.segment());
        return new SegmentStatus(claim.segment(), claim.live() ? claim.owner() : null, mine, handled(position),
                replaying(token), error);
    }

    /** Still short of where the segment was when the read models were reset. */
    private static boolean replaying(TrackingToken token) {
        return WrappedToken.unwrap(token, ReplayToken.class)
                .filter(replay -> replay.position().orElse(0)
                                  < replay.getTokenAtReset().position().orElse(Long.MAX_VALUE))
                .isPresent();
    }

    /** Stops this instance's processors: each finishes its batch and releases its claims. */
    void stop() {
        processors().forEach(StreamingEventProcessor::shutDown);
    }

    void start() {
        processors().stream().filter(processor -> !processor.isRunning()).forEach(StreamingEventProcessor::start);
    }

    /**
     * With this instance's processors stopped and no other instance holding a claim: claims every segment, runs the
     * {@code @ResetHandler}s (they drop the read models) and stores tokens replaying the whole stream, then releases
     * the claims so that every instance can take its share.
     */
    void reset() {
        for (StreamingEventProcessor processor : processors()) {
            processor.resetTokens(source -> source.createTailToken());
            tokenStore.fetchClaims(processor.getName()).stream()
                    .filter(claim -> claim.liveClaimOf(instances.nodeId()))
                    .forEach(claim -> tokenStore.releaseClaim(processor.getName(), claim.segment()));
        }
    }

    /** Whether a live claim of another instance is held on a segment of a projection. */
    boolean claimedElsewhere() {
        return processors().stream().flatMap(processor -> tokenStore.fetchClaims(processor.getName()).stream())
                .anyMatch(claim -> claim.live() && !Objects.equals(claim.owner(), instances.nodeId()));
    }

    private List<StreamingEventProcessor> processors() {
        return processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance)
                .map(StreamingEventProcessor.class::cast)
                .sorted(Comparator.comparing(StreamingEventProcessor::getName))
                .toList();
    }

    /** Global indexes start at 1: a token at 0 has handled nothing yet. */
    private static Long handled(OptionalLong position) {
        return position.isPresent() && position.getAsLong() > 0 ? position.getAsLong() : null;
    }

    private static long position(TrackingToken token) {
        return token == null ? 0 : token.position().orElse(0);
    }
}
