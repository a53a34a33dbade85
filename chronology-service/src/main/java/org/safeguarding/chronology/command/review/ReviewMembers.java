package org.safeguarding.chronology.command.review;

/**
 * Who is on a review of which child, as the reviews stand: the commands on a child's case that a review may send
 * are checked against it. A chair is a member of its review; members are never removed. Kept in the event store
 * (EventStoreReviewMembers).
 */
public interface ReviewMembers {

    /** Whether the user is a member (or the chair) of a review of the child. */
    boolean isMemberOfReviewOf(String username, String childId);
}
