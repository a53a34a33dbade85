package org.safeguarding.chronology.eventstore;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Settings of the MongoDB event store and token store, prefix {@code chronology.event-store}. */
@ConfigurationProperties("chronology.event-store")
public class MongoEventStoreProperties {

    /** How long a taken but uncommitted global index may hold tracking readers back before they fence it. */
    private Duration gapFenceTimeout = Duration.ofSeconds(1);
    /** Events per read batch of tracking and aggregate reads. */
    private int batchSize = 100;
    /** How long the embedded event store waits before polling MongoDB again once its readers reached the head. */
    private Duration fetchDelay = Duration.ofMillis(50);
    /** How long the embedded event store keeps events cached for its tailing consumers. */
    private Duration cleanupDelay = Duration.ofSeconds(10);
    /** A token claim older than this may be taken over by another process. */
    private Duration claimTimeout = Duration.ofSeconds(10);
    /** Owner name of this process's token claims; defaults to the JVM's {@code pid@host}. */
    private String nodeId;
    private final Collections collections = new Collections();

    public Duration getGapFenceTimeout() {
        return gapFenceTimeout;
    }

    public void setGapFenceTimeout(Duration gapFenceTimeout) {
        this.gapFenceTimeout = gapFenceTimeout;
    }

    public int getBatchSize() {
        return batchSize;
    }

    public void setBatchSize(int batchSize) {
        this.batchSize = batchSize;
    }

    public Duration getFetchDelay() {
        return fetchDelay;
    }

    public void setFetchDelay(Duration fetchDelay) {
        this.fetchDelay = fetchDelay;
    }

    public Duration getCleanupDelay() {
        return cleanupDelay;
    }

    public void setCleanupDelay(Duration cleanupDelay) {
        this.cleanupDelay = cleanupDelay;
    }

    public Duration getClaimTimeout() {
        return claimTimeout;
    }

    public void setClaimTimeout(Duration claimTimeout) {
        this.claimTimeout = claimTimeout;
    }

    public String getNodeId() {
        return nodeId;
    }

    public void setNodeId(String nodeId) {
        this.nodeId = nodeId;
    }

    public Collections getCollections() {
        return collections;
    }

    /** Collection names. */
    public static class Collections {

        private String events = "events";
        private String sequence = "event_sequence";
        private String snapshots = "snapshots";
        private String tokens = "tokens";

        public String getEvents() {
            return events;
        }

        public void setEvents(String events) {
            this.events = events;
        }

        public String getSequence() {
            return sequence;
        }

        public void setSequence(String sequence) {
            this.sequence = sequence;
        }

        public String getSnapshots() {
            return snapshots;
        }

        public void setSnapshots(String snapshots) {
            this.snapshots = snapshots;
        }

        public String getTokens() {
            return tokens;
        }

        public void setTokens(String tokens) {
            this.tokens = tokens;
        }
    }
}
