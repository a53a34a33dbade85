package org.safeguarding.chronology.api.review;

/** Reviews share the event store with agencies and children: their aggregate identifiers carry a prefix. */
public final class ReviewIds {
    public static final String PREFIX = "review:";

    private ReviewIds() {
    }

    public static String aggregateId(String reviewId) {
        return PREFIX + reviewId;
    }
}
