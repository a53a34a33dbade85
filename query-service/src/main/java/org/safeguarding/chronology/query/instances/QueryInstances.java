package org.safeguarding.chronology.query.instances;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.safeguarding.chronology.eventstore.MongoTokenStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The query-service processes on one store. Each beats into {@code query_instances} (one document per process, keyed
 * by its token-claim owner name) every quarter of the claim timeout, and counts as live until a claim timeout after
 * its last beat: the time after which its token claims may be taken over too. A process that stops cleanly leaves
 * at once. Tasks registered with {@link #onEachBeat} run after each beat, on its thread.
 */
@Component
public class QueryInstances {

    static final String INSTANCES = "query_instances";
    private static final String SEEN_AT = "seenAt";
    /** Documents of processes gone this long are removed when a process starts. */
    private static final Duration FORGOTTEN_AFTER = Duration.ofDays(1);
    private static final Logger log = LoggerFactory.getLogger(QueryInstances.class);

    private final MongoTemplate mongo;
    private final String nodeId;
    private final Duration claimTimeout;
    private final Clock clock = Clock.systemUTC();
    private final List<Runnable> afterEachBeat = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService beats = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "query-instances");
        thread.setDaemon(true);
        return thread;
    });
    private volatile Set<String> live = Set.of();

    public QueryInstances(MongoTemplate mongo, MongoTokenStore tokenStore) {
        this.mongo = mongo;
        this.nodeId = tokenStore.nodeId();
        this.claimTimeout = tokenStore.claimTimeout();
    }

    /** Beats once before the event processors start, so the others count this process when they share segments. */
    @PostConstruct
    void start() {
        mongo.remove(query(where(SEEN_AT).lt(clock.millis() - FORGOTTEN_AFTER.toMillis())), INSTANCES);
        beat();
        long period = Math.max(1, claimTimeout.toMillis() / 4);
        beats.scheduleWithFixedDelay(this::beatAndRunTasks, period, period, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void leave() {
        beats.shutdownNow();
        mongo.remove(query(where("_id").is(nodeId)), INSTANCES);
    }

    public void onEachBeat(Runnable task) {
        afterEachBeat.add(task);
    }

    /** This process's name, the owner of its token claims. */
    public String nodeId() {
        return nodeId;
    }

    /** The processes that beat within the last claim timeout, this one included. */
    public Set<String> live() {
        return live;
    }

    /** Whether the process beat within the last claim timeout, read from the store now rather than at the last beat. */
    public boolean isLiveNow(String nodeId) {
        return this.nodeId.equals(nodeId) || nodeId != null && mongo.exists(
                query(where("_id").is(nodeId).and(SEEN_AT).gt(clock.millis() - claimTimeout.toMillis())), INSTANCES);
    }

    public Duration claimTimeout() {
        return claimTimeout;
    }

    private void beatAndRunTasks() {
        try {
            beat();
        } catch (RuntimeException e) {
            log.warn("Could not record this query-service instance's presence: {}", e.toString());
            return;
        }
        for (Runnable task : afterEachBeat) {
            try {
                task.run();
            } catch (RuntimeException e) {
                log.warn("A task after the instance beat failed", e);
            }
        }
    }

    private void beat() {
        long now = clock.millis();
        mongo.upsert(query(where("_id").is(nodeId)), Update.update(SEEN_AT, now), INSTANCES);
        Set<String> seen = new HashSet<>();
        mongo.find(query(where(SEEN_AT).gt(now - claimTimeout.toMillis())), Document.class, INSTANCES)
                .forEach(instance -> seen.add(instance.getString("_id")));
        seen.add(nodeId);
        live = Set.copyOf(seen);
    }
}
