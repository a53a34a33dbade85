package org.safeguarding.chronology.query.status;

import java.util.List;

/**
 * How far one projection (a streaming event processor) has read the event stream, over all its segments whichever
 * instance processes them. position is the global sequence up to which every segment has handled the stream (null
 * before the first), headSequence the store's highest, lag the events in between. state is {@value #RUNNING},
 * {@value #STOPPED} (during a rebuild) or {@value #ERROR} (a segment failed and waits to be retried).
 */
public record ProjectionStatus(String name, Long position, long headSequence, long lag, boolean replaying,
                               String state, int instances, List<SegmentStatus> segments) {

    public static final String RUNNING = "running";
    public static final String STOPPED = "stopped";
    public static final String ERROR = "error";

    /**
     * One segment: owner is the instance holding a live claim on it (null while none does), mine whether that is this
     * instance, position as for the projection, error the last failure while no other instance has taken it over.
     */
    public record SegmentStatus(int segment, String owner, boolean mine, Long position, boolean replaying,
                                String error) {
    }
}
