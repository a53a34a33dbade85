package org.safeguarding.chronology.security;

import static org.safeguarding.chronology.api.rejection.RejectedException.forbidden;

import org.safeguarding.chronology.api.access.ActingUser;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The authenticated user of the request being served. */
public final class ActingUsers {

    private ActingUsers() {
    }

    /** The user, or a FORBIDDEN refusal when the request carries none (it never gets this far over HTTP). */
    public static ActingUser current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.isAuthenticated()
                && authentication.getPrincipal() instanceof ActingUser user) {
            return user;
        }
        throw forbidden("this operation needs an authenticated user");
    }

    /** The user, when it is an ADMIN; else a FORBIDDEN refusal saying what only an ADMIN may do. */
    public static ActingUser admin(String onlyAdminMay) {
        ActingUser user = current();
        if (!user.isAdmin()) {
            throw forbidden("only an ADMIN user may " + onlyAdminMay);
        }
        return user;
    }
}
