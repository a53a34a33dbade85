package org.safeguarding.chronology.security;

import org.safeguarding.chronology.api.access.ActingUser;
import org.safeguarding.chronology.api.access.UserRole;

/**
 * A user of the built-in store. The password hash never leaves this module's authentication.
 *
 * @param agencyId the agency of an AGENCY user, else null
 */
public record UserAccount(String username, UserRole role, String agencyId, String passwordHash) {

    public ActingUser actingUser() {
        return new ActingUser(username, role, agencyId);
    }

    @Override
    public String toString() {
        return "UserAccount[" + username + ", " + role + (agencyId == null ? "" : ", " + agencyId) + "]";
    }
}
