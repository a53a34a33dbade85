package org.safeguarding.chronology.query.status;

/**
 * How far one projection (a tracking event processor) has read the event stream: position is the global
 * sequence of the last event it handled (null before the first), headSequence the store's highest.
 */
public record ProjectionStatus(String name, Long position, long headSequence, boolean replaying) {
}
