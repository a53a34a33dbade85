package org.safeguarding.chronology.api.review;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * A review was commissioned. The chair is its first member. dueBy is computed when commissioned (a rapid review:
 * 15 working days after the London date of commissionedAt), null for the other types.
 *
 * @param by the username of who commissioned it
 */
@Revision("1")
public record ReviewCommissioned(String reviewId, ReviewType type, List<String> childIds, LocalDate scopeFrom,
                                 LocalDate scopeTo, String chair, Instant commissionedAt, LocalDate dueBy,
                                 String by) {

    public ReviewCommissioned {
        childIds = List.copyOf(childIds);
    }
}
