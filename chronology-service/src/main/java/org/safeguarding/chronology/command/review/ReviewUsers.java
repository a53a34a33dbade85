package org.safeguarding.chronology.command.review;

import java.util.Optional;
import org.safeguarding.chronology.api.access.ActingUser;
import org.safeguarding.chronology.api.access.UserRole;

/**
 * The platform's users as reviews need them: a chair must have role CHAIR, a member REVIEWER or CHAIR, and an
 * answer shows each user's role and agency. Kept in the built-in user store (StoredReviewUsers).
 */
public interface ReviewUsers {

    /** The user with this username (its agency only when its role is AGENCY), or empty when there is none. */
    Optional<ActingUser> find(String username);

    default Optional<UserRole> roleOf(String username) {
        return find(username).map(ActingUser::role);
    }
}
