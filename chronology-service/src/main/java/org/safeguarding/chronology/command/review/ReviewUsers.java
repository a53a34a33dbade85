package org.safeguarding.chronology.command.review;

import java.util.Optional;
import org.safeguarding.chronology.api.access.UserRole;

/**
 * The platform's users as reviews need them: a chair must have role CHAIR, a member REVIEWER or CHAIR, and an
 * answer shows each user's role and agency. Users are kept by the access configuration, which provides the bean;
 * this module has no implementation of its own.
 */
public interface ReviewUsers {

    /** The user with this username, or empty when there is none. */
    Optional<User> find(String username);

    default Optional<UserRole> roleOf(String username) {
        return find(username).map(User::role);
    }

    /** @param agencyId the agency of an AGENCY user, null for the other roles */
    record User(String username, UserRole role, String agencyId) {
    }
}
