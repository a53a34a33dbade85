package org.safeguarding.chronology.api.review;

import org.axonframework.serialization.Revision;

/** A user became a member of the review, after the chair and the members added before. */
@Revision("1")
public record ReviewMemberAdded(String reviewId, String username, String by) {
}
