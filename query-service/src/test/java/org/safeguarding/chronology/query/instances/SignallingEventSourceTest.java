package org.safeguarding.chronology.query.instances;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;
import org.junit.jupiter.api.Test;

class SignallingEventSourceTest {

    private final AtomicLong head = new AtomicLong(5);
    private final AtomicInteger closed = new AtomicInteger();

    @Test
    void theProcessorIsWokenWhileTheStoreHeadMovesAndSoonAfterwardsOnly() throws Exception {
        SignallingEventSource source = new SignallingEventSource(new Silent(), head::get, Duration.ofMillis(5));
        BlockingStream<TrackedEventMessage<?>> stream = source.openStream(null);
        AtomicInteger wakes = new AtomicInteger();
        assertThat(stream.setOnAvailableCallback(wakes::incrementAndGet)).isTrue();

        Thread.sleep(150);
        int afterStart = wakes.get();
        assertThat(afterStart).as("a few wakes after the head was first seen, then none").isBetween(1, 6);
        Thread.sleep(100);
        assertThat(wakes.get()).isEqualTo(afterStart);

        head.incrementAndGet();
        Thread.sleep(150);
        assertThat(wakes.get()).isGreaterThan(afterStart);

        stream.close();
        int atClose = wakes.get();
        head.incrementAndGet();
        Thread.sleep(100);
        assertThat(wakes.get()).as("no wakes once the stream is closed").isEqualTo(atClose);
        assertThat(closed).hasValue(1);
    }

    /** A source whose streams never have an event. */
    private final class Silent implements StreamableMessageSource<TrackedEventMessage<?>> {

        @Override
        public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
            return new BlockingStream<>() {
                @Override
                public Optional<TrackedEventMessage<?>> peek() {
                    return Optional.empty();
                }

                @Override
                public boolean hasNextAvailable(int timeout, TimeUnit unit) {
                    return false;
                }

                @Override
                public TrackedEventMessage<?> nextAvailable() {
                    throw new IllegalStateException("no events");
                }

                @Override
                public void close() {
                    closed.incrementAndGet();
                }
            };
        }
    }
}
