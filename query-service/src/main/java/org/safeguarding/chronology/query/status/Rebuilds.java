package org.safeguarding.chronology.query.status;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import jakarta.annotation.PostConstruct;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.bson.Document;
import org.safeguarding.chronology.query.ReadModelLayout;
import org.safeguarding.chronology.query.instances.QueryInstances;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * A rebuild of every read model, shared by the live query-service instances through the {@code rebuild} document of
 * {@code rm_meta}: the instance asked (by {@code POST /actuator/projections} or for an older layout) raises its
 * {@code requested} generation and leads. Every other instance sees it at its next beat and stops its processors, so
 * their claims are released; the leader stops its own, waits for the others' claims to go (released, or timed out for
 * an instance that died), resets the tokens, which drops the read models, marks the generation {@code done} and
 * starts again. The others then forget what they kept of the read models and start again too, and all share the
 * replay. A rebuild asked while one is under way, on any instance, joins it. If the leader dies, the others start
 * again once it stops beating: the rebuild is then either not begun or replaying.
 */
@Service
public class Rebuilds {

    static final String REBUILD = "rebuild";
    private static final String REQUESTED = "requested";
    private static final String DONE = "done";
    private static final String BY = "by";
    private static final Logger log = LoggerFactory.getLogger(Rebuilds.class);

    private final MongoTemplate mongo;
    private final Projections projections;
    private final QueryInstances instances;
    private final ApplicationEventPublisher events;
    /** The generation this instance stopped its processors for as a follower, 0 when it did not. */
    private long followed;
    private final AtomicBoolean leading = new AtomicBoolean();

    public Rebuilds(MongoTemplate mongo, Projections projections, QueryInstances instances,
                    ApplicationEventPublisher events) {
        this.mongo = mongo;
        this.projections = projections;
        this.instances = instances;
        this.events = events;
    }

    @PostConstruct
    void followTheOthers() {
        instances.onEachBeat(this::follow);
    }

    /** Rebuilds every read model with the other live instances; answers once the replay has begun. */
    public List<ProjectionStatus> rebuild() {
        for (int attempt = 0; ; attempt++) {
            Request request = request();
            if (underWay(request)) {
                log.info("A rebuild of the read models is under way, led by {}: joining it", request.by());
                await(() -> !underWay(request()), 4);
                return projections.status();
            }
            try {
                if (request.generation() == 0) {
                    mongo.insert(new Document("_id", REBUILD).append(REQUESTED, 1L).append(DONE, 0L)
                            .append(BY, instances.nodeId()), ReadModelLayout.META);
                } else if (mongo.updateFirst(query(where("_id").is(REBUILD).and(REQUESTED).is(request.generation())),
                        new Update().set(REQUESTED, request.generation() + 1).set(BY, instances.nodeId()),
                        ReadModelLayout.META).getModifiedCount() == 0) {
                    continue;
                }
                lead(request.generation() + 1);
                return projections.status();
            } catch (DuplicateKeyException raced) {
                if (attempt > 3) {
                    throw raced;
                }
            }
        }
    }

    private void lead(long generation) {
        log.info("Rebuilding the read models (generation {}): stopping the projections of every instance", generation);
        leading.set(true);
        projections.stop();
        try {
            for (int attempt = 1; ; attempt++) {
                if (!await(() -> !projections.claimedElsewhere(), 3)) {
                    throw new IllegalStateException("Other instances still hold segments of the projections after "
                                                    + 3 * instances.claimTimeout().toMillis() + " ms: not rebuilt");
                }
                try {
                    projections.reset();
                    break;
                } catch (UnableToClaimTokenException claimedMeanwhile) { // by an instance just started
                    if (attempt == 3) {
                        throw claimedMeanwhile;
                    }
                }
            }
            log.info("The read models were dropped; replaying the event stream");
        } finally {
            mongo.updateFirst(query(where("_id").is(REBUILD)), new Update().max(DONE, generation),
                    ReadModelLayout.META);
            leading.set(false);
            projections.start();
        }
    }

    /** After each beat: stops this instance's processors while another leads a rebuild, starts them after it. */
    private void follow() {
        if (leading.get()) {
            return;
        }
        Request request = request();
        boolean ledElsewhere = underWay(request) && !instances.nodeId().equals(request.by());
        if (ledElsewhere && followed != request.generation()) {
            log.info("Instance {} rebuilds the read models: stopping the projections here", request.by());
            followed = request.generation();
            projections.stop();
        } else if (!ledElsewhere && followed != 0) {
            log.info("The rebuild of the read models is {}: starting the projections here",
                     request.generation() > request.done() ? "abandoned by its leader" : "under way");
            followed = 0;
            events.publishEvent(new ReadModelsReset());
            projections.start();
        }
    }

    private Request request() {
        Document rebuild = mongo.findById(REBUILD, Document.class, ReadModelLayout.META);
        if (rebuild == null) {
            return new Request(0, 0, null);
        }
        return new Request(rebuild.get(REQUESTED, Number.class).longValue(), rebuild.get(DONE, Number.class).longValue(),
                rebuild.getString(BY));
    }

    /** Polls until the condition holds, for at most this many claim timeouts; whether it held. */
    private boolean await(BooleanSupplier condition, int claimTimeouts) {
        long deadline = System.nanoTime() + instances.claimTimeout().multipliedBy(claimTimeouts).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    /** Raised on an instance that followed a rebuild, once the read models have been dropped. */
    public record ReadModelsReset() {
    }

    private record Request(long generation, long done, String by) {
    }

    /** Requested, not done, and its leader still beating. */
    private boolean underWay(Request request) {
        return request.generation() > request.done() && instances.isLiveNow(request.by());
    }
}
