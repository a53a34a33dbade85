package org.safeguarding.chronology.query.instances;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;

/**
 * The event store as the pooled processor's source, with streams that say when the store has new events. The
 * embedded event store's streams cannot, and without that the processor's coordinator looks again only every
 * 500 ms when idle, so a new entry took half a second to be projected. Here the store's head (one point lookup)
 * is watched every {@code poll}; while it moves, and for a few polls after (the event store's own reader fetches
 * behind it), the coordinator is woken. Waking it when nothing is new costs one empty look at the stream.
 */
public final class SignallingEventSource implements StreamableMessageSource<TrackedEventMessage<?>> {

    /** Polls after the head last moved during which the coordinator is still woken. */
    private static final int POLLS_AFTER_A_MOVE = 6;

    private final StreamableMessageSource<TrackedEventMessage<?>> events;
    private final LongSupplier head;
    private final long pollMillis;
    private final ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "event-store-head-watcher");
        thread.setDaemon(true);
        return thread;
    });

    public SignallingEventSource(StreamableMessageSource<TrackedEventMessage<?>> events, LongSupplier head,
                                 Duration poll) {
        this.events = events;
        this.head = head;
        this.pollMillis = Math.max(1, poll.toMillis());
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
        return new SignallingStream(events.openStream(trackingToken));
    }

    @Override
    public TrackingToken createTailToken() {
        return events.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return events.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return events.createTokenAt(dateTime);
    }

    @Override
    public TrackingToken createTokenSince(Duration duration) {
        return events.createTokenSince(duration);
    }

    private final class SignallingStream implements BlockingStream<TrackedEventMessage<?>> {

        private final BlockingStream<TrackedEventMessage<?>> stream;
        private volatile ScheduledFuture<?> watching;
        private long lastHead = -1;
        private int pollsToWake;

        SignallingStream(BlockingStream<TrackedEventMessage<?>> stream) {
            this.stream = stream;
        }

        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
            stopWatching();
            watching = watcher.scheduleWithFixedDelay(() -> {
                long now = head.getAsLong();
                if (now != lastHead) {
                    lastHead = now;
                    pollsToWake = POLLS_AFTER_A_MOVE;
                }
                if (pollsToWake > 0) {
                    pollsToWake--;
                    callback.run();
                }
            }, 0, pollMillis, TimeUnit.MILLISECONDS);
            return true;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return stream.peek();
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            return stream.hasNextAvailable(timeout, unit);
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            return stream.nextAvailable();
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
            stream.skipMessagesWithPayloadTypeOf(ignoredMessage);
        }

        @Override
        public void close() {
            stopWatching();
            stream.close();
        }

        private void stopWatching() {
            ScheduledFuture<?> current = watching;
            if (current != null) {
                current.cancel(false);
            }
        }
    }
}
