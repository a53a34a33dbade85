package org.safeguarding.chronology.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.eventhandling.tokenstore.UnableToInitializeTokenException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MongoTokenStoreTest {

    private final TestSupport support = new TestSupport();
    private final MutableClock clock = new MutableClock();
    private final MongoTokenStore node1 = store("node-1");
    private final MongoTokenStore node2 = store("node-2");

    @AfterEach
    void close() {
        support.close();
    }

    @Test
    void initializesSegmentsOnlyOnce() {
        node1.initializeTokenSegments("projection", 2, new GlobalSequenceTrackingToken(0));
        assertThat(node1.fetchSegments("projection")).containsExactly(0, 1);
        assertThat(node1.fetchSegments("other")).isEmpty();
        assertThatThrownBy(() -> node2.initializeTokenSegments("projection", 2))
                .isInstanceOf(UnableToClaimTokenException.class);
        assertThat(node1.requiresExplicitSegmentInitialization()).isTrue();
        assertThat(node2.fetchToken("projection", 1)).isEqualTo(new GlobalSequenceTrackingToken(0));
    }

    @Test
    void storesAndFetchesTokens() {
        node1.initializeTokenSegments("projection", 1);
        assertThat(node1.fetchToken("projection", 0)).isNull();
        node1.storeToken(new GlobalSequenceTrackingToken(42), "projection", 0);
        assertThat(node1.fetchToken("projection", 0)).isEqualTo(new GlobalSequenceTrackingToken(42));

        TrackingToken replay = ReplayToken.createReplayToken(new GlobalSequenceTrackingToken(42),
                                                             new GlobalSequenceTrackingToken(0));
        node1.storeToken(replay, "projection", 0);
        assertThat(node1.fetchToken("projection", Segment.ROOT_SEGMENT)).isEqualTo(replay);
    }

    @Test
    void aClaimHeldByAnotherNodeCannotBeTakenUntilItTimesOut() {
        node1.initializeTokenSegments("projection", 1);
        node1.fetchToken("projection", 0);
        assertThatThrownBy(() -> node2.fetchToken("projection", 0)).isInstanceOf(UnableToClaimTokenException.class);
        assertThatThrownBy(() -> node2.storeToken(new GlobalSequenceTrackingToken(1), "projection", 0))
                .isInstanceOf(UnableToClaimTokenException.class);
        assertThatThrownBy(() -> node2.extendClaim("projection", 0)).isInstanceOf(UnableToClaimTokenException.class);
        assertThat(node2.fetchAvailableSegments("projection")).isEmpty();

        clock.advance(Duration.ofSeconds(9));
        node1.extendClaim("projection", 0);
        clock.advance(Duration.ofSeconds(9));
        assertThatThrownBy(() -> node2.fetchToken("projection", 0)).isInstanceOf(UnableToClaimTokenException.class);

        clock.advance(Duration.ofSeconds(2));
        assertThat(node2.fetchAvailableSegments("projection")).extracting(Segment::getSegmentId).containsExactly(0);
        node2.storeToken(new GlobalSequenceTrackingToken(7), "projection", 0);
        assertThatThrownBy(() -> node1.extendClaim("projection", 0)).isInstanceOf(UnableToClaimTokenException.class);
        assertThatThrownBy(() -> node1.fetchToken("projection", 0)).isInstanceOf(UnableToClaimTokenException.class);
        assertThat(node2.fetchToken("projection", 0)).isEqualTo(new GlobalSequenceTrackingToken(7));
    }

    @Test
    void aReleasedClaimCanBeTakenAtOnce() {
        node1.initializeTokenSegments("projection", 2);
        node1.fetchToken("projection", 0);
        node1.fetchToken("projection", 1);
        node1.releaseClaim("projection", 1);
        node2.releaseClaim("projection", 0); // not its claim: ignored
        assertThat(node2.fetchAvailableSegments("projection")).extracting(Segment::getSegmentId).containsExactly(1);
        assertThat(node2.fetchToken("projection", 1)).isNull();
        assertThatThrownBy(() -> node2.fetchToken("projection", 0)).isInstanceOf(UnableToClaimTokenException.class);
    }

    @Test
    void fetchingAnUninitializedSegmentFailsAndInitializingOneTwiceFails() {
        assertThatThrownBy(() -> node1.fetchToken("projection", 0)).isInstanceOf(UnableToClaimTokenException.class);
        node1.initializeSegment(new GlobalSequenceTrackingToken(3), "projection", 0);
        assertThatThrownBy(() -> node1.initializeSegment(null, "projection", 0))
                .isInstanceOf(UnableToInitializeTokenException.class);
        assertThat(node1.fetchToken("projection", 0)).isEqualTo(new GlobalSequenceTrackingToken(3));
    }

    @Test
    void deletesOnlyItsOwnClaimedToken() {
        node1.initializeTokenSegments("projection", 2);
        node1.fetchToken("projection", 1);
        assertThatThrownBy(() -> node2.deleteToken("projection", 1)).isInstanceOf(UnableToClaimTokenException.class);
        node1.deleteToken("projection", 1);
        assertThat(node1.fetchSegments("projection")).containsExactly(0);
    }

    @Test
    void everySegmentsTokenAndClaimAreReadTogether() {
        node1.initializeTokenSegments("projection", 3, new GlobalSequenceTrackingToken(0));
        node1.fetchToken("projection", 0);
        node1.storeToken(new GlobalSequenceTrackingToken(5), "projection", 0);
        node2.fetchToken("projection", 2);
        clock.advance(Duration.ofSeconds(6));
        node2.extendClaim("projection", 2);

        assertThat(node2.fetchClaims("projection")).containsExactly(
                new MongoTokenStore.SegmentClaim(0, new GlobalSequenceTrackingToken(5), "node-1",
                                                 Instant.parse("2024-01-01T00:00:00Z"), true),
                new MongoTokenStore.SegmentClaim(1, new GlobalSequenceTrackingToken(0), null,
                                                 Instant.parse("2024-01-01T00:00:00Z"), false),
                new MongoTokenStore.SegmentClaim(2, new GlobalSequenceTrackingToken(0), "node-2",
                                                 Instant.parse("2024-01-01T00:00:06Z"), true));
        assertThat(node2.fetchClaims("projection").get(2).liveClaimOf("node-2")).isTrue();
        assertThat(node2.fetchClaims("projection").get(2).liveClaimOf("node-1")).isFalse();
        assertThat(node1.fetchClaims("other")).isEmpty();

        clock.advance(Duration.ofSeconds(5)); // node-1's claim is 11 s old, node-2's 5 s
        assertThat(node2.fetchClaims("projection")).extracting(MongoTokenStore.SegmentClaim::live)
                                                   .containsExactly(false, false, true);
        assertThat(node2.fetchAvailableSegments("projection")).extracting(Segment::getSegmentId)
                                                             .containsExactly(0, 1, 2);
        assertThat(node1.fetchAvailableSegments("projection")).extracting(Segment::getSegmentId)
                                                             .containsExactly(0, 1);
        node2.releaseClaim("projection", 2);
        assertThat(node1.fetchClaims("projection").get(2).owner()).isNull();
        assertThat(node1.fetchClaims("projection").get(2).live()).isFalse();
        assertThat(node1.claimTimeout()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void keepsOneStorageIdentifier() {
        String id = node1.retrieveStorageIdentifier().orElseThrow();
        assertThat(node2.retrieveStorageIdentifier()).contains(id);
        assertThat(node1.fetchSegments("__storage_identifier")).isEmpty();
    }

    private MongoTokenStore store(String nodeId) {
        return MongoTokenStore.builder().database(support.database).serializer(support.serializer).nodeId(nodeId)
                              .claimTimeout(Duration.ofSeconds(10)).clock(clock).build();
    }

    private static final class MutableClock extends Clock {

        private volatile Instant now = Instant.parse("2024-01-01T00:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
