package org.safeguarding.chronology.command.review;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.safeguarding.chronology.api.review.ReviewCommissioned;
import org.safeguarding.chronology.api.review.ReviewMemberAdded;
import org.safeguarding.chronology.eventstore.MongoEventStorageEngine;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The reviews' commissions and members, read from the event stream in the store's order (no other event's payload
 * is read). How far the stream was read is kept: a membership once seen holds for good, and a question it does not
 * answer yet reads on to the head of the stream as it is when asked, so a member added by any instance is seen by
 * the next command. The first read goes through the whole stream; it starts when the service is ready.
 */
@Component
public class EventStoreReviewMembers implements ReviewMembers {

    /** How long a question waits for an index taken but not yet committed (or fenced) below the head. */
    static final Duration CATCH_UP = Duration.ofSeconds(2);

    private final EventStorageEngine storage;
    private final Set<Membership> memberships = ConcurrentHashMap.newKeySet();
    /** Read under this object's lock only. */
    private final Map<String, List<String>> childrenOfReview = new HashMap<>();
    private TrackingToken read;

    public EventStoreReviewMembers(EventStorageEngine storage) {
        this.storage = storage;
    }

    private record Membership(String username, String childId) {
    }

    @Override
    public boolean isMemberOfReviewOf(String username, String childId) {
        Membership asked = new Membership(username, childId);
        if (memberships.contains(asked)) {
            return true;
        }
        synchronized (this) {
            long head = head();
            long deadline = System.nanoTime() + CATCH_UP.toNanos();
            readOn();
            while (!memberships.contains(asked) && position(read) < head && System.nanoTime() < deadline) {
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
                readOn();
            }
        }
        return memberships.contains(asked);
    }

    @EventListener(ApplicationReadyEvent.class)
    void readTheStreamOnce() {
        Thread reader = new Thread(() -> {
            synchronized (this) {
                readOn();
            }
        }, "review-members");
        reader.setDaemon(true);
        reader.start();
    }

    private void readOn() {
        try (Stream<? extends TrackedEventMessage<?>> events = storage.readEvents(read, false)) {
            events.forEach(event -> {
                read = event.trackingToken();
                if (event.getPayloadType() == ReviewCommissioned.class) {
                    ReviewCommissioned commissioned = (ReviewCommissioned) event.getPayload();
                    childrenOfReview.put(commissioned.reviewId(), List.copyOf(commissioned.childIds()));
                    join(commissioned.chair(), commissioned.reviewId());
                } else if (event.getPayloadType() == ReviewMemberAdded.class) {
                    ReviewMemberAdded added = (ReviewMemberAdded) event.getPayload();
                    join(added.username(), added.reviewId());
                }
            });
        }
    }

    private void join(String username, String reviewId) {
        childrenOfReview.getOrDefault(reviewId, List.of())
                .forEach(childId -> memberships.add(new Membership(username, childId)));
    }

    /** The position a reader reaches once it has read every event committed or being committed now. */
    private long head() {
        return storage instanceof MongoEventStorageEngine mongo ? mongo.deliverableHead()
                : position(storage.createHeadToken());
    }

    private static long position(TrackingToken token) {
        return token == null ? 0 : token.position().orElse(0);
    }
}
